// The student's Assignments tab: each assignment with its due status (worked
// out here by the shared rules, so it changes as the clock passes), submit and
// resubmit, and the grade and feedback once marked.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct StudentAssignmentsTabState {
    Remote assignments;
    std::int64_t selected = 0;
    Remote submission;            // the selected assignment's own submission
    char answer[8192] = {};
    Outcome submit;
};

void draw_student_assignments_tab(AppState& state, StudentAssignmentsTabState& tab);

[[nodiscard]] Json student_assignments_summary(const AppState& state, const StudentAssignmentsTabState& tab);

// The assignment shown, for the page's address: "#/student/assignments/12".
[[nodiscard]] ui::TabPlace student_assignments_place(const StudentAssignmentsTabState& tab);
// Shows the assignment an address names (0: none) with the student's own work.
bool open_student_assignments(AppState& state, StudentAssignmentsTabState& tab, const ui::Route& route);

} // namespace learnloop::client
