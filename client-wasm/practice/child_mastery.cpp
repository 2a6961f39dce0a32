// A child's practice for the parent (see child_mastery.hpp).
#include "practice/child_mastery.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "practice/mastery.hpp"
#include "practice/mastery_history.hpp"
#include "ui/charts.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

void load_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id)
{
    api_load(state, view.mastery, "/api/mastery?student_id=" + std::to_string(child_id));
}

void draw_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id, const std::string& child_name)
{
    ImGui::Separator();
    ui::text_unformatted("Practice and mastery");
    if (ui::remote_status(state, view.mastery, "parent.mastery"))
        load_child_mastery(state, view, child_id);
    if (view.mastery.phase != Phase::Done)
        return;
    const auto& m = view.mastery.data;
    if (m["targets"].empty()) {
        ui::text_colored(ui::k_muted, "No practice targets yet.");
        return;
    }
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
    view.summary = weekly_summary(child_name, answers, known_now, weak, static_cast<std::int64_t>(state.wall_clock));
    ImGui::PushTextWrapPos(0);
    ui::text_unformatted(view.summary.c_str());
    ImGui::PopTextWrapPos();
    for (const auto& target : m["targets"]) {
        auto id = target.value("target_id", "");
        // The estimate after each answer to this target, oldest first.
        std::vector<float> points;
        for (auto it = m["history"].rbegin(); it != m["history"].rend(); ++it)
            if ((*it).value("target_id", "") == id)
                points.push_back((*it).value("known", 0.0f));
        bool is_weak = std::find(m["weak_spots"].begin(), m["weak_spots"].end(), Json(id)) != m["weak_spots"].end();
        ui::text("%s%s: %s (%.0f%%)", is_weak ? "! " : "", target.value("title", "").c_str(),
            target.value("level", "").c_str(), target.value("known", 0.0) * 100);
        ui::sparkline(state, "parent.chart." + id, points);
    }
    ui::text_unformatted("Recent activity (newest first):");
    draw_recent_answers(m, 5);
}

Json child_mastery_summary(const ChildMasteryState& view)
{
    return { { "mastery", view.mastery.data }, { "summary", view.summary } };
}

} // namespace learnloop::client
