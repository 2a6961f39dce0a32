// Prices and coupons (pricing.hpp).
#include "marketplace/pricing.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <array>

namespace learnloop {

namespace {

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

std::int64_t power_of_ten(int exponent)
{
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

struct BandRow {
    PriceBand band;
    std::string_view name;
    std::string_view for_people;
    std::int64_t low_major;    // inclusive
    std::int64_t high_major;   // exclusive; -1: no bound
};

constexpr std::array<BandRow, 5> k_bands { {
    { PriceBand::Free, "free", "Free", 0, 0 },
    { PriceBand::Under20, "under_20", "Under 20", 0, 20 },
    { PriceBand::From20To50, "20_50", "20 to 50", 20, 50 },
    { PriceBand::From50To100, "50_100", "50 to 100", 50, 100 },
    { PriceBand::From100, "100_up", "100 and over", 100, -1 },
} };

const BandRow& band_row(PriceBand band)
{
    return k_bands[static_cast<std::size_t>(band)];
}

} // namespace

std::string_view price_kind_name(PriceKind kind)
{
    switch (kind) {
    case PriceKind::Free: return "free";
    case PriceKind::OneTime: return "one_time";
    case PriceKind::Subscription: return "subscription";
    }
    return "free";
}

Result<PriceKind> parse_price_kind(std::string_view name)
{
    for (auto kind : { PriceKind::Free, PriceKind::OneTime, PriceKind::Subscription })
        if (name == price_kind_name(kind))
            return kind;
    return invalid("kind", "A price is free, one_time or subscription");
}

std::string_view billing_period_name(BillingPeriod period)
{
    return period == BillingPeriod::Monthly ? "monthly" : "yearly";
}

Result<BillingPeriod> parse_billing_period(std::string_view name)
{
    if (name == "monthly")
        return BillingPeriod::Monthly;
    if (name == "yearly")
        return BillingPeriod::Yearly;
    return invalid("period", "A subscription is paid monthly or yearly");
}

Result<Price> read_price(const Json& json, const std::string& path)
{
    auto reader = TRY(JsonObjectReader::open(json, path));
    Price price;
    auto kind_text = TRY(json_string_at(*TRY(reader.require("kind")), reader.path("kind")));
    auto kind = parse_price_kind(kind_text);
    if (!kind.ok())
        return invalid(reader.path("kind"), kind.error().message);
    price.kind = kind.value();
    if (price.kind == PriceKind::Free) {
        TRY(reader.reject_unknown("a free price"));
        return price;
    }
    auto currency_text = TRY(json_string_at(*TRY(reader.require("currency")), reader.path("currency")));
    auto currency = find_currency(currency_text);
    if (!currency.ok())
        return invalid(reader.path("currency"), currency.error().message);
    auto amount_text = TRY(json_string_at(*TRY(reader.require("amount")), reader.path("amount")));
    price.amount = TRY(parse_money(amount_text, currency.value(), reader.path("amount")));
    if (price.amount.minor == 0)
        return invalid(reader.path("amount"), "A price that is not free is more than 0; choose free instead");
    if (price.amount.minor > k_price_most_major * power_of_ten(currency.value().exponent))
        return invalid(reader.path("amount"), "A price is at most 1000000");
    if (const auto* period = reader.find("period")) {
        if (price.kind != PriceKind::Subscription)
            return invalid(reader.path("period"), "Only a subscription has a period");
        auto period_text = TRY(json_string_at(*period, reader.path("period")));
        auto parsed = parse_billing_period(period_text);
        if (!parsed.ok())
            return invalid(reader.path("period"), parsed.error().message);
        price.period = parsed.value();
    } else if (price.kind == PriceKind::Subscription) {
        return invalid(reader.path("period"), "A subscription is paid monthly or yearly");
    }
    TRY(reader.reject_unknown("a price"));
    return price;
}

Json price_to_json(const Price& price)
{
    Json json { { "kind", price_kind_name(price.kind) } };
    if (price.kind == PriceKind::Free)
        return json;
    auto currency = find_currency(price.amount.currency);
    json["amount"] = currency.ok() ? format_amount(price.amount, currency.value()) : std::to_string(price.amount.minor);
    json["currency"] = price.amount.currency;
    if (price.period)
        json["period"] = billing_period_name(*price.period);
    return json;
}

std::string price_for_people(const Price& price)
{
    if (price.kind == PriceKind::Free)
        return "Free";
    auto currency = find_currency(price.amount.currency);
    auto amount = currency.ok() ? format_money(price.amount, currency.value())
                                : std::to_string(price.amount.minor) + " " + price.amount.currency;
    if (price.kind == PriceKind::Subscription && price.period)
        return amount + (*price.period == BillingPeriod::Monthly ? " a month" : " a year");
    return amount;
}

std::string_view price_band_name(PriceBand band) { return band_row(band).name; }
std::string_view price_band_for_people(PriceBand band) { return band_row(band).for_people; }

Result<PriceBand> parse_price_band(std::string_view name)
{
    for (const auto& row : k_bands)
        if (row.name == name)
            return row.band;
    return invalid("price", "A price band is free, under_20, 20_50, 50_100 or 100_up");
}

MinorRange price_band_range(PriceBand band, int exponent)
{
    const auto& row = band_row(band);
    if (band == PriceBand::Free)
        return { 0, 1 };
    const auto unit = power_of_ten(exponent);
    // A paid price is at least one minor unit, so "under 20" starts at 1.
    return { std::max<std::int64_t>(row.low_major * unit, 1), row.high_major < 0 ? -1 : row.high_major * unit };
}

PriceBand price_band_of(const Price& price)
{
    if (price.kind == PriceKind::Free || price.amount.minor <= 0)
        return PriceBand::Free;
    auto currency = find_currency(price.amount.currency);
    const int exponent = currency.ok() ? currency.value().exponent : 2;
    for (const auto& row : k_bands) {
        auto range = price_band_range(row.band, exponent);
        if (row.band != PriceBand::Free && price.amount.minor >= range.low
            && (range.high < 0 || price.amount.minor < range.high))
            return row.band;
    }
    return PriceBand::From100;
}

// [SECTION] Coupons

Result<std::string> read_coupon_code(std::string_view typed)
{
    auto text = trim(typed);
    std::string code;
    for (char c : text) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return invalid("coupon", "A coupon code is letters, digits and dashes");
        code += c;
    }
    if (code.size() < 3 || code.size() > 32)
        return invalid("coupon", "A coupon code is 3 to 32 letters, digits and dashes");
    return code;
}

Result<Coupon> check_coupon(Coupon coupon)
{
    coupon.code = TRY(read_coupon_code(coupon.code));
    if (coupon.kind == CouponKind::Percent) {
        if (coupon.percent < 1 || coupon.percent > 100)
            return invalid("percent", "A coupon takes 1% to 100% off");
    } else {
        auto currency = find_currency(coupon.amount_off.currency);
        if (!currency.ok())
            return invalid("currency", currency.error().message);
        if (coupon.amount_off.minor <= 0)
            return invalid("amount_off", "A coupon takes more than 0 off");
    }
    if (coupon.usage_limit < 0)
        return invalid("usage_limit", "A usage limit is 0 (none) or more");
    return coupon;
}

namespace {

struct CouponStateRow {
    CouponState state;
    std::string_view name;
    std::string_view for_people;
};
constexpr std::array<CouponStateRow, 4> k_coupon_states { {
    { CouponState::Active, "active", "Active" },
    { CouponState::Expired, "expired", "Expired" },
    { CouponState::UsedUp, "used_up", "Used up" },
    { CouponState::Ended, "ended", "Ended" },
} };

const CouponStateRow& coupon_state_row(CouponState state)
{
    for (const auto& row : k_coupon_states)
        if (row.state == state)
            return row;
    return k_coupon_states[0];
}

constexpr std::int64_t k_usage_limit_most = 1000000;

} // namespace

CouponState coupon_state(const Coupon& coupon, std::int64_t now)
{
    if (coupon.ended)
        return CouponState::Ended;
    if (coupon.expires_at && now >= *coupon.expires_at)
        return CouponState::Expired;
    if (coupon.usage_limit > 0 && coupon.times_used >= coupon.usage_limit)
        return CouponState::UsedUp;
    return CouponState::Active;
}

std::string_view coupon_state_name(CouponState state)
{
    return coupon_state_row(state).name;
}

Result<CouponState> parse_coupon_state(std::string_view name)
{
    for (const auto& row : k_coupon_states)
        if (row.name == name)
            return row.state;
    return invalid("state", "A coupon is active, expired, used_up or ended");
}

std::string_view coupon_state_for_people(CouponState state)
{
    return coupon_state_row(state).for_people;
}

std::string coupon_for_people(const Coupon& coupon)
{
    if (coupon.kind == CouponKind::Percent)
        return std::to_string(coupon.percent) + "% off";
    auto currency = find_currency(coupon.amount_off.currency);
    return (currency.ok() ? format_money(coupon.amount_off, currency.value())
                          : std::to_string(coupon.amount_off.minor) + " " + coupon.amount_off.currency)
        + " off";
}

std::string_view coupon_kind_name(CouponKind kind)
{
    return kind == CouponKind::Percent ? "percent" : "fixed";
}

Result<CouponKind> parse_coupon_kind(std::string_view name)
{
    for (auto kind : { CouponKind::Percent, CouponKind::Fixed })
        if (coupon_kind_name(kind) == name)
            return kind;
    return invalid("kind", "A coupon takes a percentage (percent) or an amount (fixed) off");
}

namespace {

// A coupon's last day: "YYYY-MM-DD", not before `today`; "" for null (none).
Result<std::string> read_last_day(const Json& field, std::string_view today)
{
    if (field.is_null())
        return std::string();
    auto text = TRY(json_string_at(field, "expires_on"));
    const auto day = read_local_day(text);
    if (text.size() != 10 || !day || local_day_text(*day) != text)
        return invalid("expires_on", "The last day is a date: YYYY-MM-DD");
    if (text < today)
        return invalid("expires_on", "The last day has passed; choose today or later");
    return text;
}

Result<int> read_usage_limit(const Json& field)
{
    const auto value = TRY(json_int_at(field, "usage_limit"));
    if (value < 0 || value > k_usage_limit_most)
        return invalid("usage_limit", "A usage limit is 0 (any number) to 1000000");
    return static_cast<int>(value);
}

} // namespace

Result<CouponChange> read_coupon_change(const Json& json, std::string_view today, std::int64_t used)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    CouponChange change;
    if (const auto* expires = reader.find("expires_on"))
        change.expires_on = TRY(read_last_day(*expires, today));
    if (const auto* limit = reader.find("usage_limit")) {
        if (limit->is_null())
            return invalid("usage_limit", "A usage limit is 0 (any number) to 1000000");
        change.usage_limit = TRY(read_usage_limit(*limit));
        if (*change.usage_limit > 0 && *change.usage_limit < used)
            return invalid("usage_limit", "It has been used " + std::to_string(used)
                    + (used == 1 ? " time" : " times") + ": allow " + std::to_string(used)
                    + " or more, or any number (0)");
    }
    TRY(reader.reject_unknown("a coupon change"));
    if (!change.expires_on && !change.usage_limit)
        return invalid("expires_on", "Change the last day or the usage limit");
    return change;
}

