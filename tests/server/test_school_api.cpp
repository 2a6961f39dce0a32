// The school-structure API, black box against the real server and PostgreSQL,
// as docs/api.md ("School structure") fixes it: users (list, create, edit,
// deactivate), classes and their members, gradebooks (JSON and CSV), parent
// links, link codes and children. Every successful write adds exactly one
// audit row; every refused one adds none and changes nothing.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <tuple>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t value) { return std::to_string(value); }

std::string user_path(std::int64_t id) { return "/api/users/" + str(id); }

std::string class_path(std::int64_t id, const std::string& rest = {}) { return "/api/classes/" + str(id) + rest; }

std::string assignment_path(std::int64_t id, const std::string& rest = {})
{
    return "/api/assignments/" + str(id) + rest;
}

Reply patch(ApiClient& api, const std::string& path, const Json& body, const std::string& token)
{
    return api.send("PATCH", path, body, token);
}

// Counts audit rows: expect_one after a successful write, expect_none after a
// refused one (the count must not move).
class AuditWatch {
public:
    explicit AuditWatch(ApiFixture& f)
        : m_f(f)
        , m_count(f.audit_count())
    {
    }
    void expect_one(const std::string& action, const std::string& what)
    {
        INFO("audit after " << what);
        auto now = m_f.audit_count();
        CHECK(now == m_count + 1);
        CHECK(m_f.last_audit_action() == action);
        m_count = now;
    }
    void expect_none(const std::string& what)
    {
        INFO("audit after " << what);
        auto now = m_f.audit_count();
        CHECK(now == m_count);
        m_count = now;
    }
    // Re-reads the count (after logins, which write session rows).
    void resync() { m_count = m_f.audit_count(); }

private:
    ApiFixture& m_f;
    std::int64_t m_count;
};

// POST /api/users as `creator`; REQUIREs 201 and returns the new person
// (password k_demo_password, so ApiFixture::token can sign them in).
Person add_user(ApiFixture& f, const Person& creator, const std::string& email, const std::string& name,
    const std::string& role)
{
    auto reply = f.api().post("/api/users",
        { { "email", email }, { "name", name }, { "password", k_demo_password }, { "role", role } }, f.token(creator));
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
    REQUIRE(reply.json["user_id"].is_number_integer());
    return { "demo", email, name, role, reply.json["user_id"].get<std::int64_t>() };
}

const Json* find_by(const Json& list, const std::string& key, std::int64_t id)
{
    if (!list.is_array())
        return nullptr;
    for (const auto& item : list) {
        if (item.is_object() && item.contains(key) && item[key] == id)
            return &item;
    }
    return nullptr;
}

std::vector<std::string> names_of(const Json& list, const std::string& key = "name")
{
    std::vector<std::string> names;
    if (!list.is_array())
        return names;
    for (const auto& item : list)
        names.push_back(item.value(key, std::string()));
    return names;
}

bool matches_shape(const std::string& text, const std::string& shape)   // 'd' a digit, 'x' a lowercase hex digit
{
    if (text.size() != shape.size())
        return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        char c = text[i];
        bool ok = shape[i] == 'd' ? (c >= '0' && c <= '9')
            : shape[i] == 'x'     ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                                  : c == shape[i];
        if (!ok)
            return false;
    }
    return true;
}

void check_user_item(const Json& item)
{
    INFO(item.dump());
    REQUIRE(item.is_object());
    CHECK(item["id"].is_number_integer());
    CHECK(item["email"].is_string());
    CHECK(item["name"].is_string());
    CHECK(item["role"].is_string());
    CHECK(item["active"].is_boolean());
    CHECK(item["profile"].is_object());
}

} // namespace

// [SECTION] users: listing -------------------------------------------------

TEST_CASE("GET /api/users: admins and moderators see everyone with profile and active, ?role= filters, pages",
    "[api][school][users]")
{
    ApiFixture f("school_users_list");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);

    auto all = api.get("/api/users", admin);
    INFO(describe(all));
    REQUIRE(all.status == 200);
    REQUIRE(all.json.is_array());
    // Ordered by name.
    CHECK(names_of(all.json)
        == std::vector<std::string> { "Alex Admin", "Mo Moderator", "Pat Parent", "Sam Student", "Tara Teacher" });
    CHECK(all.header("X-Total-Count") == "5");
    CHECK(all.header("Link").empty());
    for (const auto& item : all.json) {
        check_user_item(item);
        CHECK(item["active"] == true);
        CHECK(item["profile"] == Json::object());
    }
    const Json* sam = find_by(all.json, "id", f.demo.student.id);
    REQUIRE(sam);
    CHECK(*sam
        == Json { { "id", f.demo.student.id }, { "email", "student@demo.learnloop.test" }, { "name", "Sam Student" },
            { "role", "student" }, { "active", true }, { "profile", Json::object() } });

    auto moderator = api.get("/api/users", f.token(f.demo.moderator));
    INFO(describe(moderator));
    REQUIRE(moderator.status == 200);
    CHECK(moderator.json == all.json);

    // ?role= filters; an unknown role is 400 naming the parameter.
    auto students = api.get("/api/users?role=student", admin);
    INFO(describe(students));
    REQUIRE(students.status == 200);
    CHECK(ids_of(students.json) == std::vector<std::int64_t> { f.demo.student.id });
    CHECK(students.header("X-Total-Count") == "1");
    auto parents = api.get("/api/users?role=parent", admin);
    REQUIRE(parents.status == 200);
    CHECK(ids_of(parents.json) == std::vector<std::int64_t> { f.demo.parent.id });
    for (const char* bad : { "wizard", "", "Student", "students" }) {
        INFO("role=" << bad);
        auto reply = api.get(std::string("/api/users?role=") + bad, admin);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == "role");
    }

    // Paging: limit/offset with X-Total-Count and a next Link that keeps the filter.
    auto first = api.get("/api/users?limit=2", admin);
    INFO(describe(first));
    REQUIRE(first.status == 200);
    CHECK(names_of(first.json) == std::vector<std::string> { "Alex Admin", "Mo Moderator" });
    CHECK(first.header("X-Total-Count") == "5");
    CHECK(first.header("Link") == "</api/users?limit=2&offset=2>; rel=\"next\"");
    auto last = api.get("/api/users?limit=2&offset=4", admin);
    REQUIRE(last.status == 200);
    CHECK(names_of(last.json) == std::vector<std::string> { "Tara Teacher" });
    CHECK(last.header("X-Total-Count") == "5");
    CHECK(last.header("Link").empty());
    auto beyond = api.get("/api/users?limit=2&offset=50", admin);
    REQUIRE(beyond.status == 200);
    CHECK(beyond.json == Json::array());
    CHECK(beyond.header("X-Total-Count") == "5");
    add_user(f, f.demo.admin, "bea.second@demo.learnloop.test", "Bea Second", "student");
    auto filtered = api.get("/api/users?role=student&limit=1", admin);
    INFO(describe(filtered));
    REQUIRE(filtered.status == 200);
    CHECK(names_of(filtered.json) == std::vector<std::string> { "Bea Second" });
    CHECK(filtered.header("X-Total-Count") == "2");
    CHECK(filtered.header("Link") == "</api/users?role=student&limit=1&offset=1>; rel=\"next\"");
    for (const char* bad : { "limit=0", "limit=201", "offset=-1", "limit=x" }) {
        INFO(bad);
        check_error(api.get(std::string("/api/users?") + bad, admin), 400, "Invalid request");
    }

    // Students and parents may not list users; without a token it is 401.
    for (const auto* person : { &f.demo.student, &f.demo.parent }) {
        INFO("as " << person->role);
        check_error(api.get("/api/users", f.token(*person)), 403, "Unauthorized", "Your role does not allow this");
    }
    check_error(api.get("/api/users"), 401, "Unauthorized");
}

