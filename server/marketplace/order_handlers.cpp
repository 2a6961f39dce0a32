// Orders, the provider's events, receipts and refunds (order_handlers.hpp).
#include "marketplace/order_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "db/sql.hpp"
#include "marketplace/catalog_handlers.hpp"
#include "marketplace/checkout.hpp"
#include "marketplace/coupon_handlers.hpp"
#include "marketplace/money_json.hpp"
#include "marketplace/orders.hpp"
#include "marketplace/payments/provider.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
const char* k_order_not_found = "Order not found";
constexpr std::size_t k_reason_most = 500;

Json split_json(const OrderSplit& split)
{
    return { { "gross", money_json(split.gross) }, { "processing_fee", money_json(split.processing_fee) },
        { "platform_fee", money_json(split.platform_fee) }, { "instructor_share", money_json(split.instructor_share) } };
}

// An order's split, or what its refunds reversed of it: four money columns.
using SplitColumns = std::array<const char*, 4>;
constexpr SplitColumns k_split_columns { "gross_minor", "processing_fee_minor", "platform_fee_minor",
    "instructor_share_minor" };
constexpr SplitColumns k_refunded_columns { "refunded_gross_minor", "refunded_processing_minor",
    "refunded_platform_minor", "refunded_instructor_minor" };

OrderSplit split_of(const pqxx::row& row, const SplitColumns& columns = k_split_columns)
{
    const auto currency = row["currency"].as<std::string>();
    auto money = [&](const char* column) { return Money { row[column].as<std::int64_t>(), currency }; };
    return { money(columns[0]), money(columns[1]), money(columns[2]), money(columns[3]) };
}

OrderStatus status_of(const pqxx::row& row)
{
    auto status = parse_order_status(row["status"].as<std::string>());
    return status.ok() ? status.value() : OrderStatus::Pending;
}

// An order as its list and its page show it. The split's parts are for the
// office and the course's instructor (their share); a learner's receipt says
// what they paid and what came back.
Json order_json(const pqxx::row& row, const std::string& scope)
{
    const auto status = status_of(row);
    const auto split = split_of(row);
    const auto refunded = split_of(row, k_refunded_columns);
    Json order { { "id", row["id"].as<std::int64_t>() }, { "course_id", row["course_id"].as<std::int64_t>() },
        { "course_title", row["course_title"].as<std::string>() }, { "status", order_status_name(status) },
        { "status_label", order_status_for_people(status) }, { "currency", split.gross.currency },
        { "amount", money_json(split.gross) },
        { "refunded", money_json(refunded.gross) },
        { "discount", money_json({ row["discount_minor"].as<std::int64_t>(), split.gross.currency }) },
        { "coupon", nullable_json<std::string>(row["coupon_code"]) }, { "created_at", row["created_at"].as<std::string>() },
        { "paid_at", nullable_json<std::string>(row["paid_at"]) } };
    // The checkout's address pays or cancels the order: the buyer's alone.
    if (status == OrderStatus::Pending && scope == "own")
        order["checkout_url"] = nullable_json<std::string>(row["checkout_url"]);
    if (scope != "own") {
        order["learner_id"] = row["learner_id"].as<std::int64_t>();
        order["learner_name"] = row["learner_name"].as<std::string>();
        order["split"] = split_json(split);
        order["refunded_split"] = split_json(refunded);
    }
    return order;
}

Result<pqxx::row> readable_order(const httplib::Request& req, pqxx::work& txn, const Caller& caller,
    const std::string& scope)
{
    const auto id = TRY(parse_id(req.matches[1], k_order_not_found));
    auto rows = exec_named(txn, "marketplace/order_detail", id, scope, caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_order_not_found);
    return rows[0];
}

