// An order's life and the provider's signed events (marketplace/checkout.hpp).
#include "marketplace/checkout.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

Money gbp(std::int64_t minor) { return { minor, "GBP" }; }

PaymentEvent completed(std::int64_t minor = 4900)
{
    PaymentEvent event;
    event.id = "evt_0123456789abcdef";
    event.kind = PaymentEventKind::CheckoutCompleted;
    event.created = 1765000000;
    event.checkout_id = "cs_00112233aabbccdd";
    event.payment_id = "pay_ffeeddcc00112233";
    event.amount = gbp(minor);
    event.tenant_id = 4;
    event.order_id = 17;
    return event;
}

PaymentEvent of_kind(PaymentEventKind kind)
{
    auto event = completed();
    event.kind = kind;
    event.payment_id.clear();
    return event;
}

} // namespace

TEST_CASE("an order's statuses read and said for people", "[marketplace][checkout]")
{
    for (auto status : { OrderStatus::Pending, OrderStatus::Paid, OrderStatus::PartlyRefunded, OrderStatus::Refunded,
             OrderStatus::Cancelled, OrderStatus::Expired })
        CHECK(parse_order_status(order_status_name(status)).value() == status);
    CHECK(parse_order_status("PAID").error().field == "status");
    CHECK(order_status_for_people(OrderStatus::Pending) == "Awaiting payment");
    CHECK(order_status_for_people(OrderStatus::PartlyRefunded) == "Partly refunded");
    CHECK(order_grants_access(OrderStatus::PartlyRefunded));
    CHECK_FALSE(order_grants_access(OrderStatus::Refunded));
    CHECK_FALSE(order_grants_access(OrderStatus::Pending));
}

TEST_CASE("payment events read strictly and written in the same shape", "[marketplace][checkout]")
{
    const auto event = completed();
    const auto json = payment_event_json(event);
    CHECK(json["type"] == "checkout.completed");
    CHECK(json["data"]["metadata"]["order_id"] == 17);
    CHECK(read_payment_event(json).value() == event);

    const auto cancelled = of_kind(PaymentEventKind::CheckoutCancelled);
    CHECK_FALSE(payment_event_json(cancelled)["data"].contains("payment_id"));
    CHECK(read_payment_event(payment_event_json(cancelled)).value() == cancelled);

    // Fields a provider adds later are let be.
    auto extended = json;
    extended["livemode"] = false;
    extended["data"]["customer"] = "someone";
    CHECK(read_payment_event(extended).ok());

    auto broken = [&](auto change) {
        auto copy = json;
        change(copy);
        return read_payment_event(copy).error().field;
    };
    CHECK(broken([](Json& j) { j["type"] = "charge.succeeded"; }) == "type");
    CHECK(broken([](Json& j) { j["id"] = "evt_XYZ"; }) == "id");
    CHECK(broken([](Json& j) { j["id"] = "pay_0123456789abcdef"; }) == "id");
    CHECK(broken([](Json& j) { j.erase("created"); }) == "created");
    CHECK(broken([](Json& j) { j["data"]["amount_minor"] = -1; }) == "data.amount_minor");
    CHECK(broken([](Json& j) { j["data"]["amount_minor"] = "49.00"; }) == "data.amount_minor");
    CHECK(broken([](Json& j) { j["data"]["currency"] = "gbp"; }) == "data.currency");
    CHECK(broken([](Json& j) { j["data"].erase("payment_id"); }) == "data.payment_id");
    CHECK(broken([](Json& j) { j["data"]["metadata"]["order_id"] = 0; }) == "data.metadata.order_id");
    CHECK(broken([](Json& j) { j["data"].erase("metadata"); }) == "data.metadata.tenant_id");
    CHECK(read_payment_event(Json::array()).error().field == "event");
}

