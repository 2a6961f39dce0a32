// A tutoring business's money: [SECTION] helpers, [SECTION] rates,
// [SECTION] invoices (drafts from logged sessions, issue with the next
// number, void), [SECTION] payments, [SECTION] balances and revenue.
// Every sum is finance/billing's (whole minor units); this file reads
// requests, scopes them to the caller and writes. Only administrators reach
// amounts, except a parent reading their own family's invoices and balance:
// moderators and tutors are refused by the permission matrix (403), so no
// amount is ever written to them.
// Over 600 lines: the money's handlers share their helpers for scoping a request to the
// caller (who may see amounts) and for reading invoices back.
#include "tutoring/billing_handlers.hpp"

#include "tutoring/invoice_pdf.hpp"

#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "finance/billing.hpp"
#include "finance/revenue.hpp"
#include "messaging/notices.hpp"
#include "tutoring/tutoring_requests.hpp"


namespace learnloop::server {

namespace {

// [SECTION] helpers ----------------------------------------------------------

const char* k_invoice_not_found = "Invoice not found";
constexpr int k_max_invoice_days = 366;

Currency currency_of(const std::string& code)
{
    auto found = find_currency(code);
    if (!found.ok())   // stored codes are checked when saved
        throw std::logic_error("stored currency " + code + " is unknown");
    return found.value();
}

// An amount as the API writes it: decimal text in the currency's unit
// beside the whole minor units, e.g. "total": "12.50", "total_minor": 1250.
void put_amount(Json& json, const std::string& key, std::int64_t minor, const Currency& currency)
{
    json[key] = format_amount({ minor, currency.code }, currency);
    json[key + "_minor"] = minor;
}

Json invoice_json(const pqxx::row& row)
{
    const auto currency = currency_of(row["currency"].as<std::string>());
    const auto total = row["total_minor"].as<std::int64_t>(), paid = row["paid_minor"].as<std::int64_t>();
    const auto state = row["state"].as<std::string>();
    Json json { { "id", row["id"].as<std::int64_t>() },
        { "number", nullable_json<std::string>(row["number"]) },
        { "family_id", row["family_id"].as<std::int64_t>() }, { "family_name", row["family_name"].as<std::string>() },
        { "state", state }, { "period_from", row["period_from"].as<std::string>() },
        { "period_to", row["period_to"].as<std::string>() }, { "currency", currency.code },
        { "tax_basis_points", row["tax_basis_points"].as<int>() }, { "created_at", row["created_at"].as<std::string>() },
        { "issued_at", nullable_json<std::string>(row["issued_at"]) } };
    put_amount(json, "subtotal", row["subtotal_minor"].as<std::int64_t>(), currency);
    put_amount(json, "tax", row["tax_minor"].as<std::int64_t>(), currency);
    put_amount(json, "total", total, currency);
    put_amount(json, "paid", paid, currency);
    put_amount(json, "due", state == "issued" ? total - paid : 0, currency);
    return json;
}

// The family an invoice or payment is for: a parent (for their linked
// children's sessions) or a student paying for themself.
Result<Person> family_field(pqxx::work& txn, const Json& body)
{
    auto id = TRY(json_int_field(body, "family_id"));
    auto person = find_person(txn, id);
    if (!person || (person->role != "parent" && person->role != "student"))
        return make_error(ErrorCode::InvalidArgument, "family_id must be one of the business's parents or students",
            "family_id");
    return *person;
}

// Invoice `id` as the caller may see it: a parent sees their own family's
// once issued; anyone else's, or a draft, reads as not found.
Result<pqxx::row> visible_invoice(pqxx::work& txn, const Caller& caller, const std::string& id_text, bool lock)
{
    auto id = TRY(parse_id(id_text, k_invoice_not_found));
    auto rows = exec_named(txn, lock ? "tutoring/lock_invoice" : "tutoring/find_invoice", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_invoice_not_found);
    if (caller.role == Role::Parent
        && (rows[0]["family_id"].as<std::int64_t>() != caller.user_id || rows[0]["state"].as<std::string>() == "draft"))
        return make_error(ErrorCode::NotFound, k_invoice_not_found);
    return rows[0];
}

Result<InvoiceState> state_of(const pqxx::row& invoice)
{
    return parse_invoice_state(invoice["state"].as<std::string>());
}

Result<void> move_invoice(const pqxx::row& invoice, InvoiceState to)
{
    auto checked = check_invoice_transition(TRY(state_of(invoice)), to);
    if (!checked.ok())
        return headline_error(ErrorCode::Conflict, "Conflict", checked.error().message);
    return {};
}

std::vector<Rate> billing_rates(pqxx::work& txn, std::int64_t tenant_id)
{
    std::vector<Rate> rates;
    for (const auto& row : exec_named(txn, "tutoring/rates_for_billing", tenant_id))
        rates.push_back({ optional_field<std::int64_t>(row["student_id"]), optional_field<std::int64_t>(row["tutor_id"]),
            row["effective_from"].as<std::string>(),
            { row["per_hour_minor"].as<std::int64_t>(), row["currency"].as<std::string>() } });
    return rates;
}

// The packages family `family_id`'s sessions may draw on, locked until the
// transaction ends (tutoring/lock_family_packages), with what is left.
std::vector<HourPackage> live_packages(pqxx::work& txn, std::int64_t family_id)
{
    exec_named(txn, "tutoring/lock_family_packages", family_id);
    std::vector<HourPackage> packages;
    for (const auto& row : exec_named(txn, "tutoring/packages_for_billing", family_id))
        packages.push_back({ row["id"].as<std::int64_t>(), row["student_id"].as<std::int64_t>(),
            row["purchased_on"].as<std::string>(), row["expires_on"].as<std::string>(), row["minutes"].as<int>(),
            row["minutes_left"].as<int>(), { row["price_minor"].as<std::int64_t>(), row["currency"].as<std::string>() } });
    return packages;
}

// Spreads `amount` of payment `payment_id` over the family's open invoices,
// oldest first (billing's allocate_payment); answers the plan with each
// invoice's number for people.
Result<PaymentPlan> spread_payment(pqxx::work& txn, std::int64_t tenant_id, std::int64_t family_id,
    std::int64_t payment_id, const Money& amount)
{
    std::vector<OpenInvoice> open;
    for (const auto& row : exec_named(txn, "tutoring/open_invoices", family_id))
        open.push_back({ row["id"].as<std::int64_t>(), { row["total_minor"].as<std::int64_t>(), row["currency"].as<std::string>() },
            { row["paid_minor"].as<std::int64_t>(), row["currency"].as<std::string>() } });
    auto plan = TRY(allocate_payment(amount, open));
    for (const auto& a : plan.allocations)
        exec_named(txn, "tutoring/allocate_payment", tenant_id, payment_id, a.amount.minor, a.invoice_id, a.settles);
    return plan;
}

} // namespace

// [SECTION] rates ------------------------------------------------------------

Result<ApiResponse> handle_list_rates(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "tutoring/list_rates")) {
        const auto currency = currency_of(row["currency"].as<std::string>());
        Json rate { { "id", row["id"].as<std::int64_t>() },
            { "student_id", nullable_json<std::int64_t>(row["student_id"]) },
            { "student_name", nullable_json<std::string>(row["student_name"]) },
            { "tutor_id", nullable_json<std::int64_t>(row["tutor_id"]) },
            { "tutor_name", nullable_json<std::string>(row["tutor_name"]) },
            { "effective_from", row["effective_from"].as<std::string>() }, { "currency", currency.code } };
        put_amount(rate, "per_hour", row["per_hour_minor"].as<std::int64_t>(), currency);
        list.push_back(std::move(rate));
    }
    return json_response(200, list);
}