Json order_page_json(pqxx::work& txn, const pqxx::row& row, const std::string& scope)
{
    auto order = order_json(row, scope);
    order["course_slug"] = row["course_slug"].as<std::string>();
    order["has_access"] = order_grants_access(status_of(row));
    Json refunds = Json::array();
    for (const auto& refund : exec_named(txn, "marketplace/order_refunds", row["id"].as<std::int64_t>())) {
        Json item { { "id", refund["id"].as<std::int64_t>() },
            { "amount", money_json({ refund["gross_minor"].as<std::int64_t>(), row["currency"].as<std::string>() }) },
            { "created_at", refund["created_at"].as<std::string>() } };
        if (scope != "own") {
            item["reason"] = refund["reason"].as<std::string>();
            item["refunded_by"] = refund["refunded_by_name"].as<std::string>();
        }
        refunds.push_back(std::move(item));
    }
    order["refunds"] = std::move(refunds);
    if (scope == "tenant")
        order["platform_fee_bp"] = row["platform_fee_bp"].as<int>();
    return order;
}

// The Idempotency-Key a refund request names itself by, if it sent one.
Result<std::optional<std::string>> read_request_key(const httplib::Request& req)
{
    if (!req.has_header("Idempotency-Key"))
        return std::optional<std::string>();
    auto key = req.get_header_value("Idempotency-Key");
    const bool fits = key.size() >= 16 && key.size() <= 64
        && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
    if (!fits)
        return make_error(ErrorCode::InvalidArgument,
            "An Idempotency-Key is 16 to 64 letters, digits, dashes or underscores", "Idempotency-Key");
    return std::optional<std::string>(std::move(key));
}

} // namespace

// [SECTION] buying

