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
    if (tab.members_class) {
        ImGui::Separator();
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

} // namespace learnloop::client
