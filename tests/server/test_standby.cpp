// Reports from a hot standby (docs/scaling.md): a private primary cluster and
// a streaming-replication standby copied from it by scripts/db, the real
// server using both. Reports the route table marks (gradebook, class mastery,
// practice stats) come from the standby while it keeps up, and from the
// primary when it falls behind, has not seen a new session yet, or is down.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace learnloop::test;

namespace {

// A primary cluster of its own (the shared one holds every test's databases,
// too much to copy) with its standby.
class ReplicatedCluster {
public:
    ReplicatedCluster()
        : m_dir("replicated")
        , m_primary_port(free_port())
        , m_standby_port(free_port())
    {
        db({ "start", primary_dir(), std::to_string(m_primary_port) });
        db({ "createdb", std::to_string(m_primary_port), "learnloop" });
    }
    ~ReplicatedCluster()
    {
        run_process({ source_dir() + "/scripts/db", "stop", m_dir.path() + "/standby" }, {}, 60s);
        run_process({ source_dir() + "/scripts/db", "stop", primary_dir() }, {}, 60s);
    }
    void start_standby() { db({ "standby", m_dir.path() + "/standby", std::to_string(m_standby_port), std::to_string(m_primary_port) }); }
    void stop_standby() { db({ "stop", m_dir.path() + "/standby" }); }
    std::string primary_url() const { return url(m_primary_port, "postgres"); }
    std::string standby_url(const std::string& user) const { return url(m_standby_port, user); }
    // SQL on the standby as the superuser (pausing and resuming replay).
    std::string standby_sql(const std::string& query) const
    {
        auto result = run_process({ "psql", "-h", "127.0.0.1", "-p", std::to_string(m_standby_port), "-U", "postgres",
                                      "-d", "learnloop", "-Atc", query },
            {}, 30s);
        if (result.exit_code != 0)
            throw std::runtime_error("psql on the standby failed: " + result.err);
        return result.out;
    }

private:
    std::string primary_dir() const { return m_dir.path() + "/primary"; }
    static std::string url(int port, const std::string& user)
    {
        return "host=127.0.0.1 port=" + std::to_string(port) + " dbname=learnloop user=" + user;
    }
    void db(std::vector<std::string> args) const
    {
        args.insert(args.begin(), source_dir() + "/scripts/db");
        auto result = run_process(args, { { "PG_FSYNC", "off" } }, 120s);
        if (result.exit_code != 0)
            throw std::runtime_error("scripts/db " + args[1] + " failed: " + result.err + result.out);
    }

    TempDir m_dir;
    int m_primary_port, m_standby_port;
};

// A GET and which database answered it, from the request's log line.
struct Served {
    int status = 0;
    std::string database;
    std::string body;
};

Served get_from(ServerProcess& server, ApiClient& api, const std::string& path, const std::string& token)
{
    auto lines_for_path = [&] {
        std::vector<nlohmann::json> lines;
        for (auto& line : server.log_entries())
            if (line.value("path", "") == path && line.contains("status"))
                lines.push_back(std::move(line));
        return lines;
    };
    auto before = lines_for_path().size();
    auto reply = api.get(path, token);
    Served served { reply.status, "", reply.body };
    for (int i = 0; i < 100; ++i) {
        auto lines = lines_for_path();
        if (lines.size() > before) {
            served.database = lines.back().value("database", "primary");
            break;
        }
        std::this_thread::sleep_for(20ms);
    }
    return served;
}

} // namespace

TEST_CASE("reports come from the hot standby while it keeps up, and from the primary when it cannot answer",
    "[api][standby]")
{
    ReplicatedCluster cluster;
    auto seeded = run_cli({ "migrate" }, cluster.primary_url());
    REQUIRE(seeded.exit_code == 0);
    seeded = run_cli({ "seed", "demo", "--minimal", "yes" }, cluster.primary_url());
    INFO(seeded.err);
    REQUIRE(seeded.exit_code == 0);
    cluster.start_standby();

    // The last --database-url wins: this server's primary is the private cluster.
    ServerProcess server("unused",
        { "--database-url", cluster.primary_url(), "--standby-database-url", cluster.standby_url("learnloop_app"),
            "--standby-max-lag-seconds", "1" });
    ApiClient api(server.port());
    auto teacher_login = api.login("teacher@demo.learnloop.test", k_demo_password, "demo");
    REQUIRE(teacher_login.status == 200);
    auto token = teacher_login.json["token"].get<std::string>();
    auto classes = api.get("/api/classes", token);
    REQUIRE(classes.status == 200);
    REQUIRE(!classes.json.empty());
    auto class_id = classes.json[0]["id"].get<std::int64_t>();
    std::string gradebook = "/api/classes/" + std::to_string(class_id) + "/gradebook";

    // Waits until the standby answers the report (it has the session, and is caught up).
    auto until_standby = [&] {
        Served served;
        for (int i = 0; i < 50 && served.database != "standby"; ++i) {
            served = get_from(server, api, gradebook, token);
            REQUIRE(served.status == 200);
            if (served.database != "standby")
                std::this_thread::sleep_for(200ms);
        }
        return served.database;
    };
    CHECK(until_standby() == "standby");
    // Ordinary reads (and every write) stay on the primary.
    CHECK(get_from(server, api, "/api/assignments", token).database == "primary");

    {
        INFO("a write shows in the standby's report a moment later");
        auto created = api.post("/api/assignments",
            { { "title", "Replicated essay" }, { "description", "" }, { "due_date", "2031-03-01T12:00:00" },
                { "class_id", class_id } },
            token);
        REQUIRE(created.status == 201);
        Served book;
        for (int i = 0; i < 50; ++i) {
            book = get_from(server, api, gradebook, token);
            REQUIRE(book.status == 200);
            if (book.body.find("Replicated essay") != std::string::npos)
                break;
            std::this_thread::sleep_for(100ms);
        }
        CHECK(book.body.find("Replicated essay") != std::string::npos);
        CHECK(book.database == "standby");
    }

    {
        INFO("a session the standby has not seen yet is answered by the primary");
        cluster.standby_sql("SELECT pg_wal_replay_pause()");
        auto fresh = api.login("teacher@demo.learnloop.test", k_demo_password, "demo");
        REQUIRE(fresh.status == 200);
        auto reply = get_from(server, api, gradebook, fresh.json["token"].get<std::string>());
        CHECK(reply.status == 200);
        CHECK(reply.database == "primary");

        // Replay paused behind a write: past the allowed lag, every report
        // goes to the primary, which has the newest data.
        auto created = api.post("/api/assignments",
            { { "title", "Written while the standby waits" }, { "description", "" },
                { "due_date", "2031-03-02T12:00:00" }, { "class_id", class_id } },
            token);
        REQUIRE(created.status == 201);
        std::this_thread::sleep_for(2500ms);
        auto book = get_from(server, api, gradebook, token);
        CHECK(book.status == 200);
        CHECK(book.body.find("Written while the standby waits") != std::string::npos);
        CHECK(book.database == "primary");

        cluster.standby_sql("SELECT pg_wal_replay_resume()");
        CHECK(until_standby() == "standby");
    }

    {
        INFO("with the standby down, reports still answer, from the primary");
        cluster.stop_standby();
        for (int i = 0; i < 5; ++i) {
            auto reply = get_from(server, api, gradebook, token);
            CHECK(reply.status == 200);
            CHECK(reply.database == "primary");
            std::this_thread::sleep_for(300ms);
        }
    }
}