Result<ApiResponse> handle_checkout(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    std::string typed_coupon;
    if (!req.body.empty()) {
        const auto body = TRY(parse_json_body(req));
        auto reader = TRY(JsonObjectReader::open(body, ""));
        if (const auto* coupon = reader.find("coupon"); coupon && !coupon->is_null())
            typed_coupon = TRY(json_string_at(*coupon, "coupon"));
        TRY(reader.reject_unknown("a checkout"));
    }
    // Two checkouts with one coupon count its uses one after the other (and
    // the second sees the course the first gave).
    if (!typed_coupon.empty())
        lock_coupon(txn, typed_coupon);
    auto rows = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, std::string("own"));
    if (rows.empty() || rows[0]["status"].as<std::string>() != "published")
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const auto& course = rows[0];
    const auto title = course["title"].as<std::string>();
    if (course["is_enrolled"].as<bool>())
        return make_error(ErrorCode::Conflict, "You already have " + title);
    const auto kind = course["price_kind"].as<std::string>();
    if (kind == "free")
        return make_error(ErrorCode::FailedPrecondition, "This course is free: enrol instead");
    if (kind != "one_time")
        return make_error(ErrorCode::FailedPrecondition, "Subscriptions are not on sale yet");

    // The code as kept ("SPRING-25"), its form checked before anything else.
    std::string coupon_code;
    if (!typed_coupon.empty())
        coupon_code = TRY(read_coupon_code(typed_coupon));

    // A second press finds the order already waiting (and its checkout). One
    // whose checkout ran out is given up, unless the provider took the money
    // after all (its word lost on the way): then it is waited for. One still
    // open at another price (another coupon, or none) stays payable, so it is
    // not given up here: the learner pays or cancels it first.
    auto waiting = [&](const pqxx::row& row, const char* message) {
        return json_response(200, { { "message", message }, { "order_id", row["id"].as<std::int64_t>() },
                                      { "checkout_url", row["checkout_url"].as<std::string>() },
                                      { "enrolled", false } });
    };
    auto pending = exec_named(txn, "marketplace/pending_order", caller.user_id, id);
    if (!pending.empty() && !pending[0]["stale"].as<bool>()) {
        const auto pending_coupon = pending[0]["coupon_code"].is_null() ? std::string()
                                                                         : pending[0]["coupon_code"].as<std::string>();
        if (pending_coupon == coupon_code)
            return waiting(pending[0], "Your order is waiting for payment");
        return make_error(ErrorCode::Conflict,
            pending_coupon.empty()
                ? "Your order of " + title + " is waiting for payment without a coupon: pay or cancel it at its "
                  "checkout (Purchases) first"
                : "Your order of " + title + " is waiting for payment with coupon " + pending_coupon
                    + ": pay or cancel it at its checkout (Purchases) first");
    }
    auto* provider = payment_provider();
    if (!pending.empty()) {
        if (!provider)
            return make_error(ErrorCode::FailedPrecondition, "Buying courses is not open on this server");
        if (TRY(provider->checkout_paid(txn, pending[0]["checkout_id"].as<std::string>())))
            return waiting(pending[0], "Your payment is being confirmed");
        exec_named(txn, "marketplace/expire_order", pending[0]["id"].as<std::int64_t>());
    }

    const auto list_price = price_of(course);
    std::optional<AppliedCoupon> coupon;
    if (!coupon_code.empty())
        coupon = TRY(apply_typed_coupon(txn, coupon_code, id, list_price));
    const Money price = coupon ? coupon->pays : list_price.amount;
    const bool for_nothing = price.minor == 0;   // the whole price taken off: no payment
    if (!provider && !for_nothing)
        return make_error(ErrorCode::FailedPrecondition, "Buying courses is not open on this server");

    const auto terms_row = exec_named(txn, "marketplace/order_terms", course["instructor_id"].as<std::int64_t>(),
        caller.tenant_id);
    if (terms_row.empty())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const FeeTerms terms { terms_row[0]["platform_fee_bp"].as<int>(), terms_row[0]["processing_bp"].as<int>(),
        terms_row[0]["processing_fixed_minor"].as<std::int64_t>() };
    const auto split = TRY(split_order(price, terms));
    const std::string provider_name = for_nothing ? std::string("none") : std::string(provider->name());
    auto made = exec_named(txn, "marketplace/create_order", caller.tenant_id, caller.user_id, id, price.currency,
        split.gross.minor, split.processing_fee.minor, split.platform_fee.minor, split.instructor_share.minor,
        terms.platform_fee_bp, terms.processing_bp, terms.processing_fixed_minor, provider_name,
        coupon ? std::optional<std::int64_t>(coupon->id) : std::nullopt, coupon ? coupon->off.minor : 0);
    if (made.empty()) {   // two presses at once: the other made it (and has committed: the insert waited)
        pending = exec_named(txn, "marketplace/pending_order", caller.user_id, id);
        if (pending.empty())
            return make_error(ErrorCode::Conflict, "Your order is being made; try again in a moment");
        return waiting(pending[0], "Your order is waiting for payment");
    }
    const auto order_id = made[0]["id"].as<std::int64_t>();
    Json audited { { "course_id", id }, { "gross_minor", split.gross.minor }, { "currency", price.currency },
        { "platform_fee_minor", split.platform_fee.minor }, { "instructor_share_minor", split.instructor_share.minor },
        { "processing_fee_minor", split.processing_fee.minor }, { "provider", provider_name } };
    if (coupon) {
        audited["coupon"] = coupon->code;
        audited["discount_minor"] = coupon->off.minor;
    }
    if (for_nothing) {
        exec_named(txn, "marketplace/enrol_learner", caller.tenant_id, id, caller.user_id);
        audited["enrolled"] = true;
        append_audit(txn, { caller.tenant_id, caller.actor(), "order.create", "order", std::to_string(order_id),
                              nullptr, std::move(audited) });
        return json_response(201, { { "message", "You have " + title + ": " + coupon->code + " took the whole price off" },
                                      { "order_id", order_id }, { "enrolled", true } });
    }
    const auto session = TRY(provider->create_checkout(txn,
        { caller.tenant_id, order_id, terms_row[0]["merchant"].as<std::string>(), title, price,
            "/#/learn/orders/" + std::to_string(order_id) }));
    exec_named(txn, "marketplace/set_order_checkout", order_id, session.id, session.url);
    append_audit(txn, { caller.tenant_id, caller.actor(), "order.create", "order", std::to_string(order_id), nullptr,
                          std::move(audited) });
    return json_response(201, { { "message", "Continue to payment" }, { "order_id", order_id },
                                  { "checkout_url", session.url }, { "enrolled", false } });
}

