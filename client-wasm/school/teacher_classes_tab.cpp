// The teacher's Classes tab (see teacher_classes_tab.hpp).
#include "school/teacher_classes_tab.hpp"

#include "core/validation.hpp"
#include "net/api.hpp"
#include "school/class_widgets.hpp"
#include "tracker/gradebook_tab.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

void draw_teacher_classes_tab(AppState& state, TeacherClassesTabState& tab, Remote& classes)
{
    if (ui::remote_status(state, classes, "teacher.classes"))
        load_teacher_classes(state, classes);
    if (classes.data.is_array()) {
        if (classes.data.empty())
            ui::text_colored(ui::k_muted, "You teach no classes yet. Create one below; the school adds its students.");
        for (const auto& c : classes.data) {
            auto id = c.value("id", std::int64_t(0));
            if (ui::selectable((c.value("name", "") + " \xC2\xB7 " + std::to_string(c.value("member_count", 0))
                                      + " students##tc" + std::to_string(id))
                                      .c_str(),
                    tab.members_class == id)) {
                tab.members_class = id;
                load_members(state, tab.members, id);
            }
        }
    }
    const bool known = find_by_id(classes, tab.members_class) != nullptr;
    if (tab.members_class && !known && classes.phase == Phase::Done) {
        ImGui::Separator();
        if (ui::missing_item(state, "This class was not found, or you do not teach it.", "Show all classes",
                "teacher.class_not_found"))
            tab.members_class = 0;
    }
    if (tab.members_class && known) {
        ImGui::Separator();
        if (tab.members.phase == Phase::Idle)
            load_members(state, tab.members, tab.members_class);
        if (ui::remote_status(state, tab.members, "teacher.members"))
            load_members(state, tab.members, tab.members_class);
        if (tab.members.data.is_array()) {
            if (tab.members.data.empty())
                ui::text_colored(ui::k_muted, "No students in this class yet: the school adds them; ask an administrator.");
            for (const auto& m : tab.members.data)
                ui::bullet_text("%s  (%s)", m.value("name", "").c_str(), m.value("email", "").c_str());
        }
    }
    if (!ui::can(state, learnloop::Action::ClassManage))
        return;
    ImGui::Separator();
    // A heading, so the field is named by its hint rather than by the last
    // student listed above it.
    ui::heading("New class", 2);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ui::input_text_with_hint("##class_name", "New class name", tab.class_name, sizeof tab.class_name);
    ImGui::SameLine();
    auto check = validate_text(tab.class_name, "name", "Name", 1, 100, TextLines::Single);
    ImGui::BeginDisabled(!check.ok() || tab.create_class.phase == Phase::Loading);
    if (ui::button(state, "Create class", "teacher.create_class")) {
        tab.create_class = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/classes", { { "name", tab.class_name } },
            [&tab, &classes](AppState& state, const ApiAnswer& answer) {
                tab.create_class = outcome_of(answer, "Class created");
                if (answer.ok())
                    tab.class_name[0] = '\0';
                load_teacher_classes(state, classes);
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.create_class);
}

ui::TabPlace teacher_classes_tab_place(const TeacherClassesTabState& tab, const Remote& classes)
{
    return class_place(classes, tab.members_class);
}

bool open_teacher_classes_tab(TeacherClassesTabState& tab, const ui::Route& route)
{
    return open_class(tab.members_class, tab.members, route);
}

} // namespace learnloop::client
