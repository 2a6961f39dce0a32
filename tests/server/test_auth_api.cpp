// Identity API, black box against the real server and PostgreSQL: sign-up,
// sign-in (with throttling), the current user, sign-out, refresh and
// deactivated users — the assignment-tracker contract's exact strings.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <sodium.h>

#include <cstring>
#include <future>
#include <set>

using namespace learnloop::test;

namespace {

Json signup_body(const std::string& email, const std::string& role = "student", const std::string& name = "New Person")
{
    return { { "email", email }, { "password", "correct-horse-battery" }, { "name", name }, { "role", role } };
}

std::int64_t count_users(ApiFixture& f)
{
    return f.sql_int("SELECT count(*) FROM users");
}

} // namespace

// [SECTION] sign-up --------------------------------------------------------

TEST_CASE("signup creates a teacher or a student in the default tenant and answers 201 with the contract's message",
    "[api][auth][signup]")
{
    ApiFixture f("auth_signup");
    auto& api = f.api();

    for (const std::string role : { "teacher", "student" }) {
        INFO("role " << role);
        auto email = "new-" + role + "@demo.learnloop.test";
        auto reply = api.post("/api/signup", signup_body(email, role, "New " + role));
        INFO(describe(reply));
        REQUIRE(reply.status == 201);
        CHECK(reply.header("Content-Type") == "application/json");
        CHECK(reply.json["message"] == "User created successfully");
        REQUIRE(reply.json["user_id"].is_number_integer());
        auto id = reply.json["user_id"].get<std::int64_t>();
        CHECK(id > 0);

        // Stored in the default tenant (demo), with the role asked for and no plain password.
        auto row = f.sql("SELECT tenant_id, role, name, password_hash FROM users WHERE id = " + std::to_string(id));
        REQUIRE(row.size() == 1);
        CHECK(row[0][0].as<std::int64_t>() == f.demo.id);
        CHECK(row[0][1].as<std::string>() == role);
        CHECK(row[0][2].as<std::string>() == "New " + role);
        CHECK(row[0][3].as<std::string>().rfind("$argon2id$", 0) == 0);

        // The new account can sign in straight away.
        auto login = api.login(email, "correct-horse-battery");
        INFO(describe(login));
        CHECK(login.status == 200);
        CHECK(login.json["user_id"] == id);
        CHECK(login.json["role"] == role);
    }
}

TEST_CASE("signup with an email already registered answers 409 Email already registered", "[api][auth][signup]")
{
    ApiFixture f("auth_signup_409");
    auto& api = f.api();
    auto users = count_users(f);

    check_error(api.post("/api/signup", signup_body("teacher@demo.learnloop.test", "teacher")), 409,
        "Email already registered");
    // Emails compare without case and surrounding space.
    check_error(api.post("/api/signup", signup_body("  Teacher@Demo.LearnLoop.test ", "student")), 409,
        "Email already registered");
    // A second sign-up of a new email: the first wins, the second is refused.
    REQUIRE(api.post("/api/signup", signup_body("twice@demo.learnloop.test")).status == 201);
    check_error(api.post("/api/signup", signup_body("twice@demo.learnloop.test")), 409, "Email already registered");
    CHECK(count_users(f) == users + 1);
}

TEST_CASE("concurrent signups with one email create one user: one 201, the rest 409", "[api][auth][signup][concurrency]")
{
    ApiFixture f("auth_signup_race");
    auto users = count_users(f);
    constexpr int k_parallel = 6;
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < k_parallel; ++i) {
        pending.push_back(std::async(std::launch::async, [&f, i] {
            return f.api().post("/api/signup", signup_body("race@demo.learnloop.test", "student", "Racer " + std::to_string(i)));
        }));
    }
    int created = 0, refused = 0;
    for (auto& future : pending) {
        auto reply = future.get();
        INFO(describe(reply));
        CHECK((reply.status == 201 || reply.status == 409));
        created += reply.status == 201;
        if (reply.status == 409) {
            ++refused;
            CHECK(reply.error() == "Email already registered");
        }
    }
    CHECK(created == 1);
    CHECK(refused == k_parallel - 1);
    CHECK(count_users(f) == users + 1);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'user.create' AND after->>'email' = 'race@demo.learnloop.test'")
        == 1);
}

