// The one mapping from domain errors to HTTP: status, the JSON error body and
// headers. Handlers return Error values; nothing else picks a status for one.
#pragma once

#include "core/dto.hpp"
#include "core/result.hpp"
#include "identity/permissions.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace learnloop::server {

// An error as HTTP: its status, the body {"error", "details"[, "field"]} and
// any headers (Retry-After for ResourceExhausted and Unavailable).
struct HttpError {
    int status = 500;
    ErrorBody body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// The mapping. A headline error is told by its message ({"error": "Assignment
// not found"}); any other by its kind's summary with the message as details
// ({"error": "Invalid request", "details": "title is required"}). NotFound is
// always told by its message, as the contract's not-found errors are.
[[nodiscard]] HttpError http_error(const Error& error);
[[nodiscard]] int http_status(ErrorCode code);
// The "error" summary for a code: "Invalid request", "Not found", ...
[[nodiscard]] std::string_view error_summary(ErrorCode code);

// The contract's 403 for a role the permission matrix refuses:
// {"error": "Unauthorized", "details": "Only teachers can create assignments"}.
[[nodiscard]] Error role_refused(Action action);
// The same refusal with other details, for a rule finer than the matrix
// ("Moderators can add students only").
[[nodiscard]] Error role_refused(std::string details);

// Writes a domain error as the response.
void send_error(httplib::Response& res, const Error& error);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

} // namespace learnloop::server
