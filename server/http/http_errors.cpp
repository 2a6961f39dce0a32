// Error mapping and JSON responses.
#include "http/http_errors.hpp"

#include "core/dto.hpp"

namespace learnloop::server {

int http_status(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return 400;
    case ErrorCode::Unauthenticated: return 401;
    case ErrorCode::PermissionDenied: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::FailedPrecondition: return 422;
    case ErrorCode::Internal: return 500;
    }
    return 500;
}

std::string_view error_summary(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "Invalid request";
    case ErrorCode::Unauthenticated: return "Unauthorized";
    case ErrorCode::PermissionDenied: return "Forbidden";
    case ErrorCode::NotFound: return "Not found";
    case ErrorCode::AlreadyExists: return "Already exists";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::FailedPrecondition: return "Failed precondition";
    case ErrorCode::Internal: return "Internal server error";
    }
    return "Internal server error";
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body)
{
    res.status = status;
    // Replace invalid UTF-8 rather than throw: error details may echo input.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& error, const std::string& details,
    const std::string& field)
{
    send_json(res, status, to_json(ErrorBody { error, details, field }));
}

void send_error(httplib::Response& res, const Error& error)
{
    send_error(res, http_status(error.code), std::string(error_summary(error.code)), error.message, error.field);
}

} // namespace learnloop::server