TEST_CASE("GET /api/users as a teacher lists only the active students of the teacher's own classes",
    "[api][school][users]")
{
    ApiFixture f("school_users_teacher");
    auto& api = f.api();
    auto loner = add_user(f, f.demo.admin, "lou.loner@demo.learnloop.test", "Lou Loner", "student");
    auto teacher2 = add_user(f, f.demo.admin, "tom.second@demo.learnloop.test", "Tom Second-Teacher", "teacher");
    auto pupil2 = add_user(f, f.demo.admin, "pia.pupil@demo.learnloop.test", "Pia Pupil", "student");
    auto created = api.post("/api/classes", { { "name", "Year 9 Maths" } }, f.token(teacher2));
    INFO(describe(created));
    REQUIRE(created.status == 201);
    auto class2 = created.json["class_id"].get<std::int64_t>();
    // The school places students in classes (a teacher adds only students already in their reach).
    REQUIRE(api.post(class_path(class2, "/members"), { { "student_id", pupil2.id } }, f.token(f.demo.admin)).status == 201);

    const auto teacher = f.token(f.demo.teacher);
    auto mine = api.get("/api/users", teacher);
    INFO(describe(mine));
    REQUIRE(mine.status == 200);
    CHECK(ids_of(mine.json) == std::vector<std::int64_t> { f.demo.student.id });
    CHECK(mine.header("X-Total-Count") == "1");
    check_user_item(mine.json.at(0));
    CHECK(api.get("/api/users?role=student", teacher).json == mine.json);
    auto teachers = api.get("/api/users?role=teacher", teacher);
    REQUIRE(teachers.status == 200);
    CHECK(teachers.json == Json::array());
    CHECK(teachers.header("X-Total-Count") == "0");

    auto past_end = api.get("/api/users?offset=10", teacher);
    REQUIRE(past_end.status == 200);
    CHECK(past_end.json == Json::array());
    CHECK(past_end.header("X-Total-Count") == "1");

    auto theirs = api.get("/api/users", f.token(teacher2));
    REQUIRE(theirs.status == 200);
    CHECK(ids_of(theirs.json) == std::vector<std::int64_t> { pupil2.id });

    // The loner is out of the teacher's reach: adding them is refused as if there were no such student.
    check_error(api.post(class_path(f.demo.class_id, "/members"), { { "student_id", loner.id } }, teacher), 404,
        "Student not found");
    // The school adding the loner to the class makes them visible; deactivating hides them again.
    REQUIRE(api.post(class_path(f.demo.class_id, "/members"), { { "student_id", loner.id } }, f.token(f.demo.admin)).status
        == 201);
    auto with_loner = api.get("/api/users", teacher);
    CHECK(ids_of(with_loner.json) == std::vector<std::int64_t> { loner.id, f.demo.student.id });
    // The class's member list, paged like every list.
    const auto members = class_path(f.demo.class_id, "/members");
    CHECK(ids_of(api.get(members, teacher).json) == std::vector<std::int64_t> { loner.id, f.demo.student.id });
    auto first_member = api.get(members + "?limit=1", teacher);
    REQUIRE(first_member.status == 200);
    CHECK(ids_of(first_member.json) == std::vector<std::int64_t> { loner.id });
    CHECK(first_member.header("X-Total-Count") == "2");
    CHECK(first_member.header("Link") == "<" + members + "?limit=1&offset=1>; rel=\"next\"");
    CHECK(ids_of(api.get(members + "?limit=1&offset=1", teacher).json) == std::vector<std::int64_t> { f.demo.student.id });
    CHECK(api.get(members + "?limit=abc", teacher).status == 400);
    REQUIRE(api.del(user_path(loner.id), f.token(f.demo.admin)).status == 200);
    CHECK(ids_of(api.get("/api/users", teacher).json) == std::vector<std::int64_t> { f.demo.student.id });
}

TEST_CASE("a role cannot change under a class membership; once removed, the teacher's list drops the user",
    "[api][school][users]")
{
    ApiFixture f("school_users_teacher_role");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto teacher = f.token(f.demo.teacher);
    auto kim = add_user(f, f.demo.admin, "kim.changed@demo.learnloop.test", "Kim Changed", "student");
    REQUIRE(api.post(class_path(f.demo.class_id, "/members"), { { "student_id", kim.id } }, admin).status == 201);
    REQUIRE(ids_of(api.get("/api/users", teacher).json) == std::vector<std::int64_t> { kim.id, f.demo.student.id });

    // While Kim is in a class, the admin cannot make Kim an administrator.
    auto refused = patch(api, user_path(kim.id), { { "role", "admin" } }, admin);
    INFO(describe(refused));
    CHECK(refused.status == 422);
    CHECK(refused.json["field"] == "role");
    CHECK(refused.json["details"] == "Remove this user from their classes and parent links before changing their role");
    CHECK(ids_of(api.get("/api/users", teacher).json) == std::vector<std::int64_t> { kim.id, f.demo.student.id });

    // Removed from the class first, the change goes through and the teacher no longer sees Kim.
    REQUIRE(api.del(class_path(f.demo.class_id, "/members/" + std::to_string(kim.id)), teacher).status == 200);
    auto changed = patch(api, user_path(kim.id), { { "role", "admin" } }, admin);
    INFO(describe(changed));
    REQUIRE(changed.status == 200);
    auto mine = api.get("/api/users", teacher);
    REQUIRE(mine.status == 200);
    CHECK(ids_of(mine.json) == std::vector<std::int64_t> { f.demo.student.id });
    CHECK(mine.header("X-Total-Count") == "1");
    CHECK(api.get("/api/users?role=admin", teacher).json == Json::array());
}

// [SECTION] users: creating ------------------------------------------------

TEST_CASE("POST /api/users: an admin creates any role (201); duplicates 409; invalid fields 400 with the field",
    "[api][school][users][create]")
{
    ApiFixture f("school_users_create");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent })
        f.token(*person);   // signed in up front: sign-ins write audit rows
    AuditWatch audit(f);

    std::map<std::string, std::int64_t> made;
    for (const char* role : { "admin", "moderator", "teacher", "student", "parent" }) {
        INFO("role " << role);
        auto email = std::string("new.") + role + "@demo.learnloop.test";
        auto reply = api.post("/api/users",
            { { "email", email }, { "name", std::string("New ") + role }, { "password", k_demo_password },
                { "role", role } },
            admin);
        INFO(describe(reply));
        REQUIRE(reply.status == 201);
        CHECK(reply.json["message"] == "User created");
        REQUIRE(reply.json["user_id"].is_number_integer());
        made[role] = reply.json["user_id"].get<std::int64_t>();
        audit.expect_one("user.create", std::string("creating a ") + role);
        auto row = f.sql("SELECT tenant_id, email, role, deleted_at IS NULL FROM users WHERE id = " + str(made[role]));
        REQUIRE(row.size() == 1);
        CHECK(row[0][0].as<std::int64_t>() == f.demo.id);
        CHECK(row[0][1].as<std::string>() == email);
        CHECK(row[0][2].as<std::string>() == role);
        CHECK(row[0][3].as<bool>());
    }
    // The audit row names who was created, never the password or its hash.
    auto audit_after = f.sql_text("SELECT after::text FROM audit_log ORDER BY id DESC LIMIT 1");
    CHECK(audit_after.find("new.parent@demo.learnloop.test") != std::string::npos);
    CHECK(audit_after.find(k_demo_password) == std::string::npos);
    CHECK(audit_after.find("argon2") == std::string::npos);
    // A profile may be given at creation.
    auto with_profile = api.post("/api/users",
        { { "email", "profiled@demo.learnloop.test" }, { "name", "Pro Filed" }, { "password", k_demo_password },
            { "role", "student" }, { "profile", { { "class", "8B" }, { "branch", "Main" } } } },
        admin);
    INFO(describe(with_profile));
    REQUIRE(with_profile.status == 201);
    audit.expect_one("user.create", "creating a user with a profile");
    CHECK(f.sql_text("SELECT profile::text FROM users WHERE email = 'profiled@demo.learnloop.test'")
        == R"({"class": "8B", "branch": "Main"})");

    // The new users can sign in with their role.
    auto login = api.login("new.teacher@demo.learnloop.test", k_demo_password, "demo");
    INFO(describe(login));
    REQUIRE(login.status == 200);
    CHECK(login.json["role"] == "teacher");
    CHECK(login.json["user_id"] == made["teacher"]);
    audit.resync();

    auto users_before = f.sql_int("SELECT count(*) FROM users");
    auto valid = [](Json changes) {
        Json body = { { "email", "fresh.person@demo.learnloop.test" }, { "name", "Fresh Person" },
            { "password", k_demo_password }, { "role", "student" } };
        for (auto& [key, value] : changes.items())
            body[key] = value;
        return body;
    };
    for (const char* email : { "teacher@demo.learnloop.test", "TEACHER@Demo.LearnLoop.test", " new.admin@demo.learnloop.test " }) {
        INFO("duplicate " << email);
        check_error(api.post("/api/users", valid({ { "email", email } }), admin), 409, "Email already registered");
    }
    const std::tuple<const char*, Json, const char*> bad[] = {
        { "a short password", { { "password", "short" } }, "password" },
        { "a common password", { { "password", "password123" } }, "password" },
        { "a password containing the email's name", { { "password", "fresh.person-2026!" } }, "password" },
        { "an invalid email", { { "email", "not-an-email" } }, "email" },
        { "an email without a domain dot", { { "email", "someone@localhost" } }, "email" },
        { "an empty name", { { "name", "  " } }, "name" },
        { "an unknown role", { { "role", "wizard" } }, "role" },
        { "a numeric role", { { "role", 3 } }, "role" },
        { "a missing email", { { "email", nullptr } }, "email" },
        { "a profile that is not an object", { { "profile", "8B" } }, "profile" },
        { "an unknown profile field", { { "profile", { { "house", "Red" } } } }, "profile.house" },
        { "an overlong profile field", { { "profile", { { "class", std::string(101, 'x') } } } }, "profile.class" },
    };
    for (const auto& [what, changes, field] : bad) {
        INFO(what);
        auto body = valid(changes);
        if (body["email"].is_null())
            body.erase("email");
        auto reply = api.post("/api/users", body, admin);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == field);
    }
    check_error(api.send_text("POST", "/api/users", "{\"email\":", "application/json", admin), 400, "Invalid request");
    CHECK(f.sql_int("SELECT count(*) FROM users") == users_before);
    audit.expect_none("refused creations");

    // Teachers, students and parents may not add users at all.
    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent }) {
        INFO("as " << person->role);
        check_error(api.post("/api/users", valid({}), f.token(*person)), 403, "Unauthorized",
            "Only administrators and moderators can add users");
    }
    check_error(api.post("/api/users", valid({})), 401, "Unauthorized");
    CHECK(f.sql_int("SELECT count(*) FROM users") == users_before);
    audit.expect_none("refused roles");
}