TEST_CASE("signup refuses missing fields, wrong types, invalid emails, weak passwords and other roles with 400",
    "[api][auth][signup]")
{
    ApiFixture f("auth_signup_400");
    auto& api = f.api();
    auto users = count_users(f);
    auto audit = f.audit_count();

    auto without = [](const std::string& key) {
        auto body = signup_body("someone@demo.learnloop.test");
        body.erase(key);
        return body;
    };
    auto with = [](const std::string& key, Json value) {
        auto body = signup_body("someone@demo.learnloop.test");
        body[key] = std::move(value);
        return body;
    };
    struct Case {
        const char* what;
        Json body;
        const char* field;   // the "field" the error names
    };
    const Case cases[] = {
        { "no email", without("email"), "email" },
        { "no password", without("password"), "password" },
        { "no name", without("name"), "name" },
        { "no role", without("role"), "role" },
        { "email a number", with("email", 42), "email" },
        { "password null", with("password", nullptr), "password" },
        { "name an array", with("name", Json::array({ "a" })), "name" },
        { "role an object", with("role", Json::object()), "role" },
        { "email without @", with("email", "someone.demo.learnloop.test"), "email" },
        { "email without domain dot", with("email", "someone@localhost"), "email" },
        { "email with two @", with("email", "a@b@demo.learnloop.test"), "email" },
        { "email empty", with("email", ""), "email" },
        { "password too short", with("password", "short1"), "password" },
        { "password one character repeated", with("password", "aaaaaaaaaaaa"), "password" },
        { "password too common", with("password", "password123"), "password" },
        { "password contains the email name", with("password", "someone-2026-x"), "password" },
        { "name blank", with("name", "   "), "name" },
        { "role admin", with("role", "admin"), "role" },
        { "role parent", with("role", "parent"), "role" },
        { "role moderator", with("role", "moderator"), "role" },
        { "role capitalised", with("role", "Teacher"), "role" },
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto reply = api.post("/api/signup", c.body);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == c.field);
        CHECK_FALSE(reply.details().empty());
    }

    // Not JSON, not an object, or not declared as JSON.
    check_error(api.send_text("POST", "/api/signup", "{\"email\": ", "application/json"), 400, "Invalid request");
    check_error(api.send_text("POST", "/api/signup", "[1, 2]", "application/json"), 400, "Invalid request");
    check_error(api.send_text("POST", "/api/signup", signup_body("form@demo.learnloop.test").dump(), "text/plain"), 400,
        "Invalid request");
    check_error(api.send_text("POST", "/api/signup", "email=a%40b.com", "application/x-www-form-urlencoded"), 400,
        "Invalid request");

    CHECK(count_users(f) == users);
    CHECK(f.audit_count() == audit);
}

