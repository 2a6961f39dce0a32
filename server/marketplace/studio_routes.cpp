// The course studio's routes and schemas (studio_handlers.hpp's add_studio_api).
#include "marketplace/studio_handlers.hpp"

#include "http/schema.hpp"
#include "marketplace/attachments.hpp"

namespace learnloop::server {

void add_studio_api(AreaApi& api)
{
    auto& s = api.schemas;
    const auto price = schema_ref("Price");
    const auto level = nullable(enum_schema({ "beginner", "intermediate", "advanced" }));
    const auto status = enum_schema({ "draft", "published", "archived" });
    s["Price"] = object_schema(
        { { "kind", enum_schema({ "free", "one_time", "subscription" }) },
            { "amount", string_schema("Decimal text in the currency's unit: \"49.00\"") },
            { "currency", string_schema("ISO 4217") }, { "period", enum_schema({ "monthly", "yearly" }) } },
        { "kind" });
    s["CourseFace"] = request_schema(
        { { "title", string_schema("1 to 200 characters") },
            { "slug", string_schema("The catalog address: 2 to 60 small letters, digits and single dashes") },
            { "subtitle", string_schema("Up to 160 characters") },
            { "description", string_schema("Up to 4,000 characters; paragraphs separated by a blank line") },
            { "category_id", nullable(id_schema()) }, { "level", level },
            { "language", string_schema("BCP 47 primary tag, one the catalog offers: \"es\"") },
            { "tags", array_of(string_schema("1 to 30 characters; up to 10 tags")) },
            { "prerequisites", string_schema("Up to 500 characters") }, { "price", price },
            { "instructor_id", id_schema() } },
        { "title", "slug", "price" });
    const std::initializer_list<std::pair<const char*, Json>> course_fields {
        { "id", id_schema() }, { "title", string_schema() }, { "slug", string_schema() }, { "status", status },
        { "status_label", string_schema("\"Draft\", \"Published\", \"Archived\"") }, { "price", price },
        { "price_label", string_schema() }, { "instructor_id", id_schema() }, { "instructor_name", string_schema() },
        { "lessons", integer_schema() }, { "enrolled", integer_schema("Learners enrolled") },
        { "published_at", nullable(utc_timestamp_schema()) } };
    s["StudioCourses"] = array_of(object_schema(course_fields,
        { "id", "title", "slug", "status", "status_label", "price", "price_label", "instructor_name", "lessons",
            "enrolled" }));
    auto page = object_schema(course_fields, {});
    const Json more = object_schema(
        { { "subtitle", string_schema() }, { "description", string_schema() }, { "category_id", nullable(id_schema()) },
            { "level", level }, { "language", string_schema() }, { "tags", array_of(string_schema()) },
            { "prerequisites", string_schema() },
            { "modules", array_of(object_schema(
                             { { "id", id_schema() }, { "title", string_schema() },
                                 { "lessons", array_of(object_schema(
                                                  { { "id", id_schema() }, { "title", string_schema() },
                                                      { "kind", enum_schema({ "text", "video", "quiz" }) },
                                                      { "kind_label", string_schema() },
                                                      { "minutes", integer_schema() }, { "body", string_schema() },
                                                      { "video_url", nullable(string_schema()) },
                                                      { "quiz_id", nullable(id_schema()) },
                                                      { "learners", integer_schema("Learners who opened it") },
                                                      { "attachments", array_of(schema_ref("LessonFile")) } },
                                                  { "id", "title", "kind", "minutes", "body", "learners",
                                                      "attachments" })) } },
                             { "id", "title", "lessons" })) },
            { "quizzes", array_of(object_schema({ { "id", id_schema() }, { "title", string_schema() } },
                             { "id", "title" })) },
            { "message", string_schema("After a change: what it did") },
            { "module_id", id_schema() }, { "lesson_id", id_schema() }, { "attachment_id", id_schema() } },
        {});
    page["properties"].update(more["properties"]);
    page["required"] = { "id", "title", "slug", "status", "price", "modules", "quizzes", "lessons" };
    s["StudioCourse"] = std::move(page);
    s["StudioChoices"] = object_schema(
        { { "categories", array_of(object_schema({ { "id", id_schema() }, { "name", string_schema() },
                                                       { "depth", integer_schema("0 at the top") } },
                              { "id", "name", "depth" })) },
            { "instructors", array_of(object_schema({ { "id", id_schema() }, { "name", string_schema() } },
                                 { "id", "name" })) },
            { "currency", string_schema("The marketplace's ISO 4217 currency") } },
        { "categories", "instructors", "currency" });
    s["CourseStatusChange"] = request_schema({ { "status", status } }, { "status" });
    s["CourseOutline"] = request_schema(
        { { "modules", array_of(object_schema({ { "id", id_schema() }, { "lessons", array_of(id_schema()) } },
                           { "id", "lessons" })) } },
        { "modules" });
    s["ModuleTitle"] = request_schema({ { "title", string_schema("1 to 200 characters") } }, { "title" });
    s["LessonDraft"] = request_schema(
        { { "title", string_schema("1 to 200 characters") }, { "kind", enum_schema({ "text", "video", "quiz" }) },
            { "minutes", integer_schema("0 to 600") },
            { "body", string_schema("Up to 20,000 characters; a video's notes") },
            { "video_url", string_schema("https://...; video lessons only") },
            { "quiz_id", id_schema() } },
        { "title", "kind" });

    const auto paging = std::vector<QueryParam> { page_limit_param(), page_offset_param() };
    api.routes.insert(api.routes.end(), {
        { Method::Get, "/api/marketplace/studio/courses", Action::CourseManage, handle_studio_courses, nullptr,
            "The courses the caller writes, newest first, drafts and archived ones too: their own for instructors, "
            "every one for administrators",
            "", "StudioCourses", 200, paging },
        { Method::Get, "/api/marketplace/studio/choices", Action::CourseManage, handle_studio_choices, nullptr,
            "What a course's form offers: the categories, the marketplace's currency and, for administrators, the "
            "instructors",
            "", "StudioChoices", 200 },
        { Method::Post, "/api/marketplace/studio/courses", Action::CourseManage, handle_create_studio_course, nullptr,
            "Makes a draft course (an administrator names its instructor); 409 when its address is taken",
            "CourseFace", "StudioCourse", 201 },
        { Method::Get, "/api/marketplace/studio/courses/{id}", Action::CourseManage, handle_studio_course, nullptr,
            "A course as its writer edits it: its face, modules and every lesson as written", "", "StudioCourse",
            200 },
        { Method::Put, "/api/marketplace/studio/courses/{id}", Action::CourseManage, handle_update_studio_course,
            nullptr, "Changes a course's face and price (409 when the address is another course's)", "CourseFace",
            "StudioCourse", 200 },
        { Method::Put, "/api/marketplace/studio/courses/{id}/status", Action::CourseManage,
            handle_studio_course_status, nullptr,
            "Publishes a course (it needs a lesson), archives it (its learners keep it) or publishes it again",
            "CourseStatusChange", "StudioCourse", 200 },
        { Method::Put, "/api/marketplace/studio/courses/{id}/outline", Action::CourseManage, handle_studio_outline,
            nullptr,
            "Puts the course's modules and lessons in a new order (a lesson may change module); it must name each "
            "exactly once (422 when the course changed meanwhile)",
            "CourseOutline", "StudioCourse", 200 },
        { Method::Post, "/api/marketplace/studio/courses/{id}/modules", Action::CourseManage, handle_create_module,
            nullptr, "Adds a module after the course's others", "ModuleTitle", "StudioCourse", 201 },
        { Method::Put, "/api/marketplace/studio/modules/{id}", Action::CourseManage, handle_rename_module, nullptr,
            "Renames a module", "ModuleTitle", "StudioCourse", 200 },
        { Method::Delete, "/api/marketplace/studio/modules/{id}", Action::CourseManage, handle_delete_module, nullptr,
            "Deletes a module without lessons (422 while it has some)", "", "StudioCourse", 200 },
        { Method::Post, "/api/marketplace/studio/modules/{id}/lessons", Action::CourseManage, handle_create_lesson,
            nullptr, "Adds a lesson at the end of a module: a reading, a video or one of the course's quizzes",
            "LessonDraft", "StudioCourse", 201 },
        { Method::Put, "/api/marketplace/studio/lessons/{id}", Action::CourseManage, handle_update_lesson, nullptr,
            "Changes a lesson", "LessonDraft", "StudioCourse", 200 },
        { Method::Delete, "/api/marketplace/studio/lessons/{id}", Action::CourseManage, handle_delete_lesson, nullptr,
            "Deletes a lesson no learner has opened (422 otherwise; a published course keeps one)", "",
            "StudioCourse", 200 },
        takes_upload({ Method::Post, "/api/marketplace/studio/lessons/{id}/attachments", Action::CourseManage,
                           handle_add_attachment, nullptr,
                           "Attaches a file to a lesson for its learners to download: the body is the file (up to 8 "
                           "MiB; PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV, known by the "
                           "name's extension and the file's first bytes), at most 10 a lesson",
                           "", "StudioCourse", 201,
                           { { "name", string_schema("1 to 120 characters"), "The file's name", true } } },
            k_attachment_bytes_most),
        { Method::Delete, "/api/marketplace/studio/attachments/{id}", Action::CourseManage, handle_delete_attachment,
            nullptr, "Deletes a lesson's file", "", "StudioCourse", 200 },
    });
}

} // namespace learnloop::server