TEST_CASE("POST /api/users as a moderator (made by the CLI or by an admin) adds students only",
    "[api][school][users][create]")
{
    ApiFixture f("school_users_moderator");
    auto& api = f.api();
    // The demo moderator comes from `learnloop create-user --role moderator`; a second one from the admin API.
    REQUIRE(f.sql_text("SELECT role FROM users WHERE id = " + str(f.demo.moderator.id)) == "moderator");
    auto api_moderator = add_user(f, f.demo.admin, "maya.mod@demo.learnloop.test", "Maya Moderator", "moderator");
    const auto cli_token = f.token(f.demo.moderator);
    const auto api_token = f.token(api_moderator);
    AuditWatch audit(f);

    int n = 0;
    for (const auto& token : { cli_token, api_token }) {
        ++n;
        auto email = "mod.student" + str(n) + "@demo.learnloop.test";
        auto reply = api.post("/api/users",
            { { "email", email }, { "name", "Moderated Student " + str(n) }, { "password", k_demo_password },
                { "role", "student" } },
            token);
        INFO(describe(reply));
        REQUIRE(reply.status == 201);
        CHECK(reply.json["message"] == "User created");
        CHECK(f.sql_text("SELECT role FROM users WHERE id = " + str(reply.json["user_id"].get<std::int64_t>()))
            == "student");
        audit.expect_one("user.create", "a moderator adding a student");

        for (const char* role : { "teacher", "parent", "admin", "moderator" }) {
            INFO("moderator creating a " << role);
            check_error(api.post("/api/users",
                            { { "email", std::string("no.") + role + str(n) + "@demo.learnloop.test" },
                                { "name", "Not Allowed" }, { "password", k_demo_password }, { "role", role } },
                            token),
                403, "Unauthorized", "Moderators can add students only");
        }
        // Duplicates still answer 409 for a moderator.
        check_error(api.post("/api/users",
                        { { "email", email }, { "name", "Again" }, { "password", k_demo_password },
                            { "role", "student" } },
                        token),
            409, "Email already registered");
        audit.expect_none("refused moderator creations");
    }
    CHECK(f.sql_int("SELECT count(*) FROM users WHERE email LIKE 'no.%'") == 0);
}

// [SECTION] users: editing -------------------------------------------------

TEST_CASE("PATCH /api/users/<id>: an admin edits name, role and profile; bad bodies 400; own admin role 422",
    "[api][school][users][update]")
{
    ApiFixture f("school_users_update");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto moderator = f.token(f.demo.moderator);
    const auto teacher = f.token(f.demo.teacher);
    const auto student = f.token(f.demo.student);
    auto rory = add_user(f, f.demo.admin, "rory.role@demo.learnloop.test", "Rory Role", "student");
    AuditWatch audit(f);
    auto listed = [&](std::int64_t id) {
        auto list = api.get("/api/users?limit=200", admin);
        REQUIRE(list.status == 200);
        const Json* item = find_by(list.json, "id", id);
        REQUIRE(item);
        return *item;
    };

    auto renamed = patch(api, user_path(f.demo.student.id),
        { { "name", "Samantha Student" }, { "profile", { { "class", "8B" }, { "school", "North" }, { "branch", "Main" } } } },
        admin);
    INFO(describe(renamed));
    REQUIRE(renamed.status == 200);
    CHECK(renamed.json == Json { { "message", "User updated" } });
    audit.expect_one("user.update", "a rename with a profile");
    CHECK(listed(f.demo.student.id)
        == Json { { "id", f.demo.student.id }, { "email", "student@demo.learnloop.test" }, { "name", "Samantha Student" },
            { "role", "student" }, { "active", true },
            { "profile", { { "class", "8B" }, { "school", "North" }, { "branch", "Main" } } } });
    auto audit_row = f.sql("SELECT before::text, after::text FROM audit_log ORDER BY id DESC LIMIT 1");
    CHECK(Json::parse(audit_row[0][0].as<std::string>())["name"] == "Sam Student");
    CHECK(Json::parse(audit_row[0][1].as<std::string>())["profile"]["class"] == "8B");

    // A partial profile merges; null removes a key; values are trimmed.
    auto merged = patch(api, user_path(f.demo.student.id), { { "profile", { { "class", " 8C " }, { "branch", nullptr } } } },
        admin);
    INFO(describe(merged));
    REQUIRE(merged.status == 200);
    audit.expect_one("user.update", "a partial profile");
    auto after_merge = listed(f.demo.student.id);
    CHECK(after_merge["profile"] == Json { { "class", "8C" }, { "school", "North" } });
    CHECK(after_merge["name"] == "Samantha Student");

    // The role changes (and ?role= sees it).
    auto role = patch(api, user_path(rory.id), { { "role", "parent" } }, admin);
    INFO(describe(role));
    REQUIRE(role.status == 200);
    audit.expect_one("user.update", "a role change");
    CHECK(contains_id(api.get("/api/users?role=parent", admin).json, rory.id));
    CHECK(!contains_id(api.get("/api/users?role=student", admin).json, rory.id));
    CHECK(listed(rory.id)["role"] == "parent");

    // Refused bodies change nothing and write nothing.
    auto state = f.sql_text("SELECT string_agg(name || role || profile::text, '|' ORDER BY id) FROM users");
    const std::tuple<const char*, Json, const char*> bad[] = {
        { "an unknown field", { { "email", "new@demo.learnloop.test" } }, "email" },
        { "an unknown field next to a known one", { { "name", "Fine Name" }, { "nickname", "Sammy" } }, "nickname" },
        { "an unknown profile key", { { "profile", { { "house", "Red" } } } }, "profile.house" },
        { "a numeric profile value", { { "profile", { { "class", 8 } } } }, "profile.class" },
        { "a boolean profile value", { { "profile", { { "school", true } } } }, "profile.school" },
        { "a nested profile value", { { "profile", { { "branch", { { "x", "y" } } } } } }, "profile.branch" },
        { "a profile that is not an object", { { "profile", "8B" } }, "profile" },
        { "a profile value over 100 characters", { { "profile", { { "class", std::string(101, 'x') } } } }, "profile.class" },
        { "an empty name", { { "name", " " } }, "name" },
        { "a numeric name", { { "name", 5 } }, "name" },
        { "an unknown role", { { "role", "wizard" } }, "role" },
    };
    for (const auto& [what, body, field] : bad) {
        INFO(what);
        auto reply = patch(api, user_path(f.demo.student.id), body, admin);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == field);
    }
    check_error(api.send_text("PATCH", user_path(f.demo.student.id), "{\"name\":\"x\"}", "text/plain", admin), 400,
        "Invalid request");

    // An admin cannot drop their own admin role (422), though they may rename themselves.
    for (const char* new_role : { "teacher", "moderator", "student" }) {
        INFO("own role to " << new_role);
        auto reply = patch(api, user_path(f.demo.admin.id), { { "role", new_role } }, admin);
        check_error(reply, 422, "Failed precondition", "You cannot remove your own administrator role");
        CHECK(reply.field() == "role");
    }
    check_error(patch(api, user_path(f.demo.admin.id), { { "name", "Alex Renamed" }, { "role", "parent" } }, admin), 422,
        "Failed precondition");

    // Other roles may not edit users; unknown ids are 404.
    check_error(patch(api, user_path(f.demo.student.id), { { "name", "By Moderator" } }, moderator), 403, "Unauthorized",
        "Only administrators can edit users");
    check_error(patch(api, user_path(f.demo.student.id), { { "name", "By Teacher" } }, teacher), 403, "Unauthorized",
        "Only administrators can edit users");
    check_error(patch(api, user_path(f.demo.student.id), { { "name", "By Self" } }, student), 403, "Unauthorized",
        "Only administrators can edit users");
    check_error(patch(api, user_path(999999), { { "name", "Nobody" } }, admin), 404, "User not found");
    check_error(patch(api, "/api/users/abc", { { "name", "Nobody" } }, admin), 404, "Not found");
    CHECK(f.sql_text("SELECT string_agg(name || role || profile::text, '|' ORDER BY id) FROM users") == state);
    audit.expect_none("refused edits");

    auto self = patch(api, user_path(f.demo.admin.id), { { "name", "Alex Renamed" }, { "role", "admin" } }, admin);
    INFO(describe(self));
    CHECK(self.status == 200);
    audit.expect_one("user.update", "renaming oneself");
    CHECK(listed(f.demo.admin.id)["name"] == "Alex Renamed");
}