// The provider's events: verified, applied once, in one transaction with
// their audit row. A forged or stale one is 401 and changes nothing; a
// replay is 200 and changes nothing.
Result<ApiResponse> handle_payment_webhook(const httplib::Request& req, const PublicContext& context)
{
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        auto* provider = payment_provider();
        if (!provider)
            return make_error(ErrorCode::NotFound, "Payments are off on this server");
        const auto event = TRY(provider->verify_event(txn, req.get_header_value("Sandbox-Signature"), req.body,
            unix_now()));
        set_tenant(txn, event.tenant_id);
        auto rows = exec_named(txn, "marketplace/order_to_change", event.order_id);
        if (rows.empty())
            return make_error(ErrorCode::NotFound, k_order_not_found);
        const auto& order = rows[0];
        if (order["checkout_id"].is_null() || order["checkout_id"].as<std::string>() != event.checkout_id)
            return make_error(ErrorCode::FailedPrecondition, "The event's checkout is not the order's", "checkout_id");
        const auto before = status_of(order);
        const auto step = TRY(apply_payment_event(before, split_of(order).gross, event));
        const std::string kind(payment_event_kind_name(event.kind));
        const std::string provider_name(provider->name());
        if (exec_named(txn, "marketplace/record_payment_event", event.tenant_id, provider_name, event.id, kind,
                event.order_id)
                .empty())
            return json_response(200, { { "message", "This event was applied before" } });
        const auto learner = order["learner_id"].as<std::int64_t>();
        const auto course = order["course_id"].as<std::int64_t>();
        if (step.changed) {
            const auto status = std::string(order_status_name(step.status));
            exec_named(txn, "marketplace/mark_order", event.order_id, status,
                nonempty_or_null(event.payment_id));
            if (step.enrols)
                exec_named(txn, "marketplace/enrol_learner", event.tenant_id, course, learner);
            // Paid after all (late): another order of the same course waiting
            // for payment is given up, so it is not paid twice.
            if (step.enrols && before != OrderStatus::Pending)
                exec_named(txn, "marketplace/cancel_other_pending", event.order_id, learner, course);
            append_audit(txn, { event.tenant_id, "provider:" + provider_name, "order." + status, "order",
                                  std::to_string(event.order_id), { { "status", order_status_name(before) } },
                                  { { "status", status }, { "event", event.id }, { "event_type", kind },
                                      { "payment_id", event.payment_id }, { "enrolled", step.enrols } } });
        } else if (event.kind == PaymentEventKind::CheckoutCompleted && !order["payment_id"].is_null()
            && order["payment_id"].as<std::string>() != event.payment_id) {
            // Money taken twice for one order: kept on record for the office to refund.
            append_audit(txn, { event.tenant_id, "provider:" + provider_name, "order.second_payment", "order",
                                  std::to_string(event.order_id), nullptr,
                                  { { "event", event.id }, { "payment_id", event.payment_id },
                                      { "amount_minor", event.amount.minor }, { "currency", event.amount.currency } } });
        }
        txn.commit();
        return json_response(200, { { "message", step.changed ? "Applied" : "Nothing to change" } });
    });
}

// [SECTION] reading

Result<ApiResponse> handle_orders(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto page = TRY(parse_page(req));
    std::string status;
    if (req.has_param("status") && !req.get_param_value("status").empty())
        status = std::string(order_status_name(TRY(parse_order_status(req.get_param_value("status")))));
    const auto scope = marketplace_scope(caller, Action::OrderRead);
    auto rows = exec_page(txn, "marketplace/orders", page, scope, caller.user_id, status);
    return paged_response(req, page, rows, [&](const pqxx::row& row) { return order_json(row, scope); });
}

Result<ApiResponse> handle_order(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto scope = marketplace_scope(caller, Action::OrderRead);
    const auto row = TRY(readable_order(req, txn, caller, scope));
    return json_response(200, order_page_json(txn, row, scope));
}

// [SECTION] refunds

