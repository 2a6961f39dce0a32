// A parent's view of one child's practice: the weekly summary in plain words,
// each target's level, a chart of the chosen target's mastery over time, and
// recent answers.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct ChildMasteryState {
    Remote mastery;               // the child's mastery and history
    std::string summary;          // the weekly summary drawn last frame
    std::string chart_target;     // the target whose chart is shown (empty: the first)
    std::string chart_alt;        // that chart's text alternative, drawn last frame
};

void load_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id);

void draw_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id, const std::string& child_name);

[[nodiscard]] Json child_mastery_summary(const ChildMasteryState& view);

// The week's practice in a sentence, from GET /api/mastery?student_id= (the
// parent's page and their home page say the same).
[[nodiscard]] std::string child_weekly_summary(const Json& mastery, const std::string& child_name, std::int64_t now_unix);

} // namespace learnloop::client