// POST /api/tutoring/rates: a price per hour from a date on, for a student,
// a tutor, both together, or (neither) the default, in the business's
// currency. One rate per people and date: a second is 409.
Result<ApiResponse> handle_add_rate(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id", "tutor_id", "effective_from", "per_hour" }));
    std::optional<std::int64_t> student, tutor;
    if (body.contains("student_id") && !body["student_id"].is_null())
        student = TRY(person_with_role(txn, TRY(json_int_field(body, "student_id")), "student", "student_id", "students")).id;
    if (body.contains("tutor_id") && !body["tutor_id"].is_null())
        tutor = TRY(person_with_role(txn, TRY(json_int_field(body, "tutor_id")), "teacher", "tutor_id", "tutors")).id;
    auto from = local_day_text(TRY(parse_day(TRY(json_string_field(body, "effective_from")), "effective_from")));
    const auto currency = currency_of(load_settings(txn).currency);
    auto per_hour = TRY(parse_money(TRY(json_string_field(body, "per_hour")), currency, "per_hour"));
    Json rate = Json::array({ { { "student_id", student ? Json(*student) : Json(nullptr) },
        { "tutor_id", tutor ? Json(*tutor) : Json(nullptr) }, { "effective_from", from },
        { "per_hour_minor", per_hour.minor }, { "currency", currency.code } } });
    if (exec_named(txn, "tutoring/insert_rates", caller.tenant_id, rate.dump())[0]["added"].as<int>() == 0)
        return headline_error(ErrorCode::Conflict, "Conflict",
            "These people already have a rate from " + from + "; add one from another date");
    append_audit(txn, { caller.tenant_id, caller.actor(), "rate.create", "rate", from, nullptr, rate[0] });
    return json_response(201, { { "message", "Rate added" } });
}

