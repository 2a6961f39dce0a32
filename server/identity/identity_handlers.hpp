// The identity area's handlers (auth_handlers.cpp, approval_handlers.cpp),
// listed in identity/routes.cpp.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_signup(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_login(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_current_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_logout(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_refresh(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// approval_handlers.cpp: the self-registration policy and staff approval.
Result<ApiResponse> handle_public_signup_policy(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_get_signup_policy(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_set_signup_policy(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_pending_accounts(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_approve_account(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_refuse_account(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
