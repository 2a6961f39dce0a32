// Messages between people of one school or business: who may write to
// whom, what a message may hold, and who a broadcast reaches. The server
// enforces these; the portals use them to offer only what will be accepted.
#pragma once

#include "core/result.hpp"
#include "identity/roles.hpp"

#include <cstdint>
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

// A conversation in one person's messages: with another person (the direct
// messages both ways, and the broadcasts that person sent them), the
// business's notices (system messages), or the announcements they sent.
// Its key on the wire, and in SQL's message_thread(): "notices",
// "announcements" or the other person's id.
//   parse_thread("42") -> person 42;  parse_thread("notices") -> notices
struct Thread {
    enum class Kind { Person, Notices, Announcements };
    Kind kind = Kind::Person;
    std::int64_t person_id = 0;   // Person only
};
[[nodiscard]] Result<Thread> parse_thread(std::string_view key);
[[nodiscard]] std::string thread_key(const Thread& thread);

// A message's first words for a list of conversations: line breaks and runs
// of spaces read as one space, cut after `characters` characters (never
// inside one) with "…".
//   message_preview("See you\n\nat 5, Sam", 10) -> "See you at…"
[[nodiscard]] std::string message_preview(std::string_view body, std::size_t characters);

} // namespace learnloop