// [SECTION] invoices ---------------------------------------------------------

Result<ApiResponse> handle_list_invoices(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    std::optional<std::int64_t> family;
    std::optional<std::string> state;
    if (req.has_param("family_id"))
        family = TRY(parse_id(req.get_param_value("family_id"), "No such family"));
    if (req.has_param("state"))
        state = std::string(invoice_state_name(TRY(parse_invoice_state(req.get_param_value("state")))));
    const bool office = caller.role == Role::Admin;
    if (!office) {   // a parent: their own family's, issued ones
        if (family && *family != caller.user_id)
            return role_refused("Parents see only their own family's invoices");
        family = caller.user_id;
    }
    auto rows = exec_page(txn, "tutoring/list_invoices", page, family, state, office);
    return paged_response(req, page, rows, invoice_json);
}

namespace {

// An invoice the caller may see, with its lines and payments (GET and PDF).
Result<Json> invoice_with_lines(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto row = TRY(visible_invoice(txn, caller, req.matches[1], false));
    auto invoice = invoice_json(row);
    const auto currency = currency_of(invoice["currency"]);
    Json lines = Json::array(), payments = Json::array();
    for (const auto& l : exec_named(txn, "tutoring/invoice_lines", invoice["id"].get<std::int64_t>())) {
        Json line { { "occurrence_id", nullable_json<std::int64_t>(l["occurrence_id"]) },
            { "student_id", l["student_id"].as<std::int64_t>() }, { "student_name", l["student_name"].as<std::string>() },
            { "date", l["session_date"].as<std::string>() }, { "description", l["description"].as<std::string>() },
            { "minutes", l["minutes"].as<int>() }, { "billable_percent", l["billable_percent"].as<int>() },
            { "package_id", nullable_json<std::int64_t>(l["package_id"]) },
            { "package_minutes", l["package_minutes"].as<int>() } };
        put_amount(line, "per_hour", l["per_hour_minor"].as<std::int64_t>(), currency);
        put_amount(line, "amount", l["amount_minor"].as<std::int64_t>(), currency);
        lines.push_back(std::move(line));
    }
    for (const auto& p : exec_named(txn, "tutoring/invoice_payments", invoice["id"].get<std::int64_t>())) {
        Json payment { { "payment_id", p["payment_id"].as<std::int64_t>() },
            { "received_on", p["received_on"].as<std::string>() }, { "method", p["method"].as<std::string>() } };
        put_amount(payment, "amount", p["amount_minor"].as<std::int64_t>(), currency);
        payments.push_back(std::move(payment));
    }
    // A package's sale: its lines bill no session.
    invoice["sells_package"] = !lines.empty()
        && std::all_of(lines.begin(), lines.end(), [](const Json& l) { return l["occurrence_id"].is_null(); });
    invoice["lines"] = std::move(lines);
    invoice["payments"] = std::move(payments);
    // Who issued it and on which day of their calendar, as printed.
    invoice["business_name"] = exec_named(txn, "identity/tenant_profile", caller.tenant_id)[0]["name"].as<std::string>();
    invoice["issued_on"] = nullptr;
    if (invoice["issued_at"].is_string()) {
        auto at = parse_utc_timestamp(invoice["issued_at"].get<std::string>());
        if (at.ok())
            invoice["issued_on"] = local_day_text(to_local(at.value(), *TRY(tenant_zone(caller))));
    }
    return invoice;
}

} // namespace

Result<ApiResponse> handle_get_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    return json_response(200, TRY(invoice_with_lines(req, txn, caller)));
}

