// The assignment tracker: assignments, submissions and grading, served as
// ../shared/specs/assignment-tracker-api.md fixes it, plus edit, delete,
// pagination, due status, late flags and grade history.
// [SECTION] helpers, [SECTION] assignments, [SECTION] submissions, [SECTION] grading
#include "tracker/tracker_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "tracker/due_status.hpp"
#include "core/validation.hpp"
#include "tracker/tracker_repository.hpp"

namespace learnloop::server {

namespace {

// [SECTION] helpers --------------------------------------------------------

const char* k_assignment_not_found = "Assignment not found";
const char* k_submission_not_found = "Submission not found";

template<typename T>
Json nullable(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

// Takes the record by value so that a list moves its strings into the JSON
// instead of copying them (lists are the hot path).
Json to_json(AssignmentRecord a)
{
    return { { "id", a.id }, { "title", std::move(a.title) }, { "description", std::move(a.description) },
        { "due_date", std::move(a.due_date) }, { "teacher_name", std::move(a.teacher_name) },
        { "teacher_id", a.teacher_id }, { "class_id", nullable(a.class_id) }, { "due_at", std::move(a.due_at) },
        { "created_at", std::move(a.created_at) } };
}

// A list item as a student (or a parent for their child) sees it: with the
// submission's status, grade and feedback (feedback once graded).
Json student_view_json(AssignmentListItem&& item)
{
    const auto due_unix = item.assignment.due_unix;
    auto json = to_json(std::move(item.assignment));
    bool submitted = item.submission_id.has_value();
    json["status"] = due_status_name(due_status(item.now_unix, due_unix, submitted, item.graded));
    json["submission_id"] = nullable(item.submission_id);
    json["grade"] = nullable(item.grade);
    json["late"] = submitted ? nullable(item.late) : Json(nullptr);
    json["feedback"] = item.graded ? nullable(item.feedback) : Json(nullptr);
    return json;
}

// The fields of an assignment from a create or edit body. With `current`,
// absent fields keep its values.
Result<AssignmentFields> read_assignment_fields(const Json& body, const AssignmentFields* current)
{
    TRY(json_only_fields(body, { "title", "description", "due_date", "class_id" }));
    AssignmentFields fields = current ? *current : AssignmentFields {};
    if (!current || body.contains("title"))
        fields.title = TRY(validate_text(TRY(json_string_field(body, "title")), "title", "Title", 1, k_title_max_length,
            TextLines::Single));
    if (body.contains("description") || !current) {
        auto text = body.contains("description") ? TRY(json_string_field(body, "description")) : std::string();
        fields.description = TRY(validate_text(text, "description", "Description", 0, k_description_max_length,
            TextLines::Multiple));
    }
    if (!current || body.contains("due_date")) {
        auto text = TRY(json_string_field(body, "due_date"));
        fields.due_date = format_local_datetime(TRY(parse_local_datetime(text, "due_date")));
    }
    if (body.contains("class_id")) {
        if (body["class_id"].is_null())
            fields.class_id.reset();
        else
            fields.class_id = TRY(json_int_field(body, "class_id"));
    }
    return fields;
}

Json audit_view(const AssignmentFields& f)
{
    return { { "title", f.title }, { "description_length", f.description.size() }, { "due_date", f.due_date },
        { "class_id", nullable(f.class_id) } };
}

// An assignment may be for one of the tenant's classes the teacher teaches.
Result<void> require_own_class(pqxx::work& txn, const Caller& caller, const std::optional<std::int64_t>& class_id)
{
    if (class_id && !teaches_class(txn, *class_id, caller.user_id))
        return make_error(ErrorCode::InvalidArgument, "class_id must be one of your classes", "class_id");
    return {};
}

// The assignment the caller owns, locked for a change: 404 when there is no
// such assignment, 403 when it is another teacher's.
Result<AssignmentRecord> owned_assignment(pqxx::work& txn, const Caller& caller, std::int64_t id)
{
    auto assignment = find_assignment(txn, caller.time_zone, id, Lock::ForUpdate);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    if (assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own this assignment");
    return *assignment;
}

ApiResponse assignment_written(int status, const char* message, std::int64_t id)
{
    return json_response(status, { { "message", message }, { "assignment_id", id } });
}

} // namespace

// [SECTION] assignments ----------------------------------------------------

Result<ApiResponse> handle_create_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    auto fields = TRY(read_assignment_fields(body, nullptr));
    TRY(require_own_class(txn, caller, fields.class_id));
    auto id = insert_assignment(txn, caller.tenant_id, caller.user_id, fields, caller.time_zone);
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.create", "assignment", std::to_string(id), nullptr,
                          audit_view(fields) });
    return assignment_written(201, "Assignment created", id);
}

