// Every API handler, registered in HttpApp::register_routes. Handlers are
// thin: parse -> shared-domain rules -> store -> JSON.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"
#include "platform/config.hpp"

namespace learnloop::server {



// [mastery engine] handlers_mastery.cpp
Result<ApiResponse> handle_list_targets(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_target(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_template(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_assign_targets(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_task_set(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_answer_task(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_practice_stats(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_student_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_class_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller);


} // namespace learnloop::server