// [SECTION] users: deactivating --------------------------------------------

TEST_CASE("DELETE /api/users/<id> deactivates: sessions end (401), sign-in fails (401), listed inactive",
    "[api][school][users][deactivate]")
{
    ApiFixture f("school_users_deactivate");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto moderator = f.token(f.demo.moderator);
    const auto teacher = f.token(f.demo.teacher);
    auto leaver = add_user(f, f.demo.admin, "leo.leaver@demo.learnloop.test", "Leo Leaver", "student");
    REQUIRE(api.post(class_path(f.demo.class_id, "/members"), { { "student_id", leaver.id } }, admin).status == 201);
    const auto session1 = f.login(leaver);
    const auto session2 = f.login(leaver);
    REQUIRE(api.get("/api/user", session1).status == 200);
    REQUIRE(api.get("/api/user", session2).status == 200);
    AuditWatch audit(f);

    // Refused first: other roles, oneself, unknown ids.
    check_error(api.del(user_path(leaver.id), moderator), 403, "Unauthorized", "Only administrators can deactivate users");
    check_error(api.del(user_path(leaver.id), teacher), 403, "Unauthorized", "Only administrators can deactivate users");
    check_error(api.del(user_path(leaver.id), session1), 403, "Unauthorized", "Only administrators can deactivate users");
    check_error(api.del(user_path(f.demo.admin.id), admin), 422, "Failed precondition", "You cannot deactivate yourself");
    check_error(api.del(user_path(999999), admin), 404, "User not found");
    check_error(api.del("/api/users/0", admin), 404, "User not found");   // malformed ids read like unknown ones
    CHECK(f.sql_int("SELECT count(*) FROM users WHERE deleted_at IS NOT NULL") == 0);
    CHECK(api.get("/api/user", session1).status == 200);
    audit.expect_none("refused deactivations");

    auto gone = api.del(user_path(leaver.id), admin);
    INFO(describe(gone));
    REQUIRE(gone.status == 200);
    CHECK(gone.json == Json { { "message", "User deactivated" } });
    audit.expect_one("user.deactivate", "deactivating");

    // Every session of theirs is over, and they cannot sign in again.
    check_error(api.get("/api/user", session1), 401, "Unauthorized");
    check_error(api.get("/api/assignments", session2), 401, "Unauthorized");
    CHECK(f.sql_int("SELECT count(*) FROM auth_sessions WHERE revoked_at IS NULL AND user_id = " + str(leaver.id)) == 0);
    check_error(api.login(leaver.email, k_demo_password, "demo"), 401, "Invalid credentials");
    audit.expect_none("the refused sign-in");

    // Admins still list them, inactive; their teacher no longer does.
    auto list = api.get("/api/users?role=student", admin);
    REQUIRE(list.status == 200);
    const Json* item = find_by(list.json, "id", leaver.id);
    REQUIRE(item);
    CHECK((*item)["active"] == false);
    CHECK((*item)["name"] == "Leo Leaver");
    CHECK(!contains_id(api.get("/api/users", teacher).json, leaver.id));

    // Twice is 404 (no such active user), and writes nothing.
    check_error(api.del(user_path(leaver.id), admin), 404, "User not found");
    audit.expect_none("deactivating twice");
    // Others are untouched.
    CHECK(api.get("/api/user", teacher).status == 200);
}

// [SECTION] classes --------------------------------------------------------

