// Charts (see charts.hpp): [SECTION] mastery over time, [SECTION] mastery
// colours, [SECTION] grade distribution.
#include "ui/charts.hpp"

#include "core/calendar.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace learnloop::client::ui {

namespace {

float ui_scale()
{
    return ImGui::GetStyle().ItemSpacing.y / k_space_s;
}

void draw_text_small(ImDrawList* draw, ImVec2 at, const ImVec4& colour_of, const char* text)
{
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize() * k_type_small, at, colour(colour_of), text);
}

ImVec2 text_size_small(const char* text)
{
    ImVec2 size = ImGui::CalcTextSize(text);
    return ImVec2(size.x * k_type_small, size.y * k_type_small);
}

} // namespace

// [SECTION] mastery over time ------------------------------------------------------

std::string mastery_chart_alt(const std::string& title, const std::vector<MasteryPoint>& points)
{
    if (points.empty())
        return "Mastery of " + title + ": no answers yet";
    const auto& first = points.front();
    const auto& last = points.back();
    auto level_of = [](float known) { return std::string(mastery_level_label(mastery_level(known, 1))); };
    float high = 0;
    for (const auto& p : points)
        high = std::max(high, p.known);
    std::string trend = last.known > first.known + 0.05f ? "rose" : last.known < first.known - 0.05f ? "fell" : "stayed";
    std::string alt = "Mastery of " + title + " over time: " + std::to_string(points.size()) + " answer"
        + (points.size() == 1 ? "" : "s") + " from " + short_date(first.local) + " to " + short_date(last.local) + "; "
        + trend + " from " + format_percent(first.known) + " to " + format_percent(last.known) + " ("
        + level_of(last.known) + ")";
    if (high > last.known + 0.05f)
        alt += ", highest " + format_percent(high);
    return alt;
}

