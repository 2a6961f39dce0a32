// A child's practice for the parent (see child_mastery.hpp).
#include "practice/child_mastery.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "practice/mastery.hpp"
#include "practice/mastery_history.hpp"
#include "ui/charts.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

void load_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id)
{
    api_load(state, view.mastery, "/api/mastery?student_id=" + std::to_string(child_id));
}

std::string child_weekly_summary(const Json& m, const std::string& child_name, std::int64_t now_unix)
{
    // The weekly summary is worked out by the shared rules from the history.
    std::vector<PracticeAnswer> answers;
    auto title_of = [&](const std::string& id) { return target_title(m["targets"], id); };
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
    return weekly_summary(child_name, answers, known_now, weak, now_unix);
}

void draw_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id, const std::string& child_name)
{
    ImGui::Separator();
    ui::heading("Practice and mastery", 2);
    if (ui::remote_status(state, view.mastery, "parent.mastery"))
        load_child_mastery(state, view, child_id);
    if (view.mastery.phase != Phase::Done)
        return;
    const auto& m = view.mastery.data;
    if (m["targets"].empty()) {
        ui::empty_state(state, "No practice targets yet",
            "When a teacher picks learning targets from marked work, your child practises them each day and their "
            "progress shows here.");
        return;
    }
    view.summary = child_weekly_summary(m, child_name, static_cast<std::int64_t>(state.wall_clock));
    ImGui::PushTextWrapPos(0);
    ui::text_unformatted(view.summary.c_str());
    ImGui::PopTextWrapPos();
    ui::vertical_space(ui::k_space_s);

    // Each target's level; choosing one shows its chart below.
    if (view.chart_target.empty() && !m["targets"].empty())
        view.chart_target = m["targets"][0].value("target_id", "");
    if (ui::begin_table("child_targets", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Learning target", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
        ImGui::TableSetupColumn("Mastery", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ui::table_headers_row();
        for (const auto& target : m["targets"]) {
            auto id = target.value("target_id", "");
            bool is_weak = std::find(m["weak_spots"].begin(), m["weak_spots"].end(), Json(id)) != m["weak_spots"].end();
            ui::table_next_row();
            ui::table_next_column();
            std::string label = target.value("title", "") + (is_weak ? " (needs practice)" : "") + "##t" + id;
            if (ui::selectable(label.c_str(), view.chart_target == id, ImGuiSelectableFlags_SpanAllColumns))
                view.chart_target = id;
            ui::remember(state, "parent.target." + id);
            ui::table_next_column();
            auto level = target.value("level", "");
            ui::chip("\xE2\x97\x8F", ui::mastery_level_label(level).c_str(), ui::k_text,
                ui::mastery_colour(target.value("known", 0.0f)));
            ui::table_next_column();
            ui::text_unformatted(ui::format_percent(target.value("known", 0.0)).c_str());
        }
        ui::end_table();
    }

    // The chosen target's estimate after each answer, oldest first.
    std::vector<ui::MasteryPoint> points;
    for (auto it = m["history"].rbegin(); it != m["history"].rend(); ++it) {
        const auto& h = *it;
        if (h.value("target_id", "") != view.chart_target)
            continue;
        std::string local = h.value("answered_local", "");   // "YYYY-MM-DD HH:MM" on the school's clock
        if (local.size() == 16)
            local = local.substr(0, 10) + "T" + local.substr(11) + ":00";
        points.push_back({ parse_utc_timestamp(h.value("answered_at", "")).value_or(0), local, h.value("known", 0.0f),
            h.value("verdict", "") == "correct" });
    }
    const std::string chart_title = target_title(m["targets"], view.chart_target);
    ui::vertical_space(ui::k_space_s);
    ui::heading(("Mastery over time: " + chart_title).c_str(), 3);
    ui::mastery_chart(state, "parent.chart." + view.chart_target, chart_title, points, 170.0f);
    view.chart_alt = ui::mastery_chart_alt(chart_title, points);
    ui::vertical_space(ui::k_space_s);
    ui::text_unformatted("Recent activity (newest first):");
    draw_recent_answers(m, 5);
}

Json child_mastery_summary(const ChildMasteryState& view)
{
    return { { "mastery", view.mastery.data }, { "summary", view.summary }, { "chart_target", view.chart_target },
        { "chart_alt", view.chart_alt } };
}

} // namespace learnloop::client
