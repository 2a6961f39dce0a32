// The course studio in the API (studio_handlers.hpp).
#include "marketplace/studio_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "db/sql.hpp"
#include "marketplace/attachments_json.hpp"
#include "marketplace/catalog_handlers.hpp"
#include "marketplace/course_editing.hpp"
#include "marketplace/progress.hpp"
#include "platform/crypto.hpp"

#include <map>

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
const char* k_module_not_found = "Module not found";
const char* k_lesson_not_found = "Lesson not found";
const char* k_file_not_found = "File not found";

std::string scope_of(const Caller& caller)
{
    return marketplace_scope(caller, Action::CourseManage);
}

CatalogStatus status_of(const pqxx::row& row)
{
    const auto status = parse_catalog_status(row["status"].as<std::string>());
    return status.ok() ? status.value() : CatalogStatus::Draft;
}

// A course's face as its row holds it.
CourseFace face_of(const pqxx::row& row)
{
    CourseFace face;
    face.title = row["title"].as<std::string>();
    face.slug = row["slug"].as<std::string>();
    face.subtitle = row["subtitle"].as<std::string>();
    face.description = row["description"].as<std::string>();
    face.category_id = row["category_id"].is_null() ? 0 : row["category_id"].as<std::int64_t>();
    if (!row["level"].is_null())
        face.level = parse_course_level(row["level"].as<std::string>()).value();
    face.language = row["language"].as<std::string>();
    face.tags = Json::parse(row["tags_json"].as<std::string>()).get<std::vector<std::string>>();
    face.prerequisites = row["prerequisites"].as<std::string>();
    face.price = price_of(row);
    return face;
}

// A course as the studio's list shows it.
Json course_json(const pqxx::row& row)
{
    const auto status = status_of(row);
    const auto price = price_of(row);
    return { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
        { "slug", row["slug"].as<std::string>() }, { "status", catalog_status_name(status) },
        { "status_label", catalog_status_for_people(status) }, { "price", price_to_json(price) },
        { "price_label", price_for_people(price) }, { "instructor_id", row["instructor_id"].as<std::int64_t>() },
        { "instructor_name", row["instructor_name"].as<std::string>() },
        { "lessons", row["lessons"].as<std::int64_t>() }, { "enrolled", row["enrolled"].as<std::int64_t>() },
        { "published_at", nullable_json<std::string>(row["published_at"]) } };
}

Outline outline_of(const pqxx::result& rows)
{
    Outline outline;
    for (const auto& row : rows) {
        const auto module_id = row["module_id"].as<std::int64_t>();
        if (outline.empty() || outline.back().id != module_id)
            outline.push_back({ module_id, {} });
        if (!row["lesson_id"].is_null())
            outline.back().lessons.push_back(row["lesson_id"].as<std::int64_t>());
    }
    return outline;
}

// The course's page in the studio: its face, where it stands, its modules
// with every lesson as written, and the quizzes a lesson may be.
Json course_page(pqxx::work& txn, const pqxx::row& course)
{
    const auto id = course["id"].as<std::int64_t>();
    auto page = course_json(course);
    page.update(course_face_json(face_of(course)));
    std::map<std::int64_t, Json> files;   // by lesson
    for (const auto& row : exec_named(txn, "marketplace/course_attachments", id)) {
        auto& list = files[row["lesson_id"].as<std::int64_t>()];
        if (list.is_null())
            list = Json::array();
        list.push_back(attachment_json(row));
    }
    Json modules = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/studio_outline", id)) {
        const auto module_id = row["module_id"].as<std::int64_t>();
        if (modules.empty() || modules.back()["id"] != module_id)
            modules.push_back({ { "id", module_id }, { "title", row["module_title"].as<std::string>() },
                { "lessons", Json::array() } });
        if (row["lesson_id"].is_null())
            continue;
        const auto kind = row["kind"].as<std::string>();
        const auto lesson_id = row["lesson_id"].as<std::int64_t>();
        const auto lesson_files = files.find(lesson_id);
        modules.back()["lessons"].push_back({ { "id", lesson_id },
            { "title", row["lesson_title"].as<std::string>() }, { "kind", kind },
            { "kind_label", lesson_kind_for_people(kind) }, { "minutes", row["minutes"].as<int>() },
            { "body", row["body"].as<std::string>() }, { "video_url", nullable_json<std::string>(row["video_url"]) },
            { "quiz_id", nullable_json<std::int64_t>(row["quiz_id"]) },
            { "learners", row["learners"].as<std::int64_t>() },
            { "attachments", lesson_files == files.end() ? Json::array() : lesson_files->second } });
    }
    page["modules"] = std::move(modules);
    Json quizzes = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/course_quizzes", id))
        quizzes.push_back({ { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() } });
    page["quizzes"] = std::move(quizzes);
    return page;
}

