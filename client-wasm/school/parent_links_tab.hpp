// The school's Parents tab: who is linked to whom, linking a parent to a
// student, and link codes a parent redeems in their own portal.
#pragma once

#include "app.hpp"

#include <string>

namespace learnloop::client {

struct ParentLinksTabState {
    Remote links;
    int link_parent = -1;         // index into the active parents
    int link_student = -1;        // index into the active students
    Outcome link_action;
    std::string last_code;        // the last code created, with its expiry
};

// `users`: the school's users, to choose parents and students from.
void draw_parent_links_tab(AppState& state, ParentLinksTabState& tab, const Remote& users);

} // namespace learnloop::client
