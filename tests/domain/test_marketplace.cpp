// The marketplace's money, prices, coupons and catalog rules
// (marketplace/orders.hpp, pricing.hpp, catalog.hpp).
#include "core/random.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/orders.hpp"
#include "marketplace/pricing.hpp"
#include "marketplace/progress.hpp"
#include "marketplace/reviews.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace learnloop;

namespace {

Money gbp(std::int64_t minor) { return { minor, "GBP" }; }

Price read(const char* text) { return read_price(parse_json(text).value()).value(); }

Error price_error(const char* text) { return read_price(parse_json(text).value()).error(); }

Result<CatalogQuery> query_of(const std::map<std::string, std::string>& params)
{
    return read_catalog_query([&](std::string_view name) -> std::optional<std::string> {
        auto found = params.find(std::string(name));
        if (found == params.end())
            return std::nullopt;
        return found->second;
    });
}

} // namespace

TEST_CASE("an order splits into processing, platform and instructor parts that add up", "[marketplace][orders]")
{
    auto split = split_order(gbp(4900), { 3000, 140, 20 }).value();
    // 20p + 1.4% of £49.00 (68.6p, so 69p); 30% of the £48.11 left (1443.3p); the rest.
    CHECK(split.processing_fee == gbp(89));
    CHECK(split.platform_fee == gbp(1443));
    CHECK(split.instructor_share == gbp(3368));
    CHECK(is_exact_split(split));

    SECTION("a free order is all zeros")
    {
        CHECK(split_order(gbp(0), { 3000, 140, 20 }).value() == zero_split("GBP"));
    }
    SECTION("the processing fee never passes the price, and nothing goes negative")
    {
        auto tiny = split_order(gbp(15), { 3000, 140, 20 }).value();
        CHECK(tiny.processing_fee == gbp(15));
        CHECK(tiny.platform_fee == gbp(0));
        CHECK(tiny.instructor_share == gbp(0));
    }
    SECTION("a negotiated rate and a currency without decimals")
    {
        auto yen = split_order({ 1000, "JPY" }, { 2000, 0, 0 }).value();
        CHECK(yen.platform_fee == Money { 200, "JPY" });
        CHECK(yen.instructor_share == Money { 800, "JPY" });
    }
    SECTION("half a penny rounds away from zero")
    {
        // 25% of 10p is 2.5p: the platform takes 3p.
        CHECK(split_order(gbp(10), { 2500, 0, 0 }).value().platform_fee == gbp(3));
    }
    SECTION("terms outside 0-100% and negative prices are refused, naming the field")
    {
        CHECK(split_order(gbp(100), { 10001, 0, 0 }).error().field == "platform_fee_bp");
        CHECK(split_order(gbp(100), { 3000, -1, 0 }).error().field == "processing_bp");
        CHECK(split_order(gbp(100), { 3000, 0, -5 }).error().field == "processing_fixed_minor");
        CHECK(split_order(gbp(-1), { 3000, 0, 0 }).error().field == "amount");
    }
}

TEST_CASE("refunds reverse each part in proportion and never more than is left", "[marketplace][orders]")
{
    auto order = split_order(gbp(4900), { 3000, 140, 20 }).value();
    auto none = zero_split("GBP");

    SECTION("a full refund reverses every part exactly")
    {
        CHECK(split_refund(order, none, gbp(4900)).value() == order);
    }
    SECTION("half, then the rest")
    {
        auto half = split_refund(order, none, gbp(2450)).value();
        CHECK(is_exact_split(half));
        // Exactly half of each part, to the penny, with the odd halves placed by largest remainder.
        CHECK(half.instructor_share == gbp(1684));
        CHECK(half.platform_fee.minor + half.processing_fee.minor == 766);
        auto rest = split_refund(order, half, gbp(2450)).value();
        CHECK(add_splits(half, rest).value() == order);
    }
    SECTION("refused: nothing, more than is left, another currency")
    {
        CHECK(split_refund(order, none, gbp(0)).error().field == "amount");
        CHECK(split_refund(order, none, gbp(4901)).error().field == "amount");
        auto most = split_refund(order, none, gbp(4000)).value();
        CHECK(split_refund(order, most, gbp(901)).error().message == "That is more than is left to refund of this order");
        CHECK(split_refund(order, none, Money { 100, "EUR" }).error().field == "amount");
    }
}

