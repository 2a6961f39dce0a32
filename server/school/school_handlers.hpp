// The school area's handlers (school_handlers.cpp), listed in school/routes.cpp.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

// [users]
Result<ApiResponse> handle_list_users(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_update_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_deactivate_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// [classes]
Result<ApiResponse> handle_list_classes(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_class(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_members(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_add_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_remove_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// [parents]
Result<ApiResponse> handle_create_parent_link(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_parent_links(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_redeem_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_children(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// [gradebook] JSON, or CSV for a path ending in .csv
Result<ApiResponse> handle_gradebook(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
