// The submissions of one assignment and the panel that grades them (a grade
// and feedback; Ctrl+Enter saves and moves to the next student).
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct GradingState {
    Remote submissions;
    int selected_submission = -1;  // index into submissions
    char grade[16] = {};
    char feedback[2048] = {};
    Outcome grading;
};

// Loads the submissions of `assignment_id`, closing the grading panel.
void load_submissions(AppState& state, GradingState& g, std::int64_t assignment_id);

// Draws the submissions of `assignment_id` and, once one is selected, the
// grading panel. Returns the submission being graded (null when none), so
// the caller can add to the panel.
const Json* draw_submissions(AppState& state, GradingState& g, std::int64_t assignment_id);

// The test hook's view: each submission's student and grade, and the last
// grading message.
[[nodiscard]] Json grading_summary(const GradingState& g);

} // namespace learnloop::client
