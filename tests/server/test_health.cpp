// GET /api/health against the real server and database, including the
// database going away and coming back while the server keeps running.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

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
