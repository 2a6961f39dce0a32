// A tutoring business's settings and holidays: [SECTION] settings (the
// zone's table for the browser, attendance statuses, clash policy, money
// settings for administrators), [SECTION] holidays and days off.
#include "tutoring/settings_handlers.hpp"

#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "finance/money.hpp"
#include "tutoring/tutoring_requests.hpp"

namespace learnloop::server {

// [SECTION] settings ---------------------------------------------------------

Result<ApiResponse> handle_tutoring_settings(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    auto settings = load_settings(txn);
    auto zone = TRY(tenant_zone(caller));
    const int year = from_unix_seconds(unix_now()).year;
    Json statuses = Json::array();
    for (const auto& s : settings.statuses) {
        Json status { { "key", s.key }, { "label", s.label } };
        if (caller.role == Role::Admin)   // what a status bills is money: administrators only
            status["billable_percent"] = s.billable_percent;
        statuses.push_back(status);
    }
    Json body { { "time_zone", caller.time_zone }, { "zone", Json::parse(zone_to_json(*zone, year - 1, year + 2)) },
        { "week_start", settings.week_start }, { "attendance_statuses", statuses },
        { "conflict_policy", to_json(settings.policy) } };
    if (caller.role == Role::Admin) {
        body["currency"] = settings.currency;
        body["tax_basis_points"] = settings.tax_basis_points;
        body["invoice_prefix"] = settings.invoice_prefix;
    }
    return json_response(200, body);
}


// PUT /api/tutoring/settings (administrators): any of the settings; the rest
// keep their values. An attendance status still used by logged sessions
// cannot be removed (409, with how many).
Result<ApiResponse> handle_update_tutoring_settings(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "attendance_statuses", "conflict_policy", "week_start", "currency", "tax_basis_points",
                                   "invoice_prefix" }));
    const auto before = load_settings(txn);
    auto after = before;
    if (body.contains("attendance_statuses")) {
        auto statuses = decode_attendance_statuses(body["attendance_statuses"]);
        if (!statuses.ok()) {
            auto error = statuses.error();
            if (error.field.rfind("statuses", 0) == 0)
                error.field = "attendance_" + error.field;
            return error;
        }
        after.statuses = statuses.value();
    }
    if (body.contains("conflict_policy")) {
        auto policy = decode_conflict_policy(body["conflict_policy"]);
        if (!policy.ok())
            return make_error(ErrorCode::InvalidArgument, "conflict_policy: " + policy.error().message, "conflict_policy");
        after.policy = policy.value();
    }
    if (body.contains("week_start")) {
        auto day = TRY(json_int_field(body, "week_start"));
        if (day != 0 && day != 1)
            return make_error(ErrorCode::InvalidArgument, "week_start is 1 (Monday) or 0 (Sunday)", "week_start");
        after.week_start = static_cast<int>(day);
    }
    if (body.contains("currency")) {
        auto code = TRY(json_string_field(body, "currency"));
        if (!find_currency(code).ok())
            return make_error(ErrorCode::InvalidArgument, "currency must be an ISO 4217 code this app knows", "currency");
        after.currency = code;
    }
    if (body.contains("tax_basis_points")) {
        auto tax = TRY(json_int_field(body, "tax_basis_points"));
        if (tax < 0 || tax > 10000)
            return make_error(ErrorCode::InvalidArgument, "tax_basis_points is 0 to 10000 (100.00%)", "tax_basis_points");
        after.tax_basis_points = static_cast<int>(tax);
    }
    if (body.contains("invoice_prefix")) {
        auto prefix = TRY(json_string_field(body, "invoice_prefix"));
        if (prefix.empty() || prefix.size() > 10 || prefix.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos)
            return make_error(ErrorCode::InvalidArgument, "invoice_prefix is 1 to 10 capital letters or digits", "invoice_prefix");
        after.invoice_prefix = prefix;
    }
    for (const auto& old : before.statuses) {
        if (find_status(after.statuses, old.key))
            continue;
        auto used = exec_named(txn, "tutoring/count_status_use", old.key)[0]["used"].as<std::int64_t>();
        if (used > 0)
            return headline_error(ErrorCode::Conflict, "Conflict",
                std::to_string(used) + (used == 1 ? " session is" : " sessions are") + " logged as \"" + old.label
                    + "\"; keep that status (you can rename it)");
    }
    auto view = [](const TutoringSettings& s) {
        return Json { { "currency", s.currency }, { "tax_basis_points", s.tax_basis_points },
            { "invoice_prefix", s.invoice_prefix }, { "attendance_statuses", to_json(s.statuses) },
            { "conflict_policy", to_json(s.policy) }, { "week_start", s.week_start } };
    };
    exec_named(txn, "tutoring/save_settings", caller.tenant_id, after.currency, after.tax_basis_points,
        after.invoice_prefix, to_json(after.statuses).dump(), to_json(after.policy).dump(), after.week_start);
    append_audit(txn, { caller.tenant_id, caller.actor(), "tutoring_settings.update", "tutoring_settings",
                          std::to_string(caller.tenant_id), view(before), view(after) });
    return handle_tutoring_settings(req, txn, caller);
}

