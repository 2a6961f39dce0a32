// The school's Classes tab (see classes_tab.hpp).
#include "school/classes_tab.hpp"

#include "core/validation.hpp"
#include "net/api.hpp"
#include "school/class_widgets.hpp"
#include "school/people.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

void reload_classes(AppState& state, SchoolClassesTabState& tab)
{
    api_load(state, tab.classes, "/api/classes?limit=200");
}

void draw_members(AppState& state, SchoolClassesTabState& tab, const Remote& users)
{
    ImGui::Separator();
    ui::text_unformatted("Members");
    if (ui::remote_status(state, tab.members, "admin.members"))
        load_members(state, tab.members, tab.members_class);
    if (tab.members.data.is_array())
        for (const auto& m : tab.members.data)
            ui::bullet_text("%s", m.value("name", "").c_str());
    if (!ui::can(state, learnloop::Action::ClassManage))
        return;
    auto students = users_with_role(users, Role::Student);
    person_combo("##member", students, tab.member_choice);
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.member_choice < 0);
    if (ui::button(state, ICON_PLUS " Add to class", "admin.add_member") && tab.member_choice >= 0) {
        api_call(state, "POST", "/api/classes/" + std::to_string(tab.members_class) + "/members",
            { { "student_id", students[tab.member_choice]->value("id", std::int64_t(0)) } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.member_action = outcome_of(answer, "Student added");
                load_members(state, tab.members, tab.members_class);
                reload_classes(state, tab);
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.member_action);
}

void draw_new_class(AppState& state, SchoolClassesTabState& tab, const Remote& users)
{
    ImGui::Separator();
    ui::heading("New class", 2);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ui::input_text_with_hint("##class_name", "Class name", tab.class_name, sizeof tab.class_name);
    auto teachers = users_with_role(users, Role::Teacher);
    ImGui::SameLine();
    person_combo("##class_teacher", teachers, tab.class_teacher);
    ImGui::SameLine();
    auto name_check = validate_text(tab.class_name, "name", "Name", 1, 100, TextLines::Single);
    ImGui::BeginDisabled(!name_check.ok() || tab.class_teacher < 0);
    if (ui::button(state, "Create class", "admin.create_class") && tab.class_teacher >= 0) {
        api_call(state, "POST", "/api/classes",
            { { "name", tab.class_name }, { "teacher_id", teachers[tab.class_teacher]->value("id", std::int64_t(0)) } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.create_class = outcome_of(answer, "Class created");
                if (answer.ok())
                    tab.class_name[0] = '\0';
                reload_classes(state, tab);
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.create_class);
}

} // namespace

void draw_school_classes_tab(AppState& state, SchoolClassesTabState& tab, const Remote& users)
{
    if (tab.classes.phase == Phase::Idle)
        reload_classes(state, tab);
    if (ui::remote_status(state, tab.classes, "admin.classes"))
        reload_classes(state, tab);
    if (tab.classes.data.is_array()) {
        if (tab.classes.data.empty())
            ui::text_colored(ui::k_muted, "No classes yet: create one below, then add its students.");
        for (const auto& c : tab.classes.data) {
            auto id = c.value("id", std::int64_t(0));
            if (ui::selectable((c.value("name", "") + " \xC2\xB7 " + c.value("teacher_name", "") + " \xC2\xB7 "
                                      + std::to_string(c.value("member_count", 0)) + " students##cl" + std::to_string(id))
                                      .c_str(),
                    tab.members_class == id)) {
                tab.members_class = id;
                load_members(state, tab.members, id);
            }
        }
    }
    const bool known = find_by_id(tab.classes, tab.members_class) != nullptr;
    if (tab.members_class && known) {
        if (tab.members.phase == Phase::Idle)
            load_members(state, tab.members, tab.members_class);   // opened from the address
        draw_members(state, tab, users);
    } else if (tab.members_class && tab.classes.phase == Phase::Done) {
        ImGui::Separator();
        if (ui::missing_item(state, "This class was not found. It may have been removed.", "Show all classes",
                "admin.class_not_found"))
            tab.members_class = 0;
    }
    if (ui::can(state, learnloop::Action::ClassManage))
        draw_new_class(state, tab, users);
}

ui::TabPlace school_classes_tab_place(const SchoolClassesTabState& tab)
{
    return class_place(tab.classes, tab.members_class);
}

bool open_school_classes_tab(SchoolClassesTabState& tab, const ui::Route& route)
{
    return open_class(tab.members_class, tab.members, route);
}

} // namespace learnloop::client