TEST_CASE("property: thousands of random prices, fees and refunds always add up and never go negative",
    "[marketplace][orders][property]")
{
    SeededRandom rng(20261207);
    for (int round = 0; round < 5000; ++round) {
        FeeTerms terms { static_cast<int>(rng.below(10001)), static_cast<int>(rng.below(1001)),
            static_cast<std::int64_t>(rng.below(500)) };
        // Mostly everyday prices, sometimes tiny ones and sometimes huge ones.
        std::int64_t gross = 0;
        switch (rng.below(3)) {
        case 0: gross = static_cast<std::int64_t>(rng.below(100)); break;
        case 1: gross = static_cast<std::int64_t>(rng.below(100000)); break;
        default: gross = static_cast<std::int64_t>(rng.below(1000000000000ULL)); break;
        }
        auto order = split_order(gbp(gross), terms).value();
        REQUIRE(is_exact_split(order));
        REQUIRE(order.platform_fee.minor <= order.gross.minor - order.processing_fee.minor);

        // Refunds in random pieces until the whole order is refunded.
        auto refunded = zero_split("GBP");
        int pieces = 0;
        while (refunded.gross.minor < gross && pieces < 6) {
            auto left = gross - refunded.gross.minor;
            std::int64_t amount = pieces == 5 ? left : 1 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(left)));
            auto refund = split_refund(order, refunded, gbp(amount)).value();
            REQUIRE(is_exact_split(refund));
            refunded = add_splits(refunded, refund).value();
            auto still = subtract_splits(order, refunded).value();
            REQUIRE(is_exact_split(still));   // never more of a part reversed than it had
            ++pieces;
        }
        if (refunded.gross.minor == gross)
            REQUIRE(refunded == order);
    }
}

TEST_CASE("prices are read from JSON and written back the same", "[marketplace][pricing]")
{
    auto one = read(R"({"kind": "one_time", "amount": "49.00", "currency": "GBP"})");
    CHECK(one.kind == PriceKind::OneTime);
    CHECK(one.amount == gbp(4900));
    CHECK(price_to_json(one) == parse_json(R"({"kind": "one_time", "amount": "49.00", "currency": "GBP"})").value());
    CHECK(price_for_people(one) == "\xC2\xA3" "49.00");

    auto monthly = read(R"({"kind": "subscription", "amount": "12", "currency": "EUR", "period": "monthly"})");
    CHECK(monthly.period == BillingPeriod::Monthly);
    CHECK(price_for_people(monthly) == "\xE2\x82\xAC" "12.00 a month");
    CHECK(read_price(price_to_json(monthly)).value() == monthly);

    auto free = read(R"({"kind": "free"})");
    CHECK(price_for_people(free) == "Free");
    CHECK(price_to_json(free) == parse_json(R"({"kind": "free"})").value());

    SECTION("bad prices name the part")
    {
        CHECK(price_error(R"({"kind": "one_time", "amount": "-1.00", "currency": "GBP"})").field == "price.amount");
        CHECK(price_error(R"({"kind": "one_time", "amount": "12.505", "currency": "GBP"})").field == "price.amount");
        CHECK(price_error(R"({"kind": "one_time", "amount": "0.00", "currency": "GBP"})").field == "price.amount");
        CHECK(price_error(R"({"kind": "one_time", "amount": "1000000.01", "currency": "GBP"})").field == "price.amount");
        CHECK(price_error(R"({"kind": "one_time", "amount": 12, "currency": "GBP"})").field == "price.amount");
        CHECK(price_error(R"({"kind": "one_time", "amount": "12.00", "currency": "XYZ"})").field == "price.currency");
        CHECK(price_error(R"({"kind": "gift"})").field == "price.kind");
        CHECK(price_error(R"({"kind": "subscription", "amount": "5.00", "currency": "GBP"})").field == "price.period");
        CHECK(price_error(R"({"kind": "one_time", "amount": "5.00", "currency": "GBP", "period": "monthly"})").field
            == "price.period");
        CHECK(price_error(R"({"kind": "free", "amount": "5.00"})").field == "price.amount");
    }
}

