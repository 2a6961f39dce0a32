// An order's life and the provider's events (checkout.hpp).
#include "marketplace/checkout.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace learnloop {

namespace {

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

struct StatusRow {
    OrderStatus status;
    std::string_view name;
    std::string_view for_people;
};

constexpr std::array<StatusRow, 6> k_statuses { {
    { OrderStatus::Pending, "pending", "Awaiting payment" },
    { OrderStatus::Paid, "paid", "Paid" },
    { OrderStatus::PartlyRefunded, "partly_refunded", "Partly refunded" },
    { OrderStatus::Refunded, "refunded", "Refunded" },
    { OrderStatus::Cancelled, "cancelled", "Cancelled" },
    { OrderStatus::Expired, "expired", "Expired" },
} };

constexpr std::array<std::pair<PaymentEventKind, std::string_view>, 3> k_event_kinds { {
    { PaymentEventKind::CheckoutCompleted, "checkout.completed" },
    { PaymentEventKind::CheckoutCancelled, "checkout.cancelled" },
    { PaymentEventKind::CheckoutExpired, "checkout.expired" },
} };

bool is_lower_hex(std::string_view text)
{
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// The value at a dotted path ("data.metadata.order_id"); fields a provider
// adds later are let be.
Result<const Json*> at(const Json& json, const std::string& path)
{
    const Json* here = &json;
    std::string_view rest = path;
    while (!rest.empty()) {
        const auto dot = rest.find('.');
        const auto key = std::string(rest.substr(0, dot));
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        if (!here->is_object() || !here->contains(key))
            return json_error_at(path, "is required");
        here = &(*here)[key];
    }
    return here;
}

Result<std::string> string_at(const Json& json, const std::string& path)
{
    return json_string_at(*TRY(at(json, path)), path);
}

// "evt_" followed by 8 to 64 lower-case hex digits.
Result<std::string> provider_id(const Json& json, const std::string& path, std::string_view prefix)
{
    auto text = TRY(string_at(json, path));
    const auto digits = std::string_view(text).substr(std::min(prefix.size(), text.size()));
    if (text.rfind(prefix, 0) != 0 || digits.size() < 8 || digits.size() > 64 || !is_lower_hex(digits))
        return invalid(path, path + " must be " + std::string(prefix) + " and 8 to 64 hex digits");
    return text;
}

Result<std::int64_t> positive_id(const Json& json, const std::string& path)
{
    auto id = TRY(json_int_at(*TRY(at(json, path)), path));
    if (id <= 0)
        return invalid(path, path + " must be a positive whole number");
    return id;
}

} // namespace

std::string_view order_status_name(OrderStatus status)
{
    for (const auto& row : k_statuses)
        if (row.status == status)
            return row.name;
    return "pending";
}

Result<OrderStatus> parse_order_status(std::string_view name)
{
    for (const auto& row : k_statuses)
        if (row.name == name)
            return row.status;
    return invalid("status", "An order's status is pending, paid, partly_refunded, refunded, cancelled or expired");
}

std::string_view order_status_for_people(OrderStatus status)
{
    for (const auto& row : k_statuses)
        if (row.status == status)
            return row.for_people;
    return "Awaiting payment";
}

bool order_grants_access(OrderStatus status)
{
    return status == OrderStatus::Paid || status == OrderStatus::PartlyRefunded;
}

std::string_view payment_event_kind_name(PaymentEventKind kind)
{
    for (const auto& [k, name] : k_event_kinds)
        if (k == kind)
            return name;
    return "checkout.completed";
}

Result<PaymentEvent> read_payment_event(const Json& json)
{
    if (!json.is_object())
        return invalid("event", "An event is a JSON object");
    PaymentEvent event;
    event.id = TRY(provider_id(json, "id", "evt_"));
    const auto type = TRY(string_at(json, "type"));
    bool known = false;
    for (const auto& [kind, name] : k_event_kinds)
        if (name == type) {
            event.kind = kind;
            known = true;
        }
    if (!known)
        return invalid("type", "Unknown event type: " + type);
    event.created = TRY(positive_id(json, "created"));
    event.checkout_id = TRY(provider_id(json, "data.checkout_id", "cs_"));
    if (event.kind == PaymentEventKind::CheckoutCompleted)
        event.payment_id = TRY(provider_id(json, "data.payment_id", "pay_"));
    event.amount.minor = TRY(json_int_at(*TRY(at(json, "data.amount_minor")), "data.amount_minor"));
    if (event.amount.minor < 0)
        return invalid("data.amount_minor", "data.amount_minor cannot be negative");
    event.amount.currency = TRY(string_at(json, "data.currency"));
    if (event.amount.currency.size() != 3
        || !std::all_of(event.amount.currency.begin(), event.amount.currency.end(),
            [](char c) { return c >= 'A' && c <= 'Z'; }))
        return invalid("data.currency", "data.currency must be an ISO 4217 code such as GBP");
    event.tenant_id = TRY(positive_id(json, "data.metadata.tenant_id"));
    event.order_id = TRY(positive_id(json, "data.metadata.order_id"));
    return event;
}

Json payment_event_json(const PaymentEvent& event)
{
    Json data { { "checkout_id", event.checkout_id }, { "amount_minor", event.amount.minor },
        { "currency", event.amount.currency },
        { "metadata", { { "tenant_id", event.tenant_id }, { "order_id", event.order_id } } } };
    if (!event.payment_id.empty())
        data["payment_id"] = event.payment_id;
    return { { "id", event.id }, { "type", payment_event_kind_name(event.kind) }, { "created", event.created },
        { "data", data } };
}

Result<OrderTransition> apply_payment_event(OrderStatus current, const Money& gross, const PaymentEvent& event)
{
    OrderTransition unchanged { current, false, false };
    switch (event.kind) {
    case PaymentEventKind::CheckoutCompleted:
        if (event.amount != gross)
            return make_error(ErrorCode::FailedPrecondition, "The payment's amount is not the order's", "amount");
        // Paid once: a second completion (another checkout of the same
        // order) or one after a refund changes nothing.
        if (current != OrderStatus::Pending && current != OrderStatus::Cancelled && current != OrderStatus::Expired)
            return unchanged;
        return OrderTransition { OrderStatus::Paid, true, true };
    case PaymentEventKind::CheckoutCancelled:
    case PaymentEventKind::CheckoutExpired:
        if (current != OrderStatus::Pending)
            return unchanged;
        return OrderTransition {
            event.kind == PaymentEventKind::CheckoutCancelled ? OrderStatus::Cancelled : OrderStatus::Expired, true,
            false };
    }
    return unchanged;
}

Result<void> check_refundable(OrderStatus status)
{
    if (!order_grants_access(status))
        return make_error(ErrorCode::FailedPrecondition,
            status == OrderStatus::Refunded ? "This order has been refunded in full already"
                                            : "Only a paid order can be refunded",
            "order");
    return {};
}

OrderStatus status_after_refund(const OrderSplit& order, const OrderSplit& refunded)
{
    if (refunded.gross.minor <= 0)
        return OrderStatus::Paid;
    return refunded.gross.minor >= order.gross.minor ? OrderStatus::Refunded : OrderStatus::PartlyRefunded;
}

// [SECTION] Signatures

Result<SignatureHeader> read_signature_header(std::string_view text)
{
    SignatureHeader header;
    bool has_time = false;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto part = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const auto equals = part.find('=');
        if (equals == std::string_view::npos)
            continue;
        const auto key = part.substr(0, equals), value = part.substr(equals + 1);
        if (key == "t") {
            std::int64_t t = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
            if (ec != std::errc() || end != value.data() + value.size() || t <= 0)
                return invalid("signature", "The signature's time is not a Unix time");
            header.timestamp = t;
            has_time = true;
        } else if (key == "v1") {
            if (value.size() != 64 || !is_lower_hex(value))
                return invalid("signature", "A v1 signature is 64 hex digits");
            header.digests.emplace_back(value);
        }
    }
    if (!has_time || header.digests.empty())
        return invalid("signature", "The signature header needs t= and v1=");
    return header;
}

std::string signature_header_text(std::int64_t timestamp, std::string_view digest)
{
    return "t=" + std::to_string(timestamp) + ",v1=" + std::string(digest);
}

std::string signed_payload(std::int64_t timestamp, std::string_view body)
{
    return std::to_string(timestamp) + "." + std::string(body);
}

Result<void> check_signature_age(std::int64_t timestamp, std::int64_t now, std::int64_t tolerance)
{
    if (timestamp < now - tolerance || timestamp > now + tolerance)
        return invalid("signature", "The signature is too old or from the future");
    return {};
}

} // namespace learnloop
