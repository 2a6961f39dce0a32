// Earnings, statements and payouts (payout_handlers.hpp).
#include "marketplace/payout_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/csv.hpp"
#include "core/validation.hpp"
#include "marketplace/money_json.hpp"
#include "marketplace/payouts.hpp"
#include "platform/clock.hpp"

#include <array>
#include <ctime>
#include <map>

namespace learnloop::server {

namespace {

const char* k_no_marketplace = "This organisation has no course catalog";
const char* k_instructor_not_found = "Instructor not found";
const char* k_payout_not_found = "Payout not found";
constexpr std::int64_t k_day = 86400;
constexpr std::size_t k_reference_most = 100;


struct PayoutTerms {
    std::int64_t threshold_minor = 5000;
    int hold_days = 14;
    std::string currency;   // the marketplace's home currency, the threshold's
};

Result<PayoutTerms> terms_of(pqxx::result rows)
{
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_no_marketplace);
    return PayoutTerms { rows[0]["payout_threshold_minor"].as<std::int64_t>(), rows[0]["payout_hold_days"].as<int>(),
        rows[0]["currency"].as<std::string>() };
}

// The instructor a request is about: the caller themself, or for the office
// the one ?instructor_id= names (required).
Result<std::pair<std::int64_t, std::string>> instructor_of(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller)
{
    const bool everyone = reach_for(caller, Action::PayoutRead).scope == Scope::Tenant;
    std::int64_t id = caller.user_id;
    if (req.has_param("instructor_id"))
        id = TRY(parse_number_param(req, "instructor_id", 1, INT64_MAX, 0));
    else if (everyone)
        return make_error(ErrorCode::InvalidArgument, "instructor_id is required", "instructor_id");
    if (!everyone && id != caller.user_id)
        return make_error(ErrorCode::NotFound, k_instructor_not_found);
    auto rows = exec_named(txn, "marketplace/marketplace_instructor", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_instructor_not_found);
    return std::make_pair(id, rows[0]["name"].as<std::string>());
}

EarningLine line_of(const pqxx::row& row)
{
    const auto currency = row["currency"].as<std::string>();
    return { row["id"].as<std::int64_t>(), row["month"].as<std::string>(), row["paid_at"].as<std::int64_t>(),
        { row["instructor_share_minor"].as<std::int64_t>(), currency },
        { row["refunded_instructor_minor"].as<std::int64_t>(), currency } };
}

PayoutLine payout_line_of(const pqxx::row& row)
{
    return { row["month"].as<std::string>(), { row["amount_minor"].as<std::int64_t>(), row["currency"].as<std::string>() },
        row["status"].as<std::string>() == "paid" };
}

Json payout_json(const pqxx::row& row)
{
    const auto status = row["status"].as<std::string>();
    const auto month = row["month"].as<std::string>();
    return { { "id", row["id"].as<std::int64_t>() }, { "instructor_id", row["instructor_id"].as<std::int64_t>() },
        { "instructor_name", row["instructor_name"].as<std::string>() }, { "month", month },
        { "month_label", month_for_people(month) },
        { "amount", money_json({ row["amount_minor"].as<std::int64_t>(), row["currency"].as<std::string>() }) },
        { "status", status }, { "status_label", status == "paid" ? "Paid" : "Due" },
        { "reference", row["reference"].as<std::string>() },
        { "paid_at", nullable_json<std::string>(row["paid_at"]) } };
}

} // namespace

// [SECTION] earnings

