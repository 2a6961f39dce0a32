// An academy's courses (course_handlers.hpp).
#include "academy/course_handlers.hpp"

#include "academy/join_code.hpp"
#include "academy/progress.hpp"
#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "identity/identity_store.hpp"
#include "core/validation.hpp"
#include "platform/crypto.hpp"

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
inline constexpr std::size_t k_course_description_max = 4000;
inline constexpr std::size_t k_most_enrolled_at_once = 500;
inline constexpr std::size_t k_name_search_max = 100;
const char* k_student_not_enrolled = "That student is not enrolled in this course";

Json course_json(const pqxx::row& row)
{
    return { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
        { "description", row["description"].as<std::string>() }, { "status", row["status"].as<std::string>() },
        { "instructor_id", row["instructor_id"].as<std::int64_t>() },
        { "instructor_name", row["instructor_name"].as<std::string>() },
        { "students", row["students"].as<std::int64_t>() }, { "quizzes", row["quizzes"].as<std::int64_t>() },
        { "leaderboard", row["leaderboard"].as<bool>() } };
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

// GET /api/academy/courses: a page of the courses the caller reaches. The
// join code goes to those who run the course (its instructor, administrators).
Result<ApiResponse> handle_list_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    const auto reach = reach_for(caller, Action::CourseRead);
    const bool runs_all = reach_for(caller, Action::CourseManage).scope == Scope::Tenant;
    auto rows = exec_page(txn, "academy/list_courses", page, reach.scope_name(), reach.user_id);
    return paged_response(req, page, rows, [&](const pqxx::row& row) {
        auto course = course_json(row);
        if (runs_all || row["instructor_id"].as<std::int64_t>() == caller.user_id) {
            const auto code = row["join_code"];
            course["join_code"] = code.is_null() ? Json(nullptr) : Json(join_code_for_people(code.as<std::string>()));
        }
        return course;
    });
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
    for (const auto& row : exec_named(txn, "academy/course_students", course.id)) {
        const auto last = row["last_active"];
        list.push_back({ { "id", row["id"].as<std::int64_t>() }, { "name", row["name"].as<std::string>() },
            { "enrolled_at", row["enrolled_at"].as<std::string>() }, { "handed_in", row["handed_in"].as<std::int64_t>() },
            { "last_active", last.is_null() ? Json(nullptr) : Json(last.as<std::string>()) } });
    }
    return json_response(200, list);
}

// GET /api/academy/courses/{id}/candidates?q=: a page of the academy's
// students not yet enrolled, by name, for the enrolment screen.
Result<ApiResponse> handle_enrol_candidates(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    std::string part;
    if (req.has_param("q"))
        part = TRY(validate_text(std::string(trim(req.get_param_value("q"))), "q", "The name to look for", 0,
            k_name_search_max, TextLines::Single));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    auto rows = exec_page(txn, "academy/enrol_candidates", page, course.id, part);
    return paged_response(req, page, rows, [](const pqxx::row& row) -> Json {
        return { { "id", row["id"].as<std::int64_t>() }, { "name", row["name"].as<std::string>() } };
    });
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

// PUT /api/academy/courses/{id}/join-code: a new join code for the course;
// the old one stops working.
Result<ApiResponse> handle_new_join_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    const auto code = make_join_code(random_seed());
    exec_named(txn, "academy/set_join_code", course.id, code);
    const auto shown = join_code_for_people(code);
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.join_code", "course", std::to_string(course.id),
                          nullptr, { { "join_code", shown } } });
    return json_response(200,
        { { "join_code", shown }, { "message", "Students join with " + shown + ". An older code no longer works" } });
}

// DELETE /api/academy/courses/{id}/join-code: no joining by code.
Result<ApiResponse> handle_remove_join_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    exec_named(txn, "academy/set_join_code", course.id, nullptr);
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.join_code", "course", std::to_string(course.id),
                          nullptr, { { "join_code", nullptr } } });
    return json_response(200, { { "join_code", nullptr }, { "message", "Joining with a code is off" } });
}