TEST_CASE("GET/POST /api/classes: lists by role; teachers create their own, admins for a teacher; others 403",
    "[api][school][classes]")
{
    ApiFixture f("school_classes");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto teacher = f.token(f.demo.teacher);
    auto teacher2 = add_user(f, f.demo.admin, "tom.second@demo.learnloop.test", "Tom Second-Teacher", "teacher");
    const auto teacher2_token = f.token(teacher2);
    const auto student = f.token(f.demo.student);
    const auto parent = f.token(f.demo.parent);
    const auto moderator = f.token(f.demo.moderator);
    AuditWatch audit(f);

    // A teacher creates their own class, whatever teacher_id says.
    auto own = api.post("/api/classes", { { "name", "  Year 9 Maths " }, { "teacher_id", f.demo.teacher.id } }, teacher2_token);
    INFO(describe(own));
    REQUIRE(own.status == 201);
    CHECK(own.json["message"] == "Class created");
    REQUIRE(own.json["class_id"].is_number_integer());
    auto maths = own.json["class_id"].get<std::int64_t>();
    audit.expect_one("class.create", "a teacher's class");
    CHECK(f.sql_int("SELECT teacher_id FROM classes WHERE id = " + str(maths)) == teacher2.id);
    CHECK(f.sql_text("SELECT name FROM classes WHERE id = " + str(maths)) == "Year 9 Maths");

    // An admin names the teacher.
    auto for_teacher = api.post("/api/classes", { { "name", "Art Club" }, { "teacher_id", f.demo.teacher.id } }, admin);
    INFO(describe(for_teacher));
    REQUIRE(for_teacher.status == 201);
    auto art = for_teacher.json["class_id"].get<std::int64_t>();
    audit.expect_one("class.create", "an admin's class");
    CHECK(f.sql_int("SELECT teacher_id FROM classes WHERE id = " + str(art)) == f.demo.teacher.id);

    // Refused: teacher_id not an active teacher, missing, a bad name, the wrong roles.
    auto classes_before = f.sql_int("SELECT count(*) FROM classes");
    for (auto id : { f.demo.student.id, f.demo.admin.id, f.demo.parent.id, std::int64_t(999999) }) {
        INFO("teacher_id " << id);
        auto reply = api.post("/api/classes", { { "name", "Nobody's" }, { "teacher_id", id } }, admin);
        check_error(reply, 400, "Invalid request", "teacher_id must be an active teacher");
        CHECK(reply.field() == "teacher_id");
    }
    auto missing = api.post("/api/classes", { { "name", "Nobody's" } }, admin);
    check_error(missing, 400, "Invalid request");
    CHECK(missing.field() == "teacher_id");
    auto text_id = api.post("/api/classes", { { "name", "Nobody's" }, { "teacher_id", str(f.demo.teacher.id) } }, admin);
    check_error(text_id, 400, "Invalid request");
    CHECK(text_id.field() == "teacher_id");
    for (const Json& name : { Json(""), Json("   "), Json(std::string(101, 'x')), Json(7) }) {
        INFO("name " << name.dump());
        auto reply = api.post("/api/classes", { { "name", name } }, teacher);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == "name");
    }
    for (const auto& token : { student, parent, moderator }) {
        check_error(api.post("/api/classes", { { "name", "Mine" }, { "teacher_id", f.demo.teacher.id } }, token), 403,
            "Unauthorized", "Only teachers and administrators can manage classes");
    }
    check_error(api.post("/api/classes", { { "name", "Anonymous" } }), 401, "Unauthorized");
    CHECK(f.sql_int("SELECT count(*) FROM classes") == classes_before);
    audit.expect_none("refused class creations");

    // Lists by role, ordered by name, with the documented fields.
    auto list_of = [&](const std::string& token) {
        auto reply = api.get("/api/classes", token);
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        REQUIRE(reply.json.is_array());
        return reply;
    };
    auto all = list_of(admin);
    CHECK(ids_of(all.json) == std::vector<std::int64_t> { art, f.demo.class_id, maths });
    CHECK(all.header("X-Total-Count") == "3");
    CHECK(all.json.at(1)
        == Json { { "id", f.demo.class_id }, { "name", "Year 8 English" }, { "teacher_id", f.demo.teacher.id },
            { "teacher_name", "Tara Teacher" }, { "member_count", 1 } });
    CHECK(all.json.at(0)["member_count"] == 0);
    CHECK(all.json.at(2)["teacher_name"] == "Tom Second-Teacher");
    CHECK(list_of(moderator).json == all.json);
    CHECK(ids_of(list_of(teacher).json) == std::vector<std::int64_t> { art, f.demo.class_id });
    CHECK(ids_of(list_of(teacher2_token).json) == std::vector<std::int64_t> { maths });
    CHECK(ids_of(list_of(student).json) == std::vector<std::int64_t> { f.demo.class_id });
    CHECK(ids_of(list_of(parent).json) == std::vector<std::int64_t> { f.demo.class_id });
    auto paged = api.get("/api/classes?limit=1&offset=1", admin);
    REQUIRE(paged.status == 200);
    CHECK(ids_of(paged.json) == std::vector<std::int64_t> { f.demo.class_id });
    CHECK(paged.header("Link") == "</api/classes?limit=1&offset=2>; rel=\"next\"");

    // Membership moves the student's and the parent's lists; member_count follows.
    REQUIRE(api.post(class_path(maths, "/members"), { { "student_id", f.demo.student.id } }, admin).status == 201);
    CHECK(ids_of(list_of(student).json) == std::vector<std::int64_t> { f.demo.class_id, maths });
    CHECK(ids_of(list_of(parent).json) == std::vector<std::int64_t> { f.demo.class_id, maths });
    CHECK(list_of(admin).json.at(2)["member_count"] == 1);
    // A parent with no children, or a student in no class, sees none.
    auto lone_parent = add_user(f, f.demo.admin, "lone.parent@demo.learnloop.test", "Lone Parent", "parent");
    CHECK(list_of(f.token(lone_parent)).json == Json::array());
}

TEST_CASE("class members: the class's teacher and admins add and remove; membership decides assignments",
    "[api][school][classes][members]")
{
    ApiFixture f("school_members");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto teacher = f.token(f.demo.teacher);
    const auto moderator = f.token(f.demo.moderator);
    auto teacher2 = add_user(f, f.demo.admin, "tom.second@demo.learnloop.test", "Tom Second-Teacher", "teacher");
    const auto other_teacher = f.token(teacher2);
    auto nia = add_user(f, f.demo.admin, "nia.new@demo.learnloop.test", "Nia New", "student");
    auto ola = add_user(f, f.demo.admin, "ola.other@demo.learnloop.test", "Ola Other", "student");
    const auto nia_token = f.token(nia);
    const auto student = f.token(f.demo.student);
    const auto parent = f.token(f.demo.parent);
    const auto members = class_path(f.demo.class_id, "/members");
    AuditWatch audit(f);

    // Listing: the class's teacher, admins and moderators.
    for (const auto& token : { teacher, admin, moderator }) {
        auto list = api.get(members, token);
        INFO(describe(list));
        REQUIRE(list.status == 200);
        REQUIRE(list.json.size() == 1);
        CHECK(list.json[0]
            == Json { { "id", f.demo.student.id }, { "email", "student@demo.learnloop.test" }, { "name", "Sam Student" },
                { "role", "student" }, { "active", true }, { "profile", Json::object() } });
    }
    check_error(api.get(members, other_teacher), 403, "Forbidden", "You do not teach this class");
    check_error(api.get(members, student), 403, "Unauthorized");
    check_error(api.get(members, parent), 403, "Unauthorized");
    check_error(api.get(class_path(999999, "/members"), admin), 404, "Class not found");
    check_error(api.get(class_path(999999, "/members"), teacher), 404, "Class not found");

    // Before joining, the class's assignment is invisible to Nia and cannot be submitted.
    CHECK(!contains_id(api.get("/api/assignments", nia_token).json, f.demo.assignment_id));
    check_error(api.post(assignment_path(f.demo.assignment_id, "/submit"), { { "content", "Too early" } }, nia_token), 404,
        "Assignment not found");
    audit.expect_none("listing and refused submission");

    // Refused additions change nothing.
    auto add = [&](std::int64_t id, const std::string& token) {
        return api.post(members, { { "student_id", id } }, token);
    };
    check_error(add(nia.id, other_teacher), 403, "Forbidden", "You do not teach this class");
    check_error(add(nia.id, moderator), 403, "Unauthorized", "Only teachers and administrators can manage classes");
    check_error(add(nia.id, student), 403, "Unauthorized", "Only teachers and administrators can manage classes");
    check_error(add(nia.id, parent), 403, "Unauthorized", "Only teachers and administrators can manage classes");
    // An id that names no student within reach answers as if there were
    // none: another role, a missing id, and (for the teacher) a student the
    // school has not placed in any of the teacher's classes (Nia).
    for (auto id : { f.demo.parent.id, f.demo.teacher.id, f.demo.admin.id, teacher2.id, std::int64_t(999999), nia.id }) {
        INFO("student_id " << id);
        auto reply = add(id, teacher);
        check_error(reply, 404, "Student not found");
        CHECK(reply.field() == "student_id");
        if (id != nia.id)
            check_error(add(id, admin), 404, "Student not found");
    }
    auto text_id = api.post(members, { { "student_id", str(nia.id) } }, teacher);
    check_error(text_id, 400, "Invalid request");
    CHECK(text_id.field() == "student_id");
    check_error(api.post(class_path(999999, "/members"), { { "student_id", nia.id } }, admin), 404, "Class not found");
    check_error(add(f.demo.student.id, teacher), 409, "Already a member", "The student is already in this class");
    CHECK(f.sql_int("SELECT count(*) FROM class_members") == 1);
    audit.expect_none("refused additions");

    // The school places Nia in another of the teacher's classes; from then on
    // the teacher may add her to this one too: 201, one audit row, and she
    // now sees and submits the class's work.
    auto reading = api.post("/api/classes", { { "name", "Year 8 Reading group" }, { "teacher_id", f.demo.teacher.id } },
        admin);
    REQUIRE(reading.status == 201);
    audit.expect_one("class.create", "the admin's class for the teacher");
    REQUIRE(api.post(class_path(reading.json["class_id"].get<std::int64_t>(), "/members"), { { "student_id", nia.id } },
                admin)
                .status
        == 201);
    audit.expect_one("class.add_member", "the admin placing Nia");
    auto added = add(nia.id, teacher);
    INFO(describe(added));
    REQUIRE(added.status == 201);
    CHECK(added.json == Json { { "message", "Student added" } });
    audit.expect_one("class.add_member", "the teacher adding");
    check_error(add(nia.id, teacher), 409, "Already a member");
    check_error(add(nia.id, admin), 409, "Already a member");
    audit.expect_none("adding twice");
    CHECK(contains_id(api.get("/api/assignments", nia_token).json, f.demo.assignment_id));
    auto submitted = api.post(assignment_path(f.demo.assignment_id, "/submit"), { { "content", "My letter" } }, nia_token);
    INFO(describe(submitted));
    CHECK(submitted.status == 201);
    audit.expect_one("submission.create", "her submission");

    // An admin adds to a teacher's class too.
    auto by_admin = add(ola.id, admin);
    INFO(describe(by_admin));
    REQUIRE(by_admin.status == 201);
    audit.expect_one("class.add_member", "an admin adding");
    CHECK(ids_of(api.get(members, teacher).json) == std::vector<std::int64_t> { nia.id, ola.id, f.demo.student.id });

    // Removing: refused ones first.
    auto remove = [&](std::int64_t class_id, std::int64_t id, const std::string& token) {
        return api.del(class_path(class_id, "/members/" + str(id)), token);
    };
    check_error(remove(f.demo.class_id, nia.id, other_teacher), 403, "Forbidden", "You do not teach this class");
    check_error(remove(f.demo.class_id, nia.id, moderator), 403, "Unauthorized",
        "Only teachers and administrators can manage classes");
    check_error(remove(f.demo.class_id, nia.id, nia_token), 403, "Unauthorized");
    check_error(remove(f.demo.class_id, f.demo.parent.id, teacher), 404, "Member not found");
    check_error(remove(f.demo.class_id, 999999, teacher), 404, "Member not found");
    check_error(remove(999999, nia.id, admin), 404, "Class not found");
    audit.expect_none("refused removals");

    auto removed = remove(f.demo.class_id, nia.id, teacher);
    INFO(describe(removed));
    REQUIRE(removed.status == 200);
    CHECK(removed.json == Json { { "message", "Student removed" } });
    audit.expect_one("class.remove_member", "the teacher removing");
    check_error(remove(f.demo.class_id, nia.id, teacher), 404, "Member not found");
    audit.expect_none("removing twice");

    // Out of the class: the assignment is gone for her, and submitting (or resubmitting) is 404.
    CHECK(!contains_id(api.get("/api/assignments", nia_token).json, f.demo.assignment_id));
    check_error(api.post(assignment_path(f.demo.assignment_id, "/submit"), { { "content", "Still mine?" } }, nia_token),
        404, "Assignment not found");
    audit.expect_none("the refused resubmission");

    auto by_admin_removed = remove(f.demo.class_id, ola.id, admin);
    REQUIRE(by_admin_removed.status == 200);
    audit.expect_one("class.remove_member", "an admin removing");
    CHECK(ids_of(api.get(members, teacher).json) == std::vector<std::int64_t> { f.demo.student.id });
    auto classes = api.get("/api/classes", admin);
    REQUIRE(classes.status == 200);
    CHECK(classes.json.at(0)["member_count"] == 1);
}

