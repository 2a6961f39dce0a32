// The assignment tracker: assignments, submissions and grading, served as
// ../shared/specs/assignment-tracker-api.md fixes it, plus edit, delete,
// pagination, due status, late flags and grade history.
// [SECTION] helpers, [SECTION] assignments, [SECTION] submissions, [SECTION] grading
#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "tracker/due_status.hpp"
#include "http/handlers.hpp"
#include "tracker/tracker_repository.hpp"
#include "core/validation.hpp"

#include <set>

namespace learnloop::server {

namespace {

// [SECTION] helpers --------------------------------------------------------

const char* k_assignment_not_found = "Assignment not found";
const char* k_submission_not_found = "Submission not found";

// Formats a timestamptz column as the contract's local "YYYY-MM-DDTHH:MM:SS"
// in the tenant's zone ($tz is the parameter holding the zone).
std::string local_time_sql(const std::string& column, const std::string& tz_param)
{
    return "to_char(" + column + " AT TIME ZONE " + tz_param + ", 'YYYY-MM-DD\"T\"HH24:MI:SS')";
}

std::string utc_time_sql(const std::string& column)
{
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

Json nullable_number(const pqxx::field& field)
{
    return field.is_null() ? Json(nullptr) : Json(field.as<double>());
}

Json nullable_text(const pqxx::field& field)
{
    return field.is_null() ? Json(nullptr) : Json(field.as<std::string>());
}

struct AssignmentRow {
    std::int64_t id = 0;
    std::int64_t teacher_id = 0;
    std::optional<std::int64_t> class_id;
    Json json;                 // the API representation
    std::int64_t due_unix = 0;
};

const std::string k_assignment_columns =
    "a.id, a.title, a.description, " + local_time_sql("a.due_at", "$1") + ", u.name, a.teacher_id, a.class_id, "
    + utc_time_sql("a.due_at") + ", extract(epoch FROM a.due_at)::bigint, " + utc_time_sql("a.created_at");

AssignmentRow read_assignment(const pqxx::row& row)
{
    AssignmentRow a;
    a.id = row[0].as<std::int64_t>();
    a.teacher_id = row[5].as<std::int64_t>();
    if (!row[6].is_null())
        a.class_id = row[6].as<std::int64_t>();
    a.due_unix = row[8].as<std::int64_t>();
    a.json = { { "id", a.id }, { "title", row[1].as<std::string>() }, { "description", row[2].as<std::string>() },
        { "due_date", row[3].as<std::string>() }, { "teacher_name", row[4].as<std::string>() },
        { "teacher_id", a.teacher_id }, { "class_id", a.class_id ? Json(*a.class_id) : Json(nullptr) },
        { "due_at", row[7].as<std::string>() }, { "created_at", row[9].as<std::string>() } };
    return a;
}

// Who sees an assignment, as a WHERE condition on `a` (the assignments row)
// with the caller's role and id in the numbered parameters: administrators
// and moderators all of the tenant's; a teacher their own; a student those of
// their classes and those with no class; a parent those their linked children
// see. (Row-level security has already limited the rows to the tenant.)
// Written out rather than called as an SQL function so that PostgreSQL plans
// the membership lookups once per query (hashed subplans) instead of running a
// function per row, which made a 31-row list take a millisecond. (The SQL
// function assignment_visible() of migration 0002 is no longer called; a later
// migration can drop it once no running server of an older release uses it.)
std::string assignment_visible_sql(const std::string& role_param, const std::string& user_param)
{
    const auto& r = role_param;
    const auto& u = user_param;
    return "(CASE " + r + "::text WHEN 'admin' THEN true WHEN 'moderator' THEN true"
        " WHEN 'teacher' THEN a.teacher_id = " + u + "::bigint"
        " WHEN 'student' THEN a.class_id IS NULL OR a.class_id IN"
        " (SELECT m.class_id FROM class_members m WHERE m.student_id = " + u + "::bigint)"
        " WHEN 'parent' THEN EXISTS (SELECT 1 FROM parent_links l WHERE l.parent_id = " + u + "::bigint)"
        " AND (a.class_id IS NULL OR a.class_id IN (SELECT m.class_id FROM class_members m"
        " JOIN parent_links l ON l.student_id = m.student_id WHERE l.parent_id = " + u + "::bigint))"
        " ELSE false END)";
}

// Whether `student_id` is an active student linked to `parent_id`.
bool is_active_linked_child(pqxx::work& txn, std::int64_t parent_id, std::int64_t student_id)
{
    return !txn.exec_params("SELECT 1 FROM parent_links l JOIN users u ON u.id = l.student_id"
                            " WHERE l.parent_id = $1 AND l.student_id = $2 AND u.deleted_at IS NULL",
                   parent_id, student_id)
                .empty();
}

// The assignment if the caller may see it ($1 zone, $2 id, $3 role, $4 user).
std::optional<AssignmentRow> find_visible_assignment(pqxx::work& txn, const Caller& caller, std::int64_t id,
    bool for_update = false)
{
    auto rows = txn.exec_params("SELECT " + k_assignment_columns
            + " FROM assignments a JOIN users u ON u.id = a.teacher_id"
              " WHERE a.id = $2 AND a.deleted_at IS NULL AND " + assignment_visible_sql("$3", "$4")
            + (for_update ? " FOR UPDATE OF a" : ""),
        caller.time_zone, id, std::string(role_name(caller.role)), caller.user_id);
    if (rows.empty())
        return std::nullopt;
    return read_assignment(rows[0]);
}

// The assignment regardless of ownership (still within the tenant), so that a
// teacher asking for another teacher's assignment hears 403, not 404.
std::optional<AssignmentRow> find_tenant_assignment(pqxx::work& txn, const Caller& caller, std::int64_t id,
    bool for_update = false)
{
    auto rows = txn.exec_params("SELECT " + k_assignment_columns
            + " FROM assignments a JOIN users u ON u.id = a.teacher_id"
              " WHERE a.id = $2 AND a.deleted_at IS NULL" + (for_update ? " FOR UPDATE OF a" : ""),
        caller.time_zone, id);
    if (rows.empty())
        return std::nullopt;
    return read_assignment(rows[0]);
}

// The fields of an assignment from a create or edit body. With `partial`,
// absent fields keep `current`'s values.
struct AssignmentFields {
    std::string title;
    std::string description;
    std::string due_date;     // validated local "YYYY-MM-DDTHH:MM:SS"
    std::optional<std::int64_t> class_id;
};

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
        { "class_id", f.class_id ? Json(*f.class_id) : Json(nullptr) } };
}

// A class the caller may attach an assignment to: one of the tenant's
// classes that they teach (administrators: any).
bool class_usable(pqxx::work& txn, const Caller& caller, std::int64_t class_id)
{
    return !txn.exec_params("SELECT 1 FROM classes WHERE id = $1 AND deleted_at IS NULL AND teacher_id = $2",
                   class_id, caller.user_id)
                .empty();
}

} // namespace

