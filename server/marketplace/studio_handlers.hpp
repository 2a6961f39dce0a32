// The course studio: instructors write their own marketplace courses, the
// office any: the catalog face and price, modules and lessons, their order,
// the files a lesson offers, and publishing. The requests are read by shared-domain
// marketplace/course_editing, as the browser's forms read them; every change
// locks its course (lock_studio_course) and is audited with it.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

namespace learnloop::server {

// GET /api/marketplace/studio/courses?limit&offset
[[nodiscard]] Result<ApiResponse> handle_studio_courses(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/studio/choices: the categories, the marketplace's
// currency and (for the office) the instructors a course may be given to.
[[nodiscard]] Result<ApiResponse> handle_studio_choices(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/studio/courses
[[nodiscard]] Result<ApiResponse> handle_create_studio_course(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/studio/courses/{id}
[[nodiscard]] Result<ApiResponse> handle_studio_course(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT /api/marketplace/studio/courses/{id}
[[nodiscard]] Result<ApiResponse> handle_update_studio_course(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT /api/marketplace/studio/courses/{id}/status
[[nodiscard]] Result<ApiResponse> handle_studio_course_status(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT /api/marketplace/studio/courses/{id}/outline
[[nodiscard]] Result<ApiResponse> handle_studio_outline(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/studio/courses/{id}/modules
[[nodiscard]] Result<ApiResponse> handle_create_module(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT and DELETE /api/marketplace/studio/modules/{id}
[[nodiscard]] Result<ApiResponse> handle_rename_module(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
[[nodiscard]] Result<ApiResponse> handle_delete_module(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/studio/modules/{id}/lessons
[[nodiscard]] Result<ApiResponse> handle_create_lesson(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT and DELETE /api/marketplace/studio/lessons/{id}
[[nodiscard]] Result<ApiResponse> handle_update_lesson(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
[[nodiscard]] Result<ApiResponse> handle_delete_lesson(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/studio/lessons/{id}/attachments?name=: the body is
// the file (shared-domain marketplace/attachments says what it may be)
[[nodiscard]] Result<ApiResponse> handle_add_attachment(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// DELETE /api/marketplace/studio/attachments/{id}
[[nodiscard]] Result<ApiResponse> handle_delete_attachment(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

// The studio's schemas and routes, added to the marketplace's API.
void add_studio_api(AreaApi& api);

} // namespace learnloop::server
