// The assignment tracker's routes: the contract's paths
// (../shared/specs/assignment-tracker-api.md) plus edit, delete, one
// student's submission and grade history.
#include "tracker/routes.hpp"

#include "tracker/tracker_handlers.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

AreaApi tracker_api()
{
    AreaApi api { "tracker", "Assignments, submissions and grading", {}, Json::object() };
    auto& s = api.schemas;
    // A rubric (shared-domain academy/rubric): criteria with levels of whole
    // points; those that are not bonus add up to max_points.
    s["RubricLevel"] = request_schema({ { "points", integer_schema() }, { "descriptor", string_schema() } }, { "points" });
    s["RubricCriterion"] = request_schema({ { "name", string_schema() }, { "description", string_schema() },
                                              { "max_points", integer_schema() }, { "bonus", boolean_schema() },
                                              { "levels", array_of(schema_ref("RubricLevel")) } },
        { "name", "max_points", "levels" });
    s["Rubric"] = request_schema({ { "criteria", array_of(schema_ref("RubricCriterion")) } }, { "criteria" });
    s["RubricMark"] = request_schema(
        { { "level", nullable(integer_schema("The level picked, by its place in the rubric's levels (highest first)")) },
            { "adjustment", nullable(request_schema({ { "points", integer_schema() }, { "reason", string_schema() } },
                                { "points", "reason" })) } });
    s["RubricMarks"] = array_of(schema_ref("RubricMark"));
    s["AssignmentRequest"] = request_schema({ { "title", string_schema() }, { "description", string_schema() },
                                                { "due_date", local_datetime_schema() },
                                                { "class_id", nullable(id_schema()) },
                                                { "course_id", nullable(id_schema()) },
                                                { "max_points", nullable(integer_schema()) },
                                                { "rubric", nullable(schema_ref("Rubric")) } },
        { "title", "due_date" });
    s["AssignmentUpdate"] = request_schema({ { "title", string_schema() }, { "description", string_schema() },
        { "due_date", local_datetime_schema() }, { "class_id", nullable(id_schema()) },
        { "course_id", nullable(id_schema()) }, { "max_points", nullable(integer_schema()) },
        { "rubric", nullable(schema_ref("Rubric")) } });
    s["AssignmentWritten"] = message_schema({ { "assignment_id", id_schema() } });
    s["Assignment"] = object_schema(
        {
            { "id", id_schema() },
            { "title", string_schema() },
            { "description", string_schema() },
            { "due_date", local_datetime_schema() },
            { "teacher_name", string_schema() },
            { "teacher_id", id_schema() },
            { "class_id", nullable(id_schema()) },
            { "course_id", nullable(id_schema()) },
            { "max_points", nullable(integer_schema()) },
            { "rubric", nullable(schema_ref("Rubric")) },
            { "rubric_marks", nullable(schema_ref("RubricMarks")) },
            { "due_at", utc_timestamp_schema() },
            { "created_at", utc_timestamp_schema() },
            { "status", enum_schema({ "upcoming", "due_soon", "overdue", "submitted", "graded" }) },
            { "submission_id", nullable(id_schema()) },
            { "grade", nullable(number_schema()) },
            { "late", nullable(boolean_schema()) },
            { "feedback", nullable(string_schema()) },
        },
        { "id", "title", "description", "due_date", "teacher_name" });
    s["AssignmentList"] = array_of(schema_ref("Assignment"));
    s["SubmitRequest"] = request_schema({ { "content", string_schema() } }, { "content" });
    s["Submitted"] = message_schema({ { "submission_id", id_schema() }, { "late", boolean_schema() } });
    s["Submission"] = object_schema(
        {
            { "id", id_schema() },
            { "student_id", id_schema() },
            { "student_name", string_schema() },
            { "content", string_schema() },
            { "submitted_at", local_datetime_schema() },
            { "grade", nullable(number_schema()) },
            { "feedback", nullable(string_schema()) },
            { "late", boolean_schema() },
            { "graded_at", nullable(utc_timestamp_schema()) },
            { "assignment_id", id_schema() },
            { "rubric_marks", nullable(schema_ref("RubricMarks")) },
        },
        { "id", "student_id", "student_name", "content", "submitted_at", "grade", "feedback" });
    s["SubmissionList"] = array_of(schema_ref("Submission"));
    // A grade, or for an assignment with a rubric its marks (one per criterion).
    s["GradeRequest"] = request_schema({ { "grade", number_schema() }, { "feedback", nullable(string_schema()) },
        { "marks", schema_ref("RubricMarks") } });
    s["Message"] = message_schema();
    s["GradeHistoryEntry"] = object_schema({ { "grade", number_schema() }, { "feedback", nullable(string_schema()) },
                                               { "rubric_marks", nullable(schema_ref("RubricMarks")) },
                                               { "graded_by", string_schema() }, { "graded_at", utc_timestamp_schema() } },
        { "grade", "feedback", "graded_by", "graded_at" });
    s["GradeHistory"] = array_of(schema_ref("GradeHistoryEntry"));

    const auto page = std::vector<QueryParam> { page_limit_param(), page_offset_param() };
    auto paged = [&](std::vector<QueryParam> more) {
        more.insert(more.begin(), page.begin(), page.end());
        return more;
    };
    api.routes = {
        { Method::Post, "/api/assignments", Action::AssignmentCreate, handle_create_assignment, nullptr,
            "Create an assignment (teachers)", "AssignmentRequest", "AssignmentWritten", 201 },
        { Method::Get, "/api/assignments", Action::AssignmentRead, handle_list_assignments, nullptr,
            "The assignments the caller may see, by due date (paged); students and parents see status and grade",
            "", "AssignmentList", 200,
            paged({ { "class_id", id_schema(), "Only this class's assignments" },
                { "course_id", id_schema(), "Only this course's assignments" },
                { "student_id", id_schema(), "Parents: the view of this linked child" } }) },
        { Method::Get, "/api/assignments/{id}", Action::AssignmentRead, handle_get_assignment, nullptr,
            "One assignment the caller may see", "", "Assignment", 200 },
        { Method::Put, "/api/assignments/{id}", Action::AssignmentUpdate, handle_update_assignment, nullptr,
            "Edit an assignment (its teacher)", "AssignmentUpdate", "AssignmentWritten", 200 },
        { Method::Delete, "/api/assignments/{id}", Action::AssignmentUpdate, handle_delete_assignment, nullptr,
            "Delete an assignment (its teacher; kept for the audit trail)", "", "AssignmentWritten", 200 },
        { Method::Post, "/api/assignments/{id}/submit", Action::SubmissionCreate, handle_submit, nullptr,
            "Submit work, or replace it until it is graded (201 first time, 200 after)", "SubmitRequest", "Submitted",
            201 },
        { Method::Get, "/api/assignments/{id}/submission", Action::SubmissionRead, handle_own_submission, nullptr,
            "One student's submission: a student's own; staff and parents name student_id", "", "Submission", 200,
            { { "student_id", id_schema(), "Whose submission (required for everyone but students)" } } },
        { Method::Get, "/api/assignments/{id}/submissions", Action::SubmissionReview, handle_list_submissions, nullptr,
            "Every submission to an assignment (its teacher; admins), paged", "", "SubmissionList", 200, page },
        { Method::Put, "/api/submissions/{id}/grade", Action::SubmissionGrade, handle_grade, nullptr,
            "Grade a submission (the assignment's teacher): a grade, or the rubric's marks; every grade is kept in its "
            "history",
            "GradeRequest",
            "Message", 200 },
        { Method::Get, "/api/submissions/{id}/history", Action::SubmissionReview, handle_grade_history, nullptr,
            "A submission's grades over time, oldest first (paged)", "", "GradeHistory", 200, page },
    };
    return api;
}

} // namespace learnloop::server
