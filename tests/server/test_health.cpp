// GET /api/health against the real server and database, including the
// database going away and coming back while the server keeps running.
#include "api_client.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <sstream>
#include <mutex>
#include <thread>

using namespace learnloop::test;
using Json = nlohmann::json;

namespace {

Json parse_body(const httplib::Result& res)
{
    auto json = Json::parse(res->body, nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    return json;
}

void check_healthy(const httplib::Result& res)
{
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK(res->get_header_value("Cache-Control") == "no-store");
    auto json = parse_body(res);
    CHECK(json["status"] == "ok");
    CHECK(json["version"] == "0.1.0");
    CHECK(json["database"]["reachable"] == true);
    REQUIRE(json["database"]["version"].is_string());
    CHECK_THAT(json["database"]["version"].get<std::string>(), Catch::StartsWith("PostgreSQL 15."));
}

} // namespace

TEST_CASE("health answers 200 with the PostgreSQL version when the database is reachable", "[health]")
{
    auto& cluster = PgCluster::instance();
    ServerProcess server(cluster.create_database("health_ok"));
    auto cli = server.client();
    check_healthy(cli.Get("/api/health"));
    // HEAD is answered like GET, without a body.
    auto head = cli.Head("/api/health");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("health turns 503 while the database is down and 200 again after it restarts, without a server restart",
    "[health][cluster-cycle]")
{
    auto& cluster = PgCluster::instance();
    ServerProcess server(cluster.create_database("health_cycle"));
    auto cli = server.client();
    check_healthy(cli.Get("/api/health"));

    {
        ClusterRestartGuard restart_on_exit;   // other tests share the cluster
        cluster.stop();

        for (int attempt = 0; attempt < 2; ++attempt) {
            INFO("request " << attempt + 1 << " while the database is down");
            auto started = std::chrono::steady_clock::now();
            auto res = cli.Get("/api/health");
            REQUIRE(res);
            CHECK(res->status == 503);
            CHECK(res->get_header_value("Content-Type") == "application/json");
            auto json = parse_body(res);
            CHECK(json["status"] == "unavailable");
            CHECK(json["database"]["reachable"] == false);
            CHECK_FALSE(json["database"].contains("version"));
            // An unreachable database is reported promptly, not after a hang.
            CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
        }

        // An API request meanwhile is told when to try again.
        auto refused = cli.Get("/api/assignments", { { "Authorization", "Bearer " + std::string(64, 'a') } });
        REQUIRE(refused);
        CHECK(refused->status == 503);
        CHECK(refused->get_header_value("Retry-After") == "2");
        CHECK(parse_body(refused)["error"] == "Service unavailable");

        cluster.start();
        check_healthy(cli.Get("/api/health"));
        // And it stays healthy: the pool holds a working connection again.
        check_healthy(cli.Get("/api/health"));
    }

    CHECK(cluster.running());
    CHECK(server.running());
    auto exit = server.terminate();
    CHECK(exit.exited);
    CHECK(exit.code == 0);
}

TEST_CASE("database sessions killed under load give 200 or 503 with Retry-After, never 500", "[health][lost-connection]")
{
    // An operator's pg_terminate_backend, a failover or a crash: statements
    // and commits fail mid-request. Reads (read-only, nothing to lose) and
    // writes whose outcome is unknown answer 503 with Retry-After; none 500.
    ApiFixture f("health_killed_sessions");
    auto teacher_token = f.token(f.demo.teacher);
    auto student_token = f.token(f.demo.student);

    std::atomic<bool> running { true };
    std::atomic<int> killed { 0 };
    std::thread killer([&] {
        pqxx::connection admin(f.superuser_url());
        while (running) {
            pqxx::nontransaction txn(admin);
            auto rows = txn.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE usename = 'learnloop_app' AND datname = current_database()");
            killed += static_cast<int>(rows.size());
            std::this_thread::sleep_for(std::chrono::milliseconds(120));
        }
    });

    std::mutex mutex;
    std::map<int, int> statuses;
    std::vector<std::string> bad;
    auto record = [&](const Reply& reply) {
        std::lock_guard lock(mutex);
        ++statuses[reply.status];
        if (reply.status == 503 && reply.header("Retry-After").empty())
            bad.push_back("503 without Retry-After: " + reply.body);
        if (reply.status >= 500 && reply.status != 503)
            bad.push_back(std::to_string(reply.status) + ": " + reply.body);
    };
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&, c] {
            ApiClient api(f.server().port());
            auto until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
            for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
                if (c == 0) {
                    record(api.post("/api/assignments",
                        { { "title", "Essay " + std::to_string(i) }, { "description", "Write" },
                            { "due_date", "2027-01-15T09:00:00" } },
                        teacher_token));
                } else {
                    record(api.get("/api/assignments", c == 1 ? teacher_token : student_token));
                }
            }
        });
    }
    for (auto& client : clients)
        client.join();
    running = false;
    killer.join();

    std::string summary;
    for (auto [status, count] : statuses)
        summary += std::to_string(count) + " x " + std::to_string(status) + " ";
    INFO("answers: " << summary << "; sessions killed: " << killed);
    CHECK(killed > 10);
    CHECK(statuses[200] + statuses[201] > 0);
    for (const auto& b : bad)
        FAIL_CHECK(b);
    if (!bad.empty())
        UNSCOPED_INFO("server errors: " << f.server().stderr_text());
    CHECK(bad.empty());
}

