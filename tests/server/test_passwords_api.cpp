// The new-password rule at every endpoint that sets a password, black box
// against the real server and PostgreSQL: sign-up, add-user and password
// change refuse weak passwords with 400 and the domain's wording (the words
// the browser shows under the field), while people whose stored password is
// older than the rule keep signing in with it.
#include "api_client.hpp"

#include "identity/password_policy.hpp"
#include "platform/crypto.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace learnloop::test;

namespace {

// The report's weak passwords, and the message each must get (the domain's,
// so the server and the browser say the same).
struct Weak {
    const char* what;
    std::string password;
};

const std::vector<Weak>& weak_passwords()
{
    static const std::vector<Weak> weak = {
        { "a common password with a digit and a symbol", "Password1!" },
        { "one character and another", "aaaaaaaaab" },
        { "one digit and another", "1111111112" },
        { "tabs and newlines only", "\t\t\n\n\t\t\n\n\t\t\n\n" },
        { "a NUL byte", std::string("correct horse\0battery", 21) },
        { "too short", "kiwi-42" },
    };
    return weak;
}

std::string domain_message(const std::string& password, const std::string& email, const std::string& name)
{
    auto result = learnloop::check_new_password(password, { email, name });
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

void check_refused(const Reply& reply, const std::string& field, const std::string& message)
{
    INFO(describe(reply));
    check_error(reply, 400, "Invalid request");
    CHECK(reply.field() == field);
    CHECK(reply.details() == message);
}

} // namespace

TEST_CASE("sign-up refuses weak passwords with 400 and the form's own words", "[api][auth][signup][passwords]")
{
    ApiFixture f("passwords_signup");
    auto users = f.sql_int("SELECT count(*) FROM users");
    const std::string email = "newcomer@demo.learnloop.test", name = "New Comer";
    for (const auto& weak : weak_passwords()) {
        INFO(weak.what);
        auto reply = f.api().post("/api/signup",
            { { "email", email }, { "password", weak.password }, { "name", name }, { "role", "student" } });
        check_refused(reply, "password", domain_message(weak.password, email, name));
    }
    // The owner's name and email name are refused too.
    check_refused(f.api().post("/api/signup",
                      { { "email", email }, { "password", "comer of the hills" }, { "name", name }, { "role", "student" } }),
        "password", "Choose a password that does not contain your name or email address");
    CHECK(f.sql_int("SELECT count(*) FROM users") == users);

    // Passphrases in any script are welcome.
    int n = 0;
    for (const char* good : { "correct horse battery staple", "пароль-для-школы", "学校の長いパスワード" }) {
        INFO(good);
        auto reply = f.api().post("/api/signup", { { "email", "good-" + std::to_string(++n) + "@demo.learnloop.test" },
                                                     { "password", good }, { "name", name }, { "role", "student" } });
        INFO(describe(reply));
        CHECK(reply.status == 201);
        CHECK(f.api().login("good-" + std::to_string(n) + "@demo.learnloop.test", good).status == 200);
    }
}

TEST_CASE("add-user refuses weak passwords with 400 and the form's own words", "[api][school][passwords]")
{
    ApiFixture f("passwords_add_user");
    auto users = f.sql_int("SELECT count(*) FROM users");
    const std::string email = "added@demo.learnloop.test", name = "Added Person";
    for (const auto& weak : weak_passwords()) {
        INFO(weak.what);
        auto reply = f.api().post("/api/users",
            { { "email", email }, { "name", name }, { "password", weak.password }, { "role", "student" } },
            f.token(f.demo.admin));
        check_refused(reply, "password", domain_message(weak.password, email, name));
    }
    CHECK(f.sql_int("SELECT count(*) FROM users") == users);
}

TEST_CASE("a password change refuses weak new passwords with 400, needs the current one, and signs out other sessions",
    "[api][auth][passwords]")
{
    ApiFixture f("passwords_change");
    auto& api = f.api();
    const auto& student = f.demo.student;
    auto token = f.login(student);
    auto other_session = f.login(student);
    auto change = [&](const std::string& current, const std::string& fresh) {
        return api.post("/api/user/password", { { "current_password", current }, { "new_password", fresh } }, token);
    };

    for (const auto& weak : weak_passwords()) {
        INFO(weak.what);
        check_refused(change(k_demo_password, weak.password), "new_password",
            domain_message(weak.password, student.email, student.name));
    }
    auto wrong = change("not the current password", "a fresh river stone");
    INFO(describe(wrong));
    CHECK(wrong.status == 403);
    CHECK(wrong.field() == "current_password");
    CHECK(api.post("/api/user/password", { { "new_password", "a fresh river stone" } }, token).status == 400);
    CHECK(api.post("/api/user/password", { { "current_password", k_demo_password }, { "new_password", "a fresh river stone" } })
              .status
        == 401);
    // Nothing changed so far.
    CHECK(api.login(student.email, k_demo_password).status == 200);

    auto audit = f.audit_count();
    auto done = change(k_demo_password, "a fresh river stone");
    INFO(describe(done));
    REQUIRE(done.status == 200);
    CHECK(done.json["message"] == "Password changed");
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "user.password_change");
    CHECK(api.login(student.email, k_demo_password).status == 401);
    CHECK(api.login(student.email, "a fresh river stone").status == 200);
    // This session goes on; the others were signed out.
    CHECK(api.get("/api/user", token).status == 200);
    CHECK(api.get("/api/user", other_session).status == 401);
}

