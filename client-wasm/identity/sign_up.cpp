// The sign-up screen (see sign_up.hpp).
#include "identity/sign_up.hpp"

#include "app.hpp"
#include "identity/new_user.hpp"
#include "net/api.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <array>
#include <optional>

namespace learnloop::client {

namespace {

// The roles a visitor may give themselves (may_sign_up_as), in radio-button order.
constexpr std::array<Role, 2> k_sign_up_roles = { Role::Teacher, Role::Student };

// The form's fields as the shared new-user rules read them.
NewUserInput input_of(const SignUpState& form)
{
    return { form.email, form.name, form.password, std::string(role_name(k_sign_up_roles[form.role])), std::nullopt };
}

// Asks the server who may sign up to the school, once per visit to the screen.
void load_policy(AppState& state)
{
    state.sign_up.policy_phase = Phase::Loading;
    api_get_anonymous(state, "/api/signup-policy", [](AppState& state, const ApiAnswer& answer) {
        auto& form = state.sign_up;
        auto policy = answer.ok() && answer.body.is_object()
            ? parse_signup_policy(answer.body.value("policy", ""))
            : Result<SignupPolicy>(make_error(ErrorCode::Unavailable, "no policy"));
        if (!policy.ok()) {
            form.policy_phase = Phase::Failed;   // the form stays as for an open school
            return;
        }
        form.policy = policy.value();
        form.policy_phase = Phase::Done;
        if (form.policy == SignupPolicy::StudentsOnly)
            form.role = 1;   // the only choice left
    });
}

bool offers(const SignUpState& form, Role role)
{
    for (auto offered : signup_roles(form.policy))
        if (offered == role)
            return true;
    return false;
}

// Sends the account the shared rules accepted (email normalised, name trimmed).
void start_sign_up(AppState& state, const ValidNewUser& user)
{
    auto& form = state.sign_up;
    form.phase = Phase::Loading;
    form.message.clear();
    Json body = { { "name", user.name }, { "email", user.email }, { "password", user.password },
        { "role", role_name(user.role) } };
    api_post_anonymous(state, "/api/signup", body, [email = user.email](AppState& state, const ApiAnswer& answer) {
        auto& form = state.sign_up;
        if (answer.status == 201) {
            // Back to sign-in with the address filled in.
            state.sign_in = {};
            ui::copy_text(state.sign_in.email, email);
            bool waits = answer.body.is_object() && answer.body.value("approval", "") == approval_name(Approval::Pending);
            state.notice = waits ? "Your account is ready. Sign in to set and mark work; your school will approve it "
                                   "before you can see your students."
                                 : "Your account is ready. Sign in with your new password.";
            state.sign_up = {};
            state.screen = AppState::Screen::SignIn;
            return;
        }
        form.phase = Phase::Failed;
        form.message = answer.error_text();
    });
}

} // namespace

void draw_sign_up(AppState& state)
{
    auto& form = state.sign_up;
    if (form.policy_phase == Phase::Idle)
        load_policy(state);
    const float card_width = ui::begin_card(state, 0.12f, "Create your Learnloop account", 1.4f);

    // A school that makes every account itself: say so, and offer no form.
    if (form.policy == SignupPolicy::Nobody) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ui::text_unformatted(std::string(signup_notice(form.policy)).c_str());
        ImGui::PopTextWrapPos();
        ui::remember(state, "signup.closed");
        if (ui::button(state, "Back to sign in", "signup.back"))
            state.screen = AppState::Screen::SignIn;
        ui::end_card();
        return;
    }

    // The server applies the same rules; these give feedback as you type.
    auto errors = new_user_errors(input_of(form), NewUserRoles::SignUp);
    form.errors = errors;

    ui::text_unformatted("Full name");
    ui::input_text("##signup_name", form.name, sizeof form.name);
    ui::remember(state, "signup.name");
    if (form.attempted || form.name[0])
        ui::field_errors(errors, "name");
    ui::text_unformatted("Email");
    ui::input_text_with_hint("##signup_email", "name@school.org", form.email, sizeof form.email);
    ui::remember(state, "signup.email");
    if (form.attempted || (form.email[0] && !ImGui::IsItemActive()))
        ui::field_errors(errors, "email");
    // The field is named by the short label above it; the advice follows it.
    ui::text_unformatted("Password");
    ui::input_text("##signup_password", form.password, sizeof form.password, ImGuiInputTextFlags_Password);
    ui::remember(state, "signup.password");
    ui::text_colored(ui::k_muted, "At least 8 characters; a few unrelated words work well.");
    if (form.attempted || form.password[0])
        ui::field_errors(errors, "password");
    if (offers(form, Role::Teacher)) {
        ui::text_unformatted("I am a");
        ImGui::SameLine();
        ui::begin_radio_group("I am a");
        ui::radio_button("Teacher", &form.role, 0);
        ui::remember(state, "signup.teacher");
        ImGui::SameLine();
        ui::radio_button("Student", &form.role, 1);
        ui::remember(state, "signup.student");
        ui::end_radio_group();
        if (form.role == 0) {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
            ui::text_colored(ui::k_muted, "%s", std::string(signup_notice(form.policy)).c_str());
            ImGui::PopTextWrapPos();
        }
    } else {
        // Students only: no choice to make, and staff are told where their account comes from.
        form.role = 1;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ui::text_colored(ui::k_muted, "%s", std::string(signup_notice(form.policy)).c_str());
        ImGui::PopTextWrapPos();
        ui::remember(state, "signup.students_only");
    }

    ImGui::BeginDisabled(form.phase == Phase::Loading);
    if (ui::primary_button(state, form.phase == Phase::Loading ? "Creating\xE2\x80\xA6###create" : "Create account###create",
            "signup.create", ImVec2(card_width, 0))) {
        form.attempted = true;
        if (auto user = validate_new_user(input_of(form), NewUserRoles::SignUp); user.ok())
            start_sign_up(state, user.value());
    }
    ImGui::EndDisabled();
    if (form.phase == Phase::Failed) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width);
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", form.message.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ui::button(state, "Back to sign in", "signup.back"))
        state.screen = AppState::Screen::SignIn;
    ui::end_card();
}

} // namespace learnloop::client
