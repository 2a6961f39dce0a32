// Result<T> and ErrorCode: errors in the domain are values, never exceptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace learnloop {

// The small, fixed set of error kinds. The server maps each to an HTTP status
// in exactly one place (server/http_errors.cpp).
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    Unauthenticated,
    FailedPrecondition,
    Conflict,
    ResourceExhausted,    // too many attempts or requests: try again later
    Unavailable,          // a dependency is down or busy: try again shortly
    Internal,
};

[[nodiscard]] std::string_view error_code_name(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    // The request field the error is about, empty when it concerns the whole request.
    std::string field;
    // Most errors are told as their kind plus the message ("Invalid request:
    // title is required"). A headline error is told by its own message
    // instead, with optional details: the assignment-tracker contract names
    // its errors that way ("Assignment not found", "Email already registered").
    bool headline = false;
    std::string details;
    // For ResourceExhausted and Unavailable: when to try again, 0 if unknown.
    int retry_after_seconds = 0;

    bool operator==(const Error&) const = default;
};

[[nodiscard]] inline Error make_error(ErrorCode code, std::string message, std::string field = {})
{
    return Error { code, std::move(message), std::move(field), false, {}, 0 };
}

// An error whose message is its headline, e.g.
//   headline_error(ErrorCode::AlreadyExists, "Email already registered")
//   headline_error(ErrorCode::Conflict, "Already a member", "The student is already in this class")
[[nodiscard]] inline Error headline_error(ErrorCode code, std::string headline, std::string details = {})
{
    return Error { code, std::move(headline), {}, true, std::move(details), 0 };
}

// Result<T> holds either a value or an Error.
//
//   Result<int> parse_age(std::string_view s);
//   auto age = TRY(parse_age(text));   // returns the error to our caller on failure
template<typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    // By value, so `for (auto& x : f().value())` does not dangle.
    T value() && { return std::get<T>(std::move(m_state)); }
    T release_value() { return std::get<T>(std::move(m_state)); }

    const Error& error() const { return std::get<Error>(m_state); }
    Error release_error() { return std::get<Error>(std::move(m_state)); }

    T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    Error release_error() { return std::move(*m_error); }
    void release_value() { }

private:
    std::optional<Error> m_error;
};

} // namespace learnloop

// TRY(expr): evaluate a Result; on error return it from the enclosing function,
// otherwise yield the value. Uses a statement expression (GCC and Clang).
#define TRY(expression)                                    \
    ({                                                     \
        auto _try_result = (expression);                   \
        if (!_try_result.ok())                             \
            return _try_result.release_error();            \
        _try_result.release_value();                       \
    })
