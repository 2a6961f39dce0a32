// What a tutoring business charges: attendance statuses that bill all, part
// or none of a session; rates per student, tutor or pair with effective
// dates; invoices built from billable sessions, with optional tax; the
// invoice's life (draft -> issued -> paid, or void); payments spread over a
// family's open invoices, the rest kept as credit. Amounts are Money
// (finance/money.hpp): whole minor units, never floating point.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "finance/money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] attendance and rates

// One of the tenant's own attendance statuses ("completed", "no_show",
// "late_cancel", ...): the share of the session it bills, 0 to 100 percent.
struct AttendanceStatus {
    std::string key;
    std::string label;            // as people read it: "Cancelled late"
    int billable_percent = 0;

    bool operator==(const AttendanceStatus&) const = default;
};

// A new tenant's list: completed and no-show bill in full, a late
// cancellation half, cancellations in time and by the tutor nothing.
[[nodiscard]] std::vector<AttendanceStatus> default_attendance_statuses();
// A tenant's list as it is saved: keys of lower-case letters, digits and
// '_', unique, labels not empty, percentages 0 to 100.
[[nodiscard]] Result<void> check_attendance_statuses(const std::vector<AttendanceStatus>& statuses);
// As tutoring_settings.attendance_statuses keeps them:
//   [{"key": "completed", "label": "Completed", "billable_percent": 100}, ...]
// decoded strictly (every key, no other) and checked.
[[nodiscard]] Result<std::vector<AttendanceStatus>> decode_attendance_statuses(const Json& json);
[[nodiscard]] Json to_json(const std::vector<AttendanceStatus>& statuses);
inline constexpr std::size_t k_attendance_key_max = 32;

// A key for a new status named `label`, unique among `existing`: its ASCII
// letters and digits in lower case, anything else one '_', at most
// k_attendance_key_max characters and never ending in '_'; "status" when
// nothing is left (a label in another script), with "_2", "_3", ... when
// taken. Every key it makes passes check_attendance_statuses.
//   attendance_key_for("Cancelled late (24h)", {}) -> "cancelled_late_24h"
[[nodiscard]] std::string attendance_key_for(std::string_view label, const std::vector<AttendanceStatus>& existing);
// The status with `key`, or none.
[[nodiscard]] const AttendanceStatus* find_status(const std::vector<AttendanceStatus>& statuses, std::string_view key);

// A price per hour from a date on: for one student and tutor together, for
// a student, for a tutor, or (neither) the business's default.
struct Rate {
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> tutor_id;
    std::string effective_from;   // local date "YYYY-MM-DD"
    Money per_hour;

    bool operator==(const Rate&) const = default;
};

// The rate a session on `date` is charged at: the most specific that
// applies (the pair's, then the student's, then the tutor's, then the
// default), and of those the latest in effect on that date. NotFound, in
// words, when none applies.
//   rate_for({{7, -, "2026-01-01", £30}, {7, -, "2026-09-01", £32}}, 7, 2, "2026-10-05") -> £32
[[nodiscard]] Result<Rate> rate_for(const std::vector<Rate>& rates, std::int64_t student_id, std::int64_t tutor_id,
    std::string_view date);

// [SECTION] invoices

// A session that took place, with the attendance logged for it.
struct BilledSession {
    std::int64_t occurrence_id = 0;
    std::int64_t student_id = 0;
    std::int64_t tutor_id = 0;
    std::string date;             // local "YYYY-MM-DD"
    int minutes = 0;
    std::string status;           // an AttendanceStatus key
    std::string description;      // "Maths with Ana Tutor"

    bool operator==(const BilledSession&) const = default;
};

struct InvoiceLine {
    std::int64_t occurrence_id = 0;
    std::int64_t student_id = 0;
    std::string date;
    std::string description;
    int minutes = 0;
    int billable_percent = 100;
    Money per_hour;
    Money amount;                 // what is charged: per_hour × the minutes billed and not prepaid, to the minor unit
    // Prepaid hours: the package the line draws on (a session) or sells (no
    // session: occurrence_id 0); 0 when none.
    std::int64_t package_id = 0;
    int package_minutes = 0;      // the billed minutes the package covers
    Money package_value;          // their share of the package's price (what the session earned); the
                                  // shares of a package used up add up to its price exactly

    bool operator==(const InvoiceLine&) const = default;
};

