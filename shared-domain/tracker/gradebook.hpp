// A class gradebook (students × assignments) and its CSV export, built from
// plain rows so the server and the teacher's portal shape it the same way.
#pragma once

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
};

struct GradebookSubmission {
    std::int64_t student_id = 0;
    std::int64_t assignment_id = 0;
    std::optional<double> grade;
    bool late = false;
};

enum class CellStatus { Missing, Submitted, Late, Graded };

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

[[nodiscard]] Gradebook build_gradebook(std::vector<GradebookStudent> students,
    std::vector<GradebookAssignment> assignments, const std::vector<GradebookSubmission>& submissions);

[[nodiscard]] std::string_view cell_status_name(CellStatus status);   // "missing", "submitted", "late", "graded"

[[nodiscard]] Json to_json(const Gradebook& gradebook);

// RFC 4180 field quoting, plus a leading apostrophe on fields a spreadsheet
// would run as a formula (=, +, -, @, tab, carriage return).
[[nodiscard]] std::string csv_field(std::string_view text);
// Header "Student,<assignment titles...>,Average"; a cell is the grade,
// "late", "submitted" or empty.
[[nodiscard]] std::string gradebook_csv(const Gradebook& gradebook);

// "87.5", "90" — grades without trailing zeros.
[[nodiscard]] std::string format_grade(double grade);

} // namespace learnloop