TEST_CASE("price bands put every price in exactly one band", "[marketplace][pricing]")
{
    CHECK(price_band_of(read(R"({"kind": "free"})")) == PriceBand::Free);
    CHECK(price_band_of(read(R"({"kind": "one_time", "amount": "19.99", "currency": "GBP"})")) == PriceBand::Under20);
    CHECK(price_band_of(read(R"({"kind": "one_time", "amount": "20.00", "currency": "GBP"})")) == PriceBand::From20To50);
    CHECK(price_band_of(read(R"({"kind": "one_time", "amount": "99.99", "currency": "GBP"})")) == PriceBand::From50To100);
    CHECK(price_band_of(read(R"({"kind": "one_time", "amount": "100", "currency": "GBP"})")) == PriceBand::From100);
    CHECK(price_band_of(read(R"({"kind": "one_time", "amount": "5000", "currency": "JPY"})")) == PriceBand::From100);
    CHECK(price_band_range(PriceBand::From20To50, 2).low == 2000);
    CHECK(price_band_range(PriceBand::From20To50, 2).high == 5000);
    CHECK(price_band_range(PriceBand::From100, 0).high == -1);
    CHECK(parse_price_band("50_100").value() == PriceBand::From50To100);
    CHECK(parse_price_band("cheap").error().field == "price");
}

TEST_CASE("coupons take a percentage or an amount off, within their rules", "[marketplace][pricing][coupon]")
{
    auto price = read(R"({"kind": "one_time", "amount": "49.99", "currency": "GBP"})");
    Coupon quarter;
    quarter.code = "SPRING-25";
    quarter.percent = 25;
    // 25% of £49.99 is 1249.75p, so 1250p off.
    CHECK(apply_coupon(price, 7, quarter, 1000).value() == gbp(3749));

    Coupon fiver;
    fiver.code = "FIVER";
    fiver.kind = CouponKind::Fixed;
    fiver.amount_off = gbp(500);
    CHECK(apply_coupon(price, 7, fiver, 1000).value() == gbp(4499));
    fiver.amount_off = gbp(99999);
    CHECK(apply_coupon(price, 7, fiver, 1000).value() == gbp(0));

    SECTION("refused, for people")
    {
        auto expired = quarter;
        expired.expires_at = 1000;
        CHECK(apply_coupon(price, 7, expired, 1000).error().message == "That coupon has expired");
        CHECK(apply_coupon(price, 7, expired, 999).ok());
        auto used = quarter;
        used.usage_limit = 3;
        used.times_used = 3;
        CHECK(apply_coupon(price, 7, used, 0).error().message == "That coupon has been used as many times as it can be");
        auto chosen = quarter;
        chosen.course_ids = { 1, 2 };
        CHECK(apply_coupon(price, 7, chosen, 0).error().message == "That coupon is not for this course");
        CHECK(apply_coupon(price, 2, chosen, 0).ok());
        auto euros = fiver;
        euros.amount_off = { 500, "EUR" };
        CHECK(apply_coupon(price, 7, euros, 0).error().field == "coupon");
        CHECK(apply_coupon(read(R"({"kind": "free"})"), 7, quarter, 0).error().field == "coupon");
    }
    SECTION("codes as typed, and a coupon's own rules")
    {
        CHECK(read_coupon_code(" spring-25 ").value() == "SPRING-25");
        CHECK(!read_coupon_code("ab").ok());
        CHECK(!read_coupon_code("SPRING 25").ok());
        CHECK(!read_coupon_code("PROMO'--").ok());
        auto bad = quarter;
        bad.percent = 0;
        CHECK(check_coupon(bad).error().field == "percent");
        bad.percent = 101;
        CHECK(check_coupon(bad).error().field == "percent");
        auto nothing_off = fiver;
        nothing_off.amount_off = gbp(0);
        CHECK(check_coupon(nothing_off).error().field == "amount_off");
    }
}

