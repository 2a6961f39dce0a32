// Money in whole minor units (see money.hpp).
#include "finance/money.hpp"

#include <array>
#include <limits>

namespace learnloop {

namespace {

struct KnownCurrency {
    const char* code;
    int exponent;
    const char* symbol;   // written before the amount; empty: the code after it
};

// ISO 4217 exponents of the currencies tutoring businesses and academies
// bill in; the rest of the list can be added as customers need it.
constexpr std::array<KnownCurrency, 16> k_currencies { {
    { "AUD", 2, "A$" }, { "BHD", 3, "" }, { "CAD", 2, "C$" }, { "CHF", 2, "" }, { "CNY", 2, "CN\xC2\xA5" },
    { "EUR", 2, "\xE2\x82\xAC" }, { "GBP", 2, "\xC2\xA3" }, { "INR", 2, "\xE2\x82\xB9" }, { "JPY", 0, "\xC2\xA5" },
    { "KWD", 3, "" }, { "NZD", 2, "NZ$" }, { "PLN", 2, "" }, { "SEK", 2, "" }, { "UAH", 2, "" }, { "USD", 2, "$" },
    { "ZAR", 2, "" },
} };

const KnownCurrency* known(std::string_view code)
{
    for (const auto& c : k_currencies)
        if (code == c.code)
            return &c;
    return nullptr;
}

std::int64_t power_of_ten(int exponent)
{
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

Result<Money> checked(__int128 value, const std::string& currency)
{
    if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min())
        return make_error(ErrorCode::InvalidArgument, "The amount is too large");
    return Money { static_cast<std::int64_t>(value), currency };
}

Result<void> same_currency(const Money& a, const Money& b)
{
    if (a.currency != b.currency)
        return make_error(ErrorCode::InvalidArgument,
            "Amounts in " + a.currency + " and " + b.currency + " cannot be added together");
    return {};
}

} // namespace

Result<Currency> find_currency(std::string_view code)
{
    if (const auto* c = known(code))
        return Currency { c->code, c->exponent };
    return make_error(ErrorCode::InvalidArgument, "currency " + std::string(code.substr(0, 8)) + " is not one Learnloop bills in",
        "currency");
}

Result<Money> parse_money(std::string_view text, const Currency& currency, std::string_view field, bool allow_negative)
{
    const std::string name(field);
    auto invalid = [&](const std::string& why) { return make_error(ErrorCode::InvalidArgument, name + " " + why, name); };
    bool negative = !text.empty() && text.front() == '-';
    if (negative) {
        if (!allow_negative)
            return invalid("must not be negative");
        text.remove_prefix(1);
    }
    auto point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view {} : text.substr(point + 1);
    auto digits = [](std::string_view part) {
        return part.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (whole.empty() || !digits(whole) || !digits(fraction) || (point != std::string_view::npos && fraction.empty()))
        return invalid("must be an amount such as 12.50");
    if (static_cast<int>(fraction.size()) > currency.exponent)
        return invalid(currency.exponent == 0
                ? "must be a whole number of " + currency.code
                : "has more than " + std::to_string(currency.exponent) + " decimals (a fraction of the smallest coin)");
    if (whole.size() > 18)
        return invalid("is too large");
    __int128 value = 0;
    for (char c : whole)
        value = value * 10 + (c - '0');
    for (int i = 0; i < currency.exponent; ++i)
        value = value * 10 + (i < static_cast<int>(fraction.size()) ? fraction[i] - '0' : 0);
    if (negative)
        value = -value;
    auto money = checked(value, currency.code);
    if (!money.ok())
        return invalid("is too large");
    return money;
}

std::string format_amount(const Money& money, const Currency& currency)
{
    // Unsigned arithmetic: the most negative bigint has no positive twin.
    const bool negative = money.minor < 0;
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(money.minor)
                                            : static_cast<unsigned long long>(money.minor);
    const auto unit = static_cast<unsigned long long>(power_of_ten(currency.exponent));
    std::string text = std::to_string(magnitude / unit);
    if (currency.exponent > 0) {
        std::string fraction = std::to_string(magnitude % unit);
        text += "." + std::string(static_cast<std::size_t>(currency.exponent) - fraction.size(), '0') + fraction;
    }
    return negative ? "-" + text : text;
}

std::string format_money(const Money& money, const Currency& currency)
{
    const auto* c = known(currency.code);
    std::string amount = format_amount(money, currency);
    if (!c || !*c->symbol)
        return amount + " " + currency.code;
    if (money.minor < 0)
        return "-" + std::string(c->symbol) + amount.substr(1);
    return c->symbol + amount;
}

Result<Money> add(const Money& a, const Money& b)
{
    TRY(same_currency(a, b));
    return checked(static_cast<__int128>(a.minor) + b.minor, a.currency);
}

Result<Money> subtract(const Money& a, const Money& b)
{
    TRY(same_currency(a, b));
    return checked(static_cast<__int128>(a.minor) - b.minor, a.currency);
}

Result<Money> scale(const Money& amount, std::int64_t numerator, std::int64_t denominator)
{
    if (denominator == 0)
        return make_error(ErrorCode::InvalidArgument, "Cannot divide an amount by zero");
    __int128 product = static_cast<__int128>(amount.minor) * numerator;
    __int128 d = denominator;
    if (d < 0) {
        d = -d;
        product = -product;
    }
    // Half away from zero: 2.5p is 3p and -2.5p is -3p, so a credit and its
    // charge round to the same size.
    __int128 quotient = product / d, remainder = product % d;
    if (remainder * 2 >= d)
        ++quotient;
    else if (remainder * 2 <= -d)
        --quotient;
    return checked(quotient, amount.currency);
}

} // namespace learnloop
