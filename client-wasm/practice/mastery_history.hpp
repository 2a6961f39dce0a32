// Reading a GET /api/mastery answer: target titles and a student's latest
// practice answers, shown to teachers (drill-down) and parents.
#pragma once

#include "app.hpp"

#include <cstddef>
#include <string>

namespace learnloop::client {

// The title of learning target `target_id` in a list of targets as the API
// sends them ([{"target_id", "title", ...}]); the id itself if not listed.
[[nodiscard]] std::string target_title(const Json& targets, const std::string& target_id);

// A student's latest practice answers from a GET /api/mastery answer
// (`history`, newest first, titles from `targets`): time in the school's
// zone, target, verdict and the estimate after it; at most `limit` lines.
void draw_recent_answers(const Json& mastery, std::size_t limit);

} // namespace learnloop::client
