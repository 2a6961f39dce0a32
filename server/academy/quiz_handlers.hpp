// An academy's quizzes: setting one in a course (its plan drawn from the
// exam bank), the course's quizzes with the caller's attempts, and a
// student's attempt — started (its questions drawn and kept by version),
// answered (practice: graded at once; exam: kept, no key), handed in and
// reviewed with the key and explanations; answers to a question's earlier
// version regraded with its fixed key.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_course_quizzes(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_quiz(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_start_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_answer_question(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_submit_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_tutor_help(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_quiz_results(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_regrade_question(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
