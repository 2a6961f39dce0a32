// The school's Users tab (see users_tab.hpp).
// [SECTION] user list, [SECTION] add a user
#include "school/users_tab.hpp"

#include "identity/new_user.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "ui/icons.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

constexpr int k_users_per_page = 25;

// Whether `text` contains `needle`, ignoring ASCII case (names in any script
// still match exactly).
bool contains_folded(const std::string& text, const std::string& needle)
{
    auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
               [&](char a, char b) { return fold(a) == fold(b); })
        != text.end();
}

// The users the search matches, as indices into `users`.
std::vector<std::size_t> matching_users(const Remote& users, const char* search, TenantKind kind)
{
    std::vector<std::size_t> found;
    if (!users.data.is_array())
        return found;
    std::string needle = search;
    for (std::size_t i = 0; i < users.data.size(); ++i) {
        const auto& u = users.data[i];
        if (needle.empty() || contains_folded(u.value("name", ""), needle) || contains_folded(u.value("email", ""), needle)
            || contains_folded(ui::role_label(u.value("role", ""), kind), needle))
            found.push_back(i);
    }
    return found;
}

// [SECTION] user list ------------------------------------------------------------

void draw_role_cell(AppState& state, UsersTabState& tab, const Json& user, const std::string& tag)
{
    const std::string role = user.value("role", "");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const std::string label = ui::role_label(role, state.session.tenant_kind);
    if (!ui::can(state, learnloop::Action::UserUpdate)) {
        ui::text_unformatted(label.c_str());
        return;
    }
    if (!ui::begin_combo(("##role" + tag).c_str(), label.c_str()))
        return;
    for (auto r : k_all_roles) {
        std::string name(role_name(r));
        if (ui::selectable(std::string(role_title(r, state.session.tenant_kind)).c_str(), name == role) && name != role) {
            // Nothing changes until the dialog is confirmed (it is opened
            // outside the menu and the table, where the dialog is drawn).
            std::string label(role_title(r, state.session.tenant_kind));
            std::transform(label.begin(), label.end(), label.begin(),
                [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            tab.confirm_role_id = user.value("id", std::int64_t(0));
            tab.confirm_role = name;
            tab.confirm_role_text = user.value("name", "") + " will become " + (label == "administrator" ? "an " : "a ")
                + label + ". What they can see and change follows the new role from their next click.";
            tab.open_role_dialog = true;
        }
    }
    ui::end_combo();
}

// "Showing 26–50 of 145" with the page buttons, and the search box.
void draw_list_controls(AppState& state, UsersTabState& tab, std::size_t matches)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::input_text_with_hint("##user_search", "Find a person by name, role or address", tab.search, sizeof tab.search))
        tab.page = 0;
    ui::remember(state, "admin.user_search");
    const int pages = std::max(1, static_cast<int>((matches + k_users_per_page - 1) / k_users_per_page));
    tab.page = std::clamp(tab.page, 0, pages - 1);
    ImGui::SameLine();
    if (matches == 0)
        ui::text_colored(ui::k_muted, "No one matches");
    else
        ui::text_colored(ui::k_muted, "%d\xE2\x80\x93%d of %zu", tab.page * k_users_per_page + 1,
            std::min<int>(static_cast<int>(matches), (tab.page + 1) * k_users_per_page), matches);
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.page == 0);
    if (ui::button(state, "\xE2\x86\x90 Previous", "admin.users_previous"))
        --tab.page;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.page + 1 >= pages);
    if (ui::button(state, "Next \xE2\x86\x92", "admin.users_next"))
        ++tab.page;
    ImGui::EndDisabled();
}

void draw_user_list(AppState& state, UsersTabState& tab, Remote& users)
{
    if (ui::remote_status(state, users, "admin.users"))
        reload_users(state, users);
    if (!users.data.is_array())
        return;
    auto shown = matching_users(users, tab.search, state.session.tenant_kind);
    // A person just added is shown on their page, whatever page was open,
    // once the list holds them (the list before the reload does not: it
    // waits for the reload instead of giving up on them).
    if (!tab.reveal_email.empty() && users.phase == Phase::Done) {
        auto everyone = matching_users(users, "", state.session.tenant_kind);
        for (std::size_t i = 0; i < everyone.size(); ++i)
            if (users.data[everyone[i]].value("email", "") == tab.reveal_email) {
                tab.search[0] = '\0';
                shown = std::move(everyone);
                tab.page = static_cast<int>(i) / k_users_per_page;
                tab.reveal_email.clear();
                break;
            }
    }
    draw_list_controls(state, tab, shown.size());
    const std::size_t first = static_cast<std::size_t>(tab.page) * k_users_per_page;
    const std::size_t last = std::min(shown.size(), first + k_users_per_page);
    if (ui::begin_table("users", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
            ImVec2(0, ImGui::GetContentRegionAvail().y * 0.55f))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Email");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Actions");
        ui::table_headers_row();
        // One page of rows: the table's cost no longer grows with the school.
        for (std::size_t n = first; n < last; ++n) {
            auto& u = users.data[shown[n]];
            auto id = u.value("id", std::int64_t(0));
            auto tag = std::to_string(id);
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(u.value("name", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(u.value("email", "").c_str());
            ui::table_next_column();
            draw_role_cell(state, tab, u, tag);
            ui::table_next_column();
            bool active = u.value("active", false);
            if (active)
                ui::chip(ICON_CHECK, "Active", ui::k_ok, ui::k_ok_tint);
            else
                ui::chip(ICON_MINUS, "Deactivated", ui::k_muted, ui::k_muted_tint);
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
    if (tab.open_role_dialog) {
        tab.open_role_dialog = false;
        ui::open_confirm("Change role?");
    }
    if (ui::confirm_dialog(state, "Change role?", tab.confirm_role_text, "Change role")) {
        api_call(state, "PATCH", "/api/users/" + std::to_string(tab.confirm_role_id), { { "role", tab.confirm_role } },
            [&tab, &users](AppState& state, const ApiAnswer& answer) {
                tab.user_action = outcome_of(answer, "Role changed");
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
                tab.reveal_email = tab.new_email;
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
    std::string current(role_title(k_all_roles[tab.new_role], state.session.tenant_kind));
    ui::text_unformatted("Role");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ui::begin_combo("##new_role", current.c_str())) {
        for (std::size_t i = 0; i < k_all_roles.size(); ++i) {
            if (!may_create_role(state.session.role, k_all_roles[i]))
                continue;   // moderators add students only
            if (ui::selectable(std::string(role_title(k_all_roles[i], state.session.tenant_kind)).c_str(), tab.new_role == static_cast<int>(i)))
                tab.new_role = static_cast<int>(i);
        }
        ui::end_combo();
    }
    ImGui::BeginDisabled(tab.create_user.phase == Phase::Loading);
    if (ui::primary_button(state, ICON_PLUS " Add user", "admin.add_user")) {
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
