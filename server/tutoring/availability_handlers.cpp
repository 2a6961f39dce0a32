// A tutor's availability (see availability_handlers.hpp): the request's
// tutor within what the caller may change, the window checked by
// tutoring/conflicts, written and audited together.
#include "tutoring/availability_handlers.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "db/sql.hpp"
#include "tutoring/conflicts.hpp"
#include "tutoring/schedule_repository.hpp"
#include "tutoring/tutoring_requests.hpp"

namespace learnloop::server {

namespace {

const char* k_window_not_found = "Availability not found";

// The tutor a request is about: a tutor's own self; the office names one
// (`tutor_id`), which must be one of the business's tutors.
Result<Person> tutor_of(pqxx::work& txn, const Caller& caller, std::optional<std::int64_t> asked)
{
    if (caller.role == Role::Teacher) {
        if (asked && *asked != caller.user_id)
            return role_refused("Tutors keep only their own availability");
        asked = caller.user_id;
    }
    if (!asked)
        return make_error(ErrorCode::InvalidArgument, "tutor_id is required", "tutor_id");
    return person_with_role(txn, *asked, "teacher", "tutor_id", "tutors");
}

Json window_json(const AvailabilityWindow& w)
{
    return { { "id", w.id }, { "weekday", w.weekday ? Json(*w.weekday) : Json(nullptr) },
        { "on_date", w.on_date.empty() ? Json(nullptr) : Json(w.on_date) }, { "starts", clock_text(w.start_minute) },
        { "ends", clock_text(w.end_minute) }, { "available", w.available }, { "label", window_for_people(w) } };
}

} // namespace

// GET /api/tutoring/availability?tutor_id=: the tutor's windows, weekly ones
// first (Sunday to Saturday), then dates in order.
Result<ApiResponse> handle_list_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    std::optional<std::int64_t> asked;
    if (req.has_param("tutor_id"))
        asked = TRY(parse_id(req.get_param_value("tutor_id"), "No such tutor"));
    const auto tutor = TRY(tutor_of(txn, caller, asked));
    auto windows = load_availability(txn, tutor.id);
    sort_windows(windows);
    Json list = Json::array();
    for (const auto& w : windows)
        list.push_back(window_json(w));
    return json_response(200, { { "tutor_id", tutor.id }, { "tutor_name", tutor.name }, { "windows", std::move(list) } });
}

// POST /api/tutoring/availability: {"tutor_id" (the office), "weekday" 0..6
// or "on_date", "starts", "ends" ("HH:MM"), "available" (false: away)}.
// At most 200 windows a tutor.
Result<ApiResponse> handle_add_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "tutor_id", "weekday", "on_date", "starts", "ends", "available" }));
    std::optional<std::int64_t> asked;
    if (body.contains("tutor_id") && !body["tutor_id"].is_null())
        asked = TRY(json_int_field(body, "tutor_id"));
    const auto tutor = TRY(tutor_of(txn, caller, asked));
    AvailabilityWindow window;
    if (body.contains("weekday") && !body["weekday"].is_null()) {
        const auto weekday = TRY(json_int_field(body, "weekday"));
        if (weekday < 0 || weekday > 6)
            return make_error(ErrorCode::InvalidArgument, "weekday is 0 (Sunday) to 6 (Saturday)", "weekday");
        window.weekday = static_cast<int>(weekday);
    }
    if (body.contains("on_date") && !body["on_date"].is_null())
        window.on_date = TRY(json_string_field(body, "on_date"));
    window.start_minute = TRY(parse_clock(TRY(json_string_field(body, "starts")), "starts"));
    window.end_minute = TRY(parse_clock(TRY(json_string_field(body, "ends")), "ends"));
    if (body.contains("available"))
        window.available = TRY(json_bool_field(body, "available"));
    if (window.weekday && !window.available)
        return make_error(ErrorCode::InvalidArgument, "A weekly window is time the tutor is available", "available");
    TRY(check_window(window));
    if (load_availability(txn, tutor.id).size() >= 200)
        return headline_error(ErrorCode::Conflict, "Conflict", "A tutor keeps at most 200 windows; remove some first");
    window.id = exec_named(txn, "tutoring/insert_availability", caller.tenant_id, tutor.id, window.weekday,
        nonempty_or_null(window.on_date), clock_text(window.start_minute),
        clock_text(window.end_minute), window.available)[0]["id"]
                    .as<std::int64_t>();
    auto after = window_json(window);
    after["tutor_id"] = tutor.id;
    append_audit(txn, { caller.tenant_id, caller.actor(), "availability.create", "availability",
                          std::to_string(window.id), nullptr, after });
    return json_response(201,
        { { "message", "Added for " + tutor.name + ": " + window_for_people(window) }, { "id", window.id } });
}

// DELETE /api/tutoring/availability/{id}: a tutor removes their own; the office any.
Result<ApiResponse> handle_remove_availability(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_window_not_found));
    std::optional<std::int64_t> own;
    if (caller.role == Role::Teacher)
        own = caller.user_id;
    auto removed = exec_named(txn, "tutoring/delete_availability", id, own);
    if (removed.empty())
        return make_error(ErrorCode::NotFound, k_window_not_found);
    const auto window = read_window(removed[0]);
    auto before = window_json(window);
    before["tutor_id"] = removed[0]["tutor_id"].as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "availability.delete", "availability", std::to_string(id),
                          before, nullptr });
    return json_response(200, { { "message", "Removed: " + window_for_people(window) } });
}

} // namespace learnloop::server
