// The teacher's Assignments tab (see assignments_tab.hpp).
#include "tracker/assignments_tab.hpp"

#include "core/calendar.hpp"
#include "navigation.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

void select_assignment(AppState& state, AssignmentsTabState& tab, std::int64_t id)
{
    tab.selected_assignment = id;
    if (id)
        load_submissions(state, tab.grading, id);
}

void draw_list(AppState& state, AssignmentsTabState& tab, const Remote& classes)
{
    if (ui::can(state, learnloop::Action::AssignmentCreate)) {
        if (ui::primary_button(state, ICON_PLUS " New assignment", "teacher.new"))
            open_editor(state, tab.editor, classes, nullptr);
        ImGui::SameLine();
    }
    if (ui::button(state, "Refresh", "teacher.refresh"))
        reload_assignments(state, tab.assignments);
    if (ui::remote_status(state, tab.assignments, "teacher.assignments"))
        reload_assignments(state, tab.assignments);
    if (tab.assignments.phase == Phase::Done && tab.assignments.data.empty())
        ui::empty_state(state, "No assignments yet",
            tab.editor.group == AssignmentGroup::Course
                ? "Set your first piece of work with \xE2\x80\x9CNew assignment\xE2\x80\x9D: choose a course, what it "
                  "is out of and, if you like, a rubric to mark it with."
                : "Set your first piece of work with \xE2\x80\x9CNew assignment\xE2\x80\x9D; choose a class and a due "
                  "date.");
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
        if (const Json* selected = find_by_id(tab.assignments, tab.selected_assignment)) {
            // The assignment's title heads its page (a link opens it, a screen reader jumps to it).
            ImGui::PushTextWrapPos(0.0f);
            ui::heading(selected->value("title", "").c_str(), 2);
            ImGui::PopTextWrapPos();
            ui::text_colored(ui::k_muted, "Due %s", due_for_people(selected->value("due_date", "")).c_str());
            ui::text_wrapped("%s", selected->value("description", "").c_str());
            if (ui::button(state, ICON_PENCIL " Edit", "teacher.edit"))
                open_editor(state, tab.editor, classes, selected);
            ImGui::SameLine();
            if (ui::button(state, ICON_TRASH " Delete", "teacher.delete")) {
                tab.confirm_delete_id = tab.selected_assignment;
                ui::open_confirm("Delete assignment?");
            }
            ImGui::Separator();
            const Json* submission = draw_submissions(state, tab.grading, *selected);
            if (submission && tab.editor.group == AssignmentGroup::Class)
                draw_target_picker(state, tab.targets, *submission, selected);
        } else if (tab.assignments.phase == Phase::Done
            && ui::missing_item(state,
                "This assignment was not found. It may have been deleted, or it was set by another teacher.",
                "Show all assignments", "teacher.not_found")) {
            tab.selected_assignment = 0;
        }
    } else {
        ui::empty_state(state, "Choose an assignment",
            "Pick one from the list to see who has handed in work, mark it and give feedback.");
        ui::action_status(tab.editor.save);
    }
    if (ui::confirm_dialog(state, "Delete assignment?", "The assignment and its submissions will be hidden.", "Delete")) {
        api_call(state, "DELETE", "/api/assignments/" + std::to_string(tab.confirm_delete_id), nullptr,
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.editor.save = outcome_of(answer, "Assignment deleted");
                tab.selected_assignment = 0;
                replace_location(state);   // Back does not lead to the deleted assignment
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

ui::TabPlace assignments_tab_place(const AssignmentsTabState& tab)
{
    if (!tab.selected_assignment)
        return {};
    const Json* selected = find_by_id(tab.assignments, tab.selected_assignment);
    return { tab.selected_assignment, "submissions", 0, selected ? selected->value("title", "") : "" };
}

bool open_assignments_tab(AppState& state, AssignmentsTabState& tab, const ui::Route& route)
{
    // "#/teacher/assignments/12" is read as its submissions, the one view of an assignment.
    if ((!route.detail.empty() && route.detail != "submissions") || route.detail_id)
        return false;
    if (route.id != tab.selected_assignment) {
        tab.editor.open = false;
        select_assignment(state, tab, route.id);
    }
    return true;
}

Json assignments_tab_summary(const AssignmentsTabState& tab)
{
    Json titles = Json::array();
    if (tab.assignments.data.is_array())
        for (const auto& a : tab.assignments.data)
            titles.push_back(a.value("title", ""));
    Json summary = { { "assignments", titles }, { "assignments_phase", static_cast<int>(tab.assignments.phase) },
        { "editor_open", tab.editor.open }, { "editor_title", tab.editor.title }, { "editor_due", tab.editor.due_date },
        { "save", tab.editor.save.message },
        { "selected_assignment", tab.selected_assignment } };
    summary.update(grading_summary(tab.grading));
    summary.update(target_picker_summary(tab.targets));
    return summary;
}

} // namespace learnloop::client
