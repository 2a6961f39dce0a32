// The payment-provider adapter: what the marketplace asks of whoever takes
// learners' money. A provider makes a hosted checkout for an order, tells the
// server by signed events (webhooks) what became of it, and refunds. The
// marketplace's handlers know only this interface; the sandbox provider
// (sandbox_provider.hpp) ships with Learnloop and runs the whole flow
// locally, and a real provider (a Stripe-style checkout and signed webhooks)
// is one more implementation of it.
#pragma once

#include "core/result.hpp"
#include "finance/money.hpp"
#include "marketplace/checkout.hpp"
#include "platform/config.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <string_view>

namespace learnloop::server {

// What a checkout asks the learner to pay, and for which order.
struct CheckoutRequest {
    std::int64_t tenant_id = 0;
    std::int64_t order_id = 0;
    std::string merchant;      // the marketplace's name, shown on the checkout page
    std::string description;   // the course's title
    Money amount;
    std::string return_url;    // where the learner comes back to, paid or not
};

struct CheckoutSession {
    std::string id;            // "cs_<hex>"
    std::string url;           // where to send the learner to pay
};

class PaymentProvider {
public:
    virtual ~PaymentProvider() = default;

    // "sandbox"; stored with each order.
    [[nodiscard]] virtual std::string_view name() const = 0;

    // A hosted checkout for one order. `txn` is the order's transaction: the
    // sandbox keeps its checkout in it (so an order and its checkout are made
    // together or not at all); a remote provider calls out and ignores it.
    [[nodiscard]] virtual Result<CheckoutSession> create_checkout(pqxx::work& txn, const CheckoutRequest& request) = 0;

    // Checks an event's signature header against its raw body and reads it.
    // Unauthenticated for a missing, malformed, stale or wrong signature;
    // InvalidArgument (naming the field) for a signed body that is not an event.
    [[nodiscard]] virtual Result<PaymentEvent> verify_event(pqxx::work& txn, std::string_view signature_header,
        std::string_view body, std::int64_t now) = 0;

    // Whether the provider took the money for a checkout (asked before an
    // order whose checkout ran out is given up, in case its event was lost).
    [[nodiscard]] virtual Result<bool> checkout_paid(pqxx::work& txn, std::string_view checkout_id) = 0;

    // Gives `amount` of a payment back; returns the provider's refund id.
    // `request_key` names the refund meant (the office's Idempotency-Key, or
    // one made for this request): a remote provider is sent it, so a refund
    // asked again after its answer was lost is not given twice.
    [[nodiscard]] virtual Result<std::string> refund(pqxx::work& txn, std::string_view payment_id,
        const Money& amount, std::string_view request_key) = 0;
};

// The provider this server uses, or nullptr when payments are off (nothing
// can be bought). Set once at start by configure_payments.
[[nodiscard]] PaymentProvider* payment_provider();
void configure_payments(const ServerConfig& config);

} // namespace learnloop::server
