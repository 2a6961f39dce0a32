// Civil dates and times (no time zones here: the server converts with the
// tenant's IANA zone). Assignment due status is tracker/due_status.hpp's.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace learnloop {

struct LocalDateTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    auto operator<=>(const LocalDateTime&) const = default;
};

// Parses "YYYY-MM-DDTHH:MM:SS" (the contract's due_date format), checking the
// calendar (leap years, days per month). Error on `field`.
//   parse_local_datetime("2026-02-29T10:00:00", "due_date") -> error: not a leap year
[[nodiscard]] Result<LocalDateTime> parse_local_datetime(std::string_view text, std::string_view field = "due_date");
[[nodiscard]] std::string format_local_datetime(const LocalDateTime& value);

// How people read a date and time (English, no locale):
//   format_for_people({2026, 11, 29, 17, 0, 0}) -> "Sun 29 Nov 2026, 17:00"
[[nodiscard]] std::string format_for_people(const LocalDateTime& value);
// The same for a "YYYY-MM-DDTHH:MM:SS" text (a due_date); text that does not
// parse is returned as it is.
//   due_for_people("2026-11-29T17:00:00") -> "Sun 29 Nov 2026, 17:00"
[[nodiscard]] std::string due_for_people(std::string_view text);

// The same as text the API sends reads back, or nothing: a local time from
// the first 19 characters ("YYYY-MM-DDTHH:MM:SS"), a day from the first 10
// (at midnight). Screens use these on the API's own fields.
//   read_local_datetime("2026-12-07T16:00:00") -> {2026, 12, 7, 16, 0, 0}
//   read_local_day("2026-12-07T16:00:00")      -> {2026, 12, 7, 0, 0, 0}
[[nodiscard]] std::optional<LocalDateTime> read_local_datetime(std::string_view text);
[[nodiscard]] std::optional<LocalDateTime> read_local_day(std::string_view text);
// "YYYY-MM-DD" of a local time (the API's day parameters).
[[nodiscard]] std::string local_day_text(const LocalDateTime& value);
// A day for people, with or without its year:
//   day_for_people({2026, 12, 7}, true)  -> "Mon 7 Dec 2026"
//   day_for_people({2026, 12, 7}, false) -> "Mon 7 Dec"
[[nodiscard]] std::string day_for_people(const LocalDateTime& value, bool with_year);
// The clock of a local time text, "HH:MM"; text too short is returned as it is.
//   clock_for_people("2026-12-07T16:00:00") -> "16:00"
[[nodiscard]] std::string clock_for_people(std::string_view local);

// A clock time "HH:MM" as minutes of the day, 0 .. 1440 ("24:00" ends a
// day). InvalidArgument on `field` otherwise.
//   parse_clock("16:30", "starts") -> 990
[[nodiscard]] Result<int> parse_clock(std::string_view text, std::string_view field);
// Minutes of the day as "HH:MM": 990 -> "16:30", 1440 -> "24:00".
[[nodiscard]] std::string clock_text(int minute_of_day);

// "Sunday" .. "Saturday" for 0 .. 6 (clamped), as weekday_of counts.
[[nodiscard]] std::string_view weekday_name(int weekday);
// "Jan" .. "Dec" for 1 .. 12 (clamped).
[[nodiscard]] std::string_view month_short_name(int month);
// A period of whole days for people, from two "YYYY-MM-DD" texts: the
// year once, at the end; one day alone when they are the same.
//   period_for_people("2026-11-01", "2026-11-30") -> "1 Nov – 30 Nov 2026"
//   period_for_people("2026-12-15", "2027-01-14") -> "15 Dec 2026 – 14 Jan 2027"
[[nodiscard]] std::string period_for_people(std::string_view from_day, std::string_view to_day);

[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);
// Days since 1970-01-01 for a proleptic Gregorian date, and back.
[[nodiscard]] std::int64_t days_from_civil(int year, int month, int day);
// Seconds since the epoch when `value` is read as UTC.
[[nodiscard]] std::int64_t to_unix_seconds(const LocalDateTime& value);
[[nodiscard]] LocalDateTime from_unix_seconds(std::int64_t seconds);

// Seconds since the epoch of a UTC time as the API writes it,
// "YYYY-MM-DDTHH:MM:SSZ" (fractional seconds after the seconds are ignored).
//   parse_utc_timestamp("1970-01-02T00:00:00Z") -> 86400
[[nodiscard]] Result<std::int64_t> parse_utc_timestamp(std::string_view text);
// And back, to the second:
//   format_utc_timestamp(86400) -> "1970-01-02T00:00:00Z"
[[nodiscard]] std::string format_utc_timestamp(std::int64_t unix_seconds);

} // namespace learnloop
