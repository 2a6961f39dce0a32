// Taking a marketplace course: enrolling, one's courses with their progress,
// opening a lesson, and marking progress in it.
#pragma once

#include "http/api.hpp"
#include "marketplace/progress.hpp"

namespace learnloop::server {

// POST /api/marketplace/courses/{id}/enrol
[[nodiscard]] Result<ApiResponse> handle_enrol(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/my-courses
[[nodiscard]] Result<ApiResponse> handle_my_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/lessons/{id}
[[nodiscard]] Result<ApiResponse> handle_lesson(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/files/{id}: a lesson's file, for those who may open the lesson
[[nodiscard]] Result<ApiResponse> handle_lesson_file(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT /api/marketplace/lessons/{id}/progress
[[nodiscard]] Result<ApiResponse> handle_lesson_progress(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

// A learner's progress in a course, from its lessons in order and their marks.
[[nodiscard]] CourseProgress learner_progress(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id);
// A learner's progress in a course as the API writes it (the course page's
// "progress" and each of "my courses").
[[nodiscard]] Json course_progress_json(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id);

} // namespace learnloop::server
