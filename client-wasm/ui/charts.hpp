// Small charts for mastery: a line of estimates over time and the colour of
// an estimate in a heatmap cell.
#pragma once

#include "app.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace learnloop::client::ui {

// A one-line chart of `points` (each 0..1) on the current line, remembered
// for tests under `name`. Draws nothing for fewer than two points.
void sparkline(AppState& state, const std::string& name, const std::vector<float>& points);

// Red through amber to green as the estimate `known` (0..1) rises; a label
// beside it always says the level, so colour is never the only signal.
[[nodiscard]] ImVec4 mastery_colour(float known);

} // namespace learnloop::client::ui
