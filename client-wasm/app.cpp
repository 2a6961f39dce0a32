// The app frame: [SECTION] sign-in, [SECTION] top bar and portal dispatch,
// [SECTION] status line, [SECTION] app, [SECTION] test hook.
#include "app.hpp"

#include "net/api.hpp"
#include "platform/http_client.hpp"
#include "identity/roles.hpp"
#include "platform/storage.hpp"
#include "ui/ui.hpp"
#include "core/validation.hpp"
#include "identity/user_fields.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>

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

// [SECTION] sign-in --------------------------------------------------------

void start_sign_in(AppState& state)
{
    auto& form = state.sign_in;
    form.phase = Phase::Loading;
    form.message.clear();
    api_post_anonymous(state, "/api/login", { { "email", trim(form.email) }, { "password", form.password } },
        [](AppState& state, const ApiAnswer& answer) {
        auto& form = state.sign_in;
        if (answer.status == 200 && answer.body.is_object() && answer.body.value("token", "") != "") {
            const auto& body = answer.body;
            begin_session(state, body.value("token", ""), body.value("name", ""), body.value("role", ""),
                body.value("user_id", std::int64_t(0)), state.wall_clock);
            std::memset(form.password, 0, sizeof form.password);
            form.phase = Phase::Done;
            form.submit_attempted = false;
            return;
        }
        form.phase = Phase::Failed;
        form.message = answer.error_text();
    });
}

// The centred column of the sign-in and sign-up screens: starts it with a
// large title at `top` (a share of the window height) and returns its width.
// End it with end_card().
float begin_card(AppState& state, float top, const char* title, float title_scale)
{
    const float scale = state.ui_scale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float card_width = std::min(420.0f * scale, display.x - 32.0f * scale);
    ImGui::SetCursorPos(ImVec2((display.x - card_width) * 0.5f, std::max(24.0f * scale, display.y * top)));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(card_width);
    ImGui::SetWindowFontScale(title_scale);
    ImGui::TextUnformatted(title);
    ImGui::SetWindowFontScale(1.0f);
    return card_width;
}

