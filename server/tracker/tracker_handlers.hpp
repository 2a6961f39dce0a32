// The assignment tracker's handlers, registered by tracker/routes.cpp.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_create_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_assignments(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_get_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_update_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_delete_assignment(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_submit(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_own_submission(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_submissions(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_grade(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_grade_history(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
