// The tutoring schedule: [SECTION] helpers, [SECTION] reading the calendar,
// [SECTION] booking, [SECTION] changing sessions, [SECTION] attendance.
// Domain rules (expansion, splits, clashes, holidays) are shared-domain's
// tutoring/; this file reads requests, scopes them to the caller and writes.
// Over 600 lines: the schedule's handlers share their helpers for reading a series, scoping it
// to the caller and writing its changes with their audit rows.
#include "tutoring/schedule_handlers.hpp"

#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "finance/money.hpp"
#include "messaging/notices.hpp"
#include "platform/time_zones.hpp"
#include "tutoring/tutoring_requests.hpp"

#include <algorithm>
#include <ctime>
#include <set>

namespace learnloop::server {

namespace {

// [SECTION] helpers ----------------------------------------------------------

constexpr int k_max_window_days = 62;          // a month view's six weeks, with room
constexpr int k_check_weeks = 12;              // how far ahead a booking is checked for clashes
constexpr std::size_t k_check_occurrences = 100;
constexpr std::size_t k_most_per_day = 8;          // sessions of one series in a day
constexpr std::size_t k_check_limit = 200000;      // the business's sessions a clash check reads
const char* k_series_not_found = "Session not found";

// A tutor (the teacher role) acts on their own series only.
Result<void> require_own_series(const Caller& caller, const SessionSeries& series)
{
    if (caller.role == Role::Teacher && series.tutor_id != caller.user_id)
        return role_refused("You can change only your own sessions");
    return {};
}

Result<StoredSeries> series_for_change(pqxx::work& txn, const Caller& caller, const std::string& id_text)
{
    auto id = TRY(parse_id(id_text, k_series_not_found));
    auto stored = find_series(txn, id, true);
    if (!stored)
        return make_error(ErrorCode::NotFound, k_series_not_found);
    TRY(require_own_series(caller, stored->series));
    return *stored;
}

Result<std::string> subject_field(const Json& body)
{
    return validate_text(TRY(json_string_field(body, "subject")), "subject", "Subject", 1, 100, TextLines::Single);
}

Result<std::string> room_field(const Json& body)
{
    if (!body.contains("room") || body["room"].is_null())
        return std::string();
    return validate_text(TRY(json_string_field(body, "room")), "room", "Room", 0, 60, TextLines::Single);
}

Result<int> minutes_field(const Json& body)
{
    auto minutes = TRY(json_int_field(body, "duration_minutes"));
    if (minutes < 5 || minutes > 720)
        return make_error(ErrorCode::InvalidArgument, "A session lasts 5 to 720 minutes", "duration_minutes");
    return static_cast<int>(minutes);
}

Result<std::optional<RecurrenceRule>> rule_field(const Json& body)
{
    if (!body.contains("rrule") || body["rrule"].is_null())
        return std::optional<RecurrenceRule>();
    auto text = TRY(json_string_field(body, "rrule"));
    if (text.size() > 2048)
        return make_error(ErrorCode::InvalidArgument, "rrule is too long", "rrule");
    auto rule = RecurrenceRule::create(text);
    if (!rule.ok())
        return make_error(ErrorCode::InvalidArgument, "rrule: " + rule.error().message, "rrule");
    return std::optional<RecurrenceRule>(rule.value());
}

Result<LocalDateTime> local_time_field(const Json& body, const char* field)
{
    return parse_local_datetime(TRY(json_string_field(body, field)), field);
}

Json conflict_json(const Conflict& c)
{
    static const char* checks[] = { "tutor", "student", "room" };
    return { { "check", checks[static_cast<int>(c.check)] },
        { "level", c.level == PolicyLevel::Block ? "block" : "warn" }, { "message", c.message } };
}

// What a proposed schedule runs into over the next weeks: clashes by the
// tenant's policy, time outside the tutor's availability (a warning).
struct Proposal {
    std::vector<Conflict> blocking;
    std::vector<std::string> warnings;
};


// From `from` (UTC) on: a booking is checked from its first session (also
// one back-filled in the past); an edit from where it changes, and never
// before yesterday (the past it leaves as it was).
Result<Proposal> check_proposal(pqxx::work& txn, const SessionSeries& proposed, std::int64_t from,
    const std::set<std::int64_t>& replaced_series, const TutoringSettings& settings, const ZoneRules& zone)
{
    Proposal proposal;
    const auto to = from + k_check_weeks * 7 * k_day;
    auto listed = occurrences_between({ proposed }, {}, zone, from, to, k_most_per_day * 7 * k_check_weeks);
    if (!listed.ok() && listed.error().code == ErrorCode::ResourceExhausted)
        return make_error(ErrorCode::InvalidArgument,
            "A series may have at most " + std::to_string(k_most_per_day) + " sessions a day", "rrule");
    auto mine = TRY(std::move(listed));
    if (mine.empty())
        return proposal;
    // A day earlier: a session begun before the first proposed one may still run into it.
    auto sharing = schedule_sharing(txn, zone, from - k_day, to + k_day, proposed.tutor_id, proposed.student_id,
        proposed.room);
    auto others = TRY(occurrences_between(sharing.series, sharing.changes, zone, from - k_day, to + k_day, k_check_limit));
    std::set<std::int64_t> ids { proposed.tutor_id, proposed.student_id };
    for (const auto& o : others) {
        ids.insert(o.tutor_id);
        ids.insert(o.student_id);
    }
    auto names = names_of(txn, { ids.begin(), ids.end() });
    std::vector<BookedSession> booked;
    for (const auto& o : others) {
        if (o.cancelled || replaced_series.contains(o.series_id) || find_status(settings.statuses, o.attendance))
            continue;
        booked.push_back({ std::to_string(o.series_id) + "@" + format_local_datetime(o.recurrence_id), o.tutor_id,
            o.student_id, o.room, o.start_utc, o.end_utc, session_label(o.subject, names[o.student_id], o.start) });
    }
    auto availability = load_availability(txn, proposed.tutor_id);
    std::set<std::string> seen;
    std::size_t checked = 0;
    for (const auto& o : mine) {
        if (++checked > k_check_occurrences)
            break;
        BookedSession session { "proposed", o.tutor_id, o.student_id, o.room, o.start_utc, o.end_utc, "" };
        for (const auto& conflict : find_conflicts(session, booked, settings.policy).conflicts) {
            if (conflict.level == PolicyLevel::Block)
                proposal.blocking.push_back(conflict);
            else if (seen.insert(conflict.message).second)
                proposal.warnings.push_back(conflict.message);
        }
        if (!within_availability(availability, o.start, o.duration_minutes)) {
            auto message = names[proposed.tutor_id] + " is not available " + format_for_people(o.start);
            if (seen.insert(message).second)
                proposal.warnings.push_back(message);
        }
    }
    return proposal;
}

ApiResponse blocked_response(const Proposal& proposal)
{
    Json conflicts = Json::array();
    for (const auto& c : proposal.blocking)
        conflicts.push_back(conflict_json(c));
    auto details = proposal.blocking.front().message;
    if (proposal.blocking.size() > 1)
        details += " (and " + std::to_string(proposal.blocking.size() - 1) + " more)";
    return json_response(409,
        { { "error", "Conflict" }, { "details", details }, { "field", "dtstart" }, { "conflicts", conflicts } });
}

Json times_json(const std::vector<LocalDateTime>& times)
{
    Json list = Json::array();
    for (const auto& t : times)
        list.push_back(format_local_datetime(t));
    return list;
}

Json series_json(const SessionSeries& s, std::optional<std::int64_t> split_from)
{
    return { { "id", s.id }, { "tutor_id", s.tutor_id }, { "student_id", s.student_id }, { "subject", s.subject },
        { "room", s.room }, { "dtstart", format_local_datetime(s.schedule.dtstart) },
        { "duration_minutes", s.duration_minutes },
        { "rrule", s.schedule.rule ? Json(s.schedule.rule->to_text()) : Json(nullptr) },
        { "exdates", times_json(s.schedule.exdates) }, { "rdates", times_json(s.schedule.rdates) },
        { "split_from", split_from ? Json(*split_from) : Json(nullptr) } };
}

std::string session_key(std::int64_t series_id, const LocalDateTime& recurrence_id)
{
    return std::to_string(series_id) + "@" + format_local_datetime(recurrence_id);
}

Json change_json(const OccurrenceChange& c)
{
    return { { "starts", c.starts ? Json(format_local_datetime(*c.starts)) : Json(nullptr) },
        { "duration_minutes", c.duration_minutes ? Json(*c.duration_minutes) : Json(nullptr) },
        { "tutor_id", c.tutor_id ? Json(*c.tutor_id) : Json(nullptr) }, { "cancelled", c.cancelled },
        { "attendance", c.attendance }, { "note_length", c.note.size() } };
}

} // namespace

// [SECTION] reading the calendar --------------------------------------------

namespace {

// The filter a request asks for (tutor_id, student_id), kept within what the
// caller may see: the office filters as it likes; tutors, students and
// parents ask only within their own (`what` names the refused list).
Result<ScheduleFilter> scoped_filter(const httplib::Request& req, pqxx::work& txn, const Caller& caller,
    const std::string& what)
{
    ScheduleFilter filter;
    if (req.has_param("tutor_id"))
        filter.tutor_id = TRY(parse_id(req.get_param_value("tutor_id"), "No such tutor"));
    if (req.has_param("student_id"))
        filter.student_id = TRY(parse_id(req.get_param_value("student_id"), "No such student"));
    const auto own = own_sessions(caller.role, caller.user_id);
    if (own.tutor_id && filter.tutor_id && *filter.tutor_id != *own.tutor_id)
        return role_refused("Tutors see only their own " + what);
    if (own.student_id && filter.student_id && *filter.student_id != *own.student_id)
        return role_refused("Students see only their own " + what);
    if (own.parent_id && filter.student_id && !is_linked_child(txn, *own.parent_id, *filter.student_id))
        return role_refused("Parents see only their children's " + what);
    if (own.tutor_id)
        filter.tutor_id = own.tutor_id;
    if (own.student_id)
        filter.student_id = own.student_id;
    filter.parent_id = own.parent_id;
    return filter;
}

// The occurrences from local day `from` to `to` that a filter sees. A
// tutor's view holds the sessions they teach: not those of their series
// handed to another tutor, and those handed to them.
Result<std::vector<SessionOccurrence>> sessions_seen(pqxx::work& txn, const ZoneRules& zone, const LocalDateTime& from,
    const LocalDateTime& to, const ScheduleFilter& filter)
{
    auto sessions = TRY(occurrences_in(txn, zone, to_utc(from, zone), to_utc(to, zone), filter));
    if (filter.tutor_id)
        std::erase_if(sessions, [&](const SessionOccurrence& o) { return o.tutor_id != *filter.tutor_id; });
    return sessions;
}

} // namespace

Result<CalendarWindow> read_calendar_window(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    if (!req.has_param("from") || !req.has_param("to"))
        return make_error(ErrorCode::InvalidArgument, "from and to are required (YYYY-MM-DD)", "from");
    CalendarWindow window;
    window.from = TRY(parse_day(req.get_param_value("from"), "from"));
    window.to = TRY(parse_day(req.get_param_value("to"), "to"));
    const auto days = (to_unix_seconds(window.to) - to_unix_seconds(window.from)) / k_day;
    if (days < 1)
        return make_error(ErrorCode::InvalidArgument, "to must be after from", "to");
    if (days > k_max_window_days)
        return make_error(ErrorCode::InvalidArgument,
            "Ask for at most " + std::to_string(k_max_window_days) + " days at a time", "to");

    auto filter = TRY(scoped_filter(req, txn, caller, "sessions"));
    auto zone = TRY(tenant_zone(caller));
    window.sessions = TRY(sessions_seen(txn, *zone, window.from, window.to, filter));
    window.settings = load_settings(txn);
    window.names = names_for(txn, window.sessions);
    return window;
}

// GET /api/tutoring/occurrences?from=YYYY-MM-DD&to=YYYY-MM-DD: the calendar
// window (read_calendar_window) as JSON.
Result<ApiResponse> handle_list_occurrences(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto window = TRY(read_calendar_window(req, txn, caller));
    Json items = Json::array();
    for (const auto& o : window.sessions)
        items.push_back(occurrence_json(o, window.names, window.settings));
    return json_response(200, { { "time_zone", caller.time_zone }, { "from", local_day_text(window.from) },
                                  { "to", local_day_text(window.to) }, { "occurrences", std::move(items) } });
}

// GET /api/tutoring/students?tutor_id=: the students of the sessions from
// four weeks ago to eight weeks ahead (shared-domain sessions_by_student):
// a tutor's own, or the office's (everyone's, or one tutor's), by name.
Result<ApiResponse> handle_list_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto filter = TRY(scoped_filter(req, txn, caller, "students"));
    auto zone = TRY(tenant_zone(caller));
    const auto now = unix_now();
    auto today = to_local(now, *zone);
    today.hour = today.minute = today.second = 0;
    const auto from = add_seconds(today, -28 * k_day), to = add_seconds(today, 57 * k_day);
    auto sessions = TRY(sessions_seen(txn, *zone, from, to, filter));
    const auto names = names_for(txn, sessions);
    const auto settings = load_settings(txn);
    auto name = [&](std::int64_t id) {
        auto found = names.find(id);
        return found == names.end() ? std::string() : found->second;
    };
    auto summary = sessions_by_student(sessions, now);
    std::stable_sort(summary.begin(), summary.end(),
        [&](const StudentSessions& a, const StudentSessions& b) { return name(a.student_id) < name(b.student_id); });
    Json students = Json::array();
    for (const auto& s : summary) {
        Json tutors = Json::array();
        for (auto id : s.tutor_ids)
            tutors.push_back({ { "id", id }, { "name", name(id) } });
        Json to_log = Json::array();
        for (const auto& o : s.to_log)
            to_log.push_back(occurrence_json(o, names, settings));
        students.push_back({ { "id", s.student_id }, { "name", name(s.student_id) }, { "subjects", s.subjects },
            { "tutors", std::move(tutors) },
            { "next", s.next ? occurrence_json(*s.next, names, settings) : Json(nullptr) },
            { "last", s.last ? occurrence_json(*s.last, names, settings) : Json(nullptr) }, { "logged", s.logged },
            { "to_log", std::move(to_log) } });
    }
    return json_response(200, { { "from", local_day_text(from) }, { "to", local_day_text(to) }, { "students", std::move(students) } });
}

