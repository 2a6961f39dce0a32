// A child's assignments for the parent (see child_assignments.hpp).
#include "tracker/child_assignments.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "tracker/gradebook.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

void load_child_assignments(AppState& state, ChildAssignmentsState& view, std::int64_t child_id)
{
    api_load(state, view.assignments, "/api/assignments?limit=200&student_id=" + std::to_string(child_id));
}

bool draw_child_assignments(ChildAssignmentsState& view)
{
    if (view.assignments.phase != Phase::Done)
        return false;
    if (view.assignments.data.empty()) {
        ui::text_colored(ui::k_muted, "No assignments yet.");
        return false;
    }
    if (ui::begin_table("child_assignments", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Assignment");
        ImGui::TableSetupColumn("Due");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Grade");
        ImGui::TableSetupColumn("Feedback");
        ui::table_headers_row();
        for (const auto& a : view.assignments.data) {
            bool graded = a.value("status", "") == "graded";
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(a.value("title", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(due_for_people(a.value("due_date", "")).c_str());
            ui::table_next_column();
            ui::status_label(a.value("status", ""));
            ui::table_next_column();
            ui::text_unformatted(graded && a["grade"].is_number() ? format_grade(a["grade"].get<double>()).c_str() : "\xE2\x80\x93");
            ui::table_next_column();
            ui::text_wrapped("%s", graded && a["feedback"].is_string() ? a["feedback"].get<std::string>().c_str() : "");
        }
        ui::end_table();
    }
    return true;
}

Json child_assignments_summary(const ChildAssignmentsState& view)
{
    Json rows = Json::array();
    if (view.assignments.data.is_array()) {
        for (const auto& a : view.assignments.data)
            rows.push_back({ { "title", a.value("title", "") }, { "status", a.value("status", "") },
                { "grade", a.value("grade", Json()) }, { "feedback", a.value("feedback", Json()) } });
    }
    return { { "assignments", rows } };
}

} // namespace learnloop::client