// The course (locked for this change) when the caller may write it, read
// after the lock: with the lessons a change it waited for left.
Result<pqxx::row> lock_course(pqxx::work& txn, const Caller& caller, std::int64_t id, const char* not_found)
{
    if (exec_named(txn, "marketplace/lock_studio_course", id, scope_of(caller), caller.user_id).empty())
        return make_error(ErrorCode::NotFound, not_found);
    return exec_named(txn, "marketplace/studio_course", id, scope_of(caller), caller.user_id)[0];
}

Result<pqxx::row> lock_course(pqxx::work& txn, const Caller& caller, std::int64_t id)
{
    return lock_course(txn, caller, id, k_course_not_found);
}

// The marketplace's currency; NotFound where the organisation has no catalog.
Result<std::string> marketplace_currency(pqxx::work& txn)
{
    auto settings = exec_named(txn, "marketplace/settings");
    if (settings.empty())
        return make_error(ErrorCode::NotFound, "This organisation has no course catalog");
    return settings[0]["currency"].as<std::string>();
}

// The face's category and address, checked against the marketplace's:
// the category is one of its own, the address no other course's.
Result<void> check_face_in_tenant(pqxx::work& txn, const CourseFace& face, std::int64_t course_id)
{
    const auto currency = TRY(marketplace_currency(txn));
    if (face.price.kind != PriceKind::Free && face.price.amount.currency != currency)
        return make_error(ErrorCode::InvalidArgument, "Prices in this marketplace are in " + currency,
            "price.currency");
    if (face.category_id > 0 && !exec_named(txn, "marketplace/category_exists", face.category_id)[0]["found"].as<bool>())
        return make_error(ErrorCode::InvalidArgument, "Choose a category from the list", "category_id");
    if (exec_named(txn, "marketplace/slug_taken", face.slug, course_id)[0]["taken"].as<bool>())
        return make_error(ErrorCode::Conflict, "Another course has the address " + face.slug + "; choose another",
            "slug");
    return {};
}

// The price's columns: kind, amount, currency, period and the catalog's band.
struct PriceColumns {
    std::string kind;
    std::int64_t minor = 0;
    std::optional<std::string> currency;
    std::optional<std::string> period;
    std::string band;
};

PriceColumns price_columns(const Price& price)
{
    PriceColumns columns { std::string(price_kind_name(price.kind)), price.amount.minor, std::nullopt, std::nullopt,
        std::string(price_band_name(price_band_of(price))) };
    if (price.kind != PriceKind::Free)
        columns.currency = price.amount.currency;
    if (price.period)
        columns.period = std::string(billing_period_name(*price.period));
    return columns;
}

std::optional<std::string> level_column(const CourseFace& face)
{
    return face.level ? std::optional<std::string>(std::string(course_level_name(*face.level))) : std::nullopt;
}

// The instructor a new course is given to: the caller, or for the office
// the instructor it names.
Result<std::int64_t> instructor_for(pqxx::work& txn, const Caller& caller, const Json& body, const std::string& scope)
{
    const auto* named = body.is_object() && body.contains("instructor_id") ? &body["instructor_id"] : nullptr;
    if (!named || named->is_null()) {
        if (scope == "tenant")
            return make_error(ErrorCode::InvalidArgument, "Choose the instructor who teaches it", "instructor_id");
        return caller.user_id;
    }
    const auto id = TRY(json_int_at(*named, "instructor_id"));
    if (scope != "tenant") {
        if (id != caller.user_id)
            return make_error(ErrorCode::InvalidArgument, "Your courses are yours: leave the instructor out",
                "instructor_id");
        return id;
    }
    if (exec_named(txn, "marketplace/marketplace_instructor", id).empty())
        return make_error(ErrorCode::InvalidArgument, "Choose an instructor from the list", "instructor_id");
    return id;
}

