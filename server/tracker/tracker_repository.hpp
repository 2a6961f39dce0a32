// The assignment tracker's queries (server/tracker/queries/), returning plain
// records read by column name.
#pragma once

#include "core/json_reader.hpp"
#include "db/sql.hpp"
#include "identity/roles.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

// Prepares the per-role assignment lists on a new connection.
void add_tracker_variants();

struct AssignmentRecord {
    std::int64_t id = 0;
    std::string title;
    std::string description;
    std::string due_date;        // local "YYYY-MM-DDTHH:MM:SS" in the tenant's zone
    std::string teacher_name;
    std::int64_t teacher_id = 0;
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> course_id;   // an academy's course
    std::optional<int> max_points;           // what it is marked out of, when set
    std::optional<Json> rubric;              // rubric_json (shared-domain academy/rubric), with max_points
    std::string due_at;          // UTC
    std::int64_t due_unix = 0;
    std::string created_at;      // UTC
};

// An assignment in a list, with the viewing student's submission when the
// list is a student's (their own or a parent's view of a child).
struct AssignmentListItem {
    AssignmentRecord assignment;
    std::int64_t now_unix = 0;
    std::optional<std::int64_t> submission_id;
    bool graded = false;
    std::optional<double> grade;
    std::optional<bool> late;
    std::optional<std::string> feedback;
    std::optional<Json> rubric_marks;
};

struct AssignmentFields {
    std::string title;
    std::string description;
    std::string due_date;     // validated local "YYYY-MM-DDTHH:MM:SS"
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> course_id;
    std::optional<int> max_points;
    std::optional<Json> rubric;   // checked with read_rubric
};

enum class Lock { None, ForUpdate };

// The assignments `role`/`user` sees, by due date, optionally one class's or
// one course's.
[[nodiscard]] PageOf<AssignmentListItem> list_assignments(pqxx::transaction_base& txn, Role role,
    std::int64_t user_id, std::optional<std::int64_t> class_id, std::optional<std::int64_t> course_id,
    const std::string& zone, const Page& page);
// An assignment if `role`/`user` may see it.
[[nodiscard]] std::optional<AssignmentRecord> find_visible_assignment(pqxx::transaction_base& txn,
    const std::string& zone, std::int64_t id, Role role, std::int64_t user_id);
// An assignment of the tenant whoever owns it (for 403 rather than 404 to non-owners).
[[nodiscard]] std::optional<AssignmentRecord> find_assignment(pqxx::transaction_base& txn, const std::string& zone,
    std::int64_t id, Lock lock = Lock::None);
[[nodiscard]] std::int64_t insert_assignment(pqxx::transaction_base& txn, std::int64_t tenant_id,
    std::int64_t teacher_id, const AssignmentFields& fields, const std::string& zone);
void update_assignment(pqxx::transaction_base& txn, std::int64_t id, const AssignmentFields& fields,
    const std::string& zone);
void delete_assignment(pqxx::transaction_base& txn, std::int64_t id);
// Whether `class_id` is a live class `teacher_id` teaches.
[[nodiscard]] bool teaches_class(pqxx::transaction_base& txn, std::int64_t class_id, std::int64_t teacher_id);
// Whether `course_id` is a live course `teacher_id` teaches.
[[nodiscard]] bool teaches_course(pqxx::transaction_base& txn, std::int64_t course_id, std::int64_t teacher_id);
// Whether any submission to the assignment has a grade.
[[nodiscard]] bool assignment_graded(pqxx::transaction_base& txn, std::int64_t assignment_id);

struct SubmissionRecord {
    std::int64_t id = 0;
    std::int64_t student_id = 0;
    std::string student_name;
    std::string content;
    std::string submitted_at;    // local
    std::optional<double> grade;
    std::optional<std::string> feedback;
    bool late = false;
    std::optional<std::string> graded_at;   // UTC
    std::int64_t assignment_id = 0;
    std::optional<Json> rubric_marks;       // marks_json, when graded with a rubric
};

struct NewSubmission {
    std::int64_t id = 0;
    bool late = false;
};
// A student's first submission; nothing when they had already submitted.
[[nodiscard]] std::optional<NewSubmission> insert_submission(pqxx::transaction_base& txn, std::int64_t tenant_id,
    std::int64_t assignment_id, std::int64_t student_id, const std::string& content);

struct OwnSubmission {
    std::int64_t id = 0;
    bool graded = false;
    std::int64_t content_length = 0;
    bool late = false;
};
// The student's submission to an assignment, locked for a resubmission.
[[nodiscard]] OwnSubmission lock_own_submission(pqxx::transaction_base& txn, std::int64_t assignment_id,
    std::int64_t student_id);
// Replaces a submission's content; answers whether it is now late.
[[nodiscard]] bool resubmit(pqxx::transaction_base& txn, std::int64_t submission_id, const std::string& content);

[[nodiscard]] std::optional<SubmissionRecord> find_submission(pqxx::transaction_base& txn, std::int64_t assignment_id,
    std::int64_t student_id, const std::string& zone);
[[nodiscard]] PageOf<SubmissionRecord> list_submissions(pqxx::transaction_base& txn, std::int64_t assignment_id,
    const std::string& zone, const Page& page);

struct GradingTarget {
    std::int64_t teacher_id = 0;
    std::optional<int> max_points;
    std::optional<Json> rubric;
    std::optional<double> grade;
    std::optional<std::string> feedback;
    std::optional<Json> rubric_marks;
};
// A submission to a live assignment with its teacher and grade, locked for grading.
[[nodiscard]] std::optional<GradingTarget> lock_submission_for_grading(pqxx::transaction_base& txn,
    std::int64_t submission_id);
// Grades a submission and keeps the grade in its history.
void grade_submission(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t submission_id, double grade,
    const std::string& feedback, std::int64_t teacher_id, const std::optional<Json>& rubric_marks);
// The teacher of the live assignment a submission answers.
[[nodiscard]] std::optional<std::int64_t> submission_teacher(pqxx::transaction_base& txn, std::int64_t submission_id);

struct GradeHistoryEntry {
    double grade = 0;
    std::optional<std::string> feedback;
    std::optional<Json> rubric_marks;
    std::string graded_by;
    std::string graded_at;
};
[[nodiscard]] PageOf<GradeHistoryEntry> list_grade_history(pqxx::transaction_base& txn,
    std::int64_t submission_id, const Page& page);

[[nodiscard]] Json to_json(const SubmissionRecord& submission);
[[nodiscard]] Json to_json(const GradeHistoryEntry& entry);

} // namespace learnloop::server
