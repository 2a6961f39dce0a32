// Mastery charts (see charts.hpp).
#include "ui/charts.hpp"

#include "ui/widgets.hpp"

#include <cstdio>

namespace learnloop::client::ui {

void sparkline(AppState& state, const std::string& name, const std::vector<float>& points)
{
    if (points.size() < 2)
        return;
    ImGui::SameLine();
    float width = place(ImGui::GetFontSize() * 10);   // on a phone, below its label when it does not fit beside it
    ImGui::PlotLines(("##" + name).c_str(), points.data(), static_cast<int>(points.size()), 0, nullptr, 0.0f, 1.0f,
        ImVec2(width, ImGui::GetFrameHeight()));
    remember(state, name);
    // The chart's text alternative: where the estimate started and ended.
    char alt[160];
    std::snprintf(alt, sizeof alt, "Mastery over time: %d answers, from %d%% to %d%%", static_cast<int>(points.size()),
        static_cast<int>(points.front() * 100 + 0.5f), static_cast<int>(points.back() * 100 + 0.5f));
    semantics::add(semantics::Role::Image, alt);
}

ImVec4 mastery_colour(float known)
{
    return ImVec4(0.95f - 0.6f * known, 0.55f + 0.35f * known, 0.55f, 1.0f);
}

} // namespace learnloop::client::ui