TEST_CASE("learnloop create-tenant refuses a bad slug, name, kind or time zone and a taken slug, creating nothing",
    "[cli][tenant]")
{
    ApiFixture f("cli_create_tenant");
    auto tenants = f.sql_int("SELECT count(*) FROM tenants");
    auto audit = f.audit_count();
    struct Refusal {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Refusal> refusals = {
        { { "--slug", "zz", "--name", "Zed Academy", "--time-zone", "Mars/Olympus" }, "Time zone must be an IANA name" },
        { { "--slug", "zz", "--name", "Zed Academy", "--kind", "circus" }, "Kind must be one of school, academy, tutoring" },
        { { "--slug", "Not A Slug!", "--name", "Zed Academy" }, "Slug must be 2-63 lower-case letters" },
        { { "--slug", "zz", "--name", "" }, "Name is required" },
        { { "--slug", "zz'; DROP TABLE tenants; --", "--name", "Zed Academy" }, "Slug must be 2-63 lower-case letters" },
        { { "--slug", "demo", "--name", "Second Demo" }, "A tenant with slug demo already exists" },
    };
    for (const auto& refusal : refusals) {
        std::vector<std::string> args = { "create-tenant" };
        args.insert(args.end(), refusal.args.begin(), refusal.args.end());
        auto result = f.cli(args);
        INFO(result.out << result.err);
        CHECK(result.exit_code != 0);
        CHECK(result.err.find(refusal.says) != std::string::npos);
    }
    CHECK(f.sql_int("SELECT count(*) FROM tenants") == tenants);
    CHECK(f.audit_count() == audit);
    // And a good one after all of them.
    auto created = f.cli({ "create-tenant", "--slug", "zz", "--name", "Zed Academy", "--kind", "academy", "--time-zone",
        "Asia/Tokyo" });
    INFO(created.err);
    CHECK(created.exit_code == 0);
    CHECK(f.sql_text("SELECT kind || ' ' || time_zone FROM tenants WHERE slug = 'zz'") == "academy Asia/Tokyo");
}

TEST_CASE("signup names its tenant with X-Tenant or a tenant field, and an unknown tenant answers 404",
    "[api][auth][signup][tenant]")
{
    ApiFixture f("auth_signup_tenant");
    auto& api = f.api();
    auto created = f.cli({ "create-tenant", "--slug", "other", "--name", "Other Academy", "--time-zone", "Europe/London",
        "--signup-policy", "open" });
    REQUIRE(created.exit_code == 0);
    auto other_id = f.sql_int("SELECT id FROM tenants WHERE slug = 'other'");

    // X-Tenant header.
    auto by_header = api.post("/api/signup", signup_body("hana@school.test", "teacher"), {}, { { "X-Tenant", "other" } });
    INFO(describe(by_header));
    REQUIRE(by_header.status == 201);
    CHECK(by_header.json["message"] == "User created successfully");
    auto hana = by_header.json["user_id"].get<std::int64_t>();
    CHECK(f.sql_int("SELECT tenant_id FROM users WHERE id = " + std::to_string(hana)) == other_id);

    // "tenant" body field.
    auto body = signup_body("ivo@school.test");
    body["tenant"] = "other";
    auto by_field = api.post("/api/signup", body);
    INFO(describe(by_field));
    REQUIRE(by_field.status == 201);
    CHECK(f.sql_int("SELECT tenant_id FROM users WHERE id = " + by_field.json["user_id"].dump()) == other_id);

    // The same email may exist once per tenant.
    auto in_default = api.post("/api/signup", signup_body("hana@school.test", "teacher"));
    INFO(describe(in_default));
    REQUIRE(in_default.status == 201);
    CHECK(f.sql_int("SELECT tenant_id FROM users WHERE id = " + in_default.json["user_id"].dump()) == f.demo.id);
    check_error(api.post("/api/signup", signup_body("hana@school.test", "teacher"), {}, { { "X-Tenant", "other" } }), 409,
        "Email already registered");

    // Signing in finds the account in the tenant named, and only there.
    auto login_other = api.login("hana@school.test", "correct-horse-battery", "other");
    INFO(describe(login_other));
    REQUIRE(login_other.status == 200);
    CHECK(login_other.json["user_id"] == hana);
    auto ivo_default = api.login("ivo@school.test", "correct-horse-battery");
    check_error(ivo_default, 401, "Invalid credentials");

    // An unknown tenant: 404, and nobody is created.
    auto users = count_users(f);
    check_error(api.post("/api/signup", signup_body("ghost@school.test"), {}, { { "X-Tenant", "no-such-school" } }), 404,
        "Tenant not found");
    auto ghost = signup_body("ghost@school.test");
    ghost["tenant"] = "no-such-school";
    check_error(api.post("/api/signup", ghost), 404, "Tenant not found");
    CHECK(count_users(f) == users);
}

// [SECTION] sign-in --------------------------------------------------------

TEST_CASE("login answers 200 Login successful with a 64-hex token, the user id, role and name", "[api][auth][login]")
{
    ApiFixture f("auth_login");
    auto& api = f.api();

    std::set<std::string> tokens;
    for (const auto* person : { &f.demo.teacher, &f.demo.student }) {
        auto reply = api.login(person->email, k_demo_password);
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        CHECK(reply.json["message"] == "Login successful");
        REQUIRE(reply.json["token"].is_string());
        auto token = reply.json["token"].get<std::string>();
        CHECK(is_hex_token(token));
        CHECK(reply.json["user_id"] == person->id);
        CHECK(reply.json["role"] == person->role);
        CHECK(reply.json["name"] == person->name);
        tokens.insert(token);
        // Only the token's SHA-256 is stored, never the token.
        CHECK(f.sql_int("SELECT count(*) FROM auth_sessions WHERE token_hash = sha256(convert_to('" + token + "', 'UTF8'))")
            == 1);
        CHECK(f.sql_int("SELECT count(*) FROM auth_sessions WHERE encode(token_hash, 'hex') = '" + token + "'") == 0);
    }
    // A second login of the same user is a second, different session.
    auto again = api.login(f.demo.teacher.email, k_demo_password);
    REQUIRE(again.status == 200);
    tokens.insert(again.json["token"].get<std::string>());
    CHECK(tokens.size() == 3);

    // The email is matched without case or surrounding space.
    auto shouted = api.login("  TEACHER@demo.learnloop.test ", k_demo_password);
    INFO(describe(shouted));
    CHECK(shouted.status == 200);
}

TEST_CASE("a password hashed with weaker Argon2id parameters is rehashed at the next sign-in", "[api][auth][login]")
{
    ApiFixture f("auth_rehash");
    auto& api = f.api();
    REQUIRE(sodium_init() >= 0);
    char weak[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(weak, k_demo_password, std::strlen(k_demo_password), crypto_pwhash_OPSLIMIT_MIN,
                crypto_pwhash_MEMLIMIT_MIN)
        == 0);
    auto id = std::to_string(f.demo.student.id);
    f.sql("UPDATE users SET password_hash = '" + std::string(weak) + "' WHERE id = " + id);
    REQUIRE(f.sql_text("SELECT password_hash FROM users WHERE id = " + id).find("m=8,t=1") != std::string::npos);

    auto reply = api.login(f.demo.student.email, k_demo_password);
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    auto stored = f.sql_text("SELECT password_hash FROM users WHERE id = " + id);
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("m=65536,t=2") != std::string::npos);
    // The new hash still verifies the same password.
    CHECK(api.login(f.demo.student.email, k_demo_password).status == 200);
    // A wrong password never triggers a rehash.
    f.sql("UPDATE users SET password_hash = '" + std::string(weak) + "' WHERE id = " + id);
    CHECK(api.login(f.demo.student.email, "not-the-password").status == 401);
    CHECK(f.sql_text("SELECT password_hash FROM users WHERE id = " + id) == weak);
}

