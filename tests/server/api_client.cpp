// Black-box API test helpers: the JSON client and the two-tenant fixture.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

namespace learnloop::test {

// [SECTION] replies --------------------------------------------------------

std::string Reply::header(const std::string& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.size() == name.size()
            && std::equal(key.begin(), key.end(), name.begin(),
                [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }))
            return value;
    }
    return {};
}

namespace {

std::string string_member(const Json& json, const char* name)
{
    if (json.is_object() && json.contains(name) && json[name].is_string())
        return json[name].get<std::string>();
    return {};
}

Reply to_reply(const httplib::Result& result)
{
    Reply reply;
    if (!result)
        return reply;
    reply.received = true;
    reply.status = result->status;
    reply.body = result->body;
    reply.headers = result->headers;
    reply.json = Json::parse(reply.body, nullptr, false);
    return reply;
}

httplib::Headers with_token(const std::string& token, httplib::Headers headers)
{
    if (!token.empty())
        headers.emplace("Authorization", "Bearer " + token);
    return headers;
}

} // namespace

std::string Reply::error() const { return string_member(json, "error"); }
std::string Reply::details() const { return string_member(json, "details"); }
std::string Reply::field() const { return string_member(json, "field"); }

std::string describe(const std::string& method, const std::string& path, const Reply& reply)
{
    if (!reply.received)
        return method + " " + path + " -> no response";
    return method + " " + path + " -> " + std::to_string(reply.status) + " " + reply.body.substr(0, 400);
}

std::string describe(const Reply& reply)
{
    auto space = reply.request.find(' ');
    return describe(reply.request.substr(0, space), space == std::string::npos ? "" : reply.request.substr(space + 1), reply);
}

int right_option(const Json& task)
{
    for (std::size_t i = 0; i < task["options"].size(); ++i)
        if (task["options"][i].value("correct", false))
            return static_cast<int>(i);
    FAIL("no option marked correct in " << task.dump());
    return -1;
}

std::int64_t create_course(ApiClient& api, const std::string& token, const std::string& title,
    const std::vector<std::int64_t>& student_ids)
{
    auto course = api.post("/api/academy/courses", { { "title", title } }, token);
    INFO(describe(course));
    REQUIRE(course.status == 201);
    const auto id = course.json["id"].get<std::int64_t>();
    if (!student_ids.empty())
        REQUIRE(api.post("/api/academy/courses/" + std::to_string(id) + "/students", { { "student_ids", student_ids } },
                       token)
                    .status
            == 200);
    return id;
}

void check_error_at(const char* file, int line, const Reply& reply, int status, const std::string& error,
    const std::string& details)
{
    INFO("checked at " << file << ":" << line);
    INFO(describe(reply));
    REQUIRE(reply.received);
    CHECK(reply.status == status);
    if (reply.status != status)
        return;   // one failure per wrong answer is enough
    CHECK(reply.header("Content-Type") == "application/json");
    CHECK(reply.json.is_object());
    CHECK(reply.error() == error);
    if (!details.empty())
        CHECK(reply.details() == details);
}

// [SECTION] client ---------------------------------------------------------

ApiClient::ApiClient(int port)
    : m_port(port)
{
}

Reply ApiClient::send_text(const std::string& method, const std::string& path, const std::string& body,
    const std::string& content_type, const std::string& token, const httplib::Headers& extra)
{
    httplib::Client cli("127.0.0.1", m_port);
    cli.set_connection_timeout(5, 0);
    cli.set_read_timeout(20, 0);
    cli.set_write_timeout(20, 0);
    auto headers = with_token(token, extra);
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers = headers;
    if (!content_type.empty())
        req.headers.emplace("Content-Type", content_type);
    req.body = body;
    auto reply = to_reply(cli.send(req));
    reply.request = method + " " + path;
    return reply;
}

Reply ApiClient::send(const std::string& method, const std::string& path, const Json& body, const std::string& token,
    const httplib::Headers& extra)
{
    if (body.is_null())
        return send_text(method, path, "", "", token, extra);
    return send_text(method, path, body.dump(), "application/json", token, extra);
}

Reply ApiClient::get(const std::string& path, const std::string& token, const httplib::Headers& extra)
{
    return send("GET", path, nullptr, token, extra);
}

