// The screen in the page's address: every screen has a route ("#/teacher/
// classes/3", ui/route.hpp), a change of screen is a history entry, Back and
// Forward and a pasted link open the screen they name, a link opened signed
// out opens after signing in, and the page's title names the screen.
// draw_app calls follow_location before drawing and update_location after.
#pragma once

namespace learnloop::client {

struct AppState;

// Opens what the address names when it changed (Back, Forward, a link, the
// page's first frame) and what a sign-in or sign-out leads to.
void follow_location(AppState& state);
// Writes the screen drawn this frame to the address (a new history entry, or
// in place of the current one) and the page's title.
void update_location(AppState& state);
// The next change of screen is not the user's doing (a first item chosen for
// them, an item that was deleted): it replaces the history entry, so Back
// does not return to a screen that would only move on again.
void replace_location(AppState& state);
// The signed-in role's first tab, without an item.
void go_home(AppState& state);
// Opens the screen a link in the app names ("#/teacher/assignments/12/
// submissions"), as a new history entry: Back returns to the screen before.
void follow_link(AppState& state, const std::string& address);

} // namespace learnloop::client
