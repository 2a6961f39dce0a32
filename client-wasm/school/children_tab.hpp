// The parent's page: their linked children, one child at a time — that
// child's assignments and grades, practice and mastery — and redeeming a
// link code from the school.
#pragma once

#include "app.hpp"
#include "practice/child_mastery.hpp"
#include "tracker/child_assignments.hpp"

#include <cstdint>

namespace learnloop::client {

struct ChildrenTabState {
    Remote children;
    std::int64_t child_id = 0;    // the child shown; 0 before the first is chosen
    ChildAssignmentsState assignments;
    ChildMasteryState mastery;
    char link_code[32] = {};
    Outcome redeem;
};

// The field for a link code from the school (or academy) and its button; a
// linked child joins the list.
void draw_link_child(AppState& state, ChildrenTabState& tab);

// "Child: (o) Mei ( ) Leo": the linked children as one radio group, `chosen`
// marked. Returns the id picked this frame (0: none).
std::int64_t draw_child_picker(AppState& state, const Remote& children, std::int64_t chosen);
void draw_children_tab(AppState& state, ChildrenTabState& tab);

[[nodiscard]] Json children_tab_summary(const ChildrenTabState& tab);

// The child shown, for the page's address: "#/parent/children/5".
[[nodiscard]] ui::TabPlace children_tab_place(const ChildrenTabState& tab);
// Shows the child an address names (0: the first); their work loads once the
// parent's children show the child is theirs.
bool open_children_tab(ChildrenTabState& tab, const ui::Route& route);

} // namespace learnloop::client
