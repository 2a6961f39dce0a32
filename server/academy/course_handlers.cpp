// An academy's courses (course_handlers.hpp).
#include "academy/course_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
inline constexpr std::size_t k_course_description_max = 4000;
inline constexpr std::size_t k_most_enrolled_at_once = 500;

Json course_json(const pqxx::row& row)
{
    return { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
        { "description", row["description"].as<std::string>() }, { "status", row["status"].as<std::string>() },
        { "instructor_id", row["instructor_id"].as<std::int64_t>() },
        { "instructor_name", row["instructor_name"].as<std::string>() },
        { "students", row["students"].as<std::int64_t>() }, { "quizzes", row["quizzes"].as<std::int64_t>() } };
}

} // namespace

Result<CourseRef> course_for(pqxx::transaction_base& txn, const Caller& caller, std::int64_t id, Action action,
    bool manage)
{
    const auto reach = reach_for(caller, action);
    auto rows = exec_named(txn, "academy/course_in_reach", id, reach.scope_name(), reach.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    CourseRef course { rows[0]["id"].as<std::int64_t>(), rows[0]["title"].as<std::string>(),
        rows[0]["instructor_id"].as<std::int64_t>(), rows[0]["teaches"].as<bool>() };
    if (manage && reach.scope != Scope::Tenant && !course.teaches)
        return make_error(ErrorCode::PermissionDenied, "You do not teach this course");
    return course;
}

// GET /api/academy/courses: a page of the courses the caller reaches.
Result<ApiResponse> handle_list_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    const auto reach = reach_for(caller, Action::CourseRead);
    auto rows = exec_page(txn, "academy/list_courses", page, reach.scope_name(), reach.user_id);
    return paged_response(req, page, rows, course_json);
}

// POST /api/academy/courses {title, description?, instructor_id?}: an
// instructor's own course, or an administrator's for the instructor named.
Result<ApiResponse> handle_create_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "title", "description", "instructor_id" }));
    auto title = TRY(validate_text(TRY(json_string_field(body, "title")), "title", "Title", 1, k_title_max_length,
        TextLines::Single));
    std::string description;
    if (body.contains("description"))
        description = TRY(validate_text(TRY(json_string_field(body, "description")), "description", "Description", 0,
            k_course_description_max, TextLines::Multiple));
    std::int64_t instructor = caller.user_id;
    if (body.contains("instructor_id")) {
        instructor = TRY(json_int_field(body, "instructor_id"));
        if (instructor != caller.user_id && reach_for(caller, Action::CourseManage).scope != Scope::Tenant)
            return make_error(ErrorCode::PermissionDenied, "Instructors create courses they teach themselves");
    }
    if (!has_active_role(txn, instructor, Role::Teacher))
        return make_error(ErrorCode::InvalidArgument,
            caller.role == Role::Teacher && instructor == caller.user_id
                ? "Only instructors teach courses"
                : "instructor_id must be one of the academy's instructors",
            "instructor_id");
    auto id = exec_named(txn, "academy/insert_course", caller.tenant_id, title, description, instructor)[0]["id"]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.create", "course", std::to_string(id), nullptr,
                          { { "title", title }, { "description", description }, { "instructor_id", instructor } } });
    return json_response(201, { { "id", id }, { "message", "Course created" } });
}

// GET /api/academy/courses/{id}/students: who is enrolled, by name.
Result<ApiResponse> handle_course_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "academy/course_students", course.id))
        list.push_back({ { "id", row["id"].as<std::int64_t>() }, { "name", row["name"].as<std::string>() } });
    return json_response(200, list);
}

// POST /api/academy/courses/{id}/students {student_ids}: enrols the
// academy's active students; one already enrolled is left as they are.
Result<ApiResponse> handle_enrol_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_ids" }));
    const auto* list = TRY(json_array_at(*TRY(json_field(body, "student_ids")), "student_ids", 1,
        k_most_enrolled_at_once));
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < list->size(); ++i)
        ids.push_back(TRY(json_int_at((*list)[i], json_index_path("student_ids", i))));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    Json added = Json::array();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!has_active_role(txn, ids[i], Role::Student))
            return make_error(ErrorCode::InvalidArgument,
                json_index_path("student_ids", i) + " must be one of the academy's students",
                json_index_path("student_ids", i));
        if (!exec_named(txn, "academy/enrol_student", caller.tenant_id, course.id, ids[i]).empty())
            added.push_back(ids[i]);
    }
    if (!added.empty())
        append_audit(txn, { caller.tenant_id, caller.actor(), "course.enrol", "course", std::to_string(course.id),
                              nullptr, { { "student_ids", added } } });
    const auto count = added.size();
    std::string message = count == 0 ? std::string("Everyone named was already enrolled")
                                     : std::to_string(count) + (count == 1 ? " student" : " students") + " enrolled";
    return json_response(200, { { "message", message }, { "enrolled", added } });
}

// DELETE /api/academy/courses/{id}: deleted softly; an administrator can
// bring it back with its quizzes, students and attempts.
Result<ApiResponse> handle_delete_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    exec_named(txn, "academy/delete_course", course.id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.delete", "course", std::to_string(course.id),
                          { { "title", course.title } }, nullptr });
    return json_response(200,
        { { "message", "Course deleted. An administrator can restore it from the recently deleted list" } });
}

// GET /api/academy/courses/deleted: a page of deleted courses, the latest first.
Result<ApiResponse> handle_deleted_courses(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    auto rows = exec_page(txn, "academy/deleted_courses", page);
    return paged_response(req, page, rows, [](const pqxx::row& row) -> Json {
        return { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
            { "instructor_name", row["instructor_name"].as<std::string>() },
            { "deleted_at", row["deleted_at"].as<std::string>() } };
    });
}

// POST /api/academy/courses/{id}/restore.
Result<ApiResponse> handle_restore_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto rows = exec_named(txn, "academy/restore_course", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, "No deleted course with this id");
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.restore", "course", std::to_string(id), nullptr,
                          { { "title", rows[0]["title"].as<std::string>() } } });
    return json_response(200, { { "message", "Course restored" } });
}

} // namespace learnloop::server