Json coupon_change_json(const CouponChange& change)
{
    Json json = Json::object();
    if (change.expires_on)
        json["expires_on"] = change.expires_on->empty() ? Json(nullptr) : Json(*change.expires_on);
    if (change.usage_limit)
        json["usage_limit"] = *change.usage_limit;
    return json;
}

Result<CouponRequest> read_coupon_request(const Json& json, std::string_view today)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    CouponRequest request;
    auto& coupon = request.coupon;
    coupon.code = TRY(json_string_at(*TRY(reader.require("code")), "code"));
    auto code = read_coupon_code(coupon.code);
    if (!code.ok())
        return invalid("code", code.error().message);
    coupon.code = code.value();
    const auto* percent = reader.find("percent");
    const auto* amount_off = reader.find("amount_off");
    const auto* currency_field = reader.find("currency");
    if ((percent != nullptr) == (amount_off != nullptr))
        return invalid("percent", "A coupon takes a percentage or an amount off: give percent or amount_off");
    if (percent) {
        if (currency_field)
            return invalid("currency", "Only an amount off has a currency");
        const auto value = TRY(json_int_at(*percent, "percent"));
        if (value < 1 || value > 100)
            return invalid("percent", "A coupon takes 1% to 100% off");
        coupon.kind = CouponKind::Percent;
        coupon.percent = static_cast<int>(value);
    } else {
        if (!currency_field)
            return invalid("currency", "An amount off needs its currency");
        auto currency = find_currency(TRY(json_string_at(*currency_field, "currency")));
        if (!currency.ok())
            return invalid("currency", currency.error().message);
        coupon.kind = CouponKind::Fixed;
        coupon.amount_off = TRY(parse_money(TRY(json_string_at(*amount_off, "amount_off")), currency.value(),
            "amount_off"));
        if (coupon.amount_off.minor > k_price_most_major * power_of_ten(currency.value().exponent))
            return invalid("amount_off", "A coupon takes at most 1000000 off");
    }
    if (const auto* expires = reader.find("expires_on"))
        request.expires_on = TRY(read_last_day(*expires, today));
    if (const auto* limit = reader.find("usage_limit"); limit && !limit->is_null())
        coupon.usage_limit = TRY(read_usage_limit(*limit));
    if (const auto* courses = reader.find("course_ids"); courses && !courses->is_null()) {
        const auto* list = TRY(json_array_at(*courses, "course_ids", 0, k_coupon_courses_most));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto id = TRY(json_int_at((*list)[i], json_index_path("course_ids", i)));
            if (id <= 0)
                return invalid(json_index_path("course_ids", i), "A course id is a positive number");
            if (std::find(coupon.course_ids.begin(), coupon.course_ids.end(), id) == coupon.course_ids.end())
                coupon.course_ids.push_back(id);
        }
    }
    TRY(reader.reject_unknown("a coupon"));
    coupon = TRY(check_coupon(coupon));
    return request;
}

