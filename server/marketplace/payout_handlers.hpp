// Instructors' earnings and the marketplace's monthly payouts. The rules
// (what is pending, available, due and paid; what a month's run owes) are
// shared-domain marketplace/payouts; these handlers read the orders and
// payouts and write what a run decides.
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

// GET /api/marketplace/earnings?instructor_id=: an instructor's own (the
// office names one), per currency, by month, with their payouts.
[[nodiscard]] Result<ApiResponse> handle_earnings(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/earnings/statement?month=YYYY-MM&instructor_id=: a CSV of that month's orders.
[[nodiscard]] Result<ApiResponse> handle_statement(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/payouts?status&limit&offset
[[nodiscard]] Result<ApiResponse> handle_payouts(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// POST /api/marketplace/payouts {month}: the month's payouts, due.
[[nodiscard]] Result<ApiResponse> handle_run_payouts(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// PUT /api/marketplace/payouts/{id}/paid {reference}
[[nodiscard]] Result<ApiResponse> handle_payout_paid(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
