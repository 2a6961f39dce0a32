// A screen's address in the page's URL: "#/teacher/assignments/12/submissions"
// parsed into plain values and written back, with nothing of the browser in
// it (tests/client/test_route.cpp runs it natively and in WASM).
//
// The grammar (docs/routes.md lists every screen's address):
//
//     route   = "#/" page [ "/" tab [ "/" id [ "/" detail [ "/" id ] ] ] ] [ "?next=" path ]
//     page    = "signin" | "signup" | a portal: "teacher", "student", "parent", "admin"
//     tab     = a portal's tab: "assignments", "classes", "mastery", ...
//     id      = a positive decimal number without leading zeros
//     detail  = a part of that item: "submissions", "students"
//     path    = a portal's route without "#" and without its own "?next=", e.g.
//               "/teacher/assignments/12/submissions" (on the sign-in page only)
//
// Example:
//
//     auto route = parse_route("#/teacher/mastery/3/students/7");
//     // route->page == "teacher", tab == "mastery", id == 3, detail == "students", detail_id == 7
//     format_route(*route) == "#/teacher/mastery/3/students/7"
//
// Names are read without regard to ASCII case and a trailing slash is
// ignored, so a hand-typed link works; format_route always writes the one
// canonical spelling. Whether a route names a screen that exists, and whether
// the signed-in user may see it, is for the portals to decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace learnloop::client::ui {

struct Route {
    std::string page;             // empty: the home of whoever is signed in (or sign-in)
    std::string tab;              // empty: the portal's first tab
    std::int64_t id = 0;          // the item the tab shows (an assignment, a class, a child); 0: none
    std::string detail;           // a part of that item ("submissions"); only with an id
    std::int64_t detail_id = 0;   // the item within that part (a student of the class); 0: none
    std::string next;             // sign-in only: where to go after signing in, as a path ("/teacher/classes")

    bool operator==(const Route&) const = default;
};

// What a portal's tab shows, for its address and the page's title: the item
// (0: none), a part of it and that part's item, and the item's name for
// people ("Persuasive letter"; empty when unknown).
struct TabPlace {
    std::int64_t id = 0;
    std::string detail;
    std::int64_t detail_id = 0;
    std::string name;
};

// The route of a URL's fragment ("#/teacher/classes/3", also without the
// "#"). "", "#" and "#/" are the home route (an empty page). Returns nothing
// for what is not a route: an unknown character, an id that is not a
// positive number, too many parts, a tab after "signin". A "?next=" that is
// not a portal's path (it may be percent-encoded) is left out, and so are
// other parameters: the sign-in page still opens.
[[nodiscard]] std::optional<Route> parse_route(std::string_view fragment);

// The canonical fragment of `route`, "#/..." ("#/" for the home route). Parts
// after an empty one are left out (a detail needs an id, an id needs a tab).
[[nodiscard]] std::string format_route(const Route& route);

// The path part of a route's fragment, without the "#" and any "?next="
// ("/teacher/classes/3"): what a sign-in link carries in its "next".
[[nodiscard]] std::string route_path(const Route& route);

} // namespace learnloop::client::ui