TEST_CASE("a coupon's state and wording, and the request that makes one", "[marketplace][pricing][coupon]")
{
    Coupon coupon;
    coupon.code = "SPRING-25";
    coupon.percent = 25;
    CHECK(coupon_state(coupon, 0) == CouponState::Active);
    CHECK(coupon_for_people(coupon) == "25% off");
    coupon.usage_limit = 2;
    coupon.times_used = 2;
    CHECK(coupon_state(coupon, 0) == CouponState::UsedUp);
    coupon.expires_at = 100;
    CHECK(coupon_state(coupon, 100) == CouponState::Expired);
    CHECK(coupon_state(coupon, 99) == CouponState::UsedUp);
    coupon.ended = true;
    CHECK(coupon_state(coupon, 0) == CouponState::Ended);
    CHECK(coupon_state_for_people(CouponState::UsedUp) == "Used up");
    CHECK(parse_coupon_state("used_up").value() == CouponState::UsedUp);
    CHECK(parse_coupon_state("all").error().field == "state");
    auto price = read(R"({"kind": "one_time", "amount": "10.00", "currency": "GBP"})");
    CHECK(apply_coupon(price, 1, coupon, 0).error().message == "That coupon has ended");

    Coupon fiver;
    fiver.kind = CouponKind::Fixed;
    fiver.amount_off = gbp(500);
    CHECK(coupon_for_people(fiver) == "\xC2\xA3" "5.00 off");

    SECTION("a request read, and written back the same")
    {
        auto request = read_coupon_request(Json::parse(
            R"({"code": " welcome5 ", "amount_off": "5.00", "currency": "GBP", "expires_on": "2027-01-31",
                "usage_limit": 100, "course_ids": [3, 7, 3]})"), "2026-12-07").value();
        CHECK(request.coupon.code == "WELCOME5");
        CHECK(request.coupon.kind == CouponKind::Fixed);
        CHECK(request.coupon.amount_off == gbp(500));
        CHECK(request.expires_on == "2027-01-31");
        CHECK(request.coupon.usage_limit == 100);
        CHECK(request.coupon.course_ids == std::vector<std::int64_t> { 3, 7 });
        auto again = read_coupon_request(coupon_request_json(request), "2026-12-07").value();
        CHECK(again.coupon.amount_off == request.coupon.amount_off);
        CHECK(again.coupon.course_ids == request.coupon.course_ids);
        CHECK(again.expires_on == request.expires_on);
        auto percent = read_coupon_request(Json::parse(R"({"code": "HALF", "percent": 50})"), "2026-12-07").value();
        CHECK(percent.coupon.kind == CouponKind::Percent);
        CHECK(percent.coupon.percent == 50);
        CHECK(percent.expires_on.empty());
        CHECK(coupon_request_json(percent) == Json::parse(R"({"code": "HALF", "percent": 50})"));
    }
    SECTION("bad requests name their field")
    {
        auto field_of = [](const char* text) {
            auto read = read_coupon_request(Json::parse(text), "2026-12-07");
            return read.ok() ? std::string("(accepted)") : read.error().field;
        };
        CHECK(field_of(R"({"percent": 10})") == "code");
        CHECK(field_of(R"({"code": "A B C", "percent": 10})") == "code");
        CHECK(field_of(R"({"code": "HALF"})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "amount_off": "1.00", "currency": "GBP"})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": 0})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": 101})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": 12.5})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": "10"})") == "percent");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "currency": "GBP"})") == "currency");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "5.00"})") == "currency");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "5.00", "currency": "XXX"})") == "currency");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "5.005", "currency": "GBP"})") == "amount_off");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "-5", "currency": "GBP"})") == "amount_off");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "0", "currency": "GBP"})") == "amount_off");
        CHECK(field_of(R"({"code": "FIVE", "amount_off": "2000000", "currency": "GBP"})") == "amount_off");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "expires_on": "2026-12-06"})") == "expires_on");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "expires_on": "2026-12-07"})") == "(accepted)");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "expires_on": "2027-02-30"})") == "expires_on");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "expires_on": "2027-1-3"})") == "expires_on");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "usage_limit": -1})") == "usage_limit");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "course_ids": [1, 0]})") == "course_ids[1]");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "course_ids": "1"})") == "course_ids");
        CHECK(field_of(R"({"code": "HALF", "percent": 10, "colour": "red"})") == "colour");
        CHECK(field_of(R"([1])") == "");
    }
}

