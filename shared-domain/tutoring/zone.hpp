// Time zones as data: transition tables (from TZif files, RFC 8536) plus a POSIX
// TZ rule for later instants, and conversions between wall time and UTC
// ([SECTION] rules, [SECTION] conversions, [SECTION] compact form).
//
// The server reads /usr/share/zoneinfo and sends the browser a compact table
// for the years it shows, so both sides convert lessons the same way:
//   auto london = TRY(parse_tzif(bytes, "Europe/London"));
//   to_utc({2026, 3, 29, 1, 30, 0}, london) -> 2026-03-29T01:30:00Z, i.e. 02:30 BST: London's clocks
//   jump from 01:00 to 02:00 that day, so 01:30 does not exist and moves forward by the hour
#pragma once

#include "core/calendar.hpp"
#include "core/result.hpp"
#include "tutoring/recurrence.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] rules

struct LocalTimeType {
    int utc_offset = 0;   // seconds east of UTC
    bool is_dst = false;
    std::string abbreviation;
    bool operator==(const LocalTimeType&) const = default;
};

// From `at` (unix seconds) on, wall time is UTC + type.utc_offset.
struct ZoneTransition {
    std::int64_t at = 0;
    LocalTimeType type;
    bool operator==(const ZoneTransition&) const = default;
};

// One date of a POSIX TZ rule: "Jn" (1-365, February 29 never counted),
// "n" (0-365, counted), or "Mm.w.d" (weekday d, Sunday 0, of week w, 5 = last,
// of month m), at `time` seconds of local time (-167 to 167 hours, TZif v3).
struct PosixDate {
    enum class Kind { JulianNoLeap, ZeroBased, MonthWeekDay } kind = Kind::MonthWeekDay;
    int day = 0;   // n for the two day kinds
    int month = 0, week = 0, weekday = 0;
    int time = 7200;
    bool operator==(const PosixDate&) const = default;
};

// A POSIX TZ string such as "GMT0BST,M3.5.0/1,M10.5.0": standard time, and
// optionally daylight time with the dates it starts and ends each year.
struct PosixZone {
    LocalTimeType standard;
    std::optional<LocalTimeType> daylight;
    PosixDate start, end;
    bool operator==(const PosixZone&) const = default;
};

[[nodiscard]] Result<PosixZone> parse_posix_tz(std::string_view text);

// A zone: `initial` before the first transition, the transitions in order,
// and the POSIX rule (`footer`, may be empty) after the last one.
struct ZoneRules {
    std::string name;
    LocalTimeType initial;
    std::vector<ZoneTransition> transitions;
    std::string footer;
    std::optional<PosixZone> posix;   // `footer`, parsed

    // Checks that transitions are strictly increasing, offsets are within a
    // day and a bit (RFC 8536: -89999 to 93599 s), and the footer parses.
    [[nodiscard]] static Result<ZoneRules> create(std::string name, LocalTimeType initial,
        std::vector<ZoneTransition> transitions, std::string_view footer);
};

// Parses the bytes of a TZif file (versions 1 to 3, and 4 whose only change
// is to leap seconds; files with leap-second records, the "right/" zones, are
// refused). Version 2+ files are read from their 64-bit block and footer.
[[nodiscard]] Result<ZoneRules> parse_tzif(std::string_view bytes, std::string name);

// [SECTION] conversions

// The local time type in effect at a UTC instant.
[[nodiscard]] LocalTimeType type_at(const ZoneRules& zone, std::int64_t unix_seconds);
[[nodiscard]] LocalDateTime to_local(std::int64_t unix_seconds, const ZoneRules& zone);
// RFC 5545 section 3.3.5's resolution: a wall time that a spring-forward gap
// skips is read with the offset before the gap (so it moves forward by the
// gap's length: 01:30 in London on 29 March 2026 becomes 02:30 BST, 02:30 in
// New York on 8 March 2026 becomes 03:30 EDT); a fall-back time that happens twice
// is the first of the two (the earlier instant, still in daylight time).
[[nodiscard]] std::int64_t to_utc(const LocalDateTime& local, const ZoneRules& zone);
// Many wall times of one window converted as to_utc does, cheaply: the
// zone's changes in [from, to) are found once, and a wall time with no
// change within two days of it takes one lookup (the rest go through to_utc).
// A calendar converting a month of sessions uses one.
class ZoneWindow {
public:
    ZoneWindow(const ZoneRules& zone, std::int64_t from, std::int64_t to);
    [[nodiscard]] std::int64_t to_utc(const LocalDateTime& local) const;
    // As learnloop::to_local, with the window's changes found once.
    [[nodiscard]] LocalDateTime to_local(std::int64_t unix_seconds) const;

private:
    // The offset in effect at a UTC time inside the window.
    [[nodiscard]] int offset_at(std::int64_t unix_seconds) const;
    // Whether the offset changes at some UTC time in [from, to).
    [[nodiscard]] bool changes_within(std::int64_t from, std::int64_t to) const;

    const ZoneRules* m_zone;
    std::int64_t m_from, m_to;
    int m_before;                          // the offset in effect at m_from
    std::vector<ZoneTransition> m_changes;
};

// Every change of local time type in [from, to), the footer's included.
[[nodiscard]] std::vector<ZoneTransition> transitions_between(const ZoneRules& zone, std::int64_t from,
    std::int64_t to);
// A rule whose UNTIL is in UTC ("...Z") with UNTIL turned into the zone's wall
// time, which is how expand() compares it.
[[nodiscard]] RecurrenceRule localize_until(const RecurrenceRule& rule, const ZoneRules& zone);

// [SECTION] compact form

// The zone for the years [first_year, last_year] as compact JSON: exact for
// every instant from 1 January of first_year (UTC), the footer's rule after
// the window; before it, the type in effect when the window starts.
//   {"zone":"Europe/London","years":[2026,2027],"initial":0,
//    "types":[[0,0,"GMT"],[3600,1,"BST"]],"at":[1774746000,...],"type":[1,0,...],"footer":"GMT0BST,M3.5.0/1,M10.5.0"}
[[nodiscard]] std::string zone_to_json(const ZoneRules& zone, int first_year, int last_year);
[[nodiscard]] Result<ZoneRules> zone_from_json(std::string_view text);

} // namespace learnloop
