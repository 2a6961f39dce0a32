// The app frame: [SECTION] top bar, [SECTION] status line, [SECTION] app,
// [SECTION] test hook. The screens themselves live in their areas.
#include "app.hpp"

#include "marketplace/visit_screen.hpp"
#include "navigation.hpp"
#include "platform/http_client.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

constexpr double k_health_interval_seconds = 30.0;
constexpr double k_health_retry_seconds = 5.0;   // while the server is unavailable

const char* phase_name(Phase phase)
{
    switch (phase) {
    case Phase::Idle: return "idle";
    case Phase::Loading: return "loading";
    case Phase::Done: return "done";
    case Phase::Failed: return "failed";
    }
    return "idle";
}

// [SECTION] top bar ----------------------------------------------------------

void draw_portal(AppState& state)
{
    ImGui::AlignTextToFramePadding();   // the title on the line of the Sign out button
    ui::heading(portal_title(state), 1);
    ImGui::SameLine();
    ui::text_colored(ui::k_muted, "\xC2\xB7 %s", state.session.name.c_str());
    if (state.session.tenant_kind == TenantKind::Tutoring && !state.session.tenant_name.empty()) {
        ImGui::SameLine();
        ui::text_colored(ui::k_muted, "\xC2\xB7 %s", state.session.tenant_name.c_str());
    }
    if (state.requests_in_flight > 0) {
        ImGui::SameLine();
        ui::text_colored(ui::k_muted, "\xE2\x80\xA6 working");
    }
    constexpr const char* sign_out_label = ICON_SIGN_OUT " Sign out";
    float button_width = ImGui::CalcTextSize(sign_out_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width);
    if (ui::button(state, sign_out_label, "sign_out")) {
        sign_out(state);
        return;
    }
    ImGui::Separator();
    draw_portal_tabs(state);
}

// [SECTION] status line ----------------------------------------------------

// The server is named only when something is wrong: a healthy server needs
// no words, and the first check (at start-up) is not news either.
bool status_line_shown(const AppState& state)
{
    const auto& health = state.health;
    return !health.server_ok && health.phase != Phase::Idle && !(health.phase == Phase::Loading && health.checked_at < 0);
}

void draw_status_line(AppState& state, double now)
{
    const auto& health = state.health;
    ImGui::Separator();
    ui::alert_text(ui::k_error, "\xE2\x96\xB2 %s", health.error == "the database is unreachable"
            ? "Learnloop is having trouble on the server. Your work on this page is kept; try again in a minute."
            : "Can\xE2\x80\x99t reach Learnloop. Check your connection; what you have typed is kept.");
    ImGui::SameLine();
    ImGui::BeginDisabled(health.phase == Phase::Loading);
    if (ui::small_button(health.phase == Phase::Loading ? "Trying\xE2\x80\xA6" : "Try again"))
        start_health_check(state, now);
    ImGui::EndDisabled();
}

} // namespace

// [SECTION] app ------------------------------------------------------------

void start_health_check(AppState& state, double now)
{
    state.health.phase = Phase::Loading;
    HttpRequest request { "GET", "/api/health", {}, {} };
    http_send(request, [&state, request, now](HttpResponse response) {
        state.last_network = { request.method, request.url, response.status };
        auto& health = state.health;
        health.checked_at = now;
        auto json = parse_json(response.body);
        auto decoded = json.ok() ? decode_health_response(json.value()) : Result<HealthResponse>(json.error());
        if (decoded.ok()) {
            health.response = decoded.value();
            health.server_ok = response.status == 200 && decoded.value().status == HealthResponse::Status::Ok;
            health.phase = Phase::Done;
            health.error = health.server_ok ? "" : "the database is unreachable";
        } else {
            health.server_ok = false;
            health.phase = Phase::Failed;
            health.error = response.network_error() ? "no connection"
                                                    : "unexpected answer (" + std::to_string(response.status) + ")";
        }
    });
}

void draw_app(AppState& state, double now, double wall_clock)
{
    ++state.frame_count;
    state.wall_clock = wall_clock;
    keep_session_fresh(state);
    follow_location(state);
    state.layout.clear();
    auto health_interval = state.health.server_ok ? k_health_interval_seconds : k_health_retry_seconds;
    if (state.health.phase != Phase::Loading && now - state.health.checked_at > health_interval)
        start_health_check(state, now);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("Learnloop", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings
            | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ui::begin_layout(state);

    const bool status_shown = status_line_shown(state);
    const float status_height = status_shown ? ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2 : 0;
    ImGui::BeginChild("screen", ImVec2(0, -status_height), false);
    switch (state.screen) {
    case AppState::Screen::SignIn: draw_sign_in(state); break;
    case AppState::Screen::SignUp: draw_sign_up(state); break;
    case AppState::Screen::Portal: draw_portal(state); break;
    case AppState::Screen::Visit: draw_visit(state); break;
    }
    ImGui::EndChild();
    if (status_shown)
        draw_status_line(state, now);
    ui::end_layout();
    ImGui::End();
    update_location(state);
}

// [SECTION] test hook ------------------------------------------------------

Json state_for_tests(const AppState& state)
{
    auto errors_json = [](const std::vector<Error>& errors) {
        Json list = Json::array();
        for (const auto& error : errors)
            list.push_back({ { "field", error.field }, { "message", error.message } });
        return list;
    };
    Json layout = Json::object();
    for (const auto& [name, rect] : state.layout)
        layout[name] = { { "x", rect.x }, { "y", rect.y }, { "width", rect.width }, { "height", rect.height } };
    const bool in_portal = state.screen == AppState::Screen::Portal && state.session.signed_in;
    return {
        { "layout", layout },
        { "screen", state.screen == AppState::Screen::SignIn ? "sign_in"
                : state.screen == AppState::Screen::SignUp     ? "sign_up"
                : state.screen == AppState::Screen::Visit      ? "visit"
                                                               : "portal" },
        { "visit", state.screen == AppState::Screen::Visit ? visit_summary(state) : Json(nullptr) },
        { "sign_up",
            { { "phase", phase_name(state.sign_up.phase) }, { "message", state.sign_up.message },
                { "errors", errors_json(state.sign_up.errors) } } },
        { "frames", state.frame_count },
        { "font_loaded", state.font_loaded },
        { "ui_scale", state.ui_scale },
        { "compact", state.compact },
        { "requests_in_flight", state.requests_in_flight },
        { "notice", state.notice },
        { "health",
            { { "phase", phase_name(state.health.phase) }, { "ok", state.health.server_ok },
                { "database_version", state.health.response.database_version },
                { "version", state.health.response.version }, { "error", state.health.error } } },
        { "sign_in",
            { { "email", state.sign_in.email }, { "errors", errors_json(state.sign_in.errors) },
                { "shown_errors", errors_json(state.sign_in.shown_errors) }, { "phase", phase_name(state.sign_in.phase) },
                { "message", state.sign_in.message } } },
        { "session",
            { { "signed_in", state.session.signed_in }, { "name", state.session.name },
                { "role", state.session.signed_in ? std::string(role_name(state.session.role)) : std::string() },
                { "approval", approval_name(state.session.approval) } } },
        { "portal", in_portal ? portal_summary(state) : Json(nullptr) },
        { "route",
            { { "shown", state.navigation.shown }, { "title", state.navigation.title },
                { "problem", state.navigation.problem }, { "after_sign_in", state.navigation.after_sign_in } } },
        { "last_network",
            { { "method", state.last_network.method }, { "url", state.last_network.url },
                { "status", state.last_network.status } } },
    };
}

} // namespace learnloop::client
