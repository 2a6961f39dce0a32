// The work a teacher has to mark and a student has yet to hand in (see work_lists.hpp).
#include "tracker/work_lists.hpp"

#include "core/calendar.hpp"

#include <algorithm>

namespace learnloop {

namespace {

Result<const Json*> array_at(const Json& json, std::string_view name)
{
    const Json* value = TRY(json_field(json, name));
    if (!value->is_array())
        return json_error_at(std::string(name), "must be an array");
    return value;
}

} // namespace

Result<std::vector<WorkToMark>> work_to_mark(const Json& gradebook)
{
    if (!gradebook.is_object())
        return json_error_at("gradebook", "must be an object");
    const auto& assignments = *TRY(array_at(gradebook, "assignments"));
    std::vector<WorkToMark> work;
    work.reserve(assignments.size());
    for (const auto& a : assignments)
        work.push_back({ TRY(json_int_field(a, "id")), TRY(json_string_field(a, "title")),
            TRY(json_string_field(a, "due_date")) });
    const auto& rows = *TRY(array_at(gradebook, "rows"));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto path = json_path(json_index_path("rows", r), "cells");
        const auto& cells = *TRY(json_array_at(*TRY(json_field(rows[r], "cells")), path, work.size(), work.size()));
        for (std::size_t c = 0; c < cells.size(); ++c) {
            auto status = TRY(json_string_at(cells[c].is_object() && cells[c].contains("status") ? cells[c]["status"]
                                                                                                  : Json(nullptr),
                json_path(json_index_path(path, c), "status")));
            // Handed in and not marked (tracker/gradebook.hpp's statuses).
            if (status == "submitted" || status == "late") {
                ++work[c].waiting;
                if (status == "late")
                    ++work[c].late;
            }
        }
    }
    std::erase_if(work, [](const WorkToMark& w) { return w.waiting == 0; });
    std::stable_sort(work.begin(), work.end(), [](const WorkToMark& a, const WorkToMark& b) {
        if (a.waiting != b.waiting)
            return a.waiting > b.waiting;
        if (a.due_date != b.due_date)
            return a.due_date < b.due_date;
        return a.assignment_id < b.assignment_id;
    });
    return work;
}

Result<std::vector<DueWork>> due_work(const Json& assignments, std::int64_t now_unix, int days)
{
    if (!assignments.is_array())
        return json_error_at("assignments", "must be an array");
    const std::int64_t horizon = now_unix + std::int64_t(days) * 86400;
    std::vector<DueWork> work;
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        const auto& a = assignments[i];
        auto path = json_index_path("assignments", i);
        auto due_at = TRY(json_string_at(a.is_object() && a.contains("due_at") ? a["due_at"] : Json(nullptr),
            json_path(path, "due_at")));
        auto due_unix = parse_utc_timestamp(due_at);
        if (!due_unix.ok())
            return json_error_at(json_path(path, "due_at"), "must be a UTC time");
        const Json* submission = TRY(json_field(a, "submission_id"));
        const Json* grade = TRY(json_field(a, "grade"));
        auto status = due_status(now_unix, due_unix.value(), !submission->is_null(), !grade->is_null());
        if (status == DueStatus::Submitted || status == DueStatus::Graded)
            continue;
        if (status != DueStatus::Overdue && due_unix.value() >= horizon)
            continue;
        work.push_back({ TRY(json_int_field(a, "id")), TRY(json_string_field(a, "title")),
            TRY(json_string_field(a, "due_date")), due_unix.value(), status });
    }
    std::stable_sort(work.begin(), work.end(), [](const DueWork& a, const DueWork& b) {
        bool a_over = a.status == DueStatus::Overdue, b_over = b.status == DueStatus::Overdue;
        if (a_over != b_over)
            return a_over;
        return a.due_unix < b.due_unix;
    });
    return work;
}

} // namespace learnloop
