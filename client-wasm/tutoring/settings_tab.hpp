// A tutoring business's settings, for its administrators: what happens when
// a booking clashes (per check: allowed, a warning, or refused), the day
// weeks start on, the attendance statuses tutors log and what each bills,
// and the holidays and days off that new recurring sessions skip (those
// already booked on them are listed, never cancelled silently).
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop::client {

struct StatusRow {
    std::string key;
    char label[61] = "";
    int percent = 100;
};

struct SettingsTabState {
    Remote settings;              // GET /api/tutoring/settings
    Remote blocked;               // GET /api/tutoring/blocked-dates
    bool edited_from_load = false;   // the form below holds what `settings` loaded
    int policy[3] = { 0, 0, 0 };  // tutor, student, room: 0 off, 1 warn, 2 block
    int week_start = 1;
    std::vector<StatusRow> statuses;
    char new_status[61] = "";
    // A holiday or days off.
    char block_first[11] = "";
    char block_last[11] = "";
    char block_label[81] = "";
    std::int64_t unblock_pending = 0;
    std::string unblock_label;
    std::vector<std::string> affected;   // sessions already booked on the days just blocked
    Outcome action;
    bool saved = false;           // saved since the portal last looked (the calendar reloads its copy)
};

void draw_settings_tab(AppState& state, SettingsTabState& tab);
[[nodiscard]] Json settings_tab_summary(const SettingsTabState& tab);

} // namespace learnloop::client