// [SECTION] assignments ----------------------------------------------------

Result<ApiResponse> handle_create_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    auto fields = TRY(read_assignment_fields(body, nullptr));
    if (fields.class_id && !class_usable(txn, caller, *fields.class_id))
        return make_error(ErrorCode::InvalidArgument, "class_id must be one of your classes", "class_id");

    auto id = txn.exec_params1(
                     "INSERT INTO assignments (tenant_id, teacher_id, class_id, title, description, due_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6::timestamp AT TIME ZONE $7) RETURNING id",
                     caller.tenant_id, caller.user_id, fields.class_id, fields.title, fields.description,
                     fields.due_date, caller.time_zone)[0]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.create", "assignment", std::to_string(id), nullptr,
                          audit_view(fields) });
    return json_response(201, { { "message", "Assignment created" }, { "assignment_id", id } });
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
        if (permission_scope(caller.role, Action::AssignmentRead) != Scope::Linked)
            return make_error(ErrorCode::InvalidArgument, "student_id is for parents choosing a linked child", "student_id");
        view_user = TRY(parse_id(req.get_param_value("student_id"), "Student not found"));
        if (!is_active_linked_child(txn, caller.user_id, view_user))
            return make_error(ErrorCode::NotFound, "Student not found");
        view_role = Role::Student;
    }
    auto rows = exec_page(txn, list_assignments_statement(view_role), page, caller.time_zone, view_user, class_filter);
    return paged_response(req, page, rows, [&](const pqxx::row& row) {
        auto a = read_assignment(row);
        if (view_role == Role::Student) {
            bool submitted = !row["submission_id"].is_null();
            bool graded = submitted && row["graded"].as<bool>();
            a.json["status"] = due_status_name(
                due_status(row["now_epoch"].as<std::int64_t>(), a.due_unix, submitted, graded));
            a.json["submission_id"] = submitted ? Json(row["submission_id"].as<std::int64_t>()) : Json(nullptr);
            a.json["grade"] = nullable_number(row["grade"]);
            a.json["late"] = submitted ? Json(row["late"].as<bool>()) : Json(nullptr);
            a.json["feedback"] = graded ? nullable_text(row["feedback"]) : Json(nullptr);
        }
        return std::move(a.json);
    });
}

Result<ApiResponse> handle_get_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto assignment = find_visible_assignment(txn, caller, id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    return json_response(200, assignment->json);
}

