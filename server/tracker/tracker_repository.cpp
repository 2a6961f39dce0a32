// The assignment tracker's queries.
#include "tracker/tracker_repository.hpp"

namespace learnloop::server {

namespace {

// The assignment columns' positions in one result, found by name once: a
// lookup by name per field scans the columns each time, which cost about 5% of
// a 31-row list request in an A/B run (docs/BENCHMARKS.md).
struct AssignmentColumns {
    explicit AssignmentColumns(const pqxx::result& rows)
        : id(rows.column_number("id"))
        , title(rows.column_number("title"))
        , description(rows.column_number("description"))
        , due_date(rows.column_number("due_date"))
        , teacher_name(rows.column_number("teacher_name"))
        , teacher_id(rows.column_number("teacher_id"))
        , class_id(rows.column_number("class_id"))
        , course_id(rows.column_number("course_id"))
        , max_points(rows.column_number("max_points"))
        , rubric(rows.column_number("rubric"))
        , due_at(rows.column_number("due_at"))
        , due_unix(rows.column_number("due_unix"))
        , created_at(rows.column_number("created_at"))
    {
    }
    pqxx::row::size_type id, title, description, due_date, teacher_name, teacher_id, class_id, course_id, max_points,
        rubric, due_at, due_unix, created_at;
};

AssignmentRecord read_assignment(const pqxx::row& row, const AssignmentColumns& c)
{
    AssignmentRecord a;
    a.id = row[c.id].as<std::int64_t>();
    a.title = row[c.title].as<std::string>();
    a.description = row[c.description].as<std::string>();
    a.due_date = row[c.due_date].as<std::string>();
    a.teacher_name = row[c.teacher_name].as<std::string>();
    a.teacher_id = row[c.teacher_id].as<std::int64_t>();
    a.class_id = optional_field<std::int64_t>(row[c.class_id]);
    a.course_id = optional_field<std::int64_t>(row[c.course_id]);
    a.max_points = optional_field<int>(row[c.max_points]);
    a.rubric = optional_json(row[c.rubric]);
    a.due_at = row[c.due_at].as<std::string>();
    a.due_unix = row[c.due_unix].as<std::int64_t>();
    a.created_at = row[c.created_at].as<std::string>();
    return a;
}

SubmissionRecord read_submission(const pqxx::row& row)
{
    SubmissionRecord s;
    s.id = row["id"].as<std::int64_t>();
    s.student_id = row["student_id"].as<std::int64_t>();
    s.student_name = row["student_name"].as<std::string>();
    s.content = row["content"].as<std::string>();
    s.submitted_at = row["submitted_at"].as<std::string>();
    s.grade = optional_field<double>(row["grade"]);
    s.feedback = optional_field<std::string>(row["feedback"]);
    s.late = row["late"].as<bool>();
    s.graded_at = optional_field<std::string>(row["graded_at"]);
    s.assignment_id = row["assignment_id"].as<std::int64_t>();
    s.rubric_marks = optional_json(row["rubric_marks"]);
    return s;
}

std::optional<AssignmentRecord> first_assignment(const pqxx::result& rows)
{
    if (rows.empty())
        return std::nullopt;
    return read_assignment(rows[0], AssignmentColumns(rows));
}

std::string list_assignments_statement(Role role)
{
    return variant_name("tracker/list_assignments", role_name(role));
}

} // namespace

void add_tracker_variants()
{
    std::vector<std::string> roles;
    for (auto role : k_all_roles)
        roles.emplace_back(role_name(role));
    add_variants("tracker/list_assignments", "role", roles);
}

PageOf<AssignmentListItem> list_assignments(pqxx::transaction_base& txn, Role role, std::int64_t user_id,
    std::optional<std::int64_t> class_id, std::optional<std::int64_t> course_id, const std::string& zone,
    const Page& page)
{
    auto rows = exec_page(txn, list_assignments_statement(role), page, zone, user_id, class_id, course_id);
    PageOf<AssignmentListItem> list { {}, rows.total };
    auto& items = list.items;
    items.reserve(rows.rows.size());
    if (rows.rows.empty())
        return list;
    const AssignmentColumns columns(rows.rows);
    const auto now_epoch = rows.rows.column_number("now_epoch"), submission_id = rows.rows.column_number("submission_id"),
               graded = rows.rows.column_number("graded"), grade = rows.rows.column_number("grade"),
               late = rows.rows.column_number("late"), feedback = rows.rows.column_number("feedback"),
               rubric_marks = rows.rows.column_number("rubric_marks");
    for (const auto& row : rows.rows) {
        AssignmentListItem item;
        item.assignment = read_assignment(row, columns);
        item.now_unix = row[now_epoch].as<std::int64_t>();
        item.submission_id = optional_field<std::int64_t>(row[submission_id]);
        item.graded = item.submission_id && row[graded].as<bool>();
        item.grade = optional_field<double>(row[grade]);
        item.late = optional_field<bool>(row[late]);
        item.feedback = optional_field<std::string>(row[feedback]);
        item.rubric_marks = optional_json(row[rubric_marks]);
        items.push_back(std::move(item));
    }
    return list;
}

std::optional<AssignmentRecord> find_visible_assignment(pqxx::transaction_base& txn, const std::string& zone,
    std::int64_t id, Role role, std::int64_t user_id)
{
    return first_assignment(
        exec_named(txn, "tracker/find_visible_assignment", zone, id, std::string(role_name(role)), user_id));
}

std::optional<AssignmentRecord> find_assignment(pqxx::transaction_base& txn, const std::string& zone, std::int64_t id,
    Lock lock)
{
    return first_assignment(exec_named(txn, lock == Lock::ForUpdate ? "tracker/lock_assignment" : "tracker/find_assignment",
        zone, id));
}

std::int64_t insert_assignment(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t teacher_id,
    const AssignmentFields& fields, const std::string& zone)
{
    return exec_named(txn, "tracker/insert_assignment", tenant_id, teacher_id, fields.class_id, fields.title,
            fields.description, fields.due_date, zone, fields.course_id, fields.max_points,
            json_parameter(fields.rubric))[0]["id"]
        .as<std::int64_t>();
}

void update_assignment(pqxx::transaction_base& txn, std::int64_t id, const AssignmentFields& fields,
    const std::string& zone)
{
    exec_named(txn, "tracker/update_assignment", id, fields.title, fields.description, fields.due_date, zone,
        fields.class_id, fields.course_id, fields.max_points, json_parameter(fields.rubric));
}

void delete_assignment(pqxx::transaction_base& txn, std::int64_t id)
{
    exec_named(txn, "tracker/delete_assignment", id);
}

bool teaches_class(pqxx::transaction_base& txn, std::int64_t class_id, std::int64_t teacher_id)
{
    return exec_named(txn, "tracker/teacher_class", class_id, teacher_id)[0]["usable"].as<bool>();
}

bool teaches_course(pqxx::transaction_base& txn, std::int64_t course_id, std::int64_t teacher_id)
{
    return exec_named(txn, "tracker/teacher_course", course_id, teacher_id)[0]["usable"].as<bool>();
}

bool assignment_graded(pqxx::transaction_base& txn, std::int64_t assignment_id)
{
    return exec_named(txn, "tracker/assignment_graded", assignment_id)[0]["graded"].as<bool>();
}

std::optional<NewSubmission> insert_submission(pqxx::transaction_base& txn, std::int64_t tenant_id,
    std::int64_t assignment_id, std::int64_t student_id, const std::string& content)
{
    auto rows = exec_named(txn, "tracker/insert_submission", tenant_id, assignment_id, student_id, content);
    if (rows.empty())
        return std::nullopt;
    return NewSubmission { rows[0]["id"].as<std::int64_t>(), rows[0]["late"].as<bool>() };
}

OwnSubmission lock_own_submission(pqxx::transaction_base& txn, std::int64_t assignment_id, std::int64_t student_id)
{
    auto row = exec_named(txn, "tracker/lock_own_submission", assignment_id, student_id).at(0);
    return { row["id"].as<std::int64_t>(), row["graded"].as<bool>(), row["content_length"].as<std::int64_t>(),
        row["late"].as<bool>() };
}

bool resubmit(pqxx::transaction_base& txn, std::int64_t submission_id, const std::string& content)
{
    return exec_named(txn, "tracker/resubmit", submission_id, content).at(0)["late"].as<bool>();
}

std::optional<SubmissionRecord> find_submission(pqxx::transaction_base& txn, std::int64_t assignment_id,
    std::int64_t student_id, const std::string& zone)
{
    auto rows = exec_named(txn, "tracker/find_submission", assignment_id, zone, student_id);
    if (rows.empty())
        return std::nullopt;
    return read_submission(rows[0]);
}

PageOf<SubmissionRecord> list_submissions(pqxx::transaction_base& txn, std::int64_t assignment_id,
    const std::string& zone, const Page& page)
{
    auto rows = exec_page(txn, "tracker/list_submissions", page, assignment_id, zone);
    PageOf<SubmissionRecord> list { {}, rows.total };
    for (const auto& row : rows.rows)
        list.items.push_back(read_submission(row));
    return list;
}

std::optional<GradingTarget> lock_submission_for_grading(pqxx::transaction_base& txn, std::int64_t submission_id)
{
    auto rows = exec_named(txn, "tracker/lock_submission_for_grading", submission_id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return GradingTarget { row["teacher_id"].as<std::int64_t>(), optional_field<int>(row["max_points"]),
        optional_json(row["rubric"]), optional_field<double>(row["grade"]), optional_field<std::string>(row["feedback"]),
        optional_json(row["rubric_marks"]) };
}

void grade_submission(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t submission_id, double grade,
    const std::string& feedback, std::int64_t teacher_id, const std::optional<Json>& rubric_marks)
{
    auto marks = json_parameter(rubric_marks);
    exec_named(txn, "tracker/grade_submission", submission_id, grade, feedback, teacher_id, marks);
    exec_named(txn, "tracker/insert_grade_history", tenant_id, submission_id, grade, feedback, teacher_id, marks);
}

std::optional<std::int64_t> submission_teacher(pqxx::transaction_base& txn, std::int64_t submission_id)
{
    auto rows = exec_named(txn, "tracker/submission_teacher", submission_id);
    if (rows.empty())
        return std::nullopt;
    return rows[0]["teacher_id"].as<std::int64_t>();
}

PageOf<GradeHistoryEntry> list_grade_history(pqxx::transaction_base& txn, std::int64_t submission_id,
    const Page& page)
{
    auto rows = exec_page(txn, "tracker/list_grade_history", page, submission_id);
    PageOf<GradeHistoryEntry> list { {}, rows.total };
    for (const auto& row : rows.rows) {
        list.items.push_back({ row["grade"].as<double>(), optional_field<std::string>(row["feedback"]),
            optional_json(row["rubric_marks"]), row["graded_by"].as<std::string>(), row["graded_at"].as<std::string>() });
    }
    return list;
}

// [SECTION] JSON of the records, as the API shows them

namespace {

template<typename T>
Json nullable(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

} // namespace

Json to_json(const GradeHistoryEntry& entry)
{
    return { { "grade", entry.grade }, { "feedback", nullable(entry.feedback) },
        { "rubric_marks", nullable(entry.rubric_marks) }, { "graded_by", entry.graded_by },
        { "graded_at", entry.graded_at } };
}

Json to_json(const SubmissionRecord& s)
{
    return { { "id", s.id }, { "student_id", s.student_id }, { "student_name", s.student_name },
        { "content", s.content }, { "submitted_at", s.submitted_at }, { "grade", nullable(s.grade) },
        { "feedback", nullable(s.feedback) }, { "late", s.late }, { "graded_at", nullable(s.graded_at) },
        { "assignment_id", s.assignment_id }, { "rubric_marks", nullable(s.rubric_marks) } };
}

} // namespace learnloop::server