void mastery_chart(AppState& state, const std::string& name, const std::string& title,
    const std::vector<MasteryPoint>& points, float height)
{
    const float s = ui_scale();
    if (points.size() < 2) {
        text_colored(k_muted, "%s", points.empty() ? "No answers yet: the chart starts with the first practice."
                                                   : "One answer so far: the chart starts with the second.");
        return;
    }
    const ImVec2 size(ImGui::GetContentRegionAvail().x, height * s);
    ImGui::InvisibleButton(name.c_str(), size);
    remember(state, name);
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    auto* draw = ImGui::GetWindowDrawList();

    // The plot area, inside room for the axis labels.
    const float left = min.x + text_size_small("100%").x + k_space_s * s;
    const float right = max.x - k_space_m * s;
    const float top = min.y + k_space_s * s;
    const float bottom = max.y - text_size_small("0").y - k_space_s * s;
    auto y_of = [&](float known) { return bottom - (bottom - top) * std::clamp(known, 0.0f, 1.0f); };
    const double t0 = static_cast<double>(points.front().unix_seconds);
    const double t1 = std::max(t0 + 1, static_cast<double>(points.back().unix_seconds));
    // Answers close together in time still show apart: x is half time, half answer order.
    auto x_of = [&](std::size_t i) {
        double by_time = (static_cast<double>(points[i].unix_seconds) - t0) / (t1 - t0);
        double by_order = static_cast<double>(i) / static_cast<double>(points.size() - 1);
        return left + (right - left) * static_cast<float>(0.5 * by_time + 0.5 * by_order);
    };

    // Level bands behind the line, so the height reads as a level.
    const std::array<std::pair<float, float>, 4> bands = { { { 0.0f, 0.5f }, { 0.5f, 0.8f }, { 0.8f, 0.95f },
        { 0.95f, 1.0f } } };
    const std::array<MasteryLevel, 4> band_levels = { MasteryLevel::Attempted, MasteryLevel::Familiar,
        MasteryLevel::Proficient, MasteryLevel::Mastered };
    for (std::size_t b = 0; b < bands.size(); ++b)
        draw->AddRectFilled(ImVec2(left, y_of(bands[b].second)), ImVec2(right, y_of(bands[b].first)),
            colour(mastery_level_colour(band_levels[b]), 0.55f));
    // Gridlines and the y axis's labels at the level thresholds.
    for (float tick : { 0.0f, 0.5f, 0.8f, 1.0f }) {
        float y = y_of(tick);
        draw->AddLine(ImVec2(left, y), ImVec2(right, y), colour(k_border), 1.0f * s);
        char label[8];
        std::snprintf(label, sizeof label, "%d%%", static_cast<int>(tick * 100));
        ImVec2 ls = text_size_small(label);
        draw_text_small(draw, ImVec2(left - ls.x - k_space_xs * s, y - ls.y * 0.5f), k_muted, label);
    }
    // The x axis: the first, middle and last answers' dates ("23 Oct"), or
    // their times when every answer was on one day.
    draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), colour(k_field_border), 1.0f * s);
    const bool one_day = points.front().local.substr(0, 10) == points.back().local.substr(0, 10);
    for (std::size_t i : { std::size_t(0), points.size() / 2, points.size() - 1 }) {
        std::string date = short_date(points[i].local);
        auto space = date.find(' ');
        if (space != std::string::npos)
            date = date.substr(space + 1);   // "23 Oct"
        if (one_day && points[i].local.size() >= 16)
            date = points[i].local.substr(11, 5);   // "08:28"
        ImVec2 ls = text_size_small(date.c_str());
        float x = std::clamp(x_of(i) - ls.x * 0.5f, left, right - ls.x);
        draw->AddLine(ImVec2(x_of(i), bottom), ImVec2(x_of(i), bottom + k_space_xs * s), colour(k_field_border), 1.0f * s);
        draw_text_small(draw, ImVec2(x, bottom + k_space_xs * s), k_muted, date.c_str());
    }
    // The line, and a dot per answer (filled when right, hollow when not).
    std::vector<ImVec2> line;
    line.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        line.emplace_back(x_of(i), y_of(points[i].known));
    draw->AddPolyline(line.data(), static_cast<int>(line.size()), colour(k_accent), 0, 2.0f * s);
    const float dot = points.size() > 60 ? 2.0f * s : 3.0f * s;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].correct)
            draw->AddCircleFilled(line[i], dot, colour(k_accent));
        else
            draw->AddCircle(line[i], dot, colour(k_accent), 0, 1.5f * s);
    }

    // Hover: the nearest answer, with its date, estimate and level.
    if (hovered) {
        float mouse = ImGui::GetIO().MousePos.x;
        std::size_t nearest = 0;
        for (std::size_t i = 1; i < line.size(); ++i)
            if (std::fabs(line[i].x - mouse) < std::fabs(line[nearest].x - mouse))
                nearest = i;
        draw->AddLine(ImVec2(line[nearest].x, top), ImVec2(line[nearest].x, bottom), colour(k_muted, 0.6f), 1.0f * s);
        draw->AddCircleFilled(line[nearest], dot + 2 * s, colour(k_accent));
        const auto& p = points[nearest];
        std::string when = p.local.size() >= 19 ? due_for_people(p.local.substr(0, 19)) : p.local;
        ImGui::SetTooltip("%s\n%s answer \xC2\xB7 mastery %s (%s)", when.c_str(), p.correct ? "Right" : "Wrong",
            format_percent(p.known).c_str(), std::string(mastery_level_label(mastery_level(p.known, 1))).c_str());
    }
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Image, mastery_chart_alt(title, points), min, max, ImGui::GetItemID());
}

// [SECTION] mastery colours ------------------------------------------------------

ImVec4 mastery_level_colour(MasteryLevel level)
{
    switch (level) {
    case MasteryLevel::NotStarted: return k_muted_tint;                                  // #E5E8EB
    case MasteryLevel::Attempted: return ImVec4(0.996f, 0.843f, 0.843f, 1.0f);           // #FED7D7
    case MasteryLevel::Familiar: return ImVec4(0.992f, 0.902f, 0.659f, 1.0f);            // #FDE6A8
    case MasteryLevel::Proficient: return ImVec4(0.776f, 0.933f, 0.800f, 1.0f);          // #C6EECC
    case MasteryLevel::Mastered: return ImVec4(0.561f, 0.859f, 0.639f, 1.0f);            // #8FDBA3
    }
    return k_muted_tint;
}

ImVec4 mastery_colour(float known)
{
    return mastery_level_colour(mastery_level(known, 1));
}

void mastery_legend()
{
    const float s = ui_scale();
    const float box = ImGui::GetTextLineHeight();
    struct Entry {
        MasteryLevel level;
        const char* range;
    };
    static constexpr Entry entries[] = { { MasteryLevel::NotStarted, "no answers" }, { MasteryLevel::Attempted, "under 50%" },
        { MasteryLevel::Familiar, "50\xE2\x80\x93" "79%" }, { MasteryLevel::Proficient, "80\xE2\x80\x93" "94%" },
        { MasteryLevel::Mastered, "95% and over" } };
    text_colored(k_muted, "Key:");
    for (const auto& e : entries) {
        ImGui::SameLine(0, k_space_m * s);
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(box, box));
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + box, at.y + box),
            colour(mastery_level_colour(e.level)), k_radius * s * 0.5f);
        ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + box, at.y + box), colour(k_field_border, 0.6f),
            k_radius * s * 0.5f);
        ImGui::SameLine(0, k_space_xs * s);
        text("%s (%s)", std::string(mastery_level_label(e.level)).c_str(), e.range);
    }
}

