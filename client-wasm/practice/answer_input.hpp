// The widgets a student answers a task with (practice's "Today's tasks" and
// an academy's quizzes), what they hold, and that as the shared grader's
// Answer: one set of widgets for every engine that asks a Task.
#pragma once

#include "app.hpp"
#include "practice/grading.hpp"
#include "practice/tasks.hpp"

#include <string>
#include <vector>

namespace learnloop::client {

struct AnswerInput {
    int choice = -1;                  // single_choice, quantitative_comparison
    std::vector<char> picks;          // multiple_select
    char text[512] = {};              // short_text and numeric
    std::vector<std::string> gaps;    // cloze
    std::vector<int> order;           // ordering: indices into the task's items
};

// Empty widgets for `task`.
void reset_answer_input(AnswerInput& input, const Task& task);
// The widgets holding an answer given before (as encode_answer wrote it);
// what does not fit the task is left empty.
void restore_answer_input(AnswerInput& input, const Task& task, const Json& answer);

// Draws the widgets; `locked` once the answer is checked or handed in. Each
// control is remembered for the test hook as `<prefix>.option.<i>`,
// `<prefix>.text`, `<prefix>.gap.<i>`, `<prefix>.up.<i>`.
void draw_answer_input(AppState& state, AnswerInput& input, const Task& task, const std::string& prefix, bool locked);

// What the widgets hold, in the shared grader's terms.
[[nodiscard]] Answer answer_of(const AnswerInput& input, const Task& task);
// Whether anything has been chosen or typed.
[[nodiscard]] bool answer_started(const AnswerInput& input, const Task& task);
// What keeps the widgets' answer from being checked, in words ("Choose an
// answer first", "Type a number, such as 12 or 2.5"); empty when it can be.
[[nodiscard]] std::string answer_problem(const AnswerInput& input, const Task& task);

} // namespace learnloop::client