// GET /api/tutoring/invoices/{id}.pdf: the same invoice as a PDF file, for
// whoever may read it (a parent their own family's issued ones).
Result<ApiResponse> handle_invoice_pdf(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto invoice = TRY(invoice_with_lines(req, txn, caller));
    const auto issued_on = invoice["issued_on"].is_string() ? invoice["issued_on"].get<std::string>() : std::string();
    const auto name = invoice_file_name(invoice["number"].is_string() ? invoice["number"].get<std::string>() : "",
        invoice["id"].get<std::int64_t>(), "pdf");
    return attachment_response(TRY(invoice_pdf(invoice, invoice["business_name"].get<std::string>(), issued_on)),
        "application/pdf", name);
}

// POST /api/tutoring/invoices: a draft for a family's logged sessions on
// the local days `from` to `to` (both included) that no invoice holds yet,
// each at its rate (billing's draft_invoice). The sessions it bills are
// locked (no edits) until the invoice is voided. Nothing to bill is 409; a
// session with no rate is 409 naming it.
Result<ApiResponse> handle_create_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "family_id", "from", "to" }));
    auto family = TRY(family_field(txn, body));
    auto from = TRY(parse_day(TRY(json_string_field(body, "from")), "from"));
    auto to = TRY(parse_day(TRY(json_string_field(body, "to")), "to"));
    if (to < from)
        return make_error(ErrorCode::InvalidArgument, "to must be on or after from", "to");
    if (to_unix_seconds(to) - to_unix_seconds(from) >= k_max_invoice_days * k_day)
        return make_error(ErrorCode::InvalidArgument, "An invoice covers at most a year", "to");

    const auto settings = load_settings(txn);
    auto packages = live_packages(txn, family.id);
    std::vector<BilledSession> sessions;
    for (const auto& row : exec_named(txn, "tutoring/billable_sessions", family.id, local_day_text(from), local_day_text(to)))
        sessions.push_back({ row["occurrence_id"].as<std::int64_t>(), row["student_id"].as<std::int64_t>(),
            row["tutor_id"].as<std::int64_t>(), row["day"].as<std::string>(), row["minutes"].as<int>(),
            row["attendance"].as<std::string>(), row["description"].as<std::string>() });
    auto drafted = draft_invoice(sessions, billing_rates(txn, caller.tenant_id), settings.statuses,
        currency_of(settings.currency), settings.tax_basis_points, packages);
    if (!drafted.ok())
        return headline_error(ErrorCode::Conflict, "Conflict", drafted.error().message);
    const auto& draft = drafted.value();
    if (draft.lines.empty())
        return headline_error(ErrorCode::Conflict, "Conflict",
            "Nothing to bill: " + family.name + " has no logged sessions to invoice from " + local_day_text(from) + " to "
                + local_day_text(to));

    auto stored = invoice_record(draft, family.id, local_day_text(from), local_day_text(to));
    auto id = exec_named(txn, "tutoring/insert_invoice", caller.tenant_id, stored.dump())[0]["id"].as<std::int64_t>();
    int prepaid = 0;
    for (const auto& l : draft.lines)
        prepaid += l.package_minutes > 0 ? 1 : 0;
    stored.erase("lines");
    stored["sessions"] = draft.lines.size();
    stored["prepaid_sessions"] = prepaid;
    append_audit(txn, { caller.tenant_id, caller.actor(), "invoice.create", "invoice", std::to_string(id), nullptr, stored });
    auto invoice = invoice_json(exec_named(txn, "tutoring/find_invoice", id)[0]);
    std::string message = "Draft invoice made for " + family.name;
    if (prepaid > 0)
        message += "; " + std::to_string(prepaid) + (prepaid == 1 ? " session is" : " sessions are") + " paid from prepaid hours";
    return json_response(201, { { "message", message }, { "id", id }, { "invoice", invoice } });
}

