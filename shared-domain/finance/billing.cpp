// Attendance, rates, invoices and payments (see billing.hpp).
#include "finance/billing.hpp"

#include "core/calendar.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace learnloop {

namespace {

bool valid_date(std::string_view date)
{
    return date.size() == 10 && parse_local_datetime(std::string(date) + "T00:00:00", "date").ok();
}

// How specific a rate is for a student and tutor; -1 when it does not apply.
int specificity(const Rate& rate, std::int64_t student_id, std::int64_t tutor_id)
{
    if (rate.student_id && *rate.student_id != student_id)
        return -1;
    if (rate.tutor_id && *rate.tutor_id != tutor_id)
        return -1;
    if (rate.student_id && rate.tutor_id)
        return 3;
    if (rate.student_id)
        return 2;
    if (rate.tutor_id)
        return 1;
    return 0;
}

} // namespace

// [SECTION] attendance and rates -------------------------------------------------

std::vector<AttendanceStatus> default_attendance_statuses()
{
    return { { "completed", "Completed", 100 }, { "no_show", "No-show", 100 },
        { "late_cancel", "Cancelled late", 50 }, { "cancelled", "Cancelled in time", 0 },
        { "tutor_cancel", "Cancelled by the tutor", 0 } };
}

std::string attendance_key_for(std::string_view label, const std::vector<AttendanceStatus>& existing)
{
    std::string base;
    for (char c : label) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80)
            base += static_cast<char>(std::tolower(u));
        else if (!base.empty() && base.back() != '_')
            base += '_';
    }
    if (base.empty() || base == "_")
        base = "status";
    // At most `room` characters, never ending in '_'.
    auto cut = [](std::string text, std::size_t room) {
        if (text.size() > room)
            text.resize(room);
        while (!text.empty() && text.back() == '_')
            text.pop_back();
        return text.empty() ? std::string("s") : text;
    };
    auto taken = [&](const std::string& k) { return find_status(existing, k) != nullptr; };
    auto key = cut(base, k_attendance_key_max);
    if (!taken(key))
        return key;
    for (int n = 2;; ++n) {
        const auto suffix = "_" + std::to_string(n);
        auto candidate = cut(base, k_attendance_key_max - suffix.size()) + suffix;
        if (!taken(candidate))
            return candidate;
    }
}

Result<void> check_attendance_statuses(const std::vector<AttendanceStatus>& statuses)
{
    if (statuses.empty() || statuses.size() > 20)
        return make_error(ErrorCode::InvalidArgument, "There must be 1 to 20 attendance statuses", "statuses");
    std::set<std::string> keys;
    for (const auto& s : statuses) {
        if (s.key.empty() || s.key.size() > k_attendance_key_max
            || s.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            return make_error(ErrorCode::InvalidArgument,
                "An attendance status key is 1 to 32 lower-case letters, digits or _", "statuses");
        if (!keys.insert(s.key).second)
            return make_error(ErrorCode::InvalidArgument, "Attendance status " + s.key + " is listed twice", "statuses");
        if (s.label.empty() || s.label.size() > 60)
            return make_error(ErrorCode::InvalidArgument, "Attendance status " + s.key + " needs a label of up to 60 characters",
                "statuses");
        if (s.billable_percent < 0 || s.billable_percent > 100)
            return make_error(ErrorCode::InvalidArgument,
                "Attendance status " + s.key + " bills 0 to 100 percent of a session", "statuses");
    }
    return {};
}

Result<std::vector<AttendanceStatus>> decode_attendance_statuses(const Json& json)
{
    const Json* list = TRY(json_array_at(json, "statuses", 1, 20));
    std::vector<AttendanceStatus> statuses;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = json_index_path("statuses", i);
        auto reader = TRY(JsonObjectReader::open((*list)[i], path));
        AttendanceStatus status;
        status.key = TRY(json_string_at(*TRY(reader.require("key")), reader.path("key")));
        status.label = TRY(json_string_at(*TRY(reader.require("label")), reader.path("label")));
        status.billable_percent = static_cast<int>(
            TRY(json_int_at(*TRY(reader.require("billable_percent")), reader.path("billable_percent"))));
        TRY(reader.reject_unknown("an attendance status"));
        statuses.push_back(std::move(status));
    }
    TRY(check_attendance_statuses(statuses));
    return statuses;
}

