// The school's user list as the school tabs share it: loading it, the active
// users of one role, and a combo to choose one of them.
#pragma once

#include "app.hpp"

#include <vector>

namespace learnloop::client {

void reload_users(AppState& state, Remote& users);

// The active users of `role` in `users` (pointers into its data, valid until it reloads).
[[nodiscard]] std::vector<const Json*> users_with_role(const Remote& users, Role role);

// A combo over `people`; `choice` is the chosen index (or -1). With
// `anyone` ("Any student"), that is the first option and means -1.
void person_combo(const char* id, const std::vector<const Json*>& people, int& choice, const char* anyone = nullptr);

} // namespace learnloop::client
