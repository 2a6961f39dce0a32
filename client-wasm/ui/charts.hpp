// Charts for people, drawn with Dear ImGui's draw lists: mastery over time
// (axes, dates, level bands, a tooltip on hover), the mastery colours and
// their legend, and a grade distribution. Every chart records itself in the
// semantics layer as an image whose name is its text alternative (what a
// sighted reader takes from it, in a sentence).
#pragma once

#include "app.hpp"
#include "practice/mastery.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop::client::ui {

// One estimate after an answer: when (seconds since the epoch, for the x
// axis; `local` "YYYY-MM-DDTHH:MM:SS" on the school's clock, for labels),
// the estimate 0..1 and whether the answer was right.
struct MasteryPoint {
    std::int64_t unix_seconds = 0;
    std::string local;
    float known = 0;
    bool correct = false;
};

// A line chart of `points` (oldest first) for the target `title`, `height`
// CSS pixels tall across the available width; remembered for tests under
// `name`. Fewer than two points draw a sentence instead.
void mastery_chart(AppState& state, const std::string& name, const std::string& title,
    const std::vector<MasteryPoint>& points, float height = 180.0f);
// The sentence mastery_chart records as its text alternative.
[[nodiscard]] std::string mastery_chart_alt(const std::string& title, const std::vector<MasteryPoint>& points);

// A level's colour: a light tint dark text reads on (4.5:1 or more), from
// grey (not started) through red and amber to green (mastered).
[[nodiscard]] ImVec4 mastery_level_colour(MasteryLevel level);
// The colour of an estimate, by the level it reaches after an attempt.
[[nodiscard]] ImVec4 mastery_colour(float known);
// One line: a swatch and a name for each level, with its threshold.
void mastery_legend();

// One bar of a bar chart: its label under it, its value (the height) and
// that value as people read it over it ("£1,240").
struct Bar {
    std::string label;
    double value = 0;
    std::string value_label;
};
// Bars side by side, `height` CSS pixels tall and at most `width` wide,
// recorded in the semantics layer as an image named `alt`; remembered for
// tests under `name`.
void bar_chart(AppState& state, const std::string& name, const std::vector<Bar>& bars, const std::string& alt,
    float width = 360.0f, float height = 150.0f);

// Counts of `grades` in bands (under 50, 50s, 60s, 70s, 80s, 90 and over) as
// bars with their counts, `height` CSS pixels tall and `width` wide;
// remembered for tests under `name`.
void grade_distribution(AppState& state, const std::string& name, const std::vector<double>& grades,
    float width = 360.0f, float height = 150.0f);
[[nodiscard]] std::string grade_distribution_alt(const std::vector<double>& grades);

} // namespace learnloop::client::ui
