// The tutoring area's shared request helpers (see tutoring_requests.hpp).
#include "tutoring/tutoring_requests.hpp"

#include "platform/time_zones.hpp"

#include <ctime>
#include <set>

namespace learnloop::server {

Result<std::shared_ptr<const ZoneRules>> tenant_zone(const Caller& caller)
{
    auto zone = system_zone(caller.time_zone);
    if (!zone.ok())   // the tenant's own setting, not the caller's input
        return make_error(ErrorCode::Internal, "The business's time zone is not known to this server");
    return zone;
}

Result<LocalDateTime> parse_day(const std::string& text, const char* field)
{
    auto parsed = text.size() == 10 ? read_local_day(text) : std::nullopt;
    if (!parsed)
        return make_error(ErrorCode::InvalidArgument, std::string(field) + " must be a date, YYYY-MM-DD", field);
    return *parsed;
}

std::string status_label(const std::string& status, const TutoringSettings& settings)
{
    if (const auto* found = find_status(settings.statuses, status))
        return found->label;
    if (status == "cancelled")
        return "Cancelled";
    return status == "moved" ? "Moved" : "Scheduled";
}

Json occurrence_json(const SessionOccurrence& o, const std::map<std::int64_t, std::string>& names,
    const TutoringSettings& settings)
{
    auto name = [&](std::int64_t id) {
        auto found = names.find(id);
        return found == names.end() ? std::string() : found->second;
    };
    auto status = o.status();
    return { { "series_id", o.series_id }, { "recurrence_id", format_local_datetime(o.recurrence_id) },
        { "start", format_local_datetime(o.start) },
        { "end", format_local_datetime(o.end) },
        { "start_utc", format_utc_timestamp(o.start_utc) }, { "end_utc", format_utc_timestamp(o.end_utc) },
        { "duration_minutes", o.duration_minutes }, { "tutor_id", o.tutor_id }, { "tutor_name", name(o.tutor_id) },
        { "student_id", o.student_id }, { "student_name", name(o.student_id) }, { "subject", o.subject },
        { "room", o.room }, { "status", status }, { "status_label", status_label(status, settings) },
        { "cancelled", o.cancelled }, { "moved", o.moved }, { "note", o.note }, { "invoiced", o.invoice_id.has_value() } };
}

std::map<std::int64_t, std::string> names_for(pqxx::work& txn, const std::vector<SessionOccurrence>& list)
{
    std::set<std::int64_t> ids;
    for (const auto& o : list) {
        ids.insert(o.tutor_id);
        ids.insert(o.student_id);
    }
    return names_of(txn, { ids.begin(), ids.end() });
}

Result<std::vector<SessionOccurrence>> occurrences_in(pqxx::work& txn, const ZoneRules& zone, std::int64_t from_utc,
    std::int64_t to_utc, const ScheduleFilter& filter, std::size_t limit)
{
    auto schedule = schedule_in_window(txn, zone, from_utc, to_utc, filter);
    return occurrences_between(schedule.series, schedule.changes, zone, from_utc, to_utc, limit);
}

Result<Person> person_with_role(pqxx::work& txn, std::int64_t id, std::string_view role, const char* field,
    const char* what)
{
    auto person = find_person(txn, id);
    if (!person || person->role != role)
        return make_error(ErrorCode::InvalidArgument, std::string(field) + " must be one of the business's " + what, field);
    return *person;
}

std::string session_label(const std::string& subject, const std::string& with, const LocalDateTime& start)
{
    return subject + " with " + with + ", " + format_for_people(start);
}

Json invoice_record(const InvoiceDraft& draft, std::int64_t family_id, const std::string& from, const std::string& to)
{
    Json lines = Json::array();
    for (const auto& l : draft.lines)
        lines.push_back({ { "occurrence_id", l.occurrence_id ? Json(l.occurrence_id) : Json(nullptr) },
            { "student_id", l.student_id }, { "session_date", l.date }, { "description", l.description },
            { "minutes", l.minutes }, { "billable_percent", l.billable_percent }, { "per_hour_minor", l.per_hour.minor },
            { "amount_minor", l.amount.minor }, { "package_id", l.package_id ? Json(l.package_id) : Json(nullptr) },
            { "package_minutes", l.package_minutes }, { "package_value_minor", l.package_value.minor } });
    return { { "number", nullptr }, { "family_id", family_id }, { "state", "draft" }, { "period_from", from },
        { "period_to", to }, { "currency", draft.subtotal.currency }, { "subtotal_minor", draft.subtotal.minor },
        { "tax_basis_points", draft.tax_basis_points }, { "tax_minor", draft.tax.minor },
        { "total_minor", draft.total.minor }, { "issued_at", nullptr }, { "lines", std::move(lines) } };
}

} // namespace learnloop::server