Result<ApiResponse> handle_get_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_series_not_found));
    auto stored = find_series(txn, id, false);
    if (!stored)
        return make_error(ErrorCode::NotFound, k_series_not_found);
    const auto& s = stored->series;
    bool visible = caller.role == Role::Admin || caller.role == Role::Moderator
        || (caller.role == Role::Teacher && s.tutor_id == caller.user_id)
        || (caller.role == Role::Student && s.student_id == caller.user_id)
        || (caller.role == Role::Parent && is_linked_child(txn, caller.user_id, s.student_id));
    if (!visible)
        return make_error(ErrorCode::NotFound, k_series_not_found);
    return json_response(200, series_json(s, stored->split_from));
}

// [SECTION] booking ----------------------------------------------------------

// POST /api/tutoring/series: book a session, or a recurring series of them.
// Holidays and the tutor's days off are skipped (and listed); clashes the
// tenant's policy blocks refuse the booking (409, each listed); the others
// come back as warnings with the booked series.
Result<ApiResponse> handle_create_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "tutor_id", "student_id", "subject", "room", "dtstart", "duration_minutes", "rrule" }));
    SessionSeries series;
    if (caller.role == Role::Teacher) {
        series.tutor_id = body.contains("tutor_id") ? TRY(json_int_field(body, "tutor_id")) : caller.user_id;
        if (series.tutor_id != caller.user_id)
            return role_refused("Tutors book only their own sessions");
    } else {
        series.tutor_id = TRY(json_int_field(body, "tutor_id"));
    }
    series.student_id = TRY(json_int_field(body, "student_id"));
    series.subject = TRY(subject_field(body));
    series.room = TRY(room_field(body));
    series.schedule.dtstart = TRY(local_time_field(body, "dtstart"));
    series.duration_minutes = TRY(minutes_field(body));
    series.schedule.rule = TRY(rule_field(body));
    auto tutor = TRY(person_with_role(txn, series.tutor_id, "teacher", "tutor_id", "tutors"));
    auto student = TRY(person_with_role(txn, series.student_id, "student", "student_id", "students"));

    auto settings = load_settings(txn);
    auto zone = TRY(tenant_zone(caller));
    if (series.schedule.rule)
        series.schedule.rule = localize_until(*series.schedule.rule, *zone);
    TRY(check_storable(series.schedule));
    auto skipped = skip_blocked_dates(series.schedule, series.tutor_id, load_blocked_dates(txn));
    auto proposal = TRY(check_proposal(txn, series, to_utc(series.schedule.dtstart, *zone), {}, settings, *zone));
    if (!proposal.blocking.empty())
        return blocked_response(proposal);

    series.id = insert_series(txn, caller.tenant_id, series, std::nullopt, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "series.create", "session_series", std::to_string(series.id),
                          nullptr, series_json(series, std::nullopt) });
    return json_response(201, { { "message", "Sessions booked" }, { "series_id", series.id },
                                  { "skipped", times_json(skipped) }, { "warnings", proposal.warnings },
                                  { "first_start_utc", format_utc_timestamp(to_utc(series.schedule.dtstart, *zone)) } });
}