// POST /api/tutoring/invoices/{id}/issue: the draft takes the next number
// of the business's counter, under the settings row's lock in this same
// transaction, so numbers run without gaps even when two are issued at
// once. Credit the family has (payments not yet on an invoice) pays it
// first.
Result<ApiResponse> handle_issue_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto row = TRY(visible_invoice(txn, caller, req.matches[1], true));
    TRY(move_invoice(row, InvoiceState::Issued));
    const auto id = row["id"].as<std::int64_t>(), family = row["family_id"].as<std::int64_t>();
    exec_named(txn, "tutoring/ensure_settings", caller.tenant_id);
    auto counter = exec_named(txn, "tutoring/lock_invoice_counter", caller.tenant_id);
    const auto sequence = counter[0]["next_invoice_number"].as<std::int64_t>();
    auto zone = TRY(tenant_zone(caller));
    const auto number = invoice_number(counter[0]["invoice_prefix"].as<std::string>(),
        to_local(unix_now(), *zone).year, sequence);
    exec_named(txn, "tutoring/issue_invoice", id, number);
    exec_named(txn, "tutoring/set_next_invoice_number", caller.tenant_id, sequence + 1);

    // The family's credit, oldest payment first, up to what the invoice owes.
    const auto currency = currency_of(row["currency"].as<std::string>());
    std::vector<Credit> credits;
    for (const auto& payment : exec_named(txn, "tutoring/family_credit", family))
        credits.push_back({ payment["id"].as<std::int64_t>(), { payment["unspent_minor"].as<std::int64_t>(), currency.code } });
    const auto plan = TRY(apply_credit({ row["total_minor"].as<std::int64_t>(), currency.code }, credits));
    for (const auto& use : plan.uses)
        exec_named(txn, "tutoring/allocate_payment", caller.tenant_id, use.payment_id, use.amount.minor, id,
            &use == &plan.uses.back() && plan.still_owed.minor == 0);
    const std::int64_t owed = plan.still_owed.minor, from_credit = plan.paid.minor;
    append_audit(txn, { caller.tenant_id, caller.actor(), "invoice.issue", "invoice", std::to_string(id),
                          { { "state", "draft" } },
                          { { "state", owed == 0 ? "paid" : "issued" }, { "number", number },
                              { "paid_from_credit_minor", from_credit } } });
    const auto total = row["total_minor"].as<std::int64_t>();
    notify(txn, caller.tenant_id, { family },
        total == 0 ? "Invoice " + number + " is ready: there is nothing to pay."
                   : "Invoice " + number + " for " + format_money({ total, currency.code }, currency)
                + (owed == 0 ? " is ready, and paid from your credit." : " is ready."));
    std::string message = "Invoice " + number + " issued";
    if (total == 0)
        message += "; there is nothing to pay, so it is paid";
    else if (from_credit > 0)
        message += owed == 0 ? " and paid from the family's credit"
                             : "; " + format_money({ from_credit, currency.code }, currency) + " of credit paid towards it";
    auto invoice = invoice_json(exec_named(txn, "tutoring/find_invoice", id)[0]);
    return json_response(200, { { "message", message }, { "invoice", invoice } });
}

// POST /api/tutoring/invoices/{id}/void: a draft or issued invoice is
// cancelled and its sessions are free again (to change, or to bill anew).
// One with payments on it is refused: they stay the family's record.
Result<ApiResponse> handle_void_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto row = TRY(visible_invoice(txn, caller, req.matches[1], true));
    TRY(move_invoice(row, InvoiceState::Void));
    if (row["paid_minor"].as<std::int64_t>() > 0)
        return headline_error(ErrorCode::Conflict, "Conflict",
            "Payments have been received on this invoice, so it cannot be voided");
    const auto id = row["id"].as<std::int64_t>();
    // An invoice that sells prepaid hours voids them with it: not while
    // another invoice has drawn on them (read under the drafts' lock).
    exec_named(txn, "tutoring/lock_sold_package", id);
    const auto sale = exec_named(txn, "tutoring/package_sold_by", id);
    std::vector<std::string> drawing;
    int drafts = 0;
    for (const auto& other : sale)
        if (other["drawn_by"].is_null())
            continue;
        else if (other["number"].is_null())
            ++drafts;
        else
            drawing.push_back(other["drawn_by"].as<std::string>());
    if (drafts > 0)
        drawing.push_back(drafts == 1 ? std::string("a draft") : std::to_string(drafts) + " drafts");
    if (!drawing.empty())
        return headline_error(ErrorCode::Conflict, "Conflict",
            "This invoice sells prepaid hours that sessions on " + list_for_people(drawing)
                + " have used; void " + (drawing.size() == 1 && drafts <= 1 ? "that invoice" : "those invoices") + " first");
    auto freed = exec_named(txn, "tutoring/void_invoice", id)[0]["freed"].as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "invoice.void", "invoice", std::to_string(id),
                          { { "state", row["state"].as<std::string>() } },
                          { { "state", "void" }, { "sessions_freed", freed },
                              { "package_voided", sale.empty() ? Json(nullptr) : Json(sale[0]["package_id"].as<std::int64_t>()) } } });
    if (!sale.empty())
        return json_response(200, { { "message", "Invoice voided; the prepaid hours it sold are void too" } });
    return json_response(200, { { "message", "Invoice voided; its " + std::to_string(freed)
                                                 + (freed == 1 ? " session is" : " sessions are") + " free to bill again" } });
}

