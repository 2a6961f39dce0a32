// The page's address and history, behind one header so the rest of the client
// never calls Emscripten (implemented in location_web.cpp). The app keeps its
// screen in the URL's fragment ("#/teacher/assignments", ui/route.hpp).
#pragma once

#include <string>

namespace learnloop::client {

// The URL's fragment as the browser has it now, with its '#' ("" when none).
[[nodiscard]] std::string location_fragment();
// Whether the fragment changed since the last call other than through
// location_push / location_replace: Back, Forward, a link typed or pasted
// into the address bar. True on the first call, so the address the page
// was opened at is read once.
[[nodiscard]] bool location_take_change();
// Shows `fragment` in the address bar as a new history entry (Back returns
// to the one before), or in place of the current one.
void location_push(const std::string& fragment);
void location_replace(const std::string& fragment);
// The page's title: the tab's, the history menu's and a bookmark's name.
void set_page_title(const std::string& title);
// Opens an https address (a lesson's video) or a path of this site (a
// certificate's public page) in a new browser tab; any other address is
// ignored.
void open_in_new_tab(const std::string& address);
// Leaves the app for another page of this site, in this tab (a payment
// provider's checkout, which sends the person back when done); anything but
// a path starting with one "/" is ignored.
void leave_for(const std::string& path);

} // namespace learnloop::client
