// A marketplace course's price, and coupons that lower it.
//
// A price is free, one payment, or a subscription paid each month or year,
// in whole minor units of one currency (finance/money). Read from and
// written as JSON with the amount as decimal text:
//   {"kind": "free"}
//   {"kind": "one_time", "amount": "49.00", "currency": "GBP"}
//   {"kind": "subscription", "amount": "12.00", "currency": "GBP", "period": "monthly"}
// A coupon takes a percentage or a fixed amount off, until it expires or
// has been used as often as allowed, on every course or chosen ones.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "finance/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

enum class PriceKind { Free, OneTime, Subscription };
enum class BillingPeriod { Monthly, Yearly };

[[nodiscard]] std::string_view price_kind_name(PriceKind kind);            // "free", "one_time", "subscription"
[[nodiscard]] Result<PriceKind> parse_price_kind(std::string_view name);   // error on field "kind"
[[nodiscard]] std::string_view billing_period_name(BillingPeriod period);  // "monthly", "yearly"
[[nodiscard]] Result<BillingPeriod> parse_billing_period(std::string_view name);   // error on field "period"

// The most a price may be: 1,000,000 in the currency's major unit.
inline constexpr std::int64_t k_price_most_major = 1000000;

struct Price {
    PriceKind kind = PriceKind::Free;
    Money amount;                         // 0 when free; more than 0 otherwise
    std::optional<BillingPeriod> period;  // subscriptions only

    bool operator==(const Price&) const = default;
};

// Reads a price; errors name the part under `path` ("price.amount"): an
// unknown kind or currency, an amount below zero, with a fraction of a minor
// unit ("12.505") or above the most, a paid price of 0, a period on a price
// that is not a subscription, or a subscription without one.
[[nodiscard]] Result<Price> read_price(const Json& json, const std::string& path = "price");
[[nodiscard]] Json price_to_json(const Price& price);

// For people: "Free", "£49.00", "£12.00 a month", "€99.00 a year".
[[nodiscard]] std::string price_for_people(const Price& price);

// The catalog's price bands, in the currency's major unit: free, under 20,
// 20 to 50, 50 to 100, 100 and over (a subscription by its one payment).
enum class PriceBand { Free, Under20, From20To50, From50To100, From100 };
[[nodiscard]] std::string_view price_band_name(PriceBand band);            // "free", "under_20", "20_50", "50_100", "100_up"
[[nodiscard]] Result<PriceBand> parse_price_band(std::string_view name);   // error on field "price"
[[nodiscard]] std::string_view price_band_for_people(PriceBand band);      // "Free", "Under 20", ...
[[nodiscard]] PriceBand price_band_of(const Price& price);
// The band's bounds in minor units of a currency with `exponent` decimals,
// as [low, high) with high -1 for no bound; Free is [0, 1).
struct MinorRange {
    std::int64_t low = 0;
    std::int64_t high = -1;
};
[[nodiscard]] MinorRange price_band_range(PriceBand band, int exponent);

// [SECTION] Coupons

enum class CouponKind { Percent, Fixed };
[[nodiscard]] std::string_view coupon_kind_name(CouponKind kind);            // "percent", "fixed"
[[nodiscard]] Result<CouponKind> parse_coupon_kind(std::string_view name);   // error on field "kind"

struct Coupon {
    std::string code;                      // as read_coupon_code keeps it
    CouponKind kind = CouponKind::Percent;
    int percent = 0;                       // 1 to 100, for Percent
    Money amount_off;                      // more than 0, for Fixed
    std::optional<std::int64_t> expires_at;   // seconds since 1970 (UTC); none: never
    int usage_limit = 0;                   // 0: any number of orders
    int times_used = 0;
    std::vector<std::int64_t> course_ids;  // empty: every course
    bool ended = false;                    // ended by hand before its time
};

// Where a coupon stands at `now` (seconds since 1970, UTC), first match
// first: ended by hand, expired, used as often as allowed, or active.
enum class CouponState { Active, Expired, UsedUp, Ended };
[[nodiscard]] CouponState coupon_state(const Coupon& coupon, std::int64_t now);
[[nodiscard]] std::string_view coupon_state_name(CouponState state);          // "active", "expired", "used_up", "ended"
[[nodiscard]] Result<CouponState> parse_coupon_state(std::string_view name);  // error on field "state"
[[nodiscard]] std::string_view coupon_state_for_people(CouponState state);    // "Active", "Expired", "Used up", "Ended"

// What it takes off, for people: "25% off", "£5.00 off".
[[nodiscard]] std::string coupon_for_people(const Coupon& coupon);

// The most chosen courses one coupon names.
inline constexpr std::size_t k_coupon_courses_most = 100;

// A new coupon as the API takes it (the client writes it with
// coupon_request_json):
//   {"code": "SPRING-25", "percent": 25}
//   {"code": "WELCOME5", "amount_off": "5.00", "currency": "GBP",
//    "expires_on": "2027-01-31", "usage_limit": 100, "course_ids": [3, 7]}
// Exactly one of percent and amount_off (with its currency); the last day it
// works, in the tenant's zone, not before `today` ("YYYY-MM-DD"); a usage
// limit of 0 (none) to 1,000,000; up to 100 distinct course ids. Errors name
// the field; what check_coupon refuses is refused too.
struct CouponRequest {
    Coupon coupon;
    std::string expires_on;   // "" for never
};
[[nodiscard]] Result<CouponRequest> read_coupon_request(const Json& json, std::string_view today);
[[nodiscard]] Json coupon_request_json(const CouponRequest& request);

// A coupon changed after it was made: its last day and how often it may be
// used. What it takes off, its code and its courses stay, as learners were
// told them. The client writes it with coupon_change_json:
//   {"expires_on": "2027-02-28"}        {"expires_on": null, "usage_limit": 0}
// A field left out stays as it is; at least one is given. The last day is
// not before `today` (null: no last day); a usage limit is 0 (any number)
// to 1,000,000 and not below the `used` uses so far. Errors name the field.
struct CouponChange {
    std::optional<std::string> expires_on;   // "" for no last day
    std::optional<int> usage_limit;          // 0 for any number
};
[[nodiscard]] Result<CouponChange> read_coupon_change(const Json& json, std::string_view today, std::int64_t used);
[[nodiscard]] Json coupon_change_json(const CouponChange& change);

// A code as typed: trimmed and raised to capitals; 3 to 32 of A–Z, 0–9 and
// "-" (error on field "coupon").
//   read_coupon_code(" spring-25 ") -> "SPRING-25"
[[nodiscard]] Result<std::string> read_coupon_code(std::string_view typed);

// A coupon's own rules (error on the field named): a percent of 1 to 100, a
// fixed amount above 0 in a known currency, a usage limit of 0 or more.
[[nodiscard]] Result<Coupon> check_coupon(Coupon coupon);

// What a learner pays for `price` of course `course_id` with `coupon` at
// `now` (seconds since 1970, UTC). A percentage is taken off and rounded
// half away from zero; a fixed amount never takes the price below 0.
// Refused (field "coupon", for people) when the course is free, the coupon
// has ended or expired, has been used up, is not for this course, or is a fixed
// amount in another currency.
[[nodiscard]] Result<Money> apply_coupon(const Price& price, std::int64_t course_id, const Coupon& coupon,
    std::int64_t now);

} // namespace learnloop
