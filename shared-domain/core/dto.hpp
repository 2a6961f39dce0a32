// Wire DTOs shared by every endpoint (health, error bodies) with their JSON
// codecs. Decoders never throw; a body of the wrong shape is InvalidArgument.
// Reading JSON fields is core/json_reader.hpp's job.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace learnloop {

inline constexpr std::string_view k_product_version = "0.1.0";

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
