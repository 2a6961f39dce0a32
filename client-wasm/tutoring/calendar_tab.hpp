// A tutoring business's calendar, one week at a time: each day's sessions
// with their time, who, where and status (a shape and a word, never colour
// alone), and for sessions that have begun and are not yet logged, one
// press to log what happened. Tutors see their own week, students and
// parents their sessions, the office everyone's (or one tutor's).
#pragma once

#include "app.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace learnloop::client {

struct CalendarTabState {
    Remote settings;              // GET /api/tutoring/settings: statuses and the week's first day
    Remote week;                  // GET /api/tutoring/occurrences for the week shown
    std::string week_start;       // "YYYY-MM-DD" of the week shown; empty: this week
    std::string loaded_for;       // the week and filter `week` was asked for
    std::int64_t tutor_filter = 0;   // the office: one tutor's sessions, 0 for everyone's
    std::set<std::string> logging;   // sessions being logged ("series@recurrence_id")
    Outcome action;               // the last log's outcome
};

// `people`: the business's users (the office's tutor filter); null for
// the other portals.
void draw_calendar_tab(AppState& state, CalendarTabState& tab, const Remote* people);
[[nodiscard]] Json calendar_tab_summary(const CalendarTabState& tab);

} // namespace learnloop::client
