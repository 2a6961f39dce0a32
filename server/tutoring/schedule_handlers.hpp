// The tutoring schedule's handlers: the calendar's occurrences, booking
// series, changing one occurrence or a series ("this and following",
// "all"), and logging attendance.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_list_occurrences(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_get_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_change_occurrence(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_edit_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_log_attendance(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
