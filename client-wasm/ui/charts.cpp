// Mastery charts (see charts.hpp).
#include "ui/charts.hpp"

#include "ui/widgets.hpp"

namespace learnloop::client::ui {

void sparkline(AppState& state, const std::string& name, const std::vector<float>& points)
{
    if (points.size() < 2)
        return;
    ImGui::SameLine();
    ImGui::PlotLines(("##" + name).c_str(), points.data(), static_cast<int>(points.size()), 0, nullptr, 0.0f, 1.0f,
        ImVec2(ImGui::GetFontSize() * 10, ImGui::GetFrameHeight()));
    remember(state, name);
}

ImVec4 mastery_colour(float known)
{
    return ImVec4(0.95f - 0.6f * known, 0.55f + 0.35f * known, 0.55f, 1.0f);
}

} // namespace learnloop::client::ui
