// Coupons in the API (coupon_handlers.hpp).
#include "marketplace/coupon_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "db/sql.hpp"
#include "marketplace/catalog_handlers.hpp"
#include "marketplace/money_json.hpp"
#include "platform/clock.hpp"

#include <ctime>

namespace learnloop::server {

namespace {

const char* k_coupon_not_found = "Coupon not found";
const char* k_course_not_found = "Course not found";

// A coupon as its list shows it.
Json coupon_json(const pqxx::row& row)
{
    const auto coupon = coupon_of(row);
    const auto state = coupon_state(coupon, unix_now());
    Json json { { "id", row["id"].as<std::int64_t>() }, { "code", coupon.code },
        { "kind", coupon_kind_name(coupon.kind) },
        { "off_label", coupon_for_people(coupon) },
        { "expires_on", nullable_json<std::string>(row["expires_on"]) },
        { "usage_limit", coupon.usage_limit }, { "used", coupon.times_used }, { "course_ids", coupon.course_ids },
        { "course_titles", row["course_titles"].as<std::string>() },
        { "state", coupon_state_name(state) }, { "state_label", coupon_state_for_people(state) },
        { "created_at", row["created_at"].as<std::string>() },
        { "created_by_name", row["created_by_name"].as<std::string>() } };
    if (coupon.kind == CouponKind::Percent)
        json["percent"] = coupon.percent;
    else
        json["amount_off"] = money_json(coupon.amount_off);
    return json;
}

} // namespace

Coupon coupon_of(const pqxx::row& row)
{
    Coupon coupon;
    coupon.code = row["code"].as<std::string>();
    coupon.kind = parse_coupon_kind(row["kind"].as<std::string>()).value();
    if (coupon.kind == CouponKind::Percent) {
        coupon.percent = row["percent"].as<int>();
    } else {
        coupon.amount_off = { row["amount_off_minor"].as<std::int64_t>(), row["currency"].as<std::string>() };
    }
    if (!row["expires_at_unix"].is_null())
        coupon.expires_at = row["expires_at_unix"].as<std::int64_t>();
    coupon.usage_limit = row["usage_limit"].as<int>();
    coupon.times_used = static_cast<int>(row["used"].as<std::int64_t>());
    coupon.course_ids = Json::parse(row["course_ids_json"].as<std::string>()).get<std::vector<std::int64_t>>();
    coupon.ended = row["ended"].as<bool>();
    return coupon;
}

std::optional<std::int64_t> insert_coupon(pqxx::work& txn, std::int64_t tenant_id, const CouponRequest& request,
    const std::string& time_zone, std::int64_t maker)
{
    const auto& coupon = request.coupon;
    const bool percent = coupon.kind == CouponKind::Percent;
    auto made = exec_named(txn, "marketplace/make_coupon", tenant_id, coupon.code,
        std::string(coupon_kind_name(coupon.kind)), percent ? std::optional<int>(coupon.percent) : std::nullopt,
        percent ? std::nullopt : std::optional<std::int64_t>(coupon.amount_off.minor),
        percent ? std::nullopt : std::optional<std::string>(coupon.amount_off.currency),
        nonempty_or_null(request.expires_on), time_zone, coupon.usage_limit, maker, ids_array(coupon.course_ids));
    if (made.empty())
        return std::nullopt;
    return made[0]["id"].as<std::int64_t>();
}

// [SECTION] applying a coupon

void lock_coupon(pqxx::work& txn, std::string_view typed)
{
    if (auto code = read_coupon_code(typed); code.ok())
        exec_named(txn, "marketplace/lock_coupon", code.value());
}

Result<AppliedCoupon> apply_typed_coupon(pqxx::work& txn, std::string_view typed, std::int64_t course_id,
    const Price& price)
{
    const auto code = TRY(read_coupon_code(typed));
    auto rows = exec_named(txn, "marketplace/coupon_by_code", code);
    if (rows.empty())
        return make_error(ErrorCode::InvalidArgument, "There is no coupon " + code, "coupon");
    const auto coupon = coupon_of(rows[0]);
    const auto pays = TRY(apply_coupon(price, course_id, coupon, unix_now()));
    return AppliedCoupon { rows[0]["id"].as<std::int64_t>(), code, coupon_for_people(coupon), pays,
        { price.amount.minor - pays.minor, price.amount.currency } };
}

Result<ApiResponse> handle_course_price(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    auto rows = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, std::string("own"));
    if (rows.empty() || rows[0]["status"].as<std::string>() != "published")
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const auto price = price_of(rows[0]);
    if (price.kind == PriceKind::Subscription)
        return make_error(ErrorCode::FailedPrecondition, "Subscriptions are not on sale yet");
    if (!req.has_param("coupon") || req.get_param_value("coupon").empty())
        return make_error(ErrorCode::InvalidArgument, "Type a coupon code", "coupon");
    const auto applied = TRY(apply_typed_coupon(txn, req.get_param_value("coupon"), id, price));
    return json_response(200, { { "coupon", applied.code }, { "off_label", applied.off_label },
                                  { "price", money_json(price.amount) }, { "pays", money_json(applied.pays) },
                                  { "off", money_json(applied.off) },
                                  { "message", applied.code + ": " + applied.off_label + ", so you pay "
                                          + money_json(applied.pays)["text"].get<std::string>() } });
}

