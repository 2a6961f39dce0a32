// The teacher's Classes tab: the classes they teach with their students, and
// a new class (the school adds its students).
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct TeacherClassesTabState {
    std::int64_t members_class = 0;
    Remote members;
    char class_name[128] = {};
    Outcome create_class;
};

// `classes`: the teacher's classes, shared with the other teacher tabs.
void draw_teacher_classes_tab(AppState& state, TeacherClassesTabState& tab, Remote& classes);

// The class shown, for the page's address: "#/teacher/classes/3".
[[nodiscard]] ui::TabPlace teacher_classes_tab_place(const TeacherClassesTabState& tab, const Remote& classes);
// Shows the class an address names (0: none); its students load once the
// teacher's classes show it is theirs.
bool open_teacher_classes_tab(TeacherClassesTabState& tab, const ui::Route& route);

} // namespace learnloop::client
