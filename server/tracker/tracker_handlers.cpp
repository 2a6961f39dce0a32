// The assignment tracker: assignments, submissions and grading, served as
// ../shared/specs/assignment-tracker-api.md fixes it, plus edit, delete,
// pagination, due status, late flags and grade history.
// [SECTION] helpers, [SECTION] assignments, [SECTION] submissions, [SECTION] grading
#include "tracker/tracker_handlers.hpp"

#include "academy/rubric.hpp"
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
        { "teacher_id", a.teacher_id }, { "class_id", nullable(a.class_id) }, { "course_id", nullable(a.course_id) },
        { "max_points", nullable(a.max_points) }, { "rubric", a.rubric ? std::move(*a.rubric) : Json(nullptr) },
        { "due_at", std::move(a.due_at) }, { "created_at", std::move(a.created_at) } };
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
    json["rubric_marks"] = item.graded ? nullable(item.rubric_marks) : Json(nullptr);
    return json;
}

// The fields of an assignment from a create or edit body. With `current`,
// absent fields keep its values.
Result<AssignmentFields> read_assignment_fields(const Json& body, const AssignmentFields* current)
{
    TRY(json_only_fields(body, { "title", "description", "due_date", "class_id", "course_id", "max_points", "rubric" }));
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
    if (body.contains("course_id")) {
        if (body["course_id"].is_null())
            fields.course_id.reset();
        else
            fields.course_id = TRY(json_int_field(body, "course_id"));
    }
    if (fields.class_id && fields.course_id)
        return make_error(ErrorCode::InvalidArgument, "An assignment is for a class or a course, not both", "course_id");
    if (body.contains("max_points")) {
        if (body["max_points"].is_null()) {
            fields.max_points.reset();
        } else {
            auto points = TRY(json_int_field(body, "max_points"));
            if (points < 1 || points > 1000)
                return make_error(ErrorCode::InvalidArgument, "max_points must be a whole number from 1 to 1000",
                    "max_points");
            fields.max_points = static_cast<int>(points);
        }
    }
    if (body.contains("rubric"))
        fields.rubric = body["rubric"].is_null() ? std::nullopt : std::optional<Json>(body["rubric"]);
    if (fields.rubric) {
        // The shared rules: the criteria that are not bonus add up to max_points.
        if (!fields.max_points)
            return make_error(ErrorCode::InvalidArgument, "A rubric needs max_points, the points it marks out of",
                "max_points");
        auto rubric = read_rubric(*fields.rubric, *fields.max_points);
        if (!rubric.ok()) {
            auto error = rubric.error();
            error.field = error.field.empty() ? "rubric" : "rubric." + error.field;
            return error;
        }
        fields.rubric = rubric_json(rubric.value());
    }
    return fields;
}

Json audit_view(const AssignmentFields& f)
{
    return { { "title", f.title }, { "description_length", f.description.size() }, { "due_date", f.due_date },
        { "class_id", nullable(f.class_id) }, { "course_id", nullable(f.course_id) },
        { "max_points", nullable(f.max_points) }, { "rubric", nullable(f.rubric) } };
}

// An assignment may be for one of the tenant's classes, or one of an
// academy's courses, that the teacher teaches.
Result<void> require_own_group(pqxx::work& txn, const Caller& caller, const AssignmentFields& fields)
{
    if (fields.class_id && !teaches_class(txn, *fields.class_id, caller.user_id))
        return make_error(ErrorCode::InvalidArgument, "class_id must be one of your classes", "class_id");
    if (fields.course_id && !teaches_course(txn, *fields.course_id, caller.user_id))
        return make_error(ErrorCode::InvalidArgument, "course_id must be one of the courses you teach", "course_id");
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

// A grade from a grading body: for an assignment with a rubric, the marks
// per criterion (shared-domain rubric_grade: every criterion marked, the
// total and bonus); else a grade, at most the assignment's points when set.
struct Grading {
    double grade = 0;
    std::optional<Json> marks;
};

Result<Grading> read_grading(const Json& body, const GradingTarget& target)
{
    if (target.rubric && target.max_points) {
        if (body.contains("grade"))
            return make_error(ErrorCode::InvalidArgument,
                "This assignment is marked with its rubric: send marks, not a grade", "grade");
        if (!body.contains("marks"))
            return make_error(ErrorCode::InvalidArgument, "marks is required", "marks");
        auto rubric = TRY(read_rubric(*target.rubric, *target.max_points));
        auto marks = TRY(read_marks(body["marks"]));
        auto grade = TRY(rubric_grade(rubric, marks, *target.max_points));
        return Grading { static_cast<double>(grade), marks_json(marks) };
    }
    if (body.contains("marks"))
        return make_error(ErrorCode::InvalidArgument, "This assignment has no rubric: send a grade", "marks");
    if (!body.contains("grade") || !body["grade"].is_number())
        return make_error(ErrorCode::InvalidArgument, body.contains("grade") ? "grade must be a number" : "grade is required",
            "grade");
    auto grade = TRY(validate_grade(body["grade"].get<double>()));
    if (target.max_points && grade > *target.max_points)
        return make_error(ErrorCode::InvalidArgument,
            "grade can be at most " + std::to_string(*target.max_points) + ", the assignment's points", "grade");
    return Grading { grade, std::nullopt };
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
    TRY(require_own_group(txn, caller, fields));
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
    std::optional<std::int64_t> class_filter, course_filter;
    if (req.has_param("class_id"))
        class_filter = TRY(parse_id(req.get_param_value("class_id"), "No such class"));
    if (req.has_param("course_id"))
        course_filter = TRY(parse_id(req.get_param_value("course_id"), "No such course"));
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
    auto list = list_assignments(txn, view_role, view_user, class_filter, course_filter, caller.time_zone, page);
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
    AssignmentFields current { assignment.title, assignment.description, assignment.due_date, assignment.class_id,
        assignment.course_id, assignment.max_points, assignment.rubric };
    auto fields = TRY(read_assignment_fields(body, &current));
    if (fields.class_id != current.class_id || fields.course_id != current.course_id)
        TRY(require_own_group(txn, caller, fields));
    // A grade given is a sum of the rubric's levels out of its points: both
    // stay as they were once work is marked (a mark is adjusted instead).
    if ((fields.max_points != current.max_points || fields.rubric != current.rubric) && assignment_graded(txn, id))
        return headline_error(ErrorCode::Conflict, "Work has been marked",
            "Some work is marked already, so the points and rubric stay as they are; "
            "change one student's marks with a reason instead");
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
    TRY(json_only_fields(body, { "grade", "feedback", "marks" }));
    std::string feedback;
    if (body.contains("feedback") && !body["feedback"].is_null())
        feedback = TRY(validate_text(TRY(json_string_field(body, "feedback")), "feedback", "Feedback", 0,
            k_feedback_max_length, TextLines::Multiple));

    auto target = lock_submission_for_grading(txn, id);
    if (!target)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    if (target->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own the assignment for this submission");
    auto grading = TRY(read_grading(body, *target));
    Json before = { { "grade", nullable(target->grade) }, { "feedback", nullable(target->feedback) },
        { "rubric_marks", nullable(target->rubric_marks) } };
    grade_submission(txn, caller.tenant_id, id, grading.grade, feedback, caller.user_id, grading.marks);
    append_audit(txn, { caller.tenant_id, caller.actor(), "submission.grade", "submission", std::to_string(id), before,
                          { { "grade", grading.grade }, { "feedback", feedback },
                              { "rubric_marks", nullable(grading.marks) } } });
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
