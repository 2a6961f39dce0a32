// The teacher's Mastery tab: a class's heatmap of students × learning targets
// (paged both ways), one student's recent answers, and who needs help.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct MasteryTabState {
    std::int64_t class_id = 0;
    Remote heatmap;
    std::int64_t student_offset = 0;   // the first student shown (the server pages students)
    int first_target = 0;              // the first target column shown
    std::int64_t drill_student = 0;
    Remote drill;
};

// `classes`: the teacher's classes.
void draw_mastery_tab(AppState& state, MasteryTabState& tab, const Remote& classes);

[[nodiscard]] Json mastery_tab_summary(const MasteryTabState& tab);

// The class and student shown, for the page's address:
// "#/teacher/mastery/3" (a class's heatmap), "#/teacher/mastery/3/students/7"
// (one student's recent answers below it).
[[nodiscard]] ui::TabPlace mastery_tab_place(const MasteryTabState& tab, const Remote& classes);
// Shows what an address names; the heatmap loads once the teacher's classes
// show the class is theirs.
bool open_mastery_tab(MasteryTabState& tab, const ui::Route& route);

} // namespace learnloop::client