Result<ApiResponse> handle_earnings(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto [instructor, name] = TRY(instructor_of(req, txn, caller));
    const auto terms = TRY(terms_of(exec_named(txn, "marketplace/payout_settings")));
    std::vector<EarningLine> lines;
    // By month, newest first: orders, what learners paid, the share, refunds (per currency).
    struct Month {
        int orders = 0;
        std::map<std::string, std::array<std::int64_t, 3>> money;   // currency -> gross, share, refunded
    };
    std::map<std::string, Month, std::greater<>> months;
    for (const auto& row : exec_named(txn, "marketplace/earning_lines", instructor, caller.time_zone)) {
        lines.push_back(line_of(row));
        auto& month = months[row["month"].as<std::string>()];
        ++month.orders;
        auto& money = month.money[row["currency"].as<std::string>()];
        money[0] += row["gross_minor"].as<std::int64_t>();
        money[1] += row["instructor_share_minor"].as<std::int64_t>();
        money[2] += row["refunded_instructor_minor"].as<std::int64_t>();
    }
    std::vector<PayoutLine> payouts;
    Json payout_list = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/payouts_made", instructor)) {
        payouts.push_back(payout_line_of(row));
        payout_list.push_back(payout_json(row));
    }
    Json currencies = Json::array();
    for (const auto& e : summarize_earnings(lines, payouts, unix_now(), terms.hold_days * k_day))
        currencies.push_back({ { "currency", e.currency }, { "earned", money_json(e.earned) },
            { "refunded", money_json(e.refunded) }, { "pending", money_json(e.pending) },
            { "available", money_json(e.available) }, { "due", money_json(e.due) }, { "paid", money_json(e.paid) } });
    Json by_month = Json::array();
    for (const auto& [month, m] : months) {
        if (by_month.size() == 12)
            break;
        Json money = Json::array();
        for (const auto& [currency, sums] : m.money)
            money.push_back({ { "currency", currency }, { "sales", money_json({ sums[0], currency }) },
                { "share", money_json({ sums[1], currency }) }, { "refunded", money_json({ sums[2], currency }) } });
        by_month.push_back({ { "month", month }, { "month_label", month_for_people(month) }, { "orders", m.orders },
            { "money", money } });
    }
    return json_response(200,
        { { "instructor_id", instructor }, { "instructor_name", name }, { "hold_days", terms.hold_days },
            { "threshold", money_json({ terms.threshold_minor, terms.currency }) }, { "currencies", currencies },
            { "months", by_month }, { "payouts", payout_list } });
}

Result<ApiResponse> handle_statement(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto [instructor, name] = TRY(instructor_of(req, txn, caller));
    const auto month = req.has_param("month") ? req.get_param_value("month") : std::string();
    TRY(check_payout_month(month, "9999-12"));   // any month written right; one to come has no orders
    std::string csv(k_csv_utf8_mark);
    csv += csv_row({ "Paid", "Order", "Course", "Currency", "Price", "Payment processing", "Platform fee",
        "Your share", "Refunded from your share", "Your share after refunds" });
    std::map<std::string, std::array<std::int64_t, 6>> totals;
    for (const auto& row : exec_named(txn, "marketplace/statement_lines", instructor, month, caller.time_zone)) {
        const auto currency = row["currency"].as<std::string>();
        const auto cur = currency_of(currency);
        const std::array<std::int64_t, 5> parts { row["gross_minor"].as<std::int64_t>(),
            row["processing_fee_minor"].as<std::int64_t>(), row["platform_fee_minor"].as<std::int64_t>(),
            row["instructor_share_minor"].as<std::int64_t>(), row["refunded_instructor_minor"].as<std::int64_t>() };
        std::vector<std::string> fields { row["paid_local"].as<std::string>(), std::to_string(row["id"].as<std::int64_t>()),
            row["course_title"].as<std::string>(), currency };
        for (auto minor : parts)
            fields.push_back(format_amount({ minor, currency }, cur));
        fields.push_back(format_amount({ parts[3] - parts[4], currency }, cur));
        csv += csv_row(fields);
        auto& total = totals[currency];
        for (std::size_t i = 0; i < parts.size(); ++i)
            total[i] += parts[i];
        total[5] += parts[3] - parts[4];
    }
    for (const auto& [currency, total] : totals) {
        std::vector<std::string> fields { "Total", "", month_for_people(month), currency };
        for (auto minor : total)
            fields.push_back(format_amount({ minor, currency }, currency_of(currency)));
        csv += csv_row(fields);
    }
    return attachment_response(std::move(csv), "text/csv; charset=utf-8", "earnings-" + month + ".csv");
}

// [SECTION] payouts

Result<ApiResponse> handle_payouts(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto page = TRY(parse_page(req));
    std::string status;
    if (req.has_param("status") && !req.get_param_value("status").empty()) {
        status = req.get_param_value("status");
        if (status != "due" && status != "paid")
            return make_error(ErrorCode::InvalidArgument, "status is due or paid", "status");
    }
    const auto scope = reach_for(caller, Action::PayoutRead).scope == Scope::Tenant ? "tenant" : "own";
    auto rows = exec_page(txn, "marketplace/payouts_page", page, std::string(scope), caller.user_id, status);
    return paged_response(req, page, rows, payout_json);
}

