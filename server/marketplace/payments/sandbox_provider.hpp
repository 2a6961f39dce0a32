// The sandbox payment provider: a real provider in all but money, shipped
// with Learnloop so the whole purchase runs locally and in tests.
//
// It plays an outside provider's part: it keeps its checkouts in tables of
// its own (no tenants), shows its own checkout page at /sandbox-pay/<token>
// ("Pay £49.00" or "Cancel"), and tells the marketplace what happened by
// posting an event signed with HMAC-SHA256 to
// <webhook base>/api/marketplace/webhooks/sandbox over real HTTP, as a
// hosted provider would, from a thread of its own (the payer is sent back at
// once; the order page asks until the event has arrived). Each event's id is fixed by its checkout and kind,
// so "Send the confirmation again" on the page replays the same event (which
// the marketplace then ignores). Refunds are given back at once.
#pragma once

#include "http/route.hpp"
#include "marketplace/payments/provider.hpp"

#include <vector>

namespace learnloop::server {

class SandboxProvider final : public PaymentProvider {
public:
    [[nodiscard]] std::string_view name() const override { return "sandbox"; }
    [[nodiscard]] Result<CheckoutSession> create_checkout(pqxx::work& txn, const CheckoutRequest& request) override;
    [[nodiscard]] Result<PaymentEvent> verify_event(pqxx::work& txn, std::string_view signature_header,
        std::string_view body, std::int64_t now) override;
    [[nodiscard]] Result<bool> checkout_paid(pqxx::work& txn, std::string_view checkout_id) override;
    [[nodiscard]] Result<std::string> refund(pqxx::work& txn, std::string_view payment_id,
        const Money& amount, std::string_view request_key) override;
};

inline constexpr const char* k_sandbox_signature_header = "Sandbox-Signature";

// The sandbox's secret for signing events (made by migration 0018).
[[nodiscard]] std::string sandbox_webhook_secret(pqxx::work& txn);

// The sandbox's pages: its checkout, pay, cancel, send again, and its stylesheet.
[[nodiscard]] std::vector<Route> sandbox_provider_routes();

} // namespace learnloop::server
