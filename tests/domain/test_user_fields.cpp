// Tests for shared-domain/identity/user_fields.*: email, display name and
// sign-in rules with their messages (new passwords: test_password_policy.cpp).
#include "identity/user_fields.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace learnloop;

TEST_CASE("valid emails are trimmed and lower-cased")
{
    CHECK(validate_email("ana@school.org").value() == "ana@school.org");
    CHECK(validate_email("  Ana.Lopez+maths@Sub.School.ORG \n").value() == "ana.lopez+maths@sub.school.org");
    CHECK(validate_email("o'brien@example.co.uk").ok());
    CHECK(validate_email("josé@école.fr").ok());
}

TEST_CASE("malformed emails get the shape message on field email")
{
    const char* bad[] = { "ana", "ana@", "@school.org", "ana@school", "ana@@school.org", "a@b@school.org",
        "ana@school..org", "ana@-school.org", "ana@school-.org", ".ana@school.org", "ana.@school.org",
        "an..a@school.org", "ana lopez@school.org", "ana@school.org.", "ana@127.0.0.1", "<script>@x.org",
        "ana@sch ool.org", "ana;drop@school.org\"" };
    for (auto email : bad) {
        INFO(email);
        auto result = validate_email(email);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(result.error().field == "email");
        CHECK(result.error().message == "Email must look like name@example.com");
    }
}

TEST_CASE("empty, overlong and non-UTF-8 emails have their own messages")
{
    CHECK(validate_email("").error().message == "Email is required");
    CHECK(validate_email("   ").error().message == "Email is required");
    auto long_email = std::string(250, 'a') + "@x.org";
    CHECK(validate_email(long_email).error().message == "Email must be at most 254 characters");
    CHECK(validate_email("ana\xff@school.org").error().message == "Email must be valid UTF-8 text");
}

TEST_CASE("display names are trimmed and bounded in code points")
{
    CHECK(validate_display_name("  Ana López ").value() == "Ana López");
    CHECK(validate_display_name("").error().message == "Name is required");
    CHECK(validate_display_name(" \t ").error().message == "Name is required");
    CHECK(validate_display_name("Ana\nLopez").error().message == "Name must not contain control characters");
    CHECK(validate_display_name("Ana\x7f").error().message == "Name must not contain control characters");
    CHECK(validate_display_name("\xc3\x28").error().message == "Name must be valid UTF-8 text");

    std::string hundred_accented;
    for (int i = 0; i < 100; ++i)
        hundred_accented += "é";
    CHECK(validate_display_name(hundred_accented).ok()); // 200 bytes, 100 code points
    CHECK(validate_display_name(hundred_accented + "e").error().message == "Name must be at most 100 characters");
    CHECK(validate_display_name("Robert'); DROP TABLE users;--").ok()); // stored as text, never as SQL
}

TEST_CASE("the sign-in form reports every problem in field order")
{
    CHECK(validate_sign_in("ana@school.org", "anything").empty());
    auto errors = validate_sign_in("not-an-email", "");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "email");
    CHECK(errors[1].field == "password");
    CHECK(errors[1].message == "Password is required");
}
