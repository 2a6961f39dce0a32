// The teacher's Assignments tab: the list (create, edit, delete) beside the
// selected assignment's submissions, grading panel and target picker.
#pragma once

#include "app.hpp"
#include "practice/target_picker.hpp"
#include "tracker/assignment_editor.hpp"
#include "tracker/grading_panel.hpp"

#include <cstdint>

namespace learnloop::client {

struct AssignmentsTabState {
    Remote assignments;
    std::int64_t selected_assignment = 0;
    std::int64_t confirm_delete_id = 0;
    AssignmentEditorState editor;
    GradingState grading;
    TargetPickerState targets;
};

// `classes`: the teacher's classes, offered by the editor.
void draw_assignments_tab(AppState& state, AssignmentsTabState& tab, const Remote& classes);

[[nodiscard]] Json assignments_tab_summary(const AssignmentsTabState& tab);

// The assignment shown, for the page's address: "#/teacher/assignments/12/submissions".
[[nodiscard]] ui::TabPlace assignments_tab_place(const AssignmentsTabState& tab);
// Shows the assignment an address names (0: none), with its submissions.
bool open_assignments_tab(AppState& state, AssignmentsTabState& tab, const ui::Route& route);

} // namespace learnloop::client