TEST_CASE("login with a wrong password, an unknown email or an unknown tenant answers 401 Invalid credentials",
    "[api][auth][login]")
{
    ApiFixture f("auth_login_401");
    auto& api = f.api();
    auto sessions = f.sql_int("SELECT count(*) FROM auth_sessions");
    auto audit = f.audit_count();

    check_error(api.login(f.demo.teacher.email, "learnloop-demo-2025"), 401, "Invalid credentials");
    check_error(api.login(f.demo.teacher.email, ""), 401, "Invalid credentials");
    check_error(api.login("nobody@demo.learnloop.test", k_demo_password), 401, "Invalid credentials");
    check_error(api.login(f.demo.teacher.email, k_demo_password, "no-such-school"), 401, "Invalid credentials");
    check_error(api.login("not an email", k_demo_password), 401, "Invalid credentials");
    // The same answer for a wrong password and an unknown account: no account probing.
    CHECK(api.login(f.demo.teacher.email, "wrong-password-1").body.substr(0, 30)
        == api.login("nobody@demo.learnloop.test", "wrong-password-1").body.substr(0, 30));

    // A body that is not a login at all is a 400, not a 401.
    check_error(api.post("/api/login", { { "email", f.demo.teacher.email } }), 400, "Invalid request");
    check_error(api.post("/api/login", { { "email", 7 }, { "password", k_demo_password } }), 400, "Invalid request");
    check_error(api.send_text("POST", "/api/login", "{", "application/json"), 400, "Invalid request");

    CHECK(f.sql_int("SELECT count(*) FROM auth_sessions") == sessions);
    CHECK(f.audit_count() == audit);
}

namespace {

// A throttled sign-in: 429, no token, and Retry-After in whole seconds within the window.
void check_throttled(const Reply& reply)
{
    INFO(describe(reply));
    CHECK(reply.status == 429);
    CHECK(reply.error() == "Too many attempts");
    CHECK_FALSE(reply.json.contains("token"));
    auto retry_after = reply.header("Retry-After");
    REQUIRE_FALSE(retry_after.empty());
    CHECK(retry_after.find_first_not_of("0123456789") == std::string::npos);
    CHECK(std::stoi(retry_after) > 0);
    CHECK(std::stoi(retry_after) <= 300);
}

} // namespace

