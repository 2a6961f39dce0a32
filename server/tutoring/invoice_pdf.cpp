// An invoice as a PDF file (see invoice_pdf.hpp).
#include "tutoring/invoice_pdf.hpp"

#include "core/calendar.hpp"
#include "finance/billing.hpp"
#include "finance/money.hpp"
#include "platform/pdf.hpp"

namespace learnloop::server {

namespace {

constexpr float k_left = 50, k_right = PdfDocument::k_width - 50;
constexpr float k_bottom = PdfDocument::k_height - 70;   // rows stop above the footer
constexpr float k_row = 16;

// The columns of the sessions' table: their left edges (amounts end at the right).
constexpr float k_date = k_left, k_session = 118, k_student = 305, k_minutes_end = 482;

std::string money_of(const Json& item, const std::string& key, const Currency& currency)
{
    return format_money({ item.value(key + "_minor", std::int64_t(0)), currency.code }, currency);
}

// "7 Dec 2026" of a "YYYY-MM-DD".
std::string day_words(const std::string& day) { return day.empty() ? day : period_for_people(day, day); }

struct Writer {
    PdfDocument& pdf;
    std::string footer;
    float y = 0;

    void draw_footer()
    {
        pdf.rule(k_left, k_right, PdfDocument::k_height - 45);
        pdf.text(k_left, PdfDocument::k_height - 32, footer, 8, false, true);
        pdf.text_right(k_right, PdfDocument::k_height - 32, "Page " + std::to_string(pdf.pages()), 8, false, true);
    }

    // Room for `rows` more rows, else the next page (with the table's header again when `table`).
    void need(int rows, bool table)
    {
        if (y + static_cast<float>(rows) * k_row <= k_bottom)
            return;
        draw_footer();
        pdf.new_page();
        y = 60;
        if (table)
            table_header();
    }

    void table_header()
    {
        pdf.text(k_date, y, "Date", 9, true, true);
        pdf.text(k_session, y, "Session", 9, true, true);
        pdf.text(k_student, y, "Student", 9, true, true);
        pdf.text_right(k_minutes_end, y, "Time", 9, true, true);
        pdf.text_right(k_right, y, "Amount", 9, true, true);
        pdf.rule(k_left, k_right, y + 5);
        y += k_row + 2;
    }
};

} // namespace

Result<std::string> invoice_pdf(const Json& invoice, const std::string& business, const std::string& issued_on)
{
    const auto currency = TRY(find_currency(invoice.value("currency", "")));
    const auto state = invoice.value("state", "draft");
    const auto number = invoice["number"].is_string() ? invoice["number"].get<std::string>() : std::string();
    const auto title = number.empty() ? std::string("Draft invoice") : "Invoice " + number;
    auto pdf = TRY(PdfDocument::create(title + " \xE2\x80\x94 " + business));
    Writer w { pdf, business + " \xC2\xB7 " + title, 60 };

    // Who, what and when.
    pdf.text(k_left, w.y, pdf.fit(business, k_right - k_left, 18, true), 18, true);
    w.y += 30;
    pdf.text(k_left, w.y, title, 14, true);
    if (state == "void")
        pdf.text_right(k_right, w.y, "Void: this invoice is cancelled", 10, true);
    else if (number.empty())
        pdf.text_right(k_right, w.y, "Not issued yet", 10, false, true);
    else if (!issued_on.empty())
        pdf.text_right(k_right, w.y, "Issued " + day_words(issued_on), 10, false, true);
    w.y += 22;
    pdf.text(k_left, w.y, "For", 10, false, true);
    pdf.text(k_left + 70, w.y, pdf.fit(invoice.value("family_name", ""), k_right - k_left - 70, 10), 10);
    w.y += 15;
    pdf.text(k_left, w.y, invoice.value("sells_package", false) ? "Bought" : "Sessions", 10, false, true);
    pdf.text(k_left + 70, w.y, period_for_people(invoice.value("period_from", ""), invoice.value("period_to", "")), 10);
    w.y += 30;

    // One row per session billed.
    w.table_header();
    for (const auto& line : invoice.value("lines", Json::array())) {
        w.need(1, true);
        // "45 min", "45 min at 50%" (a late cancellation), "60 min, prepaid", or a package's "10 hours".
        const auto time = line_time_for_people(line.value("minutes", 0), line.value("billable_percent", 100),
            line.value("package_minutes", 0), !line.value("occurrence_id", Json()).is_number());
        pdf.text(k_date, w.y, day_words(line.value("date", "")), 9);
        pdf.text(k_session, w.y, pdf.fit(line.value("description", ""), k_student - k_session - 8, 9), 9);
        pdf.text(k_student, w.y, pdf.fit(line.value("student_name", ""), k_minutes_end - 75 - k_student, 9), 9);
        pdf.text_right(k_minutes_end, w.y, time, 9);
        pdf.text_right(k_right, w.y, money_of(line, "amount", currency), 9);
        w.y += k_row;
    }
    pdf.rule(k_left, k_right, w.y - 11);

    // The sums, right-aligned under the amounts.
    auto sum = [&](const char* label, const std::string& key, bool bold) {
        w.need(1, false);
        pdf.text_right(k_minutes_end, w.y, label, 10, bold, !bold);
        pdf.text_right(k_right, w.y, money_of(invoice, key, currency), 10, bold);
        w.y += k_row;
    };
    w.y += 4;
    sum("Subtotal", "subtotal", false);
    if (invoice.value("tax_minor", std::int64_t(0)) != 0) {
        const auto label = "Tax (" + basis_points_text(invoice.value("tax_basis_points", 0)) + ")";
        sum(label.c_str(), "tax", false);
    }
    sum("Total", "total", true);
    if (state != "draft" && state != "void") {
        sum("Paid", "paid", false);
        sum("Due", "due", true);
    }

    // What was paid towards it.
    const auto& payments = invoice.value("payments", Json::array());
    if (!payments.empty()) {
        w.y += 12;
        w.need(2, false);
        pdf.text(k_left, w.y, "Payments", 10, true);
        w.y += k_row;
        for (const auto& p : payments) {
            w.need(1, false);
            pdf.text(k_left, w.y,
                day_words(p.value("received_on", "")) + ", " + std::string(payment_method_label(p.value("method", ""))), 9);
            pdf.text_right(k_right, w.y, money_of(p, "amount", currency), 9);
            w.y += k_row;
        }
    }
    w.draw_footer();
    return pdf.bytes();
}

} // namespace learnloop::server
