// Wire DTOs: every request/response body as a struct with its JSON codec.
// Decoders never throw; a body of the wrong shape is an InvalidArgument error.
#pragma once

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace learnloop {

using Json = nlohmann::json;

inline constexpr std::string_view k_product_version = "0.1.0";

// Parses text into JSON without throwing; malformed text is InvalidArgument.
[[nodiscard]] Result<Json> parse_json(std::string_view text);

// Field readers for decoding untrusted objects: a missing field or one of the
// wrong type is an InvalidArgument error naming the field.
[[nodiscard]] Result<std::string> json_string_field(const Json& object, std::string_view name);
[[nodiscard]] Result<bool> json_bool_field(const Json& object, std::string_view name);
[[nodiscard]] Result<std::int64_t> json_int_field(const Json& object, std::string_view name);
// A body must be an object with no field outside `known`: an extra field is
// an InvalidArgument error naming it ("Unknown field colour"), so a misspelt
// field is refused rather than silently ignored.
[[nodiscard]] Result<void> json_only_fields(const Json& object, std::initializer_list<std::string_view> known);

// GET /api/health
struct HealthResponse {
    enum class Status { Ok, Unavailable };
    Status status = Status::Ok;
    std::string version;             // product version
    bool database_reachable = false;
    std::string database_version;    // e.g. "PostgreSQL 15.18", empty when unreachable

    bool operator==(const HealthResponse&) const = default;
};
[[nodiscard]] Json to_json(const HealthResponse& health);
[[nodiscard]] Result<HealthResponse> decode_health_response(const Json& json);

// Every error response: {"error": "...", "details": "..."} plus "field" when the
// error is about one request field.
struct ErrorBody {
    std::string error;
    std::string details;
    std::string field;

    bool operator==(const ErrorBody&) const = default;
};
[[nodiscard]] Json to_json(const ErrorBody& body);
[[nodiscard]] Result<ErrorBody> decode_error_body(const Json& json);

} // namespace learnloop
