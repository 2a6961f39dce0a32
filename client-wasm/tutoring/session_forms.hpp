// Booking and changing tutoring sessions from the calendar: the office books
// a session (once, weekly or every two weeks for a number of sessions) for
// a tutor and student, and whoever manages a session moves it, changes its
// length or room, or cancels it, for this session, this and the following
// ones, or every session of its series. Clashes the business blocks, and
// changed sessions a new schedule would drop, are shown in words before
// anything is saved.
#pragma once

#include "app.hpp"

#include <functional>
#include <string>
#include <vector>

namespace learnloop::client {

struct BookingForm {
    bool open = false;
    int tutor = -1, student = -1;    // indexes into the business's tutors and students
    char subject[401] = "";          // 100 characters of any script
    char room[241] = "";             // 60
    char starts[20] = "";            // "YYYY-MM-DDTHH:MM:SS", local
    int minutes = 60;
    int repeat = 1;                  // 0 once, 1 every week, 2 every two weeks
    int count = 10;                  // sessions, when it repeats
    bool attempted = false;          // Book was pressed: what is missing is said
    std::vector<std::string> problems;   // why the server refused the last try
    Outcome outcome;
};

struct SessionEdit {
    std::string key;                 // the session being changed ("series@recurrence"); empty: none
    Json session;                    // it, as the calendar lists it
    Remote series;                   // GET /api/tutoring/series/<id>: its first session, for "every session"
    int scope = 0;                   // 0 this session, 1 this and following, 2 every session
    char starts[20] = "";
    int minutes = 60;
    char room[241] = "";
    bool cancel_pending = false;     // the "Cancel this session?" question is open
    bool drop_pending = false;       // the "drop changed sessions?" question is open
    bool ask_drop = false;           // ... and is to open on the next frame
    int dropped = 0;                 // how many changed sessions the new schedule drops
    std::vector<std::string> problems;
    Outcome outcome;
};

// `people`: the business's users (the office books for any tutor and
// student); `today`: now, local. `on_booked` runs after a booking is saved.
void draw_booking_form(AppState& state, BookingForm& form, const Remote& people, const std::string& today,
    const std::function<void()>& on_booked);

// Opens `edit` on `session` (an occurrence as the API lists it).
void begin_session_edit(AppState& state, SessionEdit& edit, const Json& session);
// The form for the session `edit` holds; `on_changed` runs after a change
// is saved, with what to tell the user (the form closes).
void draw_session_edit(AppState& state, SessionEdit& edit, const std::string& today,
    const std::function<void(const std::string&)>& on_changed);

} // namespace learnloop::client