TEST_CASE("a coupon changed after it was made: its last day and its usage limit only", "[marketplace][pricing][coupon]")
{
    const std::string today = "2026-12-07";
    auto change = [&](const char* text, std::int64_t used = 0) { return read_coupon_change(Json::parse(text), today, used); };
    auto field_of = [&](const char* text, std::int64_t used = 0) {
        auto result = change(text, used);
        return result.ok() ? std::string("(accepted)") : result.error().field;
    };

    auto later = change(R"({"expires_on": "2027-02-28"})");
    REQUIRE(later.ok());
    CHECK(later.value().expires_on == "2027-02-28");
    CHECK_FALSE(later.value().usage_limit);
    CHECK(coupon_change_json(later.value()) == Json::parse(R"({"expires_on": "2027-02-28"})"));
    auto open_ended = change(R"({"expires_on": null, "usage_limit": 0})", 40);
    REQUIRE(open_ended.ok());
    CHECK(open_ended.value().expires_on == "");
    CHECK(open_ended.value().usage_limit == 0);
    CHECK(coupon_change_json(open_ended.value()) == Json::parse(R"({"expires_on": null, "usage_limit": 0})"));
    CHECK(field_of(R"({"usage_limit": 7})", 7) == "(accepted)");
    CHECK(field_of(R"({"expires_on": "2026-12-07"})") == "(accepted)");   // today is its last day

    CHECK(field_of(R"({"usage_limit": 6})", 7) == "usage_limit");
    CHECK(change(R"({"usage_limit": 6})", 7).error().message
        == "It has been used 7 times: allow 7 or more, or any number (0)");
    CHECK(change(R"({"usage_limit": 0})", 1).ok());
    CHECK(field_of(R"({"usage_limit": null})") == "usage_limit");
    CHECK(field_of(R"({"usage_limit": -1})") == "usage_limit");
    CHECK(field_of(R"({"usage_limit": 1000001})") == "usage_limit");
    CHECK(field_of(R"({"expires_on": "2026-12-06"})") == "expires_on");
    CHECK(field_of(R"({"expires_on": "2027-02-30"})") == "expires_on");
    CHECK(field_of(R"({})") == "expires_on");   // nothing to change
    CHECK(field_of(R"({"percent": 50})") == "percent");   // what it takes off stays
    CHECK(field_of(R"({"code": "OTHER"})") == "code");
}

