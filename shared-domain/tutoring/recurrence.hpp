// Recurring lessons: RFC 5545 RRULE text parsed into a RecurrenceRule, and its
// expansion into local wall times ([SECTION] rule, [SECTION] expansion, [SECTION] series).
#pragma once

#include "core/calendar.hpp"
#include "core/result.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] rule

// Only day-or-longer frequencies: a tutoring calendar has no use for
// SECONDLY/MINUTELY/HOURLY, whose expansion would also be the easiest way to
// ask the server for millions of instances.
enum class Frequency { Daily, Weekly, Monthly, Yearly };

// Monday first, as ISO 8601 and RFC 5545's default WKST.
enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// One BYDAY entry: "TU" (ordinal 0: every Tuesday), "2TU" (the second), "-1FR" (the last).
struct WeekdayNum {
    int ordinal = 0;
    Weekday weekday = Weekday::Monday;
    auto operator<=>(const WeekdayNum&) const = default;
};

// How UNTIL was written: a date (the whole day is included), a floating
// date-time (the series' own wall time) or a UTC date-time ("...Z"), which
// needs the series' zone to compare (see localize_until in zone.hpp; without
// a zone it is compared as if it were wall time).
enum class UntilKind { Date, Floating, Utc };

struct Until {
    LocalDateTime value;
    UntilKind kind = UntilKind::Floating;
    bool operator==(const Until&) const = default;
};

// A valid RRULE: every list is sorted and free of duplicates, so two rules that
// mean the same are equal and print the same text.
//   auto rule = TRY(RecurrenceRule::create("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6"));
//   rule.to_text() -> "FREQ=MONTHLY;COUNT=6;BYDAY=-1FR"
struct RecurrenceRule {
    Frequency frequency = Frequency::Weekly;
    int interval = 1;
    std::optional<int> count;
    std::optional<Until> until;
    std::vector<int> by_second, by_minute, by_hour;
    std::vector<WeekdayNum> by_day;
    std::vector<int> by_month_day, by_year_day, by_week_no, by_month, by_set_pos;
    Weekday week_start = Weekday::Monday;

    // Parses RRULE text ("RRULE:" prefix optional, names case-insensitive).
    // Errors name the part: "BYMONTHDAY=32: a day of the month is 1 to 31 or -31 to -1".
    [[nodiscard]] static Result<RecurrenceRule> create(std::string_view text);
    // Canonical RRULE text: parts in a fixed order, defaults (INTERVAL=1, WKST=MO) left out.
    [[nodiscard]] std::string to_text() const;

    bool operator==(const RecurrenceRule&) const = default;
};

// [SECTION] expansion

// Why an expansion stopped. Complete: every occurrence in the window was
// returned. Limit: `limit` occurrences were returned and more may follow.
// IterationCap: the rule matches so rarely that the work budget ran out
// before the window's end (e.g. FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 never matches).
enum class ExpansionEnd { Complete, Limit, IterationCap };

struct Expansion {
    std::vector<LocalDateTime> occurrences;
    ExpansionEnd end = ExpansionEnd::Complete;
};

// Occurrences of `rule` from `dtstart` that fall in the half-open window
// [from, to), in order, at most `limit` of them. All times are local wall
// times. As RFC 5545 says, DTSTART is always the first instance and counts
// toward COUNT even when it does not match the rule (or lies before the
// window); dates that do not exist (February 30) are skipped, not moved.
//   expand({1997, 9, 2, 9, 0, 0}, weekly, {1997, 9, 1}, {1997, 10, 1}, 100)
//     -> 1997-09-02T09:00, 09-09, 09-16, 09-23, 09-30
[[nodiscard]] Result<Expansion> expand(const LocalDateTime& dtstart, const RecurrenceRule& rule,
    const LocalDateTime& from, const LocalDateTime& to, std::size_t limit);

// [SECTION] series

// A recurring event as RFC 5545 stores it: DTSTART, an optional RRULE, extra
// dates (RDATE) and cancelled ones (EXDATE), all in local wall time.
struct Series {
    LocalDateTime dtstart;
    std::optional<RecurrenceRule> rule;
    std::vector<LocalDateTime> rdates;
    std::vector<LocalDateTime> exdates;
};

// The series' instances in [from, to): DTSTART, the rule's and the RDATEs,
// without duplicates, minus every EXDATE (an EXDATE may cancel DTSTART too).
[[nodiscard]] Result<Expansion> expand_series(const Series& series, const LocalDateTime& from,
    const LocalDateTime& to, std::size_t limit);

[[nodiscard]] std::string_view weekday_code(Weekday weekday);   // "MO" ... "SU"
[[nodiscard]] Weekday weekday_of(const LocalDateTime& value);

} // namespace learnloop