// [SECTION] managing coupons

Result<ApiResponse> handle_coupons(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto page = TRY(parse_page(req));
    auto rows = exec_page(txn, "marketplace/coupons_page", page, marketplace_scope(caller, Action::CouponManage),
        caller.user_id);
    return paged_response(req, page, rows, coupon_json);
}

Result<ApiResponse> handle_coupon_courses(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    auto rows = exec_named(txn, "marketplace/coupon_courses", marketplace_scope(caller, Action::CouponManage),
        caller.user_id);
    Json courses = Json::array();
    for (const auto& row : rows) {
        const auto price = price_of(row);
        courses.push_back({ { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
            { "price_label", price_for_people(price) }, { "currency", price.amount.currency } });
    }
    auto currency = exec_named(txn, "marketplace/settings");
    return json_response(200, { { "courses", std::move(courses) },
                                  { "currency", currency.empty() ? std::string("GBP")
                                                                 : currency[0]["currency"].as<std::string>() } });
}

Result<ApiResponse> handle_create_coupon(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto body = TRY(parse_json_body(req));
    const auto today = exec_named(txn, "marketplace/today", caller.time_zone)[0]["day"].as<std::string>();
    const auto request = TRY(read_coupon_request(body, today));
    const auto& coupon = request.coupon;
    const auto scope = marketplace_scope(caller, Action::CouponManage);
    // An instructor's coupon is for chosen courses of their own; an
    // administrator's for any of the tenant's, or every one.
    if (scope != "tenant" && coupon.course_ids.empty())
        return make_error(ErrorCode::InvalidArgument, "Choose which of your courses it is for", "course_ids");
    const auto courses = ids_array(coupon.course_ids);
    const bool percent = coupon.kind == CouponKind::Percent;
    if (!coupon.course_ids.empty()) {
        const auto reached = exec_named(txn, "marketplace/coupon_courses_in_reach", courses, scope, caller.user_id,
            percent ? std::nullopt : std::optional<std::string>(coupon.amount_off.currency))[0];
        if (reached["found"].as<std::int64_t>() != static_cast<std::int64_t>(coupon.course_ids.size()))
            return make_error(ErrorCode::InvalidArgument,
                scope == "tenant" ? "A chosen course is not in the catalog" : "A chosen course is not one of yours",
                "course_ids");
        // An amount off works on prices in its own currency only.
        if (reached["other_currency"].as<std::int64_t>() > 0)
            return make_error(ErrorCode::InvalidArgument,
                "A chosen course is not priced in " + coupon.amount_off.currency + ": an amount off needs the "
                "course's currency, or take a percentage off",
                "currency");
    }
    const auto made = insert_coupon(txn, caller.tenant_id, request, caller.time_zone, caller.user_id);
    if (!made)
        return make_error(ErrorCode::Conflict, "There is already a coupon " + coupon.code, "code");
    const auto id = *made;
    auto audited = coupon_request_json(request);
    append_audit(txn, { caller.tenant_id, caller.actor(), "coupon.create", "coupon", std::to_string(id), nullptr,
                          std::move(audited) });
    auto answer = coupon_json(exec_named(txn, "marketplace/coupon_readable", id, scope, caller.user_id)[0]);
    answer["message"] = "Coupon " + coupon.code + " made: " + coupon_for_people(coupon);
    return json_response(201, std::move(answer));
}

Result<ApiResponse> handle_change_coupon(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_coupon_not_found));
    const auto body = TRY(parse_json_body(req));
    const auto scope = marketplace_scope(caller, Action::CouponManage);
    if (exec_named(txn, "marketplace/lock_coupon_by_id", id, scope, caller.user_id).empty())
        return make_error(ErrorCode::NotFound, k_coupon_not_found);
    // Read under the lock: the uses an order made meanwhile counts.
    const auto row = exec_named(txn, "marketplace/coupon_readable", id, scope, caller.user_id)[0];
    const auto code = row["code"].as<std::string>();
    if (row["ended"].as<bool>())
        return make_error(ErrorCode::FailedPrecondition, "Coupon " + code + " has ended: make a new one instead");
    const auto today = exec_named(txn, "marketplace/today", caller.time_zone)[0]["day"].as<std::string>();
    const auto change = TRY(read_coupon_change(body, today, row["used"].as<std::int64_t>()));
    const CouponChange before { row["expires_on"].is_null() ? std::string() : row["expires_on"].as<std::string>(),
        row["usage_limit"].as<int>() };
    const CouponChange after { change.expires_on.value_or(*before.expires_on),
        change.usage_limit.value_or(*before.usage_limit) };
    if (after.expires_on == before.expires_on && after.usage_limit == before.usage_limit) {
        auto answer = coupon_json(row);
        answer["message"] = "Nothing changed";
        return json_response(200, std::move(answer));
    }
    exec_named(txn, "marketplace/change_coupon", id, nonempty_or_null(*after.expires_on), caller.time_zone,
        *after.usage_limit);
    append_audit(txn, { caller.tenant_id, caller.actor(), "coupon.update", "coupon", std::to_string(id),
                          coupon_change_json(before), coupon_change_json(after) });
    auto answer = coupon_json(exec_named(txn, "marketplace/coupon_readable", id, scope, caller.user_id)[0]);
    answer["message"] = "Coupon " + code + " changed";
    return json_response(200, std::move(answer));
}

Result<ApiResponse> handle_end_coupon(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_coupon_not_found));
    TRY(require_no_fields(req));
    const auto scope = marketplace_scope(caller, Action::CouponManage);
    auto rows = exec_named(txn, "marketplace/coupon_readable", id, scope, caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_coupon_not_found);
    const auto code = rows[0]["code"].as<std::string>();
    if (exec_named(txn, "marketplace/end_coupon", id, caller.user_id).empty())
        return make_error(ErrorCode::Conflict, "Coupon " + code + " was ended already");
    append_audit(txn, { caller.tenant_id, caller.actor(), "coupon.end", "coupon", std::to_string(id),
                          { { "ended", false } }, { { "ended", true }, { "code", code } } });
    auto answer = coupon_json(exec_named(txn, "marketplace/coupon_readable", id, scope, caller.user_id)[0]);
    answer["message"] = "Coupon " + code + " ended: it can no longer be used";
    return json_response(200, std::move(answer));
}

} // namespace learnloop::server
