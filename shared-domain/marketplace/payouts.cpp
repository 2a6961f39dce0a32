// Earnings and payouts (payouts.hpp).
#include "marketplace/payouts.hpp"

#include "core/calendar.hpp"

#include <cstdio>
#include <map>

namespace learnloop {

namespace {

Earnings& in(std::map<std::string, Earnings>& by_currency, const std::string& currency)
{
    auto [it, added] = by_currency.try_emplace(currency);
    if (added) {
        Money zero { 0, currency };
        it->second = { currency, zero, zero, zero, zero, zero, zero };
    }
    return it->second;
}

bool cleared(const EarningLine& line, std::int64_t now, std::int64_t hold_seconds)
{
    return line.paid_at <= now - hold_seconds;
}

std::int64_t net(const EarningLine& line)
{
    return line.share.minor - line.refunded.minor;
}

} // namespace

std::vector<Earnings> summarize_earnings(const std::vector<EarningLine>& lines,
    const std::vector<PayoutLine>& payouts, std::int64_t now, std::int64_t hold_seconds)
{
    std::map<std::string, Earnings> by_currency;
    for (const auto& line : lines) {
        auto& e = in(by_currency, line.share.currency);
        e.earned.minor += line.share.minor;
        e.refunded.minor += line.refunded.minor;
        (cleared(line, now, hold_seconds) ? e.available : e.pending).minor += net(line);
    }
    for (const auto& payout : payouts) {
        auto& e = in(by_currency, payout.amount.currency);
        (payout.paid ? e.paid : e.due).minor += payout.amount.minor;
        e.available.minor -= payout.amount.minor;
    }
    std::vector<Earnings> out;
    for (auto& [currency, earnings] : by_currency)
        out.push_back(std::move(earnings));
    return out;
}

std::string month_for_people(std::string_view month)
{
    auto day = parse_local_datetime(std::string(month) + "-01T00:00:00", "month");
    if (month.size() != 7 || !day.ok())
        return std::string(month);
    return std::string(month_short_name(day.value().month)) + " " + std::to_string(day.value().year);
}

std::string month_before(std::string_view month)
{
    auto day = parse_local_datetime(std::string(month) + "-01T00:00:00", "month");
    if (month.size() != 7 || !day.ok())
        return {};
    int year = day.value().year;
    int number = day.value().month - 1;
    if (number == 0) {
        number = 12;
        --year;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d", year, number);
    return text;
}

Result<std::string> check_payout_month(std::string_view month, std::string_view this_month)
{
    auto day = parse_local_datetime(std::string(month) + "-01T00:00:00", "month");
    if (month.size() != 7 || !day.ok())
        return make_error(ErrorCode::InvalidArgument, "A month is written YYYY-MM, such as 2026-11", "month");
    if (month >= this_month)
        return make_error(ErrorCode::InvalidArgument, "Payouts are made for months that are over", "month");
    return std::string(month);
}

std::vector<Money> plan_payouts(const std::vector<EarningLine>& lines, const std::vector<PayoutLine>& payouts,
    std::string_view month, std::int64_t now, std::int64_t hold_seconds, std::int64_t threshold_minor)
{
    std::map<std::string, std::int64_t> owed;
    for (const auto& line : lines)
        if (line.month <= month && cleared(line, now, hold_seconds))
            owed[line.share.currency] += net(line);
    for (const auto& payout : payouts)
        owed[payout.amount.currency] -= payout.amount.minor;
    std::vector<Money> out;
    for (const auto& [currency, minor] : owed)
        if (minor > 0 && minor >= threshold_minor)
            out.push_back({ minor, currency });
    return out;
}

} // namespace learnloop