// The quiz a lesson is, checked to be one of its course's.
Result<void> check_lesson_quiz(pqxx::work& txn, const LessonDraft& draft, std::int64_t course_id)
{
    if (draft.kind != LessonKind::Quiz)
        return {};
    for (const auto& row : exec_named(txn, "marketplace/course_quizzes", course_id))
        if (row["id"].as<std::int64_t>() == draft.quiz_id)
            return {};
    return make_error(ErrorCode::InvalidArgument, "Choose one of this course's quizzes", "quiz_id");
}

// A module or lesson found, with its course locked for the change.
struct Found {
    pqxx::row row;
    pqxx::row course;
};

Result<Found> lock_part(pqxx::work& txn, const Caller& caller, const std::string& query, const std::string& id_text,
    const char* not_found)
{
    const auto id = TRY(parse_id(id_text, not_found));
    auto rows = exec_named(txn, query, id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, not_found);
    auto course = TRY(lock_course(txn, caller, rows[0]["course_id"].as<std::int64_t>(), not_found));
    // Read again under the course's lock: what a change before it left.
    rows = exec_named(txn, query, id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, not_found);
    return Found { rows[0], course };
}

Json lesson_audit(const pqxx::row& row)
{
    LessonDraft draft;
    draft.title = row["title"].as<std::string>();
    draft.kind = parse_lesson_kind(row["kind"].as<std::string>()).value();
    draft.minutes = row["minutes"].as<int>();
    draft.body = row["body"].as<std::string>();
    draft.video_url = row["video_url"].is_null() ? std::string() : row["video_url"].as<std::string>();
    draft.quiz_id = row["quiz_id"].is_null() ? 0 : row["quiz_id"].as<std::int64_t>();
    auto json = lesson_draft_json(draft);
    json["module_id"] = row["module_id"].as<std::int64_t>();
    return json;
}

void write_lesson(pqxx::work& txn, std::int64_t id, const LessonDraft& draft)
{
    exec_named(txn, "marketplace/update_lesson", id, draft.title, std::string(lesson_kind_name(draft.kind)),
        draft.minutes, draft.body, nonempty_or_null(draft.video_url), positive_or_null(draft.quiz_id));
}

// The studio's answer after a change: the course's page with a message.
ApiResponse page_answer(pqxx::work& txn, const Caller& caller, std::int64_t course_id, int status,
    std::string message)
{
    auto rows = exec_named(txn, "marketplace/studio_course", course_id, scope_of(caller), caller.user_id);
    auto page = course_page(txn, rows[0]);
    page["message"] = std::move(message);
    return json_response(status, std::move(page));
}

} // namespace

// [SECTION] courses

Result<ApiResponse> handle_studio_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto page = TRY(parse_page(req));
    TRY(marketplace_currency(txn));
    auto rows = exec_page(txn, "marketplace/studio_courses_page", page, scope_of(caller), caller.user_id);
    return paged_response(req, page, rows, course_json);
}

Result<ApiResponse> handle_studio_choices(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    Json category_list = Json::array();
    for (const auto& c : roll_up_categories(marketplace_categories(txn), {}))
        category_list.push_back({ { "id", c.id }, { "name", c.name }, { "depth", c.depth } });
    Json instructors = Json::array();
    if (scope_of(caller) == "tenant")
        for (const auto& row : exec_named(txn, "marketplace/studio_instructors"))
            instructors.push_back({ { "id", row["id"].as<std::int64_t>() }, { "name", row["name"].as<std::string>() } });
    const auto currency = TRY(marketplace_currency(txn));
    return json_response(200, { { "categories", std::move(category_list) }, { "instructors", std::move(instructors) },
                                  { "currency", currency } });
}

