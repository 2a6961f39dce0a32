// An invoice's printed words (see printed_invoice.hpp).
#include "finance/printed_invoice.hpp"

#include "core/calendar.hpp"
#include "finance/billing.hpp"
#include "finance/money.hpp"

namespace learnloop {

namespace {

std::string money_of(const Json& item, const std::string& key, const Currency& currency)
{
    return format_money({ item.value(key + "_minor", std::int64_t(0)), currency.code }, currency);
}

// "7 Dec 2026" of a "YYYY-MM-DD".
std::string day_words(const std::string& day) { return day.empty() ? day : period_for_people(day, day); }

} // namespace

Result<PrintedInvoice> printed_invoice(const Json& invoice, const std::string& business, const std::string& issued_on)
{
    const auto currency = TRY(find_currency(invoice.value("currency", "")));
    const auto state = invoice.value("state", "draft");
    const auto number = invoice["number"].is_string() ? invoice["number"].get<std::string>() : std::string();
    PrintedInvoice out;
    out.business = business;
    out.title = number.empty() ? std::string("Draft invoice") : "Invoice " + number;
    out.cancelled = state == "void";
    if (out.cancelled)
        out.status = "Void: this invoice is cancelled";
    else if (number.empty())
        out.status = "Not issued yet";
    else if (!issued_on.empty())
        out.status = "Issued " + day_words(issued_on);
    out.family = invoice.value("family_name", "");
    out.period_label = invoice.value("sells_package", false) ? "Bought" : "Sessions";
    out.period = period_for_people(invoice.value("period_from", ""), invoice.value("period_to", ""));
    for (const auto& line : invoice.value("lines", Json::array())) {
        out.lines.push_back({ day_words(line.value("date", "")), line.value("description", ""),
            line.value("student_name", ""),
            line_time_for_people(line.value("minutes", 0), line.value("billable_percent", 100),
                line.value("package_minutes", 0), !line.value("occurrence_id", Json()).is_number()),
            money_of(line, "amount", currency) });
    }
    out.sums.push_back({ "Subtotal", money_of(invoice, "subtotal", currency), false });
    if (invoice.value("tax_minor", std::int64_t(0)) != 0)
        out.sums.push_back(
            { "Tax (" + basis_points_text(invoice.value("tax_basis_points", 0)) + ")", money_of(invoice, "tax", currency), false });
    out.sums.push_back({ "Total", money_of(invoice, "total", currency), true });
    if (state != "draft" && state != "void") {
        out.sums.push_back({ "Paid", money_of(invoice, "paid", currency), false });
        out.sums.push_back({ "Due", money_of(invoice, "due", currency), true });
    }
    for (const auto& p : invoice.value("payments", Json::array()))
        out.payments.push_back({ day_words(p.value("received_on", "")) + ", "
                                     + std::string(payment_method_label(p.value("method", ""))),
            money_of(p, "amount", currency) });
    out.footer = business + " \xC2\xB7 " + out.title;
    return out;
}

Json printed_invoice_json(const PrintedInvoice& invoice)
{
    Json lines = Json::array(), sums = Json::array(), payments = Json::array();
    for (const auto& l : invoice.lines)
        lines.push_back({ { "date", l.date }, { "session", l.session }, { "student", l.student }, { "time", l.time },
            { "amount", l.amount } });
    for (const auto& s : invoice.sums)
        sums.push_back({ { "label", s.label }, { "amount", s.amount }, { "strong", s.strong } });
    for (const auto& p : invoice.payments)
        payments.push_back({ { "text", p.text }, { "amount", p.amount } });
    return { { "business", invoice.business }, { "title", invoice.title }, { "status", invoice.status },
        { "cancelled", invoice.cancelled }, { "family", invoice.family }, { "period_label", invoice.period_label },
        { "period", invoice.period }, { "lines", lines }, { "sums", sums }, { "payments", payments },
        { "footer", invoice.footer } };
}

} // namespace learnloop