Json to_json(const std::vector<AttendanceStatus>& statuses)
{
    Json list = Json::array();
    for (const auto& s : statuses)
        list.push_back({ { "key", s.key }, { "label", s.label }, { "billable_percent", s.billable_percent } });
    return list;
}

const AttendanceStatus* find_status(const std::vector<AttendanceStatus>& statuses, std::string_view key)
{
    for (const auto& s : statuses) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

Result<Rate> rate_for(const std::vector<Rate>& rates, std::int64_t student_id, std::int64_t tutor_id, std::string_view date)
{
    const Rate* best = nullptr;
    int best_level = -1;
    for (const auto& rate : rates) {
        int level = specificity(rate, student_id, tutor_id);
        if (level < 0 || rate.effective_from > date)
            continue;
        // Dates compare as text: "YYYY-MM-DD".
        if (level > best_level || (level == best_level && rate.effective_from > best->effective_from)) {
            best = &rate;
            best_level = level;
        }
    }
    if (!best)
        return make_error(ErrorCode::NotFound, "No rate applies to this student and tutor on " + std::string(date));
    return *best;
}

// [SECTION] invoices ---------------------------------------------------------------

Result<InvoiceDraft> draft_invoice(std::vector<BilledSession> sessions, const std::vector<Rate>& rates,
    const std::vector<AttendanceStatus>& statuses, const Currency& currency, int tax_basis_points)
{
    if (tax_basis_points < 0 || tax_basis_points > 10000)
        return make_error(ErrorCode::InvalidArgument, "Tax is 0 to 100 percent", "tax_basis_points");
    std::stable_sort(sessions.begin(), sessions.end(), [](const BilledSession& a, const BilledSession& b) {
        return a.date != b.date ? a.date < b.date : a.occurrence_id < b.occurrence_id;
    });
    InvoiceDraft draft;
    draft.subtotal = { 0, currency.code };
    draft.tax_basis_points = tax_basis_points;
    for (const auto& session : sessions) {
        auto status = std::find_if(statuses.begin(), statuses.end(),
            [&](const AttendanceStatus& s) { return s.key == session.status; });
        if (status == statuses.end())
            return make_error(ErrorCode::InvalidArgument,
                "The session on " + session.date + " has attendance \"" + session.status + "\", which is not in the list",
                "status");
        if (status->billable_percent == 0)
            continue;
        if (session.minutes < 1 || session.minutes > 24 * 60)
            return make_error(ErrorCode::InvalidArgument, "A session lasts 1 minute to 24 hours", "minutes");
        if (!valid_date(session.date))
            return make_error(ErrorCode::InvalidArgument, "A session's date is YYYY-MM-DD", "date");
        auto rate = TRY(rate_for(rates, session.student_id, session.tutor_id, session.date));
        if (rate.per_hour.currency != currency.code)
            return make_error(ErrorCode::InvalidArgument,
                "A rate in " + rate.per_hour.currency + " cannot be billed on an invoice in " + currency.code, "currency");
        auto amount = TRY(scale(rate.per_hour, std::int64_t(session.minutes) * status->billable_percent, 60 * 100));
        draft.subtotal = TRY(add(draft.subtotal, amount));
        draft.lines.push_back({ session.occurrence_id, session.student_id, session.date, session.description,
            session.minutes, status->billable_percent, rate.per_hour, amount });
    }
    draft.tax = TRY(scale(draft.subtotal, tax_basis_points, 10000));
    draft.total = TRY(add(draft.subtotal, draft.tax));
    return draft;
}

std::string_view invoice_state_name(InvoiceState state)
{
    switch (state) {
    case InvoiceState::Draft: return "draft";
    case InvoiceState::Issued: return "issued";
    case InvoiceState::Paid: return "paid";
    case InvoiceState::Void: return "void";
    }
    return "draft";
}

Result<InvoiceState> parse_invoice_state(std::string_view name)
{
    for (auto state : { InvoiceState::Draft, InvoiceState::Issued, InvoiceState::Paid, InvoiceState::Void })
        if (invoice_state_name(state) == name)
            return state;
    return make_error(ErrorCode::InvalidArgument, "state must be draft, issued, paid or void", "state");
}

std::string invoice_file_name(std::string_view number, std::int64_t id, std::string_view extension)
{
    const auto name = number.empty() ? "draft-" + std::to_string(id) : std::string(number);
    return "invoice-" + name + "." + std::string(extension);
}

std::string basis_points_text(int points)
{
    std::string text = points < 0 ? "-" : "";
    const int magnitude = points < 0 ? -points : points;
    text += std::to_string(magnitude / 100);
    if (const int rest = magnitude % 100; rest != 0)
        text += rest % 10 == 0 ? "." + std::to_string(rest / 10) : (rest < 10 ? ".0" : ".") + std::to_string(rest);
    return text + "%";
}

bool is_payment_method(std::string_view key)
{
    return std::find(std::begin(k_payment_methods), std::end(k_payment_methods), key) != std::end(k_payment_methods);
}

std::string_view payment_method_label(std::string_view key)
{
    if (key == "bank_transfer")
        return "Bank transfer";
    if (key == "card")
        return "Card";
    if (key == "cash")
        return "Cash";
    return "Other";
}

std::string_view invoice_state_label(InvoiceState state, bool part_paid)
{
    switch (state) {
    case InvoiceState::Draft: return "Draft";
    case InvoiceState::Issued: return part_paid ? "Part paid" : "Due";
    case InvoiceState::Paid: return "Paid";
    case InvoiceState::Void: return "Void";
    }
    return "Draft";
}

Result<void> check_invoice_transition(InvoiceState from, InvoiceState to)
{
    const bool allowed = (from == InvoiceState::Draft && (to == InvoiceState::Issued || to == InvoiceState::Void))
        || (from == InvoiceState::Issued && (to == InvoiceState::Paid || to == InvoiceState::Void));
    if (allowed)
        return {};
    if (from == InvoiceState::Paid)
        return make_error(ErrorCode::FailedPrecondition, "This invoice is paid; record a refund as a credit instead");
    if (from == InvoiceState::Void)
        return make_error(ErrorCode::FailedPrecondition, "This invoice is void and cannot change");
    return make_error(ErrorCode::FailedPrecondition, "An invoice that is " + std::string(invoice_state_name(from))
            + " cannot become " + std::string(invoice_state_name(to)));
}

std::string invoice_number(std::string_view prefix, int year, std::int64_t sequence)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%d-%04lld", year, static_cast<long long>(sequence));
    return std::string(prefix) + "-" + digits;
}