Result<ApiResponse> handle_refund(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_order_not_found));
    const auto body = TRY(parse_json_body(req));
    auto reader = TRY(JsonObjectReader::open(body, ""));
    const auto* amount_field = reader.find("amount");
    const auto* reason_field = reader.find("reason");
    TRY(reader.reject_unknown("a refund"));

    const auto request_key = TRY(read_request_key(req));

    auto rows = exec_named(txn, "marketplace/order_to_change", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_order_not_found);
    const auto& order = rows[0];
    const auto status = status_of(order);
    // The same request again (a retry, a second press): the refund it made, once.
    if (request_key) {
        if (auto made = exec_named(txn, "marketplace/refund_by_key", id, *request_key); !made.empty()) {
            const Money was { made[0]["gross_minor"].as<std::int64_t>(), order["currency"].as<std::string>() };
            if (amount_field && !amount_field->is_null()) {
                const auto asked = TRY(parse_money(TRY(json_string_at(*amount_field, "amount")),
                    currency_of(was.currency), "amount"));
                if (asked.minor != was.minor)
                    return make_error(ErrorCode::FailedPrecondition, "This request was a refund of "
                            + format_money(was, currency_of(was.currency)) + "; send another for a new refund",
                        "amount");
            }
            const auto scope = marketplace_scope(caller, Action::OrderRead);
            auto page = order_page_json(txn, exec_named(txn, "marketplace/order_detail", id, scope, caller.user_id)[0],
                scope);
            page["message"] = format_money(was, currency_of(was.currency)) + " was refunded already";
            return json_response(200, std::move(page));
        }
    }
    TRY(check_refundable(status));
    const auto split = split_of(order);
    if (split.gross.minor == 0)
        return make_error(ErrorCode::FailedPrecondition, "Nothing was paid for this order (a coupon took the whole price off)");
    const auto before = split_of(order, k_refunded_columns);
    const auto currency = currency_of(split.gross.currency);
    Money amount { split.gross.minor - before.gross.minor, split.gross.currency };   // all that is left
    if (amount_field && !amount_field->is_null())
        amount = TRY(parse_money(TRY(json_string_at(*amount_field, "amount")), currency, "amount"));
    std::string reason;
    if (reason_field && !reason_field->is_null())
        reason = TRY(validate_text(TRY(json_string_at(*reason_field, "reason")), "reason", "The reason", 0,
            k_reason_most, TextLines::Multiple));
    const auto parts = TRY(split_refund(split, before, amount));
    const auto after = TRY(add_splits(before, parts));
    const auto next = status_after_refund(split, after);

    auto* provider = payment_provider();
    if (!provider)
        return make_error(ErrorCode::FailedPrecondition, "Refunds need the payment provider, which is off on this server");
    const auto refund_id = TRY(provider->refund(txn, order["payment_id"].as<std::string>(), amount,
        request_key.value_or(random_hex(16))));
    exec_named(txn, "marketplace/add_order_refund", caller.tenant_id, id, parts.gross.minor, parts.processing_fee.minor,
        parts.platform_fee.minor, parts.instructor_share.minor, reason, caller.user_id, refund_id,
        std::string(order_status_name(next)), request_key);
    const bool revoked = !order_grants_access(next);
    if (revoked)
        exec_named(txn, "marketplace/revoke_course", order["course_id"].as<std::int64_t>(),
            order["learner_id"].as<std::int64_t>());
    append_audit(txn, { caller.tenant_id, caller.actor(), "order.refund", "order", std::to_string(id),
                          { { "status", order_status_name(status) }, { "refunded_minor", before.gross.minor } },
                          { { "status", order_status_name(next) }, { "refunded_minor", after.gross.minor },
                              { "amount_minor", parts.gross.minor }, { "platform_fee_minor", parts.platform_fee.minor },
                              { "instructor_share_minor", parts.instructor_share.minor },
                              { "processing_fee_minor", parts.processing_fee.minor }, { "reason", reason },
                              { "access_revoked", revoked } } });
    const auto scope = marketplace_scope(caller, Action::OrderRead);
    auto page = order_page_json(txn, exec_named(txn, "marketplace/order_detail", id, scope, caller.user_id)[0], scope);
    page["message"] = format_money(amount, currency) + " refunded"
        + (revoked ? std::string(": the learner no longer has the course") : std::string());
    return json_response(201, std::move(page));
}

} // namespace learnloop::server
