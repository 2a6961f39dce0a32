// The portal app's state and its per-frame drawing. Immediate mode: plain
// structs, draw_*() every frame, network results land in state.
#pragma once

#include "dto.hpp"
#include "result.hpp"

#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

enum class Phase { Idle, Loading, Done, Failed };

struct HealthState {
    Phase phase = Phase::Idle;
    bool server_ok = false;
    HealthResponse response;
    std::string error;            // why the last check failed, for the status line
    double checked_at = -1e9;     // seconds since start
};

struct SignInState {
    char email[256] = {};
    char password[256] = {};
    bool email_edited = false;    // show email feedback once the user has typed
    bool submit_attempted = false;
    std::vector<Error> errors;    // from shared-domain validate_sign_in, every frame
    std::vector<Error> shown_errors;  // the subset on screen now
    Phase phase = Phase::Idle;
    std::string message;          // the server's answer when signing in failed
};

struct Session {
    bool signed_in = false;
    std::string token;
    std::string name;
    std::string role;
    std::int64_t user_id = 0;
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

struct AppState {
    enum class Screen { SignIn, Portal };
    Screen screen = Screen::SignIn;
    HealthState health;
    SignInState sign_in;
    Session session;
    NetworkRecord last_network;
    float ui_scale = 1.0f;
    bool font_loaded = false;
    long long frame_count = 0;
    std::vector<std::pair<std::string, WidgetRect>> layout;   // rebuilt every frame
};

// Draws one frame of the whole app into the current ImGui frame. `now` is in seconds.
void draw_app(AppState& state, double now);

// Starts a health check (also called every 30 seconds by draw_app).
void start_health_check(AppState& state, double now);

// The state a browser test may read: screen, health, form errors, last
// network result. Never includes the password or the token.
[[nodiscard]] Json state_for_tests(const AppState& state);

} // namespace learnloop::client
