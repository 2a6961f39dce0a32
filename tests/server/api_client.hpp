// Black-box API test helpers: a small JSON client for the real
// learnloop-server, and a fixture that builds one fresh database with the demo
// school (seeded by the CLI, plus a demo moderator) and, on request, a second
// school "other" of the same shape, and starts the server on it. The demo
// seed runs once per test binary into a template database; every fixture's
// database is a fresh copy of it.
#pragma once

#include "test_support.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::test {

using Json = nlohmann::json;

// The password `learnloop seed demo` gives every demo user; the fixture gives
// it to the users of the second tenant too.
inline constexpr const char* k_demo_password = "learnloop-demo-2026";

// One HTTP exchange, with the body parsed when it is JSON.
struct Reply {
    std::string request;       // "METHOD /path", for messages
    bool received = false;     // false: no response at all
    int status = 0;
    std::string body;
    Json json;                 // discarded() when the body is not JSON
    httplib::Headers headers;

    std::string header(const std::string& name) const;
    // The "error" / "details" / "field" strings of an error body, empty when absent.
    std::string error() const;
    std::string details() const;
    std::string field() const;
};

// For Catch2 INFO: "POST /api/x -> 403 {...}".
std::string describe(const std::string& method, const std::string& path, const Reply& reply);
std::string describe(const Reply& reply);

// The index of the option marked correct in a task that carries its key (a
// practice quiz's question as the server sends it); fails the test otherwise.
int right_option(const Json& task);

// CHECKs the status and the "error" string (and "details" when given) of an
// error reply; failures name the calling line (check_error is a macro).
void check_error_at(const char* file, int line, const Reply& reply, int status, const std::string& error,
    const std::string& details = {});
#define check_error(...) ::learnloop::test::check_error_at(__FILE__, __LINE__, __VA_ARGS__)

class ApiClient {
public:
    explicit ApiClient(int port);

    // `token` empty: no Authorization header.
    Reply get(const std::string& path, const std::string& token = {}, const httplib::Headers& extra = {});
    Reply post(const std::string& path, const Json& body, const std::string& token = {},
        const httplib::Headers& extra = {});
    Reply put(const std::string& path, const Json& body, const std::string& token = {},
        const httplib::Headers& extra = {});
    Reply del(const std::string& path, const std::string& token = {}, const httplib::Headers& extra = {});
    // A body sent byte for byte with the given Content-Type (empty: none).
    Reply send_text(const std::string& method, const std::string& path, const std::string& body,
        const std::string& content_type, const std::string& token = {}, const httplib::Headers& extra = {});
    // Any method; `body` null means no body.
    Reply send(const std::string& method, const std::string& path, const Json& body, const std::string& token = {},
        const httplib::Headers& extra = {});

    // POST /api/login; `tenant` non-empty adds X-Tenant.
    Reply login(const std::string& email, const std::string& password, const std::string& tenant = {});
    int port() const { return m_port; }

private:
    int m_port;
};

// An academy course taught by the instructor signed in with `token`, with
// `student_ids` enrolled (each step REQUIREd); its id.
std::int64_t create_course(ApiClient& api, const std::string& token, const std::string& title,
    const std::vector<std::int64_t>& student_ids);

struct Person {
    std::string tenant;   // slug, sent as X-Tenant on login
    std::string email;
    std::string name;
    std::string role;
    std::int64_t id = 0;
};

// One tenant of the fixture: its users, its class (the student is a member,
// the parent is linked to the student), a class assignment by its teacher and,
// where the fixture made one, the student's graded submission to it.
struct TenantWorld {
    std::string slug;
    std::int64_t id = 0;
    Person admin, moderator, teacher, student, parent;
    std::int64_t class_id = 0;
    std::int64_t assignment_id = 0;
    std::int64_t submission_id = 0;   // 0 when none was made

    std::vector<const Person*> people() const;   // the users that exist (moderator only when made)
    const Person& by_role(const std::string& role) const;
};

struct FixtureOptions {
    bool moderators = false;       // a moderator in the other tenant too (the demo tenant always has one)
    bool other_tenant = false;     // the second tenant "other", with a graded submission made through the API
    std::map<std::string, std::string> server_env;   // extra environment for the server process
};

class ApiFixture {
public:
    explicit ApiFixture(const std::string& purpose, FixtureOptions options = {});
    ~ApiFixture();
    ApiFixture(const ApiFixture&) = delete;
    ApiFixture& operator=(const ApiFixture&) = delete;

    ServerProcess& server() { return *m_server; }
    ApiClient& api() { return *m_api; }
    const std::string& database() const { return m_database; }
    std::string superuser_url() const;
    std::string app_url() const;

    // A session token for `person`, logged in once and then reused.
    const std::string& token(const Person& person);
    // A fresh login (a new session) for `person`; REQUIREs 200.
    std::string login(const Person& person);
    // Forgets a cached token (after logout or refresh).
    void forget_token(const Person& person);

    // SQL as the superuser (no row-level security).
    pqxx::result sql(const std::string& query);
    std::int64_t sql_int(const std::string& query);
    std::string sql_text(const std::string& query);
    std::int64_t audit_count();
    std::string last_audit_action();

    // The learnloop CLI against this database.
    ProcessResult cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});
    // Creates a user with the CLI (password k_demo_password) and returns it with its id.
    Person create_user(const std::string& tenant, const std::string& email, const std::string& name,
        const std::string& role);
    // Signs up through the API (password k_demo_password) and returns the new user.
    Person signup(const std::string& email, const std::string& name, const std::string& role,
        const std::string& tenant = "demo");

    // Creates an assignment as `teacher` through the API; returns its id.
    std::int64_t create_assignment(const Person& teacher, const std::string& title, const std::string& due_date,
        std::optional<std::int64_t> class_id = std::nullopt);
    // Submits as `student` through the API; returns the submission id.
    std::int64_t submit(const Person& student, std::int64_t assignment_id, const std::string& content);

    TenantWorld demo;
    TenantWorld other;   // empty unless options.other_tenant

private:
    void seed_demo(const FixtureOptions& options);
    void seed_other(const FixtureOptions& options);
    std::int64_t user_id(const std::string& tenant, const std::string& email);

    std::string m_database;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::map<std::string, std::string> m_tokens;   // "tenant/email" -> token
};

// A JSON array's "id" fields.
std::vector<std::int64_t> ids_of(const Json& list, const std::string& key = "id");
bool contains_id(const Json& list, std::int64_t id, const std::string& key = "id");
bool is_hex_token(const std::string& text);

} // namespace learnloop::test
