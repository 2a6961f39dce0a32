// Tests for shared-domain/finance/money.*: whole minor units, parsing, formatting, sums and scaling.
#include "finance/money.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace learnloop;

namespace {
const Currency gbp { "GBP", 2 }, jpy { "JPY", 0 }, kwd { "KWD", 3 };
}

TEST_CASE("currencies carry their ISO 4217 decimals; an unknown code is refused")
{
    CHECK(find_currency("GBP").value() == gbp);
    CHECK(find_currency("JPY").value() == jpy);
    CHECK(find_currency("KWD").value() == kwd);
    CHECK_FALSE(find_currency("gbp").ok());
    CHECK_FALSE(find_currency("XXX").ok());
    CHECK(find_currency("XYZ").error().field == "currency");
}

TEST_CASE("amounts parse into minor units in the currency's own decimals")
{
    CHECK(parse_money("12.50", gbp).value() == Money { 1250, "GBP" });
    CHECK(parse_money("12.5", gbp).value() == Money { 1250, "GBP" });
    CHECK(parse_money("12", gbp).value() == Money { 1200, "GBP" });
    CHECK(parse_money("0.01", gbp).value() == Money { 1, "GBP" });
    CHECK(parse_money("1200", jpy).value() == Money { 1200, "JPY" });
    CHECK(parse_money("1.234", kwd).value() == Money { 1234, "KWD" });
    CHECK(parse_money("-5.00", gbp, "amount", true).value() == Money { -500, "GBP" });
    CHECK(parse_money("92233720368547758.07", gbp).value().minor == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("fractions of a minor unit, other notations and huge amounts are errors on the field")
{
    for (const char* text : { "12.505", "1e3", "12,50", " 12", "12 ", "", ".5", "5.", "+5", "--5", "0x10", "1.2.3",
             "92233720368547758.08", "99999999999999999999" }) {
        INFO(text);
        auto parsed = parse_money(text, gbp, "rate");
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().field == "rate");
        CHECK(parsed.error().code == ErrorCode::InvalidArgument);
    }
    CHECK(parse_money("12.505", gbp).error().message == "amount has more than 2 decimals (a fraction of the smallest coin)");
    CHECK(parse_money("12.5", jpy).error().message == "amount must be a whole number of JPY");
    CHECK(parse_money("-5", gbp).error().message == "amount must not be negative");
}

TEST_CASE("amounts are written with the currency's decimals, for machines and for people")
{
    CHECK(format_amount({ 1250, "GBP" }, gbp) == "12.50");
    CHECK(format_amount({ 5, "GBP" }, gbp) == "0.05");
    CHECK(format_amount({ -5, "GBP" }, gbp) == "-0.05");
    CHECK(format_amount({ 1200, "JPY" }, jpy) == "1200");
    CHECK(format_amount({ 1234, "KWD" }, kwd) == "1.234");
    CHECK(format_amount({ std::numeric_limits<std::int64_t>::min(), "GBP" }, gbp) == "-92233720368547758.08");
    CHECK(format_money({ 1250, "GBP" }, gbp) == "\xC2\xA3" "12.50");
    CHECK(format_money({ -500, "GBP" }, gbp) == "-\xC2\xA3" "5.00");
    CHECK(format_money({ 1200, "JPY" }, jpy) == "\xC2\xA5" "1200");
    CHECK(format_money({ 1234, "KWD" }, kwd) == "1.234 KWD");
    for (const char* text : { "0.00", "0.01", "12.50", "1000000.99" })
        CHECK(format_amount(parse_money(text, gbp).value(), gbp) == text);
}

TEST_CASE("sums keep to one currency and never overflow")
{
    CHECK(add({ 1250, "GBP" }, { 75, "GBP" }).value() == Money { 1325, "GBP" });
    CHECK(subtract({ 1250, "GBP" }, { 2000, "GBP" }).value() == Money { -750, "GBP" });
    CHECK(add({ 1, "GBP" }, { 1, "EUR" }).error().message == "Amounts in GBP and EUR cannot be added together");
    CHECK_FALSE(add({ std::numeric_limits<std::int64_t>::max(), "GBP" }, { 1, "GBP" }).ok());
    CHECK_FALSE(subtract({ std::numeric_limits<std::int64_t>::min(), "GBP" }, { 1, "GBP" }).ok());
}

TEST_CASE("scaling rounds half away from zero to a whole minor unit")
{
    CHECK(scale({ 3000, "GBP" }, 45, 60).value() == Money { 2250, "GBP" });
    CHECK(scale({ 3333, "GBP" }, 50, 100).value() == Money { 1667, "GBP" });    // 16.665 -> 16.67
    CHECK(scale({ -3333, "GBP" }, 50, 100).value() == Money { -1667, "GBP" });  // the credit matches the charge
    CHECK(scale({ 1000, "GBP" }, 1, 3).value() == Money { 333, "GBP" });
    CHECK(scale({ 2000, "GBP" }, 1, 3).value() == Money { 667, "GBP" });
    CHECK(scale({ 1000, "GBP" }, -1, 4).value() == Money { -250, "GBP" });
    CHECK(scale({ 1000, "GBP" }, 1, -4).value() == Money { -250, "GBP" });
    // The product fits 128 bits even when it would not fit 64.
    CHECK(scale({ std::numeric_limits<std::int64_t>::max(), "GBP" }, 1000, 1000).value().minor
        == std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(scale({ std::numeric_limits<std::int64_t>::max(), "GBP" }, 2, 1).ok());
    CHECK_FALSE(scale({ 1, "GBP" }, 1, 0).ok());
}