// [SECTION] gradebook ------------------------------------------------------

TEST_CASE("the gradebook: students x assignments with upcoming/missing/submitted/late/graded and averages; CSV export",
    "[api][school][gradebook]")
{
    ApiFixture f("school_gradebook");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto teacher = f.token(f.demo.teacher);
    auto teacher2 = add_user(f, f.demo.admin, "tom.second@demo.learnloop.test", "Tom Second-Teacher", "teacher");
    auto bea = add_user(f, f.demo.admin, "bea.second@demo.learnloop.test", "Bea Second", "student");
    auto zed = add_user(f, f.demo.admin, "zed.zero@demo.learnloop.test", "Zed Zero", "student");
    auto plus = add_user(f, f.demo.admin, "plus.student@demo.learnloop.test", "+Plus Student", "student");
    for (const auto* s : { &bea, &zed, &plus })
        REQUIRE(api.post(class_path(f.demo.class_id, "/members"), { { "student_id", s->id } }, admin).status == 201);

    const auto cls = f.demo.class_id;
    auto past = f.create_assignment(f.demo.teacher, "Past essay", "2020-01-01T09:00:00", cls);
    auto formula = f.create_assignment(f.demo.teacher, "=SUM(A1)", "2030-01-01T09:00:00", cls);
    auto comma = f.create_assignment(f.demo.teacher, "=SUM(A1,B1)", "2030-02-01T09:00:00", cls);
    f.create_assignment(f.demo.teacher, "Whole school notice", "2030-03-01T09:00:00");   // no class: not in the book
    auto seeded = f.demo.assignment_id;
    auto seeded_due = api.get(assignment_path(seeded), teacher).json["due_date"].get<std::string>();

    // Sam: past late, seeded on time, comma on time. Bea: past late, formula on time.
    f.submit(f.demo.student, past, "Late work");
    auto sam_seeded = f.submit(f.demo.student, seeded, "On time");
    f.submit(f.demo.student, comma, "Early");
    auto bea_past = f.submit(bea, past, "Also late");
    auto bea_formula = f.submit(bea, formula, "Sum");

    const auto book_path = class_path(cls, "/gradebook");
    auto read_book = [&](const std::string& token) {
        auto reply = api.get(book_path, token);
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        REQUIRE(reply.json.is_object());
        return reply.json;
    };
    auto cell = [](const std::string& status, Json grade = nullptr) { return Json { { "status", status }, { "grade", grade } }; };
    // Work not handed in reads as the student's own list says until it is
    // due (upcoming, due soon), and missing after: the seeded letter is due
    // next week, as Zed (who has handed in nothing) sees it.
    std::string seeded_status;
    for (const auto& a : api.get("/api/assignments?limit=200", f.token(zed)).json)
        if (a["id"] == seeded)
            seeded_status = a["status"];
    CHECK((seeded_status == "upcoming" || seeded_status == "due_soon"));
    const Json assignments = Json::array({
        { { "id", past }, { "title", "Past essay" }, { "due_date", "2020-01-01T09:00:00" } },
        { { "id", seeded }, { "title", "Persuasive letter" }, { "due_date", seeded_due } },
        { { "id", formula }, { "title", "=SUM(A1)" }, { "due_date", "2030-01-01T09:00:00" } },
        { { "id", comma }, { "title", "=SUM(A1,B1)" }, { "due_date", "2030-02-01T09:00:00" } },
    });

    // Before grading: submitted and late, no averages.
    auto before = read_book(teacher);
    CHECK(before["class_id"] == cls);
    CHECK(before["assignments"] == assignments);
    REQUIRE(before["rows"].size() == 4);
    CHECK(before["rows"][1]
        == Json { { "student_id", bea.id }, { "student_name", "Bea Second" },
            { "cells", Json::array({ cell("late"), cell(seeded_status), cell("submitted"), cell("upcoming") }) },
            { "average", nullptr } });
    CHECK(before["rows"][2]["cells"]
        == Json::array({ cell("late"), cell("submitted"), cell("upcoming"), cell("submitted") }));

    // Grading through the API turns cells to graded and gives averages.
    AuditWatch audit(f);
    for (const auto& [id, grade] : { std::pair { sam_seeded, 90.0 }, std::pair { bea_past, 70.5 }, std::pair { bea_formula, 85.0 } }) {
        auto graded = api.put("/api/submissions/" + str(id) + "/grade", { { "grade", grade }, { "feedback", "Noted" } },
            teacher);
        INFO(describe(graded));
        REQUIRE(graded.status == 200);
    }
    audit.resync();

    auto book = read_book(teacher);
    CHECK(book["assignments"] == assignments);
    const Json rows = Json::array({
        { { "student_id", plus.id }, { "student_name", "+Plus Student" },
            { "cells", Json::array({ cell("missing"), cell(seeded_status), cell("upcoming"), cell("upcoming") }) },
            { "average", nullptr } },
        { { "student_id", bea.id }, { "student_name", "Bea Second" },
            { "cells", Json::array({ cell("graded", 70.5), cell(seeded_status), cell("graded", 85), cell("upcoming") }) },
            { "average", 77.75 } },
        { { "student_id", f.demo.student.id }, { "student_name", "Sam Student" },
            { "cells", Json::array({ cell("late"), cell("graded", 90), cell("upcoming"), cell("submitted") }) },
            { "average", 90 } },
        { { "student_id", zed.id }, { "student_name", "Zed Zero" },
            { "cells", Json::array({ cell("missing"), cell(seeded_status), cell("upcoming"), cell("upcoming") }) },
            { "average", nullptr } },
    });
    CHECK(book["rows"] == rows);
    CHECK(book == Json { { "class_id", cls }, { "assignments", assignments }, { "rows", rows } });
    CHECK(read_book(admin) == book);

    // The CSV: a download, CRLF lines, formula-like fields prefixed with ' and quoted where needed.
    auto csv = api.get(book_path + ".csv", teacher);
    INFO(describe(csv));
    REQUIRE(csv.status == 200);
    CHECK(csv.header("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(csv.header("Content-Disposition") == "attachment; filename=\"gradebook-class-" + str(cls) + ".csv\"");
    const std::string expected = "Student,Past essay,Persuasive letter,'=SUM(A1),\"'=SUM(A1,B1)\",Average\r\n"
                                 "'+Plus Student,,,,,\r\n"
                                 "Bea Second,70.5,,85,,77.75\r\n"
                                 "Sam Student,late,90,,submitted,90\r\n"
                                 "Zed Zero,,,,,\r\n";
    CHECK(csv.body == expected);
    CHECK(csv.body.rfind("Student,", 0) == 0);
    for (std::size_t at = csv.body.find('\n'); at != std::string::npos; at = csv.body.find('\n', at + 1)) {
        INFO("newline at " << at);
        CHECK((at > 0 && csv.body[at - 1] == '\r'));
    }
    CHECK(csv.body.find("'=SUM(A1)") != std::string::npos);
    CHECK(csv.body.find(",=SUM") == std::string::npos);
    auto admin_csv = api.get(book_path + ".csv", admin);
    REQUIRE(admin_csv.status == 200);
    CHECK(admin_csv.body == expected);

    // Refused: another teacher, students, parents, moderators; unknown classes.
    for (const auto& path : { book_path, book_path + ".csv" }) {
        INFO(path);
        check_error(api.get(path, f.token(teacher2)), 403, "Forbidden", "You do not teach this class");
        for (const auto* person : { &f.demo.student, &f.demo.parent, &f.demo.moderator }) {
            INFO("as " << person->role);
            check_error(api.get(path, f.token(*person)), 403, "Unauthorized",
                "Only teachers and administrators can view gradebooks");
        }
        check_error(api.get(path), 401, "Unauthorized");
    }
    check_error(api.get(class_path(999999, "/gradebook"), teacher), 404, "Class not found");
    check_error(api.get(class_path(999999, "/gradebook.csv"), admin), 404, "Class not found");
    check_error(api.get(class_path(cls, "/gradebook.xlsx"), teacher), 404, "Not found");
    audit.resync();
    read_book(teacher);
    audit.expect_none("reading the gradebook");
}

// [SECTION] parent links ---------------------------------------------------

TEST_CASE("POST/GET /api/parent-links: admins and moderators link parents to students; duplicates 409",
    "[api][school][parents]")
{
    ApiFixture f("school_parent_links");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto moderator = f.token(f.demo.moderator);
    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent })
        f.token(*person);   // signed in up front: sign-ins write audit rows
    auto paula = add_user(f, f.demo.admin, "paula.second@demo.learnloop.test", "Paula Second-Parent", "parent");
    auto stu = add_user(f, f.demo.admin, "stu.second@demo.learnloop.test", "Stu Second", "student");
    AuditWatch audit(f);

    auto linked = api.post("/api/parent-links", { { "parent_id", paula.id }, { "student_id", f.demo.student.id } }, admin);
    INFO(describe(linked));
    REQUIRE(linked.status == 201);
    CHECK(linked.json == Json { { "message", "Parent linked" } });
    audit.expect_one("parent_link.create", "an admin linking");
    auto by_moderator = api.post("/api/parent-links", { { "parent_id", f.demo.parent.id }, { "student_id", stu.id } },
        moderator);
    INFO(describe(by_moderator));
    REQUIRE(by_moderator.status == 201);
    audit.expect_one("parent_link.create", "a moderator linking");

    auto links_before = f.sql_int("SELECT count(*) FROM parent_links");
    check_error(api.post("/api/parent-links", { { "parent_id", paula.id }, { "student_id", f.demo.student.id } }, admin),
        409, "Already linked", "This parent is already linked to this student");
    check_error(api.post("/api/parent-links", { { "parent_id", f.demo.parent.id }, { "student_id", f.demo.student.id } },
                    moderator),
        409, "Already linked");
    const std::tuple<const char*, std::int64_t, std::int64_t, const char*> wrong[] = {
        { "a teacher as parent", f.demo.teacher.id, stu.id, "parent_id" },
        { "a student as parent", stu.id, f.demo.student.id, "parent_id" },
        { "ids swapped", f.demo.student.id, paula.id, "parent_id" },
        { "a parent as student", paula.id, f.demo.parent.id, "student_id" },
        { "an admin as student", paula.id, f.demo.admin.id, "student_id" },
        { "an unknown parent", 999999, stu.id, "parent_id" },
        { "an unknown student", paula.id, 999999, "student_id" },
    };
    for (const auto& [what, parent_id, student_id, field] : wrong) {
        INFO(what);
        auto reply = api.post("/api/parent-links", { { "parent_id", parent_id }, { "student_id", student_id } }, admin);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == field);
    }
    auto missing = api.post("/api/parent-links", { { "parent_id", paula.id } }, admin);
    check_error(missing, 400, "Invalid request");
    CHECK(missing.field() == "student_id");
    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent }) {
        INFO("as " << person->role);
        check_error(api.post("/api/parent-links", { { "parent_id", paula.id }, { "student_id", stu.id } },
                        f.token(*person)),
            403, "Unauthorized", "Only administrators and moderators can link parents");
        check_error(api.get("/api/parent-links", f.token(*person)), 403, "Unauthorized",
            "Only administrators and moderators can link parents");
    }
    CHECK(f.sql_int("SELECT count(*) FROM parent_links") == links_before);
    audit.expect_none("refused links");

    auto list = api.get("/api/parent-links", admin);
    INFO(describe(list));
    REQUIRE(list.status == 200);
    CHECK(list.header("X-Total-Count") == "3");
    CHECK(list.json
        == Json::array({
            { { "parent_id", f.demo.parent.id }, { "parent_name", "Pat Parent" }, { "student_id", f.demo.student.id },
                { "student_name", "Sam Student" } },
            { { "parent_id", f.demo.parent.id }, { "parent_name", "Pat Parent" }, { "student_id", stu.id },
                { "student_name", "Stu Second" } },
            { { "parent_id", paula.id }, { "parent_name", "Paula Second-Parent" }, { "student_id", f.demo.student.id },
                { "student_name", "Sam Student" } },
        }));
    CHECK(api.get("/api/parent-links", moderator).json == list.json);
    auto paged = api.get("/api/parent-links?limit=2", moderator);
    REQUIRE(paged.status == 200);
    CHECK(paged.json.size() == 2);
    CHECK(paged.header("Link") == "</api/parent-links?limit=2&offset=2>; rel=\"next\"");
}

