// A parent's view of one child's assignments: status, grade and feedback.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct ChildAssignmentsState {
    Remote assignments;           // the child's view, with status, grade and feedback
};

// Loads the assignments child `child_id` sees, each with the child's status,
// grade and feedback (one request).
void load_child_assignments(AppState& state, ChildAssignmentsState& view, std::int64_t child_id);

// Draws the table; returns false while it is not loaded, failed or empty, so
// the caller can stop there (the caller offers the retry: it reloads the
// whole child).
bool draw_child_assignments(ChildAssignmentsState& view);

[[nodiscard]] Json child_assignments_summary(const ChildAssignmentsState& view);

} // namespace learnloop::client
