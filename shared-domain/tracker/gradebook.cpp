// Gradebook shaping and CSV export.
#include "tracker/gradebook.hpp"

#include "tracker/due_status.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace learnloop {

CellStatus cell_status(std::int64_t now_unix, std::int64_t due_unix, const GradebookSubmission* submission)
{
    switch (due_status(now_unix, due_unix, submission != nullptr, submission && submission->grade)) {
    case DueStatus::Upcoming: return CellStatus::Upcoming;
    case DueStatus::DueSoon: return CellStatus::DueSoon;
    case DueStatus::Overdue: return CellStatus::Missing;
    case DueStatus::Submitted: return submission->late ? CellStatus::Late : CellStatus::Submitted;
    case DueStatus::Graded: return CellStatus::Graded;
    }
    return CellStatus::Missing;
}

Gradebook build_gradebook(std::vector<GradebookStudent> students, std::vector<GradebookAssignment> assignments,
    const std::vector<GradebookSubmission>& submissions, std::int64_t now_unix)
{
    std::stable_sort(students.begin(), students.end(),
        [](const auto& a, const auto& b) { return a.name != b.name ? a.name < b.name : a.id < b.id; });
    std::stable_sort(assignments.begin(), assignments.end(),
        [](const auto& a, const auto& b) { return a.due_date != b.due_date ? a.due_date < b.due_date : a.id < b.id; });

    std::map<std::int64_t, std::size_t> student_index, assignment_index;
    for (std::size_t i = 0; i < students.size(); ++i)
        student_index[students[i].id] = i;
    for (std::size_t i = 0; i < assignments.size(); ++i)
        assignment_index[assignments[i].id] = i;

    Gradebook book;
    std::vector<GradebookCell> nothing_handed_in;
    for (const auto& a : assignments)
        nothing_handed_in.push_back({ cell_status(now_unix, a.due_unix, nullptr), std::nullopt });
    book.cells.assign(students.size(), nothing_handed_in);
    for (const auto& submission : submissions) {
        auto s = student_index.find(submission.student_id);
        auto a = assignment_index.find(submission.assignment_id);
        if (s == student_index.end() || a == assignment_index.end())
            continue;   // a submission of someone no longer in the class
        auto& cell = book.cells[s->second][a->second];
        cell.grade = submission.grade;
        cell.status = cell_status(now_unix, assignments[a->second].due_unix, &submission);
    }
    for (const auto& row : book.cells) {
        double sum = 0;
        int count = 0;
        for (const auto& cell : row) {
            if (cell.grade) {
                sum += *cell.grade;
                ++count;
            }
        }
        book.student_average.push_back(count ? std::optional<double>(sum / count) : std::nullopt);
    }
    book.students = std::move(students);
    book.assignments = std::move(assignments);
    return book;
}

std::string_view cell_status_name(CellStatus status)
{
    switch (status) {
    case CellStatus::Upcoming: return "upcoming";
    case CellStatus::DueSoon: return "due_soon";
    case CellStatus::Missing: return "missing";
    case CellStatus::Submitted: return "submitted";
    case CellStatus::Late: return "late";
    case CellStatus::Graded: return "graded";
    }
    return "missing";
}

Json to_json(const Gradebook& book)
{
    Json students = Json::array(), assignments = Json::array(), rows = Json::array();
    for (const auto& a : book.assignments)
        assignments.push_back({ { "id", a.id }, { "title", a.title }, { "due_date", a.due_date } });
    for (std::size_t i = 0; i < book.students.size(); ++i) {
        Json cells = Json::array();
        for (const auto& cell : book.cells[i])
            cells.push_back({ { "status", cell_status_name(cell.status) },
                { "grade", cell.grade ? Json(*cell.grade) : Json(nullptr) } });
        rows.push_back({ { "student_id", book.students[i].id }, { "student_name", book.students[i].name },
            { "cells", cells },
            { "average", book.student_average[i] ? Json(*book.student_average[i]) : Json(nullptr) } });
    }
    return { { "assignments", assignments }, { "rows", rows } };
}

std::string format_grade(double grade)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", grade);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

std::string gradebook_csv(const Gradebook& book)
{
    std::string csv = "Student";
    for (const auto& a : book.assignments) {
        csv += ',';
        csv += csv_field(a.title);
    }
    csv += ",Average\r\n";
    for (std::size_t i = 0; i < book.students.size(); ++i) {
        csv += csv_field(book.students[i].name);
        for (const auto& cell : book.cells[i]) {
            csv += ",";
            if (cell.grade)
                csv += format_grade(*cell.grade);
            else if (cell.status == CellStatus::Submitted || cell.status == CellStatus::Late)
                csv += cell_status_name(cell.status);
        }
        csv += ",";
        if (book.student_average[i])
            csv += format_grade(*book.student_average[i]);
        csv += "\r\n";
    }
    return csv;
}

} // namespace learnloop