TEST_CASE("events move an order forward only, whatever their order", "[marketplace][checkout]")
{
    const auto paid = completed();
    auto step = apply_payment_event(OrderStatus::Pending, gbp(4900), paid).value();
    CHECK(step.status == OrderStatus::Paid);
    CHECK(step.changed);
    CHECK(step.enrols);

    // Twice: nothing more.
    step = apply_payment_event(OrderStatus::Paid, gbp(4900), paid).value();
    CHECK_FALSE(step.changed);
    CHECK(step.status == OrderStatus::Paid);
    CHECK_FALSE(apply_payment_event(OrderStatus::Refunded, gbp(4900), paid).value().changed);

    // A payment after the checkout was cancelled or expired: the money was taken.
    for (auto before : { OrderStatus::Cancelled, OrderStatus::Expired }) {
        step = apply_payment_event(before, gbp(4900), paid).value();
        CHECK(step.status == OrderStatus::Paid);
        CHECK(step.enrols);
    }

    // A cancellation after the payment changes nothing.
    const auto cancel = of_kind(PaymentEventKind::CheckoutCancelled);
    CHECK_FALSE(apply_payment_event(OrderStatus::Paid, gbp(4900), cancel).value().changed);
    step = apply_payment_event(OrderStatus::Pending, gbp(4900), cancel).value();
    CHECK(step.status == OrderStatus::Cancelled);
    CHECK_FALSE(step.enrols);
    CHECK(apply_payment_event(OrderStatus::Pending, gbp(4900), of_kind(PaymentEventKind::CheckoutExpired))
              .value()
              .status
        == OrderStatus::Expired);

    // The wrong amount or currency is refused.
    CHECK(apply_payment_event(OrderStatus::Pending, gbp(4900), completed(4899)).error().code
        == ErrorCode::FailedPrecondition);
    auto euros = paid;
    euros.amount.currency = "EUR";
    CHECK(apply_payment_event(OrderStatus::Pending, gbp(4900), euros).error().field == "amount");
}

TEST_CASE("refunds: which orders take one and the status after", "[marketplace][checkout]")
{
    CHECK(check_refundable(OrderStatus::Paid).ok());
    CHECK(check_refundable(OrderStatus::PartlyRefunded).ok());
    CHECK(check_refundable(OrderStatus::Refunded).error().message == "This order has been refunded in full already");
    CHECK(check_refundable(OrderStatus::Pending).error().field == "order");

    const auto order = split_order(gbp(4900), FeeTerms {}).value();
    auto first = split_refund(order, zero_split("GBP"), gbp(1000)).value();
    CHECK(status_after_refund(order, first) == OrderStatus::PartlyRefunded);
    auto rest = split_refund(order, first, gbp(3900)).value();
    CHECK(status_after_refund(order, add_splits(first, rest).value()) == OrderStatus::Refunded);
    CHECK(status_after_refund(order, zero_split("GBP")) == OrderStatus::Paid);
}

TEST_CASE("signature headers: read, written and judged by age", "[marketplace][checkout]")
{
    const std::string digest(64, 'a');
    const auto text = signature_header_text(1765000000, digest);
    CHECK(text == "t=1765000000,v1=" + digest);
    auto header = read_signature_header(text).value();
    CHECK(header.timestamp == 1765000000);
    CHECK(header.digests == std::vector<std::string> { digest });

    // Two digests while a secret rolls; unknown parts are skipped.
    header = read_signature_header("t=5,v0=zz,v1=" + digest + ",v1=" + std::string(64, 'b')).value();
    CHECK(header.digests.size() == 2);

    for (const std::string& bad : std::vector<std::string> { "", "t=1765000000", "v1=" + digest, "t=abc,v1=" + digest,
             "t=-4,v1=" + digest, "t=1765000000,v1=" + std::string(63, 'a'),
             "t=1765000000,v1=" + std::string(64, 'A') })
        CHECK(read_signature_header(bad).error().field == "signature");

    CHECK(signed_payload(12, "{}") == "12.{}");
    CHECK(check_signature_age(1000, 1000).ok());
    CHECK(check_signature_age(1000, 1300).ok());
    CHECK_FALSE(check_signature_age(1000, 1301).ok());
    CHECK_FALSE(check_signature_age(1400, 1000).ok());
}
