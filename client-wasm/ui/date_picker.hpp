// A date and time field for people: the date on a button that opens a
// calendar (a month of days, earlier and later months) and the time chosen
// from a list, instead of typing "YYYY-MM-DDTHH:MM:SS". The value stays a
// civil time in the school's zone, as the API takes it.
#pragma once

#include "app.hpp"

#include <cstddef>
#include <string>

namespace learnloop::client::ui {

// Edits `value` (a "YYYY-MM-DDTHH:MM:SS" text in a buffer of `size`).
// `today`: now in the school's zone, same format (today's day is marked).
// `name` is the field's accessible name ("Due"); the date button is
// remembered for tests as `test_name`, the time combo as `test_name` + ".time",
// and each day of the calendar as `test_name` + ".day.YYYY-MM-DD".
// Returns true when the value changed.
bool date_time_picker(AppState& state, const char* id, char* value, std::size_t size, const std::string& today,
    const char* name, const std::string& test_name);

// The month a calendar shows, as lines of weeks from Monday: 0 for a day of
// another month. Pure, for tests of the layout: march 2026 starts on a Sunday.
struct MonthGrid {
    int year = 1970, month = 1;
    int weeks[6][7] = {};
    int week_count = 0;
};
[[nodiscard]] MonthGrid month_grid(int year, int month);

} // namespace learnloop::client::ui
