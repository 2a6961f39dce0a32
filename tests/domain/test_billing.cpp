// Tests for shared-domain/finance/billing.*: attendance statuses, rates, invoices and payments.
#include "finance/billing.hpp"
#include "finance/printed_invoice.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

const Currency gbp { "GBP", 2 };

Money pounds(std::int64_t pence)
{
    return { pence, "GBP" };
}

// Student 7 (tutor 2) pays £30 an hour from January and £32 from September;
// student 8 has no own rate; tutor 3 charges £40; the default is £25.
std::vector<Rate> rates()
{
    return { { 7, std::nullopt, "2026-01-01", pounds(3000) }, { 7, std::nullopt, "2026-09-01", pounds(3200) },
        { std::nullopt, 3, "2026-01-01", pounds(4000) }, { std::nullopt, std::nullopt, "2025-01-01", pounds(2500) },
        { 7, 3, "2026-01-01", pounds(3600) } };
}

} // namespace

TEST_CASE("the default attendance statuses bill as a tutoring business expects, and are a valid list")
{
    auto statuses = default_attendance_statuses();
    REQUIRE(check_attendance_statuses(statuses).ok());
    CHECK(statuses[0] == AttendanceStatus { "completed", "Completed", 100 });
    auto late = std::find_if(statuses.begin(), statuses.end(), [](const auto& s) { return s.key == "late_cancel"; });
    CHECK(late->billable_percent == 50);
}

TEST_CASE("attendance statuses go to JSON and back the same, and a malformed list names where")
{
    auto statuses = default_attendance_statuses();
    auto decoded = decode_attendance_statuses(to_json(statuses));
    REQUIRE(decoded.ok());
    CHECK(decoded.value() == statuses);
    CHECK(find_status(statuses, "no_show")->label == "No-show");
    CHECK(find_status(statuses, "sick") == nullptr);
    auto extra = to_json(statuses);
    extra[1]["colour"] = "red";
    CHECK(decode_attendance_statuses(extra).error().field == "statuses[1].colour");
    auto wrong_type = to_json(statuses);
    wrong_type[0]["billable_percent"] = "all";
    CHECK(decode_attendance_statuses(wrong_type).error().field == "statuses[0].billable_percent");
    CHECK_FALSE(decode_attendance_statuses(Json::array()).ok());
    CHECK_FALSE(decode_attendance_statuses(Json::object()).ok());
}

TEST_CASE("an attendance list with a bad key, a repeat, no label or a share outside 0..100 is refused")
{
    auto base = default_attendance_statuses();
    auto with = [&](AttendanceStatus extra) {
        auto list = base;
        list.push_back(extra);
        return check_attendance_statuses(list);
    };
    CHECK_FALSE(with({ "Late", "Late", 50 }).ok());
    CHECK_FALSE(with({ "completed", "Again", 100 }).ok());
    CHECK_FALSE(with({ "sick", "", 0 }).ok());
    CHECK_FALSE(with({ "sick", "Sick", 101 }).ok());
    CHECK_FALSE(with({ "sick", "Sick", -1 }).ok());
    CHECK(with({ "sick", "Off sick", 0 }).ok());
    CHECK_FALSE(check_attendance_statuses({}).ok());
}

TEST_CASE("the rate is the most specific that applies, the latest in effect on the day")
{
    CHECK(rate_for(rates(), 7, 2, "2026-03-01").value().per_hour == pounds(3000));
    CHECK(rate_for(rates(), 7, 2, "2026-09-01").value().per_hour == pounds(3200));   // effective that day
    CHECK(rate_for(rates(), 7, 3, "2026-10-01").value().per_hour == pounds(3600));   // the pair's, over the student's
    CHECK(rate_for(rates(), 8, 3, "2026-10-01").value().per_hour == pounds(4000));   // the tutor's
    CHECK(rate_for(rates(), 8, 2, "2026-10-01").value().per_hour == pounds(2500));   // the default
    auto none = rate_for({ { 7, std::nullopt, "2026-01-01", pounds(3000) } }, 7, 2, "2025-12-31");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::NotFound);
    CHECK(none.error().message == "No rate applies to this student and tutor on 2025-12-31");
}