TEST_CASE("GET /metrics serves Prometheus text with requests by route and status, latency histograms and build info",
    "[health][metrics]")
{
    ApiFixture f("health_metrics");
    auto token = f.token(f.demo.teacher);
    for (int i = 0; i < 3; ++i)
        CHECK(f.api().get("/api/assignments", token).status == 200);
    CHECK(f.api().get("/api/classes/999999/members", token).status == 404);
    CHECK(f.api().login(f.demo.teacher.email, "wrong password").status == 401);
    CHECK(f.api().get("/api/live").status == 200);

    // A request is counted once its answer is written (cpp-httplib's logger
    // runs then), so a loaded machine may serve /metrics a moment before the
    // last request is counted: read until it is, for at most five seconds.
    auto res = f.server().client().Get("/metrics");
    for (int tries = 0; tries < 50 && res
         && res->body.find("route=\"/api/login\",method=\"POST\",status=\"401\"") == std::string::npos;
         ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        res = f.server().client().Get("/metrics");
    }
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
    const auto& text = res->body;
    auto value_of = [&](const std::string& series) -> double {
        auto at = text.find("\n" + series + " ");
        if (at == std::string::npos)
            return -1;
        return std::atof(text.c_str() + at + series.size() + 2);
    };
    CHECK(value_of("learnloop_http_requests_total{route=\"/api/assignments\",method=\"GET\",status=\"200\"}") >= 3);
    CHECK(value_of("learnloop_http_requests_total{route=\"/api/classes/{id}/members\",method=\"GET\",status=\"404\"}") == 1);
    CHECK(value_of("learnloop_http_requests_total{route=\"/api/login\",method=\"POST\",status=\"401\"}") >= 1);
    CHECK(value_of("learnloop_http_request_duration_seconds_count{route=\"/api/assignments\",method=\"GET\"}") >= 3);
    CHECK(value_of("learnloop_http_request_duration_seconds_bucket{route=\"/api/assignments\",method=\"GET\",le=\"+Inf\"}") >= 3);
    CHECK(text.find("learnloop_build_info{version=\"") != std::string::npos);
    CHECK(value_of("learnloop_open_connections") >= 1);
    CHECK(value_of("learnloop_db_pool_connections") >= 1);
    // Raw paths never become labels (ids would make series without end).
    CHECK(text.find("/api/classes/999999") == std::string::npos);
    // Every sample line is "name{labels} value" or "name value".
    std::istringstream lines(text);
    std::string line;
    int samples = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        ++samples;
        INFO(line);
        CHECK(line.rfind("learnloop_", 0) == 0);
        CHECK(line.find(' ', line.rfind('}') == std::string::npos ? 0 : line.rfind('}')) != std::string::npos);
    }
    CHECK(samples > 20);
}

TEST_CASE("with a metrics token, GET /metrics needs it", "[health][metrics]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_METRICS_TOKEN"] = "s3cret-scrape-token";
    ApiFixture f("health_metrics_token", options);
    auto client = f.server().client();
    auto refused = client.Get("/metrics");
    REQUIRE(refused);
    CHECK(refused->status == 403);
    auto allowed = client.Get("/metrics", { { "Authorization", "Bearer s3cret-scrape-token" } });
    REQUIRE(allowed);
    CHECK(allowed->status == 200);
}