TEST_CASE("slugs, levels, languages and status changes", "[marketplace][catalog]")
{
    CHECK(check_slug("python-for-data-analysis").ok());
    CHECK(check_slug("a1").ok());
    for (const char* bad : { "a", "Python", "two--dashes", "-lead", "trail-", "sp ace", "caf\xC3\xA9", "x/../y" })
        CHECK(check_slug(bad).error().field == "slug");
    CHECK(check_slug(std::string(61, 'a')).error().field == "slug");

    CHECK(parse_course_level("advanced").value() == CourseLevel::Advanced);
    CHECK(parse_course_level("expert").error().field == "level");
    CHECK(check_language("es").value() == "es");
    CHECK(check_language("klingon").error().field == "language");
    CHECK(language_for_people("de") == "German");

    CHECK(check_status_change(CatalogStatus::Draft, CatalogStatus::Published).ok());
    CHECK(check_status_change(CatalogStatus::Published, CatalogStatus::Archived).ok());
    CHECK(check_status_change(CatalogStatus::Archived, CatalogStatus::Published).ok());
    CHECK(check_status_change(CatalogStatus::Published, CatalogStatus::Published).ok());
    CHECK(check_status_change(CatalogStatus::Published, CatalogStatus::Draft).error().code == ErrorCode::FailedPrecondition);
    CHECK(check_status_change(CatalogStatus::Draft, CatalogStatus::Archived).error().code == ErrorCode::FailedPrecondition);
}

TEST_CASE("a catalog search is read from its parameters, and only words reach the tsquery", "[marketplace][catalog]")
{
    auto query = query_of({ { "q", "  data analysis " }, { "category", "data-science" }, { "level", "beginner" },
                              { "language", "en" }, { "price", "under_20" }, { "sort", "price_low" }, { "limit", "10" },
                              { "offset", "20" } })
                     .value();
    CHECK(query.text == "data analysis");
    CHECK(query.category == "data-science");
    CHECK(query.level == CourseLevel::Beginner);
    CHECK(query.price == PriceBand::Under20);
    CHECK(query.sort == CatalogSort::PriceLow);
    CHECK(catalog_query_string(query)
        == "q=data%20analysis&category=data-science&level=beginner&language=en&price=under_20&sort=price_low&limit=10&offset=20");
    CHECK(catalog_query_string(query_of({}).value()).empty());

    CHECK(query_of({ { "q", std::string(201, 'a') } }).error().field == "q");
    CHECK(query_of({ { "q", "tab\there" } }).error().field == "q");
    CHECK(query_of({ { "category", "../etc" } }).error().field == "category");
    CHECK(query_of({ { "level", "guru" } }).error().field == "level");
    CHECK(query_of({ { "price", "1..5" } }).error().field == "price");
    CHECK(query_of({ { "sort", "random()" } }).error().field == "sort");
    CHECK(query_of({ { "limit", "51" } }).error().field == "limit");
    CHECK(query_of({ { "limit", "0" } }).error().field == "limit");
    CHECK(query_of({ { "offset", "-1" } }).error().field == "offset");

    CHECK(prefix_tsquery("data  anal") == "'data':* & 'anal':*");
    CHECK(prefix_tsquery("C++ & !rust") == "'c':* & 'rust':*");
    CHECK(prefix_tsquery("'a' | b:* <-> (c)") == "'a':* & 'b':* & 'c':*");
    CHECK(prefix_tsquery("Espa\xC3\xB1ol \xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82") == "'espa\xC3\xB1ol':* & '\xE4\xB8\xAD\xE6\x96\x87':*");
    CHECK(prefix_tsquery("a\xE1\x9A\x80" "b") == "'a':* & 'b':*");   // U+1680, an ogham space, parts words

    CHECK(search_has_operators("python -snake"));
    CHECK(search_has_operators("-python"));
    CHECK(search_has_operators("\"modern css\""));
    CHECK(search_has_operators("python or css"));
    CHECK_FALSE(search_has_operators("e-mail marketing"));
    CHECK_FALSE(search_has_operators("oregano orbit"));
    CHECK(prefix_tsquery("!!! ...").empty());
    CHECK(prefix_tsquery("").empty());
}

