// An academy student's study plan, and what their parents read: the
// student's weak spots and skills from their quiz answers, the exam day and
// minutes a day they can give (checked here by the shared rules before it is
// sent), and the plan day by day up to the exam. A parent picks a child and
// reads the week's summary above the same plan; the server makes both afresh
// on every read (shared-domain academy/study). Instructors open a student's
// plan from a quiz's results.
#pragma once

#include "app.hpp"
#include "school/children_tab.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct StudyTabState {
    std::int64_t student_id = 0;   // whose plan is shown; 0: one's own (a student)
    Remote study;                  // GET /api/academy/study
    Remote summary;                // parents: GET /api/academy/summary
    char exam_day[16] = {};        // "2027-02-20"
    char minutes[8] = {};
    bool filled = false;           // the form holds the goal last loaded
    Outcome save;
};

// The student's own plan ("Study plan").
void draw_study_tab(AppState& state, StudyTabState& tab);
// A parent's: their children, the chosen one's summary and plan ("Summary").
void draw_child_summary_tab(AppState& state, StudyTabState& tab, ChildrenTabState& family);
// Staff: one student's plan, skills and progress (`student_id`, loaded when
// it changes); the exam day is read-only for those who may not set it.
void draw_student_study(AppState& state, StudyTabState& tab, std::int64_t student_id);
[[nodiscard]] Json study_tab_summary(const StudyTabState& tab);
[[nodiscard]] ui::TabPlace child_summary_place(const StudyTabState& tab, const ChildrenTabState& family);
bool open_child_summary(StudyTabState& tab, const ui::Route& route);

} // namespace learnloop::client
