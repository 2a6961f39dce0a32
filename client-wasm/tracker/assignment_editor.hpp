// The teacher's assignment editor: title, description, due time and class,
// checked as you type by the shared rules, then created or saved. An
// academy's instructor sets work for one of their courses instead, out of a
// number of points and optionally marked with a rubric.
#pragma once

#include "academy/rubric_panels.hpp"
#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

// What an assignment is set for: a school's class (or everyone), or an academy's course.
enum class AssignmentGroup { Class, Course };

struct AssignmentEditorState {
    AssignmentGroup group = AssignmentGroup::Class;
    bool open = false;
    std::int64_t editing_id = 0;  // 0: a new assignment
    char title[256] = {};
    char description[4096] = {};
    char due_date[32] = {};
    int class_choice = -1;        // index into the teacher's classes (or courses), -1 for none
    char max_points[8] = {};      // a course's work: what it is marked out of
    RubricDraft rubric;
    bool attempted = false;
    // The last save or delete, also shown under the list once the editor closes.
    Outcome save;
};

// Opens the editor on `assignment` (a row of the assignment list), or on a
// new assignment due a week from today when it is null. `classes`: the
// teacher's classes, or an instructor's courses.
void open_editor(AppState& state, AssignmentEditorState& editor, const Remote& classes, const Json* assignment);

// Draws the open editor; a successful save closes it and reloads `assignments`.
void draw_editor(AppState& state, AssignmentEditorState& editor, const Remote& classes, Remote& assignments);

// Loads the teacher's assignments into `assignments`.
void reload_assignments(AppState& state, Remote& assignments);

} // namespace learnloop::client
