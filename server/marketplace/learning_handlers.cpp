// Taking a marketplace course (learning_handlers.hpp).
#include "marketplace/learning_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "marketplace/attachments_json.hpp"
#include "marketplace/certificates.hpp"
#include "marketplace/certificates/certificate_handlers.hpp"
#include "marketplace/certificates/issuing.hpp"
#include "marketplace/progress.hpp"

#include <chrono>
#include <map>

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
const char* k_lesson_not_found = "Lesson not found";
const char* k_file_not_found = "File not found";

// Microseconds since 1970, the unit the marks' times are read in.
std::int64_t now_microseconds()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Whether the caller may open what a course teaches, a lesson or one of its
// files (`row` says the course's status and instructor and whether the
// caller is enrolled): the course's instructor and the office always, its
// learners once it is out of draft.
Result<void> may_open(const Caller& caller, const pqxx::row& row, const char* not_found)
{
    const bool staff = row["instructor_id"].as<std::int64_t>() == caller.user_id
        || reach_for(caller, Action::LessonRead).scope == Scope::Tenant;
    if (!staff && row["status"].as<std::string>() == "draft")
        return make_error(ErrorCode::NotFound, not_found);
    if (!staff && !row["enrolled"].as<bool>())
        return make_error(ErrorCode::PermissionDenied, "Enrol in this course to open its lessons");
    return {};
}

LessonMark mark_of(const pqxx::row& row)
{
    return { row["lesson_id"].as<std::int64_t>(), row["completed"].as<bool>(), row["seconds_spent"].as<int>(),
        row["position_seconds"].as<int>(), row["updated_at"].as<std::int64_t>() };
}

Json progress_json(const CourseProgress& progress)
{
    return { { "completed", progress.completed }, { "total", progress.total }, { "percent", progress.percent },
        { "finished", progress.finished },
        { "continue_lesson_id", progress.continue_lesson == 0 ? Json(nullptr) : Json(progress.continue_lesson) },
        { "continue_position", progress.continue_position }, { "text", progress_for_people(progress) } };
}

} // namespace

CourseProgress learner_progress(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id)
{
    std::vector<LessonRef> lessons;
    for (const auto& row : exec_named(txn, "marketplace/course_lessons_in_order", course_id))
        lessons.push_back({ row["id"].as<std::int64_t>(), row["minutes"].as<int>() });
    std::vector<LessonMark> marks;
    for (const auto& row : exec_named(txn, "marketplace/learner_marks", course_id, learner_id))
        marks.push_back(mark_of(row));
    return course_progress(lessons, marks);
}

Json course_progress_json(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id)
{
    return progress_json(learner_progress(txn, course_id, learner_id));
}

// Free courses only: a paid course is bought (order_handlers.hpp).
Result<ApiResponse> handle_enrol(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    TRY(require_no_fields(req));
    // A published course only: drafts and archived courses take nobody new.
    auto rows = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, std::string("own"));
    if (rows.empty() || rows[0]["status"].as<std::string>() != "published")
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const auto title = rows[0]["title"].as<std::string>();
    if (rows[0]["is_enrolled"].as<bool>())
        return json_response(200, { { "message", "You are already enrolled in " + title }, { "course_id", id } });
    if (rows[0]["price_kind"].as<std::string>() != "free")
        return make_error(ErrorCode::FailedPrecondition, "This course is paid: buy it to enrol");
    if (exec_named(txn, "marketplace/enrol_learner", caller.tenant_id, id, caller.user_id).empty())
        return json_response(200, { { "message", "You are already enrolled in " + title }, { "course_id", id } });
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.enrol", "course", std::to_string(id), nullptr,
                          { { "student_id", caller.user_id }, { "price", "free" } } });
    return json_response(201, { { "message", "You are enrolled in " + title }, { "course_id", id } });
}

Result<ApiResponse> handle_my_courses(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    // Every course's lessons and marks in one statement, not one per course.
    std::map<std::int64_t, std::pair<std::vector<LessonRef>, std::vector<LessonMark>>> lessons;
    for (const auto& row : exec_named(txn, "marketplace/my_lessons", caller.user_id)) {
        auto& [refs, marks] = lessons[row["course_id"].as<std::int64_t>()];
        refs.push_back({ row["lesson_id"].as<std::int64_t>(), row["minutes"].as<int>() });
        if (!row["updated_at"].is_null())
            marks.push_back(mark_of(row));
    }
    Json courses = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/my_courses", caller.user_id)) {
        const auto id = row["id"].as<std::int64_t>();
        const auto progress = course_progress(lessons[id].first, lessons[id].second);
        // What the course's certificate still asks (nothing: it can be had now).
        const auto rule = completion_rule_of(row);
        const auto left = check_completion(rule, progress,
            rule.quiz_pass_percent ? course_quiz_marks(txn, id, caller.user_id) : std::vector<QuizMark> {}).left;
        courses.push_back({ { "id", id }, { "slug", row["slug"].as<std::string>() },
            { "title", row["title"].as<std::string>() }, { "subtitle", row["subtitle"].as<std::string>() },
            { "instructor_name", row["instructor_name"].as<std::string>() },
            { "enrolled_at", row["enrolled_at"].as<std::string>() },
            { "last_active", nullable_json<std::string>(row["last_active"]) },
            { "progress", progress_json(progress) }, { "certificate_left", left },
            { "certificate_id", nullable_json<std::string>(row["certificate_id"]) } });
    }
    return json_response(200, std::move(courses));
}