// POST /api/academy/join {code}: the student enrols themselves in the course
// of their academy with that join code (read as typed: any case, dashes).
Result<ApiResponse> handle_join_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "code" }));
    auto code = TRY(read_join_code(TRY(json_string_field(body, "code"))));
    TRY(begin_join_code_check(txn, caller.tenant_id, caller.user_id));
    auto rows = exec_named(txn, "academy/course_by_join_code", code);
    if (rows.empty()) {
        // Counted: the refusal keeps that one write.
        join_code_failed(txn, caller.tenant_id, caller.user_id);
        auto refused = error_for(headline_error(ErrorCode::NotFound, "No course has that code",
            "No course of the academy has that join code: check it with your instructor"));
        refused.keep_writes = true;
        return refused;
    }
    const auto course = rows[0]["id"].as<std::int64_t>();
    const auto title = rows[0]["title"].as<std::string>();
    if (exec_named(txn, "academy/enrol_student", caller.tenant_id, course, caller.user_id).empty())
        return json_response(200, { { "course_id", course }, { "title", title },
                                      { "message", "You are already in " + title } });
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.join", "course", std::to_string(course), nullptr,
                          { { "student_id", caller.user_id } } });
    return json_response(200, { { "course_id", course }, { "title", title }, { "message", "You joined " + title } });
}

// DELETE /api/academy/courses/{id}/students/{student_id}: takes a student out
// of the course. What they did in it stays: their attempts, results and XP.
Result<ApiResponse> handle_unenrol_student(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto student = TRY(parse_id(req.matches[2], k_student_not_enrolled));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    if (exec_named(txn, "academy/unenrol_student", course.id, student).empty())
        return make_error(ErrorCode::NotFound, k_student_not_enrolled);
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.unenrol", "course", std::to_string(course.id),
                          { { "student_id", student } }, nullptr });
    return json_response(200, { { "message", "Taken out of the course. Their quiz results stay" } });
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

// GET /api/academy/courses/{id}/leaderboard: the course's students by XP
// earned in its quizzes (shared-domain rank_leaderboard). Students read the
// top ten and their own row, names short, and nothing while it is off;
// staff read every row in full, on or off.
Result<ApiResponse> handle_course_leaderboard(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseRead, false));
    // A taker's view (the matrix's quiz.take: students), else staff's.
    const bool student = reach_for(caller, Action::QuizTake).scope != Scope::None;
    auto rows = exec_named(txn, "academy/course_leaderboard", course.id);
    const bool enabled = !rows.empty() && rows[0]["leaderboard"].as<bool>();
    Json board = Json::array();
    if (enabled || !student) {
        std::vector<LeaderboardEntry> entries;
        for (const auto& row : rows) {
            if (row["student_id"].is_null())
                continue;
            std::vector<ProgressAnswer> answers;
            for (const auto& a : Json::parse(row["answers"].as<std::string>()))
                answers.push_back({ a[0].get<std::string>(), a[1].get<double>(), a[2].get<int>(), a[3].get<std::int64_t>() });
            std::vector<ProgressQuiz> quizzes;
            for (const auto& q : Json::parse(row["attempts"].as<std::string>()))
                quizzes.push_back({ q[0].get<std::int64_t>(), q[1].get<double>(), q[2].get<std::int64_t>() });
            entries.push_back({ row["student_id"].as<std::int64_t>(), row["name"].as<std::string>(),
                earned_xp(std::move(answers), std::move(quizzes), rows[0]["now_unix"].as<std::int64_t>()) });
        }
        for (const auto& r : rank_leaderboard(std::move(entries), caller.user_id, !student, 10)) {
            Json item = { { "rank", r.rank }, { "name", r.name }, { "xp", r.xp }, { "xp_this_week", r.xp_this_week },
                { "you", r.you } };
            if (!student)
                item["student_id"] = r.student_id;
            board.push_back(std::move(item));
        }
    }
    return json_response(200, { { "course_id", course.id }, { "title", course.title }, { "enabled", enabled },
                                  { "rows", std::move(board) } });
}

// PUT /api/academy/courses/{id}/leaderboard {"enabled": true|false}: its
// instructor or an administrator turns the students' leaderboard on or off.
Result<ApiResponse> handle_set_course_leaderboard(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "enabled" }));
    if (!body.contains("enabled") || !body["enabled"].is_boolean())
        return make_error(ErrorCode::InvalidArgument,
            body.contains("enabled") ? "enabled must be true or false" : "enabled is required", "enabled");
    const bool enabled = body["enabled"].get<bool>();
    auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto course = TRY(course_for(txn, caller, id, Action::CourseManage, true));
    const bool was = exec_named(txn, "academy/set_course_leaderboard", course.id, enabled)[0]["was"].as<bool>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.leaderboard", "course", std::to_string(course.id),
                          { { "enabled", was } }, { { "enabled", enabled } } });
    return json_response(200, { { "message", enabled ? "The leaderboard is on: students see it"
                                                     : "The leaderboard is off: students no longer see it" },
                                  { "enabled", enabled } });
}

} // namespace learnloop::server
