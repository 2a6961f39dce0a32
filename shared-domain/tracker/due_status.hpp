// Assignment due status: what a student sees next to an assignment, from the
// clock, the due time and whether it was submitted and graded.
#pragma once

#include <cstdint>
#include <string_view>

namespace learnloop {

// What a student sees next to an assignment.
enum class DueStatus { Upcoming, DueSoon, Overdue, Submitted, Graded };
inline constexpr std::int64_t k_due_soon_seconds = 48 * 3600;

// Graded, then submitted, win over the clock; unsubmitted work is due soon
// within k_due_soon_seconds of the due time and overdue after it.
//   due_status(now, now + 3600, false, false) -> DueStatus::DueSoon
[[nodiscard]] DueStatus due_status(std::int64_t now_unix, std::int64_t due_unix, bool submitted, bool graded);
[[nodiscard]] std::string_view due_status_name(DueStatus status);   // "upcoming", "due_soon", ...

} // namespace learnloop