Result<ApiResponse> handle_create_studio_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto body = TRY(parse_json_body(req));
    const auto face = TRY(read_course_face(body));
    const auto scope = scope_of(caller);
    const auto instructor = TRY(instructor_for(txn, caller, body, scope));
    TRY(check_face_in_tenant(txn, face, 0));
    const auto price = price_columns(face.price);
    const auto id = exec_named(txn, "marketplace/make_course", caller.tenant_id, instructor, face.title, face.slug,
        face.subtitle, face.description, positive_or_null(face.category_id), level_column(face), face.language,
        Json(face.tags).dump(), face.prerequisites, price.kind, price.minor, price.currency, price.period,
        price.band)[0]["id"].as<std::int64_t>();
    auto audited = course_face_json(face);
    audited["instructor_id"] = instructor;
    audited["status"] = "draft";
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.create", "course", std::to_string(id), nullptr,
                          std::move(audited) });
    return page_answer(txn, caller, id, 201,
        face.title + " is a draft: add its modules and lessons, then publish it");
}

Result<ApiResponse> handle_studio_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto rows = exec_named(txn, "marketplace/studio_course", id, scope_of(caller), caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    return json_response(200, course_page(txn, rows[0]));
}

Result<ApiResponse> handle_update_studio_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto body = TRY(parse_json_body(req));
    const auto face = TRY(read_course_face(body));
    if (body.contains("instructor_id"))
        return make_error(ErrorCode::InvalidArgument, "A course's instructor stays who made it", "instructor_id");
    const auto course = TRY(lock_course(txn, caller, id));
    const auto before = face_of(course);
    if (before == face)
        return page_answer(txn, caller, id, 200, "Nothing changed");
    TRY(check_face_in_tenant(txn, face, id));
    const auto price = price_columns(face.price);
    exec_named(txn, "marketplace/update_course_face", id, face.title, face.slug, face.subtitle, face.description,
        positive_or_null(face.category_id), level_column(face), face.language, Json(face.tags).dump(), face.prerequisites,
        price.kind, price.minor, price.currency, price.period, price.band);
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.update", "course", std::to_string(id),
                          course_face_json(before), course_face_json(face) });
    return page_answer(txn, caller, id, 200, "Saved " + face.title);
}

Result<ApiResponse> handle_studio_course_status(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "status" }));
    const auto to = TRY(parse_catalog_status(TRY(json_string_field(body, "status"))));
    const auto course = TRY(lock_course(txn, caller, id));
    const auto from = status_of(course);
    TRY(check_status_change(from, to));
    if (from == to)
        return page_answer(txn, caller, id, 200, "It is " + std::string(catalog_status_for_people(to)) + " already");
    if (to == CatalogStatus::Published)
        TRY(check_publishable(course["lessons"].as<std::int64_t>()));
    exec_named(txn, "marketplace/set_course_status", id, std::string(catalog_status_name(to)));
    const auto action = to == CatalogStatus::Published ? "course.publish" : "course.archive";
    append_audit(txn, { caller.tenant_id, caller.actor(), action, "course", std::to_string(id),
                          { { "status", catalog_status_name(from) } }, { { "status", catalog_status_name(to) } } });
    const auto title = course["title"].as<std::string>();
    return page_answer(txn, caller, id, 200,
        to == CatalogStatus::Published
            ? title + " is published: learners find it in the catalog"
            : title + " is archived: it has left the catalog, and its learners keep it");
}

Result<ApiResponse> handle_studio_outline(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto asked = TRY(read_outline(TRY(parse_json_body(req))));
    TRY(lock_course(txn, caller, id));
    const auto now = outline_of(exec_named(txn, "marketplace/course_outline", id));
    TRY(check_same_parts(now, asked));
    if (asked == now)
        return page_answer(txn, caller, id, 200, "Nothing moved");
    std::vector<std::int64_t> modules, lessons, lesson_modules;
    for (const auto& module : asked) {
        modules.push_back(module.id);
        for (auto lesson : module.lessons) {
            lessons.push_back(lesson);
            lesson_modules.push_back(module.id);
        }
    }
    exec_named(txn, "marketplace/set_outline", id, ids_array(modules), ids_array(lessons), ids_array(lesson_modules));
    append_audit(txn, { caller.tenant_id, caller.actor(), "course.reorder", "course", std::to_string(id),
                          outline_json(now), outline_json(asked) });
    return page_answer(txn, caller, id, 200, "Moved");
}