// [SECTION] payments ---------------------------------------------------------

// POST /api/tutoring/payments: money received from a family, in the
// business's currency, spread over its issued invoices oldest first; what
// is left is its credit (it pays the next invoice issued).
Result<ApiResponse> handle_record_payment(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "family_id", "amount", "received_on", "method", "note" }));
    auto family = TRY(family_field(txn, body));
    const auto currency = currency_of(load_settings(txn).currency);
    auto amount = TRY(parse_money(TRY(json_string_field(body, "amount")), currency, "amount"));
    if (amount.minor <= 0)
        return make_error(ErrorCode::InvalidArgument, "amount must be more than nothing", "amount");
    auto received = local_day_text(TRY(parse_day(TRY(json_string_field(body, "received_on")), "received_on")));
    auto method = TRY(json_string_field(body, "method"));
    if (!is_payment_method(method))
        return make_error(ErrorCode::InvalidArgument, "method must be one of cash, card, bank_transfer, other", "method");
    std::optional<std::string> note;
    if (body.contains("note") && !body["note"].is_null())
        note = TRY(validate_text(TRY(json_string_field(body, "note")), "note", "Note", 0, 500, TextLines::Multiple));

    Json stored { { "family_id", family.id }, { "amount_minor", amount.minor }, { "currency", currency.code },
        { "received_on", received }, { "method", method }, { "note", note ? Json(*note) : Json(nullptr) },
        { "created_by", caller.user_id }, { "allocations", Json::array() },
        { "settled", Json::array() } };
    auto payment_id = exec_named(txn, "tutoring/insert_payment", caller.tenant_id, stored.dump())[0]["id"].as<std::int64_t>();
    auto plan = TRY(spread_payment(txn, caller.tenant_id, family.id, payment_id, amount));

    Json allocations = Json::array();
    for (const auto& a : plan.allocations) {
        Json allocation { { "invoice_id", a.invoice_id }, { "settles", a.settles } };
        put_amount(allocation, "amount", a.amount.minor, currency);
        allocations.push_back(std::move(allocation));
    }
    stored.erase("allocations");
    stored.erase("settled");
    stored["spread"] = allocations;
    append_audit(txn, { caller.tenant_id, caller.actor(), "payment.create", "payment", std::to_string(payment_id),
                          nullptr, stored });
    std::string message = format_money(amount, currency) + " received from " + family.name;
    if (plan.credit.minor > 0)
        message += "; " + format_money(plan.credit, currency) + " kept as credit";
    Json answer { { "message", message }, { "id", payment_id }, { "allocations", allocations } };
    put_amount(answer, "credit", plan.credit.minor, currency);
    return json_response(201, answer);
}

// [SECTION] prepaid packages -------------------------------------------------

namespace {

Json package_json(const pqxx::row& row, const std::string& today)
{
    const auto currency = currency_of(row["currency"].as<std::string>());
    HourPackage package { row["id"].as<std::int64_t>(), row["student_id"].as<std::int64_t>(),
        row["purchased_on"].as<std::string>(), optional_field<std::string>(row["expires_on"]).value_or(""),
        row["minutes"].as<int>(), row["minutes"].as<int>() - row["minutes_used"].as<int>(),
        { row["price_minor"].as<std::int64_t>(), currency.code } };
    const auto state = package_state(package, row["invoice_state"].as<std::string>() == "void", today);
    Json json { { "id", package.id }, { "student_id", package.student_id },
        { "student_name", row["student_name"].as<std::string>() }, { "family_id", row["family_id"].as<std::int64_t>() },
        { "family_name", row["family_name"].as<std::string>() }, { "minutes", package.minutes },
        { "minutes_used", row["minutes_used"].as<int>() }, { "minutes_left", std::max(package.minutes_left, 0) },
        { "hours", hours_for_people(package.minutes) },
        { "left", package.minutes_left > 0 ? hours_for_people(package.minutes_left) : "none" },
        { "currency", currency.code }, { "purchased_on", package.purchased_on },
        { "expires_on", package.expires_on.empty() ? Json(nullptr) : Json(package.expires_on) },
        { "invoice_id", row["invoice_id"].as<std::int64_t>() }, { "invoice_number", nullable_json<std::string>(row["invoice_number"]) },
        { "state", package_state_name(state) }, { "state_label", package_state_label(state) } };
    put_amount(json, "price", package.price.minor, currency);
    return json;
}

} // namespace

