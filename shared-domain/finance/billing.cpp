// Attendance, rates, invoices and payments (see billing.hpp).
#include "finance/billing.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"

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
    std::vector<HourPackage> none;
    return draft_invoice(std::move(sessions), rates, statuses, currency, tax_basis_points, none);
}

namespace {

// The package that covers a student's session on `date`: the oldest bought
// with minutes left, in the invoice's currency; null when none.
HourPackage* package_for(std::vector<HourPackage>& packages, std::int64_t student_id, const std::string& date,
    const Currency& currency)
{
    HourPackage* found = nullptr;
    for (auto& p : packages) {
        if (p.student_id != student_id || p.minutes_left <= 0 || p.price.currency != currency.code
            || p.purchased_on > date || (!p.expires_on.empty() && date > p.expires_on))
            continue;
        if (!found || p.purchased_on < found->purchased_on || (p.purchased_on == found->purchased_on && p.id < found->id))
            found = &p;
    }
    return found;
}

Result<void> check_tax(int tax_basis_points)
{
    if (tax_basis_points < 0 || tax_basis_points > 10000)
        return make_error(ErrorCode::InvalidArgument, "Tax is 0 to 100 percent", "tax_basis_points");
    return {};
}

constexpr std::size_t k_description_max = 200;   // characters, as invoice_lines keeps them

// A covered line's description: the session's, and how much was prepaid.
std::string covered_description(const std::string& description, int covered, int billed)
{
    const auto suffix = covered == billed ? std::string(" (prepaid)") : " (" + std::to_string(covered) + " min prepaid)";
    return utf8_prefix(description, k_description_max - suffix.size()) + suffix;
}

} // namespace

Result<InvoiceDraft> draft_invoice(std::vector<BilledSession> sessions, const std::vector<Rate>& rates,
    const std::vector<AttendanceStatus>& statuses, const Currency& currency, int tax_basis_points,
    std::vector<HourPackage>& packages)
{
    TRY(check_tax(tax_basis_points));
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
        InvoiceLine line { session.occurrence_id, session.student_id, session.date, session.description,
            session.minutes, status->billable_percent, rate.per_hour, {}, 0, 0, { 0, currency.code } };
        // Charged: the rate for the billed minutes no package covers, as a
        // share of the whole (so a line with no package rounds as before).
        const int billed = billed_minutes(session.minutes, status->billable_percent);
        if (auto* package = package_for(packages, session.student_id, session.date, currency)) {
            line.package_id = package->id;
            line.package_minutes = std::min(package->minutes_left, billed);
            // The share of the price: what the package is worth used so far
            // after this line, less before it, so the shares of a package
            // used up add up to its price exactly.
            const int used_before = package->minutes - package->minutes_left;
            const auto worth_after = TRY(scale(package->price, used_before + line.package_minutes, package->minutes));
            const auto worth_before = TRY(scale(package->price, used_before, package->minutes));
            line.package_value = TRY(subtract(worth_after, worth_before));
            package->minutes_left -= line.package_minutes;
            line.description = covered_description(line.description, line.package_minutes, billed);
        }
        line.amount = TRY(scale(rate.per_hour,
            std::int64_t(session.minutes) * status->billable_percent * (billed - line.package_minutes),
            std::int64_t(60) * 100 * billed));
        draft.subtotal = TRY(add(draft.subtotal, line.amount));
        draft.lines.push_back(std::move(line));
    }
    draft.tax = TRY(scale(draft.subtotal, tax_basis_points, 10000));
    draft.total = TRY(add(draft.subtotal, draft.tax));
    return draft;
}

// [SECTION] prepaid packages of hours ----------------------------------------------

