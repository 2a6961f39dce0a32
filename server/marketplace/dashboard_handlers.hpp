// The marketplace's overview for the people who run it: an instructor's own
// courses, every course for the office. Twelve months of enrolments, orders,
// sales and refunds; the courses, the best selling first, with how many
// learners finished them and their rating; and what waits (drafts, payouts
// due, reviews hidden or not answered). Money in the marketplace's currency.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

// GET /api/marketplace/dashboard
[[nodiscard]] Result<ApiResponse> handle_dashboard(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
