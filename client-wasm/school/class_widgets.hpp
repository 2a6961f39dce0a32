// Pieces of the class screens that several tabs share: choosing one of the
// teacher's classes to load a view of it, and a class's member list.
#pragma once

#include "app.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace learnloop::client {

// A row of radio buttons over `classes`, the first chosen at the start;
// choosing one loads
// /api/classes/<id>/<view><query> into `remote` (and calls `on_choose`
// first). Each button is remembered as "teacher.<view>_class.<name>".
// Returns true once the chosen view has loaded.
bool pick_class(AppState& state, const Remote& classes, std::int64_t& chosen, Remote& remote, const std::string& view,
    const std::function<std::string()>& query = {}, const std::function<void()>& on_choose = {});

// Loads the students of class `class_id` into `members`.
void load_members(AppState& state, Remote& members, std::int64_t class_id);

// For a tab that shows one class of `classes` with its `members`: its place
// in the address (the class's id, its name for the page title), and opening
// the class an address names (a changed class forgets the old members).
[[nodiscard]] ui::TabPlace class_place(const Remote& classes, std::int64_t class_id);
bool open_class(std::int64_t& class_id, Remote& members, const ui::Route& route);

} // namespace learnloop::client
