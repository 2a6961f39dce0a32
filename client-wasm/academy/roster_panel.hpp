// A course's students as its instructor and the office run them: who is
// enrolled, how many of the course's quizzes each handed in and when they were
// last active, a name opening that student's plan; enrolling the academy's
// other students found by name; taking one out (after a confirmation: what
// they did in the course stays); the course's join code, which students type
// to enrol themselves (made, replaced, turned off).
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct RosterState {
    std::int64_t course = 0;      // the course the lists hold
    Remote students;              // GET /api/academy/courses/{id}/students
    Remote candidates;            // GET /api/academy/courses/{id}/candidates?q=
    char search[101] = "";
    std::string searched;         // the words `candidates` was asked for
    Outcome enrol;
    Outcome remove;
    std::int64_t leaving = 0;     // the student the confirmation asks about
    std::string leaving_name;
    Json join_code;               // "KQ7M-X2PA", or null while joining by code is off
    Outcome code;                 // making, replacing or turning off the code
};

// Draws `course_id`'s students (loading them when the course changes), with
// `listed_code` the join code the course list gave. Pressing a name sets
// `open` to that student (0 closes it) and `open_name`.
void draw_roster(AppState& state, RosterState& roster, std::int64_t course_id, const Json& listed_code,
    std::int64_t& open, std::string& open_name);

// The test hook's view: each enrolled student's name and hand-ins, the names
// offered for enrolment, the join code, and the last messages.
[[nodiscard]] Json roster_summary(const RosterState& roster);

} // namespace learnloop::client