Json coupon_request_json(const CouponRequest& request)
{
    const auto& coupon = request.coupon;
    Json json { { "code", coupon.code } };
    if (coupon.kind == CouponKind::Percent) {
        json["percent"] = coupon.percent;
    } else {
        auto currency = find_currency(coupon.amount_off.currency);
        json["amount_off"] = currency.ok() ? format_amount(coupon.amount_off, currency.value())
                                           : std::to_string(coupon.amount_off.minor);
        json["currency"] = coupon.amount_off.currency;
    }
    if (!request.expires_on.empty())
        json["expires_on"] = request.expires_on;
    if (coupon.usage_limit > 0)
        json["usage_limit"] = coupon.usage_limit;
    if (!coupon.course_ids.empty())
        json["course_ids"] = coupon.course_ids;
    return json;
}

Result<Money> apply_coupon(const Price& price, std::int64_t course_id, const Coupon& coupon, std::int64_t now)
{
    if (price.kind == PriceKind::Free)
        return invalid("coupon", "This course is free; it needs no coupon");
    switch (coupon_state(coupon, now)) {
    case CouponState::Ended: return invalid("coupon", "That coupon has ended");
    case CouponState::Expired: return invalid("coupon", "That coupon has expired");
    case CouponState::UsedUp: return invalid("coupon", "That coupon has been used as many times as it can be");
    case CouponState::Active: break;
    }
    if (!coupon.course_ids.empty()
        && std::find(coupon.course_ids.begin(), coupon.course_ids.end(), course_id) == coupon.course_ids.end())
        return invalid("coupon", "That coupon is not for this course");
    if (coupon.kind == CouponKind::Percent) {
        auto off = TRY(scale(price.amount, coupon.percent, 100));
        return Money { price.amount.minor - off.minor, price.amount.currency };
    }
    if (coupon.amount_off.currency != price.amount.currency)
        return invalid("coupon", "That coupon is for prices in " + coupon.amount_off.currency);
    return Money { std::max<std::int64_t>(price.amount.minor - coupon.amount_off.minor, 0), price.amount.currency };
}

} // namespace learnloop
