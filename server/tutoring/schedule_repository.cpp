// The tutoring schedule's queries.
#include "tutoring/schedule_repository.hpp"

#include "core/validation.hpp"
#include "db/sql.hpp"

#include <stdexcept>

namespace learnloop::server {

namespace {

// Local times the database wrote itself; a failure here is a bug, not input.
LocalDateTime stored_time(std::string_view text)
{
    auto parsed = parse_local_datetime(text, "stored");
    if (!parsed.ok())
        throw std::logic_error("a stored local time does not parse: " + std::string(text));
    return parsed.value();
}

std::vector<LocalDateTime> stored_times(std::string_view list)
{
    std::vector<LocalDateTime> times;
    if (list.empty())
        return times;
    for (auto part : split(list, ','))
        times.push_back(stored_time(part));
    return times;
}

// '{"2026-12-07T16:00:00",...}' for a timestamp[] parameter.
std::string times_array(const std::vector<LocalDateTime>& times)
{
    std::string out = "{";
    for (const auto& t : times) {
        if (out.size() > 1)
            out += ',';
        out += '"' + format_local_datetime(t) + '"';
    }
    return out + "}";
}


StoredSeries read_series(const pqxx::row& row)
{
    StoredSeries stored;
    auto& s = stored.series;
    s.id = row["id"].as<std::int64_t>();
    s.tutor_id = row["tutor_id"].as<std::int64_t>();
    s.student_id = row["student_id"].as<std::int64_t>();
    s.subject = row["subject"].as<std::string>();
    s.room = row["room"].as<std::string>();
    s.schedule.dtstart = stored_time(row["dtstart"].c_str());
    s.duration_minutes = row["duration_minutes"].as<int>();
    if (auto rrule = row["rrule"].as<std::string>(); !rrule.empty()) {
        auto rule = RecurrenceRule::create(rrule);
        if (!rule.ok())
            throw std::logic_error("a stored RRULE does not parse: " + rrule);
        s.schedule.rule = rule.value();
    }
    s.schedule.exdates = stored_times(row["exdates"].c_str());
    s.schedule.rdates = stored_times(row["rdates"].c_str());
    stored.split_from = optional_field<std::int64_t>(row["split_from"]);
    return stored;
}

OccurrenceChange read_change(const pqxx::row& row)
{
    OccurrenceChange c;
    c.id = row["id"].as<std::int64_t>();
    c.series_id = row["series_id"].as<std::int64_t>();
    c.recurrence_id = stored_time(row["recurrence_id"].c_str());
    if (!row["starts"].is_null())
        c.starts = stored_time(row["starts"].c_str());
    c.duration_minutes = optional_field<int>(row["duration_minutes"]);
    c.tutor_id = optional_field<std::int64_t>(row["tutor_id"]);
    c.cancelled = row["cancelled"].as<bool>();
    c.attendance = row["attendance"].as<std::string>();
    c.note = row["note"].as<std::string>();
    c.invoice_id = optional_field<std::int64_t>(row["invoice_id"]);
    return c;
}

std::optional<std::string> rule_text(const SessionSeries& series)
{
    return series.schedule.rule ? std::optional<std::string>(series.schedule.rule->to_text()) : std::nullopt;
}

// The series `query` finds in the local window around [from_utc, to_utc)
// (a day either side: wall times may sit a zone offset away), then their changes.
template <typename... Params>
Schedule schedule_of(pqxx::transaction_base& txn, const ZoneRules& zone, std::int64_t from_utc, std::int64_t to_utc,
    const char* query, const Params&... params)
{
    constexpr std::int64_t day = 86'400;
    Schedule schedule;
    for (const auto& row : exec_named(txn, query, format_local_datetime(add_seconds(to_local(from_utc, zone), -day)),
             format_local_datetime(add_seconds(to_local(to_utc, zone), day)), params...))
        schedule.series.push_back(read_series(row).series);
    schedule.changes = changes_of(txn, schedule.series);
    return schedule;
}

} // namespace

TutoringSettings load_settings(pqxx::transaction_base& txn)
{
    auto rows = exec_named(txn, "tutoring/settings");
    TutoringSettings settings;
    if (rows.empty())
        return settings;
    const auto& row = rows[0];
    settings.currency = row["currency"].as<std::string>();
    settings.tax_basis_points = row["tax_basis_points"].as<int>();
    settings.invoice_prefix = row["invoice_prefix"].as<std::string>();
    auto statuses = decode_attendance_statuses(Json::parse(row["attendance_statuses"].as<std::string>()));
    auto policy = decode_conflict_policy(Json::parse(row["conflict_policy"].as<std::string>()));
    if (!statuses.ok() || !policy.ok())
        throw std::logic_error("stored tutoring settings do not decode");
    settings.statuses = statuses.value();
    settings.policy = policy.value();
    settings.week_start = row["week_start"].as<int>();
    return settings;
}

std::vector<OccurrenceChange> changes_of(pqxx::transaction_base& txn, const std::vector<SessionSeries>& series)
{
    std::vector<std::int64_t> ids;
    for (const auto& s : series)
        ids.push_back(s.id);
    std::vector<OccurrenceChange> changes;
    if (ids.empty())
        return changes;
    for (const auto& row : exec_named(txn, "tutoring/changes_of_series", ids_array(ids)))
        changes.push_back(read_change(row));
    return changes;
}

ScheduleFilter own_sessions(Role role, std::int64_t user_id)
{
    ScheduleFilter filter;
    switch (role) {
    case Role::Teacher: filter.tutor_id = user_id; break;
    case Role::Student: filter.student_id = user_id; break;
    case Role::Parent: filter.parent_id = user_id; break;
    case Role::Admin:
    case Role::Moderator: break;
    }
    return filter;
}

Schedule schedule_in_window(pqxx::transaction_base& txn, const ZoneRules& zone, std::int64_t from_utc,
    std::int64_t to_utc, const ScheduleFilter& filter)
{
    return schedule_of(txn, zone, from_utc, to_utc, "tutoring/series_in_window", filter.tutor_id, filter.student_id,
        filter.parent_id);
}

Schedule schedule_sharing(pqxx::transaction_base& txn, const ZoneRules& zone, std::int64_t from_utc,
    std::int64_t to_utc, std::int64_t tutor_id, std::int64_t student_id, const std::string& room)
{
    return schedule_of(txn, zone, from_utc, to_utc, "tutoring/series_sharing", tutor_id, student_id, room);
}

std::optional<StoredSeries> find_series(pqxx::transaction_base& txn, std::int64_t id, bool lock)
{
    auto rows = exec_named(txn, lock ? "tutoring/lock_series" : "tutoring/find_series", id);
    if (rows.empty())
        return std::nullopt;
    return read_series(rows[0]);
}

std::int64_t insert_series(pqxx::transaction_base& txn, std::int64_t tenant_id, const SessionSeries& series,
    std::optional<std::int64_t> split_from, std::int64_t created_by)
{
    return exec_named(txn, "tutoring/insert_series", tenant_id, series.tutor_id, series.student_id, series.subject,
        nonempty_or_null(series.room), format_local_datetime(series.schedule.dtstart), series.duration_minutes,
        rule_text(series), times_array(series.schedule.exdates), times_array(series.schedule.rdates), split_from,
        created_by)[0]["id"]
        .as<std::int64_t>();
}

void update_series(pqxx::transaction_base& txn, const SessionSeries& series)
{
    exec_named(txn, "tutoring/update_series", series.id, series.tutor_id, series.student_id, series.subject,
        nonempty_or_null(series.room), format_local_datetime(series.schedule.dtstart), series.duration_minutes,
        rule_text(series), times_array(series.schedule.exdates), times_array(series.schedule.rdates));
}

std::optional<Person> find_person(pqxx::transaction_base& txn, std::int64_t id)
{
    auto rows = exec_named(txn, "access/person", id);
    if (rows.empty())
        return std::nullopt;
    return Person { rows[0]["id"].as<std::int64_t>(), rows[0]["name"].as<std::string>(),
        rows[0]["role"].as<std::string>() };
}

std::map<std::int64_t, std::string> names_of(pqxx::transaction_base& txn, const std::vector<std::int64_t>& ids)
{
    std::map<std::int64_t, std::string> names;
    if (ids.empty())
        return names;
    for (const auto& row : exec_named(txn, "tutoring/people_names", ids_array(ids)))
        names[row["id"].as<std::int64_t>()] = row["name"].as<std::string>();
    return names;
}

bool is_linked_child(pqxx::transaction_base& txn, std::int64_t parent_id, std::int64_t student_id)
{
    return !exec_named(txn, "tutoring/is_linked_child", parent_id, student_id).empty();
}

std::vector<BlockedDates> load_blocked_dates(pqxx::transaction_base& txn)
{
    std::vector<BlockedDates> list;
    for (const auto& row : exec_named(txn, "tutoring/blocked_dates"))
        list.push_back({ row["first_day"].as<std::string>(), row["last_day"].as<std::string>(),
            optional_field<std::int64_t>(row["tutor_id"]), row["label"].as<std::string>() });
    return list;
}

AvailabilityWindow read_window(const pqxx::row& row)
{
    return { optional_field<int>(row["weekday"]), row["on_date"].as<std::string>(), row["start_minute"].as<int>(),
        row["end_minute"].as<int>(), row["available"].as<bool>(), row["id"].as<std::int64_t>() };
}

std::vector<AvailabilityWindow> load_availability(pqxx::transaction_base& txn, std::int64_t tutor_id)
{
    std::vector<AvailabilityWindow> list;
    for (const auto& row : exec_named(txn, "tutoring/list_availability", tutor_id))
        list.push_back(read_window(row));
    return list;
}

std::optional<OccurrenceChange> lock_change(pqxx::transaction_base& txn, std::int64_t series_id,
    const LocalDateTime& recurrence_id)
{
    auto rows = exec_named(txn, "tutoring/lock_change", series_id, format_local_datetime(recurrence_id));
    if (rows.empty())
        return std::nullopt;
    return read_change(rows[0]);
}

std::optional<OccurrenceChange> find_change_by_client_id(pqxx::transaction_base& txn, const std::string& client_id)
{
    auto rows = exec_named(txn, "tutoring/find_change_by_client_id", client_id);
    if (rows.empty())
        return std::nullopt;
    return read_change(rows[0]);
}

std::int64_t save_change(pqxx::transaction_base& txn, std::int64_t tenant_id, const OccurrenceChange& change,
    const std::optional<std::string>& client_id, std::optional<std::int64_t> logged_by)
{
    std::optional<std::string> starts;
    if (change.starts)
        starts = format_local_datetime(*change.starts);
    return exec_named(txn, "tutoring/upsert_change", tenant_id, change.series_id,
        format_local_datetime(change.recurrence_id), starts, change.duration_minutes, change.tutor_id, change.cancelled,
        nonempty_or_null(change.attendance), nonempty_or_null(change.note), client_id, logged_by)[0]["id"]
        .as<std::int64_t>();
}

void move_changes(pqxx::transaction_base& txn, std::int64_t from_series, const LocalDateTime& at,
    std::int64_t to_series, std::int64_t shift_seconds)
{
    exec_named(txn, "tutoring/park_changes", from_series, format_local_datetime(at), to_series, shift_seconds);
    exec_named(txn, "tutoring/unpark_changes", to_series);
}

void shift_changes(pqxx::transaction_base& txn, std::int64_t series_id, std::int64_t shift_seconds)
{
    move_changes(txn, series_id, LocalDateTime { 1900, 1, 1, 0, 0, 0 }, series_id, shift_seconds);
}

void delete_change(pqxx::transaction_base& txn, std::int64_t change_id)
{
    exec_named(txn, "tutoring/delete_change", change_id);
}

} // namespace learnloop::server
