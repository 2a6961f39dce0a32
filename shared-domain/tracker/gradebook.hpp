// A class gradebook (students × assignments) and its CSV export, built from
// plain rows so the server and the teacher's portal shape it the same way.
#pragma once

#include "core/csv.hpp"

#include "core/calendar.hpp"
#include "core/json_reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

struct GradebookStudent {
    std::int64_t id = 0;
    std::string name;
};

struct GradebookAssignment {
    std::int64_t id = 0;
    std::string title;
    std::string due_date;   // local "YYYY-MM-DDTHH:MM:SS"
    std::int64_t due_unix = 0;   // the same moment, seconds since the epoch
};

struct GradebookSubmission {
    std::int64_t student_id = 0;
    std::int64_t assignment_id = 0;
    std::optional<double> grade;
    bool late = false;
};

// A cell's status follows the student's due status (tracker/due_status.hpp):
// work not yet handed in is Upcoming or DueSoon until its due time and
// Missing after it (what the student sees as Overdue); handed-in work is
// Submitted, or Late when it came after the due time; marked work is Graded.
enum class CellStatus { Upcoming, DueSoon, Missing, Submitted, Late, Graded };

struct GradebookCell {
    CellStatus status = CellStatus::Missing;
    std::optional<double> grade;
};

struct Gradebook {
    std::vector<GradebookStudent> students;          // sorted by name
    std::vector<GradebookAssignment> assignments;    // sorted by due date
    std::vector<std::vector<GradebookCell>> cells;   // [student][assignment]
    std::vector<std::optional<double>> student_average;   // mean of graded cells
};

// `now_unix`: the clock the due statuses are read at.
[[nodiscard]] Gradebook build_gradebook(std::vector<GradebookStudent> students,
    std::vector<GradebookAssignment> assignments, const std::vector<GradebookSubmission>& submissions,
    std::int64_t now_unix);

// The status of one student's work on an assignment due at `due_unix`
// (`submission` null when nothing was handed in), by the student's due rule.
//   cell_status(now, now + 7 * 86400, nullptr) -> CellStatus::Upcoming
[[nodiscard]] CellStatus cell_status(std::int64_t now_unix, std::int64_t due_unix, const GradebookSubmission* submission);

// "upcoming", "due_soon", "missing", "submitted", "late", "graded"
[[nodiscard]] std::string_view cell_status_name(CellStatus status);

[[nodiscard]] Json to_json(const Gradebook& gradebook);

// Header "Student,<assignment titles...>,Average"; a cell is the grade,
// "late", "submitted" or empty.
[[nodiscard]] std::string gradebook_csv(const Gradebook& gradebook);

// "87.5", "90" — grades without trailing zeros.
[[nodiscard]] std::string format_grade(double grade);

} // namespace learnloop