// [SECTION] changing sessions ------------------------------------------------

// PUT /api/tutoring/series/{id}/occurrence: "this session only": move it,
// change its length or tutor, cancel or restore it, note on it.
namespace {

// Tells the people of a session that it was cancelled or moved (not a note
// or a length): its student, their parents and its tutor, but not whoever
// made the change.
void notify_change(pqxx::work& txn, const Caller& caller, const SessionSeries& series, const LocalDateTime& recurrence_id,
    const std::optional<OccurrenceChange>& before, const OccurrenceChange& after)
{
    const bool cancelled = after.cancelled && !(before && before->cancelled);
    const bool moved = !after.cancelled && after.starts && !(before && before->starts == after.starts);
    if (!cancelled && !moved)
        return;
    const auto tutor = after.tutor_id.value_or(series.tutor_id);
    std::vector<std::int64_t> people { series.student_id, tutor };
    for (const auto& row : exec_named(txn, "tutoring/parents_of", series.student_id))
        people.push_back(row["parent_id"].as<std::int64_t>());
    std::erase(people, caller.user_id);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    auto names = names_of(txn, { tutor });
    const auto was = before && before->starts ? *before->starts : recurrence_id;
    const auto what = series.subject + " with " + names[tutor] + " on " + format_for_people(was);
    notify(txn, caller.tenant_id, people,
        cancelled ? what + " is cancelled." : what + " has moved to " + format_for_people(*after.starts) + ".");
}

} // namespace