// The month's run: per instructor and currency, what had cleared of orders
// paid up to the month's end, less what earlier payouts paid, where that
// reaches the threshold. Runs one at a time (the settings row is locked), and
// a second run of a month adds only what became due since.
Result<ApiResponse> handle_run_payouts(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto body = TRY(parse_json_body(req));
    auto reader = TRY(JsonObjectReader::open(body, ""));
    const auto* month_field = TRY(reader.require("month"));
    TRY(reader.reject_unknown("a payout run"));
    const auto this_month = exec_named(txn, "marketplace/this_month", caller.time_zone)[0]["month"].as<std::string>();
    const auto month = TRY(check_payout_month(TRY(json_string_at(*month_field, "month")), this_month));
    const auto terms = TRY(terms_of(exec_named(txn, "marketplace/payout_terms")));

    std::map<std::int64_t, std::vector<EarningLine>> lines;
    for (const auto& row : exec_named(txn, "marketplace/earning_lines", std::int64_t { 0 }, caller.time_zone))
        lines[row["instructor_id"].as<std::int64_t>()].push_back(line_of(row));
    std::map<std::int64_t, std::vector<PayoutLine>> made;
    for (const auto& row : exec_named(txn, "marketplace/payouts_made", std::int64_t { 0 }))
        made[row["instructor_id"].as<std::int64_t>()].push_back(payout_line_of(row));

    Json payouts = Json::array();
    Json audited = Json::array();
    std::map<std::string, std::int64_t> totals;
    for (const auto& [instructor, their_lines] : lines) {
        for (const auto& amount : plan_payouts(their_lines, made[instructor], month, unix_now(),
                 terms.hold_days * k_day, terms.threshold_minor)) {
            auto made_now = exec_named(txn, "marketplace/make_payout", caller.tenant_id, instructor, month,
                amount.currency, amount.minor, caller.user_id);
            if (made_now.empty())
                continue;   // this month's payout in this currency was made before
            payouts.push_back(payout_json(made_now[0]));
            audited.push_back({ { "payout_id", made_now[0]["id"].as<std::int64_t>() }, { "instructor_id", instructor },
                { "currency", amount.currency }, { "amount_minor", amount.minor } });
            totals[amount.currency] += amount.minor;
        }
    }
    const auto label = month_for_people(month);
    if (audited.empty())
        return json_response(200, { { "message", "Nothing more to pay for " + label
                                                     + ": every instructor is paid or below the threshold" },
                                      { "month", month }, { "payouts", Json::array() } });
    append_audit(txn, { caller.tenant_id, caller.actor(), "payouts.run", "tenant", std::to_string(caller.tenant_id),
                          nullptr, { { "month", month }, { "payouts", audited } } });
    std::string total_text;
    for (const auto& [currency, minor] : totals)
        total_text += (total_text.empty() ? "" : " + ") + format_money({ minor, currency }, currency_of(currency));
    const auto n = audited.size();
    return json_response(201, { { "message", std::to_string(n) + (n == 1 ? " payout" : " payouts") + " due for "
                                                 + label + ": " + total_text },
                                  { "month", month }, { "payouts", payouts } });
}

Result<ApiResponse> handle_payout_paid(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_payout_not_found));
    const auto body = TRY(parse_json_body(req));
    auto reader = TRY(JsonObjectReader::open(body, ""));
    const auto* reference_field = TRY(reader.require("reference"));
    TRY(reader.reject_unknown("a payout"));
    const auto reference = TRY(validate_text(TRY(json_string_at(*reference_field, "reference")), "reference",
        "The transfer's reference", 1, k_reference_most, TextLines::Single));
    auto rows = exec_named(txn, "marketplace/payout_to_change", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_payout_not_found);
    if (rows[0]["status"].as<std::string>() == "paid")
        return make_error(ErrorCode::Conflict, "This payout was marked paid already");
    exec_named(txn, "marketplace/mark_payout_paid", id, caller.user_id, reference);
    append_audit(txn, { caller.tenant_id, caller.actor(), "payout.paid", "payout", std::to_string(id),
                          { { "status", "due" } }, { { "status", "paid" }, { "reference", reference } } });
    auto after = exec_named(txn, "marketplace/payout_to_change", id)[0];
    Json payout = payout_json(after);
    payout["message"] = "Marked paid: " + payout["amount"]["text"].get<std::string>() + " to "
        + after["instructor_name"].as<std::string>();
    return json_response(200, std::move(payout));
}

} // namespace learnloop::server
