// Tests for shared-domain/dto.*: JSON codecs round-trip and reject wrong shapes.
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

TEST_CASE("parse_json never throws on hostile text")
{
    CHECK(parse_json(R"({"a": 1})").value()["a"] == 1);
    const char* bad[] = { "", "{", "{\"a\":}", "[1,2", "nul", "{\"a\": 1} trailing", "\xff\xfe" };
    for (auto text : bad) {
        INFO(text);
        auto result = parse_json(text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
    }
    std::string deep(100000, '[');
    CHECK_FALSE(parse_json(deep).ok());
}

TEST_CASE("parse_json refuses nesting deeper than 64 levels")
{
    auto nested = [](int depth) {
        std::string text;
        for (int i = 0; i < depth; ++i)
            text += "{\"a\":";
        text += "1";
        text += std::string(depth, '}');
        return text;
    };
    CHECK(parse_json(nested(64)).ok());
    auto too_deep = parse_json(nested(65));
    REQUIRE_FALSE(too_deep.ok());
    CHECK(too_deep.error().message == "Request body is nested too deeply");
    CHECK(parse_json(nested(100000)).error().message == "Request body is nested too deeply");
}

TEST_CASE("field readers name the field and the expected type")
{
    auto object = Json { { "name", "Ana" }, { "age", 12 }, { "ok", true }, { "ratio", 1.5 } };
    CHECK(json_string_field(object, "name").value() == "Ana");
    CHECK(json_int_field(object, "age").value() == 12);
    CHECK(json_bool_field(object, "ok").value());
    CHECK(json_string_field(object, "age").error().message == "age must be a string");
    CHECK(json_only_fields(object, { "name", "age", "ok", "ratio", "extra" }).ok());
    CHECK(json_only_fields(Json::object(), { "name" }).ok());
    auto extra = json_only_fields(object, { "name" });
    CHECK(extra.error().message == "Unknown field age");
    CHECK(extra.error().field == "age");
    CHECK(extra.error().code == ErrorCode::InvalidArgument);
    CHECK(json_only_fields(Json::array(), { "name" }).error().code == ErrorCode::InvalidArgument);
    CHECK(json_only_fields(Json { { std::string(500, 'x'), 1 } }, {}).error().field.size() == 64);
    CHECK(json_int_field(object, "ratio").error().message == "ratio must be an integer");
    CHECK(json_string_field(object, "missing").error().message == "missing is required");
    CHECK(json_string_field(Json("text"), "name").error().message == "Expected a JSON object");
}
