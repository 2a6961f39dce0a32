// The one mapping from domain errors to HTTP statuses, and the one error body.
#pragma once

#include "core/result.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace learnloop::server {

[[nodiscard]] int http_status(ErrorCode code);
// The "error" summary for a code: "Invalid request", "Not found", ...
[[nodiscard]] std::string_view error_summary(ErrorCode code);

// Writes {"error": error, "details": details[, "field": field]} with `status`.
void send_error(httplib::Response& res, int status, const std::string& error, const std::string& details = {},
    const std::string& field = {});

// Writes a domain error: its code chooses the status and the summary, its
// message becomes the details.
void send_error(httplib::Response& res, const Error& error);

void send_json(httplib::Response& res, int status, const nlohmann::json& body);

} // namespace learnloop::server