Reply ApiClient::post(const std::string& path, const Json& body, const std::string& token, const httplib::Headers& extra)
{
    return send("POST", path, body, token, extra);
}

Reply ApiClient::put(const std::string& path, const Json& body, const std::string& token, const httplib::Headers& extra)
{
    return send("PUT", path, body, token, extra);
}

Reply ApiClient::del(const std::string& path, const std::string& token, const httplib::Headers& extra)
{
    return send("DELETE", path, nullptr, token, extra);
}

Reply ApiClient::login(const std::string& email, const std::string& password, const std::string& tenant)
{
    httplib::Headers headers;
    if (!tenant.empty())
        headers.emplace("X-Tenant", tenant);
    return post("/api/login", { { "email", email }, { "password", password } }, {}, headers);
}

// [SECTION] worlds ---------------------------------------------------------

std::vector<const Person*> TenantWorld::people() const
{
    std::vector<const Person*> list = { &admin, &teacher, &student, &parent };
    if (moderator.id != 0)
        list.insert(list.begin() + 1, &moderator);
    return list;
}

const Person& TenantWorld::by_role(const std::string& role) const
{
    if (role == "admin")
        return admin;
    if (role == "moderator")
        return moderator;
    if (role == "teacher")
        return teacher;
    if (role == "student")
        return student;
    if (role == "parent")
        return parent;
    throw std::invalid_argument("no role " + role);
}

// [SECTION] fixture --------------------------------------------------------

namespace {

// A database migrated and seeded by the CLI (`migrate`, `seed demo --minimal
// yes`, and a demo moderator with `create-user`) once per test binary. The API
// tests build their worlds on the minimal demo's four logins and one class;
// the full school is test_demo_school.cpp's. Each fixture's
// database is a copy of it (CREATE DATABASE ... TEMPLATE), which saves the
// Argon2id hashing of the seed users in every test case.
const std::string& demo_template()
{
    static const std::string name = [] {
        auto& cluster = PgCluster::instance();
        auto database = cluster.create_database("api_template");
        auto url = cluster.superuser_url(database);
        auto check = [](const ProcessResult& result, const char* what) {
            if (result.exit_code != 0)
                throw std::runtime_error(std::string("learnloop ") + what + " failed: " + result.err + result.out);
        };
        check(run_cli({ "migrate" }, url), "migrate");
        check(run_cli({ "seed", "demo", "--minimal", "yes" }, url), "seed demo");
        check(run_cli({ "create-user", "--tenant", "demo", "--email", "moderator@demo.learnloop.test", "--name",
                          "Mo Moderator", "--role", "moderator" },
                  url, { { "LEARNLOOP_PASSWORD", k_demo_password } }),
            "create-user");
        return database;
    }();
    return name;
}

std::string database_from_template(const std::string& purpose)
{
    static int counter = 0;
    const auto& source = demo_template();
    std::string clean;
    for (char c : purpose)
        clean += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    auto name = "llapi_" + clean.substr(0, 30) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    pqxx::connection connection(PgCluster::instance().superuser_url("postgres"));
    pqxx::nontransaction txn(connection);
    txn.exec("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + source + "\"");
    return name;
}

} // namespace