Result<ApiResponse> handle_change_occurrence(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_series_not_found));
    auto stored = find_series(txn, id, true);
    if (!stored)
        return make_error(ErrorCode::NotFound, k_series_not_found);
    const auto& series = stored->series;
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "recurrence_id", "starts", "duration_minutes", "tutor_id", "cancelled", "note" }));
    auto recurrence_id = TRY(local_time_field(body, "recurrence_id"));
    if (!is_occurrence(series.schedule, recurrence_id))
        return make_error(ErrorCode::InvalidArgument, "That time is not a session of this series", "recurrence_id");
    auto current = lock_change(txn, series.id, recurrence_id);
    // A tutor changes the sessions they teach: their series' own, and any
    // the office handed to them; not those handed away.
    const auto teaches = current && current->tutor_id ? *current->tutor_id : series.tutor_id;
    if (caller.role == Role::Teacher && teaches != caller.user_id)
        return role_refused("You can change only your own sessions");
    if (current)
        TRY(check_changeable(current->invoice_id.has_value()));
    OccurrenceChange change = current.value_or(OccurrenceChange { 0, series.id, recurrence_id });
    const auto before = current ? change_json(*current) : Json(nullptr);
    if (body.contains("starts"))
        change.starts = body["starts"].is_null() ? std::nullopt
                                                 : std::optional<LocalDateTime>(TRY(local_time_field(body, "starts")));
    if (change.starts && !storable_time(*change.starts))
        return make_error(ErrorCode::InvalidArgument, "Sessions are between the years 1900 and 2999", "starts");
    if (body.contains("duration_minutes"))
        change.duration_minutes = body["duration_minutes"].is_null() ? std::nullopt
                                                                     : std::optional<int>(TRY(minutes_field(body)));
    if (body.contains("tutor_id")) {
        if (caller.role == Role::Teacher)
            return role_refused("Only moderators and administrators hand a session to another tutor");
        change.tutor_id = body["tutor_id"].is_null()
            ? std::nullopt
            : std::optional<std::int64_t>(
                TRY(person_with_role(txn, TRY(json_int_field(body, "tutor_id")), "teacher", "tutor_id", "tutors")).id);
    }
    if (body.contains("cancelled"))
        change.cancelled = TRY(json_bool_field(body, "cancelled"));
    if (body.contains("note"))
        change.note = body["note"].is_null()
            ? std::string()
            : TRY(validate_text(TRY(json_string_field(body, "note")), "note", "Note", 0, 2000, TextLines::Multiple));

    auto zone = TRY(tenant_zone(caller));
    if (!change.cancelled && (change.starts || change.duration_minutes || change.tutor_id)) {
        // The session where it now lies, checked as a one-off booking.
        SessionSeries moved = series;
        moved.schedule = Series { change.starts.value_or(recurrence_id), std::nullopt, {}, {} };
        moved.duration_minutes = change.duration_minutes.value_or(series.duration_minutes);
        moved.tutor_id = change.tutor_id.value_or(series.tutor_id);
        auto settings = load_settings(txn);
        auto proposal = TRY(check_proposal(txn, moved, to_utc(moved.schedule.dtstart, *zone), {}, settings, *zone));
        std::erase_if(proposal.blocking, [&](const Conflict& c) { return c.with_key == session_key(series.id, recurrence_id); });
        if (!proposal.blocking.empty())
            return blocked_response(proposal);
    }
    change.id = save_change(txn, caller.tenant_id, change, std::nullopt, std::nullopt);
    append_audit(txn, { caller.tenant_id, caller.actor(), "session.change", "session",
                          session_key(series.id, recurrence_id), before, change_json(change) });
    notify_change(txn, caller, series, recurrence_id, current, change);
    return json_response(200, { { "message", change.cancelled ? "Session cancelled" : "Session changed" },
                                  { "series_id", series.id }, { "recurrence_id", format_local_datetime(recurrence_id) } });
}

