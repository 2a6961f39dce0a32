// A tutor's hours (GET/POST/DELETE /api/tutoring/availability): the weekly
// windows they teach in, and days away or with extra time. A booking
// outside them is flagged to whoever books it. Tutors keep their own ("My
// hours"); the office picks a tutor ("Tutors' hours").
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct AvailabilityTabState {
    Remote windows;
    int tutor = -1;                  // the office's pick among the tutors
    std::int64_t loaded_tutor = -1;  // whose windows `windows` holds (0: the tutor's own)
    // A weekly window.
    int weekday = 1;
    char starts[6] = "16:00";
    char ends[6] = "20:00";
    // A day away, or with extra time.
    char day[11] = "";
    char day_starts[6] = "09:00";
    char day_ends[6] = "17:00";
    int day_kind = 0;                // 0 away, 1 extra time
    std::int64_t remove_pending = 0;
    std::string remove_label;
    Outcome action;
};

// `people`: the business's users (the office's tutor picker); null for a tutor, who keeps their own.
void draw_availability_tab(AppState& state, AvailabilityTabState& tab, const Remote* people);
[[nodiscard]] Json availability_tab_summary(const AvailabilityTabState& tab);

} // namespace learnloop::client
