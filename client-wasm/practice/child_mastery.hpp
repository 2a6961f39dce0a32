// A parent's view of one child's practice: each target's level with a chart
// of its estimate, the weekly summary in plain words, and recent answers.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct ChildMasteryState {
    Remote mastery;               // the child's mastery and history
    std::string summary;          // the weekly summary drawn last frame
};

void load_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id);

void draw_child_mastery(AppState& state, ChildMasteryState& view, std::int64_t child_id, const std::string& child_name);

[[nodiscard]] Json child_mastery_summary(const ChildMasteryState& view);

} // namespace learnloop::client