TEST_CASE("an invoice has a line per billable session at its rate, and sums exactly")
{
    std::vector<BilledSession> sessions {
        { 12, 7, 2, "2026-10-12", 60, "completed", "English with Tom" },
        { 10, 7, 2, "2026-10-05", 45, "completed", "English with Tom" },
        { 14, 7, 2, "2026-10-19", 60, "cancelled", "English with Tom" },     // bills nothing: no line
        { 16, 7, 2, "2026-10-26", 50, "late_cancel", "English with Tom" },   // half of 50 minutes
        { 13, 8, 3, "2026-10-12", 90, "no_show", "Maths with Ana" },
        { 11, 7, 2, "2026-08-31", 60, "completed", "English with Tom" },     // the old rate
    };
    auto draft = draft_invoice(sessions, rates(), default_attendance_statuses(), gbp, 0);
    REQUIRE(draft.ok());
    const auto& d = draft.value();
    REQUIRE(d.lines.size() == 5);
    // By date, then occurrence.
    CHECK(d.lines[0].occurrence_id == 11);
    CHECK(d.lines[0].amount == pounds(3000));
    CHECK(d.lines[1].occurrence_id == 10);
    CHECK(d.lines[1].amount == pounds(2400));   // 45 min at £32
    CHECK(d.lines[2].occurrence_id == 12);
    CHECK(d.lines[3].occurrence_id == 13);
    CHECK(d.lines[3].amount == pounds(6000));   // 90 min at the tutor's £40
    CHECK(d.lines[4].occurrence_id == 16);
    CHECK(d.lines[4].billable_percent == 50);
    CHECK(d.lines[4].amount == pounds(1333));   // 50 min at £32, half: £13.333 -> £13.33
    std::int64_t sum = 0;
    for (const auto& line : d.lines)
        sum += line.amount.minor;
    CHECK(d.subtotal == pounds(sum));
    CHECK(d.tax == pounds(0));
    CHECK(d.total == d.subtotal);
}

TEST_CASE("tax is rounded once, on the subtotal, and the total is subtotal plus tax")
{
    std::vector<BilledSession> sessions;
    // Three lines of £13.33 each (a third of £40): 20% of £39.99 is £7.998 -> £8.00.
    for (int i = 0; i < 3; ++i)
        sessions.push_back({ i + 1, 8, 3, "2026-10-0" + std::to_string(i + 1), 20, "completed", "Maths" });
    auto d = draft_invoice(sessions, rates(), default_attendance_statuses(), gbp, 2000).value();
    CHECK(d.lines[0].amount == pounds(1333));
    CHECK(d.subtotal == pounds(3999));
    CHECK(d.tax == pounds(800));
    CHECK(d.total == pounds(4799));
}

TEST_CASE("an invoice refuses unknown statuses, missing rates, other currencies and odd lengths")
{
    auto statuses = default_attendance_statuses();
    auto one = [](std::string status, int minutes, std::int64_t student = 7) {
        return std::vector<BilledSession> { { 1, student, 2, "2026-10-05", minutes, std::move(status), "English" } };
    };
    CHECK(draft_invoice(one("sick", 60), rates(), statuses, gbp, 0).error().field == "status");
    CHECK(draft_invoice(one("completed", 0), rates(), statuses, gbp, 0).error().field == "minutes");
    CHECK(draft_invoice(one("completed", 1441), rates(), statuses, gbp, 0).error().field == "minutes");
    CHECK(draft_invoice(one("completed", 60), {}, statuses, gbp, 0).error().code == ErrorCode::NotFound);
    CHECK(draft_invoice(one("completed", 60), rates(), statuses, Currency { "EUR", 2 }, 0).error().field == "currency");
    CHECK(draft_invoice(one("completed", 60), rates(), statuses, gbp, 10001).error().field == "tax_basis_points");
    CHECK(draft_invoice(one("completed", 60), rates(), statuses, gbp, -1).ok() == false);
    // A status that bills nothing needs no rate.
    auto free = draft_invoice(one("cancelled", 60, 99), {}, statuses, gbp, 0);
    REQUIRE(free.ok());
    CHECK(free.value().lines.empty());
    CHECK(free.value().total == pounds(0));
}