TEST_CASE("after the configured number of failed logins the account gets 429 with Retry-After, even with the right password",
    "[api][auth][login][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ACCOUNT"] = "3";
    ApiFixture f("auth_throttle", options);
    auto& api = f.api();

    for (int attempt = 1; attempt <= 3; ++attempt) {
        INFO("failed attempt " << attempt);
        check_error(api.login(f.demo.student.email, "not-the-password-" + std::to_string(attempt)), 401,
            "Invalid credentials");
    }
    check_throttled(api.login(f.demo.student.email, k_demo_password));

    // Still throttled on the next try, with a wrong password too.
    CHECK(api.login(f.demo.student.email, "not-the-password-4").status == 429);
    // Other accounts are not affected.
    auto teacher = api.login(f.demo.teacher.email, k_demo_password);
    INFO(describe(teacher));
    CHECK(teacher.status == 200);
    // Once the window has passed (moved back in the database), the account may sign in again.
    f.sql("UPDATE login_throttle SET window_start = now() - interval '1 hour'");
    auto later = api.login(f.demo.student.email, k_demo_password);
    INFO(describe(later));
    CHECK(later.status == 200);
}

TEST_CASE("failed logins from one address are throttled across accounts with 429 and Retry-After",
    "[api][auth][login][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ADDRESS"] = "3";
    // The limit of an address no account signs in from (test_signin_throttle_api
    // covers how it grows with the accounts that do).
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_KNOWN_ACCOUNT"] = "0";
    ApiFixture f("auth_throttle_address", options);
    auto& api = f.api();

    // One wrong password each for three accounts (and one unknown email):
    // no account reaches its own limit of 10, the address reaches 3.
    check_error(api.login(f.demo.student.email, "not-the-password-1"), 401, "Invalid credentials");
    check_error(api.login(f.demo.teacher.email, "not-the-password-2"), 401, "Invalid credentials");
    check_error(api.login("nobody@demo.learnloop.test", "not-the-password-3"), 401, "Invalid credentials");
    check_throttled(api.login(f.demo.parent.email, k_demo_password));
    // Once the window has passed, the address may sign in again.
    f.sql("UPDATE login_throttle SET window_start = now() - interval '1 hour'");
    CHECK(api.login(f.demo.parent.email, k_demo_password).status == 200);
}

TEST_CASE("the bound on password hashing: sign-ins beyond the free slots wait, then get 503 with Retry-After",
    "[api][auth][login][hashing]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_PASSWORD_HASHING_SLOTS"] = "1";
    // A short wait, not none: on a loaded machine even an idle worker can take
    // a few milliseconds to wake for the first sign-in. An Argon2id hash
    // takes far longer (about 80 ms), so the others still find the slot busy.
    options.server_env["LEARNLOOP_PASSWORD_HASHING_WAIT_MS"] = "30";
    // A sign-in counts as a failure until its password is checked, so twelve
    // at once for one account would meet the throttle first: not what is
    // tested here.
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ACCOUNT"] = "100";
    options.server_env["LEARNLOOP_LOGIN_FAILURES_BEFORE_BACKOFF"] = "100";
    ApiFixture f("auth_hashing_bound", options);

    // Twelve sign-ins at once against one slot: each hash takes tens of
    // milliseconds, so some find the slot taken.
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < 12; ++i)
        pending.push_back(std::async(std::launch::async, [&f] {
            ApiClient client(f.api().port());
            return client.login(f.demo.student.email, k_demo_password);
        }));
    int signed_in = 0, busy = 0;
    for (auto& reply : pending) {
        auto r = reply.get();
        INFO(describe(r));
        if (r.status == 200) {
            ++signed_in;
        } else {
            ++busy;
            CHECK(r.status == 503);
            CHECK(r.error() == "Service unavailable");
            CHECK(r.header("Retry-After") == "1");
        }
    }
    CHECK(signed_in >= 1);
    CHECK(busy >= 1);
    // A refused sign-in is no failed attempt: nothing throttled, and one at a time all succeed.
    for (int i = 0; i < 3; ++i)
        CHECK(f.api().login(f.demo.student.email, k_demo_password).status == 200);
}

// [SECTION] sessions -------------------------------------------------------

