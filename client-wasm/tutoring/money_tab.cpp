// The tutoring money tab (see money_tab.hpp): [SECTION] words and amounts,
// [SECTION] loading, [SECTION] the invoice list and one invoice, [SECTION]
// the office's forms, [SECTION] the tab.
#include "tutoring/money_tab.hpp"

#include "tutoring/money_fields.hpp"

#include "core/calendar.hpp"
#include "finance/billing.hpp"
#include "finance/money.hpp"
#include "finance/printed_invoice.hpp"
#include "net/api.hpp"
#include "platform/files.hpp"
#include "school/people.hpp"
#include "ui/icons.hpp"
#include "ui/charts.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cstdio>

namespace learnloop::client {

namespace {

// [SECTION] words and amounts ------------------------------------------------------

constexpr int k_page = 20;   // invoices a page
constexpr const char* k_state_keys[] = { "", "draft", "issued", "paid", "void" };
constexpr const char* k_state_words[] = { "Every invoice", "Drafts", "Issued", "Paid", "Void" };

std::string method_word(const std::string& key) { return std::string(payment_method_label(key)); }

// An invoice's state as a chip: a shape and a word, never colour alone.
void state_chip(const Json& invoice)
{
    auto parsed = parse_invoice_state(invoice.value("state", ""));
    const auto state = parsed.ok() ? parsed.value() : InvoiceState::Draft;
    const bool part_paid = invoice.value("paid_minor", std::int64_t(0)) > 0;
    const std::string word(invoice_state_label(state, part_paid));
    switch (state) {
    case InvoiceState::Draft: ui::chip(ICON_HOURGLASS, word.c_str(), ui::k_muted, ui::k_muted_tint); break;
    case InvoiceState::Paid: ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint); break;
    case InvoiceState::Void: ui::chip(ICON_BAN, word.c_str(), ui::k_muted, ui::k_muted_tint); break;
    case InvoiceState::Issued:
        if (part_paid)
            ui::chip(ICON_HALF, word.c_str(), ui::k_warning, ui::k_warning_tint);
        else
            ui::chip(ICON_SENT, word.c_str(), ui::k_info, ui::k_info_tint);
        break;
    }
}

std::string number_of(const Json& invoice)
{
    return invoice["number"].is_string() ? invoice["number"].get<std::string>() : std::string("Draft");
}

// "1 Nov – 30 Nov 2026" of an invoice's period.
std::string period_text(const Json& invoice)
{
    return period_for_people(invoice.value("period_from", ""), invoice.value("period_to", ""));
}

// Last month's first and last day, the usual period of a new invoice.
void default_period(const AppState& state, MoneyTabState& tab)
{
    if (tab.draft_from[0] || state.local_now.size() < 10)
        return;
    int year = std::atoi(state.local_now.substr(0, 4).c_str()), month = std::atoi(state.local_now.substr(5, 2).c_str()) - 1;
    if (month == 0) {
        month = 12;
        --year;
    }
    std::snprintf(tab.draft_from, sizeof tab.draft_from, "%04d-%02d-01", year, month);
    std::snprintf(tab.draft_to, sizeof tab.draft_to, "%04d-%02d-%02d", year, month, days_in_month(year, month));
    ui::copy_text(tab.payment_received, state.local_now.substr(0, 10));
}

// [SECTION] loading ------------------------------------------------------------------

void reload(AppState& state, MoneyTabState& tab)
{
    tab.loaded_filter = k_state_keys[tab.state_filter];
    std::string path = "/api/tutoring/invoices?limit=" + std::to_string(k_page) + "&offset=" + std::to_string(tab.offset);
    if (!tab.loaded_filter.empty())
        path += "&state=" + tab.loaded_filter;
    api_load(state, tab.invoices, path);
    api_load(state, tab.balances, "/api/tutoring/balances");
    forget(tab.revenue);
    forget(tab.packages.packages);   // a voided sale, or an invoice drawing on one, changes what is left
    if (tab.picked)
        api_load(state, tab.detail, "/api/tutoring/invoices/" + std::to_string(tab.picked));
}

void pick(AppState& state, MoneyTabState& tab, std::int64_t id)
{
    tab.picked = id;
    forget(tab.detail);
    if (id)
        api_load(state, tab.detail, "/api/tutoring/invoices/" + std::to_string(id));
}

// A change the office made: its outcome, then everything read again.
auto after_change(MoneyTabState& tab, const std::string& success)
{
    return [&tab, success](AppState& state, const ApiAnswer& answer) {
        tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", success) : success);
        if (answer.ok())
            reload(state, tab);
    };
}

// [SECTION] the invoice list and one invoice ---------------------------------------------

void draw_invoice_actions(AppState& state, MoneyTabState& tab, const Json& invoice, bool office)
{
    const auto id = invoice.value("id", std::int64_t(0));
    const auto tag = std::to_string(id);
    if (ui::button(state, ((tab.picked == id ? "Close##" : "Open##") + tag).c_str(), "money.open." + tag))
        pick(state, tab, tab.picked == id ? 0 : id);
    if (!office)
        return;
    const auto invoice_state = invoice.value("state", "");
    if (invoice_state == "draft") {
        ImGui::SameLine();
        if (ui::button(state, ("Issue##" + tag).c_str(), "money.issue." + tag))
            api_call(state, "POST", "/api/tutoring/invoices/" + tag + "/issue", Json::object(),
                after_change(tab, "Invoice issued"));
    }
    if ((invoice_state == "draft" || invoice_state == "issued") && invoice.value("paid_minor", std::int64_t(0)) == 0) {
        ImGui::SameLine();
        if (ui::button(state, ("Void##" + tag).c_str(), "money.void." + tag)) {
            tab.void_pending = id;
            tab.void_number = number_of(invoice);
            ui::open_confirm("Void invoice?");
        }
    }
}

// What is still owed on an invoice: nothing for a draft or a void one.
std::string owed_text(const Json& invoice)
{
    const auto state = invoice.value("state", "");
    return state == "draft" || state == "void" ? std::string("\xE2\x80\x94") : money_text(invoice, "due");
}

void draw_invoice_list(AppState& state, MoneyTabState& tab, bool office)
{
    if (ui::remote_status(state, tab.invoices, "money.retry"))
        reload(state, tab);
    if (!tab.invoices.data.is_array())
        return;
    if (tab.invoices.data.empty() && tab.offset == 0) {
        ui::empty_state(state, office ? "No invoices here yet" : "No invoices yet",
            office ? "Make a draft from a family's logged sessions above, check it, then issue it."
                   : "Invoices from the business appear here once they are issued.");
        return;
    }
    if (ui::begin_table("invoices", office ? 7 : 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Invoice");
        if (office)
            ImGui::TableSetupColumn("Family");
        ImGui::TableSetupColumn("Period");
        ImGui::TableSetupColumn("State");
        ImGui::TableSetupColumn("Total");
        ImGui::TableSetupColumn("Owed");
        ImGui::TableSetupColumn("Actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * (office ? 11.5f : 4.0f));
        ui::table_headers_row();
        for (const auto& invoice : tab.invoices.data) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(number_of(invoice).c_str());
            if (office) {
                ui::table_next_column();
                ui::text_unformatted(invoice.value("family_name", "").c_str());
            }
            ui::table_next_column();
            ui::text_unformatted(period_text(invoice).c_str());
            ui::table_next_column();
            state_chip(invoice);
            ui::table_next_column();
            ui::text_unformatted(money_text(invoice, "total").c_str());
            ui::table_next_column();
            ui::text_unformatted(owed_text(invoice).c_str());
            ui::table_next_column();
            draw_invoice_actions(state, tab, invoice, office);
        }
        ui::end_table();
    }
    // A page at a time, newest first.
    if (ui::pager(state, tab.offset, k_page, tab.invoices.data.size(), "money"))
        reload(state, tab);
}

void draw_invoice(AppState& state, MoneyTabState& tab)
{
    if (!tab.picked)
        return;
    ImGui::Separator();
    if (ui::remote_status(state, tab.detail, "money.detail_retry"))
        pick(state, tab, tab.picked);
    if (!tab.detail.data.is_object())
        return;
    const auto& invoice = tab.detail.data;
    const auto title = "Invoice " + number_of(invoice) + " \xE2\x80\x94 " + invoice.value("family_name", "");
    ui::heading(title.c_str(), 3);
    ui::text_colored(ui::k_muted, invoice.value("sells_package", false) ? "Prepaid hours bought on %s" : "Sessions of %s",
        period_text(invoice).c_str());
    const auto code = invoice.value("currency", "GBP");
    if (ui::begin_table("invoice_lines", 5, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Date");
        ImGui::TableSetupColumn("Student");
        ImGui::TableSetupColumn("Session");
        ImGui::TableSetupColumn("Charged");
        ImGui::TableSetupColumn("Amount");
        ui::table_headers_row();
        for (const auto& line : invoice["lines"]) {
            // "60 min at £40.00 an hour", "60 min, prepaid", or a package's "10 hours".
            const bool sale = !line.value("occurrence_id", Json()).is_number();
            auto charged = line_time_for_people(line.value("minutes", 0), line.value("billable_percent", 100),
                line.value("package_minutes", 0), sale);
            if (!sale && line.value("amount_minor", std::int64_t(0)) > 0)
                charged += (line.value("package_minutes", 0) > 0 ? "; the rest at " : " at ")
                    + money_text(line, "per_hour", code) + " an hour";
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(line.value("date", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(line.value("student_name", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(line.value("description", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(charged.c_str());
            ui::table_next_column();
            ui::text_unformatted(money_text(line, "amount", code).c_str());
        }
        ui::end_table();
    }
    ui::text("Subtotal %s", money_text(invoice, "subtotal").c_str());
    if (invoice.value("tax_minor", std::int64_t(0)) > 0)
        ui::text("Tax (%s) %s", basis_points_text(invoice.value("tax_basis_points", 0)).c_str(), money_text(invoice, "tax").c_str());
    ui::text("Total %s", money_text(invoice, "total").c_str());
    for (const auto& p : invoice["payments"])
        ui::bullet_text("Paid %s on %s (%s)", money_text(p, "amount", invoice.value("currency", "GBP")).c_str(),
            p.value("received_on", "").c_str(), method_word(p.value("method", "")).c_str());
    if (invoice.value("state", "") == "issued")
        ui::text("Still owed %s", money_text(invoice, "due").c_str());
    // The same invoice as a PDF file, to print or keep.
    const auto id = invoice.value("id", std::int64_t(0));
    if (ui::button(state, ICON_DOWNLOAD " Download PDF", "money.pdf"))
        api_download(state, "/api/tutoring/invoices/" + std::to_string(id) + ".pdf",
            invoice_file_name(invoice["number"].is_string() ? invoice["number"].get<std::string>() : "", id, "pdf"),
            [&tab](AppState&, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, "Downloaded");
            });
    // The same words as a page of the browser's own, to read, zoom and print.
    ImGui::SameLine();
    if (ui::button(state, ICON_PRINT " Printable page", "money.print")) {
        const auto issued_on = invoice.contains("issued_on") && invoice["issued_on"].is_string()
            ? invoice["issued_on"].get<std::string>()
            : std::string();
        auto printed = printed_invoice(invoice, invoice.value("business_name", state.session.tenant_name), issued_on);
        if (printed.ok())
            show_printable("invoice", printed_invoice_json(printed.value()).dump());
        else
            tab.action = { Phase::Failed, "This invoice cannot be printed: " + printed.error().message, true };
    }
}

// [SECTION] the office's forms ---------------------------------------------------------

// Parents, then students (who may pay for themselves).
std::vector<const Json*> families(const Remote* people)
{
    if (!people)
        return {};
    auto list = users_with_role(*people, Role::Parent);
    auto students = users_with_role(*people, Role::Student);
    list.insert(list.end(), students.begin(), students.end());
    return list;
}

// A form's heading, what it does, and its family picker (on a phone, the
// form's other fields go below it).
void begin_family_form(AppState& state, const char* title, const char* what, const char* label,
    const std::vector<const Json*>& people, int& choice, const std::string& name)
{
    ui::heading(title, 3);
    ui::text_colored(ui::k_muted, "%s", what);
    ui::text_unformatted(label);
    ImGui::SameLine();
    person_combo(("##" + name).c_str(), people, choice);
    ui::remember(state, name);
    if (!ui::compact())
        ImGui::SameLine();
}

void draw_draft_form(AppState& state, MoneyTabState& tab, const std::vector<const Json*>& people)
{
    begin_family_form(state, "Make a draft invoice",
        "Bills the family's logged sessions in the period that no invoice holds yet.", "Family", people, tab.draft_family,
        "money.draft_family");
    date_field(state, "From", tab.draft_from, "money.draft_from");
    ImGui::SameLine();
    date_field(state, "to", tab.draft_to, "money.draft_to");
    const bool ready = tab.draft_family >= 0 && tab.draft_family < static_cast<int>(people.size());
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, "Make draft", "money.make_draft") && ready)
        api_call(state, "POST", "/api/tutoring/invoices",
            { { "family_id", people[tab.draft_family]->value("id", std::int64_t(0)) }, { "from", tab.draft_from },
                { "to", tab.draft_to } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Draft made") : "");
                if (answer.ok()) {
                    reload(state, tab);
                    pick(state, tab, answer.body.value("id", std::int64_t(0)));
                }
            });
    ImGui::EndDisabled();
}

void draw_payment_form(AppState& state, MoneyTabState& tab, const std::vector<const Json*>& people)
{
    begin_family_form(state, "Record a payment",
        "Pays the family's oldest invoices first; anything over is kept as credit.", "Paid by", people, tab.payment_family,
        "money.payment_family");
    ui::labelled_input(state, "Amount", "0.00", tab.payment_amount, sizeof tab.payment_amount, "money.payment_amount", 6,
        ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ui::begin_combo("##payment_method", method_word(std::string(k_payment_methods[tab.payment_method])).c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(k_payment_methods)); ++i)
            if (ui::selectable(method_word(std::string(k_payment_methods[i])).c_str(), tab.payment_method == i))
                tab.payment_method = i;
        ui::end_combo();
    }
    date_field(state, "Received on", tab.payment_received, "money.payment_received");
    const bool ready = tab.payment_family >= 0 && tab.payment_family < static_cast<int>(people.size()) && tab.payment_amount[0];
    ImGui::SameLine();
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, "Record payment", "money.record_payment") && ready)
        api_call(state, "POST", "/api/tutoring/payments",
            { { "family_id", people[tab.payment_family]->value("id", std::int64_t(0)) }, { "amount", tab.payment_amount },
                { "received_on", tab.payment_received }, { "method", std::string(k_payment_methods[tab.payment_method]) } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Payment recorded") : "");
                if (answer.ok()) {
                    tab.payment_amount[0] = '\0';
                    reload(state, tab);
                }
            });
    ImGui::EndDisabled();
}

void draw_balances(MoneyTabState& tab, bool office)
{
    if (!tab.balances.data.is_array())
        return;
    if (!office) {   // a parent: their own account, in a sentence
        if (tab.balances.data.empty())
            return;
        const auto& account = tab.balances.data[0];
        const auto balance = account.value("balance_minor", std::int64_t(0)), credit = account.value("credit_minor", std::int64_t(0));
        if (balance > 0)
            ui::text("You owe %s in all.", money_text(account, "balance").c_str());
        else
            ui::text("You owe nothing.");
        if (credit > 0)
            ui::text("%s paid ahead will go towards your next invoice.", money_text(account, "credit").c_str());
        return;
    }
    ui::heading("Family accounts", 3);
    if (tab.balances.data.empty()) {
        ui::text_colored(ui::k_muted, "No family has been invoiced or has paid yet.");
        return;
    }
    if (!ui::begin_table("balances", 5, ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("Family");
    ImGui::TableSetupColumn("Invoiced");
    ImGui::TableSetupColumn("Paid");
    ImGui::TableSetupColumn("Owed");
    ImGui::TableSetupColumn("Credit");
    ui::table_headers_row();
    for (const auto& account : tab.balances.data) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(account.value("family_name", "").c_str());
        ui::table_next_column();
        ui::text_unformatted(money_text(account, "invoiced").c_str());
        ui::table_next_column();
        ui::text_unformatted(money_text(account, "paid").c_str());
        ui::table_next_column();
        ui::text_unformatted(money_text(account, "balance").c_str());
        ui::table_next_column();
        ui::text_unformatted(money_text(account, "credit").c_str());
    }
    ui::end_table();
}

// [SECTION] revenue ------------------------------------------------------------------

// "£1240" for a chart's label: whole units, no pence.
std::string short_money(const Json& item, const std::string& key, const std::string& code)
{
    auto text = money_text(item, key, code);
    if (auto dot = text.rfind('.'); dot != std::string::npos && dot + 3 == text.size())
        text.erase(dot);
    return text;
}

// The last twelve months, this one included: what issued invoices bill for
// sessions in each, and who the money came through (administrators only).
void draw_revenue(AppState& state, MoneyTabState& tab)
{
    if (state.local_now.size() < 7)
        return;
    if (tab.revenue.phase == Phase::Idle) {
        int year = std::atoi(state.local_now.substr(0, 4).c_str()), month = std::atoi(state.local_now.substr(5, 2).c_str());
        char from[8], to[8];
        std::snprintf(to, sizeof to, "%04d-%02d", year, month);
        month -= 11;
        if (month < 1) {
            month += 12;
            --year;
        }
        std::snprintf(from, sizeof from, "%04d-%02d", year, month);
        api_load(state, tab.revenue, std::string("/api/tutoring/revenue?from=") + from + "&to=" + to);
    }
    ui::heading("Revenue", 3);
    if (ui::remote_status(state, tab.revenue, "money.revenue_retry"))
        forget(tab.revenue);
    if (!tab.revenue.data.is_object())
        return;
    const auto& revenue = tab.revenue.data;
    const auto code = revenue.value("currency", "GBP");
    std::vector<ui::Bar> bars;
    std::string alt = "Billed by month: ";
    for (const auto& m : revenue["by_month"]) {
        const auto key = m.value("month", "");
        const int month = key.size() == 7 ? std::atoi(key.substr(5).c_str()) : 1;
        const auto label = std::string(month_short_name(month));
        bars.push_back({ label, static_cast<double>(m.value("amount_minor", std::int64_t(0))), short_money(m, "amount", code) });
        alt += (bars.size() > 1 ? ", " : "") + label + " " + key.substr(0, 4) + " " + money_text(m, "amount", code);
    }
    ui::text("%s billed for sessions in the last twelve months.", money_text(revenue, "total", code).c_str());
    ImGui::SameLine();
    const auto csv = "/api/tutoring/revenue.csv?from=" + revenue.value("from", "") + "&to=" + revenue.value("to", "");
    if (ui::button(state, ICON_DOWNLOAD " Download (CSV)", "money.download_revenue"))
        api_download(state, csv, "revenue-" + revenue.value("from", "") + ".csv", [&tab](AppState&, const ApiAnswer& answer) {
            tab.action = outcome_of(answer, "Downloaded");
        });
    ui::bar_chart(state, "money.revenue_chart", bars, alt, 720.0f, 170.0f);
    auto ranking = [&](const char* id, const char* title, const char* column, const Json& list) {
        ui::text_colored(ui::k_muted, "%s", title);
        if (!ui::begin_table(id, 2, ImGuiTableFlags_RowBg))
            return;
        ImGui::TableSetupColumn(column);
        ImGui::TableSetupColumn("Billed");
        ui::table_headers_row();
        int shown = 0;
        for (const auto& item : list) {
            if (++shown > 10)   // the ten who bring in most
                break;
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(item.value("name", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(money_text(item, "amount", code).c_str());
        }
        ui::end_table();
    };
    ranking("revenue_tutors", "By tutor", role_title(Role::Teacher, state.session.tenant_kind).data(), revenue["by_tutor"]);
    ranking("revenue_students", "By student", "Student", revenue["by_student"]);
}

} // namespace

// [SECTION] the tab ---------------------------------------------------------------------

void draw_money_tab(AppState& state, MoneyTabState& tab, const Remote* people)
{
    const bool office = ui::can(state, Action::BillingManage);
    if (tab.invoices.phase == Phase::Idle || tab.loaded_filter != k_state_keys[tab.state_filter])
        if (tab.invoices.phase != Phase::Loading)
            reload(state, tab);
    default_period(state, tab);

    if (office) {
        // The office's everyday work first: bill a family, record what came in.
        auto people_list = families(people);
        draw_draft_form(state, tab, people_list);
        ImGui::Separator();
        draw_payment_form(state, tab, people_list);
        ui::action_status(tab.action);
        ImGui::Separator();
        ui::heading("Invoices", 3);
        if (ui::list_filter("##invoice_state", k_state_words, static_cast<int>(std::size(k_state_words)),
                tab.state_filter, 9))
            tab.offset = 0;
        ui::remember(state, "money.state_filter");
    } else {
        draw_balances(tab, false);
    }
    draw_invoice_list(state, tab, office);
    draw_invoice(state, tab);
    if (!office)
        ui::action_status(tab.action);
    if (tab.void_pending
        && ui::confirm_dialog(state, "Void invoice?",
            "Void " + (tab.void_number == "Draft" ? std::string("this draft") : "invoice " + tab.void_number)
                + "? Its sessions become free to change and to bill again. This cannot be undone.",
            "Void invoice")) {
        api_call(state, "POST", "/api/tutoring/invoices/" + std::to_string(tab.void_pending) + "/void", Json::object(),
            after_change(tab, "Invoice voided"));
        tab.void_pending = 0;
    }
    // Prepaid hours: a sale's invoice joins the list and opens.
    ImGui::Separator();
    draw_packages_panel(state, tab.packages, office ? people : nullptr, [&tab](AppState& state, std::int64_t invoice) {
        reload(state, tab);
        pick(state, tab, invoice);
    });
    if (office) {
        ImGui::Separator();
        draw_balances(tab, true);
        ImGui::Separator();
        draw_revenue(state, tab);
        if (people) {
            ImGui::Separator();
            draw_rates_panel(state, tab.rates, *people);
        }
    }
}

Json money_tab_summary(const MoneyTabState& tab)
{
    Json invoices = Json::array(), balances = Json::array();
    if (tab.invoices.data.is_array())
        for (const auto& i : tab.invoices.data)
            invoices.push_back({ { "id", i.value("id", std::int64_t(0)) }, { "number", i["number"] },
                { "family", i.value("family_name", "") }, { "state", i.value("state", "") }, { "total", i.value("total", "") },
                { "due", i.value("due", "") } });
    if (tab.balances.data.is_array())
        for (const auto& b : tab.balances.data)
            balances.push_back({ { "family", b.value("family_name", "") }, { "balance", b.value("balance", "") },
                { "credit", b.value("credit", "") } });
    Json lines = Json::array();
    if (tab.detail.data.is_object())
        for (const auto& l : tab.detail.data["lines"])
            lines.push_back(l.value("amount", ""));
    return { { "invoices", invoices }, { "invoices_phase", tab.invoices.phase == Phase::Done ? "done" : "loading" },
        { "balances", balances }, { "picked", tab.picked }, { "lines", lines },
        { "revenue_total", tab.revenue.data.is_object() ? tab.revenue.data.value("total", "") : "" },
        { "packages", packages_summary(tab.packages) },
        { "rates", rates_summary(tab.rates) },
        { "action", tab.action.message },
        { "action_failed", tab.action.failed } };
}

} // namespace learnloop::client
