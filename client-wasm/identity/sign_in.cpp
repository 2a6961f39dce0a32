// The sign-in screen (see sign_in.hpp).
#include "identity/sign_in.hpp"

#include "app.hpp"
#include "core/validation.hpp"
#include "identity/user_fields.hpp"
#include "marketplace/visit_screen.hpp"
#include "net/api.hpp"
#include "platform/storage.hpp"
#include "ui/route.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cctype>
#include <cstring>

namespace learnloop::client {

namespace {

void start_sign_in(AppState& state)
{
    auto& form = state.sign_in;
    form.phase = Phase::Loading;
    form.message.clear();
    // This browser's known-device token for the account, when it has one: it
    // lets the owner in while guessers elsewhere have the account locked.
    auto email = validate_email(form.email).value_or(std::string(trim(form.email)));
    Json request = { { "email", trim(form.email) }, { "password", form.password } };
    if (auto code = trim(form.tenant); !code.empty())
        request["tenant"] = std::string(code);
    if (auto device = device_token_recall(email); !device.empty())
        request["device"] = device;
    api_post_anonymous(state, "/api/login", request, [email](AppState& state, const ApiAnswer& answer) {
        auto& form = state.sign_in;
        const auto& body = answer.body;
        // The role is read once, here: the portal is chosen by the enum from now on.
        auto role = body.is_object() ? parse_role(body.value("role", "")) : parse_role("");
        if (answer.status == 200 && body.is_object() && body.value("token", "") != "" && role.ok()) {
            if (auto device = body.value("device_token", ""); !device.empty())
                device_token_remember(email, device);
            tenant_code_remember(std::string(trim(form.tenant)));
            begin_session(state,
                { body.value("token", ""), body.value("name", ""), role.value(), body.value("user_id", std::int64_t(0)),
                    body.value("tenant_name", ""), body.value("tenant_kind", "school") },
                state.wall_clock);
            std::memset(form.password, 0, sizeof form.password);
            form.phase = Phase::Done;
            form.submit_attempted = false;
            return;
        }
        form.phase = Phase::Failed;
        form.message = answer.status == 200 ? "The server sent an account this version of the app does not know."
                                            : answer.error_text();
    });
}

} // namespace

void draw_sign_in(AppState& state)
{
    auto& form = state.sign_in;
    const float scale = state.ui_scale;
    const float card_width = ui::begin_card(state, 0.18f, "Learnloop", 1.6f);
    ui::text_colored(ui::k_muted, "Sign in to your school");
    if (!state.notice.empty())
        ui::text_colored(ui::k_warning, "! %s", state.notice.c_str());
    ImGui::Dummy(ImVec2(0, 8 * scale));

    form.errors = validate_sign_in(form.email, form.password);

    ui::text_unformatted("Email");
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    if (ui::input_text_with_hint("##email", "name@school.org", form.email, sizeof form.email, 0,
            { .autocomplete = "username" }))
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
    ui::text_unformatted("Password");
    bool submit = ui::input_text("##password", form.password, sizeof form.password,
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue, { .autocomplete = "current-password" });
    ui::remember(state, "password");
    ui::field_errors(form.shown_errors, "password");

    // Most people sign in to the one school this server runs; a tutoring
    // business or another school on the same server is named by its code.
    ImGui::Dummy(ImVec2(0, 4 * scale));
    if (!form.tenant_recalled) {
        ui::copy_text(form.tenant, tenant_code_recall());
        form.tenant_recalled = true;
    }
    ui::text_unformatted("School or business code (optional)");
    submit |= ui::input_text_with_hint("##tenant", "Leave empty for your school", form.tenant, sizeof form.tenant,
        ImGuiInputTextFlags_EnterReturnsTrue, { .autocomplete = "organization" });
    ui::remember(state, "tenant");

    ImGui::Dummy(ImVec2(0, 8 * scale));
    ImGui::BeginDisabled(form.phase == Phase::Loading);
    submit |= ui::primary_button(state, form.phase == Phase::Loading ? "Signing in\xE2\x80\xA6###sign_in" : "Sign in###sign_in",
        "sign_in", ImVec2(card_width, 0));
    ImGui::EndDisabled();
    if (submit && form.phase != Phase::Loading) {
        form.submit_attempted = true;
        if (form.errors.empty())
            start_sign_in(state);
    }
    if (form.phase == Phase::Failed && !form.message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", form.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, 8 * scale));
    ui::text_colored(ui::k_muted, "New here?");
    ImGui::SameLine();
    if (ui::button(state, "Create an account", "to_sign_up")) {
        state.sign_up = {};
        state.screen = AppState::Screen::SignUp;
    }
    // A course marketplace's catalog is open to visitors: its code is the one typed above.
    ui::text_colored(ui::k_muted, "Choosing a course?");
    ImGui::SameLine();
    if (ui::button(state, "Browse courses", "to_visit")) {
        std::string code(trim(form.tenant));
        for (auto& c : code)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (code.empty())
            form.browse_message = "Type the code of the school or business whose courses you want to see, above.";
        else if (!ui::parse_route("#/visit/" + code))
            form.browse_message = "A code has only letters, digits and dashes, and starts with a letter.";
        else {
            form.browse_message.clear();
            open_visit(state, code);
        }
    }
    if (!form.browse_message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", form.browse_message.c_str());
        ImGui::PopTextWrapPos();
    }
    ui::end_card();
}

} // namespace learnloop::client
