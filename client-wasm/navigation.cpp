// The screen in the page's address (see navigation.hpp): [SECTION] opening an
// address, [SECTION] following the address, [SECTION] writing the address.
#include "navigation.hpp"

#include "app.hpp"
#include "marketplace/visit_screen.hpp"
#include "platform/location.hpp"

namespace learnloop::client {

namespace {

// A tab an address asked for is selected by its tab bar in the next frame or
// two; if it never is (the user clicked another meanwhile, or the account
// lost it), the address follows the tab drawn instead.
constexpr int k_open_tab_frames = 10;

const char* const k_title_suffix = " \xE2\x80\x94 Learnloop";   // " — Learnloop"

bool signed_in(const AppState& state)
{
    return state.session.signed_in && state.screen == AppState::Screen::Portal;
}

// [SECTION] opening an address ---------------------------------------------------

// Shows what `route` names (nothing: not a route). Signed out, a portal's
// screen waits for the sign-in; signed in, one this account cannot see is
// explained instead of shown.
void open(AppState& state, const std::optional<ui::Route>& route)
{
    auto& navigation = state.navigation;
    navigation.problem.clear();
    // What the app shows for an address takes its place in the history: its
    // canonical spelling, or where it led.
    navigation.replace = true;
    if (!route) {
        if (signed_in(state))
            navigation.problem = k_no_such_page;
        else if (state.screen != AppState::Screen::SignUp)
            state.screen = AppState::Screen::SignIn;
        return;
    }
    const auto& page = route->page;
    // A marketplace's catalog for visitors: open to anyone; signed in, one's
    // own portal has it.
    if (page == "visit") {
        if (signed_in(state))
            go_home(state);
        else if (route->tab.empty() || !route->detail.empty())
            state.screen = AppState::Screen::SignIn;
        else
            open_visit(state, route->tab, route->id);
        return;
    }
    if (page.empty() || page == "signin" || page == "signup") {
        if (signed_in(state)) {
            go_home(state);
        } else if (page == "signup") {
            if (state.screen != AppState::Screen::SignUp) {
                state.sign_up = {};
                state.screen = AppState::Screen::SignUp;
            }
        } else {
            state.screen = AppState::Screen::SignIn;
            navigation.after_sign_in = route->next;
        }
        return;
    }
    if (!signed_in(state)) {
        state.screen = AppState::Screen::SignIn;
        navigation.after_sign_in = ui::route_path(*route);
        return;
    }
    navigation.problem = portal_open(state, *route);
}

} // namespace

void go_home(AppState& state)
{
    state.navigation.problem.clear();
    // Leaving a page that could not be shown (or sign-in) leaves no entry for it.
    state.navigation.replace = true;
    // An empty route is the portal's first tab; it always opens.
    (void)portal_open(state, ui::Route {});
}

void follow_link(AppState& state, const std::string& address)
{
    open(state, ui::parse_route(address));
    // The user's own step: open() replaces an entry only for what the app
    // decided; this one is a new entry, like a tab chosen by hand.
    state.navigation.replace = false;
}

void replace_location(AppState& state)
{
    state.navigation.replace_item = true;
}

// [SECTION] following the address ---------------------------------------------------

void follow_location(AppState& state)
{
    auto& navigation = state.navigation;
    navigation.drawn_tab = nullptr;
    bool changed = location_take_change();
    if (state.session.generation != navigation.generation) {
        const bool first = navigation.generation < 0;
        navigation.generation = state.session.generation;
        navigation.problem.clear();
        navigation.open_tab.clear();
        if (state.session.signed_in) {
            // Just signed in: the screen a link asked for, if this account
            // may see it, else its home, without an error page. A session
            // restored by a reload opens the address the page has.
            if (!navigation.after_sign_in.empty() || !first) {
                auto route = ui::parse_route(navigation.after_sign_in);
                navigation.after_sign_in.clear();
                navigation.replace = true;
                if (!route || route->page.empty() || !portal_open(state, *route).empty())
                    go_home(state);
                return;
            }
            changed = true;
        } else if (!first) {
            // Signed out. When the server ended the session, signing in again
            // returns to the screen the user was on.
            auto shown = ui::parse_route(navigation.shown);
            bool expired = !state.notice.empty() && shown && !shown->page.empty() && shown->page != "signin"
                && shown->page != "signup";
            navigation.after_sign_in = expired ? ui::route_path(*shown) : "";
            navigation.replace = true;
            return;
        }
    }
    if (!changed)
        return;
    navigation.shown = location_fragment();
    open(state, ui::parse_route(navigation.shown));
}

// [SECTION] writing the address -------------------------------------------------------

void update_location(AppState& state)
{
    auto& navigation = state.navigation;
    // A sign-in or sign-out during this frame is followed first (next frame).
    if (state.session.generation != navigation.generation)
        return;
    if (!navigation.open_tab.empty() && navigation.open_tab_frames >= 0
        && ++navigation.open_tab_frames > k_open_tab_frames)
        navigation.open_tab.clear();
    std::optional<ui::Route> route;
    std::string title;
    switch (state.screen) {
    case AppState::Screen::SignIn:
        route = ui::Route { "signin", {}, 0, {}, 0, navigation.after_sign_in };
        title = "Sign in";
        break;
    case AppState::Screen::SignUp:
        route = ui::Route { "signup", {}, 0, {}, 0, {} };
        title = "Create an account";
        break;
    case AppState::Screen::Visit:
        route = visit_route(state);
        title = visit_title(state);
        break;
    case AppState::Screen::Portal:
        if (!navigation.problem.empty()) {
            title = "Page not available";   // the address stays as it was typed
        } else if (navigation.open_tab.empty()) {
            if (auto place = portal_place(state)) {
                route = place->route;
                title = place->title;
            }
        }
        break;
    }
    if (!title.empty() && title != navigation.title) {
        navigation.title = title;
        set_page_title(title + k_title_suffix);
    }
    if (!route)
        return;
    auto fragment = ui::format_route(*route);
    if (fragment != navigation.shown) {
        // An item chosen for the user replaces only an entry of its own tab
        // (a tab opened with its first class chosen is one new entry).
        bool replace = navigation.replace;
        if (!replace && navigation.replace_item) {
            auto shown = ui::parse_route(navigation.shown);
            replace = shown && shown->page == route->page && shown->tab == route->tab;
        }
        if (replace)
            location_replace(fragment);
        else
            location_push(fragment);
        navigation.shown = fragment;
    }
    navigation.replace = false;
    navigation.replace_item = false;
}

} // namespace learnloop::client
