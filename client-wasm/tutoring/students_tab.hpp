// A tutor's students (GET /api/tutoring/students): each with the subjects
// taught, the next session and the last one, how many are logged and how
// many wait to be logged (those are logged from the calendar, where they
// are listed above the week). Students of the last four weeks and the next
// eight.
#pragma once

#include "app.hpp"

namespace learnloop::client {

struct StudentsTabState {
    Remote students;
};

void draw_students_tab(AppState& state, StudentsTabState& tab);
[[nodiscard]] Json students_tab_summary(const StudentsTabState& tab);

} // namespace learnloop::client