Result<void> check_package(const HourPackage& package)
{
    if (package.minutes < k_package_minutes_min || package.minutes > k_package_minutes_max)
        return make_error(ErrorCode::InvalidArgument, "A package holds 30 minutes to 500 hours", "minutes");
    if (package.price.minor < 0)
        return make_error(ErrorCode::InvalidArgument, "A package's price cannot be negative", "price");
    if (!valid_date(package.purchased_on))
        return make_error(ErrorCode::InvalidArgument, "purchased_on must be a date, YYYY-MM-DD", "purchased_on");
    if (!package.expires_on.empty() && !valid_date(package.expires_on))
        return make_error(ErrorCode::InvalidArgument, "expires_on must be a date, YYYY-MM-DD", "expires_on");
    if (!package.expires_on.empty() && package.expires_on < package.purchased_on)
        return make_error(ErrorCode::InvalidArgument, "A package cannot end before the day it is bought", "expires_on");
    return {};
}

Result<int> parse_hours(std::string_view text)
{
    auto refuse = [] { return make_error(ErrorCode::InvalidArgument, "Hours are a number such as 10 or 1.5", "minutes"); };
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot), fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 4 || !digits(whole) || fraction.size() > 2 || !digits(fraction)
        || (dot != std::string_view::npos && fraction.empty()))
        return refuse();
    int hundredths = 0;
    for (std::size_t i = 0; i < 2; ++i)
        hundredths = hundredths * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (hundredths * 60 % 100 != 0)
        return refuse();
    return std::stoi(std::string(whole)) * 60 + hundredths * 60 / 100;
}

int billed_minutes(int minutes, int billable_percent) { return (minutes * billable_percent + 99) / 100; }

std::string hours_for_people(int minutes)
{
    const int hours = minutes / 60, rest = minutes % 60;
    std::string text;
    if (hours > 0)
        text = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
    if (rest > 0 || hours == 0)
        text += (text.empty() ? "" : " ") + std::to_string(rest) + " min";
    return text;
}

PackageState package_state(const HourPackage& package, bool sale_voided, std::string_view today)
{
    if (sale_voided)
        return PackageState::Void;
    if (!package.expires_on.empty() && today > package.expires_on)
        return PackageState::Expired;
    return package.minutes_left <= 0 ? PackageState::UsedUp : PackageState::Active;
}

std::string_view package_state_name(PackageState state)
{
    switch (state) {
    case PackageState::Active: return "active";
    case PackageState::UsedUp: return "used_up";
    case PackageState::Expired: return "expired";
    case PackageState::Void: return "void";
    }
    return "active";
}

std::string_view package_state_label(PackageState state)
{
    switch (state) {
    case PackageState::Active: return "Active";
    case PackageState::UsedUp: return "Used up";
    case PackageState::Expired: return "Expired";
    case PackageState::Void: return "Void";
    }
    return "Active";
}

std::string line_time_for_people(int minutes, int billable_percent, int package_minutes, bool sale)
{
    if (sale)
        return hours_for_people(minutes);
    auto text = std::to_string(minutes) + " min";
    if (billable_percent != 100)
        text += " at " + std::to_string(billable_percent) + "%";
    if (package_minutes > 0)
        text += package_minutes >= billed_minutes(minutes, billable_percent)
            ? std::string(", prepaid")
            : ", " + std::to_string(package_minutes) + " min prepaid";
    return text;
}

Result<InvoiceDraft> package_sale(const HourPackage& package, std::string_view student_name, const Currency& currency,
    int tax_basis_points)
{
    TRY(check_package(package));
    if (package.price.currency != currency.code)
        return make_error(ErrorCode::InvalidArgument,
            "A package priced in " + package.price.currency + " cannot be sold on an invoice in " + currency.code, "price");
    TRY(check_tax(tax_basis_points));
    auto description
        = utf8_prefix(hours_for_people(package.minutes) + " prepaid for " + std::string(student_name), k_description_max);
    InvoiceLine line;
    line.student_id = package.student_id;
    line.date = package.purchased_on;
    line.description = std::move(description);
    line.minutes = package.minutes;
    line.per_hour = Money { 0, currency.code };
    line.amount = package.price;
    line.package_id = package.id;
    line.package_value = Money { 0, currency.code };
    InvoiceDraft draft;
    draft.lines.push_back(std::move(line));
    draft.subtotal = package.price;
    draft.tax_basis_points = tax_basis_points;
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
