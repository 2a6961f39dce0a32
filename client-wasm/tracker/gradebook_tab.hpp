// The teacher's Gradebook tab: one class's students × assignments, with each
// student's average (the view is built by the shared gradebook rules).
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct GradebookTabState {
    std::int64_t class_id = 0;
    Remote gradebook;
};

// `classes`: the teacher's classes (reloaded from here when they failed).
void draw_gradebook_tab(AppState& state, GradebookTabState& tab, Remote& classes);

[[nodiscard]] Json gradebook_tab_summary(const GradebookTabState& tab);

// The class shown, for the page's address: "#/teacher/gradebook/3".
[[nodiscard]] ui::TabPlace gradebook_tab_place(const GradebookTabState& tab, const Remote& classes);
// Shows the class an address names; its gradebook loads once the teacher's
// classes show it is theirs.
bool open_gradebook_tab(GradebookTabState& tab, const ui::Route& route);

// Loads the signed-in teacher's classes into `classes`.
void load_teacher_classes(AppState& state, Remote& classes);

} // namespace learnloop::client
