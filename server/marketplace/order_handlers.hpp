// Buying marketplace courses: orders, their checkout at the payment
// provider, the provider's signed events, receipts and refunds. The money
// rules are shared-domain marketplace/orders (the split) and
// marketplace/checkout (what an event does to an order); the provider is
// whatever payments/provider.hpp's payment_provider() gives.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

namespace learnloop::server {

// POST /api/marketplace/courses/{id}/checkout: an order of a paid course and
// its checkout (201), or the order already waiting for payment (200).
[[nodiscard]] Result<ApiResponse> handle_checkout(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// POST /api/marketplace/webhooks/sandbox: a signed event from the provider.
[[nodiscard]] Result<ApiResponse> handle_payment_webhook(const httplib::Request& req, const PublicContext& context);
// GET /api/marketplace/orders?status&limit&offset
[[nodiscard]] Result<ApiResponse> handle_orders(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/orders/{id}: the order (a receipt once paid) and its refunds.
[[nodiscard]] Result<ApiResponse> handle_order(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// POST /api/marketplace/orders/{id}/refunds {amount?, reason?}
[[nodiscard]] Result<ApiResponse> handle_refund(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