// GET /api/tutoring/packages?student_id=: prepaid hours sold, newest first,
// with what is left: every family's (administrators) or, for a parent,
// those they paid for, once invoiced.
Result<ApiResponse> handle_list_packages(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    std::optional<std::int64_t> student;
    if (req.has_param("student_id"))
        student = TRY(parse_id(req.get_param_value("student_id"), "No such student"));
    const bool office = caller.role == Role::Admin;
    std::optional<std::int64_t> family;
    if (!office)
        family = caller.user_id;
    auto zone = TRY(tenant_zone(caller));
    const auto today = local_day_text(to_local(unix_now(), *zone));
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "tutoring/list_packages", family, student, office))
        list.push_back(package_json(row, today));
    return json_response(200, list);
}

// POST /api/tutoring/packages: hours sold ahead for a student, paid for by
// `family_id` (by default the student's first linked parent, or the student
// themself), on a draft invoice of its own (billing's package_sale) to issue
// like any other. The student's sessions billed from `purchased_on` to
// `expires_on` draw on it.
Result<ApiResponse> handle_sell_package(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id", "family_id", "minutes", "price", "purchased_on", "expires_on" }));
    auto student = TRY(person_with_role(txn, TRY(json_int_field(body, "student_id")), "student", "student_id", "students"));
    Person family = student;
    if (body.contains("family_id") && !body["family_id"].is_null()) {
        family = TRY(family_field(txn, body));
        if (family.id != student.id && !is_linked_child(txn, family.id, student.id))
            return make_error(ErrorCode::InvalidArgument, "family_id must be the student or one of their parents",
                "family_id");
    } else if (auto parents = exec_named(txn, "tutoring/parents_of", student.id); !parents.empty()) {
        if (auto parent = find_person(txn, parents[0]["parent_id"].as<std::int64_t>()))
            family = *parent;
    }
    const auto settings = load_settings(txn);
    const auto currency = currency_of(settings.currency);
    HourPackage package;
    package.student_id = student.id;
    const auto minutes = TRY(json_int_field(body, "minutes"));
    if (minutes < k_package_minutes_min || minutes > k_package_minutes_max)
        return make_error(ErrorCode::InvalidArgument, "A package holds 30 minutes to 500 hours", "minutes");
    package.minutes = static_cast<int>(minutes);
    package.minutes_left = package.minutes;
    package.price = TRY(parse_money(TRY(json_string_field(body, "price")), currency, "price"));
    package.purchased_on = local_day_text(TRY(parse_day(TRY(json_string_field(body, "purchased_on")), "purchased_on")));
    if (body.contains("expires_on") && !body["expires_on"].is_null())
        package.expires_on = local_day_text(TRY(parse_day(TRY(json_string_field(body, "expires_on")), "expires_on")));
    TRY(check_package(package));

    Json stored { { "student_id", student.id }, { "family_id", family.id }, { "minutes", package.minutes },
        { "price_minor", package.price.minor }, { "currency", currency.code }, { "purchased_on", package.purchased_on },
        { "expires_on", package.expires_on.empty() ? Json(nullptr) : Json(package.expires_on) },
        { "created_by", caller.user_id } };
    package.id = exec_named(txn, "tutoring/insert_package", caller.tenant_id, stored.dump())[0]["id"].as<std::int64_t>();
    const auto sale = TRY(package_sale(package, student.name, currency, settings.tax_basis_points));
    const auto invoice_id = exec_named(txn, "tutoring/insert_invoice", caller.tenant_id,
        invoice_record(sale, family.id, package.purchased_on, package.purchased_on).dump())[0]["id"].as<std::int64_t>();
    stored["invoice_id"] = invoice_id;
    append_audit(txn, { caller.tenant_id, caller.actor(), "package.create", "package", std::to_string(package.id),
                          nullptr, stored });
    append_audit(txn, { caller.tenant_id, caller.actor(), "invoice.create", "invoice", std::to_string(invoice_id), nullptr,
                          { { "family_id", family.id }, { "state", "draft" }, { "total_minor", sale.total.minor },
                              { "sells_package", package.id } } });
    return json_response(201, { { "message", hours_for_people(package.minutes) + " prepaid for " + student.name
                                                 + "; the draft invoice for " + format_money(sale.total, currency)
                                                 + " is ready to issue to " + family.name },
                                   { "id", package.id }, { "invoice_id", invoice_id } });
}