// GET /api/assignments: the caller's view. A parent may pass ?student_id= of
// a linked child to get that child's view instead, with the child's
// submission status, grade and feedback on each row.
Result<ApiResponse> handle_list_assignments(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    std::optional<std::int64_t> class_filter;
    if (req.has_param("class_id"))
        class_filter = TRY(parse_id(req.get_param_value("class_id"), "No such class"));
    Role view_role = caller.role;
    std::int64_t view_user = caller.user_id;
    if (req.has_param("student_id")) {
        auto reach = reach_for(caller, Action::AssignmentRead);
        if (reach.scope != Scope::Linked)
            return make_error(ErrorCode::InvalidArgument, "student_id is for parents choosing a linked child", "student_id");
        view_user = TRY(parse_id(req.get_param_value("student_id"), "Student not found"));
        if (!student_in_reach(txn, reach, view_user))
            return make_error(ErrorCode::NotFound, "Student not found");
        view_role = Role::Student;
    }
    auto list = list_assignments(txn, view_role, view_user, class_filter, caller.time_zone, page);
    Json items = Json::array();
    items.get_ref<Json::array_t&>().reserve(list.items.size());
    for (auto& item : list.items)
        items.push_back(view_role == Role::Student ? student_view_json(std::move(item)) : to_json(std::move(item.assignment)));
    return paged_response(req, page, std::move(items), list.total);
}

Result<ApiResponse> handle_get_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto assignment = find_visible_assignment(txn, caller.time_zone, id, caller.role, caller.user_id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    return json_response(200, to_json(*assignment));
}

Result<ApiResponse> handle_update_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto body = TRY(parse_json_body(req));
    auto assignment = TRY(owned_assignment(txn, caller, id));
    AssignmentFields current { assignment.title, assignment.description, assignment.due_date, assignment.class_id };
    auto fields = TRY(read_assignment_fields(body, &current));
    if (fields.class_id != current.class_id)
        TRY(require_own_class(txn, caller, fields.class_id));
    update_assignment(txn, id, fields, caller.time_zone);
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.update", "assignment", std::to_string(id),
                          audit_view(current), audit_view(fields) });
    return assignment_written(200, "Assignment updated", id);
}

Result<ApiResponse> handle_delete_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto assignment = TRY(owned_assignment(txn, caller, id));
    delete_assignment(txn, id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.delete", "assignment", std::to_string(id),
                          { { "title", assignment.title } }, nullptr });
    return assignment_written(200, "Assignment deleted", id);
}

// [SECTION] submissions ----------------------------------------------------