// PUT /api/tutoring/series/{id}: change "this and following" (from
// recurrence_id on: the series splits) or "all" sessions of a series.
// Moved and cancelled sessions move with the series' time; those the new
// schedule no longer holds are dropped only when the caller confirms
// (drop_changes), never when attendance is logged on them; sessions on an
// invoice lock the part of the series they are in.
Result<ApiResponse> handle_edit_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto stored = TRY(series_for_change(txn, caller, req.matches[1]));
    const auto& old = stored.series;
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "scope", "recurrence_id", "starts", "duration_minutes", "tutor_id", "subject", "room",
                                   "rrule", "drop_changes" }));
    auto scope = TRY(json_string_field(body, "scope"));
    if (scope != "following" && scope != "all")
        return make_error(ErrorCode::InvalidArgument, "scope must be following or all", "scope");
    const bool following = scope == "following";
    auto at = following ? TRY(local_time_field(body, "recurrence_id")) : old.schedule.dtstart;

    SessionSeries edited = old;
    std::optional<Series> before_split;
    if (following) {
        auto split = TRY(split_series(old.schedule, at));
        before_split = split.before;
        edited.schedule = split.after;
    }
    const std::int64_t shift = body.contains("starts")
        ? to_unix_seconds(TRY(local_time_field(body, "starts"))) - to_unix_seconds(at)
        : 0;
    const auto unmoved = edited.schedule.dtstart;
    edited.schedule.dtstart = add_seconds(edited.schedule.dtstart, shift);
    for (auto* dates : { &edited.schedule.exdates, &edited.schedule.rdates })
        for (auto& d : *dates)
            d = add_seconds(d, shift);
    if (body.contains("rrule"))
        edited.schedule.rule = TRY(rule_field(body));
    else if (edited.schedule.rule && shift != 0)
        edited.schedule.rule = TRY(shift_rule(*edited.schedule.rule, unmoved, edited.schedule.dtstart));
    if (body.contains("duration_minutes"))
        edited.duration_minutes = TRY(minutes_field(body));
    if (body.contains("subject"))
        edited.subject = TRY(subject_field(body));
    if (body.contains("room"))
        edited.room = TRY(room_field(body));
    if (body.contains("tutor_id")) {
        if (caller.role == Role::Teacher)
            return role_refused("Only moderators and administrators hand sessions to another tutor");
        edited.tutor_id = TRY(person_with_role(txn, TRY(json_int_field(body, "tutor_id")), "teacher", "tutor_id", "tutors")).id;
    }
    const bool drop = body.contains("drop_changes") && TRY(json_bool_field(body, "drop_changes"));
    auto zone = TRY(tenant_zone(caller));
    if (edited.schedule.rule)
        edited.schedule.rule = localize_until(*edited.schedule.rule, *zone);

    TRY(check_storable(edited.schedule));
    auto all_changes = changes_of(txn, { old });
    std::vector<OccurrenceChange> affected;
    for (const auto& c : all_changes) {
        if (c.recurrence_id >= at)
            affected.push_back(c);
    }
    for (const auto& c : affected) {
        if (!storable_time(add_seconds(c.recurrence_id, shift)))
            return make_error(ErrorCode::InvalidArgument, "Sessions are between the years 1900 and 2999", "starts");
        // A session the office handed to another tutor is theirs to change.
        if (caller.role == Role::Teacher && c.tutor_id && *c.tutor_id != caller.user_id)
            return role_refused("Some of these sessions were handed to another tutor; ask the office to change them");
    }
    auto invoiced = std::count_if(affected.begin(), affected.end(), [](const auto& c) { return c.invoice_id.has_value(); });
    if (invoiced > 0)
        return headline_error(ErrorCode::Conflict, "Conflict",
            std::to_string(invoiced) + (invoiced == 1 ? " session" : " sessions")
                + " of these are on an invoice; change the sessions after the last invoiced one instead");
    auto orphaned = orphaned_changes(edited.schedule, affected, shift);
    auto logged = std::count_if(orphaned.begin(), orphaned.end(), [](const auto& c) { return !c.attendance.empty(); });
    if (logged > 0)
        return headline_error(ErrorCode::Conflict, "Conflict",
            std::to_string(logged) + (logged == 1 ? " session" : " sessions")
                + " with attendance logged would no longer be on the series; change the sessions after them instead");
    if (!orphaned.empty() && !drop) {
        Json dropped = Json::array();
        for (const auto& c : orphaned)
            dropped.push_back(format_local_datetime(c.recurrence_id));
        return json_response(409, { { "error", "Conflict" },
                                      { "details", std::to_string(orphaned.size())
                                              + " moved or cancelled sessions would no longer be on the series; "
                                                "send drop_changes to drop them" },
                                      { "field", "drop_changes" }, { "dropped", dropped } });
    }

    auto settings = load_settings(txn);
    auto proposal = TRY(check_proposal(txn, edited,
        std::max(to_utc(edited.schedule.dtstart, *zone), unix_now() - k_day), { old.id }, settings, *zone));
    if (!proposal.blocking.empty())
        return blocked_response(proposal);

    for (const auto& c : orphaned)
        delete_change(txn, c.id);
    auto result_id = old.id;
    if (following) {
        SessionSeries first_part = old;
        first_part.schedule = *before_split;
        update_series(txn, first_part);
        result_id = insert_series(txn, caller.tenant_id, edited, old.id, caller.user_id);
        move_changes(txn, old.id, at, result_id, shift);
    } else {
        update_series(txn, edited);
        if (shift != 0)
            shift_changes(txn, old.id, shift);
    }
    edited.id = result_id;
    append_audit(txn, { caller.tenant_id, caller.actor(), following ? "series.split" : "series.update",
                          "session_series", std::to_string(old.id), series_json(old, stored.split_from),
                          { { "scope", scope }, { "from", format_local_datetime(at) },
                              { "series", series_json(edited, following ? std::optional(old.id) : stored.split_from) },
                              { "dropped", orphaned.size() } } });
    return json_response(200, { { "message", "Sessions changed" }, { "series_id", result_id },
                                  { "dropped", orphaned.size() }, { "warnings", proposal.warnings } });
}

