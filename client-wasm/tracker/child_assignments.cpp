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
        ImGui::TextColored(ui::k_muted, "No assignments yet.");
        return false;
    }
    if (ImGui::BeginTable("child_assignments", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Assignment");
        ImGui::TableSetupColumn("Due");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Grade");
        ImGui::TableSetupColumn("Feedback");
        ImGui::TableHeadersRow();
        for (const auto& a : view.assignments.data) {
            bool graded = a.value("status", "") == "graded";
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.value("title", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(due_for_people(a.value("due_date", "")).c_str());
            ImGui::TableNextColumn();
            ui::status_label(a.value("status", ""));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(graded && a["grade"].is_number() ? format_grade(a["grade"].get<double>()).c_str() : "\xE2\x80\x93");
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", graded && a["feedback"].is_string() ? a["feedback"].get<std::string>().c_str() : "");
        }
        ImGui::EndTable();
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
