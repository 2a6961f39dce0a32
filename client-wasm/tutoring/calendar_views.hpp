// The calendar's week grid and month grid, drawn from shared-domain's
// layout (tutoring/calendar_layout.hpp): a week as days side by side with
// the hours down, overlapping sessions in columns; a month as weeks of day
// cells listing their first sessions. Every session and day is a button in
// the accessible tree, named with what it is and when, so a screen reader
// reads the same calendar the canvas shows.
#pragma once

#include "app.hpp"
#include "core/calendar.hpp"

#include <functional>
#include <string>

namespace learnloop::client {

// What a session is called on the grid ("Maths: Zoë Student with Tomás Tutor").
using SessionTitle = std::function<std::string(const Json&)>;

// A status as a shape and a colour; the word is the business's own label.
struct StatusLook {
    const char* glyph;
    ImVec4 text, tint;
};
[[nodiscard]] StatusLook look_of(const std::string& status);

// Draws `days` days from `first` (a midnight) with `occurrences` (the API's
// list) in their places. `selected`: the key ("series@recurrence") of the
// session shown below the grid. Returns the key of the session pressed, or
// an empty text.
std::string draw_week_grid(AppState& state, const Json& occurrences, const LocalDateTime& first, int days,
    const std::string& selected, const SessionTitle& title);

// Draws the month `year`-`month` as weeks from `week_start` (1 Monday, 0
// Sunday). Returns the day pressed (its midnight), or none.
std::optional<LocalDateTime> draw_month_grid(AppState& state, const Json& occurrences, int year, int month,
    int week_start, const SessionTitle& title);

// "series@recurrence_id": a session's key on the calendar.
[[nodiscard]] std::string session_key(const Json& occurrence);

} // namespace learnloop::client
