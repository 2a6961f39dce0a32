// A marketplace's orders in the portals. A learner's "Purchases": what they
// bought, each order's receipt, and, back from paying at the provider's
// checkout, the order waiting for the provider's word (asked again every two
// seconds for a while) until it is paid and the course is theirs. The
// office's "Orders" (and an instructor's "Sales" of their own courses): every
// order with its exact split, filtered by state, a page at a time; the
// office refunds part or all of one, seeing beforehand how the refund divides
// (shared-domain marketplace/orders, the same rule the server applies).
#pragma once

#include "app.hpp"
#include "ui/paged_list.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct OrdersTabState {
    int status_filter = 0;          // 0: every order; then pending, paid, partly refunded, refunded, cancelled, expired
    ui::PagedList list;             // GET /api/marketplace/orders, newest first
    std::int64_t picked = 0;        // the order shown in full; 0: none
    Remote order;                   // GET /api/marketplace/orders/{picked}
    double asked_ms = 0;            // when a waiting order was last asked again
    int asks = 0;                   // and how often
    char refund_amount[24] = "";    // empty: all that is left
    char refund_reason[501] = "";
    Outcome refund;
    std::string refund_key;         // names the refund being asked for; a new one after each made
};

void draw_orders_tab(AppState& state, OrdersTabState& tab);
[[nodiscard]] Json orders_tab_summary(const OrdersTabState& tab);
[[nodiscard]] ui::TabPlace orders_tab_place(const OrdersTabState& tab);
bool open_orders_tab(AppState& state, OrdersTabState& tab, const ui::Route& route);

} // namespace learnloop::client
