// The exam bank for instructors and administrators: search the questions
// their academy can draw on (the shared bank and its own) and read one with
// its key, hints and explanation.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_search_bank(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_bank_topics(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_bank_question(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