// [SECTION] modules

Result<ApiResponse> handle_create_module(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto course_id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto title = TRY(read_module_title(TRY(parse_json_body(req))));
    TRY(lock_course(txn, caller, course_id));
    if (outline_of(exec_named(txn, "marketplace/course_outline", course_id)).size() >= k_course_modules_most)
        return make_error(ErrorCode::FailedPrecondition, "A course holds at most 100 modules");
    const auto id = exec_named(txn, "marketplace/make_module", caller.tenant_id, course_id, title)[0]["id"]
                        .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "module.create", "course_module", std::to_string(id),
                          nullptr, { { "course_id", course_id }, { "title", title } } });
    auto answer = page_answer(txn, caller, course_id, 201, "Module " + title + " added");
    answer.body["module_id"] = id;
    return answer;
}

Result<ApiResponse> handle_rename_module(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto title = TRY(read_module_title(TRY(parse_json_body(req))));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_module", req.matches[1], k_module_not_found));
    const auto id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    const auto before = found.row["title"].as<std::string>();
    if (before == title)
        return page_answer(txn, caller, course_id, 200, "Nothing changed");
    exec_named(txn, "marketplace/rename_module", id, title);
    append_audit(txn, { caller.tenant_id, caller.actor(), "module.update", "course_module", std::to_string(id),
                          { { "title", before } }, { { "title", title } } });
    return page_answer(txn, caller, course_id, 200, "Module renamed " + title);
}

Result<ApiResponse> handle_delete_module(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_module", req.matches[1], k_module_not_found));
    const auto id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    const auto title = found.row["title"].as<std::string>();
    if (exec_named(txn, "marketplace/delete_module", id).empty())
        return make_error(ErrorCode::FailedPrecondition,
            "Module " + title + " still has lessons: move them to another module or delete them first");
    append_audit(txn, { caller.tenant_id, caller.actor(), "module.delete", "course_module", std::to_string(id),
                          { { "course_id", course_id }, { "title", title } }, nullptr });
    return page_answer(txn, caller, course_id, 200, "Module " + title + " deleted");
}

// [SECTION] lessons

Result<ApiResponse> handle_create_lesson(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto draft = TRY(read_lesson_draft(TRY(parse_json_body(req))));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_module", req.matches[1], k_module_not_found));
    const auto module_id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    if (found.row["lessons"].as<std::int64_t>() >= static_cast<std::int64_t>(k_module_lessons_most))
        return make_error(ErrorCode::FailedPrecondition, "A module holds at most 200 lessons; add another module");
    TRY(check_lesson_quiz(txn, draft, course_id));
    const auto id = exec_named(txn, "marketplace/make_lesson", caller.tenant_id, course_id, module_id, draft.title,
        std::string(lesson_kind_name(draft.kind)), draft.minutes, draft.body, nonempty_or_null(draft.video_url),
        positive_or_null(draft.quiz_id))[0]["id"].as<std::int64_t>();
    auto audited = lesson_draft_json(draft);
    audited["module_id"] = module_id;
    append_audit(txn, { caller.tenant_id, caller.actor(), "lesson.create", "course_lesson", std::to_string(id),
                          nullptr, std::move(audited) });
    auto answer = page_answer(txn, caller, course_id, 201, "Lesson " + draft.title + " added");
    answer.body["lesson_id"] = id;
    return answer;
}

Result<ApiResponse> handle_update_lesson(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto draft = TRY(read_lesson_draft(TRY(parse_json_body(req))));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_lesson", req.matches[1], k_lesson_not_found));
    const auto id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    TRY(check_lesson_quiz(txn, draft, course_id));
    auto before = lesson_audit(found.row);
    auto after = lesson_draft_json(draft);
    after["module_id"] = before["module_id"];
    if (before == after)
        return page_answer(txn, caller, course_id, 200, "Nothing changed");
    write_lesson(txn, id, draft);
    append_audit(txn, { caller.tenant_id, caller.actor(), "lesson.update", "course_lesson", std::to_string(id),
                          std::move(before), std::move(after) });
    return page_answer(txn, caller, course_id, 200, "Saved lesson " + draft.title);
}

