// Identity field rules (email, display name, password, sign-in) and their
// messages, shared by the client's instant form feedback and the server's
// rejection of bad input.
#pragma once

#include "core/result.hpp"
#include "identity/password_policy.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// Limits, public so the client can size its input buffers from them.
inline constexpr std::size_t k_email_max_length = 254;          // RFC 5321 path limit
inline constexpr std::size_t k_display_name_max_length = 100;   // code points
// The password limits are password_policy.hpp's.

// Returns the normalised address (trimmed, lower-cased) or an error on field "email".
//   validate_email(" Ana@School.org ") -> "ana@school.org"
[[nodiscard]] Result<std::string> validate_email(std::string_view email);

// Returns the trimmed name or an error on field "name".
[[nodiscard]] Result<std::string> validate_display_name(std::string_view name);

// The sign-in form: a well-formed email and a non-empty password. Returns every
// problem, in field order, so a form can show them all at once.
[[nodiscard]] std::vector<Error> validate_sign_in(std::string_view email, std::string_view password);

} // namespace learnloop
