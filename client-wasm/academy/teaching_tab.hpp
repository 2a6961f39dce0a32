// An academy's courses as its staff run them: an instructor's own (an
// administrator's: all), each with its quizzes and how the students did, its
// students (roster_panel: enrolling, taking out, each one's plan),
// each quiz's results (per question: how hard, how well it tells stronger
// from weaker students, what to check; per student: their best), setting a
// new quiz drawn from the exam bank by topic and difficulty, and
// deleting a course (an administrator restores it from Recently deleted,
// a tab of its own here too).
#pragma once

#include "academy/leaderboard_panel.hpp"
#include "academy/roster_panel.hpp"
#include "academy/study_tab.hpp"
#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct TeachingTabState {
    Remote courses;                   // GET /api/academy/courses
    std::int64_t selected = 0;
    Remote quizzes;                   // GET /api/academy/courses/{id}/quizzes
    Remote topics;                    // GET /api/academy/bank/topics
    // The new quiz form.
    bool composing = false;
    char title[201] = "";
    int mode = 0;                     // 0: practice, 1: exam
    bool tutor = false;               // practice with the tutor's hints
    int topic = 0;                    // 0: any topic, else 1 + an index into topics
    int low = 1, high = 5;            // difficulty
    char count[8] = "10";
    char minutes[8] = "0";
    char attempts[8] = "0";
    Outcome save;
    Outcome remove;                   // deleting the course
    std::int64_t results_quiz = 0;    // the quiz whose results are open under the list; 0: none
    Remote results;                   // GET /api/academy/quizzes/{id}/results
    std::int64_t student = 0;         // a student opened from the results or the roster; 0: none
    std::string student_name;
    bool student_from_roster = false; // where their plan is drawn: under the roster, else under the results
    StudyTabState study;              // that student's plan, skills and progress
    LeaderboardState leaderboard;     // the open course's, with its switch
    RosterState roster;               // the open course's students, enrolling and taking out
};

void draw_teaching_tab(AppState& state, TeachingTabState& tab);
// Loads the courses the caller runs into tab.courses (the assignment editor offers them too).
void reload_courses(AppState& state, TeachingTabState& tab);
[[nodiscard]] Json teaching_tab_summary(const TeachingTabState& tab);

struct DeletedTabState {
    Remote courses;                   // GET /api/academy/courses/deleted
    Outcome restore;
};

void draw_deleted_tab(AppState& state, DeletedTabState& tab);
[[nodiscard]] Json deleted_tab_summary(const DeletedTabState& tab);

} // namespace learnloop::client
