// A tutor's availability: weekly windows ("Mondays, 16:00–20:00") and
// exceptions on dates (away, or extra time). The clash check warns when a
// session falls outside them (tutoring/conflicts). Tutors keep their own;
// the office (moderators and administrators) any tutor's.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_list_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_add_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_remove_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
