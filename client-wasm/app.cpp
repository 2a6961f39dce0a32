// Portal screens: [SECTION] network actions, [SECTION] widgets,
// [SECTION] sign-in screen, [SECTION] portal placeholder, [SECTION] app.
#include "app.hpp"

#include "http_client.hpp"
#include "validation.hpp"

#include <imgui.h>

#include <cstring>

namespace learnloop::client {

namespace {

constexpr double k_health_interval_seconds = 30.0;

// Status colours; every status also carries a glyph and a word, so colour is
// never the only signal.
const ImVec4 k_ok_colour { 0.11f, 0.56f, 0.24f, 1.0f };
const ImVec4 k_error_colour { 0.75f, 0.13f, 0.13f, 1.0f };
const ImVec4 k_muted_colour { 0.35f, 0.38f, 0.42f, 1.0f };

// [SECTION] network actions ------------------------------------------------

void record(AppState& state, const HttpRequest& request, int status)
{
    state.last_network = { request.method, request.url, status };
}

std::string error_details(const HttpResponse& response)
{
    if (response.network_error())
        return "The server could not be reached. Check your connection and try again.";
    auto json = parse_json(response.body);
    if (json.ok()) {
        auto body = decode_error_body(json.value());
        if (body.ok())
            return body.value().details.empty() ? body.value().error : body.value().details;
    }
    return "The server answered with status " + std::to_string(response.status) + ".";
}

void start_sign_in(AppState& state)
{
    auto& form = state.sign_in;
    form.phase = Phase::Loading;
    form.message.clear();
    HttpRequest request;
    request.method = "POST";
    request.url = "/api/login";
    request.headers = { { "Content-Type", "application/json" } };
    request.body = Json { { "email", trim(form.email) }, { "password", form.password } }.dump();
    http_send(request, [&state, request](HttpResponse response) {
        record(state, request, response.status);
        auto& form = state.sign_in;
        if (response.status == 200) {
            auto json = parse_json(response.body);
            if (json.ok() && json.value().value("token", "") != "") {
                auto& body = json.value();
                state.session = { true, body.value("token", ""), body.value("name", ""), body.value("role", ""),
                    body.value("user_id", std::int64_t(0)) };
                std::memset(form.password, 0, sizeof form.password);
                form.phase = Phase::Done;
                state.screen = AppState::Screen::Portal;
                return;
            }
        }
        form.phase = Phase::Failed;
        form.message = response.status == 404
            ? "Signing in is not available on this server yet."
            : error_details(response);
    });
}

// [SECTION] widgets --------------------------------------------------------

// Records the last item's rectangle under `name` for the test hook.
void remember_item(AppState& state, const char* name)
{
    auto min = ImGui::GetItemRectMin();
    auto max = ImGui::GetItemRectMax();
    float s = state.ui_scale;
    state.layout.emplace_back(name, WidgetRect { min.x / s, min.y / s, (max.x - min.x) / s, (max.y - min.y) / s });
}

void field_error(const std::vector<Error>& errors, const char* field, bool visible)
{
    if (!visible)
        return;
    for (const auto& error : errors) {
        if (error.field == field) {
            ImGui::PushStyleColor(ImGuiCol_Text, k_error_colour);
            ImGui::TextWrapped("\xE2\x9C\x97 %s", error.message.c_str()); // ✗
            ImGui::PopStyleColor();
            return;
        }
    }
}

void draw_status_line(AppState& state, double now)
{
    const auto& health = state.health;
    ImGui::Separator();
    if (health.phase == Phase::Loading && health.checked_at < 0) {
        ImGui::TextColored(k_muted_colour, "\xE2\x80\xA6 Checking the server");   // …
    } else if (health.server_ok) {
        ImGui::TextColored(k_ok_colour, "\xE2\x97\x8F Server OK");                 // ●
        ImGui::SameLine();
        ImGui::TextColored(k_muted_colour, "%s \xC2\xB7 Learnloop %s", health.response.database_version.c_str(),
            health.response.version.c_str());
    } else if (health.phase != Phase::Idle) {
        ImGui::TextColored(k_error_colour, "\xE2\x96\xB2 Server unavailable");     // ▲
        ImGui::SameLine();
        ImGui::TextColored(k_muted_colour, "%s", health.error.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(health.phase == Phase::Loading);
        if (ImGui::SmallButton("Retry"))
            start_health_check(state, now);
        ImGui::EndDisabled();
    }
}

// [SECTION] sign-in screen -------------------------------------------------

void draw_sign_in(AppState& state, double now)
{
    auto& form = state.sign_in;
    const float scale = state.ui_scale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float card_width = std::min(420.0f * scale, display.x - 32.0f * scale);

    ImGui::SetCursorPos(ImVec2((display.x - card_width) * 0.5f, std::max(24.0f * scale, display.y * 0.18f)));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(card_width);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted("Learnloop");
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextColored(k_muted_colour, "Sign in to your school");
    ImGui::Dummy(ImVec2(0, 8 * scale));

    form.errors = validate_sign_in(form.email, form.password);

    ImGui::TextUnformatted("Email");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    if (ImGui::InputTextWithHint("##email", "name@school.org", form.email, sizeof form.email))
        form.email_edited = true;
    remember_item(state, "email");
    // Email feedback appears once the user leaves a field they have typed in
    // (or while typing, once the address has its '@'), never for an untouched
    // empty field; after a submit attempt every problem shows.
    bool email_visible = form.submit_attempted
        || (form.email_edited && form.email[0] && (!ImGui::IsItemActive() || std::strchr(form.email, '@')));
    field_error(form.errors, "email", email_visible);

    ImGui::Dummy(ImVec2(0, 4 * scale));
    ImGui::TextUnformatted("Password");
    bool submit = ImGui::InputText("##password", form.password, sizeof form.password,
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    remember_item(state, "password");
    field_error(form.errors, "password", form.submit_attempted);
    form.shown_errors.clear();
    for (const auto& error : form.errors) {
        if (error.field == "email" ? email_visible : form.submit_attempted)
            form.shown_errors.push_back(error);
    }

    ImGui::Dummy(ImVec2(0, 8 * scale));
    ImGui::BeginDisabled(form.phase == Phase::Loading);
    submit |= ImGui::Button(form.phase == Phase::Loading ? "Signing in\xE2\x80\xA6###sign_in" : "Sign in###sign_in",
        ImVec2(card_width, 0));
    remember_item(state, "sign_in");
    ImGui::EndDisabled();
    if (submit && form.phase != Phase::Loading) {
        form.submit_attempted = true;
        if (form.errors.empty())
            start_sign_in(state);
    }
    if (form.phase == Phase::Failed && !form.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, k_error_colour);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ImGui::TextWrapped("\xE2\x9C\x97 %s", form.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    (void)now;
}

// [SECTION] portal placeholder ---------------------------------------------

void draw_portal(AppState& state)
{
    const float scale = state.ui_scale;
    ImGui::SetCursorPos(ImVec2(24 * scale, 24 * scale));
    ImGui::BeginGroup();
    ImGui::Text("Signed in as %s (%s)", state.session.name.c_str(), state.session.role.c_str());
    bool sign_out = ImGui::Button("Sign out");
    remember_item(state, "sign_out");
    if (sign_out) {
        state.session = {};
        state.sign_in = {};
        state.screen = AppState::Screen::SignIn;
    }
    ImGui::EndGroup();
}

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

} // namespace

// [SECTION] app ------------------------------------------------------------

void start_health_check(AppState& state, double now)
{
    state.health.phase = Phase::Loading;
    HttpRequest request { "GET", "/api/health", {}, {} };
    http_send(request, [&state, request, now](HttpResponse response) {
        record(state, request, response.status);
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
            health.error = response.network_error() ? "no connection" : "unexpected answer (" + std::to_string(response.status) + ")";
        }
    });
}

void draw_app(AppState& state, double now)
{
    ++state.frame_count;
    state.layout.clear();
    if (state.health.phase != Phase::Loading && now - state.health.checked_at > k_health_interval_seconds)
        start_health_check(state, now);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("Learnloop", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings
            | ImGuiWindowFlags_NoBringToFrontOnFocus);

    const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::BeginChild("screen", ImVec2(0, -status_height), false);
    switch (state.screen) {
    case AppState::Screen::SignIn: draw_sign_in(state, now); break;
    case AppState::Screen::Portal: draw_portal(state); break;
    }
    ImGui::EndChild();
    draw_status_line(state, now);
    ImGui::End();
}

Json state_for_tests(const AppState& state)
{
    Json errors = Json::array();
    for (const auto& error : state.sign_in.errors)
        errors.push_back({ { "field", error.field }, { "message", error.message } });
    Json shown_errors = Json::array();
    for (const auto& error : state.sign_in.shown_errors)
        shown_errors.push_back({ { "field", error.field }, { "message", error.message } });
    Json layout = Json::object();
    for (const auto& [name, rect] : state.layout)
        layout[name] = { { "x", rect.x }, { "y", rect.y }, { "width", rect.width }, { "height", rect.height } };
    return {
        { "layout", layout },
        { "screen", state.screen == AppState::Screen::SignIn ? "sign_in" : "portal" },
        { "frames", state.frame_count },
        { "font_loaded", state.font_loaded },
        { "ui_scale", state.ui_scale },
        { "health",
            { { "phase", phase_name(state.health.phase) }, { "ok", state.health.server_ok },
                { "database_version", state.health.response.database_version },
                { "version", state.health.response.version }, { "error", state.health.error } } },
        { "sign_in",
            { { "email", state.sign_in.email }, { "errors", errors }, { "shown_errors", shown_errors }, { "phase", phase_name(state.sign_in.phase) },
                { "message", state.sign_in.message } } },
        { "session", { { "signed_in", state.session.signed_in }, { "name", state.session.name }, { "role", state.session.role } } },
        { "last_network",
            { { "method", state.last_network.method }, { "url", state.last_network.url },
                { "status", state.last_network.status } } },
    };
}

} // namespace learnloop::client