// [SECTION] payments ---------------------------------------------------------------

Result<PaymentPlan> allocate_payment(const Money& payment, const std::vector<OpenInvoice>& invoices)
{
    if (payment.minor <= 0)
        return make_error(ErrorCode::InvalidArgument, "A payment must be more than zero", "amount");
    PaymentPlan plan;
    Money left = payment;
    for (const auto& invoice : invoices) {
        if (invoice.total.currency != payment.currency || invoice.paid.currency != payment.currency)
            return make_error(ErrorCode::InvalidArgument,
                "A payment in " + payment.currency + " cannot pay an invoice in " + invoice.total.currency, "currency");
        if (left.minor == 0)
            break;
        auto owed = TRY(subtract(invoice.total, invoice.paid));
        if (owed.minor <= 0)
            continue;
        Money amount = owed.minor <= left.minor ? owed : left;
        left = TRY(subtract(left, amount));
        plan.allocations.push_back({ invoice.invoice_id, amount, amount.minor == owed.minor });
    }
    plan.credit = left;
    return plan;
}

Result<CreditPlan> apply_credit(const Money& owed, const std::vector<Credit>& credits)
{
    if (owed.minor < 0)
        return make_error(ErrorCode::InvalidArgument, "What an invoice owes cannot be negative", "amount");
    CreditPlan plan { {}, { 0, owed.currency }, owed };
    for (const auto& credit : credits) {
        if (credit.unspent.currency != owed.currency)
            return make_error(ErrorCode::InvalidArgument,
                "Credit in " + credit.unspent.currency + " cannot pay an invoice in " + owed.currency, "currency");
        if (plan.still_owed.minor == 0)
            break;
        if (credit.unspent.minor <= 0)
            continue;
        Money amount = credit.unspent.minor <= plan.still_owed.minor ? credit.unspent : plan.still_owed;
        plan.still_owed = TRY(subtract(plan.still_owed, amount));
        plan.paid = TRY(add(plan.paid, amount));
        plan.uses.push_back({ credit.payment_id, amount });
    }
    return plan;
}

Result<Money> family_balance(const std::vector<Money>& issued_totals, const std::vector<Money>& payments,
    const Currency& currency)
{
    Money balance { 0, currency.code };
    for (const auto& total : issued_totals)
        balance = TRY(add(balance, total));
    for (const auto& paid : payments)
        balance = TRY(subtract(balance, paid));
    return balance;
}

} // namespace learnloop
