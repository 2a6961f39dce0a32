// The school's Users tab (see users_tab.hpp).
// [SECTION] user list, [SECTION] add a user
#include "school/users_tab.hpp"

#include "identity/new_user.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

// [SECTION] user list ------------------------------------------------------------

void draw_role_cell(AppState& state, UsersTabState& tab, Remote& users, const std::string& role, const std::string& tag)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (!ui::can(state, learnloop::Action::UserUpdate)) {
        ui::text_unformatted(role.c_str());
        return;
    }
    if (!ui::begin_combo(("##role" + tag).c_str(), role.c_str()))
        return;
    for (auto r : k_all_roles) {
        std::string name(role_name(r));
        if (ui::selectable(name.c_str(), name == role) && name != role) {
            api_call(state, "PATCH", "/api/users/" + tag, { { "role", name } },
                [&tab, &users](AppState& state, const ApiAnswer& answer) {
                    tab.user_action = outcome_of(answer, "Role changed");
                    reload_users(state, users);
                });
        }
    }
    ui::end_combo();
}

void draw_user_list(AppState& state, UsersTabState& tab, Remote& users)
{
    if (ui::remote_status(state, users, "admin.users"))
        reload_users(state, users);
    if (users.data.is_array()
        && ui::begin_table("users", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
            ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f))) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Email");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("");
        ui::table_headers_row();
        for (auto& u : users.data) {
            auto id = u.value("id", std::int64_t(0));
            auto tag = std::to_string(id);
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(u.value("name", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(u.value("email", "").c_str());
            ui::table_next_column();
            draw_role_cell(state, tab, users, u.value("role", ""), tag);
            ui::table_next_column();
            bool active = u.value("active", false);
            ui::text_colored(active ? ui::k_ok : ui::k_muted, active ? "\xE2\x9C\x93 Active" : "\xE2\x80\x93 Deactivated");
            ui::table_next_column();
            if (active && id != state.session.user_id && ui::can(state, learnloop::Action::UserDeactivate)) {
                if (ui::button(state, ("Deactivate##" + tag).c_str(), "admin.deactivate." + u.value("email", ""))) {
                    tab.confirm_deactivate_id = id;
                    ui::open_confirm("Deactivate user?");
                }
            }
        }
        ui::end_table();
    }
    if (ui::confirm_dialog(state, "Deactivate user?", "They will be signed out and can no longer sign in.", "Deactivate")) {
        api_call(state, "DELETE", "/api/users/" + std::to_string(tab.confirm_deactivate_id), nullptr,
            [&tab, &users](AppState& state, const ApiAnswer& answer) {
                tab.user_action = outcome_of(answer, "User deactivated");
                reload_users(state, users);
            });
    }
    ui::action_status(tab.user_action);
}

// [SECTION] add a user -----------------------------------------------------------

// The form's fields as the shared new-user rules read them (staff may ask
// for any role; the combo offers only those may_create_role allows).
NewUserInput input_of(const UsersTabState& tab)
{
    return { tab.new_email, tab.new_name, tab.new_password, std::string(role_name(k_all_roles[tab.new_role])),
        std::nullopt };
}

void add_user(AppState& state, UsersTabState& tab, Remote& users, const ValidNewUser& user)
{
    tab.create_user = { Phase::Loading, {}, false };
    api_call(state, "POST", "/api/users",
        { { "email", user.email }, { "name", user.name }, { "password", user.password }, { "role", role_name(user.role) } },
        [&tab, &users](AppState& state, const ApiAnswer& answer) {
            tab.create_user = outcome_of(answer, "User added");
            if (answer.ok()) {
                tab.new_email[0] = tab.new_name[0] = tab.new_password[0] = '\0';
                tab.new_attempted = false;
                reload_users(state, users);
            }
        });
}

void draw_add_user(AppState& state, UsersTabState& tab, Remote& users)
{
    ImGui::Separator();
    ui::heading("Add a user", 2);
    auto errors = new_user_errors(input_of(tab), NewUserRoles::Any);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ui::input_text_with_hint("##new_email", "Email", tab.new_email, sizeof tab.new_email);
    ui::remember(state, "admin.new_email");
    if (tab.new_attempted || tab.new_email[0])
        ui::field_errors(errors, "email");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ui::input_text_with_hint("##new_name", "Full name", tab.new_name, sizeof tab.new_name);
    ui::remember(state, "admin.new_name");
    if (tab.new_attempted)
        ui::field_errors(errors, "name");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ui::input_text_with_hint("##new_password", "Initial password", tab.new_password, sizeof tab.new_password,
        ImGuiInputTextFlags_Password);
    ui::remember(state, "admin.new_password");
    if (tab.new_attempted || tab.new_password[0])
        ui::field_errors(errors, "password");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    std::string current(role_name(k_all_roles[tab.new_role]));
    if (ui::begin_combo("##new_role", current.c_str())) {
        for (std::size_t i = 0; i < k_all_roles.size(); ++i) {
            if (!may_create_role(state.session.role, k_all_roles[i]))
                continue;   // moderators add students only
            if (ui::selectable(std::string(role_name(k_all_roles[i])).c_str(), tab.new_role == static_cast<int>(i)))
                tab.new_role = static_cast<int>(i);
        }
        ui::end_combo();
    }
    ImGui::BeginDisabled(tab.create_user.phase == Phase::Loading);
    if (ui::button(state, "Add user", "admin.add_user")) {
        tab.new_attempted = true;
        if (auto user = validate_new_user(input_of(tab), NewUserRoles::Any); user.ok())
            add_user(state, tab, users, user.value());
    }
    ImGui::EndDisabled();
    ui::action_status(tab.create_user);
}

} // namespace

void draw_users_tab(AppState& state, UsersTabState& tab, Remote& users)
{
    draw_user_list(state, tab, users);
    if (ui::can(state, learnloop::Action::UserCreate))
        draw_add_user(state, tab, users);
}

Json users_tab_summary(const UsersTabState& tab, const Remote& users)
{
    Json list = Json::array();
    if (users.data.is_array())
        for (const auto& u : users.data)
            list.push_back({ { "email", u.value("email", "") }, { "role", u.value("role", "") }, { "active", u.value("active", false) } });
    return { { "users", list }, { "create_user", tab.create_user.message }, { "user_action", tab.user_action.message } };
}

} // namespace learnloop::client