// [SECTION] grade distribution -------------------------------------------------

namespace {

constexpr std::array<const char*, 6> k_bands = { "0\xE2\x80\x93" "49", "50s", "60s", "70s", "80s", "90+" };

std::array<int, 6> band_counts(const std::vector<double>& grades)
{
    std::array<int, 6> counts {};
    for (double g : grades)
        ++counts[static_cast<std::size_t>(std::clamp(static_cast<int>(std::floor(g / 10.0)) - 4, 0, 5))];
    return counts;
}

} // namespace

std::string grade_distribution_alt(const std::vector<double>& grades)
{
    if (grades.empty())
        return "Grade distribution: no grades yet";
    auto counts = band_counts(grades);
    double sum = 0;
    for (double g : grades)
        sum += g;
    std::string alt = "Grade distribution of " + std::to_string(grades.size()) + " grades, average "
        + format_number(sum / static_cast<double>(grades.size()), 1) + ":";
    const char* spoken[] = { "under 50", "50 to 59", "60 to 69", "70 to 79", "80 to 89", "90 and over" };
    bool first = true;
    for (std::size_t b = 0; b < counts.size(); ++b) {
        if (!counts[b])
            continue;
        alt += std::string(first ? " " : ", ") + std::to_string(counts[b]) + " " + spoken[b];
        first = false;
    }
    return alt;
}

void bar_chart(AppState& state, const std::string& name, const std::vector<Bar>& bars, const std::string& alt, float width,
    float height)
{
    const float s = ui_scale();
    const ImVec2 size(std::min(width * s, ImGui::GetContentRegionAvail().x), height * s);
    ImGui::InvisibleButton(name.c_str(), size);
    remember(state, name);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    auto* draw = ImGui::GetWindowDrawList();
    double most = 0;
    for (const auto& bar : bars)
        most = std::max(most, bar.value);
    if (most <= 0)
        most = 1;
    const float label_h = text_size_small("0").y;
    const float bottom = max.y - label_h - k_space_xs * s;
    const float top = min.y + label_h + k_space_xs * s;   // room for the values over the bars
    const float slot = (max.x - min.x) / static_cast<float>(std::max<std::size_t>(1, bars.size()));
    draw->AddLine(ImVec2(min.x, bottom), ImVec2(max.x, bottom), colour(k_field_border), 1.0f * s);
    // Values wider than their bar's room (money on a phone) would run into
    // each other: then only the highest bar says its value.
    bool values_fit = true;
    for (const auto& bar : bars)
        values_fit = values_fit && text_size_small(bar.value_label.c_str()).x <= slot * 0.98f;
    for (std::size_t b = 0; b < bars.size(); ++b) {
        float x0 = min.x + slot * static_cast<float>(b) + slot * 0.15f;
        float x1 = x0 + slot * 0.7f;
        float y = bottom - (bottom - top) * static_cast<float>(bars[b].value / most);
        if (bars[b].value > 0)
            draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, bottom), colour(k_accent, 0.85f), k_radius * s * 0.5f,
                ImDrawFlags_RoundCornersTop);
        if (values_fit || bars[b].value == most) {
            ImVec2 vs = text_size_small(bars[b].value_label.c_str());
            const float vx = std::clamp((x0 + x1 - vs.x) * 0.5f, min.x, max.x - vs.x);
            draw_text_small(draw, ImVec2(vx, y - vs.y - 2 * s), k_text, bars[b].value_label.c_str());
        }
        ImVec2 ls = text_size_small(bars[b].label.c_str());
        draw_text_small(draw, ImVec2((x0 + x1 - ls.x) * 0.5f, bottom + 2 * s), k_muted, bars[b].label.c_str());
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", alt.c_str());
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Image, alt, min, max, ImGui::GetItemID());
}

void grade_distribution(AppState& state, const std::string& name, const std::vector<double>& grades, float width,
    float height)
{
    auto counts = band_counts(grades);
    std::vector<Bar> bars;
    for (std::size_t b = 0; b < counts.size(); ++b)
        bars.push_back({ k_bands[b], static_cast<double>(counts[b]), std::to_string(counts[b]) });
    bar_chart(state, name, bars, grade_distribution_alt(grades), width, height);
}

} // namespace learnloop::client::ui
