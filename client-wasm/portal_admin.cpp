// The administrator's portal: users (create, change role, deactivate with
// confirmation), classes and members, parent links and link codes, and the
// audit log viewer with filtering and paging.
// [SECTION] users, [SECTION] classes, [SECTION] parents, [SECTION] audit
#include "net/api.hpp"
#include "identity/roles.hpp"
#include "ui/ui.hpp"
#include "core/validation.hpp"
#include "identity/user_fields.hpp"

#include <cstring>

namespace learnloop::client {

namespace {

constexpr int k_audit_page = 25;

void reload_users(AppState& state)
{
    api_load(state, state.admin.users, "/api/users?limit=200");
}

std::vector<const Json*> users_with_role(const AdminState& a, std::string_view role)
{
    std::vector<const Json*> out;
    if (a.users.data.is_array())
        for (const auto& u : a.users.data)
            if (u.value("role", "") == role && u.value("active", false))
                out.push_back(&u);
    return out;
}

// A combo over `people`; returns the chosen index (or -1).
void person_combo(const char* id, const std::vector<const Json*>& people, int& choice)
{
    std::string current = choice >= 0 && choice < static_cast<int>(people.size()) ? people[choice]->value("name", "") : "Choose\xE2\x80\xA6";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(id, current.c_str())) {
        for (std::size_t i = 0; i < people.size(); ++i)
            if (ImGui::Selectable((people[i]->value("name", "") + "##p" + std::to_string(i)).c_str(), choice == static_cast<int>(i)))
                choice = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

void finish(Outcome& action, const ApiAnswer& answer, const std::string& success)
{
    action = answer.ok() ? Outcome { Phase::Done, success, false } : Outcome { Phase::Failed, answer.error_text(), true };
}

// [SECTION] users ----------------------------------------------------------

void draw_users(AppState& state)
{
    auto& a = state.admin;
    if (ui::remote_status(state, a.users, "admin.users"))
        reload_users(state);
    if (a.users.data.is_array() && ImGui::BeginTable("users", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                                       ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f))) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Email");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (auto& u : a.users.data) {
            auto id = u.value("id", std::int64_t(0));
            auto tag = std::to_string(id);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(u.value("name", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(u.value("email", "").c_str());
            ImGui::TableNextColumn();
            auto role = u.value("role", "");
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            if (!ui::can(state, learnloop::Action::UserUpdate)) {
                ImGui::TextUnformatted(role.c_str());
            } else if (ImGui::BeginCombo(("##role" + tag).c_str(), role.c_str())) {
                for (auto r : k_all_roles) {
                    std::string name(role_name(r));
                    if (ImGui::Selectable(name.c_str(), name == role) && name != role) {
                        api_call(state, "PATCH", "/api/users/" + tag, { { "role", name } },
                            [](AppState& state, const ApiAnswer& answer) {
                                finish(state.admin.user_action, answer, "Role changed");
                                reload_users(state);
                            });
                    }
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            bool active = u.value("active", false);
            ImGui::TextColored(active ? ui::k_ok : ui::k_muted, active ? "\xE2\x9C\x93 Active" : "\xE2\x80\x93 Deactivated");
            ImGui::TableNextColumn();
            if (active && id != state.session.user_id && ui::can(state, learnloop::Action::UserDeactivate)) {
                if (ui::button(state, ("Deactivate##" + tag).c_str(), "admin.deactivate." + u.value("email", ""))) {
                    a.confirm_deactivate_id = id;
                    ui::open_confirm("Deactivate user?");
                }
            }
        }
        ImGui::EndTable();
    }
    if (ui::confirm_dialog(state, "Deactivate user?", "They will be signed out and can no longer sign in.", "Deactivate")) {
        api_call(state, "DELETE", "/api/users/" + std::to_string(a.confirm_deactivate_id), nullptr,
            [](AppState& state, const ApiAnswer& answer) {
                finish(state.admin.user_action, answer, "User deactivated");
                reload_users(state);
            });
    }
    ui::action_status(a.user_action);

    if (!ui::can(state, learnloop::Action::UserCreate))
        return;
    ImGui::Separator();
    ImGui::TextUnformatted("Add a user");
    std::vector<Error> errors;
    if (auto r = validate_email(a.new_email); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_display_name(a.new_name); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_new_password(a.new_password, a.new_email); !r.ok())
        errors.push_back(r.error());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##new_email", "Email", a.new_email, sizeof a.new_email);
    ui::remember(state, "admin.new_email");
    if (a.new_attempted || a.new_email[0])
        ui::field_errors(errors, "email");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##new_name", "Full name", a.new_name, sizeof a.new_name);
    ui::remember(state, "admin.new_name");
    if (a.new_attempted)
        ui::field_errors(errors, "name");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##new_password", "Initial password", a.new_password, sizeof a.new_password,
        ImGuiInputTextFlags_Password);
    ui::remember(state, "admin.new_password");
    if (a.new_attempted || a.new_password[0])
        ui::field_errors(errors, "password");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    std::string current(role_name(k_all_roles[a.new_role]));
    auto own_role = parse_role(state.session.role);
    if (ImGui::BeginCombo("##new_role", current.c_str())) {
        for (std::size_t i = 0; i < k_all_roles.size(); ++i) {
            if (!own_role.ok() || !may_create_role(own_role.value(), k_all_roles[i]))
                continue;   // moderators add students only
            if (ImGui::Selectable(std::string(role_name(k_all_roles[i])).c_str(), a.new_role == static_cast<int>(i)))
                a.new_role = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    ImGui::BeginDisabled(a.create_user.phase == Phase::Loading);
    if (ui::button(state, "Add user", "admin.add_user")) {
        a.new_attempted = true;
        if (errors.empty()) {
            a.create_user = { Phase::Loading, {}, false };
            api_call(state, "POST", "/api/users",
                { { "email", a.new_email }, { "name", a.new_name }, { "password", a.new_password },
                    { "role", role_name(k_all_roles[a.new_role]) } },
                [](AppState& state, const ApiAnswer& answer) {
                    auto& a = state.admin;
                    finish(a.create_user, answer, "User added");
                    if (answer.ok()) {
                        a.new_email[0] = a.new_name[0] = a.new_password[0] = '\0';
                        a.new_attempted = false;
                        reload_users(state);
                    }
                });
        }
    }
    ImGui::EndDisabled();
    ui::action_status(a.create_user);
}

// [SECTION] classes --------------------------------------------------------

void draw_classes(AppState& state)
{
    auto& a = state.admin;
    if (a.classes.phase == Phase::Idle)
        api_load(state, a.classes, "/api/classes?limit=200");
    if (ui::remote_status(state, a.classes, "admin.classes"))
        api_load(state, a.classes, "/api/classes?limit=200");
    if (a.classes.data.is_array()) {
        if (a.classes.data.empty())
            ImGui::TextColored(ui::k_muted, "No classes yet.");
        for (const auto& c : a.classes.data) {
            auto id = c.value("id", std::int64_t(0));
            if (ImGui::Selectable((c.value("name", "") + " \xC2\xB7 " + c.value("teacher_name", "") + " \xC2\xB7 "
                                      + std::to_string(c.value("member_count", 0)) + " students##cl" + std::to_string(id))
                                      .c_str(),
                    a.members_class == id)) {
                a.members_class = id;
                api_load(state, a.members, "/api/classes/" + std::to_string(id) + "/members?limit=200");
            }
        }
    }
    if (a.members_class) {
        ImGui::Separator();
        ImGui::TextUnformatted("Members");
        if (ui::remote_status(state, a.members, "admin.members"))
            api_load(state, a.members, "/api/classes/" + std::to_string(a.members_class) + "/members?limit=200");
        if (a.members.data.is_array())
            for (const auto& m : a.members.data)
                ImGui::BulletText("%s", m.value("name", "").c_str());
        if (!ui::can(state, learnloop::Action::ClassManage))
            return;
        auto students = users_with_role(a, "student");
        person_combo("##member", students, a.member_choice);
        ImGui::SameLine();
        ImGui::BeginDisabled(a.member_choice < 0);
        if (ui::button(state, "Add to class", "admin.add_member") && a.member_choice >= 0) {
            api_call(state, "POST", "/api/classes/" + std::to_string(a.members_class) + "/members",
                { { "student_id", students[a.member_choice]->value("id", std::int64_t(0)) } },
                [](AppState& state, const ApiAnswer& answer) {
                    auto& a = state.admin;
                    finish(a.member_action, answer, "Student added");
                    api_load(state, a.members, "/api/classes/" + std::to_string(a.members_class) + "/members?limit=200");
                    api_load(state, a.classes, "/api/classes?limit=200");
                });
        }
        ImGui::EndDisabled();
        ui::action_status(a.member_action);
    }
    if (!ui::can(state, learnloop::Action::ClassManage))
        return;
    ImGui::Separator();
    ImGui::TextUnformatted("New class");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##class_name", "Class name", a.class_name, sizeof a.class_name);
    auto teachers = users_with_role(a, "teacher");
    ImGui::SameLine();
    person_combo("##class_teacher", teachers, a.class_teacher);
    ImGui::SameLine();
    auto name_check = validate_text(a.class_name, "name", "Name", 1, 100, TextLines::Single);
    ImGui::BeginDisabled(!name_check.ok() || a.class_teacher < 0);
    if (ui::button(state, "Create class", "admin.create_class") && a.class_teacher >= 0) {
        api_call(state, "POST", "/api/classes",
            { { "name", a.class_name }, { "teacher_id", teachers[a.class_teacher]->value("id", std::int64_t(0)) } },
            [](AppState& state, const ApiAnswer& answer) {
                auto& a = state.admin;
                finish(a.create_class, answer, "Class created");
                if (answer.ok())
                    a.class_name[0] = '\0';
                api_load(state, a.classes, "/api/classes?limit=200");
            });
    }
    ImGui::EndDisabled();
    ui::action_status(a.create_class);
}

// [SECTION] parents --------------------------------------------------------

void draw_parents(AppState& state)
{
    auto& a = state.admin;
    if (a.links.phase == Phase::Idle)
        api_load(state, a.links, "/api/parent-links?limit=200");
    if (ui::remote_status(state, a.links, "admin.links"))
        api_load(state, a.links, "/api/parent-links?limit=200");
    if (a.links.data.is_array()) {
        if (a.links.data.empty())
            ImGui::TextColored(ui::k_muted, "No parents are linked yet.");
        for (const auto& l : a.links.data)
            ImGui::BulletText("%s \xE2\x86\x92 %s", l.value("parent_name", "").c_str(), l.value("student_name", "").c_str());
    }
    ImGui::Separator();
    auto parents = users_with_role(a, "parent");
    auto students = users_with_role(a, "student");
    ImGui::TextUnformatted("Link a parent to a student");
    person_combo("##link_parent", parents, a.link_parent);
    ImGui::SameLine();
    person_combo("##link_student", students, a.link_student);
    ImGui::SameLine();
    ImGui::BeginDisabled(a.link_parent < 0 || a.link_student < 0);
    if (ui::button(state, "Link", "admin.link") && a.link_parent >= 0 && a.link_student >= 0) {
        api_call(state, "POST", "/api/parent-links",
            { { "parent_id", parents[a.link_parent]->value("id", std::int64_t(0)) },
                { "student_id", students[a.link_student]->value("id", std::int64_t(0)) } },
            [](AppState& state, const ApiAnswer& answer) {
                finish(state.admin.link_action, answer, "Parent linked");
                api_load(state, state.admin.links, "/api/parent-links?limit=200");
            });
    }
    ImGui::EndDisabled();
    ImGui::BeginDisabled(a.link_student < 0);
    if (ui::button(state, "Create a link code for this student", "admin.link_code") && a.link_student >= 0) {
        api_call(state, "POST", "/api/parent-links/codes",
            { { "student_id", students[a.link_student]->value("id", std::int64_t(0)) } },
            [](AppState& state, const ApiAnswer& answer) {
                auto& a = state.admin;
                finish(a.link_action, answer, "Code created");
                if (answer.ok())
                    a.last_code = answer.body.value("code", "") + " (valid until " + answer.body.value("expires_at", "") + ")";
            });
    }
    ImGui::EndDisabled();
    if (!a.last_code.empty())
        ImGui::Text("Give this code to the parent: %s", a.last_code.c_str());
    ui::action_status(a.link_action);
}

// [SECTION] audit ----------------------------------------------------------

void load_audit(AppState& state)
{
    auto& a = state.admin;
    std::string path = "/api/audit?limit=" + std::to_string(k_audit_page) + "&offset=" + std::to_string(a.audit.offset);
    if (a.audit_filter[0])
        path += "&action=" + std::string(a.audit_filter);   // action names are [a-z._]: safe in a URL
    auto offset = a.audit.offset;
    api_load(state, a.audit, path);
    a.audit.offset = offset;
}

void draw_audit(AppState& state)
{
    auto& a = state.admin;
    if (a.audit.phase == Phase::Idle)
        load_audit(state);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::InputTextWithHint("##audit_filter", "Filter by action, e.g. submission.grade", a.audit_filter,
            sizeof a.audit_filter, ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue)) {
        a.audit.offset = 0;
        load_audit(state);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(a.audit.offset == 0);
    if (ui::button(state, "Newer", "admin.audit_newer")) {
        a.audit.offset = std::max<std::int64_t>(0, a.audit.offset - k_audit_page);
        load_audit(state);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!a.audit.data.is_array() || a.audit.data.size() < static_cast<std::size_t>(k_audit_page));
    if (ui::button(state, "Older", "admin.audit_older")) {
        a.audit.offset += k_audit_page;
        load_audit(state);
    }
    ImGui::EndDisabled();
    if (ui::remote_status(state, a.audit, "admin.audit"))
        load_audit(state);
    if (!a.audit.data.is_array())
        return;
    if (a.audit.data.empty())
        ImGui::TextColored(ui::k_muted, "No audit entries match.");
    if (ImGui::BeginTable("audit", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("When (UTC)");
        ImGui::TableSetupColumn("Who");
        ImGui::TableSetupColumn("Outcome");
        ImGui::TableSetupColumn("Entity");
        ImGui::TableSetupColumn("Change");
        ImGui::TableHeadersRow();
        for (const auto& e : a.audit.data) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.value("created_at", "").substr(0, 19).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.value("actor", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.value("action", "").c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", e.value("entity", "").c_str(), e["entity_id"].is_string() ? e["entity_id"].get<std::string>().c_str() : "");
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", (e["before"].is_null() ? std::string() : e["before"].dump() + " \xE2\x86\x92 ").append(
                e["after"].is_null() ? "removed" : e["after"].dump()).c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace

void draw_admin_portal(AppState& state)
{
    auto& a = state.admin;
    if (a.users.phase == Phase::Idle)
        reload_users(state);
    if (ImGui::BeginTabBar("admin_tabs")) {
        struct Tab {
            const char* label;
            void (*draw)(AppState&);
            const char* name;
            learnloop::Action needs;
        };
        // The same portal serves administrators and moderators; the matrix
        // decides which tabs and controls each sees.
        static const Tab tabs[] = {
            { "Users", draw_users, "admin.tab.users", learnloop::Action::UserList },
            { "Classes", draw_classes, "admin.tab.classes", learnloop::Action::ClassRead },
            { "Parents", draw_parents, "admin.tab.parents", learnloop::Action::ParentLinkManage },
            { "Audit log", draw_audit, "admin.tab.audit", learnloop::Action::AuditRead },
        };
        for (const auto& tab : tabs) {
            if (!ui::can(state, tab.needs))
                continue;
            if (ui::tab(state, tab.label, tab.name)) {
                tab.draw(state);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
}

Json admin_summary(const AppState& state)
{
    const auto& a = state.admin;
    Json users = Json::array();
    if (a.users.data.is_array())
        for (const auto& u : a.users.data)
            users.push_back({ { "email", u.value("email", "") }, { "role", u.value("role", "") }, { "active", u.value("active", false) } });
    Json audit = Json::array();
    if (a.audit.data.is_array())
        for (const auto& e : a.audit.data)
            audit.push_back(e.value("action", ""));
    return { { "users", users }, { "audit", audit }, { "create_user", a.create_user.message },
        { "user_action", a.user_action.message } };
}

} // namespace learnloop::client