Result<ApiResponse> handle_update_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto body = TRY(parse_json_body(req));
    auto assignment = find_tenant_assignment(txn, caller, id, true);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    if (assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own this assignment");

    AssignmentFields current { assignment->json["title"], assignment->json["description"],
        assignment->json["due_date"], assignment->class_id };
    auto fields = TRY(read_assignment_fields(body, &current));
    if (fields.class_id && fields.class_id != current.class_id && !class_usable(txn, caller, *fields.class_id))
        return make_error(ErrorCode::InvalidArgument, "class_id must be one of your classes", "class_id");
    txn.exec_params("UPDATE assignments SET title = $2, description = $3, due_at = $4::timestamp AT TIME ZONE $5,"
                    " class_id = $6, updated_at = now() WHERE id = $1",
        id, fields.title, fields.description, fields.due_date, caller.time_zone, fields.class_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.update", "assignment", std::to_string(id),
                          audit_view(current), audit_view(fields) });
    return json_response(200, { { "message", "Assignment updated" }, { "assignment_id", id } });
}

Result<ApiResponse> handle_delete_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto assignment = find_tenant_assignment(txn, caller, id, true);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    if (assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own this assignment");
    txn.exec_params("UPDATE assignments SET deleted_at = now(), updated_at = now() WHERE id = $1", id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "assignment.delete", "assignment", std::to_string(id),
                          { { "title", assignment->json["title"] } }, nullptr });
    return json_response(200, { { "message", "Assignment deleted" }, { "assignment_id", id } });
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
    auto assignment = find_visible_assignment(txn, caller, id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);

    auto inserted = txn.exec_params(
        "INSERT INTO submissions (tenant_id, assignment_id, student_id, content, late) "
        "SELECT $1, $2, $3, $4, now() > a.due_at FROM assignments a WHERE a.id = $2 "
        "ON CONFLICT (assignment_id, student_id) DO NOTHING RETURNING id, late",
        caller.tenant_id, id, caller.user_id, content);
    Json summary = { { "content_length", content.size() } };
    if (!inserted.empty()) {
        auto submission_id = inserted[0][0].as<std::int64_t>();
        bool late = inserted[0][1].as<bool>();
        summary["late"] = late;
        append_audit(txn, { caller.tenant_id, caller.actor(), "submission.create", "submission",
                              std::to_string(submission_id), nullptr, summary });
        return json_response(201,
            { { "message", "Assignment submitted" }, { "submission_id", submission_id }, { "late", late } });
    }

    auto existing = txn.exec_params1(
        "SELECT id, grade IS NOT NULL, length(content), late FROM submissions"
        " WHERE assignment_id = $1 AND student_id = $2 FOR UPDATE",
        id, caller.user_id);
    auto submission_id = existing[0].as<std::int64_t>();
    if (existing[1].as<bool>())
        return headline_error(ErrorCode::Conflict, "Submission already graded", "This submission has been graded and can no longer be changed");
    auto late = txn.exec_params1("UPDATE submissions s SET content = $2, submitted_at = now(), late = now() > a.due_at"
                                 " FROM assignments a WHERE s.id = $1 AND a.id = s.assignment_id RETURNING s.late",
                   submission_id, content)[0]
                    .as<bool>();
    summary["late"] = late;
    append_audit(txn, { caller.tenant_id, caller.actor(), "submission.update", "submission",
                          std::to_string(submission_id),
                          { { "content_length", existing[2].as<std::int64_t>() }, { "late", existing[3].as<bool>() } },
                          summary });
    return json_response(200, { { "message", "Assignment submitted" }, { "submission_id", submission_id }, { "late", late } });
}

namespace {

const std::string k_submission_columns = "s.id, s.student_id, u.name, s.content, "
    + local_time_sql("s.submitted_at", "$2") + ", s.grade, s.feedback, s.late, " + utc_time_sql("s.graded_at")
    + ", s.assignment_id";

Json submission_json(const pqxx::row& row)
{
    return { { "id", row[0].as<std::int64_t>() }, { "student_id", row[1].as<std::int64_t>() },
        { "student_name", row[2].as<std::string>() }, { "content", row[3].as<std::string>() },
        { "submitted_at", row[4].as<std::string>() }, { "grade", nullable_number(row[5]) },
        { "feedback", nullable_text(row[6]) }, { "late", row[7].as<bool>() }, { "graded_at", nullable_text(row[8]) },
        { "assignment_id", row[9].as<std::int64_t>() } };
}

} // namespace