TEST_CASE("an invoice goes from draft to issued to paid, or is voided; paid and void are final")
{
    using S = InvoiceState;
    CHECK(check_invoice_transition(S::Draft, S::Issued).ok());
    CHECK(check_invoice_transition(S::Draft, S::Void).ok());
    CHECK(check_invoice_transition(S::Issued, S::Paid).ok());
    CHECK(check_invoice_transition(S::Issued, S::Void).ok());
    for (auto [from, to] : { std::pair { S::Draft, S::Paid }, { S::Issued, S::Draft }, { S::Paid, S::Void },
             { S::Paid, S::Issued }, { S::Void, S::Draft }, { S::Void, S::Issued }, { S::Issued, S::Issued } }) {
        auto result = check_invoice_transition(from, to);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::FailedPrecondition);
    }
    CHECK(check_invoice_transition(S::Draft, S::Paid).error().message == "An invoice that is draft cannot become paid");
    for (auto s : { S::Draft, S::Issued, S::Paid, S::Void })
        CHECK(parse_invoice_state(invoice_state_name(s)).value() == s);
    CHECK_FALSE(parse_invoice_state("Paid").ok());
    CHECK(invoice_number("INV", 2026, 42) == "INV-2026-0042");
    CHECK(invoice_number("INV", 2026, 12345) == "INV-2026-12345");
}

TEST_CASE("a payment is spread over open invoices oldest first, the rest kept as credit")
{
    std::vector<OpenInvoice> open { { 1, pounds(3000), pounds(1000) }, { 2, pounds(4000), pounds(0) },
        { 3, pounds(2500), pounds(2500) }, { 4, pounds(1000), pounds(0) } };
    auto plan = allocate_payment(pounds(5000), open);
    REQUIRE(plan.ok());
    REQUIRE(plan.value().allocations.size() == 2);
    CHECK(plan.value().allocations[0] == Allocation { 1, pounds(2000), true });
    CHECK(plan.value().allocations[1] == Allocation { 2, pounds(3000), false });
    CHECK(plan.value().credit == pounds(0));
    // More than is owed: every invoice settled, the rest is credit.
    auto over = allocate_payment(pounds(10000), open).value();
    CHECK(over.allocations.size() == 3);   // the paid invoice 3 takes nothing
    CHECK(over.allocations[2] == Allocation { 4, pounds(1000), true });
    CHECK(over.credit == pounds(3000));
    std::int64_t allocated = 0;
    for (const auto& a : over.allocations)
        allocated += a.amount.minor;
    CHECK(allocated + over.credit.minor == 10000);
    CHECK_FALSE(allocate_payment(pounds(0), open).ok());
    CHECK_FALSE(allocate_payment(pounds(-100), open).ok());
    CHECK(allocate_payment(Money { 100, "EUR" }, open).error().field == "currency");
    CHECK(allocate_payment(pounds(700), {}).value().credit == pounds(700));
}

