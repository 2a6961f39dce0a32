// The production shape past one machine (docs/scaling.md): learnloop-server
// behind PgBouncer in transaction mode. Many server connections share a few
// database sessions, so nothing a request sets may outlive its transaction:
// the tenant (set_config(..., is_local)) and row-level security must hold
// when two tenants' requests take turns on the same database session.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace learnloop::test;

namespace {

// PgBouncer started by scripts/db in front of the shared cluster, stopped at the end.
class Pooler {
public:
    explicit Pooler(int server_connections)
        : m_dir("pooler")
        , m_port(free_port())
    {
        auto result = run_process({ source_dir() + "/scripts/db", "pooler", m_dir.path() + "/pgbouncer",
                                      std::to_string(m_port), std::to_string(PgCluster::instance().port()),
                                      std::to_string(server_connections) },
            {}, 30s);
        if (result.exit_code != 0)
            throw std::runtime_error("scripts/db pooler failed: " + result.err + result.out);
    }
    ~Pooler()
    {
        run_process({ source_dir() + "/scripts/db", "pooler-stop", m_dir.path() + "/pgbouncer" }, {}, 30s);
    }
    int port() const { return m_port; }
    // Rows of a PgBouncer console command (SHOW SERVERS, SHOW CLIENTS, ...)
    // for one database and user, as psql's unaligned lines.
    std::vector<std::string> show(const std::string& command, const std::string& database, const std::string& user) const
    {
        auto result = run_process({ "psql", "-h", "127.0.0.1", "-p", std::to_string(m_port), "-U", "postgres", "-d",
                                      "pgbouncer", "-AtF", "|", "-c", command },
            {}, 30s);
        std::vector<std::string> rows;
        std::size_t start = 0;
        while (start < result.out.size()) {
            auto end = result.out.find('\n', start);
            if (end == std::string::npos)
                end = result.out.size();
            auto line = result.out.substr(start, end - start);
            if (line.find("|" + user + "|" + database + "|") != std::string::npos)
                rows.push_back(line);
            start = end + 1;
        }
        return rows;
    }
    std::string url(const std::string& database, const std::string& user) const
    {
        return "host=127.0.0.1 port=" + std::to_string(m_port) + " dbname=" + database + " user=" + user;
    }

private:
    TempDir m_dir;
    int m_port;
};

} // namespace

TEST_CASE("through PgBouncer in transaction mode, two tenants' concurrent requests never see each other's rows",
    "[api][isolation][pooler]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("pooler_tenancy", options);
    auto& A = f.demo;
    auto& B = f.other;

    // Two database sessions for everything: the server's 8 pooled connections
    // and 16 clients take turns on them, so tenants alternate on each session.
    Pooler pooler(2);
    ServerProcess server(f.database(),
        { "--app-database-url", pooler.url(f.database(), "learnloop_app"), "--statements", "unnamed",
            "--db-connections", "8", "--no-migrate" });
    ApiClient api(server.port());

    struct Caller {
        const Person* person;
        std::string token;
        char tenant;
    };
    std::vector<Caller> callers;
    for (auto* world : { &A, &B })
        for (const auto* person : { &world->admin, &world->teacher, &world->student, &world->parent })
            callers.push_back({ person, f.token(*person), world == &A ? 'A' : 'B' });

    std::mutex seen_mutex;
    std::map<char, std::set<std::int64_t>> assignments_seen, users_seen, classes_seen;
    std::atomic<int> requests { 0 }, failures { 0 }, writes { 0 };
    std::string first_failure;
    auto fail = [&](const std::string& what) {
        std::lock_guard lock(seen_mutex);
        if (failures++ == 0)
            first_failure = what;
    };

    std::vector<std::thread> clients;
    for (int c = 0; c < 16; ++c) {
        clients.emplace_back([&, c] {
            for (int i = 0; i < 20; ++i) {
                const auto& caller = callers[(c + i) % callers.size()];
                const std::string& role = caller.person->role;
                std::string path = role == "admin" ? "/api/users?limit=200" : i % 2 ? "/api/classes" : "/api/assignments";
                if (role == "teacher" && i % 5 == 0) {
                    std::string title = std::string("Pooled work of tenant ") + caller.tenant + " #" + std::to_string(c * 100 + i);
                    auto reply = api.post("/api/assignments",
                        { { "title", title }, { "description", "" }, { "due_date", "2031-01-01T12:00:00" } }, caller.token);
                    ++requests;
                    if (reply.status != 201)
                        fail("POST /api/assignments: " + describe(reply));
                    else
                        ++writes;
                    continue;
                }
                auto reply = api.get(path, caller.token);
                ++requests;
                if (reply.status != 200) {
                    fail(path + ": " + describe(reply));
                    continue;
                }
                const Json& items = reply.json.contains("items") ? reply.json["items"] : reply.json;
                std::lock_guard lock(seen_mutex);
                auto& into = path.starts_with("/api/users") ? users_seen : path == "/api/classes" ? classes_seen : assignments_seen;
                for (const auto& item : items)
                    into[caller.tenant].insert(item.at("id").get<std::int64_t>());
            }
        });
    }
    for (auto& client : clients)
        client.join();

    INFO(first_failure);
    CHECK(failures == 0);
    CHECK(requests == 16 * 20);
    CHECK(writes > 0);

    // Every id a caller saw belongs to the caller's tenant, by the database's own rows.
    auto tenant_of = [&](const char* table, std::int64_t id) {
        return f.sql_int(std::string("SELECT tenant_id FROM ") + table + " WHERE id = " + std::to_string(id));
    };
    for (const auto& [tenant, ids] : assignments_seen)
        for (auto id : ids)
            CHECK(tenant_of("assignments", id) == (tenant == 'A' ? A.id : B.id));
    for (const auto& [tenant, ids] : users_seen)
        for (auto id : ids)
            CHECK(tenant_of("users", id) == (tenant == 'A' ? A.id : B.id));
    for (const auto& [tenant, ids] : classes_seen)
        for (auto id : ids)
            CHECK(tenant_of("classes", id) == (tenant == 'A' ? A.id : B.id));
    CHECK(assignments_seen['A'].size() > 1);
    CHECK(assignments_seen['B'].size() > 1);
    CHECK(users_seen['A'].size() > 1);
    CHECK(users_seen['B'].size() > 1);

    // Each write landed in its author's tenant, with its audit row.
    CHECK(f.sql_int("SELECT count(*) FROM assignments a JOIN tenants t ON t.id = a.tenant_id"
                    " WHERE a.title LIKE 'Pooled work of tenant %'"
                    " AND right(split_part(a.title, ' #', 1), 1) <> CASE WHEN t.id = " + std::to_string(A.id)
              + " THEN 'A' ELSE 'B' END")
        == 0);
    CHECK(f.sql_int("SELECT count(*) FROM assignments WHERE title LIKE 'Pooled work of tenant %'") == writes);

    // The requests really took turns: the server's 8 connections were
    // PgBouncer's clients, served by at most two database sessions.
    auto clients_seen = pooler.show("SHOW CLIENTS", f.database(), "learnloop_app");
    auto servers_seen = pooler.show("SHOW SERVERS", f.database(), "learnloop_app");
    INFO("PgBouncer clients: " << clients_seen.size() << ", servers: " << servers_seen.size());
    CHECK(clients_seen.size() >= 3);
    CHECK(servers_seen.size() >= 1);
    CHECK(servers_seen.size() <= 2);
}
