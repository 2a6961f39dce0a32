// The submissions of one assignment and the panel that grades them (a grade
// and feedback, or the rubric's marks with their running total; Ctrl+Enter
// saves and moves to the next student).
#pragma once

#include "academy/rubric_panels.hpp"
#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct GradingState {
    Remote submissions;
    int selected_submission = -1;  // index into submissions
    char grade[16] = {};
    char feedback[2048] = {};
    RubricMarking marking;        // an assignment with a rubric: the marks per criterion
    Outcome grading;
};

// Loads the submissions of `assignment_id`, closing the grading panel.
void load_submissions(AppState& state, GradingState& g, std::int64_t assignment_id);

// Draws the submissions of `assignment` (a row of the assignment list) and,
// once one is selected, the grading panel. Returns the submission being
// graded (null when none), so the caller can add to the panel.
const Json* draw_submissions(AppState& state, GradingState& g, const Json& assignment);

// The test hook's view: each submission's student and grade, and the last
// grading message.
[[nodiscard]] Json grading_summary(const GradingState& g);

} // namespace learnloop::client