// Enrolled learners read a lesson; so do the course's instructor and the
// office (lesson.read's tenant scope). Anyone else of the tenant learns that the lesson
// is there (the outline is public) but not what it says.
Result<ApiResponse> handle_lesson(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_lesson_not_found));
    auto rows = exec_named(txn, "marketplace/lesson_for_reader", id, caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_lesson_not_found);
    const auto& row = rows[0];
    TRY(may_open(caller, row, k_lesson_not_found));
    const bool enrolled = row["enrolled"].as<bool>();
    const auto kind = row["kind"].as<std::string>();
    Json lesson { { "id", id }, { "title", row["title"].as<std::string>() }, { "kind", kind },
        { "kind_label", lesson_kind_for_people(kind) }, { "minutes", row["minutes"].as<int>() },
        { "body", row["body"].as<std::string>() },
        { "video_url", nullable_json<std::string>(row["video_url"]) },
        { "course_id", row["course_id"].as<std::int64_t>() }, { "course_title", row["course_title"].as<std::string>() },
        { "module_title", row["module_title"].as<std::string>() },
        { "previous_lesson_id", nullable_json<std::int64_t>(row["previous_id"]) },
        { "next_lesson_id", nullable_json<std::int64_t>(row["next_id"]) } };
    lesson["attachments"] = attachments_json(exec_named(txn, "marketplace/lesson_attachments", id));
    lesson["progress"] = enrolled
        ? Json { { "completed", row["completed"].as<bool>() }, { "seconds_spent", row["seconds_spent"].as<int>() },
              { "position_seconds", row["position_seconds"].as<int>() } }
        : Json(nullptr);
    return json_response(200, std::move(lesson));
}

Result<ApiResponse> handle_lesson_file(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_file_not_found));
    auto rows = exec_named(txn, "marketplace/attachment_for_reader", id, caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_file_not_found);
    TRY(may_open(caller, rows[0], k_file_not_found));
    const pqxx::binarystring content(rows[0]["content"]);
    return attachment_response(content.str(), rows[0]["media_type"].as<std::string>(),
        rows[0]["file_name"].as<std::string>());
}

Result<ApiResponse> handle_lesson_progress(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_lesson_not_found));
    const auto update = TRY(read_progress_update(TRY(parse_json_body(req))));
    auto rows = exec_named(txn, "marketplace/lesson_for_reader", id, caller.user_id);
    if (rows.empty() || (rows[0]["status"].as<std::string>() == "draft" && !rows[0]["enrolled"].as<bool>()))
        return make_error(ErrorCode::NotFound, k_lesson_not_found);
    if (!rows[0]["enrolled"].as<bool>())
        return make_error(ErrorCode::PermissionDenied, "Enrol in this course to mark your progress in it");
    const auto course_id = rows[0]["course_id"].as<std::int64_t>();
    exec_named(txn, "marketplace/ensure_lesson_mark", caller.tenant_id, id, caller.user_id, course_id);
    const auto locked = exec_named(txn, "marketplace/lock_lesson_mark", id, caller.user_id)[0];
    const LessonMark before { id, locked["completed"].as<bool>(), locked["seconds_spent"].as<int>(),
        locked["position_seconds"].as<int>(), locked["updated_at"].as<std::int64_t>() };
    const auto after = apply_progress(before, update, now_microseconds());
    exec_named(txn, "marketplace/update_lesson_mark", id, caller.user_id, after.completed, after.seconds_spent,
        after.position_seconds);
    const Json old_mark { { "completed", before.completed }, { "seconds_spent", before.seconds_spent },
        { "position_seconds", before.position_seconds } };
    const Json new_mark { { "completed", after.completed }, { "seconds_spent", after.seconds_spent },
        { "position_seconds", after.position_seconds } };
    append_audit(txn, { caller.tenant_id, caller.actor(), "lesson.progress", "lesson", std::to_string(id), old_mark,
                          new_mark });
    Json body = new_mark;
    body["lesson_id"] = id;
    body["message"] = after.completed && !before.completed ? "Lesson completed" : "Progress saved";
    const auto progress = learner_progress(txn, course_id, caller.user_id);
    body["course_progress"] = progress_json(progress);
    // The mark that meets the course's rule issues its certificate, in the same transaction.
    if (after.completed && !before.completed) {
        const auto outcome = TRY(issue_certificate_if_earned(txn, caller, course_id, progress));
        if (outcome.issued_now) {
            body["certificate"] = certificate_made_json(outcome);
            body["message"] = "Lesson completed. Certificate earned: " + outcome.course_title;
        }
    }
    return json_response(200, std::move(body));
}

} // namespace learnloop::server
