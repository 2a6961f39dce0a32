// The app shell: which screen is up, the session, the server's health, the
// last network result and the widget rectangles for tests. Each portal tab's
// state lives beside its drawing code in its area; the shell only holds them
// (PortalState, defined in portals.cpp with the portals' tables of tabs).
#pragma once

#include "core/dto.hpp"
#include "identity/session.hpp"
#include "identity/sign_in.hpp"
#include "identity/sign_up.hpp"
#include "net/remote.hpp"
#include "ui/route.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

struct HealthState {
    Phase phase = Phase::Idle;
    bool server_ok = false;
    HealthResponse response;
    std::string error;            // why the last check failed, for the status line
    double checked_at = -1e9;     // seconds since start
};

struct NetworkRecord {
    std::string method;
    std::string url;
    int status = -1;              // -1 before any request, 0 for a network error
};

// Where a widget was drawn in the last frame, in CSS pixels, so browser tests
// can click real widgets instead of guessing coordinates.
struct WidgetRect {
    float x = 0, y = 0, width = 0, height = 0;
};

// Every portal tab's state (portals.cpp).
struct PortalState;
// A visitor's look at a marketplace's catalog (marketplace/visit_screen.hpp).
struct VisitState;

// The screen's place in the page's address and history (navigation.cpp).
struct NavigationState {
    int generation = -1;          // the session the address was last followed for
    std::string shown;            // the fragment the address bar shows, as last written or read
    std::string title;            // the page's title, as last written
    // The next change of screen replaces the history entry instead of adding
    // one: after following an address (its canonical spelling) and for
    // changes the user did not ask for (a first child chosen for them).
    bool replace = false;
    // The same, but only while the tab stays the same: an item chosen for
    // the user as a tab opens must not replace the previous tab's entry.
    bool replace_item = false;
    std::string after_sign_in;    // a portal's path opened while signed out, shown once signed in
    std::string open_tab;         // a tab an address asked for, until its tab bar has selected it
    int open_tab_frames = -1;     // frames since its tab bar was asked to select it; -1: not yet
    const char* drawn_tab = nullptr;   // the name of the tab drawn this frame (ui/tabs.hpp)
    std::string problem;          // why the address names no screen for this user; shown instead of the tabs
};

struct AppState {
    AppState();
    ~AppState();

    enum class Screen { SignIn, SignUp, Portal, Visit };
    Screen screen = Screen::SignIn;
    HealthState health;
    SignInState sign_in;
    SignUpState sign_up;
    Session session;
    std::string notice;           // shown on the sign-in screen, e.g. after a session expired
    NetworkRecord last_network;
    int requests_in_flight = 0;
    // Allocated once and reset in place at each sign-in, so a reply that
    // holds a reference to a tab's state never outlives it.
    std::unique_ptr<PortalState> portal;
    std::unique_ptr<VisitState> visit;   // made when a visitor first browses a catalog
    NavigationState navigation;
    float ui_scale = 1.0f;
    bool compact = false;         // the phone layout (narrower than ui::k_compact_width CSS pixels)
    bool font_loaded = false;
    long long frame_count = 0;
    double wall_clock = 0;        // seconds since the epoch, this frame
    double session_remembered_at = 0;   // when the tab's stored session was last refreshed
    // The school's clock: its IANA zone (from GET /api/user) and the time
    // there now, "YYYY-MM-DDTHH:MM:SS", refreshed by the portal while it is up.
    std::string time_zone;
    std::string local_now;
    double local_now_at = -1e9;         // wall clock of the last refresh
    std::vector<std::pair<std::string, WidgetRect>> layout;   // rebuilt every frame
};

// Draws one frame of the whole app into the current ImGui frame. `now` is
// seconds since start; `wall_clock` seconds since the epoch.
void draw_app(AppState& state, double now, double wall_clock);

// Starts a health check (also called every 30 seconds by draw_app).
void start_health_check(AppState& state, double now);

// The state a browser test may read: screen, health, form errors, portal
// summaries, widget rectangles and the last network result. Never includes a
// password or the token.
[[nodiscard]] Json state_for_tests(const AppState& state);

// [SECTION] portals: the signed-in role's portal, from the tables in portals.cpp

// The portal's title for the top bar ("Teacher", "Administration", ...).
[[nodiscard]] const char* portal_title(const AppState& state);
// The signed-in role's tabs.
void draw_portal_tabs(AppState& state);
// Every tab's state afresh (at each sign-in).
void reset_portal(AppState& state);
// What the portal's tabs show, for the test hook.
[[nodiscard]] Json portal_summary(const AppState& state);
// What the signed-in role's portal forgets on this device at sign-out.
void portal_sign_out(AppState& state);
// A value loaded from the browser's storage (storage.hpp store_load).
void portal_store_loaded(AppState& state, const std::string& key, const std::string& json);

// [SECTION] routes: the portals' screens in the page's address (navigation.cpp)

// Where the signed-in role's portal is: the route of the tab drawn this frame
// and the page's title for it ("Persuasive letter — Assignments"); nothing
// before a tab has been drawn.
struct PortalPlace {
    ui::Route route;
    std::string title;
};
[[nodiscard]] std::optional<PortalPlace> portal_place(const AppState& state);
// What an address that names no screen is told.
inline constexpr const char* k_no_such_page
    = "There is no page at this address. The link may be mistyped or out of date.";
// Opens the screen `route` names in the signed-in role's portal (an empty
// tab: its first). Returns why it cannot, in words for people (another
// portal's page, a tab this account may not open, no such page), or an empty
// string once it is open. Nothing changes when it cannot.
[[nodiscard]] std::string portal_open(AppState& state, const ui::Route& route);

} // namespace learnloop::client
