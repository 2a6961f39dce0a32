// The parent's portal: each linked child's assignments, submissions and grades.
#include "net/api.hpp"
#include "core/calendar.hpp"
#include "tracker/gradebook.hpp"
#include "practice/mastery.hpp"
#include "ui/ui.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

// Loads the child's view: the assignments that child sees, each with the
// child's status, grade and feedback (one request).
void load_child(AppState& state, std::int64_t child_id)
{
    auto& p = state.parent;
    p.child_id = child_id;
    api_load(state, p.mastery, "/api/mastery?student_id=" + std::to_string(child_id));
    api_load(state, p.assignments, "/api/assignments?limit=200&student_id=" + std::to_string(child_id));
}

// Each target's level, a chart of its estimate over the recent answers, and a
// plain-language summary.
void draw_child_mastery(AppState& state)
{
    auto& p = state.parent;
    ImGui::Separator();
    ImGui::TextUnformatted("Practice and mastery");
    if (ui::remote_status(state, p.mastery, "parent.mastery"))
        api_load(state, p.mastery, "/api/mastery?student_id=" + std::to_string(p.child_id));
    if (p.mastery.phase != Phase::Done)
        return;
    const auto& m = p.mastery.data;
    if (m["targets"].empty()) {
        ImGui::TextColored(ui::k_muted, "No practice targets yet.");
        return;
    }
    // The weekly summary is worked out by the shared rules from the history.
    std::vector<PracticeAnswer> answers;
    auto title_of = [&](const std::string& id) { return ui::target_title(m["targets"], id); };
    // The history comes newest first; the summary wants oldest first, and
    // each target's estimate now.
    for (auto it = m["history"].rbegin(); it != m["history"].rend(); ++it) {
        const auto& h = *it;
        answers.push_back({ title_of(h.value("target_id", "")), h.value("verdict", "") == "correct", h.value("known", 0.0),
            parse_utc_timestamp(h.value("answered_at", "")).value_or(0) });
    }
    std::vector<TargetEstimate> known_now;
    for (const auto& target : m["targets"])
        known_now.push_back({ title_of(target.value("target_id", "")), target.value("known", 0.0) });
    std::vector<std::string> weak;
    for (const auto& id : m["weak_spots"])
        weak.push_back(title_of(id.get<std::string>()));
    std::string child_name;
    for (const auto& c : p.children.data)
        if (c.value("id", std::int64_t(0)) == p.child_id)
            child_name = c.value("name", "");
    p.summary = weekly_summary(child_name, answers, known_now, weak, static_cast<std::int64_t>(state.wall_clock));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(p.summary.c_str());
    ImGui::PopTextWrapPos();
    for (const auto& target : m["targets"]) {
        auto id = target.value("target_id", "");
        // The estimate after each answer to this target, oldest first.
        std::vector<float> points;
        for (auto it = m["history"].rbegin(); it != m["history"].rend(); ++it)
            if ((*it).value("target_id", "") == id)
                points.push_back((*it).value("known", 0.0f));
        bool weak = std::find(m["weak_spots"].begin(), m["weak_spots"].end(), Json(id)) != m["weak_spots"].end();
        ImGui::Text("%s%s: %s (%.0f%%)", weak ? "! " : "", target.value("title", "").c_str(),
            target.value("level", "").c_str(), target.value("known", 0.0) * 100);
        if (points.size() >= 2) {
            ImGui::SameLine();
            ImGui::PlotLines(("##chart" + id).c_str(), points.data(), static_cast<int>(points.size()), 0, nullptr, 0.0f,
                1.0f, ImVec2(ImGui::GetFontSize() * 10, ImGui::GetFrameHeight()));
            ui::remember(state, "parent.chart." + id);
        }
    }
    ImGui::TextUnformatted("Recent activity (newest first):");
    ui::recent_answers(m, 5);
}

// A code from the school links this parent to a student.
void draw_redeem(AppState& state)
{
    auto& p = state.parent;
    ImGui::TextUnformatted("Link code from the school:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText("##link_code", p.link_code, sizeof p.link_code, ImGuiInputTextFlags_CharsNoBlank);
    ui::remember(state, "parent.link_code");
    ImGui::SameLine();
    ImGui::BeginDisabled(!p.link_code[0] || p.redeem.phase == Phase::Loading);
    if (ui::button(state, "Link my child", "parent.redeem")) {
        p.redeem = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/parent-links/redeem", { { "code", p.link_code } },
            [](AppState& state, const ApiAnswer& answer) {
                auto& p = state.parent;
                p.redeem = answer.ok() ? Outcome { Phase::Done, "Linked", false } : Outcome { Phase::Failed, answer.error_text(), true };
                if (answer.ok()) {
                    p.link_code[0] = '\0';
                    p.child_id = 0;
                    api_load(state, p.children, "/api/children");
                }
            });
    }
    ImGui::EndDisabled();
    ui::action_status(p.redeem);
}

} // namespace

void draw_parent_portal(AppState& state)
{
    auto& p = state.parent;
    if (p.children.phase == Phase::Idle)
        api_load(state, p.children, "/api/children");
    if (ui::remote_status(state, p.children, "parent.children"))
        api_load(state, p.children, "/api/children");
    if (p.children.phase != Phase::Done)
        return;
    if (p.children.data.empty()) {
        ImGui::TextWrapped("No children are linked to your account yet. Ask the school for a link code.");
        draw_redeem(state);
        return;
    }
    if (p.child_id == 0)
        load_child(state, p.children.data[0].value("id", std::int64_t(0)));

    ImGui::TextUnformatted("Child:");
    for (const auto& child : p.children.data) {
        auto id = child.value("id", std::int64_t(0));
        ImGui::SameLine();
        if (ImGui::RadioButton((child.value("name", "") + "##child" + std::to_string(id)).c_str(), p.child_id == id))
            load_child(state, id);
        ui::remember(state, "parent.child." + child.value("name", ""));
    }
    ImGui::SameLine();
    if (ui::button(state, "Refresh", "parent.refresh"))
        load_child(state, p.child_id);

    if (ui::remote_status(state, p.assignments, "parent.assignments"))
        load_child(state, p.child_id);
    if (p.assignments.phase != Phase::Done)
        return;
    if (p.assignments.data.empty()) {
        ImGui::TextColored(ui::k_muted, "No assignments yet.");
        return;
    }
    if (ImGui::BeginTable("child_assignments", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Assignment");
        ImGui::TableSetupColumn("Due");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Grade");
        ImGui::TableSetupColumn("Feedback");
        ImGui::TableHeadersRow();
        for (const auto& a : p.assignments.data) {
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
    draw_child_mastery(state);
    ImGui::Separator();
    draw_redeem(state);
}

Json parent_summary(const AppState& state)
{
    const auto& p = state.parent;
    Json rows = Json::array();
    if (p.assignments.data.is_array()) {
        for (const auto& a : p.assignments.data)
            rows.push_back({ { "title", a.value("title", "") }, { "status", a.value("status", "") },
                { "grade", a.value("grade", Json()) }, { "feedback", a.value("feedback", Json()) } });
    }
    return { { "children", p.children.data }, { "child_id", p.child_id }, { "assignments", rows },
        { "mastery", p.mastery.data }, { "summary", p.summary } };
}

} // namespace learnloop::client
