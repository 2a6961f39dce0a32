// Small widgets shared by every screen: remembered rectangles for tests,
// status labels that differ in glyph and word as well as colour, loading and
// error lines, a confirmation dialog and the centred card of the sign-in screens.
#pragma once

#include "app.hpp"
#include "identity/permissions.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::client::ui {

// Whether the signed-in role may do `action`, from the shared matrix the
// server enforces (for the account's approval): the portals show only what a
// role may do.
[[nodiscard]] bool can(const AppState& state, learnloop::Action action);

// Records the last item's rectangle under `name` for the test hook.
void remember(AppState& state, const std::string& name);

// A tab of the current tab bar, remembered for tests under `name` (the tab
// itself, not its contents). When it returns true, draw the contents and
// call ImGui::EndTabItem().
bool tab(AppState& state, const char* label, const std::string& name);

// A button that is also remembered for tests.
bool button(AppState& state, const char* label, const std::string& name, ImVec2 size = ImVec2(0, 0));

// "✓ Graded", "▲ Overdue", ... — glyph, word and colour together.
void status_label(std::string_view status);

// One line per remote: a spinner text while loading, the error with a retry
// button when failed. Returns true when the retry button was pressed.
bool remote_status(AppState& state, const Remote& remote, const std::string& name);

// The outcome of a form action, under the form.
void action_status(const Outcome& action);

// Every error of `errors` for `field`, in red with a cross.
void field_errors(const std::vector<Error>& errors, const char* field);

// A modal "Are you sure?" dialog. Call open_confirm() once to show it, then
// confirm_dialog() every frame; returns true on the frame the user confirms.
void open_confirm(const char* id);
bool confirm_dialog(AppState& state, const char* id, const std::string& text, const char* confirm_label);

// The centred column of the sign-in and sign-up screens: starts it with a
// large title at `top` (a share of the window height) and returns its width.
// End it with end_card().
float begin_card(AppState& state, float top, const char* title, float title_scale);
void end_card();

// Copies `text` into a fixed text buffer of an input field (cut to fit).
template <std::size_t N>
void copy_text(char (&target)[N], const std::string& text)
{
    std::snprintf(target, N, "%s", text.c_str());
}

} // namespace learnloop::client::ui
