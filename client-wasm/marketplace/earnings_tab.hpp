// Money for instructors and the office of a marketplace. An instructor's
// "Earnings": in each currency what they earned, what refunds took back, what
// is still held (the refund window), available, due and paid; the last months
// as a chart and a table; their payouts; and a month's statement as CSV. The
// office's "Payouts": make last month's payouts (after a confirmation), see
// them due and paid, and mark one sent with the transfer's reference.
#pragma once

#include "app.hpp"
#include "ui/paged_list.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct EarningsTabState {
    Remote earnings;                // GET /api/marketplace/earnings
    int statement_month = 0;        // index into the earnings' months
    Outcome download;
};

struct PayoutsTabState {
    int status_filter = 0;          // 0 every payout, 1 due, 2 paid
    ui::PagedList payouts { 24 };   // GET /api/marketplace/payouts, 24 (two years of a monthly payout) a page
    Outcome run;                    // POST /api/marketplace/payouts
    std::int64_t marking = 0;       // the payout whose reference is being typed
    std::string marking_text;       // "£60.00 to Amara Okafor for Nov 2026"
    char reference[101] = "";
    Outcome mark;
};

void draw_earnings_tab(AppState& state, EarningsTabState& tab);
[[nodiscard]] Json earnings_tab_summary(const EarningsTabState& tab);
void draw_payouts_tab(AppState& state, PayoutsTabState& tab);
[[nodiscard]] Json payouts_tab_summary(const PayoutsTabState& tab);

} // namespace learnloop::client