TEST_CASE("wrong current passwords are counted: the fifth signs out the session that sent it; the owner's right one works",
    "[api][auth][passwords][throttle]")
{
    ApiFixture f("passwords_tries");
    auto& api = f.api();
    const auto& student = f.demo.student;
    auto owner = f.login(student);
    auto left_open = f.login(student);   // a session someone else found open
    auto change = [&](const std::string& token, const std::string& current) {
        return api.post("/api/user/password", { { "current_password", current }, { "new_password", "a fresh river stone" } },
            token);
    };
    auto audit = f.audit_count();
    for (int i = 0; i < 4; ++i)
        CHECK(change(left_open, "guess number " + std::to_string(i)).status == 403);
    CHECK(f.audit_count() == audit);   // a wrong password alone writes no audit row
    auto fifth = change(left_open, "guess number 4");
    INFO(describe(fifth));
    CHECK(fifth.status == 403);
    CHECK(fifth.field() == "current_password");
    CHECK(fifth.json["details"].get<std::string>().find("signed out") != std::string::npos);
    // That session is over, its sign-out audited; the owner's goes on.
    CHECK(api.get("/api/user", left_open).status == 401);
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "session.revoke");
    CHECK(api.get("/api/user", owner).status == 200);
    // Another person's tries are their own.
    auto teacher = f.login(f.demo.teacher);
    CHECK(change(teacher, "wrong").json["details"].get<std::string>().find("signed out") == std::string::npos);
    // The owner's right password works at once, and the count is forgotten.
    CHECK(change(owner, k_demo_password).status == 200);
    CHECK(f.sql_int("SELECT count(*) FROM login_throttle WHERE failures >= 5") == 0);
}

TEST_CASE("a password change waits a few seconds at most for another change of the same account, then says to retry",
    "[api][auth][passwords][throttle]")
{
    ApiFixture f("passwords_lock_wait");
    auto& api = f.api();
    const auto& student = f.demo.student;
    auto token = f.login(student);
    // Another change of this account is under way: its count of wrong
    // passwords is locked (as identity/lock_tries locks it) by a
    // transaction that stays open.
    const auto key = learnloop::server::sha256_hex("password-change:" + std::to_string(f.demo.id) + ":"
        + std::to_string(student.id));
    pqxx::connection holder(f.superuser_url());
    pqxx::work held(holder);
    held.exec_params("INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 0, now()) "
                     "ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures", key);
    auto audit = f.audit_count();
    auto started = std::chrono::steady_clock::now();
    auto busy = api.post("/api/user/password",
        { { "current_password", k_demo_password }, { "new_password", "a fresh river stone" } }, token);
    auto waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(describe(busy));
    CHECK(busy.status == 503);
    CHECK_FALSE(busy.header("Retry-After").empty());
    CHECK(busy.json["details"].get<std::string>().find("under way") != std::string::npos);
    CHECK(waited >= 2.5);
    CHECK(waited < 8.0);
    CHECK(f.audit_count() == audit);   // nothing written
    held.abort();
    // The other change over, this one goes through.
    CHECK(api.post("/api/user/password",
              { { "current_password", k_demo_password }, { "new_password", "a fresh river stone" } }, token)
              .status
        == 200);
}

TEST_CASE("people whose stored password predates the rule keep signing in with it", "[api][auth][passwords]")
{
    ApiFixture f("passwords_existing");
    learnloop::server::init_crypto();
    auto old_hash = learnloop::server::hash_password("Password1!");
    REQUIRE(old_hash.ok());
    f.sql("UPDATE users SET password_hash = '" + old_hash.value() + "' WHERE id = " + std::to_string(f.demo.parent.id));
    auto reply = f.api().login(f.demo.parent.email, "Password1!");
    INFO(describe(reply));
    CHECK(reply.status == 200);
}
