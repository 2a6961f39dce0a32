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

} // namespace learnloop::client
