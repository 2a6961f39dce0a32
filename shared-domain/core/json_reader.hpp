// The one way the domain reads untrusted JSON: parsing with a depth limit,
// typed readers whose errors name the field, and a reader for nested objects.
#pragma once

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace learnloop {

using Json = nlohmann::json;

// Parses text into JSON without throwing (the WASM build has no exceptions);
// malformed text and nesting deeper than 64 levels are InvalidArgument.
//   auto body = TRY(parse_json(R"({"email": "ana@school.org"})"));
[[nodiscard]] Result<Json> parse_json(std::string_view text);

// [SECTION] Fields of a flat object
//
// A missing field or one of the wrong type is an InvalidArgument error naming
// the field: "email is required", "age must be an integer".
[[nodiscard]] Result<const Json*> json_field(const Json& object, std::string_view name);
[[nodiscard]] Result<std::string> json_string_field(const Json& object, std::string_view name);
[[nodiscard]] Result<bool> json_bool_field(const Json& object, std::string_view name);
[[nodiscard]] Result<std::int64_t> json_int_field(const Json& object, std::string_view name);
// A body must be an object with no field outside `known`: an extra field is
// an InvalidArgument error naming it ("Unknown field colour"), so a misspelt
// field is refused rather than silently ignored.
[[nodiscard]] Result<void> json_only_fields(const Json& object, std::initializer_list<std::string_view> known);

// [SECTION] Values at a path in a nested document
//
// The same messages for a value found anywhere in a document, named by its
// path ("options[2].text must be a string"), with the path as the error's field.
[[nodiscard]] Error json_error_at(const std::string& path, const std::string& what);
// "options" + "text" -> "options.text"; "" + "id" -> "id".
[[nodiscard]] std::string json_path(std::string_view base, std::string_view key);
// "options" + 2 -> "options[2]".
[[nodiscard]] std::string json_index_path(std::string_view base, std::size_t index);

[[nodiscard]] Result<std::string> json_string_at(const Json& value, const std::string& path);
[[nodiscard]] Result<std::int64_t> json_int_at(const Json& value, const std::string& path);
// A finite number (NaN and infinities are refused).
[[nodiscard]] Result<double> json_number_at(const Json& value, const std::string& path);
// An array of `min` to `max` entries.
[[nodiscard]] Result<const Json*> json_array_at(const Json& value, const std::string& path, std::size_t min,
    std::size_t max);

// Reads the fields of one JSON object, remembering which were read, so that
// any other field can be reported: a misspelt optional field must not pass
// silently.
//   auto reader = TRY(JsonObjectReader::open(json["compare"], "compare"));
//   auto* a = TRY(reader.require("a"));          // "compare.a is required"
//   TRY(reader.reject_unknown("compare"));       // "compare.c is not a field of compare"
class JsonObjectReader {
public:
    [[nodiscard]] static Result<JsonObjectReader> open(const Json& json, std::string path);

    // The path of one of this object's fields.
    [[nodiscard]] std::string path(std::string_view key) const { return json_path(m_path, key); }
    // The field, or nullptr when it is absent.
    const Json* find(std::string_view key);
    [[nodiscard]] Result<const Json*> require(std::string_view key);
    // `context` completes "<field> is not a field of ...".
    [[nodiscard]] Result<void> reject_unknown(std::string_view context) const;

private:
    JsonObjectReader(const Json& json, std::string path) : m_json(&json), m_path(std::move(path)) { }

    const Json* m_json;
    std::string m_path;
    std::set<std::string> m_read;
};

} // namespace learnloop
