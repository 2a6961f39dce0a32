// A student's courses at an academy: the courses they are enrolled in, each
// course's quizzes with their own attempts, and taking a quiz one question
// at a time. Practice quizzes grade each answer here at once with the shared
// graders (the server grades it again and its grade counts); exams keep the
// answers until they are handed in, then show the review with the key and
// explanations. The time limit counts down on this device from what the
// server says is left.
#pragma once

#include "academy/leaderboard_panel.hpp"
#include "app.hpp"
#include "practice/answer_input.hpp"
#include "practice/tasks.hpp"
#include "ui/tabs.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

// One question of the attempt as this screen holds it.
struct QuizQuestion {
    Task task;
    bool answered = false;
    Json answer;                  // as sent (encode_answer)
    std::string verdict;          // "correct", "partial", "incorrect", "unanswered"; empty: not shown yet
    std::string feedback, explanation;
    std::string answer_text;      // the right answer in words, once it may be seen
    bool confirmed = false;       // practice: the server's grade has arrived
    bool disagreed = false;       // practice: the server graded it otherwise (its grade shown)
    double score = 0;             // the credit the server gave (lowered by the tutor's hints)
    int hints_used = 0;
    std::vector<std::pair<bool, std::string>> talk;   // with the tutor: (from the student, text)
};

struct QuizAttemptState {
    std::int64_t id = 0;              // 0: no attempt open
    Phase phase = Phase::Idle;        // starting or loading it
    std::string error;
    Json data;                        // the attempt as the server last sent it (without the questions)
    std::vector<QuizQuestion> questions;
    std::size_t index = 0;
    AnswerInput input;
    std::string invalid;              // why the answer cannot be checked ("Type a number")
    Outcome save;                     // the last answer sent
    Outcome hand_in;
    bool hand_in_asked = false;       // confirmed; sent once the last answer has arrived
    double seconds_left = -1;         // at loaded_ms; -1: no limit
    double loaded_ms = 0;
    int requests_during_check = 0;   // requests made while grading here (stays 0)
    char ask[501] = "";               // the message to the tutor being typed
    Outcome asking;                   // the tutor's reply on its way
    unsigned request = 0;             // the start that opened it (a late reply to another is dropped)
};

struct CoursesTabState {
    Remote courses;                   // GET /api/academy/courses
    std::int64_t selected = 0;        // the course open beside the list
    Remote quizzes;                   // GET /api/academy/courses/{id}/quizzes
    QuizAttemptState attempt;
    LeaderboardState leaderboard;     // the open course's
    char join_code[32] = "";          // "Join a course": the code as typed
    Outcome join;
};

void draw_courses_tab(AppState& state, CoursesTabState& tab);
[[nodiscard]] Json courses_tab_summary(const CoursesTabState& tab);
[[nodiscard]] ui::TabPlace courses_tab_place(const CoursesTabState& tab);
bool open_courses_tab(AppState& state, CoursesTabState& tab, const ui::Route& route);

} // namespace learnloop::client
