// A marketplace's orders: purchases, receipts, sales and refunds (orders_tab.hpp).
#include "marketplace/orders_tab.hpp"

#include "finance/money.hpp"
#include "marketplace/checkout.hpp"
#include "marketplace/orders.hpp"
#include "marketplace/reach.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/random.hpp"
#include "platform/location.hpp"
#include "ui/icons.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <iterator>

namespace learnloop::client {

namespace {

// A waiting order is asked again every two seconds for a minute: the
// provider's word usually comes before the learner is back.
constexpr double k_ask_every_ms = 2000;
constexpr int k_most_asks = 30;

const char* const k_status_keys[] = { "", "pending", "paid", "partly_refunded", "refunded", "cancelled", "expired" };
const char* const k_status_words[] = { "Every order", "Awaiting payment", "Paid", "Partly refunded", "Refunded",
    "Cancelled", "Expired" };

// The learner's own orders, or the office's and an instructor's view of many.
bool own_view(const AppState& state)
{
    return marketplace_reach(state.session.role, state.session.approval, Action::OrderRead) == MarketplaceReach::Learner;
}

std::string money_text(const Json& money)
{
    return text_field(money, "text");
}

Money money_of(const Json& money, const std::string& currency)
{
    return { money.value("minor", std::int64_t(0)), currency };
}

OrderSplit split_of(const Json& split, const std::string& currency)
{
    return { money_of(field_of(split, "gross"), currency), money_of(field_of(split, "processing_fee"), currency),
        money_of(field_of(split, "platform_fee"), currency), money_of(field_of(split, "instructor_share"), currency) };
}

// An order's state as a chip: a shape and a word, never colour alone.
void status_chip(const Json& order)
{
    const auto status = parse_order_status(text_field(order, "status"));
    const auto word = text_field(order, "status_label");
    switch (status.ok() ? status.value() : OrderStatus::Pending) {
    case OrderStatus::Paid: ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint); break;
    case OrderStatus::PartlyRefunded: ui::chip(ICON_HALF, word.c_str(), ui::k_info, ui::k_info_tint); break;
    case OrderStatus::Refunded: ui::chip(ICON_UNDO, word.c_str(), ui::k_muted, ui::k_muted_tint); break;
    case OrderStatus::Cancelled: ui::chip(ICON_BAN, word.c_str(), ui::k_muted, ui::k_muted_tint); break;
    case OrderStatus::Expired: ui::chip(ICON_MINUS, word.c_str(), ui::k_muted, ui::k_muted_tint); break;
    case OrderStatus::Pending: ui::chip(ICON_HOURGLASS, word.c_str(), ui::k_warning, ui::k_warning_tint); break;
    }
}

std::string list_path(const OrdersTabState& tab)
{
    std::string path = "/api/marketplace/orders";
    if (tab.status_filter > 0)
        path += std::string("?status=") + k_status_keys[tab.status_filter];
    return path;
}

void pick(AppState& state, OrdersTabState& tab, std::int64_t id)
{
    tab.picked = id;
    tab.asks = 0;
    tab.asked_ms = monotonic_ms();
    tab.refund = {};
    tab.refund_amount[0] = '\0';
    tab.refund_reason[0] = '\0';
    tab.refund_key = new_client_id('r');
    forget(tab.order);
    if (id)
        api_load(state, tab.order, "/api/marketplace/orders/" + std::to_string(id));
}

// [SECTION] the list -------------------------------------------------------------------

void draw_filter(AppState& state, OrdersTabState& tab)
{
    if (ui::list_filter("##order_status", k_status_words, static_cast<int>(std::size(k_status_words)),
            tab.status_filter))
        tab.list.offset = 0;
}

void draw_list(AppState& state, OrdersTabState& tab, bool own)
{
    const bool filtered = tab.status_filter != 0;
    const auto path = list_path(tab);
    if (!ui::paged_list_begin(state, tab.list, path, "orders",
            own ? "No purchases yet" : filtered ? "No orders in this state" : "No orders yet",
            own ? "Courses you buy in the Catalog appear here with their receipts."
                : filtered ? "Choose \"Every order\" to see the others." : "Orders appear here as learners buy courses."))
        return;
    const int columns = own ? 4 : 5;
    if (ui::begin_table("orders", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        // The course's name takes what the fixed columns leave.
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Course", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        if (!own)
            ImGui::TableSetupColumn("Learner", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, em * 6.5f);
        ImGui::TableSetupColumn("Amount", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
        ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, em * 8.5f);
        ui::table_headers_row();
        for (const auto& order : tab.list.remote.data) {
            const auto id = id_field(order, "id");
            ui::table_next_row();
            ui::table_next_column();
            const auto label = text_field(order, "course_title") + "##order" + std::to_string(id);
            if (ui::selectable(label.c_str(), tab.picked == id))
                pick(state, tab, tab.picked == id ? 0 : id);
            if (!own) {
                ui::table_next_column();
                ui::text_unformatted(text_field(order, "learner_name").c_str());
            }
            ui::table_next_column();
            ui::text_unformatted(ui::date_for_people(state, text_field(order, "created_at")).c_str());
            ui::table_next_column();
            ui::text_unformatted(money_text(field_of(order, "amount")).c_str());
            ui::table_next_column();
            status_chip(order);
        }
        ui::end_table();
    }
    ui::paged_list_end(state, tab.list, path, "orders");
}

// [SECTION] one order ------------------------------------------------------------------

// How an order's money divided, and what refunds gave back of each part.
void draw_split(const Json& order)
{
    const Json& split = field_of(order, "split");
    if (!split.is_object())
        return;
    const Json& back = field_of(order, "refunded_split");
    const bool refunded = field_of(back, "gross").value("minor", std::int64_t(0)) > 0;
    if (ui::begin_table("order_split", refunded ? 3 : 2, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Part");
        ImGui::TableSetupColumn("Amount");
        if (refunded)
            ImGui::TableSetupColumn("Refunded");
        ui::table_headers_row();
        const std::pair<const char*, const char*> parts[] = { { "Paid by the learner", "gross" },
            { "Payment processing", "processing_fee" }, { "Platform fee", "platform_fee" },
            { "Instructor's share", "instructor_share" } };
        for (const auto& [word, key] : parts) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(word);
            ui::table_next_column();
            ui::text_unformatted(money_text(field_of(split, key)).c_str());
            if (refunded) {
                ui::table_next_column();
                ui::text_unformatted(money_text(field_of(back, key)).c_str());
            }
        }
        ui::end_table();
    }
}

void draw_refunds(AppState& state, const Json& order)
{
    const Json& refunds = field_of(order, "refunds");
    if (!refunds.is_array() || refunds.empty())
        return;
    ui::heading("Refunds", 4);
    for (const auto& refund : refunds) {
        std::string line = money_text(field_of(refund, "amount")) + " on "
            + ui::time_for_people(state, text_field(refund, "created_at"));
        if (const auto by = text_field(refund, "refunded_by"); !by.empty())
            line += " by " + by;
        if (const auto reason = text_field(refund, "reason"); !reason.empty())
            line += ": " + reason;
        ui::bullet_text("%s", line.c_str());
    }
}

// The office's refund: an amount (empty: all that is left) and a reason,
// checked and divided with the shared rule as it is typed, then confirmed.
void draw_refund_form(AppState& state, OrdersTabState& tab, const Json& order)
{
    const auto status = parse_order_status(text_field(order, "status"));
    if (!status.ok() || !order_grants_access(status.value()) || !ui::can(state, Action::OrderRefund))
        return;
    // A coupon took the whole price off: nothing was paid, so nothing goes back.
    if (field_of(order, "amount").value("minor", std::int64_t(0)) == 0)
        return;
    const auto currency = text_field(order, "currency");
    ui::heading("Refund", 4);
    const auto found = find_currency(currency);
    const auto split = split_of(field_of(order, "split"), currency);
    const auto before = split_of(field_of(order, "refunded_split"), currency);
    const Money left { split.gross.minor - before.gross.minor, split.gross.currency };
    const auto left_text = found.ok() ? format_money(left, found.value()) : std::to_string(left.minor);
    ui::note(("Up to " + left_text + " can still be refunded. Leave the amount empty to refund all of it; a full "
                 "refund takes the course away from the learner.")
                 .c_str());
    ui::labelled_input(state, "Amount", left_text.c_str(), tab.refund_amount, sizeof tab.refund_amount,
        "orders.refund.amount", 8);
    ui::labelled_input(state, "Reason", "Why (the learner does not see this)", tab.refund_reason,
        sizeof tab.refund_reason, "orders.refund.reason", 20);

    // The refund as the server will divide it, or what is wrong with the amount.
    Money amount = left;
    std::string problem;
    if (tab.refund_amount[0] != '\0' && found.ok()) {
        auto typed = parse_money(tab.refund_amount, found.value(), "amount");
        if (typed.ok())
            amount = typed.value();
        else
            problem = "Type an amount such as " + format_amount({ 1000, currency }, found.value());
    }
    std::string preview;
    if (problem.empty() && found.ok()) {
        auto parts = split_refund(split, before, amount);
        if (!parts.ok())
            problem = amount.minor <= 0 ? "A refund is more than nothing" : "That is more than is left to refund";
        else
            preview = "Gives back " + format_money(parts.value().instructor_share, found.value()) + " of the instructor's share, "
                + format_money(parts.value().platform_fee, found.value()) + " of the platform fee and "
                + format_money(parts.value().processing_fee, found.value()) + " of processing.";
    }
    if (!problem.empty())
        ui::alert_text(ui::k_error, "%s", problem.c_str());
    else if (!preview.empty())
        ui::note(preview.c_str());

    const auto amount_text = found.ok() ? format_money(amount, found.value()) : std::string();
    ImGui::BeginDisabled(!problem.empty() || tab.refund.phase == Phase::Loading);
    if (ui::button(state, ("Refund " + amount_text + "...").c_str(), "orders.refund"))
        ui::open_confirm("Refund this order?");
    ImGui::EndDisabled();
    const bool full = amount.minor >= left.minor;
    const auto question = "Refund " + amount_text + " to " + text_field(order, "learner_name") + " for "
        + text_field(order, "course_title") + "?"
        + (full ? " This is all that is left: they will no longer have the course." : "");
    if (ui::confirm_dialog(state, "Refund this order?", question, "Refund")) {
        Json body = Json::object();
        if (tab.refund_amount[0] != '\0')
            body["amount"] = tab.refund_amount;
        if (tab.refund_reason[0] != '\0')
            body["reason"] = tab.refund_reason;
        tab.refund = { Phase::Loading, {}, false };
        const auto id = tab.picked;
        // Sent again after a lost answer, the same key finds the refund made instead of making another.
        api_call_once(state, "POST", "/api/marketplace/orders/" + std::to_string(id) + "/refunds", body,
            tab.refund_key, [&tab, id](AppState& s, const ApiAnswer& answer) {
                tab.refund = outcome_of(answer, text_field(answer.body, "message"));
                if (!answer.ok() || tab.picked != id)
                    return;
                tab.order.data = answer.body;
                tab.refund_amount[0] = '\0';
                tab.refund_reason[0] = '\0';
                tab.refund_key = new_client_id('r');
                ui::reload_page(s, tab.list, list_path(tab));
            });
    }
    ui::action_status(tab.refund);
}

void draw_order(AppState& state, OrdersTabState& tab, bool own)
{
    if (ui::remote_status(state, tab.order, "orders.order.retry"))
        pick(state, tab, tab.picked);
    const Json& order = tab.order.data;
    if (!order.is_object())
        return;
    ui::heading(text_field(order, "course_title").c_str(), 3);
    status_chip(order);
    ImGui::SameLine();
    ui::text_colored(ui::k_muted, "Order %lld \xC2\xB7 %s", static_cast<long long>(id_field(order, "id")),
        ui::time_for_people(state, text_field(order, "created_at")).c_str());
    if (!own)
        ui::text("Learner: %s", text_field(order, "learner_name").c_str());

    const auto status = parse_order_status(text_field(order, "status"));
    const auto now = status.ok() ? status.value() : OrderStatus::Pending;
    if (now == OrderStatus::Pending) {
        // Back from the checkout before the provider's word arrived: ask again.
        if (tab.asks < k_most_asks) {
            ui::alert_text(ui::k_info, "Waiting for the payment to be confirmed...");
            if (tab.order.phase == Phase::Done && monotonic_ms() - tab.asked_ms > k_ask_every_ms) {
                tab.asked_ms = monotonic_ms();
                ++tab.asks;
                api_load(state, tab.order, "/api/marketplace/orders/" + std::to_string(tab.picked));
            }
        } else {
            ui::note("This order is still waiting for payment. If you paid, it may take a few minutes; otherwise "
                     "you can pay now.");
        }
        if (own && !text_field(order, "checkout_url").empty()
            && ui::primary_button(state, ("Pay " + money_text(field_of(order, "amount"))).c_str(), "orders.pay"))
            leave_for(text_field(order, "checkout_url"));
    } else if (now == OrderStatus::Cancelled) {
        ui::note(own ? "You cancelled this payment: nothing was charged. You can buy the course again from the Catalog."
                     : "The learner cancelled at the checkout: nothing was charged.");
    } else if (now == OrderStatus::Expired) {
        ui::note("The checkout ran out before it was paid: nothing was charged.");
    } else if (own && bool_field(order, "has_access")) {
        ui::text_colored(ui::k_ok, ICON_CHECK " Paid: the course is yours. Find it under My learning.");
    }

    ui::heading("Receipt", 4);
    ui::text("Amount: %s", money_text(field_of(order, "amount")).c_str());
    if (const auto coupon = text_field(order, "coupon"); !coupon.empty())
        ui::text("Coupon %s: %s off", coupon.c_str(), money_text(field_of(order, "discount")).c_str());
    if (const auto paid = text_field(order, "paid_at"); !paid.empty())
        ui::text("Paid: %s", ui::time_for_people(state, paid).c_str());
    if (field_of(order, "refunded").value("minor", std::int64_t(0)) > 0)
        ui::text("Refunded: %s", money_text(field_of(order, "refunded")).c_str());
    draw_split(order);
    draw_refunds(state, order);
    draw_refund_form(state, tab, order);
}

} // namespace

void draw_orders_tab(AppState& state, OrdersTabState& tab)
{
    const bool own = own_view(state);
    ui::keep_page(state, tab.list, list_path(tab));   // also while a phone shows one order
    ui::heading(own ? "Purchases" : ui::can(state, Action::OrderRefund) ? "Orders" : "Sales", 2);
    if (!own)
        draw_filter(state, tab);
    if (ui::list_detail(state, "orders_split", tab.picked != 0, 0.5f, [&] { draw_list(state, tab, own); },
            [&] { draw_order(state, tab, own); }))
        pick(state, tab, 0);
}

Json orders_tab_summary(const OrdersTabState& tab)
{
    Json orders = Json::array();
    if (tab.list.remote.data.is_array())
        for (const auto& order : tab.list.remote.data)
            orders.push_back({ { "course", text_field(order, "course_title") }, { "status", text_field(order, "status") },
                { "amount", text_field(field_of(order, "amount"), "text") } });
    Json summary { { "orders", orders }, { "order_picked", tab.picked } };
    if (tab.order.data.is_object())
        summary["order"] = { { "status", text_field(tab.order.data, "status") },
            { "refunded", text_field(field_of(tab.order.data, "refunded"), "text") },
            { "has_access", bool_field(tab.order.data, "has_access") },
            { "coupon", text_field(tab.order.data, "coupon") } };
    summary["refund_message"] = tab.refund.message;
    return summary;
}

// An order's address: "#/learn/orders/17" (where the checkout sends the learner back).
ui::TabPlace orders_tab_place(const OrdersTabState& tab)
{
    if (tab.picked == 0)
        return {};
    return { tab.picked, "", 0, tab.order.data.is_object() ? text_field(tab.order.data, "course_title") : std::string() };
}

bool open_orders_tab(AppState& state, OrdersTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id != tab.picked)
        pick(state, tab, route.id);
    return true;
}

} // namespace learnloop::client
