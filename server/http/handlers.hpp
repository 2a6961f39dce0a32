// Every API handler, registered in HttpApp::register_routes. Handlers are
// thin: parse -> shared-domain rules -> store -> JSON.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"
#include "platform/config.hpp"

namespace learnloop::server {


// [identity] handlers_auth.cpp
Result<ApiResponse> handle_signup(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_login(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_current_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_logout(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_refresh(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// [assignment tracker] handlers_tracker.cpp
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

// [school] handlers_school.cpp
Result<ApiResponse> handle_list_users(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_update_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_deactivate_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_classes(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_class(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_members(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_add_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_remove_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_parent_link(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_parent_links(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_redeem_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_children(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_gradebook(const httplib::Request& req, pqxx::work& txn, const Caller& caller);


} // namespace learnloop::server
