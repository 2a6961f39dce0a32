// Tests for shared-domain/identity/new_user.*: a new user's fields checked as
// one, in the order and with the messages every endpoint answers with.
#include "identity/new_user.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

NewUserInput valid_input()
{
    return { " Ana@School.org ", " Ana Example ", "correct horse battery", "student", std::nullopt };
}

} // namespace

TEST_CASE("a valid new user comes back normalised")
{
    auto user = validate_new_user(valid_input(), NewUserRoles::SignUp);
    REQUIRE(user.ok());
    CHECK(user.value()
        == ValidNewUser { "ana@school.org", "Ana Example", "correct horse battery", Role::Student, Json::object() });
    CHECK(new_user_errors(valid_input(), NewUserRoles::SignUp).empty());
}

TEST_CASE("sign-up allows teacher and student only, with one message for any other role")
{
    for (const char* role : { "admin", "moderator", "parent", "wizard", "" }) {
        INFO(role);
        auto input = valid_input();
        input.role = role;
        auto result = validate_new_user(input, NewUserRoles::SignUp);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message == "Role must be teacher or student");
        CHECK(result.error().field == "role");
    }
    auto teacher = valid_input();
    teacher.role = "teacher";
    CHECK(validate_new_user(teacher, NewUserRoles::SignUp).value().role == Role::Teacher);
}

TEST_CASE("staff may ask for any role; an unknown role gets the role list")
{
    auto input = valid_input();
    input.role = "parent";
    CHECK(validate_new_user(input, NewUserRoles::Any).value().role == Role::Parent);
    input.role = "wizard";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message
        == "Role must be one of admin, moderator, teacher, student, parent");
}

TEST_CASE("the first problem is reported in the order role, profile, email, name, password")
{
    NewUserInput input { "not an email", "", "short", "wizard", Json { { "colour", "red" } } };
    CHECK(validate_new_user(input, NewUserRoles::Any).error().field == "role");
    input.role = "student";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().field == "profile.colour");
    input.profile = Json { { "class", " 7B " } };
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message == "Email must look like name@example.com");
    input.email = "anabel@school.org";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message == "Name is required");
    input.name = "Ana";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message.starts_with("Choose a longer password"));
    input.password = "anabel-and-more-words";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message
        == "Choose a password that does not contain your name or email address");
    input.name = "Ana Castellano";
    input.password = "castellano family tree";
    CHECK(validate_new_user(input, NewUserRoles::Any).error().message
        == "Choose a password that does not contain your name or email address");
    input.password = "correct horse battery";
    CHECK(validate_new_user(input, NewUserRoles::Any).value().profile == Json { { "class", "7B" } });
}

TEST_CASE("a form gets every problem at once, one per field")
{
    NewUserInput input { "not an email", "", "short", "admin", Json::array() };
    auto errors = new_user_errors(input, NewUserRoles::SignUp);
    REQUIRE(errors.size() == 5);
    CHECK(errors[0].field == "role");
    CHECK(errors[1].message == "profile must be an object");
    CHECK(errors[2].field == "email");
    CHECK(errors[3].field == "name");
    CHECK(errors[4].field == "password");
}

TEST_CASE("profile changes are trimmed, bounded, and null removes a field")
{
    auto profile = apply_profile_changes(Json { { "class", " 7B " }, { "school", "North" } }, Json::object()).value();
    CHECK(profile == Json { { "class", "7B" }, { "school", "North" } });
    profile = apply_profile_changes(Json { { "class", nullptr }, { "branch", "East" } }, profile).value();
    CHECK(profile == Json { { "school", "North" }, { "branch", "East" } });
    CHECK(apply_profile_changes(Json { { "class", 7 } }, {}).error().message == "class must be a string");
    CHECK(apply_profile_changes(Json { { "class", 7 } }, {}).error().field == "profile.class");
    CHECK(apply_profile_changes(Json { { "class", std::string(101, 'x') } }, {}).error().field == "profile.class");
    CHECK(apply_profile_changes(Json { { "house", "Red" } }, {}).error().message == "Unknown profile field house");
    CHECK(apply_profile_changes(Json::array(), {}).error().field == "profile");
}

TEST_CASE("a new user's fields are read from a request body, naming a missing or mistyped field")
{
    auto body = Json::parse(R"({"email": "a@b.test", "name": "Ann", "password": "long enough pass", "role": "student",
        "profile": {"class": "8B"}})");
    auto input = read_new_user_input(body);
    REQUIRE(input.ok());
    CHECK(input.value().email == "a@b.test");
    CHECK(input.value().role == "student");
    REQUIRE(input.value().profile.has_value());
    CHECK((*input.value().profile)["class"] == "8B");
    body.erase("profile");
    CHECK_FALSE(read_new_user_input(body).value().profile.has_value());
    body["name"] = 5;
    CHECK(read_new_user_input(body).error().field == "name");
    body.erase("name");
    CHECK(read_new_user_input(body).error().field == "name");
}