TEST_CASE("ratings read as people say them", "[marketplace][catalog]")
{
    CHECK(query_of({ { "rating", "4.5" } }).value().min_rating_tenths == 45);
    CHECK(query_of({ { "rating", "3" } }).value().min_rating_tenths == 30);
    CHECK(query_of({ { "rating", "5" } }).error().field == "rating");
    CHECK(query_of({ { "rating", "4.0" } }).error().field == "rating");
    CatalogQuery rated;
    rated.min_rating_tenths = 35;
    CHECK(catalog_query_string(rated) == "rating=3.5");
    for (int tenths : k_rating_thresholds)
        CHECK(rating_param_tenths(rating_param_text(tenths)) == tenths);
    CHECK(rating_param_text(40) == "4");
    CHECK(rating_param_tenths("3.7") == 0);
    CHECK(rating_threshold_for_people(45) == "4.5 stars and up");
    CHECK(rating_threshold_for_people(40) == "4 stars and up");
    CHECK(rating_for_people(0, 0).empty());
    CHECK(rating_for_people(14, 3) == "4.7");   // 4.666...
    CHECK(rating_for_people(9, 2) == "4.5");
    CHECK(rating_for_people(5, 1) == "5.0");
}

TEST_CASE("category counts add up the tree, parents before children", "[marketplace][catalog]")
{
    std::vector<Category> categories { { 1, 0, "programming", "Programming" }, { 2, 1, "web", "Web" },
        { 3, 1, "python", "Python" }, { 4, 0, "design", "Design" }, { 5, 4, "ux", "UX" },
        { 6, 99, "orphan", "Orphan" } };
    auto facets = roll_up_categories(categories, { { 2, 3 }, { 3, 2 }, { 1, 1 }, { 5, 4 }, { 6, 7 } });
    REQUIRE(facets.size() == 5);
    CHECK(facets[0] == CategoryFacet { 1, "programming", "Programming", 0, 6 });
    CHECK(facets[1] == CategoryFacet { 2, "web", "Web", 1, 3 });
    CHECK(facets[2] == CategoryFacet { 3, "python", "Python", 1, 2 });
    CHECK(facets[3] == CategoryFacet { 4, "design", "Design", 0, 4 });
    CHECK(facets[4] == CategoryFacet { 5, "ux", "UX", 1, 4 });

    // A loop is walked once, never forever.
    std::vector<Category> loop { { 1, 0, "a", "A" }, { 2, 3, "b", "B" }, { 3, 2, "c", "C" } };
    CHECK(roll_up_categories(loop, { { 2, 1 } }).size() == 1);
}

TEST_CASE("a course's progress: lessons done, the percentage, and where to continue", "[marketplace][progress]")
{
    const std::vector<LessonRef> lessons { { 1, 8 }, { 2, 12 }, { 3, 5 }, { 4, 10 } };
    CHECK(course_progress(lessons, {}) == CourseProgress { 0, 4, 0, 1, 0, false });
    CHECK(progress_for_people(course_progress(lessons, {})) == "Not started");

    // Half-way through lesson 2 (worked in last): continue there, at its place.
    std::vector<LessonMark> marks { { 1, true, 480, 0, 100 }, { 2, false, 300, 215, 200 } };
    auto progress = course_progress(lessons, marks);
    CHECK(progress == CourseProgress { 1, 4, 25, 2, 215, false });
    CHECK(progress_for_people(progress) == "1 of 4 lessons done (25%)");

    // Lesson 2 done last: the next not done after it; a mark of another course's lesson is ignored.
    marks[1].completed = true;
    marks.push_back({ 99, true, 10, 0, 50 });
    CHECK(course_progress(lessons, marks).continue_lesson == 3);
    CHECK(course_progress(lessons, marks).percent == 50);

    // The last lesson done last, an earlier one skipped: back to the skipped one.
    std::vector<LessonMark> skipped { { 1, true, 1, 0, 10 }, { 3, true, 1, 0, 20 }, { 4, true, 1, 0, 30 } };
    CHECK(course_progress(lessons, skipped).continue_lesson == 2);
    CHECK(course_progress(lessons, skipped).percent == 75);

    std::vector<LessonMark> all { { 1, true, 1, 0, 1 }, { 2, true, 1, 0, 2 }, { 3, true, 1, 0, 3 }, { 4, true, 1, 0, 4 } };
    CHECK(course_progress(lessons, all) == CourseProgress { 4, 4, 100, 0, 0, true });
    CHECK(progress_for_people(course_progress(lessons, all)) == "Finished");
    CHECK(course_progress({}, all).total == 0);
    CHECK_FALSE(course_progress({}, all).finished);
    // 2 of 3 is 66%, never rounded up to look finished sooner.
    CHECK(course_progress({ { 1, 1 }, { 2, 1 }, { 3, 1 } }, { { 1, true, 1, 0, 1 }, { 2, true, 1, 0, 2 } }).percent == 66);
}