TEST_CASE("link codes: admins and moderators issue single-use codes; a parent redeems one and sees the child",
    "[api][school][parents][codes]")
{
    ApiFixture f("school_link_codes");
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto moderator = f.token(f.demo.moderator);
    const auto teacher = f.token(f.demo.teacher);
    const auto student = f.token(f.demo.student);
    auto quinn = add_user(f, f.demo.admin, "quinn.third@demo.learnloop.test", "Quinn Third-Parent", "parent");
    auto stu = add_user(f, f.demo.admin, "stu.second@demo.learnloop.test", "Stu Second", "student");
    const auto quinn_token = f.token(quinn);
    const auto pat = f.token(f.demo.parent);
    // Sam's submission, which the linked parent will read.
    auto submission_id = f.submit(f.demo.student, f.demo.assignment_id, "Dear head teacher");
    const auto submission_path
        = assignment_path(f.demo.assignment_id, "/submission?student_id=" + str(f.demo.student.id));
    AuditWatch audit(f);

    // Issuing codes.
    auto issued = api.post("/api/parent-links/codes", { { "student_id", f.demo.student.id } }, admin);
    INFO(describe(issued));
    REQUIRE(issued.status == 201);
    REQUIRE(issued.json.is_object());
    CHECK(issued.json.size() == 2);
    REQUIRE(issued.json["code"].is_string());
    REQUIRE(issued.json["expires_at"].is_string());
    const auto code = issued.json["code"].get<std::string>();
    const auto expires_at = issued.json["expires_at"].get<std::string>();
    CHECK(matches_shape(code, "xxxxxxxxxxxxxxxx"));
    CHECK(matches_shape(expires_at, "dddd-dd-ddTdd:dd:ddZ"));
    CHECK(f.sql_int("SELECT (abs(extract(epoch FROM ('" + expires_at
              + "'::timestamptz - now() - interval '7 days'))) < 120)::int")
        == 1);
    audit.expect_one("parent_link_code.create", "an admin issuing a code");
    // Only its hash is stored.
    CHECK(f.sql_int("SELECT count(*) FROM parent_link_codes WHERE encode(code_hash, 'hex') LIKE '%" + code + "%'") == 0);

    auto by_moderator = api.post("/api/parent-links/codes", { { "student_id", stu.id } }, moderator);
    INFO(describe(by_moderator));
    REQUIRE(by_moderator.status == 201);
    const auto stu_code = by_moderator.json["code"].get<std::string>();
    CHECK(stu_code != code);
    audit.expect_one("parent_link_code.create", "a moderator issuing a code");

    for (auto id : { f.demo.parent.id, f.demo.teacher.id, std::int64_t(999999) }) {
        INFO("student_id " << id);
        auto reply = api.post("/api/parent-links/codes", { { "student_id", id } }, admin);
        check_error(reply, 400, "Invalid request", "student_id must be an active student");
        CHECK(reply.field() == "student_id");
    }
    for (const auto& token : { teacher, student, quinn_token }) {
        check_error(api.post("/api/parent-links/codes", { { "student_id", f.demo.student.id } }, token), 403,
            "Unauthorized", "Only administrators and moderators can link parents");
    }
    audit.expect_none("refused codes");

    // Before redeeming, Quinn has no children and cannot read Sam's work.
    auto none = api.get("/api/children", quinn_token);
    INFO(describe(none));
    REQUIRE(none.status == 200);
    CHECK(none.json == Json::array());
    check_error(api.get(submission_path, quinn_token), 404, "Submission not found");

    // Non-parents may not redeem, and their attempt does not use the code up.
    for (const auto& token : { admin, moderator, teacher, student }) {
        check_error(api.post("/api/parent-links/redeem", { { "code", code } }, token), 403, "Unauthorized",
            "Only parents can redeem link codes");
    }
    for (const char* wrong : { "0123456789abcdef", "", "not a code" }) {
        INFO("code '" << wrong << "'");
        check_error(api.post("/api/parent-links/redeem", { { "code", wrong } }, quinn_token), 404, "Code not found",
            "The code is wrong, expired or already used");
    }
    auto no_code = api.post("/api/parent-links/redeem", Json::object(), quinn_token);
    check_error(no_code, 400, "Invalid request");
    CHECK(no_code.field() == "code");
    CHECK(f.sql_int("SELECT count(*) FROM parent_link_codes WHERE redeemed_at IS NOT NULL") == 0);
    audit.expect_none("refused redemptions");

    auto redeemed = api.post("/api/parent-links/redeem", { { "code", code } }, quinn_token);
    INFO(describe(redeemed));
    REQUIRE(redeemed.status == 200);
    CHECK(redeemed.json == Json { { "message", "Linked" }, { "student_id", f.demo.student.id } });
    audit.expect_one("parent_link.redeem", "redeeming");
    CHECK(f.sql_int("SELECT count(*) FROM parent_links WHERE parent_id = " + str(quinn.id) + " AND student_id = "
              + str(f.demo.student.id))
        == 1);

    // Now the child is listed, and the child's classes, assignments and submission are readable.
    auto children = api.get("/api/children", quinn_token);
    INFO(describe(children));
    REQUIRE(children.status == 200);
    CHECK(children.json
        == Json::array({ { { "id", f.demo.student.id }, { "email", "student@demo.learnloop.test" }, { "name", "Sam Student" },
            { "role", "student" }, { "active", true }, { "profile", Json::object() } } }));
    auto work = api.get(submission_path, quinn_token);
    INFO(describe(work));
    REQUIRE(work.status == 200);
    CHECK(work.json["id"] == submission_id);
    CHECK(work.json["content"] == "Dear head teacher");
    CHECK(work.json["student_id"] == f.demo.student.id);
    CHECK(ids_of(api.get("/api/classes", quinn_token).json) == std::vector<std::int64_t> { f.demo.class_id });
    CHECK(contains_id(api.get("/api/assignments", quinn_token).json, f.demo.assignment_id));
    auto links = api.get("/api/parent-links", admin);
    CHECK(find_by(links.json, "parent_id", quinn.id) != nullptr);

    // Single use: the same code again is 404, for anyone.
    check_error(api.post("/api/parent-links/redeem", { { "code", code } }, quinn_token), 404, "Code not found");
    check_error(api.post("/api/parent-links/redeem", { { "code", code } }, pat), 404, "Code not found");
    // An expired code is 404 too.
    f.sql("UPDATE parent_link_codes SET expires_at = now() - interval '1 second' WHERE redeemed_at IS NULL");
    check_error(api.post("/api/parent-links/redeem", { { "code", stu_code } }, quinn_token), 404, "Code not found");
    audit.expect_none("spent and expired codes");
    // Put the expiry back: the code still works (surrounding spaces are ignored).
    f.sql("UPDATE parent_link_codes SET expires_at = now() + interval '7 days' WHERE redeemed_at IS NULL");
    auto second = api.post("/api/parent-links/redeem", { { "code", "  " + stu_code + " " } }, quinn_token);
    INFO(describe(second));
    REQUIRE(second.status == 200);
    CHECK(second.json["student_id"] == stu.id);
    audit.expect_one("parent_link.redeem", "redeeming a second code");
    CHECK(ids_of(api.get("/api/children", quinn_token).json) == std::vector<std::int64_t> { f.demo.student.id, stu.id });
    // Paged like every list.
    auto first_child = api.get("/api/children?limit=1", quinn_token);
    REQUIRE(first_child.status == 200);
    CHECK(ids_of(first_child.json) == std::vector<std::int64_t> { f.demo.student.id });
    CHECK(first_child.header("X-Total-Count") == "2");
    CHECK(first_child.header("Link") == "</api/children?limit=1&offset=1>; rel=\"next\"");
    CHECK(ids_of(api.get("/api/children?limit=1&offset=1", quinn_token).json) == std::vector<std::int64_t> { stu.id });
    check_error(api.get("/api/children?offset=-1", quinn_token), 400, "Invalid request");

    // /api/children is for parents only.
    for (const auto& token : { admin, moderator, teacher, student }) {
        check_error(api.get("/api/children", token), 403, "Unauthorized", "Only parents have linked children");
    }
    check_error(api.get("/api/children"), 401, "Unauthorized");
    audit.expect_none("reading children");
}