// One student's submission to an assignment, as the matrix's SubmissionRead
// scope allows: a student their own; a parent a linked child's, a teacher
// one to their own assignment and an administrator any (these pass
// ?student_id=).
Result<ApiResponse> handle_own_submission(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto scope = permission_scope(caller.role, Action::SubmissionRead);
    if (scope == Scope::None)
        return role_refused(Action::SubmissionRead);
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    std::int64_t student_id = caller.user_id;
    if (scope != Scope::Own || caller.role != Role::Student) {
        if (!req.has_param("student_id"))
            return make_error(ErrorCode::InvalidArgument, "student_id is required", "student_id");
        student_id = TRY(parse_id(req.get_param_value("student_id"), k_submission_not_found));
    }
    if (scope == Scope::Linked && !is_active_linked_child(txn, caller.user_id, student_id))
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    auto assignment = find_visible_assignment(txn, caller, id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    // A teacher's Own scope: submissions to the assignments they own (which
    // are the ones visible to them).
    if (scope == Scope::Own && caller.role != Role::Student && assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    auto rows = txn.exec_params("SELECT " + k_submission_columns
            + " FROM submissions s JOIN users u ON u.id = s.student_id WHERE s.assignment_id = $1 AND s.student_id = $3",
        id, caller.time_zone, student_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    return json_response(200, submission_json(rows[0]));
}

Result<ApiResponse> handle_list_submissions(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_assignment_not_found));
    auto page = TRY(parse_page(req));
    auto assignment = find_tenant_assignment(txn, caller, id);
    if (!assignment)
        return make_error(ErrorCode::NotFound, k_assignment_not_found);
    if (permission_scope(caller.role, Action::SubmissionReview) == Scope::Own && assignment->teacher_id != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own this assignment");
    auto rows = txn.exec_params("SELECT " + k_submission_columns
            + ", count(*) OVER () FROM submissions s JOIN users u ON u.id = s.student_id"
              " WHERE s.assignment_id = $1 ORDER BY u.name, s.id LIMIT $3 OFFSET $4",
        id, caller.time_zone, page.limit, page.offset);
    return paged_list(req, page, rows, 10, submission_json, [&] {
        return txn.exec_params1("SELECT count(*) FROM submissions WHERE assignment_id = $1", id)[0].as<std::int64_t>();
    });
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

    auto rows = txn.exec_params(
        "SELECT s.id, a.teacher_id, s.grade, s.feedback FROM submissions s"
        " JOIN assignments a ON a.id = s.assignment_id AND a.deleted_at IS NULL WHERE s.id = $1 FOR UPDATE OF s",
        id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    if (rows[0][1].as<std::int64_t>() != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own the assignment for this submission");

    Json before = { { "grade", nullable_number(rows[0][2]) }, { "feedback", nullable_text(rows[0][3]) } };
    txn.exec_params("UPDATE submissions SET grade = $2, feedback = $3, graded_at = now(), graded_by = $4 WHERE id = $1",
        id, grade, feedback, caller.user_id);
    txn.exec_params("INSERT INTO grade_history (tenant_id, submission_id, grade, feedback, graded_by)"
                    " VALUES ($1, $2, $3, $4, $5)",
        caller.tenant_id, id, grade, feedback, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "submission.grade", "submission", std::to_string(id), before,
                          { { "grade", grade }, { "feedback", feedback } } });
    return json_response(200, { { "message", "Submission graded successfully" } });
}

Result<ApiResponse> handle_grade_history(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_submission_not_found));
    auto owner = txn.exec_params("SELECT a.teacher_id FROM submissions s JOIN assignments a ON a.id = s.assignment_id"
                                 " WHERE s.id = $1 AND a.deleted_at IS NULL",
        id);
    if (owner.empty())
        return make_error(ErrorCode::NotFound, k_submission_not_found);
    if (permission_scope(caller.role, Action::SubmissionReview) == Scope::Own
        && owner[0][0].as<std::int64_t>() != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not own the assignment for this submission");
    auto page = TRY(parse_page(req));
    auto rows = txn.exec_params("SELECT h.grade, h.feedback, u.name, " + utc_time_sql("h.graded_at")
            + ", count(*) OVER () FROM grade_history h JOIN users u ON u.id = h.graded_by WHERE h.submission_id = $1"
              " ORDER BY h.id LIMIT $2 OFFSET $3",
        id, page.limit, page.offset);
    return paged_list(req, page, rows, 4, [](const pqxx::row& row) -> Json {
        return { { "grade", row[0].as<double>() }, { "feedback", nullable_text(row[1]) },
            { "graded_by", row[2].as<std::string>() }, { "graded_at", row[3].as<std::string>() } };
    }, [&] {
        return txn.exec_params1("SELECT count(*) FROM grade_history WHERE submission_id = $1", id)[0].as<std::int64_t>();
    });
}

} // namespace learnloop::server