TEST_CASE("a new attendance status gets a key from its label, unique in the list")
{
    auto statuses = default_attendance_statuses();
    CHECK(attendance_key_for("Cancelled late (24h)", {}) == "cancelled_late_24h");
    CHECK(attendance_key_for("  Sick!  ", {}) == "sick");
    CHECK(attendance_key_for("Completed", statuses) == "completed_2");
    CHECK(attendance_key_for("病欠", {}) == "status");
    CHECK(attendance_key_for(std::string(60, 'a'), {}) == std::string(32, 'a'));
    // Cut where a '_' would end it, and room kept for a suffix.
    CHECK(attendance_key_for(std::string(31, 'b') + " c", {}) == std::string(31, 'b'));
    const std::vector<AttendanceStatus> long_taken { { std::string(32, 'a'), "x", 0 } };
    CHECK(attendance_key_for(std::string(60, 'a'), long_taken) == std::string(30, 'a') + "_2");
    statuses.push_back({ "status", "x", 0 });
    CHECK(attendance_key_for("Отмена", statuses) == "status_2");
    // Every key it makes passes the list's own check.
    statuses.push_back({ attendance_key_for("Late (tutor)", statuses), "Late (tutor)", 0 });
    for (const auto* label : { "A very long name for a status that goes on and on", "Ça-va? (très) long_long_long_long_long" })
        statuses.push_back({ attendance_key_for(label, statuses), label, 0 });
    statuses.push_back({ attendance_key_for("A very long name for a status that goes on and on", statuses), "again", 0 });
    CHECK(check_attendance_statuses(statuses).ok());
}

TEST_CASE("an invoice's state reads as people say it")
{
    CHECK(invoice_state_label(InvoiceState::Draft, false) == "Draft");
    CHECK(invoice_state_label(InvoiceState::Issued, false) == "Due");
    CHECK(invoice_state_label(InvoiceState::Issued, true) == "Part paid");
    CHECK(invoice_state_label(InvoiceState::Paid, true) == "Paid");
    CHECK(invoice_state_label(InvoiceState::Void, false) == "Void");
}

TEST_CASE("a family's credit pays a new invoice, oldest payment first, up to what it owes")
{
    std::vector<Credit> credits { { 7, pounds(2000) }, { 8, pounds(0) }, { 9, pounds(4000) }, { 10, pounds(500) } };
    auto plan = apply_credit(pounds(5000), credits).value();
    REQUIRE(plan.uses.size() == 2);
    CHECK(plan.uses[0] == CreditUse { 7, pounds(2000) });
    CHECK(plan.uses[1] == CreditUse { 9, pounds(3000) });
    CHECK(plan.paid == pounds(5000));
    CHECK(plan.still_owed == pounds(0));
    // Less credit than is owed: all of it is used and the rest is still owed.
    auto partly = apply_credit(pounds(10000), credits).value();
    CHECK(partly.uses.size() == 3);
    CHECK(partly.paid == pounds(6500));
    CHECK(partly.still_owed == pounds(3500));
    CHECK(apply_credit(pounds(0), credits).value().uses.empty());
    CHECK(apply_credit(pounds(900), {}).value().still_owed == pounds(900));
    CHECK(apply_credit(pounds(900), { { 1, Money { 100, "EUR" } } }).error().field == "currency");
    CHECK_FALSE(apply_credit(pounds(-1), credits).ok());
}

TEST_CASE("a family's balance is what its issued invoices total less what it paid")
{
    CHECK(family_balance({ pounds(3000), pounds(4000) }, { pounds(5000) }, gbp).value() == pounds(2000));
    CHECK(family_balance({ pounds(3000) }, { pounds(5000) }, gbp).value() == pounds(-2000));
    CHECK(family_balance({}, {}, gbp).value() == pounds(0));
    CHECK_FALSE(family_balance({ Money { 1, "EUR" } }, {}, gbp).ok());
}

TEST_CASE("payments are made by bank transfer, card, cash or otherwise, each with its words")
{
    for (auto key : k_payment_methods)
        CHECK(is_payment_method(key));
    CHECK_FALSE(is_payment_method("cheque"));
    CHECK_FALSE(is_payment_method(""));
    CHECK(payment_method_label("bank_transfer") == "Bank transfer");
    CHECK(payment_method_label("cash") == "Cash");
    CHECK(payment_method_label("cheque") == "Other");
}

