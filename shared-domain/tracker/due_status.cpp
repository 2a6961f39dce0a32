// Assignment due status: what a student sees next to an assignment.
#include "tracker/due_status.hpp"

namespace learnloop {

DueStatus due_status(std::int64_t now_unix, std::int64_t due_unix, bool submitted, bool graded)
{
    if (graded)
        return DueStatus::Graded;
    if (submitted)
        return DueStatus::Submitted;
    if (now_unix > due_unix)
        return DueStatus::Overdue;
    if (due_unix - now_unix <= k_due_soon_seconds)
        return DueStatus::DueSoon;
    return DueStatus::Upcoming;
}

std::string_view due_status_name(DueStatus status)
{
    switch (status) {
    case DueStatus::Upcoming: return "upcoming";
    case DueStatus::DueSoon: return "due_soon";
    case DueStatus::Overdue: return "overdue";
    case DueStatus::Submitted: return "submitted";
    case DueStatus::Graded: return "graded";
    }
    return "upcoming";
}

} // namespace learnloop
