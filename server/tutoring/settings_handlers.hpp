// A tutoring business's settings (with its zone's table, so the browser
// converts times as the server does) and its holidays and tutors' days off.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_tutoring_settings(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_update_tutoring_settings(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_blocked_dates(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_add_blocked_dates(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_remove_blocked_dates(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