TEST_CASE("an invoice's file name and a tax rate are written for people")
{
    CHECK(invoice_file_name("BPT-2026-0001", 7, "pdf") == "invoice-BPT-2026-0001.pdf");
    CHECK(invoice_file_name("", 7, "pdf") == "invoice-draft-7.pdf");
    CHECK(basis_points_text(2000) == "20%");
    CHECK(basis_points_text(1750) == "17.5%");
    CHECK(basis_points_text(1725) == "17.25%");
    CHECK(basis_points_text(1705) == "17.05%");
    CHECK(basis_points_text(0) == "0%");
    CHECK(basis_points_text(-250) == "-2.5%");
}

TEST_CASE("a printed invoice words every line, sum and payment once, for the PDF and the print view")
{
    auto parsed = parse_json(R"({
        "id": 7, "number": "BP-0007", "state": "issued", "currency": "GBP", "family_name": "Priya Parent",
        "period_from": "2026-11-01", "period_to": "2026-11-30", "subtotal_minor": 7500, "tax_minor": 1500,
        "tax_basis_points": 2000, "total_minor": 9000, "paid_minor": 4000, "due_minor": 5000,
        "lines": [
          {"occurrence_id": 3, "date": "2026-11-02", "description": "Maths", "student_name": "Zoë Student",
           "minutes": 60, "billable_percent": 100, "package_minutes": 0, "amount_minor": 4000},
          {"occurrence_id": 4, "date": "2026-11-09", "description": "Maths", "student_name": "Zoë Student",
           "minutes": 60, "billable_percent": 50, "package_minutes": 0, "amount_minor": 3500}],
        "payments": [{"received_on": "2026-12-03", "method": "bank_transfer", "amount_minor": 4000}]})");
    REQUIRE(parsed.ok());
    Json invoice = parsed.value();
    auto printed = printed_invoice(invoice, "Brightpath Tutoring", "2026-12-01");
    REQUIRE(printed.ok());
    const auto& p = printed.value();
    CHECK(p.title == "Invoice BP-0007");
    CHECK(p.status == "Issued 1 Dec 2026");
    CHECK_FALSE(p.cancelled);
    CHECK(p.period_label == "Sessions");
    CHECK(p.period == "1 Nov \xE2\x80\x93 30 Nov 2026");
    REQUIRE(p.lines.size() == 2);
    CHECK(p.lines[1].date == "9 Nov 2026");
    CHECK(p.lines[1].time == "60 min at 50%");
    CHECK(p.lines[1].amount == "\xC2\xA3" "35.00");
    std::vector<std::string> labels;
    for (const auto& sum : p.sums)
        labels.push_back(sum.label + " " + sum.amount);
    CHECK(labels
        == std::vector<std::string> { "Subtotal \xC2\xA3" "75.00", "Tax (20%) \xC2\xA3" "15.00", "Total \xC2\xA3" "90.00",
            "Paid \xC2\xA3" "40.00", "Due \xC2\xA3" "50.00" });
    REQUIRE(p.payments.size() == 1);
    CHECK(p.payments[0].text == "3 Dec 2026, Bank transfer");
    CHECK(p.footer == "Brightpath Tutoring \xC2\xB7 Invoice BP-0007");
    CHECK(printed_invoice_json(p)["lines"][0]["student"] == "Zoë Student");

    // A draft has no Paid or Due; a void one says so; a sale says "Bought".
    invoice["number"] = nullptr;
    invoice["state"] = "draft";
    invoice["sells_package"] = true;
    auto draft = printed_invoice(invoice, "Brightpath Tutoring", "").value();
    CHECK(draft.title == "Draft invoice");
    CHECK(draft.status == "Not issued yet");
    CHECK(draft.period_label == "Bought");
    CHECK(draft.sums.size() == 3);
    invoice["state"] = "void";
    auto cancelled = printed_invoice(invoice, "Brightpath Tutoring", "").value();
    CHECK(cancelled.cancelled);
    CHECK(cancelled.status == "Void: this invoice is cancelled");
    invoice["currency"] = "XXX";
    CHECK_FALSE(printed_invoice(invoice, "Brightpath Tutoring", "").ok());
}
