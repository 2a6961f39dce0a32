// Messages between people of one school or business: who may write to
// whom, what a message may hold, and who a broadcast reaches. The server
// enforces these; the portals use them to offer only what will be accepted.
#pragma once

#include "core/result.hpp"
#include "identity/roles.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace learnloop {

// The office (administrators and moderators) writes to anyone; everyone
// else writes to the office only (a tutor does not message a parent
// directly, nor a student another student).
[[nodiscard]] bool may_message(Role from, Role to);

// A message's text: 1 to 4,000 characters after trimming, several lines
// allowed, any script. Error on field "body".
[[nodiscard]] Result<std::string> check_message_body(std::string_view text);

// Who an administrator's broadcast reaches: every active person of one
// role, or everyone. Error on field "audience" for anything else.
//   parse_audience("parent") -> Role::Parent;  parse_audience("everyone") -> none
struct Audience {
    std::optional<Role> role;   // none: everyone
};
[[nodiscard]] Result<Audience> parse_audience(std::string_view name);

} // namespace learnloop
