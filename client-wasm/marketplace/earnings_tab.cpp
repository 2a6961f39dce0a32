// Instructors' earnings and the office's payouts (earnings_tab.hpp).
#include "marketplace/earnings_tab.hpp"

#include "marketplace/payouts.hpp"
#include "net/api.hpp"
#include "ui/charts.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <iterator>

namespace learnloop::client {

namespace {

const char* const k_payout_keys[] = { "", "due", "paid" };
const char* const k_payout_words[] = { "Every payout", "Due", "Paid" };

std::string money_text(const Json& money) { return text_field(money, "text"); }

void payout_chip(const Json& payout)
{
    const auto word = text_field(payout, "status_label");
    if (text_field(payout, "status") == "paid")
        ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint);
    else
        ui::chip(ICON_HOURGLASS, word.c_str(), ui::k_warning, ui::k_warning_tint);
}

// [SECTION] an instructor's earnings -------------------------------------------------

// One currency's money as a row of figures, each with what it means.
void draw_currency(const Json& money)
{
    const std::pair<const char*, const char*> figures[] = { { "Available", "available" }, { "Held", "pending" },
        { "Due to you", "due" }, { "Paid to you", "paid" }, { "Refunded", "refunded" } };
    if (ui::begin_table(("money_" + text_field(money, "currency")).c_str(), 5, ImGuiTableFlags_BordersInnerV)) {
        for (const auto& [word, key] : figures)
            ImGui::TableSetupColumn(word);
        ui::table_headers_row();
        ui::table_next_row();
        for (const auto& [word, key] : figures) {
            ui::table_next_column();
            ui::text_unformatted(money_text(field_of(money, key)).c_str());
        }
        ui::end_table();
    }
}

void draw_months(AppState& state, const Json& months)
{
    if (!months.is_array() || months.empty())
        return;
    ui::heading("By month", 3);
    // The chart: each month's share in the first currency it has, oldest first.
    std::vector<ui::Bar> bars;
    std::string currency;
    for (auto it = months.rbegin(); it != months.rend(); ++it) {
        const Json& money = field_of(*it, "money");
        if (!money.is_array() || money.empty())
            continue;
        if (currency.empty())
            currency = text_field(money[0], "currency");
        for (const auto& m : money)
            if (text_field(m, "currency") == currency)
                bars.push_back({ text_field(*it, "month_label").substr(0, 3),
                    static_cast<double>(field_of(m, "share").value("minor", std::int64_t(0))),
                    money_text(field_of(m, "share")) });
    }
    if (!bars.empty())
        ui::bar_chart(state, "earnings.months_chart", bars, "Your share by month, in " + currency, 560.0f, 150.0f);
    if (ui::begin_table("earning_months", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Month");
        ImGui::TableSetupColumn("Orders");
        ImGui::TableSetupColumn("Sales");
        ImGui::TableSetupColumn("Your share");
        ImGui::TableSetupColumn("Refunded");
        ui::table_headers_row();
        for (const auto& month : months)
            for (const auto& m : field_of(month, "money")) {
                ui::table_next_row();
                ui::table_next_column();
                ui::text_unformatted(text_field(month, "month_label").c_str());
                ui::table_next_column();
                ui::text("%d", int_field(month, "orders"));
                ui::table_next_column();
                ui::text_unformatted(money_text(field_of(m, "sales")).c_str());
                ui::table_next_column();
                ui::text_unformatted(money_text(field_of(m, "share")).c_str());
                ui::table_next_column();
                ui::text_unformatted(money_text(field_of(m, "refunded")).c_str());
            }
        ui::end_table();
    }
}

void draw_statement(AppState& state, EarningsTabState& tab, const Json& months)
{
    if (!months.is_array() || months.empty())
        return;
    ui::heading("Statement", 3);
    tab.statement_month = std::clamp(tab.statement_month, 0, static_cast<int>(months.size()) - 1);
    const auto label = text_field(months[tab.statement_month], "month_label");
    ui::text_unformatted("Month");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ui::begin_combo("##statement_month", label.c_str())) {
        for (int i = 0; i < static_cast<int>(months.size()); ++i)
            if (ui::selectable(text_field(months[i], "month_label").c_str(), tab.statement_month == i))
                tab.statement_month = i;
        ui::end_combo();
    }
    ImGui::SameLine();
    const auto month = text_field(months[tab.statement_month], "month");
    if (ui::button(state, ICON_DOWNLOAD " Download statement (CSV)", "earnings.statement")) {
        tab.download = { Phase::Loading, {}, false };
        api_download(state, "/api/marketplace/earnings/statement?month=" + month, "earnings-" + month + ".csv",
            [&tab, label](AppState&, const ApiAnswer& answer) {
                tab.download = outcome_of(answer, "Statement for " + label + " downloaded");
            });
    }
    ui::action_status(tab.download);
}

void draw_payout_rows(const Json& payouts, bool with_instructor, AppState* state, PayoutsTabState* office)
{
    const int columns = with_instructor ? 6 : 4;
    if (ui::begin_table("payouts", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        if (with_instructor)
            ImGui::TableSetupColumn("Instructor", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Month");
        ImGui::TableSetupColumn("Amount");
        ImGui::TableSetupColumn("State");
        ImGui::TableSetupColumn("Reference");
        if (with_instructor)
            ImGui::TableSetupColumn("Actions");
        ui::table_headers_row();
        for (const auto& payout : payouts) {
            ui::table_next_row();
            if (with_instructor) {
                ui::table_next_column();
                ui::text_unformatted(text_field(payout, "instructor_name").c_str());
            }
            ui::table_next_column();
            ui::text_unformatted(text_field(payout, "month_label").c_str());
            ui::table_next_column();
            ui::text_unformatted(money_text(field_of(payout, "amount")).c_str());
            ui::table_next_column();
            payout_chip(payout);
            ui::table_next_column();
            ui::text_unformatted(text_field(payout, "reference").c_str());
            if (with_instructor) {
                ui::table_next_column();
                const auto id = id_field(payout, "id");
                if (office && state && text_field(payout, "status") == "due"
                    && ui::button(*state, ("Mark paid##" + std::to_string(id)).c_str(),
                        "payouts.mark." + std::to_string(id))) {
                    office->marking = id;
                    office->marking_text = money_text(field_of(payout, "amount")) + " to "
                        + text_field(payout, "instructor_name") + " for " + text_field(payout, "month_label");
                    office->reference[0] = '\0';
                    office->mark = {};
                }
            }
        }
        ui::end_table();
    }
}

// [SECTION] the office's payouts ------------------------------------------------------

std::string payouts_path(const PayoutsTabState& tab)
{
    std::string path = "/api/marketplace/payouts";
    if (tab.status_filter > 0)
        path += std::string("?status=") + k_payout_keys[tab.status_filter];
    return path;
}


void draw_marking(AppState& state, PayoutsTabState& tab)
{
    if (tab.marking == 0)
        return;
    ui::heading("Mark a payout sent", 3);
    ui::note(("Once the transfer of " + tab.marking_text + " has gone, give its reference as your bank shows it.").c_str());
    ui::labelled_input(state, "Transfer reference", "BACS 2026-12 #41", tab.reference, sizeof tab.reference,
        "payouts.reference", 14);
    ImGui::BeginDisabled(tab.reference[0] == '\0' || tab.mark.phase == Phase::Loading);
    if (ui::primary_button(state, "Mark as paid", "payouts.mark_paid")) {
        tab.mark = { Phase::Loading, {}, false };
        const auto id = tab.marking;
        api_call(state, "PUT", "/api/marketplace/payouts/" + std::to_string(id) + "/paid",
            { { "reference", tab.reference } }, [&tab](AppState& s, const ApiAnswer& answer) {
                tab.mark = outcome_of(answer, text_field(answer.body, "message"));
                if (!answer.ok())
                    return;
                tab.marking = 0;
                ui::reload_page(s, tab.payouts, payouts_path(tab));
            });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "payouts.mark_cancel")) {
        tab.marking = 0;
        tab.mark = {};
    }
}

} // namespace

void draw_earnings_tab(AppState& state, EarningsTabState& tab)
{
    if (tab.earnings.phase == Phase::Idle)
        api_load(state, tab.earnings, "/api/marketplace/earnings");
    ui::heading("Earnings", 2);
    if (ui::remote_status(state, tab.earnings, "earnings.retry"))
        api_load(state, tab.earnings, "/api/marketplace/earnings");
    const Json& e = tab.earnings.data;
    if (!e.is_object())
        return;
    ui::note(("Your share of each sale is held for " + std::to_string(int_field(e, "hold_days"))
                 + " days after the learner pays (while they may ask for a refund), then paid to you each month once "
                   "it comes to at least " + money_text(field_of(e, "threshold")) + "; less carries over.")
                 .c_str());
    const Json& currencies = field_of(e, "currencies");
    if (!currencies.is_array() || currencies.empty()) {
        ui::empty_state(state, "No sales yet", "When learners buy your courses, your share appears here.");
        return;
    }
    for (const auto& money : currencies) {
        if (currencies.size() > 1)
            ui::heading(text_field(money, "currency").c_str(), 4);
        draw_currency(money);
        if (field_of(money, "available").value("minor", std::int64_t(0)) < 0)
            ui::alert_text(ui::k_warning, "A refund came after a payout: the next payout is smaller by it.");
    }
    draw_months(state, field_of(e, "months"));
    ui::heading("Payouts", 3);
    const Json& payouts = field_of(e, "payouts");
    if (!payouts.is_array() || payouts.empty())
        ui::note("No payouts yet: the first comes at the start of a month once enough has cleared.");
    else
        draw_payout_rows(payouts, false, nullptr, nullptr);
    draw_statement(state, tab, field_of(e, "months"));
}

Json earnings_tab_summary(const EarningsTabState& tab)
{
    Json currencies = Json::array();
    const Json& e = tab.earnings.data;
    if (e.is_object() && field_of(e, "currencies").is_array())
        for (const auto& money : e["currencies"])
            currencies.push_back({ { "currency", text_field(money, "currency") },
                { "available", text_field(field_of(money, "available"), "text") },
                { "pending", text_field(field_of(money, "pending"), "text") },
                { "due", text_field(field_of(money, "due"), "text") },
                { "paid", text_field(field_of(money, "paid"), "text") } });
    return { { "earnings", currencies }, { "earnings_download", tab.download.message } };
}

void draw_payouts_tab(AppState& state, PayoutsTabState& tab)
{
    ui::heading("Payouts", 2);
    const auto month = month_before(state.local_now.substr(0, 7));
    const auto label = month_for_people(month);
    ui::note(("Each instructor is paid what cleared the refund window from orders up to the end of the month, "
              "once it reaches the threshold. Make " + label + "'s payouts, then mark each paid as the transfer goes.")
                 .c_str());
    ImGui::BeginDisabled(month.empty() || tab.run.phase == Phase::Loading);
    if (ui::primary_button(state, ("Make payouts for " + label + "...").c_str(), "payouts.run"))
        ui::open_confirm("Make payouts?");
    ImGui::EndDisabled();
    if (ui::confirm_dialog(state, "Make payouts?",
            "Make " + label + "'s payouts due? Each instructor owed at least the threshold gets one; nothing is sent "
            "until you mark it paid.",
            "Make payouts")) {
        tab.run = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/marketplace/payouts", { { "month", month } },
            [&tab](AppState& s, const ApiAnswer& answer) {
                tab.run = outcome_of(answer, text_field(answer.body, "message"));
                if (answer.ok())
                    ui::reload_page(s, tab.payouts, payouts_path(tab));
            });
    }
    ui::action_status(tab.run);
    draw_marking(state, tab);
    ui::action_status(tab.mark);

    if (ui::list_filter("##payout_status", k_payout_words, static_cast<int>(std::size(k_payout_words)),
            tab.status_filter, 9))
        tab.payouts.offset = 0;
    const auto path = payouts_path(tab);
    if (ui::paged_list_begin(state, tab.payouts, path, "payouts", "No payouts here yet",
            "Make last month's payouts with the button above."))
        draw_payout_rows(tab.payouts.remote.data, true, &state, &tab);
    ui::paged_list_end(state, tab.payouts, path, "payouts");
}

Json payouts_tab_summary(const PayoutsTabState& tab)
{
    Json payouts = Json::array();
    if (tab.payouts.remote.data.is_array())
        for (const auto& p : tab.payouts.remote.data)
            payouts.push_back({ { "instructor", text_field(p, "instructor_name") }, { "month", text_field(p, "month") },
                { "amount", text_field(field_of(p, "amount"), "text") }, { "status", text_field(p, "status") } });
    return { { "payouts", payouts }, { "payouts_run", tab.run.message }, { "payouts_mark", tab.mark.message },
        { "payouts_marking", tab.marking } };
}

} // namespace learnloop::client
