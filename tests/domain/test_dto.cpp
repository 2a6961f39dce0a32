// Tests for shared-domain/core/dto.*: wire DTO codecs round-trip and reject wrong shapes.
#include "core/dto.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("health response round-trips through JSON")
{
    HealthResponse up { HealthResponse::Status::Ok, "0.1.0", true, "PostgreSQL 15.18" };
    auto json = to_json(up);
    CHECK(json["status"] == "ok");
    CHECK(json["database"]["reachable"] == true);
    CHECK(decode_health_response(json).value() == up);

    HealthResponse down { HealthResponse::Status::Unavailable, "0.1.0", false, "" };
    auto down_json = to_json(down);
    CHECK(down_json["status"] == "unavailable");
    CHECK_FALSE(down_json["database"].contains("version"));
    CHECK(decode_health_response(down_json).value() == down);
}

TEST_CASE("health decoding rejects wrong shapes with the field named")
{
    CHECK(decode_health_response(Json::array()).error().message == "Expected a JSON object");
    CHECK(decode_health_response(Json { { "status", "ok" } }).error().field == "version");
    auto bad_status = Json { { "status", "maybe" }, { "version", "1" }, { "database", { { "reachable", false } } } };
    CHECK(decode_health_response(bad_status).error().field == "status");
    auto bad_type = Json { { "status", "ok" }, { "version", "1" }, { "database", { { "reachable", "yes" } } } };
    CHECK(decode_health_response(bad_type).error().message == "reachable must be true or false");
}

TEST_CASE("error bodies always carry error and details")
{
    ErrorBody body { "Invalid request", "Email must look like name@example.com", "email" };
    auto json = to_json(body);
    CHECK(json["error"] == "Invalid request");
    CHECK(json["details"] == "Email must look like name@example.com");
    CHECK(json["field"] == "email");
    CHECK(decode_error_body(json).value() == body);

    auto minimal = to_json(ErrorBody { "Not found", "", "" });
    CHECK(minimal.contains("details"));
    CHECK_FALSE(minimal.contains("field"));
    CHECK(decode_error_body(Json { { "error", "Invalid credentials" } }).value().error == "Invalid credentials");
}
