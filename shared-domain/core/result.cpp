// Names of error codes, used in logs and tests.
#include "core/result.hpp"

namespace learnloop {

std::string_view error_code_name(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "InvalidArgument";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::AlreadyExists: return "AlreadyExists";
    case ErrorCode::PermissionDenied: return "PermissionDenied";
    case ErrorCode::Unauthenticated: return "Unauthenticated";
    case ErrorCode::FailedPrecondition: return "FailedPrecondition";
    case ErrorCode::Conflict: return "Conflict";
    case ErrorCode::ResourceExhausted: return "ResourceExhausted";
    case ErrorCode::Unavailable: return "Unavailable";
    case ErrorCode::Internal: return "Internal";
    }
    return "Internal";
}

} // namespace learnloop
