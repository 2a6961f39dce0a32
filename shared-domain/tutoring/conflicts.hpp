// Whether a proposed session fits: clashes with the tutor's, the student's
// or the room's other sessions, each check set by the tenant to off, warn or
// block; whether it lies within the tutor's availability; whether it falls
// on a blocked date (a holiday, a tutor's day off). The browser shows the
// answer as the session is being placed; the server gives the same answer
// and refuses what the policy blocks.
#pragma once

#include "core/calendar.hpp"
#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop {

// [SECTION] clashes

enum class ConflictCheck { Tutor, Student, Room };
enum class PolicyLevel { Off, Warn, Block };

struct ConflictPolicy {
    PolicyLevel tutor = PolicyLevel::Block;
    PolicyLevel student = PolicyLevel::Warn;
    PolicyLevel room = PolicyLevel::Warn;

    bool operator==(const ConflictPolicy&) const = default;
};

// {"tutor": "block", "student": "warn", "room": "off"}: every key required,
// no other key, each off, warn or block (tutoring_settings.conflict_policy).
[[nodiscard]] Result<ConflictPolicy> decode_conflict_policy(const Json& json);
[[nodiscard]] Json to_json(const ConflictPolicy& policy);

// A session as the clash checks see it: who, where, and when in UTC.
struct BookedSession {
    std::string key;              // the caller's name for it ("series 4 at 2026-12-07T16:00:00")
    std::int64_t tutor_id = 0;
    std::int64_t student_id = 0;
    std::string room;             // empty: no room
    std::int64_t start = 0, end = 0;   // unix seconds, end > start
    std::string label;            // as people read it: "Maths with Sam Student, Mon 7 Dec 2026, 16:00"

    bool operator==(const BookedSession&) const = default;
};

struct Conflict {
    ConflictCheck check = ConflictCheck::Tutor;
    PolicyLevel level = PolicyLevel::Warn;
    std::string with_key;
    std::string message;          // "The tutor already has Maths with Sam Student, Mon 7 Dec 2026, 16:00"

    bool operator==(const Conflict&) const = default;
};

struct ConflictReport {
    std::vector<Conflict> conflicts;   // in the order of `booked`, tutor before student before room
    bool blocked = false;              // some conflict's check is set to block

    bool operator==(const ConflictReport&) const = default;
};

// The proposed session against the others (the proposed one's own key is
// skipped, so an edit is not its own clash). Sessions that only touch
// (one ends as the next starts) do not clash; rooms compare ignoring case
// and surrounding spaces.
[[nodiscard]] ConflictReport find_conflicts(const BookedSession& proposed, const std::vector<BookedSession>& booked,
    const ConflictPolicy& policy);

// [SECTION] availability and blocked dates

// A tutor's weekly window (weekday 0 = Sunday .. 6) or an exception on one
// date ("YYYY-MM-DD"), in minutes of the local day; an exception with
// `available` false takes the time away.
struct AvailabilityWindow {
    std::optional<int> weekday;
    std::string on_date;          // set when weekday is not
    int start_minute = 0, end_minute = 0;
    bool available = true;
    std::int64_t id = 0;          // as stored; 0 when not

    bool operator==(const AvailabilityWindow&) const = default;
};

// Whether a session of `minutes` from local `start` lies wholly within the
// tutor's time that day: the weekly windows of its weekday plus the
// date's added exceptions, less the date's removed ones. A tutor with no
// windows at all has not said, and is taken as available.
[[nodiscard]] bool within_availability(const std::vector<AvailabilityWindow>& windows, const LocalDateTime& start,
    int minutes);

// A window as it is saved: a weekday 0..6 or a real date (not both), and a
// start before its end within the day. Errors name the field (weekday,
// on_date, starts, ends).
[[nodiscard]] Result<void> check_window(const AvailabilityWindow& window);
// A window for people:
//   {Monday, 16:00-20:00}               -> "Mondays, 16:00–20:00"
//   {2026-12-24, 10:00-12:00, removed}  -> "Thu 24 Dec 2026: away 10:00–12:00"
//   {2026-12-27, 09:00-12:00, added}    -> "Sun 27 Dec 2026: also 09:00–12:00"
[[nodiscard]] std::string window_for_people(const AvailabilityWindow& window);
// Weekly windows first (Sunday to Saturday, then by start), then dates in order.
void sort_windows(std::vector<AvailabilityWindow>& windows);

struct BlockedDates {
    std::string first_day, last_day;   // "YYYY-MM-DD", inclusive
    std::optional<std::int64_t> tutor_id;   // empty: the whole business
    std::string label;                 // "Christmas holidays"

    bool operator==(const BlockedDates&) const = default;
};

// The blocked dates that `day` ("YYYY-MM-DD") falls on for `tutor_id`: the
// business's and the tutor's own. Recurring sessions skip such days.
[[nodiscard]] const BlockedDates* blocked_on(const std::vector<BlockedDates>& blocked, std::string_view day,
    std::int64_t tutor_id);

} // namespace learnloop
