// Money: whole minor units of one currency, never floating point. Amounts
// are read from and written as decimal text ("12.50") with the currency's
// own number of decimals (ISO 4217: GBP 2, JPY 0, KWD 3), and sums refuse
// to mix currencies or to overflow.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace learnloop {

struct Currency {
    std::string code;   // ISO 4217, three capital letters
    int exponent = 2;   // decimals of the minor unit

    bool operator==(const Currency&) const = default;
};

// The currencies Learnloop bills in (a tenant picks one): an unknown code
// is an error naming it.
//   find_currency("JPY") -> {"JPY", 0}
[[nodiscard]] Result<Currency> find_currency(std::string_view code);

struct Money {
    std::int64_t minor = 0;   // in the currency's minor unit (pence, cents, yen)
    std::string currency;     // ISO 4217 code

    bool operator==(const Money&) const = default;
};

// Parses decimal text in the currency's unit: "12.5" and "12.50" are 1250
// pence; "12.505" (a fraction of a penny), "1e3", "12,50", " 12", "" and
// amounts beyond what a bigint holds are errors on `field`. A leading '-'
// only with `allow_negative` (a credit note, a refund).
//   parse_money("12.50", gbp) -> {1250, "GBP"}
[[nodiscard]] Result<Money> parse_money(std::string_view text, const Currency& currency,
    std::string_view field = "amount", bool allow_negative = false);

// The amount as decimal text with the currency's decimals: {1250, GBP} -> "12.50".
[[nodiscard]] std::string format_amount(const Money& money, const Currency& currency);
// For people: "£12.50", "€3.00", "¥1200", "-£5.00"; other currencies "12.50 CHF".
[[nodiscard]] std::string format_money(const Money& money, const Currency& currency);

// a + b and a - b, refused for different currencies and on overflow.
[[nodiscard]] Result<Money> add(const Money& a, const Money& b);
[[nodiscard]] Result<Money> subtract(const Money& a, const Money& b);

// `amount` × numerator / denominator, rounded half away from zero to a whole
// minor unit (a rate per hour × minutes / 60; a share × percent / 100).
// Works in 128 bits, so no product overflows before the division; a result
// beyond 64 bits, or a denominator of 0, is an error.
//   scale({3000, GBP}, 45, 60) -> {2250, GBP}
[[nodiscard]] Result<Money> scale(const Money& amount, std::int64_t numerator, std::int64_t denominator);

} // namespace learnloop