ApiFixture::ApiFixture(const std::string& purpose, FixtureOptions options)
    : m_database(database_from_template(purpose))
{
    // The server inherits this process's environment: set the extra variables
    // only while it starts, and put the old values back.
    std::map<std::string, std::optional<std::string>> saved;
    for (const auto& [name, value] : options.server_env) {
        const char* old = std::getenv(name.c_str());
        saved[name] = old ? std::optional<std::string>(old) : std::nullopt;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    try {
        m_server = std::make_unique<ServerProcess>(m_database);   // migrates the database
    } catch (...) {
        for (const auto& [name, value] : saved)
            value ? ::setenv(name.c_str(), value->c_str(), 1) : ::unsetenv(name.c_str());
        throw;
    }
    for (const auto& [name, value] : saved)
        value ? ::setenv(name.c_str(), value->c_str(), 1) : ::unsetenv(name.c_str());
    m_api = std::make_unique<ApiClient>(m_server->port());
    seed_demo(options);
    if (options.other_tenant)
        seed_other(options);

}

ApiFixture::~ApiFixture() = default;

std::string ApiFixture::superuser_url() const { return PgCluster::instance().superuser_url(m_database); }
std::string ApiFixture::app_url() const { return PgCluster::instance().app_url(m_database); }

pqxx::result ApiFixture::sql(const std::string& query)
{
    pqxx::connection connection(superuser_url());
    pqxx::nontransaction txn(connection);
    return txn.exec(query);
}

std::int64_t ApiFixture::sql_int(const std::string& query)
{
    return sql(query)[0][0].as<std::int64_t>();
}

std::string ApiFixture::sql_text(const std::string& query)
{
    auto rows = sql(query);
    return rows.empty() || rows[0][0].is_null() ? std::string() : rows[0][0].as<std::string>();
}

std::int64_t ApiFixture::audit_count()
{
    return sql_int("SELECT count(*) FROM audit_log");
}

std::string ApiFixture::last_audit_action()
{
    return sql_text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1");
}

ProcessResult ApiFixture::cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
{
    return run_cli(args, superuser_url(), env);
}

std::int64_t ApiFixture::user_id(const std::string& tenant, const std::string& email)
{
    pqxx::connection connection(superuser_url());
    pqxx::nontransaction txn(connection);
    auto rows = txn.exec_params(
        "SELECT u.id FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = $1 AND u.email = $2", tenant,
        email);
    if (rows.empty())
        throw std::runtime_error("no user " + email + " in " + tenant);
    return rows[0][0].as<std::int64_t>();
}

Person ApiFixture::create_user(const std::string& tenant, const std::string& email, const std::string& name,
    const std::string& role)
{
    auto result = cli({ "create-user", "--tenant", tenant, "--email", email, "--name", name, "--role", role },
        { { "LEARNLOOP_PASSWORD", k_demo_password } });
    INFO("create-user " << email << ": " << result.err << result.out);
    REQUIRE(result.exit_code == 0);
    return { tenant, email, name, role, user_id(tenant, email) };
}

Person ApiFixture::signup(const std::string& email, const std::string& name, const std::string& role,
    const std::string& tenant)
{
    auto reply = m_api->post("/api/signup",
        { { "email", email }, { "password", k_demo_password }, { "name", name }, { "role", role } }, {},
        { { "X-Tenant", tenant } });
    INFO(describe("POST", "/api/signup", reply));
    REQUIRE(reply.status == 201);
    return { tenant, email, name, role, reply.json["user_id"].get<std::int64_t>() };
}

const std::string& ApiFixture::token(const Person& person)
{
    auto key = person.tenant + "/" + person.email;
    auto it = m_tokens.find(key);
    if (it == m_tokens.end())
        it = m_tokens.emplace(key, login(person)).first;
    return it->second;
}

std::string ApiFixture::login(const Person& person)
{
    auto reply = m_api->login(person.email, k_demo_password, person.tenant);
    INFO(describe("POST", "/api/login as " + person.email, reply));
    REQUIRE(reply.status == 200);
    REQUIRE(reply.json["token"].is_string());
    return reply.json["token"].get<std::string>();
}

void ApiFixture::forget_token(const Person& person)
{
    m_tokens.erase(person.tenant + "/" + person.email);
}

std::int64_t ApiFixture::create_assignment(const Person& teacher, const std::string& title, const std::string& due_date,
    std::optional<std::int64_t> class_id)
{
    Json body = { { "title", title }, { "description", "About " + title }, { "due_date", due_date } };
    if (class_id)
        body["class_id"] = *class_id;
    auto reply = m_api->post("/api/assignments", body, token(teacher));
    INFO(describe("POST", "/api/assignments", reply));
    REQUIRE(reply.status == 201);
    return reply.json["assignment_id"].get<std::int64_t>();
}

std::int64_t ApiFixture::submit(const Person& student, std::int64_t assignment_id, const std::string& content)
{
    auto path = "/api/assignments/" + std::to_string(assignment_id) + "/submit";
    auto reply = m_api->post(path, { { "content", content } }, token(student));
    INFO(describe("POST", path, reply));
    REQUIRE((reply.status == 201 || reply.status == 200));
    return reply.json["submission_id"].get<std::int64_t>();
}

void ApiFixture::seed_demo(const FixtureOptions&)
{
    // `learnloop seed demo --minimal yes` ran on the template; running it again must change nothing.
    auto seeded = cli({ "seed", "demo", "--minimal", "yes" });
    INFO("seed demo: " << seeded.err << seeded.out);
    REQUIRE(seeded.exit_code == 0);
    demo.slug = "demo";
    demo.id = sql_int("SELECT id FROM tenants WHERE slug = 'demo'");
    auto person = [&](const char* email, const char* name, const char* role) {
        return Person { "demo", email, name, role, user_id("demo", email) };
    };
    demo.admin = person("admin@demo.learnloop.test", "Alex Admin", "admin");
    demo.teacher = person("teacher@demo.learnloop.test", "Tara Teacher", "teacher");
    demo.student = person("student@demo.learnloop.test", "Sam Student", "student");
    demo.parent = person("parent@demo.learnloop.test", "Pat Parent", "parent");
    demo.moderator = person("moderator@demo.learnloop.test", "Mo Moderator", "moderator");
    demo.class_id = sql_int("SELECT id FROM classes WHERE tenant_id = " + std::to_string(demo.id));
    demo.assignment_id = sql_int("SELECT id FROM assignments WHERE tenant_id = " + std::to_string(demo.id));
}

void ApiFixture::seed_other(const FixtureOptions& options)
{
    auto created = cli({ "create-tenant", "--slug", "other", "--name", "Other Academy", "--time-zone", "Europe/London" });
    INFO("create-tenant: " << created.err << created.out);
    REQUIRE(created.exit_code == 0);
    other.slug = "other";
    other.id = sql_int("SELECT id FROM tenants WHERE slug = 'other'");
    other.admin = create_user("other", "admin@other.learnloop.test", "Olga Other-Admin", "admin");
    other.teacher = create_user("other", "teacher@other.learnloop.test", "Otto Other-Teacher", "teacher");
    other.student = create_user("other", "student@other.learnloop.test", "Ola Other-Student", "student");
    other.parent = create_user("other", "parent@other.learnloop.test", "Oren Other-Parent", "parent");
    if (options.moderators)
        other.moderator = create_user("other", "moderator@other.learnloop.test", "Omar Other-Moderator", "moderator");

    // There is no API for classes or parent links yet: the same shape as the demo seed, in SQL.
    auto t = std::to_string(other.id);
    other.class_id = sql_int("INSERT INTO classes (tenant_id, name, teacher_id) VALUES (" + t + ", 'Year 8 English', "
        + std::to_string(other.teacher.id) + ") RETURNING id");
    sql("INSERT INTO class_members (tenant_id, class_id, student_id) VALUES (" + t + ", "
        + std::to_string(other.class_id) + ", " + std::to_string(other.student.id) + ")");
    sql("INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES (" + t + ", "
        + std::to_string(other.parent.id) + ", " + std::to_string(other.student.id) + ")");

    // The assignment, submission and grade through the API.
    other.assignment_id = create_assignment(other.teacher, "Other persuasive letter", "2030-06-01T17:00:00", other.class_id);
    other.submission_id = submit(other.student, other.assignment_id, "Dear head teacher of the other school");
    auto graded = m_api->put("/api/submissions/" + std::to_string(other.submission_id) + "/grade",
        { { "grade", 77 }, { "feedback", "Other feedback" } }, token(other.teacher));
    INFO(describe("PUT", "grade", graded));
    REQUIRE(graded.status == 200);
}

// [SECTION] utilities ------------------------------------------------------

std::vector<std::int64_t> ids_of(const Json& list, const std::string& key)
{
    std::vector<std::int64_t> ids;
    if (!list.is_array())
        return ids;
    for (const auto& item : list) {
        if (item.is_object() && item.contains(key) && item[key].is_number_integer())
            ids.push_back(item[key].get<std::int64_t>());
    }
    return ids;
}

bool contains_id(const Json& list, std::int64_t id, const std::string& key)
{
    for (auto value : ids_of(list, key)) {
        if (value == id)
            return true;
    }
    return false;
}

bool is_hex_token(const std::string& text)
{
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace learnloop::test