// [SECTION] balances and revenue ---------------------------------------------

// GET /api/tutoring/balances: each family's account (a parent: their own):
// invoiced, paid, what is still owed (the balance) and credit.
Result<ApiResponse> handle_balances(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    std::optional<std::int64_t> family;
    if (caller.role != Role::Admin)
        family = caller.user_id;
    const auto currency = currency_of(load_settings(txn).currency);
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "tutoring/balances", family)) {
        const auto invoiced = row["invoiced_minor"].as<std::int64_t>(), paid = row["paid_minor"].as<std::int64_t>();
        Json account { { "family_id", row["family_id"].as<std::int64_t>() },
            { "family_name", row["family_name"].as<std::string>() }, { "currency", currency.code } };
        put_amount(account, "invoiced", invoiced, currency);
        put_amount(account, "paid", paid, currency);
        put_amount(account, "balance", invoiced - paid, currency);
        put_amount(account, "credit", row["credit_minor"].as<std::int64_t>(), currency);
        list.push_back(std::move(account));
    }
    return json_response(200, list);
}

Result<MonthRange> read_month_range(const httplib::Request& req)
{
    auto month_param = [&](const char* name) -> Result<LocalDateTime> {
        if (!req.has_param(name))
            return make_error(ErrorCode::InvalidArgument, std::string(name) + " is required (YYYY-MM)", name);
        auto text = req.get_param_value(name);
        if (text.size() != 7)
            return make_error(ErrorCode::InvalidArgument, std::string(name) + " must be a month, YYYY-MM", name);
        return parse_day(text + "-01", name);
    };
    MonthRange range;
    range.first_day = TRY(month_param("from"));
    auto to = TRY(month_param("to"));
    range.months = (to.year - range.first_day.year) * 12 + (to.month - range.first_day.month) + 1;
    if (range.months < 1)
        return make_error(ErrorCode::InvalidArgument, "to must be on or after from", "to");
    if (range.months > 36)
        return make_error(ErrorCode::InvalidArgument, "Ask for at most 36 months at a time", "to");
    range.last_day = to;
    range.last_day.day = days_in_month(to.year, to.month);
    return range;
}

// GET /api/tutoring/revenue?from=YYYY-MM&to=YYYY-MM: what issued and paid
// invoices bill for sessions in those months, per month, per tutor and per
// student (administrators only), at most 36 months.
Result<ApiResponse> handle_revenue(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    const auto range = TRY(read_month_range(req));
    const auto& from = range.first_day;
    const auto& last = range.last_day;
    const auto currency = currency_of(load_settings(txn).currency);
    std::vector<BilledAmount> billed;
    for (const auto& row : exec_named(txn, "tutoring/revenue", local_day_text(from), local_day_text(last)))
        billed.push_back({ row["month"].as<std::string>(), row["tutor_id"].as<std::int64_t>(),
            row["tutor_name"].as<std::string>(), row["student_id"].as<std::int64_t>(),
            row["student_name"].as<std::string>(), row["amount_minor"].as<std::int64_t>() });
    const auto report = TRY(summarise_revenue(billed, from.year, from.month, range.months, currency));
    auto people = [&](const std::vector<PersonRevenue>& list) {
        Json out = Json::array();
        for (const auto& person : list) {
            Json item { { "id", person.id }, { "name", person.name } };
            put_amount(item, "amount", person.amount.minor, currency);
            out.push_back(std::move(item));
        }
        return out;
    };
    Json months_json = Json::array();
    for (const auto& month : report.by_month) {
        Json item { { "month", month.month } };
        put_amount(item, "amount", month.amount.minor, currency);
        months_json.push_back(std::move(item));
    }
    Json answer { { "currency", currency.code }, { "from", local_day_text(from).substr(0, 7) }, { "to", local_day_text(last).substr(0, 7) },
        { "by_month", months_json }, { "by_tutor", people(report.by_tutor) }, { "by_student", people(report.by_student) } };
    const auto total = report.total.minor;
    put_amount(answer, "total", total, currency);
    return json_response(200, answer);
}

} // namespace learnloop::server