TEST_CASE("GET /api/user answers the signed-in user's fields, and 401 Unauthorized without a valid token",
    "[api][auth][session]")
{
    ApiFixture f("auth_user");
    auto& api = f.api();

    for (const auto* person : { &f.demo.admin, &f.demo.parent }) {
        auto reply = api.get("/api/user", f.token(*person));
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        CHECK(reply.json["user_id"] == person->id);
        CHECK(reply.json["email"] == person->email);
        CHECK(reply.json["name"] == person->name);
        CHECK(reply.json["role"] == person->role);
    }

    auto token = f.token(f.demo.teacher);
    std::string upper = token;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::vector<std::pair<std::string, httplib::Headers>> refused = {
        { "no Authorization header", {} },
        { "a forged token of the right shape", { { "Authorization", "Bearer " + std::string(64, 'a') } } },
        { "a token one character off",
            { { "Authorization", "Bearer " + token.substr(0, 63) + (token.back() == '0' ? "1" : "0") } } },
        { "a token in upper case", { { "Authorization", "Bearer " + upper } } },
        { "a truncated token", { { "Authorization", "Bearer " + token.substr(0, 32) } } },
        { "a token with junk after it", { { "Authorization", "Bearer " + token + "x" } } },
        { "the Basic scheme", { { "Authorization", "Basic " + token } } },
        { "no scheme", { { "Authorization", token } } },
        { "an empty bearer", { { "Authorization", "Bearer " } } },
        { "SQL in the token", { { "Authorization", "Bearer ' OR 1=1 --" } } },
    };
    for (const auto& [what, headers] : refused) {
        INFO(what);
        check_error(api.get("/api/user", {}, headers), 401, "Unauthorized");
    }
    // The valid token still works.
    CHECK(api.get("/api/user", token).status == 200);
}

TEST_CASE("logout revokes the token it is called with, and only that one", "[api][auth][session]")
{
    ApiFixture f("auth_logout");
    auto& api = f.api();
    auto first = f.login(f.demo.teacher);
    auto second = f.login(f.demo.teacher);

    auto out = api.post("/api/logout", nullptr, first);
    INFO(describe(out));
    CHECK(out.status == 200);
    check_error(api.get("/api/user", first), 401, "Unauthorized");
    check_error(api.get("/api/assignments", first), 401, "Unauthorized");
    check_error(api.post("/api/logout", nullptr, first), 401, "Unauthorized");
    // The user's other session is untouched.
    CHECK(api.get("/api/user", second).status == 200);
    CHECK(f.sql_int("SELECT count(*) FROM auth_sessions WHERE revoked_at IS NOT NULL") == 1);
}

TEST_CASE("refresh issues a new token that works and revokes the old one", "[api][auth][session]")
{
    ApiFixture f("auth_refresh");
    auto& api = f.api();
    auto old_token = f.login(f.demo.student);

    auto refreshed = api.post("/api/refresh", nullptr, old_token);
    INFO(describe(refreshed));
    REQUIRE(refreshed.status == 200);
    REQUIRE(refreshed.json["token"].is_string());
    auto new_token = refreshed.json["token"].get<std::string>();
    CHECK(is_hex_token(new_token));
    CHECK(new_token != old_token);

    auto me = api.get("/api/user", new_token);
    INFO(describe(me));
    CHECK(me.status == 200);
    CHECK(me.json["user_id"] == f.demo.student.id);
    check_error(api.get("/api/user", old_token), 401, "Unauthorized");
    check_error(api.post("/api/refresh", nullptr, old_token), 401, "Unauthorized");
}

TEST_CASE("an expired session answers 401", "[api][auth][session]")
{
    ApiFixture f("auth_expired");
    auto& api = f.api();
    auto token = f.login(f.demo.teacher);
    REQUIRE(api.get("/api/user", token).status == 200);
    f.sql("UPDATE auth_sessions SET expires_at = now() - interval '1 second'");
    check_error(api.get("/api/user", token), 401, "Unauthorized");
}

TEST_CASE("a deactivated user's sessions stop working and they can no longer log in", "[api][auth][session]")
{
    ApiFixture f("auth_deactivated");
    auto& api = f.api();
    auto token = f.login(f.demo.student);
    REQUIRE(api.get("/api/user", token).status == 200);

    f.sql("UPDATE users SET deleted_at = now() WHERE id = " + std::to_string(f.demo.student.id));
    check_error(api.get("/api/user", token), 401, "Unauthorized");
    check_error(api.get("/api/assignments", token), 401, "Unauthorized");
    check_error(api.post("/api/assignments/" + std::to_string(f.demo.assignment_id) + "/submit",
                    { { "content", "still here?" } }, token),
        401, "Unauthorized");
    check_error(api.login(f.demo.student.email, k_demo_password), 401, "Invalid credentials");
    CHECK(f.sql_int("SELECT count(*) FROM submissions") == 0);
}
