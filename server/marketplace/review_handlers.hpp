// Reviews of a marketplace course: writing one's own, the instructor's
// reply, and a moderator hiding one.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

// PUT /api/marketplace/courses/{id}/review
[[nodiscard]] Result<ApiResponse> handle_write_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// PUT /api/marketplace/courses/{id}/reviews/{learner_id}/reply
[[nodiscard]] Result<ApiResponse> handle_reply_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// PUT /api/marketplace/courses/{id}/reviews/{learner_id}/hidden
[[nodiscard]] Result<ApiResponse> handle_hide_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
