// Error mapping and JSON responses.
#include "http/http_errors.hpp"

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
    case ErrorCode::ResourceExhausted: return 429;
    case ErrorCode::Unavailable: return 503;
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
    case ErrorCode::ResourceExhausted: return "Too many requests";
    case ErrorCode::Unavailable: return "Service unavailable";
    case ErrorCode::Internal: return "Internal server error";
    }
    return "Internal server error";
}

HttpError http_error(const Error& error)
{
    HttpError http;
    http.status = http_status(error.code);
    if (error.headline || error.code == ErrorCode::NotFound)
        http.body = ErrorBody { error.message, error.details, error.field };
    else
        http.body = ErrorBody { std::string(error_summary(error.code)), error.message, error.field };
    if (error.retry_after_seconds > 0)
        http.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
    return http;
}

Error role_refused(Action action)
{
    return role_refused(std::string(denial_message(action)));
}

Error role_refused(std::string details)
{
    return headline_error(ErrorCode::PermissionDenied, "Unauthorized", std::move(details));
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body)
{
    res.status = status;
    // Replace invalid UTF-8 rather than throw: error details may echo input.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, const Error& error)
{
    auto http = http_error(error);
    for (const auto& [name, value] : http.headers)
        res.set_header(name, value);
    send_json(res, http.status, to_json(http.body));
}

} // namespace learnloop::server
