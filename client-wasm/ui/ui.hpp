// Small widgets shared by every portal: remembered rectangles for tests,
// status labels that differ in glyph and word as well as colour, loading and
// error lines, and a confirmation dialog.
#pragma once

#include "app.hpp"
#include "identity/permissions.hpp"

#include <imgui.h>

#include <string>

namespace learnloop::client::ui {

inline const ImVec4 k_ok { 0.11f, 0.50f, 0.22f, 1.0f };
inline const ImVec4 k_warning { 0.66f, 0.40f, 0.00f, 1.0f };
inline const ImVec4 k_error { 0.75f, 0.13f, 0.13f, 1.0f };
inline const ImVec4 k_info { 0.10f, 0.35f, 0.70f, 1.0f };
inline const ImVec4 k_muted { 0.35f, 0.38f, 0.42f, 1.0f };

// Whether the signed-in role may do `action`, from the shared matrix the
// server enforces: the portals show only what a role may do.
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
// The title of learning target `target_id` in a list of targets as the API
// sends them ([{"target_id", "title", ...}]); the id itself if not listed.
std::string target_title(const Json& targets, const std::string& target_id);

// A student's latest practice answers from a GET /api/mastery answer
// (`history`, newest first, titles from `targets`): time in the school's
// zone, target, verdict and the estimate after it; at most `limit` lines.
void recent_answers(const Json& mastery, std::size_t limit);

void open_confirm(const char* id);
bool confirm_dialog(AppState& state, const char* id, const std::string& text, const char* confirm_label);

} // namespace learnloop::client::ui
