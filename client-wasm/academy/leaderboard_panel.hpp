// A course's leaderboard in the browser: students read the top ten and their
// own place (names short, none while the instructor has it off); the
// instructor and the office read every row and turn it on or off. The ranks
// are the server's, from shared-domain academy/progress rank_leaderboard.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct LeaderboardState {
    std::int64_t course = 0;      // the course `board` holds
    Remote board;                 // GET /api/academy/courses/{id}/leaderboard
    Outcome toggle;               // turning it on or off
};

// Draws `course_id`'s leaderboard (loading it when the course changes);
// `manage`: the switch that turns it on or off for students.
void draw_leaderboard(AppState& state, LeaderboardState& panel, std::int64_t course_id, bool manage);

// The test hook's view: on or off, each row's rank, name and XP, the last switch message.
[[nodiscard]] Json leaderboard_summary(const LeaderboardState& panel);

} // namespace learnloop::client
