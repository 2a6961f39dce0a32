// A tutoring business's money in the portals. The office's administrators
// (only they: moderators never see an amount) keep the invoices — drafts
// made from logged sessions, issued, voided — record payments, and read each
// family's account. A parent reads their own family's invoices, what each
// billed, and what they owe or hold as credit.
#pragma once

#include "app.hpp"
#include "tutoring/packages_panel.hpp"
#include "tutoring/rates_panel.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct MoneyTabState {
    Remote invoices;              // GET /api/tutoring/invoices (newest first)
    Remote balances;              // GET /api/tutoring/balances
    Remote detail;                // GET /api/tutoring/invoices/{picked}
    Remote revenue;               // GET /api/tutoring/revenue: the last twelve months (administrators)
    std::int64_t picked = 0;      // the invoice shown in full; 0: none
    int state_filter = 0;         // 0 every invoice, then draft, issued, paid, void
    int offset = 0;               // the page shown
    std::string loaded_filter;
    // New draft: the family and the local days it covers.
    int draft_family = -1;
    char draft_from[11] = "";
    char draft_to[11] = "";
    // A payment received.
    int payment_family = -1;
    char payment_amount[16] = "";
    int payment_method = 0;       // bank transfer, card, cash, other
    char payment_received[11] = "";
    PackagesState packages;       // prepaid hours
    RatesState rates;             // prices per hour (administrators)
    std::int64_t void_pending = 0;   // the invoice the void dialog asks about
    std::string void_number;
    Outcome action;
};

// `people`: the business's users (the office's family pickers); null for a parent.
void draw_money_tab(AppState& state, MoneyTabState& tab, const Remote* people);
[[nodiscard]] Json money_tab_summary(const MoneyTabState& tab);

} // namespace learnloop::client