struct InvoiceDraft {
    std::vector<InvoiceLine> lines;   // by date, then occurrence id
    Money subtotal;
    int tax_basis_points = 0;         // 2000 = 20%
    Money tax;
    Money total;                      // subtotal + tax, exactly

    bool operator==(const InvoiceDraft&) const = default;
};

// The invoice for a family's sessions: a line per session whose status
// bills something (none for a status that bills nothing), each at its rate.
// Each line is rounded to the minor unit and the subtotal is their exact
// sum; tax is rounded once, on the subtotal. Errors: a status not in the
// list, a session with no rate, rates in another currency than `currency`,
// minutes outside 1..1440, tax outside 0..10000 basis points.
[[nodiscard]] Result<InvoiceDraft> draft_invoice(std::vector<BilledSession> sessions, const std::vector<Rate>& rates,
    const std::vector<AttendanceStatus>& statuses, const Currency& currency, int tax_basis_points);

// [SECTION] prepaid packages of hours

// Hours a family pays for ahead, for one student. The student's billed
// sessions from the day it was bought (to the last day it covers, if it
// ends) draw on it before anything is charged.
struct HourPackage {
    std::int64_t id = 0;
    std::int64_t student_id = 0;
    std::string purchased_on;     // local "YYYY-MM-DD"
    std::string expires_on;       // the last day it covers; empty: it does not expire
    int minutes = 0;              // bought
    int minutes_left = 0;         // not yet drawn by an invoice
    Money price;

    bool operator==(const HourPackage&) const = default;
};

inline constexpr int k_package_minutes_min = 30;
inline constexpr int k_package_minutes_max = 500 * 60;

// A package as it is sold: 30 minutes to 500 hours, a price of nothing or
// more, real days, and an end on or after the day it was bought. Errors
// name the field (minutes, price, purchased_on, expires_on).
[[nodiscard]] Result<void> check_package(const HourPackage& package);
// The minutes of a session a status bills, rounded up: what a package gives.
//   billed_minutes(45, 50) -> 23
[[nodiscard]] int billed_minutes(int minutes, int billable_percent);
// Hours as people type them, in whole minutes: "10" -> 600, "1.5" -> 90,
// "0.25" -> 15. InvalidArgument on `minutes` for anything else ("1.01" is
// not a whole minute; "", "-1", "1,5", "ten").
[[nodiscard]] Result<int> parse_hours(std::string_view text);
// "10 hours", "1 hour 30 min", "45 min": a package's size for people.
[[nodiscard]] std::string hours_for_people(int minutes);
// An invoice line's time for people: a package's sale by its size, a
// session by its minutes, the share billed and what was prepaid.
//   line_time_for_people(600, 100, 0, true)  -> "10 hours"
//   line_time_for_people(45, 50, 0, false)   -> "45 min at 50%"
//   line_time_for_people(60, 100, 60, false) -> "60 min, prepaid"
//   line_time_for_people(60, 100, 20, false) -> "60 min, 20 min prepaid"
[[nodiscard]] std::string line_time_for_people(int minutes, int billable_percent, int package_minutes, bool sale);

// The same invoice, with each line drawing first on the student's packages
// that cover its day (the oldest bought first, one package per line; what it
// cannot cover is charged at the rate). A covered line says so in its
// description; `packages`' minutes_left go down by what the draft draws.
[[nodiscard]] Result<InvoiceDraft> draft_invoice(std::vector<BilledSession> sessions, const std::vector<Rate>& rates,
    const std::vector<AttendanceStatus>& statuses, const Currency& currency, int tax_basis_points,
    std::vector<HourPackage>& packages);

// Where a package stands on `today` ("YYYY-MM-DD"): void when its sale was
// voided, else expired after its last day, else used up with no minutes
// left, else active.
enum class PackageState { Active, UsedUp, Expired, Void };
[[nodiscard]] PackageState package_state(const HourPackage& package, bool sale_voided, std::string_view today);
[[nodiscard]] std::string_view package_state_name(PackageState state);    // "active", "used_up", "expired", "void"
[[nodiscard]] std::string_view package_state_label(PackageState state);   // "Active", "Used up", "Expired", "Void"

// The invoice that sells a package: one line, "10 hours prepaid for Zoë
// Student", at its price, with the tax on it. Errors from check_package,
// or a price in another currency.
[[nodiscard]] Result<InvoiceDraft> package_sale(const HourPackage& package, std::string_view student_name,
    const Currency& currency, int tax_basis_points);

