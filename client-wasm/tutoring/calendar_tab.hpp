// A tutoring business's calendar: a week (hours down, days across, on a
// wide screen; each day's sessions in a list on a phone) or a month, with
// each session's time, who, where and status (a shape and a word, never
// colour alone). A session picked on the grid shows below it, with one
// press to log what happened once it has begun (those of earlier weeks not
// logged yet are counted above the week, and listed on request), and, for
// those who manage
// it, a form to move, change or cancel it (this session, this and the
// following ones, or every one). The office books new sessions here, and tutors their own with the
// students they teach.
// Tutors see their own week, students and parents their sessions, the
// office everyone's (or one tutor's).
#pragma once

#include "app.hpp"
#include "tutoring/calendar_offline.hpp"
#include "tutoring/session_forms.hpp"

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
    Outcome action;               // the last log's outcome
    bool month_view = false;      // the month instead of the week
    std::string month_shown;      // "YYYY-MM" of the month shown; empty: this month
    Remote to_log;                // GET /api/tutoring/students: sessions begun and not logged
    std::string to_log_for;       // the tutor filter `to_log` was asked with
    bool show_to_log = false;     // the list of them is open
    Remote month;                 // GET /api/tutoring/occurrences for the month's weeks
    std::string month_loaded_for;
    std::string selected;         // the session shown below the week grid ("series@recurrence_id")
    BookingForm booking;
    SessionEdit edit;
    CalendarOffline offline;      // logs waiting to be sent, and this week kept for no connection
    std::string kept_at;          // when the week shown was kept (shown with no connection); empty: live
    unsigned kept_request = 0;    // the week load last kept
    bool probing = false;         // asking whether the connection is back
    double probed_ms = -1e9;
};

// `people`: the business's users (the office's tutor filter); null for
// the other portals.
void draw_calendar_tab(AppState& state, CalendarTabState& tab, const Remote* people);
[[nodiscard]] Json calendar_tab_summary(const CalendarTabState& tab);

} // namespace learnloop::client
