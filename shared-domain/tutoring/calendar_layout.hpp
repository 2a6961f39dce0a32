// The calendar's month, week and day views, laid out here so the browser
// draws them at once (offline too) and the tests read the same geometry:
// which day each session falls on, how far down the day it starts and ends,
// and, where sessions overlap, the columns they share side by side.
// Times are local wall times in the tenant's zone (the recurrence engine
// expands series in it); a session that runs past midnight shows on both days.
#pragma once

#include "core/calendar.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

struct CalendarEvent {
    std::int64_t id = 0;          // the occurrence's id for the caller (any stable number)
    LocalDateTime start;
    LocalDateTime end;            // after start; an all-day event ends at a midnight
    bool all_day = false;
};

// A timed event's piece on one day of a day or week view.
struct PlacedEvent {
    std::int64_t id = 0;
    int day = 0;                  // index into the view's days
    double top = 0, bottom = 0;   // 0..1 of the view's hours (clamped): where the piece starts and ends
    int column = 0, columns = 1;  // its column among the events it overlaps, and how many they need
    bool continues_before = false, continues_after = false;   // the event began on an earlier day / ends on a later one

    bool operator==(const PlacedEvent&) const = default;
};

// An all-day event's bar across the days it covers.
struct AllDayBar {
    std::int64_t id = 0;
    int first_day = 0, last_day = 0;   // indexes into the view's days (clamped to the view)
    int row = 0;                       // bars that share a day stack in rows

    bool operator==(const AllDayBar&) const = default;
};

struct DaysLayout {
    std::vector<LocalDateTime> days;   // each day's midnight
    int first_hour = 0, last_hour = 24;   // the hours the view shows
    std::vector<PlacedEvent> timed;    // by day, then start
    std::vector<AllDayBar> all_day;

    bool operator==(const DaysLayout&) const = default;
};

// A day view (`day_count` 1) or week view (7) from `first_day`'s midnight,
// showing `first_hour`..`last_hour` (an event outside them is clamped to the
// edge, so it is still seen). Events that do not touch the days are left out.
[[nodiscard]] DaysLayout layout_days(const std::vector<CalendarEvent>& events, const LocalDateTime& first_day,
    int day_count, int first_hour = 0, int last_hour = 24);

// The Monday (`week_start` 1) or Sunday (0) on or before `day`, at midnight.
[[nodiscard]] LocalDateTime start_of_week(const LocalDateTime& day, int week_start = 1);

struct MonthCell {
    LocalDateTime day;                 // midnight
    bool in_month = true;              // false for the leading and trailing days of other months
    std::vector<std::int64_t> shown;   // events that start or run on the day, by start; at most the limit
    int more = 0;                      // events beyond the limit ("+2 more")

    bool operator==(const MonthCell&) const = default;
};

// A month grid of whole weeks (5 or 6 rows of 7), starting on `week_start`.
// Each cell lists the events that touch its day, at most `per_cell`.
[[nodiscard]] std::vector<MonthCell> layout_month(const std::vector<CalendarEvent>& events, int year, int month,
    int week_start = 1, int per_cell = 3);

} // namespace learnloop