enum class InvoiceState { Draft, Issued, Paid, Void };
[[nodiscard]] std::string_view invoice_state_name(InvoiceState state);   // "draft", "issued", "paid", "void"
[[nodiscard]] Result<InvoiceState> parse_invoice_state(std::string_view name);
// How people read the state: "Draft", "Due" (issued, nothing paid yet),
// "Part paid", "Paid", "Void".
[[nodiscard]] std::string_view invoice_state_label(InvoiceState state, bool part_paid);

// An invoice's file name: its number's, or a draft's by its id.
//   invoice_file_name("BPT-2026-0001", 7, "pdf") -> "invoice-BPT-2026-0001.pdf"
//   invoice_file_name("", 7, "pdf")              -> "invoice-draft-7.pdf"
[[nodiscard]] std::string invoice_file_name(std::string_view number, std::int64_t id, std::string_view extension);
// A rate in basis points as people read it: 2000 -> "20%", 1750 -> "17.5%", 1725 -> "17.25%".
[[nodiscard]] std::string basis_points_text(int points);

// How a payment was made, as the API names it, and its words for people
// (an unknown key reads "Other").
//   payment_method_label("bank_transfer") -> "Bank transfer"
inline constexpr std::string_view k_payment_methods[] = { "bank_transfer", "card", "cash", "other" };
[[nodiscard]] bool is_payment_method(std::string_view key);
[[nodiscard]] std::string_view payment_method_label(std::string_view key);

// Whether an invoice may move from one state to another: a draft is issued
// or voided; an issued invoice is paid (when its payments reach its total)
// or voided; paid and void are final. FailedPrecondition, in words, when not.
[[nodiscard]] Result<void> check_invoice_transition(InvoiceState from, InvoiceState to);

// A tenant's invoice numbers run without gaps; the server keeps the counter.
//   invoice_number("INV", 2026, 42) -> "INV-2026-0042"
[[nodiscard]] std::string invoice_number(std::string_view prefix, int year, std::int64_t sequence);

// [SECTION] payments

// An issued invoice with what is still owed on it.
struct OpenInvoice {
    std::int64_t invoice_id = 0;
    Money total;
    Money paid;                    // payments so far

    bool operator==(const OpenInvoice&) const = default;
};

struct Allocation {
    std::int64_t invoice_id = 0;
    Money amount;
    bool settles = false;          // the invoice is paid in full with this

    bool operator==(const Allocation&) const = default;
};

struct PaymentPlan {
    std::vector<Allocation> allocations;
    Money credit;                  // what is left over, kept for the family

    bool operator==(const PaymentPlan&) const = default;
};

// Spreads a payment over a family's open invoices, oldest first (the order
// given), each up to what it still owes; what is left is credit. A payment
// must be positive and in the invoices' currency.
//   allocate_payment(£50, [{1, £30, £0}, {2, £40, £0}]) -> [{1, £30, settles}, {2, £20}], credit £0
[[nodiscard]] Result<PaymentPlan> allocate_payment(const Money& payment, const std::vector<OpenInvoice>& invoices);

// A payment with some of it not yet on any invoice: the family's credit.
struct Credit {
    std::int64_t payment_id = 0;
    Money unspent;

    bool operator==(const Credit&) const = default;
};

struct CreditUse {
    std::int64_t payment_id = 0;
    Money amount;

    bool operator==(const CreditUse&) const = default;
};

struct CreditPlan {
    std::vector<CreditUse> uses;   // which payments pay how much
    Money paid;                    // their sum
    Money still_owed;              // what the invoice owes after them

    bool operator==(const CreditPlan&) const = default;
};

// Pays what an invoice owes from the family's credit, oldest payment first
// (the order given), each up to what it has unspent. Credits in another
// currency are an error; nothing owed uses nothing.
//   apply_credit(£50, [{7, £20}, {9, £40}]) -> [{7, £20}, {9, £30}], paid £50, still owed £0
[[nodiscard]] Result<CreditPlan> apply_credit(const Money& owed, const std::vector<Credit>& credits);

// What a family owes: every issued invoice's total less every payment.
// Negative when the family is in credit.
[[nodiscard]] Result<Money> family_balance(const std::vector<Money>& issued_totals, const std::vector<Money>& payments,
    const Currency& currency);

} // namespace learnloop
