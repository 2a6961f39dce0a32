// Tests for shared-domain/tracker/due_status.*: submission, grading and the clock.
#include "tracker/due_status.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace learnloop;

TEST_CASE("due status follows submission, grading and the clock")
{
    const std::int64_t due = 1'000'000;
    CHECK(due_status(due - 3 * 86400, due, false, false) == DueStatus::Upcoming);
    CHECK(due_status(due - 3600, due, false, false) == DueStatus::DueSoon);
    CHECK(due_status(due - k_due_soon_seconds, due, false, false) == DueStatus::DueSoon);
    CHECK(due_status(due + 1, due, false, false) == DueStatus::Overdue);
    CHECK(due_status(due + 1, due, true, false) == DueStatus::Submitted);
    CHECK(due_status(due + 1, due, true, true) == DueStatus::Graded);
    CHECK(due_status_name(DueStatus::DueSoon) == "due_soon");
}