void end_card()
{
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

void draw_sign_in(AppState& state)
{
    auto& form = state.sign_in;
    const float scale = state.ui_scale;
    const float card_width = begin_card(state, 0.18f, "Learnloop", 1.6f);
    ImGui::TextColored(ui::k_muted, "Sign in to your school");
    if (!state.notice.empty())
        ImGui::TextColored(ui::k_warning, "! %s", state.notice.c_str());
    ImGui::Dummy(ImVec2(0, 8 * scale));

    form.errors = validate_sign_in(form.email, form.password);

    ImGui::TextUnformatted("Email");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    if (ImGui::InputTextWithHint("##email", "name@school.org", form.email, sizeof form.email))
        form.email_edited = true;
    ui::remember(state, "email");
    // Email feedback appears once the user leaves a field they have typed in
    // (or while typing, once the address has its '@'), never for an untouched
    // empty field; after a submit attempt every problem shows.
    bool email_visible = form.submit_attempted
        || (form.email_edited && form.email[0] && (!ImGui::IsItemActive() || std::strchr(form.email, '@')));
    form.shown_errors.clear();
    for (const auto& error : form.errors) {
        if (error.field == "email" ? email_visible : form.submit_attempted)
            form.shown_errors.push_back(error);
    }
    ui::field_errors(form.shown_errors, "email");

    ImGui::Dummy(ImVec2(0, 4 * scale));
    ImGui::TextUnformatted("Password");
    bool submit = ImGui::InputText("##password", form.password, sizeof form.password,
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ui::remember(state, "password");
    ui::field_errors(form.shown_errors, "password");

    ImGui::Dummy(ImVec2(0, 8 * scale));
    ImGui::BeginDisabled(form.phase == Phase::Loading);
    submit |= ui::button(state, form.phase == Phase::Loading ? "Signing in\xE2\x80\xA6###sign_in" : "Sign in###sign_in",
        "sign_in", ImVec2(card_width, 0));
    ImGui::EndDisabled();
    if (submit && form.phase != Phase::Loading) {
        form.submit_attempted = true;
        if (form.errors.empty())
            start_sign_in(state);
    }
    if (form.phase == Phase::Failed && !form.message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ImGui::TextColored(ui::k_error, "\xE2\x9C\x97 %s", form.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, 8 * scale));
    ImGui::TextColored(ui::k_muted, "New here?");
    ImGui::SameLine();
    if (ui::button(state, "Create an account", "to_sign_up")) {
        state.sign_up = {};
        state.screen = AppState::Screen::SignUp;
    }
    end_card();
}

void start_sign_up(AppState& state)
{
    auto& form = state.sign_up;
    form.phase = Phase::Loading;
    form.message.clear();
    Json body = { { "name", form.name }, { "email", trim(form.email) }, { "password", form.password },
        { "role", form.role == 0 ? "teacher" : "student" } };
    api_post_anonymous(state, "/api/signup", body, [](AppState& state, const ApiAnswer& answer) {
        auto& form = state.sign_up;
        if (answer.status == 201) {
            // Back to sign-in with the address filled in.
            auto email = std::string(trim(form.email));
            state.sign_in = {};
            std::snprintf(state.sign_in.email, sizeof state.sign_in.email, "%s", email.c_str());
            state.notice = "Your account is ready. Sign in with your new password.";
            state.sign_up = {};
            state.screen = AppState::Screen::SignIn;
            return;
        }
        form.phase = Phase::Failed;
        form.message = answer.error_text();
    });
}

void draw_sign_up(AppState& state)
{
    auto& form = state.sign_up;
    const float card_width = begin_card(state, 0.12f, "Create your Learnloop account", 1.4f);

    // The server applies the same rules; these give feedback as you type.
    std::vector<Error> errors;
    if (auto r = validate_display_name(form.name); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_email(form.email); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_new_password(form.password, form.email); !r.ok())
        errors.push_back(r.error());

    ImGui::TextUnformatted("Full name");
    ImGui::InputText("##signup_name", form.name, sizeof form.name);
    ui::remember(state, "signup.name");
    if (form.attempted || form.name[0])
        ui::field_errors(errors, "name");
    ImGui::TextUnformatted("Email");
    ImGui::InputTextWithHint("##signup_email", "name@school.org", form.email, sizeof form.email);
    ui::remember(state, "signup.email");
    if (form.attempted || (form.email[0] && !ImGui::IsItemActive()))
        ui::field_errors(errors, "email");
    ImGui::TextUnformatted("Password (at least 10 characters)");
    ImGui::InputText("##signup_password", form.password, sizeof form.password, ImGuiInputTextFlags_Password);
    ui::remember(state, "signup.password");
    if (form.attempted || form.password[0])
        ui::field_errors(errors, "password");
    ImGui::TextUnformatted("I am a");
    ImGui::SameLine();
    ImGui::RadioButton("teacher", &form.role, 0);
    ui::remember(state, "signup.teacher");
    ImGui::SameLine();
    ImGui::RadioButton("student", &form.role, 1);
    ui::remember(state, "signup.student");

    ImGui::BeginDisabled(form.phase == Phase::Loading);
    if (ui::button(state, form.phase == Phase::Loading ? "Creating\xE2\x80\xA6###create" : "Create account###create",
            "signup.create", ImVec2(card_width, 0))) {
        form.attempted = true;
        if (errors.empty())
            start_sign_up(state);
    }
    ImGui::EndDisabled();
    if (form.phase == Phase::Failed) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ImGui::TextColored(ui::k_error, "\xE2\x9C\x97 %s", form.message.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ui::button(state, "Back to sign in", "signup.back"))
        state.screen = AppState::Screen::SignIn;
    end_card();
}

} // namespace

// [SECTION] sessions ----------------------------------------------------------

namespace {

// A remembered session is reopened only if the app was open within this
// time: closing a tab on a shared computer and reopening it later (browsers
// restore a closed tab's sessionStorage) must not sign the next person in.
constexpr double k_session_idle_seconds = 30 * 60;

void remember_session(AppState& state, double now)
{
    const auto& s = state.session;
    state.session_remembered_at = now;
    session_remember(Json { { "token", s.token }, { "name", s.name }, { "role", s.role }, { "user_id", s.user_id },
        { "saved_at", now } }
                         .dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

void begin_session(AppState& state, const std::string& token, const std::string& name, const std::string& role,
    std::int64_t user_id, double now)
{
    state.session = { true, token, name, role, user_id, state.session.generation + 1 };
    state.teacher = {};
    state.student = {};
    state.parent = {};
    state.admin = {};
    state.notice.clear();
    state.screen = AppState::Screen::Portal;
    remember_session(state, now);
}

void keep_session_fresh(AppState& state)
{
    if (state.session.signed_in && state.wall_clock - state.session_remembered_at > 60)
        remember_session(state, state.wall_clock);
}

void end_session(AppState& state)
{
    state.session = { false, {}, {}, {}, 0, state.session.generation + 1 };
    state.screen = AppState::Screen::SignIn;
    session_forget();
}

void restore_session(AppState& state, double now)
{
    auto stored = parse_json(session_recall());
    if (!stored.ok() || !stored.value().is_object())
        return;
    const auto& s = stored.value();
    auto token = json_string_field(s, "token").value_or("");
    auto role = json_string_field(s, "role").value_or("");
    bool fresh = s.contains("saved_at") && s["saved_at"].is_number()
        && now - s["saved_at"].get<double>() < k_session_idle_seconds;
    bool has_user = s.contains("user_id") && s["user_id"].is_number_integer();
    if (token.size() != 64 || !parse_role(role).ok() || !fresh || !has_user) {
        session_forget();
        return;
    }
    begin_session(state, token, json_string_field(s, "name").value_or(""), role, s["user_id"].get<std::int64_t>(), now);
}

namespace {

// [SECTION] top bar and portal dispatch -----------------------------------

void sign_out(AppState& state)
{
    // Revoke the token on the server; the local session ends at once either way.
    if (!state.session.token.empty()) {
        HttpRequest request { "POST", "/api/logout", {}, { { "Authorization", "Bearer " + state.session.token } } };
        http_send(request, [&state, request](HttpResponse response) {
            state.last_network = { request.method, request.url, response.status };
        });
    }
    if (state.session.role == "student")
        practice_sign_out(state);
    end_session(state);
    state.sign_in = {};
}

void draw_portal(AppState& state)
{
    const auto& role = state.session.role;
    const char* portal = role == "teacher" ? "Teacher" : role == "student" ? "Student" : role == "parent" ? "Parent"
        : role == "admin"                  ? "Administration"
        : role == "moderator"              ? "Moderation"
                                           : "Learnloop";
    ImGui::TextUnformatted(portal);
    ImGui::SameLine();
    ImGui::TextColored(ui::k_muted, "\xC2\xB7 %s", state.session.name.c_str());
    if (state.requests_in_flight > 0) {
        ImGui::SameLine();
        ImGui::TextColored(ui::k_muted, "\xE2\x80\xA6 working");
    }
    float button_width = ImGui::CalcTextSize("Sign out").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width);
    if (ui::button(state, "Sign out", "sign_out")) {
        sign_out(state);
        return;
    }
    ImGui::Separator();
    if (role == "teacher")
        draw_teacher_portal(state);
    else if (role == "student")
        draw_student_portal(state);
    else if (role == "parent")
        draw_parent_portal(state);
    else if (role == "admin" || role == "moderator")
        draw_admin_portal(state);
    else
        ImGui::TextWrapped("The %s portal is not available yet. Please use the administration portal or ask your "
                           "school administrator.",
            role.c_str());
}

// [SECTION] status line ----------------------------------------------------

void draw_status_line(AppState& state, double now)
{
    const auto& health = state.health;
    ImGui::Separator();
    if (health.phase == Phase::Loading && health.checked_at < 0) {
        ImGui::TextColored(ui::k_muted, "\xE2\x80\xA6 Checking the server");
    } else if (health.server_ok) {
        ImGui::TextColored(ui::k_ok, "\xE2\x97\x8F Server OK");
        ImGui::SameLine();
        ImGui::TextColored(ui::k_muted, "%s \xC2\xB7 Learnloop %s", health.response.database_version.c_str(),
            health.response.version.c_str());
    } else if (health.phase != Phase::Idle) {
        ImGui::TextColored(ui::k_error, "\xE2\x96\xB2 Server unavailable");
        ImGui::SameLine();
        ImGui::TextColored(ui::k_muted, "%s", health.error.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(health.phase == Phase::Loading);
        if (ImGui::SmallButton("Retry"))
            start_health_check(state, now);
        ImGui::EndDisabled();
    }
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
    state.now = now;
    state.wall_clock = wall_clock;
    keep_session_fresh(state);
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

    const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::BeginChild("screen", ImVec2(0, -status_height), false);
    switch (state.screen) {
    case AppState::Screen::SignIn: draw_sign_in(state); break;
    case AppState::Screen::SignUp: draw_sign_up(state); break;
    case AppState::Screen::Portal: draw_portal(state); break;
    }
    ImGui::EndChild();
    draw_status_line(state, now);
    ImGui::End();
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
    Json portal = nullptr;
    if (state.screen == AppState::Screen::Portal) {
        const auto& role = state.session.role;
        portal = role == "teacher" ? teacher_summary(state)
            : role == "student"    ? student_summary(state)
            : role == "parent"     ? parent_summary(state)
            : role == "admin" || role == "moderator" ? admin_summary(state)
                                   : Json(nullptr);
    }
    return {
        { "layout", layout },
        { "screen", state.screen == AppState::Screen::SignIn ? "sign_in"
                : state.screen == AppState::Screen::SignUp     ? "sign_up"
                                                               : "portal" },
        { "sign_up", { { "phase", phase_name(state.sign_up.phase) }, { "message", state.sign_up.message } } },
        { "frames", state.frame_count },
        { "font_loaded", state.font_loaded },
        { "ui_scale", state.ui_scale },
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
        { "session", { { "signed_in", state.session.signed_in }, { "name", state.session.name }, { "role", state.session.role } } },
        { "portal", portal },
        { "last_network",
            { { "method", state.last_network.method }, { "url", state.last_network.url },
                { "status", state.last_network.status } } },
    };
}

} // namespace learnloop::client
