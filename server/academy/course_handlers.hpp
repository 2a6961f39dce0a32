// An academy's courses: the list each role sees (all of them, the ones one
// teaches, the ones one is enrolled in), creating one, enrolling students,
// deleting softly and restoring from the recently deleted list.
#pragma once

#include "http/api.hpp"

#include <cstdint>
#include <string>

namespace learnloop::server {

// A live course the caller reaches for `action`.
struct CourseRef {
    std::int64_t id = 0;
    std::string title;
    std::int64_t instructor_id = 0;
    bool teaches = false;   // the caller is its instructor
};

// The course `id` within the caller's reach for `action` (NotFound "Course
// not found" otherwise, also for a deleted one); with `manage`, one the
// caller runs: an administrator any, an instructor only their own
// (PermissionDenied "You do not teach this course").
[[nodiscard]] Result<CourseRef> course_for(pqxx::transaction_base& txn, const Caller& caller, std::int64_t id,
    Action action, bool manage);

Result<ApiResponse> handle_list_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_course_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_enrol_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_enrol_candidates(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_unenrol_student(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_new_join_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_remove_join_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_join_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_delete_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_deleted_courses(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_restore_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_course_leaderboard(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_set_course_leaderboard(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