// [SECTION] holidays and days off --------------------------------------------

namespace {

Json blocked_json(const pqxx::row& row)
{
    return { { "id", row["id"].as<std::int64_t>() }, { "first_day", row["first_day"].as<std::string>() },
        { "last_day", row["last_day"].as<std::string>() },
        { "tutor_id", nullable_json<std::int64_t>(row["tutor_id"]) },
        { "tutor_name", nullable_json<std::string>(row["tutor_name"]) },
        { "label", row["label"].as<std::string>() } };
}

} // namespace

Result<ApiResponse> handle_list_blocked_dates(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "tutoring/list_blocked_dates"))
        list.push_back(blocked_json(row));
    return json_response(200, list);
}

// POST /api/tutoring/blocked-dates (administrators): a holiday for everyone,
// or a tutor's days off. New series skip them; sessions already booked on
// those days are listed, not cancelled: people decide what happens to them.
Result<ApiResponse> handle_add_blocked_dates(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "first_day", "last_day", "label", "tutor_id" }));
    auto first = TRY(parse_day(TRY(json_string_field(body, "first_day")), "first_day"));
    auto last = TRY(parse_day(TRY(json_string_field(body, "last_day")), "last_day"));
    if (last < first)
        return make_error(ErrorCode::InvalidArgument, "last_day must be on or after first_day", "last_day");
    if (to_unix_seconds(last) - to_unix_seconds(first) > 366 * k_day)
        return make_error(ErrorCode::InvalidArgument, "Block at most a year at a time", "last_day");
    auto label = TRY(validate_text(TRY(json_string_field(body, "label")), "label", "Label", 1, 100, TextLines::Single));
    std::optional<std::int64_t> tutor;
    if (body.contains("tutor_id") && !body["tutor_id"].is_null())
        tutor = TRY(person_with_role(txn, TRY(json_int_field(body, "tutor_id")), "teacher", "tutor_id", "tutors")).id;
    auto id = exec_named(txn, "tutoring/insert_blocked_dates", caller.tenant_id, local_day_text(first), local_day_text(last), tutor,
        label)[0]["id"]
                  .as<std::int64_t>();
    auto zone = TRY(tenant_zone(caller));
    ScheduleFilter filter;
    filter.tutor_id = tutor;
    auto sessions = TRY(occurrences_in(txn, *zone, to_utc(first, *zone), to_utc(add_seconds(last, k_day), *zone), filter));
    auto names = names_for(txn, sessions);
    Json affected = Json::array();
    for (const auto& o : sessions) {
        if (o.cancelled || (tutor && o.tutor_id != *tutor))
            continue;
        affected.push_back({ { "series_id", o.series_id }, { "recurrence_id", format_local_datetime(o.recurrence_id) },
            { "start", format_local_datetime(o.start) }, { "title", session_label(o.subject, names[o.student_id], o.start) } });
    }
    Json after { { "first_day", local_day_text(first) }, { "last_day", local_day_text(last) }, { "label", label },
        { "tutor_id", tutor ? Json(*tutor) : Json(nullptr) }, { "sessions_on_them", affected.size() } };
    append_audit(txn, { caller.tenant_id, caller.actor(), "blocked_dates.create", "blocked_dates", std::to_string(id),
                          nullptr, after });
    std::string message = affected.empty()
        ? std::string("Dates blocked")
        : "Dates blocked. " + std::to_string(affected.size()) + (affected.size() == 1 ? " session is" : " sessions are")
            + " already booked on them and stay booked: move or cancel them in the calendar";
    return json_response(201, { { "message", message }, { "id", id }, { "affected", affected } });
}

Result<ApiResponse> handle_remove_blocked_dates(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], "Blocked dates not found"));
    auto removed = exec_named(txn, "tutoring/delete_blocked_dates", id);
    if (removed.empty())
        return make_error(ErrorCode::NotFound, "Blocked dates not found");
    const auto& row = removed[0];
    append_audit(txn, { caller.tenant_id, caller.actor(), "blocked_dates.delete", "blocked_dates", std::to_string(id),
                          { { "first_day", row["first_day"].as<std::string>() }, { "last_day", row["last_day"].as<std::string>() },
                              { "label", row["label"].as<std::string>() } },
                          nullptr });
    return json_response(200, { { "message", "Dates no longer blocked" } });
}

} // namespace learnloop::server
