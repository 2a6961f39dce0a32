// The school's Classes tab (administrators and moderators): every class with
// its teacher and size, a class's members, adding students, new classes.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct SchoolClassesTabState {
    Remote classes;
    std::int64_t members_class = 0;
    Remote members;
    int member_choice = -1;       // index into the active students
    Outcome member_action;
    char class_name[128] = {};
    int class_teacher = -1;       // index into the active teachers
    Outcome create_class;
};

// `users`: the school's users, to choose students and teachers from.
void draw_school_classes_tab(AppState& state, SchoolClassesTabState& tab, const Remote& users);

// The class shown, for the page's address: "#/admin/classes/3".
[[nodiscard]] ui::TabPlace school_classes_tab_place(const SchoolClassesTabState& tab);
// Shows the class an address names (0: none); its members load once the
// school's classes show it is there.
bool open_school_classes_tab(SchoolClassesTabState& tab, const ui::Route& route);

} // namespace learnloop::client
