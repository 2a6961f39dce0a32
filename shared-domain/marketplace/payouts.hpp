// An instructor's earnings and the marketplace's monthly payouts.
//
// Each paid order earns its instructor their share of its split
// (marketplace/orders); refunds give back part of it. An order's share is
// held for a number of days after payment (the refund window): until then it
// is pending, after it is cleared. What is cleared and not yet in a payout is
// available. Once a month the office pays each instructor, in each currency,
// what had cleared from orders paid up to the end of the month before, when
// that comes to at least the marketplace's threshold (otherwise it carries
// over). A refund after a payout leaves less (even less than nothing)
// available: the next payout is smaller by it.
//   Held 14 days, threshold £50: £60 cleared in November -> a £60 payout for
//   November; £30 more in December stays available until January's run.
#pragma once

#include "core/result.hpp"
#include "finance/money.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// One paid order of an instructor's.
struct EarningLine {
    std::int64_t order_id = 0;
    std::string month;          // "YYYY-MM": when it was paid, on the marketplace's clock
    std::int64_t paid_at = 0;   // Unix seconds
    Money share;                // the instructor's share of its split
    Money refunded;             // of that share, given back by refunds
};

// A payout made (due: the office has still to send it; else paid).
struct PayoutLine {
    std::string month;
    Money amount;
    bool paid = false;
};

// An instructor's money in one currency.
struct Earnings {
    std::string currency;
    Money earned;      // every paid order's share, before refunds
    Money refunded;    // given back from the shares by refunds
    Money pending;     // still held: orders paid within the hold period (less their refunds)
    Money available;   // cleared and in no payout yet (below zero after a refund that came after a payout)
    Money due;         // in payouts made and not yet sent
    Money paid;        // sent

    bool operator==(const Earnings&) const = default;
};

// Each currency's earnings at `now`, currencies in alphabetical order.
// Lines and payouts in a currency none of the lines has are counted too.
[[nodiscard]] std::vector<Earnings> summarize_earnings(const std::vector<EarningLine>& lines,
    const std::vector<PayoutLine>& payouts, std::int64_t now, std::int64_t hold_seconds);

// "2026-11" for people: "Nov 2026" (text that is not a month, as it is).
[[nodiscard]] std::string month_for_people(std::string_view month);

// The month before "2026-01": "2025-12" (empty for text that is not a month):
// the latest month a run can pay, from the marketplace's current one.
[[nodiscard]] std::string month_before(std::string_view month);

// "2026-11" as a payout month: a real month, already over by `this_month`
// ("2026-12", the marketplace's current month). Error on field "month".
[[nodiscard]] Result<std::string> check_payout_month(std::string_view month, std::string_view this_month);

// What a payout run for `month`, made at `now`, owes in each currency: the
// shares (less refunds) of orders paid in or before `month` that have
// cleared by `now`, less every payout already made, where that is at least
// `threshold_minor`. Currencies with nothing to pay are left out.
[[nodiscard]] std::vector<Money> plan_payouts(const std::vector<EarningLine>& lines,
    const std::vector<PayoutLine>& payouts, std::string_view month, std::int64_t now, std::int64_t hold_seconds,
    std::int64_t threshold_minor);

} // namespace learnloop
