// The teacher's Assignments tab (see assignments_tab.hpp).
#include "tracker/assignments_tab.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

const Json* find_assignment(const Remote& assignments, std::int64_t id)
{
    const Json* found = nullptr;
    if (assignments.data.is_array())
        for (const auto& a : assignments.data)
            if (a.value("id", std::int64_t(0)) == id)
                found = &a;
    return found;
}

void select_assignment(AppState& state, AssignmentsTabState& tab, std::int64_t id)
{
    tab.selected_assignment = id;
    load_submissions(state, tab.grading, id);
}

void draw_list(AppState& state, AssignmentsTabState& tab, const Remote& classes)
{
    if (ui::can(state, learnloop::Action::AssignmentCreate)) {
        if (ui::button(state, "New assignment", "teacher.new"))
            open_editor(state, tab.editor, classes, nullptr);
        ImGui::SameLine();
    }
    if (ui::button(state, "Refresh", "teacher.refresh"))
        reload_assignments(state, tab.assignments);
    if (ui::remote_status(state, tab.assignments, "teacher.assignments"))
        reload_assignments(state, tab.assignments);
    if (tab.assignments.phase == Phase::Done && tab.assignments.data.empty())
        ui::text_colored(ui::k_muted, "No assignments yet. Create one with \"New assignment\".");
    if (tab.assignments.data.is_array()
        && ui::begin_table("assignments", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Title");
        ImGui::TableSetupColumn("Due");
        ui::table_headers_row();
        for (const auto& a : tab.assignments.data) {
            auto id = a.value("id", std::int64_t(0));
            ui::table_next_row();
            ui::table_next_column();
            if (ui::selectable((a.value("title", "") + "##a" + std::to_string(id)).c_str(),
                    tab.selected_assignment == id, ImGuiSelectableFlags_SpanAllColumns))
                select_assignment(state, tab, id);
            ui::remember(state, "teacher.assignment." + a.value("title", ""));
            ui::table_next_column();
            ui::text_unformatted(due_for_people(a.value("due_date", "")).c_str());
        }
        ui::end_table();
    }
}

void draw_detail(AppState& state, AssignmentsTabState& tab, const Remote& classes)
{
    if (tab.editor.open) {
        draw_editor(state, tab.editor, classes, tab.assignments);
    } else if (tab.selected_assignment) {
        if (const Json* selected = find_assignment(tab.assignments, tab.selected_assignment)) {
            ui::text_wrapped("%s", selected->value("title", "").c_str());
            ui::text_colored(ui::k_muted, "Due %s", due_for_people(selected->value("due_date", "")).c_str());
            ui::text_wrapped("%s", selected->value("description", "").c_str());
            if (ui::button(state, "Edit", "teacher.edit"))
                open_editor(state, tab.editor, classes, selected);
            ImGui::SameLine();
            if (ui::button(state, "Delete", "teacher.delete")) {
                tab.confirm_delete_id = tab.selected_assignment;
                ui::open_confirm("Delete assignment?");
            }
            ImGui::Separator();
            if (const Json* submission = draw_submissions(state, tab.grading, tab.selected_assignment))
                draw_target_picker(state, tab.targets, *submission, selected);
        }
    } else {
        ui::text_colored(ui::k_muted, "Select an assignment to see its submissions.");
        ui::action_status(tab.editor.save);
    }
    if (ui::confirm_dialog(state, "Delete assignment?", "The assignment and its submissions will be hidden.", "Delete")) {
        api_call(state, "DELETE", "/api/assignments/" + std::to_string(tab.confirm_delete_id), nullptr,
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.editor.save = outcome_of(answer, "Assignment deleted");
                tab.selected_assignment = 0;
                reload_assignments(state, tab.assignments);
            });
    }
}

} // namespace

void draw_assignments_tab(AppState& state, AssignmentsTabState& tab, const Remote& classes)
{
    if (ui::list_detail(state, "teacher.assignments", tab.selected_assignment != 0 || tab.editor.open, 0.45f,
            [&] { draw_list(state, tab, classes); }, [&] { draw_detail(state, tab, classes); })) {
        tab.selected_assignment = 0;
        tab.editor.open = false;
    }
}

Json assignments_tab_summary(const AssignmentsTabState& tab)
{
    Json titles = Json::array();
    if (tab.assignments.data.is_array())
        for (const auto& a : tab.assignments.data)
            titles.push_back(a.value("title", ""));
    Json summary = { { "assignments", titles }, { "assignments_phase", static_cast<int>(tab.assignments.phase) },
        { "editor_open", tab.editor.open }, { "save", tab.editor.save.message },
        { "selected_assignment", tab.selected_assignment } };
    summary.update(grading_summary(tab.grading));
    summary.update(target_picker_summary(tab.targets));
    return summary;
}

} // namespace learnloop::client