// Resubmitting is allowed until the submission is graded: the same
// submission is updated (200, same id) and re-flagged late if past due; once
// graded, a resubmission is refused with 409.
Result<ApiResponse> handle_submit(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "content" }));
    auto content = TRY(validate_text(TRY(json_string_field(body, "content")), "content", "Content", 1,
        k_submission_max_length, TextLines::Multiple));
    if (!find_visible_assignment(txn, caller.time_zone, id, caller.role, caller.user_id))
        return make_error(ErrorCode::NotFound, k_assignment_not_found);

    Json summary = { { "content_length", content.size() } };
    if (auto inserted = insert_submission(txn, caller.tenant_id, id, caller.user_id, content)) {
        summary["late"] = inserted->late;
        append_audit(txn, { caller.tenant_id, caller.actor(), "submission.create", "submission",
                              std::to_string(inserted->id), nullptr, summary });
        return json_response(201,
            { { "message", "Assignment submitted" }, { "submission_id", inserted->id }, { "late", inserted->late } });
    }

    auto existing = lock_own_submission(txn, id, caller.user_id);
    if (existing.graded)
        return headline_error(ErrorCode::Conflict, "Submission already graded",
            "This submission has been graded and can no longer be changed");
    bool late = resubmit(txn, existing.id, content);
    summary["late"] = late;
    append_audit(txn, { caller.tenant_id, caller.actor(), "submission.update", "submission", std::to_string(existing.id),
                          { { "content_length", existing.content_length }, { "late", existing.late } }, summary });
    return json_response(200, { { "message", "Assignment submitted" }, { "submission_id", existing.id }, { "late", late } });
}

// One student's submission to an assignment, as the matrix's SubmissionRead
// scope allows: a student their own; a parent a linked child's, a teacher
// one to their own assignment and an administrator any (these pass
// ?student_id=).
Result<ApiResponse> handle_own_submission(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto reach = reach_for(caller, Action::SubmissionRead);
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    std::int64_t student_id = caller.user_id;
    if (reach.scope != Scope::Own || caller.role != Role::Student) {
        if (!req.has_param("student_id"))
            return make_error(ErrorCode::InvalidArgument, "student_id is required", "student_id");
        student_id = TRY(parse_id(req.get_param_value("student_id"), k_submission_not_found));
    }
    if (reach.scope == Scope::Linked && !student_in_reach(txn, reach, student_id))
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    auto assignment = find_visible_assignment(txn, caller.time_zone, id, caller.role, caller.user_id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    // A teacher's Own scope: submissions to the assignments they own (which
    // are the ones visible to them).
    if (reach.scope == Scope::Own && caller.role != Role::Student && assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    auto submission = find_submission(txn, id, student_id, caller.time_zone);
    if (!submission)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    return json_response(200, to_json(*submission));
}

Result<ApiResponse> handle_list_submissions(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto page = TRY(parse_page(req));
    auto assignment = find_assignment(txn, caller.time_zone, id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    if (reach_for(caller, Action::SubmissionReview).scope == Scope::Own && assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own this assignment");
    return paged_response(req, page, list_submissions(txn, id, caller.time_zone, page));
}

// [SECTION] grading --------------------------------------------------------

Result<ApiResponse> handle_grade(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_submission_not_found));
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "grade", "feedback" }));
    if (!body.contains("grade") || !body["grade"].is_number())
        return make_error(ErrorCode::InvalidArgument, body.contains("grade") ? "grade must be a number" : "grade is required",
            "grade");
    auto grade = TRY(validate_grade(body["grade"].get<double>()));
    std::string feedback;
    if (body.contains("feedback") && !body["feedback"].is_null())
        feedback = TRY(validate_text(TRY(json_string_field(body, "feedback")), "feedback", "Feedback", 0,
            k_feedback_max_length, TextLines::Multiple));

    auto target = lock_submission_for_grading(txn, id);
    if (!target)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    if (target->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own the assignment for this submission");
    Json before = { { "grade", nullable(target->grade) }, { "feedback", nullable(target->feedback) } };
    grade_submission(txn, caller.tenant_id, id, grade, feedback, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "submission.grade", "submission", std::to_string(id), before,
                          { { "grade", grade }, { "feedback", feedback } } });
    return json_response(200, { { "message", "Submission graded successfully" } });
}

Result<ApiResponse> handle_grade_history(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_submission_not_found));
    auto teacher = submission_teacher(txn, id);
    if (!teacher)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    if (reach_for(caller, Action::SubmissionReview).scope == Scope::Own && *teacher != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own the assignment for this submission");
    auto page = TRY(parse_page(req));
    return paged_response(req, page, list_grade_history(txn, id, page));
}

} // namespace learnloop::server
