// The identity area's handlers (auth_handlers.cpp), listed in identity/routes.cpp.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_signup(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_login(const httplib::Request& req, const PublicContext& context);
Result<ApiResponse> handle_current_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_logout(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_refresh(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
