// Tests for shared-domain/core/json_reader.*: parsing hostile text, and field readers
// whose errors name the field (flat bodies and paths in nested documents).
#include "core/json_reader.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace learnloop;

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

TEST_CASE("values at a path are named by the path")
{
    CHECK(json_path("", "id") == "id");
    CHECK(json_path("options", "text") == "options.text");
    CHECK(json_index_path("options", 2) == "options[2]");
    CHECK(json_string_at(Json(3), "options[2].text").error().message == "options[2].text must be a string");
    CHECK(json_string_at(Json(3), "options[2].text").error().field == "options[2].text");
    CHECK(json_int_at(Json(2.5), "min").error().message == "min must be an integer");
    CHECK(json_int_at(Json(-7), "min").value() == -7);
    CHECK(json_number_at(Json("1"), "tolerance").error().message == "tolerance must be a number");
    CHECK(json_number_at(Json(std::numeric_limits<double>::infinity()), "tolerance").error().message
        == "tolerance must be a finite number");
    CHECK(json_number_at(Json(0.5), "tolerance").value() == 0.5);
    CHECK(json_array_at(Json::object(), "items", 0, 3).error().message == "items must be an array");
    CHECK(json_array_at(Json::array(), "items", 2, 10).error().message == "items must have 2 to 10 entries");
    CHECK(json_array_at(Json { 1, 2 }, "items", 2, 10).value()->size() == 2);
}

TEST_CASE("an object reader requires fields and reports the ones it did not read")
{
    auto json = Json { { "a", "x*2" }, { "b", "y" }, { "c", 1 } };
    auto reader = JsonObjectReader::open(json, "compare").value();
    CHECK(reader.require("a").value()->get<std::string>() == "x*2");
    CHECK(reader.find("missing") == nullptr);
    CHECK(reader.require("missing").error().message == "compare.missing is required");
    reader.find("b");
    auto unknown = reader.reject_unknown("compare");
    CHECK(unknown.error().message == "compare.c is not a field of compare");
    CHECK(unknown.error().field == "compare.c");
    reader.find("c");
    CHECK(reader.reject_unknown("compare").ok());

    CHECK(JsonObjectReader::open(Json::array(), "").error().message == "Expected a JSON object");
    CHECK(JsonObjectReader::open(Json::array(), "slots[0]").error().message == "slots[0] must be a JSON object");
}