Result<ApiResponse> handle_delete_lesson(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_lesson", req.matches[1], k_lesson_not_found));
    const auto id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    const auto title = found.row["title"].as<std::string>();
    if (status_of(found.course) == CatalogStatus::Published && found.course["lessons"].as<std::int64_t>() <= 1)
        return make_error(ErrorCode::FailedPrecondition,
            "A published course keeps one lesson at least: add another first, or archive the course");
    auto before = lesson_audit(found.row);
    // Its files go with it: named in its audit row.
    if (auto files = attachments_json(exec_named(txn, "marketplace/lesson_attachments", id)); !files.empty())
        before["attachments"] = std::move(files);
    if (exec_named(txn, "marketplace/delete_lesson", id).empty())
        return make_error(ErrorCode::FailedPrecondition,
            "Learners have opened " + title + ", so it stays: change what it says instead");
    append_audit(txn, { caller.tenant_id, caller.actor(), "lesson.delete", "course_lesson", std::to_string(id),
                          before, nullptr });
    return page_answer(txn, caller, course_id, 200, "Lesson " + title + " deleted");
}

// [SECTION] a lesson's files

Result<ApiResponse> handle_add_attachment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    if (!req.has_param("name"))
        return make_error(ErrorCode::InvalidArgument, "Give the file's name as ?name=", "name");
    // The body is the file itself; what it is comes from its name and first bytes.
    const auto file = TRY(check_attachment(req.get_param_value("name"), req.body));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_lesson", req.matches[1], k_lesson_not_found));
    const auto lesson_id = found.row["id"].as<std::int64_t>();
    const auto course_id = found.row["course_id"].as<std::int64_t>();
    const auto files = exec_named(txn, "marketplace/lesson_attachments", lesson_id);
    if (files.size() >= k_lesson_attachments_most)
        return make_error(ErrorCode::FailedPrecondition, "A lesson offers at most 10 files: delete one first");
    // Learners tell a lesson's files apart by their names.
    for (const auto& row : files)
        if (row["file_name"].as<std::string>() == file.file_name)
            return make_error(ErrorCode::Conflict,
                "This lesson has a file named " + file.file_name + " already: delete it first, or rename this one",
                "name");
    const auto size = static_cast<std::int64_t>(req.body.size());
    const auto id = exec_named(txn, "marketplace/make_attachment", caller.tenant_id, course_id, lesson_id,
        file.file_name, file.media_type, size, pqxx::binarystring(req.body), caller.user_id)[0]["id"]
                        .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "attachment.create", "lesson_attachment",
                          std::to_string(id), nullptr,
                          { { "lesson_id", lesson_id }, { "file_name", file.file_name },
                              { "media_type", file.media_type }, { "size_bytes", size },
                              { "sha256", sha256_hex(req.body) } } });
    auto answer = page_answer(txn, caller, course_id, 201, "Attached " + file.file_name);
    answer.body["attachment_id"] = id;
    return answer;
}

Result<ApiResponse> handle_delete_attachment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    const auto found = TRY(lock_part(txn, caller, "marketplace/studio_attachment", req.matches[1], k_file_not_found));
    const auto id = found.row["id"].as<std::int64_t>();
    const auto name = found.row["file_name"].as<std::string>();
    exec_named(txn, "marketplace/delete_attachment", id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "attachment.delete", "lesson_attachment",
                          std::to_string(id),
                          { { "lesson_id", found.row["lesson_id"].as<std::int64_t>() }, { "file_name", name },
                              { "media_type", found.row["media_type"].as<std::string>() },
                              { "size_bytes", found.row["size_bytes"].as<std::int64_t>() } },
                          nullptr });
    return page_answer(txn, caller, found.row["course_id"].as<std::int64_t>(), 200, "Deleted " + name);
}

} // namespace learnloop::server
