// An invoice as a PDF file (see invoice_pdf.hpp).
#include "tutoring/invoice_pdf.hpp"

#include "finance/printed_invoice.hpp"
#include "platform/pdf.hpp"

namespace learnloop::server {

namespace {

constexpr float k_left = 50, k_right = PdfDocument::k_width - 50;
constexpr float k_bottom = PdfDocument::k_height - 70;   // rows stop above the footer
constexpr float k_row = 16;

// The columns of the sessions' table: their left edges (amounts end at the right).
constexpr float k_date = k_left, k_session = 118, k_student = 305, k_minutes_end = 482;

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
    const auto printed = TRY(printed_invoice(invoice, business, issued_on));
    auto pdf = TRY(PdfDocument::create(printed.title + " \xE2\x80\x94 " + business));
    Writer w { pdf, printed.footer, 60 };

    // Who, what and when.
    pdf.text(k_left, w.y, pdf.fit(business, k_right - k_left, 18, true), 18, true);
    w.y += 30;
    pdf.text(k_left, w.y, printed.title, 14, true);
    if (!printed.status.empty())
        pdf.text_right(k_right, w.y, printed.status, 10, printed.cancelled, !printed.cancelled);
    w.y += 22;
    pdf.text(k_left, w.y, "For", 10, false, true);
    pdf.text(k_left + 70, w.y, pdf.fit(printed.family, k_right - k_left - 70, 10), 10);
    w.y += 15;
    pdf.text(k_left, w.y, printed.period_label, 10, false, true);
    pdf.text(k_left + 70, w.y, printed.period, 10);
    w.y += 30;

    // One row per session billed.
    w.table_header();
    for (const auto& line : printed.lines) {
        w.need(1, true);
        pdf.text(k_date, w.y, line.date, 9);
        pdf.text(k_session, w.y, pdf.fit(line.session, k_student - k_session - 8, 9), 9);
        pdf.text(k_student, w.y, pdf.fit(line.student, k_minutes_end - 75 - k_student, 9), 9);
        pdf.text_right(k_minutes_end, w.y, line.time, 9);
        pdf.text_right(k_right, w.y, line.amount, 9);
        w.y += k_row;
    }
    pdf.rule(k_left, k_right, w.y - 11);

    // The sums, right-aligned under the amounts.
    w.y += 4;
    for (const auto& sum : printed.sums) {
        w.need(1, false);
        pdf.text_right(k_minutes_end, w.y, sum.label, 10, sum.strong, !sum.strong);
        pdf.text_right(k_right, w.y, sum.amount, 10, sum.strong);
        w.y += k_row;
    }

    // What was paid towards it.
    if (!printed.payments.empty()) {
        w.y += 12;
        w.need(2, false);
        pdf.text(k_left, w.y, "Payments", 10, true);
        w.y += k_row;
        for (const auto& p : printed.payments) {
            w.need(1, false);
            pdf.text(k_left, w.y, p.text, 9);
            pdf.text_right(k_right, w.y, p.amount, 9);
            w.y += k_row;
        }
    }
    w.draw_footer();
    return pdf.bytes();
}

} // namespace learnloop::server