TEST_CASE("progress marks are read strictly and replaying one changes nothing", "[marketplace][progress]")
{
    auto update = read_progress_update(parse_json(R"({"completed": true, "seconds_spent": 300, "position_seconds": 42})").value())
                      .value();
    CHECK(update.completed == true);
    CHECK(progress_update_to_json(update) == parse_json(R"({"completed": true, "seconds_spent": 300, "position_seconds": 42})").value());
    CHECK(read_progress_update(parse_json("{}").value()).error().field == "completed");
    CHECK(read_progress_update(parse_json(R"({"completed": "yes"})").value()).error().field == "completed");
    CHECK(read_progress_update(parse_json(R"({"seconds_spent": -1})").value()).error().field == "seconds_spent");
    CHECK(read_progress_update(parse_json(R"({"seconds_spent": 360001})").value()).error().field == "seconds_spent");
    CHECK(read_progress_update(parse_json(R"({"position_seconds": 1.5})").value()).error().field == "position_seconds");
    CHECK(read_progress_update(parse_json(R"({"completed": true, "colour": 1})").value()).error().field == "colour");
    CHECK_FALSE(read_progress_update(parse_json("[]").value()).ok());

    LessonMark mark { 7, false, 100, 10, 1000 };
    auto later = apply_progress(mark, update, 2000);
    CHECK(later.completed);
    CHECK(later.seconds_spent == 300);
    CHECK(later.position_seconds == 42);
    CHECK(later.updated_at == 2000);
    // A late mark from before cannot take time away; applying the same one again changes nothing but the time.
    ProgressUpdate older;
    older.seconds_spent = 120;
    CHECK(apply_progress(later, older, 3000).seconds_spent == 300);
    auto again = apply_progress(later, update, 2000);
    CHECK(again.seconds_spent == later.seconds_spent);
    CHECK(again.completed == later.completed);
}

TEST_CASE("reviews: 1 to 5 stars with optional words, from learners who have done a lesson", "[marketplace][reviews]")
{
    auto review = read_review(parse_json(R"({"stars": 4, "body": "Clear and kind.\nWould take again."})").value()).value();
    CHECK(review.stars == 4);
    CHECK(review.body == "Clear and kind.\nWould take again.");
    CHECK(read_review(parse_json(R"({"stars": 5})").value()).value().body.empty());
    for (const char* bad : { R"({"stars": 0})", R"({"stars": 6})", R"({"stars": 4.5})", R"({"stars": "5"})", R"({})" })
        CHECK(read_review(parse_json(bad).value()).error().field == "stars");
    CHECK(read_review(parse_json(R"({"stars": 3, "body": 7})").value()).error().field == "body");
    CHECK(read_review(parse_json(R"({"stars": 3, "colour": 7})").value()).error().field == "colour");
    Json long_text { { "stars", 3 }, { "body", std::string(4001, 'a') } };
    CHECK(read_review(long_text).error().field == "body");

    CHECK(check_may_review(CourseProgress { 0, 4, 0, 1, 0, false }).error().code == ErrorCode::FailedPrecondition);
    CHECK(check_may_review(CourseProgress { 1, 4, 25, 2, 0, false }).ok());

    CHECK(read_review_reply(parse_json(R"({"reply": "Thank you!"})").value()).value() == "Thank you!");
    CHECK(read_review_reply(parse_json(R"({"reply": ""})").value()).error().field == "reply");
    CHECK(read_review_reply(parse_json(R"({})").value()).error().field == "reply");
}
