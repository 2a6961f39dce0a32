// An order's life and the payment provider's word on it.
//
// An order is made when a learner asks to buy a course and waits for its
// payment; the provider's checkout takes the money and tells the server by a
// signed event (a webhook). Events arrive late, twice or out of order, so
// each is applied by the rule below, which never goes back:
//   pending --completed--> paid --refund--> partly refunded --refund--> refunded
//   pending --cancelled/expired--> cancelled/expired
// A completed payment wins over a cancellation or an expiry that came first
// (the learner's money was taken), and a cancellation after the payment
// changes nothing. A payment whose amount or currency is not the order's is
// refused and nothing changes.
//
// Events are signed with HMAC-SHA256 over "<unix time>.<body>", sent as
//   Sandbox-Signature: t=1765000000,v1=<64 hex digits>
// (the shape of common providers' headers); the server computes the digest,
// this file reads the header and judges its age.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "finance/money.hpp"
#include "marketplace/orders.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

enum class OrderStatus { Pending, Paid, PartlyRefunded, Refunded, Cancelled, Expired };

[[nodiscard]] std::string_view order_status_name(OrderStatus status);   // "pending", "paid", "partly_refunded", ...
[[nodiscard]] Result<OrderStatus> parse_order_status(std::string_view name);   // error on field "status"
// "Awaiting payment", "Paid", "Partly refunded", "Refunded", "Cancelled", "Expired".
[[nodiscard]] std::string_view order_status_for_people(OrderStatus status);
// Paid, or paid and partly refunded: the learner has the course.
[[nodiscard]] bool order_grants_access(OrderStatus status);

enum class PaymentEventKind { CheckoutCompleted, CheckoutCancelled, CheckoutExpired };
[[nodiscard]] std::string_view payment_event_kind_name(PaymentEventKind kind);   // "checkout.completed", ...

// One event from the provider, naming the order it is about.
struct PaymentEvent {
    std::string id;               // the provider's, unique: "evt_<hex>"
    PaymentEventKind kind = PaymentEventKind::CheckoutCompleted;
    std::int64_t created = 0;     // Unix seconds
    std::string checkout_id;      // "cs_<hex>"
    std::string payment_id;       // completed payments only: "pay_<hex>"
    Money amount;                 // what was paid (or asked for)
    std::int64_t tenant_id = 0;   // from the checkout's metadata, as the server set it
    std::int64_t order_id = 0;

    bool operator==(const PaymentEvent&) const = default;
};

// Reads an event strictly (unknown kinds, missing or mistyped fields, an
// amount below zero or a currency that is not three capital letters are
// errors naming the field); writes one in the same shape:
//   {"id": "evt_…", "type": "checkout.completed", "created": 1765000000,
//    "data": {"checkout_id": "cs_…", "payment_id": "pay_…", "amount_minor": 4900,
//             "currency": "GBP", "metadata": {"tenant_id": 4, "order_id": 17}}}
[[nodiscard]] Result<PaymentEvent> read_payment_event(const Json& json);
[[nodiscard]] Json payment_event_json(const PaymentEvent& event);

// What an event does to an order.
struct OrderTransition {
    OrderStatus status = OrderStatus::Pending;   // after the event
    bool changed = false;                         // false: the order stays as it was
    bool enrols = false;                          // the learner is enrolled now
};

// The rule above. FailedPrecondition (field "amount") when a completed
// payment's amount or currency differs from the order's gross.
[[nodiscard]] Result<OrderTransition> apply_payment_event(OrderStatus current, const Money& gross,
    const PaymentEvent& event);

// An order's status after a refund leaves `refunded` of its split refunded.
// Refunds are allowed on paid and partly refunded orders only (field "order").
[[nodiscard]] Result<void> check_refundable(OrderStatus status);
[[nodiscard]] OrderStatus status_after_refund(const OrderSplit& order, const OrderSplit& refunded);

// [SECTION] Signatures

// The header's parts: its time and every v1 digest (a provider rolling its
// secret sends two).
struct SignatureHeader {
    std::int64_t timestamp = 0;
    std::vector<std::string> digests;   // 64 lower-case hex digits each
};

inline constexpr std::int64_t k_signature_tolerance_seconds = 300;

// "t=1765000000,v1=ab…" -> {1765000000, {"ab…"}}; anything else (no time,
// no digest, a digest that is not 64 hex digits, unknown parts are skipped)
// is an error on field "signature".
[[nodiscard]] Result<SignatureHeader> read_signature_header(std::string_view text);
[[nodiscard]] std::string signature_header_text(std::int64_t timestamp, std::string_view digest);
// What is signed: "<timestamp>.<body>".
[[nodiscard]] std::string signed_payload(std::int64_t timestamp, std::string_view body);
// A signature older or newer than the tolerance is refused (a replay of an
// old event, or a clock far off): error on field "signature".
[[nodiscard]] Result<void> check_signature_age(std::int64_t timestamp, std::int64_t now,
    std::int64_t tolerance = k_signature_tolerance_seconds);

} // namespace learnloop
