// An invoice as people read it on paper: every word and amount of the
// printed page, composed once for both places that print one — the
// server's PDF file and the browser's print view (an HTML page the portals
// open over the app). Each draws these strings in its own way; neither
// words an invoice itself.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <string>
#include <vector>

namespace learnloop {

struct PrintedLine {
    std::string date;       // "7 Dec 2026"
    std::string session;    // the line's description
    std::string student;
    std::string time;       // "45 min at 50%", "60 min, prepaid", "10 hours"
    std::string amount;     // "£40.00"
};

struct PrintedSum {
    std::string label;      // "Subtotal", "Tax (20%)", "Total", "Paid", "Due"
    std::string amount;
    bool strong = false;    // Total and Due stand out
};

struct PrintedPayment {
    std::string text;       // "3 Dec 2026, Bank transfer"
    std::string amount;
};

struct PrintedInvoice {
    std::string business;
    std::string title;      // "Invoice BP-0007" or "Draft invoice"
    std::string status;     // "Issued 7 Dec 2026", "Not issued yet", "Void: this invoice is cancelled"
    bool cancelled = false; // void: the status stands out
    std::string family;
    std::string period_label;   // "Sessions", or "Bought" for a sale of prepaid hours
    std::string period;         // "1 Nov – 30 Nov 2026"
    std::vector<PrintedLine> lines;
    std::vector<PrintedSum> sums;
    std::vector<PrintedPayment> payments;
    std::string footer;     // "Brightpath Tutoring · Invoice BP-0007"
};

// `invoice`: as GET /api/tutoring/invoices/{id} answers it (lines and
// payments included); `issued_on`: the local day it was issued ("2026-12-07"),
// or empty. An unknown currency is an error.
//   printed_invoice(invoice, "Brightpath Tutoring", "2026-12-07").status -> "Issued 7 Dec 2026"
[[nodiscard]] Result<PrintedInvoice> printed_invoice(const Json& invoice, const std::string& business,
    const std::string& issued_on);

// The same as JSON for the browser's print view (web/print.js):
// {"business", "title", "status", "cancelled", "family", "period_label",
//  "period", "lines": [{"date", "session", "student", "time", "amount"}],
//  "sums": [{"label", "amount", "strong"}], "payments": [{"text", "amount"}], "footer"}
[[nodiscard]] Json printed_invoice_json(const PrintedInvoice& invoice);

} // namespace learnloop
