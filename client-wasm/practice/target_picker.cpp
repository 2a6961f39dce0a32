// The target picker (see target_picker.hpp).
#include "practice/target_picker.hpp"

#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

void draw_target_picker(AppState& state, TargetPickerState& p, const Json& submission, const Json* assignment)
{
    if (!ui::can(state, learnloop::Action::TargetAssign))
        return;
    ImGui::Separator();
    ui::text_unformatted("Learning targets to practise");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    bool search = ui::input_text_with_hint("##target_query", "Search targets, e.g. apostrophe", p.query,
        sizeof p.query, ImGuiInputTextFlags_EnterReturnsTrue);
    ui::remember(state, "teacher.target_query");
    ImGui::SameLine();
    search |= ui::button(state, ICON_SEARCH " Search", "teacher.target_search");
    if (search)
        api_load(state, p.results, "/api/curriculum/targets?limit=50&q=" + query_escape(p.query));
    // Browse by strand: the strands come from the curriculum itself.
    if (p.strands.phase == Phase::Idle)
        api_load(state, p.strands, "/api/curriculum/targets?limit=200");
    if (p.strands.data.is_array()) {
        std::vector<std::string> strands;
        for (const auto& target : p.strands.data) {
            auto strand = target.value("strand", "");
            if (std::find(strands.begin(), strands.end(), strand) == strands.end())
                strands.push_back(strand);
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ui::begin_combo("##strand", p.strand.empty() ? "Browse a strand\xE2\x80\xA6" : p.strand.c_str())) {
            for (const auto& strand : strands) {
                if (ui::selectable(strand.c_str(), strand == p.strand)) {
                    p.strand = strand;
                    api_load(state, p.results, "/api/curriculum/targets?limit=100&strand=" + strand);
                }
            }
            ui::end_combo();
        }
        ui::remember(state, "teacher.strand");
    }
    if (ui::remote_status(state, p.results, "teacher.targets"))
        api_load(state, p.results, "/api/curriculum/targets?limit=50");
    if (p.results.phase == Phase::Done && p.results.data.empty())
        ui::text_colored(ui::k_muted, "No targets match: try a shorter word, or browse a strand.");
    if (p.results.data.is_array()) {
        for (const auto& target : p.results.data) {
            auto id = target.value("target_id", "");
            bool chosen = std::find(p.chosen.begin(), p.chosen.end(), id) != p.chosen.end();
            if (ui::checkbox((target.value("title", "") + "  (" + target.value("strand", "") + ")##" + id).c_str(), &chosen)) {
                if (chosen)
                    p.chosen.push_back(id);
                else
                    std::erase(p.chosen, id);
            }
            ui::remember(state, "teacher.target." + id);
        }
    }
    ImGui::BeginDisabled(p.chosen.empty() || p.assign.phase == Phase::Loading);
    auto assign = [&](Json body, const char* done) {
        body["target_ids"] = p.chosen;
        p.assign = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/target-assignments", body, [&p, done](AppState&, const ApiAnswer& answer) {
            p.assign = outcome_of(answer, done);
            if (answer.ok())
                p.chosen.clear();
        });
    };
    if (ui::button(state, "Assign to this student", "teacher.assign_student"))
        assign({ { "student_id", submission["student_id"] }, { "submission_id", submission["id"] } }, "Targets assigned to the student");
    ImGui::SameLine();
    bool has_class = assignment && (*assignment)["class_id"].is_number();
    ImGui::BeginDisabled(!has_class);
    if (ui::button(state, "Assign to the whole class", "teacher.assign_class") && has_class)
        assign({ { "class_id", (*assignment)["class_id"] } }, "Targets assigned to the class");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ui::action_status(p.assign);
}

Json target_picker_summary(const TargetPickerState& p)
{
    return { { "assign", p.assign.message }, { "target_results", p.results.data } };
}

} // namespace learnloop::client
