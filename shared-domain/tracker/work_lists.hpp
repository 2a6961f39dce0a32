// The short lists a home page opens with: the work a teacher has to mark
// (from a class's gradebook) and the work a student has yet to hand in (from
// their assignment list). Read from the API's replies, so the browser and
// the tests see the same lists; a reply of the wrong shape is an error.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "tracker/due_status.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

// One assignment with work handed in and not yet marked.
struct WorkToMark {
    std::int64_t assignment_id = 0;
    std::string title;
    std::string due_date;   // local "YYYY-MM-DDTHH:MM:SS"
    int waiting = 0;        // handed in, not marked
    int late = 0;           // of those, handed in after the due time

    bool operator==(const WorkToMark&) const = default;
};

// From GET /api/classes/{id}/gradebook: the assignments with unmarked work,
// the most waiting first (then the earliest due, then by id).
//   gradebook: assignments [{id 4, "Essay"}], rows [{cells [{status "late"}]}]
//       -> [{4, "Essay", ..., waiting 1, late 1}]
[[nodiscard]] Result<std::vector<WorkToMark>> work_to_mark(const Json& gradebook);

// One assignment a student has not handed in that is overdue or due soon.
struct DueWork {
    std::int64_t assignment_id = 0;
    std::string title;
    std::string due_date;   // local "YYYY-MM-DDTHH:MM:SS"
    std::int64_t due_unix = 0;
    DueStatus status = DueStatus::Upcoming;

    bool operator==(const DueWork&) const = default;
};

// From GET /api/assignments (a student's, or a parent's view of a child):
// work not handed in that is overdue or due within `days` of `now_unix`,
// overdue first, then the soonest due. The status is read again at
// `now_unix` (the list may be minutes old).
//   due_work([{id 2, due in 3 days, not submitted}], now, 7) -> [{2, ..., Upcoming}]
[[nodiscard]] Result<std::vector<DueWork>> due_work(const Json& assignments, std::int64_t now_unix, int days);

} // namespace learnloop
