// Tests for shared-domain/result.*: values, errors and TRY propagation.
#include "core/result.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop;

namespace {

Result<int> parse_digit(char c)
{
    if (c < '0' || c > '9')
        return make_error(ErrorCode::InvalidArgument, "not a digit", "digit");
    return c - '0';
}

Result<int> add_digits(char a, char b)
{
    auto x = TRY(parse_digit(a));
    auto y = TRY(parse_digit(b));
    return x + y;
}

Result<void> require_positive(int n)
{
    if (n <= 0)
        return make_error(ErrorCode::FailedPrecondition, "must be positive");
    return {};
}

Result<int> twice_if_positive(int n)
{
    TRY(require_positive(n));
    return 2 * n;
}

} // namespace

TEST_CASE("a result holds a value or an error")
{
    Result<int> ok = 7;
    REQUIRE(ok.ok());
    CHECK(ok.value() == 7);
    CHECK(ok.value_or(1) == 7);

    Result<int> failed = make_error(ErrorCode::NotFound, "missing");
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == ErrorCode::NotFound);
    CHECK(failed.error().message == "missing");
    CHECK(failed.value_or(1) == 1);
}

TEST_CASE("TRY returns the first error and otherwise yields the value")
{
    CHECK(add_digits('3', '4').value() == 7);
    auto bad = add_digits('3', 'x');
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error() == make_error(ErrorCode::InvalidArgument, "not a digit", "digit"));
}

TEST_CASE("TRY works on Result<void>")
{
    CHECK(twice_if_positive(4).value() == 8);
    auto bad = twice_if_positive(-1);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::FailedPrecondition);
}

TEST_CASE("every error code has a distinct name")
{
    const ErrorCode all[] = { ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::AlreadyExists,
        ErrorCode::PermissionDenied, ErrorCode::Unauthenticated, ErrorCode::FailedPrecondition,
        ErrorCode::Conflict, ErrorCode::Internal };
    std::set<std::string_view> names;
    for (auto code : all)
        names.insert(error_code_name(code));
    CHECK(names.size() == std::size(all));
    CHECK(error_code_name(ErrorCode::PermissionDenied) == "PermissionDenied");
}