// [SECTION] attendance -------------------------------------------------------

// POST /api/tutoring/attendance: what happened at a session that has begun.
// An offline log carries its client_id and is synced once: sending it again
// answers 200 with duplicate true and changes nothing.
Result<ApiResponse> handle_log_attendance(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "series_id", "recurrence_id", "status", "note", "client_id" }));
    auto series_id = TRY(json_int_field(body, "series_id"));
    auto recurrence_id = TRY(local_time_field(body, "recurrence_id"));
    auto status = TRY(json_string_field(body, "status"));
    std::optional<std::string> client_id;
    if (body.contains("client_id")) {
        client_id = TRY(json_string_field(body, "client_id"));
        if (client_id->empty() || client_id->size() > 64)
            return make_error(ErrorCode::InvalidArgument, "client_id is 1 to 64 characters", "client_id");
    }
    // The series' lock first: a retry sent while the first is still on its
    // way waits here, then finds the first's client_id.
    auto stored = find_series(txn, series_id, true);
    if (!stored)
        return make_error(ErrorCode::NotFound, k_series_not_found);
    if (client_id) {
        if (auto earlier = find_change_by_client_id(txn, *client_id)) {
            if (earlier->series_id != series_id || earlier->recurrence_id != recurrence_id)
                return headline_error(ErrorCode::Conflict, "Conflict", "This client_id was used for another session");
            return json_response(200, { { "message", "Already logged" }, { "duplicate", true } });
        }
    }
    const auto& series = stored->series;
    if (!is_occurrence(series.schedule, recurrence_id))
        return make_error(ErrorCode::InvalidArgument, "That time is not a session of this series", "recurrence_id");
    auto current = lock_change(txn, series_id, recurrence_id);
    OccurrenceChange change = current.value_or(OccurrenceChange { 0, series_id, recurrence_id });
    const auto tutor = change.tutor_id.value_or(series.tutor_id);
    if (caller.role == Role::Teacher && tutor != caller.user_id)
        return role_refused("You can log only your own sessions");
    auto settings = load_settings(txn);
    if (!find_status(settings.statuses, status)) {
        std::string keys;
        for (const auto& s : settings.statuses)
            keys += (keys.empty() ? "" : ", ") + s.key;
        return make_error(ErrorCode::InvalidArgument, "status must be one of " + keys, "status");
    }
    auto zone = TRY(tenant_zone(caller));
    TRY(check_loggable(change.invoice_id.has_value(), to_utc(change.starts.value_or(recurrence_id), *zone), unix_now()));
    const auto before = current ? change_json(*current) : Json(nullptr);
    change.attendance = status;
    if (body.contains("note"))
        change.note = TRY(validate_text(TRY(json_string_field(body, "note")), "note", "Note", 0, 2000, TextLines::Multiple));
    save_change(txn, caller.tenant_id, change, client_id, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "attendance.log", "session",
                          session_key(series_id, recurrence_id), before, change_json(change) });
    return json_response(200, { { "message", "Attendance logged" }, { "duplicate", false },
                                  { "status_label", status_label(status, settings) } });
}

} // namespace learnloop::server
