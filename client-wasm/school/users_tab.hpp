// The school's Users tab (administrators and moderators): the user list with
// role changes and deactivation (with confirmation), and the add-user form.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct UsersTabState {
    char new_email[256] = {};
    char new_name[128] = {};
    char new_password[256] = {};
    int new_role = 3;             // index into k_all_roles (student)
    bool new_attempted = false;
    Outcome create_user;
    std::int64_t confirm_deactivate_id = 0;
    // A role picked in a row's menu waits for the dialog's "Change role".
    std::int64_t confirm_role_id = 0;
    std::string confirm_role;     // the role's name on the wire
    std::string confirm_role_text;
    bool open_role_dialog = false;
    Outcome user_action;          // the last role change or deactivation
    // The list is shown a page at a time (a school has hundreds of people,
    // and every row drawn costs each frame), narrowed by a search.
    char search[128] = {};
    int page = 0;
    std::string reveal_email;     // after adding a person: show the page they are on
};

// `users`: the school's users, shared with the other school tabs.
void draw_users_tab(AppState& state, UsersTabState& tab, Remote& users);

[[nodiscard]] Json users_tab_summary(const UsersTabState& tab, const Remote& users);

} // namespace learnloop::client
