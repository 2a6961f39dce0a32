// The tutoring business's routes: its calendar (settings with the zone's
// table, occurrences in a window), booking and changing sessions, and
// attendance. Money, messages and feeds follow in their own tables.
#include "tutoring/routes.hpp"

#include "http/schema.hpp"
#include "tutoring/feed_handlers.hpp"
#include "tutoring/schedule_handlers.hpp"
#include "tutoring/settings_handlers.hpp"

namespace learnloop::server {

AreaApi tutoring_api()
{
    AreaApi api { "tutoring", "A tutoring business's calendar: sessions, changes and attendance", {}, Json::object() };
    auto& s = api.schemas;
    s["TutoringSettings"] = object_schema(
        {
            { "time_zone", string_schema("The business's IANA zone") },
            { "zone", any_object() },
            { "week_start", integer_schema("1 Monday, 0 Sunday") },
            { "attendance_statuses", array_of(any_object()) },
            { "conflict_policy", any_object() },
            { "currency", string_schema("Administrators only") },
            { "tax_basis_points", integer_schema("Administrators only") },
            { "invoice_prefix", string_schema("Administrators only") },
        },
        { "time_zone", "zone", "week_start", "attendance_statuses", "conflict_policy" });
    s["Occurrence"] = object_schema(
        {
            { "series_id", id_schema() },
            { "recurrence_id", local_datetime_schema() },
            { "start", local_datetime_schema() },
            { "end", local_datetime_schema() },
            { "start_utc", utc_timestamp_schema() },
            { "end_utc", utc_timestamp_schema() },
            { "duration_minutes", integer_schema() },
            { "tutor_id", id_schema() },
            { "tutor_name", string_schema() },
            { "student_id", id_schema() },
            { "student_name", string_schema() },
            { "subject", string_schema() },
            { "room", string_schema() },
            { "status", string_schema("scheduled, moved, cancelled, or an attendance status key") },
            { "status_label", string_schema() },
            { "cancelled", boolean_schema() },
            { "moved", boolean_schema() },
            { "note", string_schema() },
            { "invoiced", boolean_schema() },
        },
        { "series_id", "recurrence_id", "start", "end", "start_utc", "status" });
    s["OccurrenceList"] = object_schema({ { "time_zone", string_schema() }, { "from", string_schema() },
                                            { "to", string_schema() }, { "occurrences", array_of(schema_ref("Occurrence")) } },
        { "time_zone", "from", "to", "occurrences" });
    s["SeriesRequest"] = request_schema(
        {
            { "tutor_id", id_schema() },
            { "student_id", id_schema() },
            { "subject", string_schema() },
            { "room", nullable(string_schema()) },
            { "dtstart", local_datetime_schema() },
            { "duration_minutes", integer_schema() },
            { "rrule", nullable(string_schema("RFC 5545 RRULE; none for a single session")) },
        },
        { "student_id", "subject", "dtstart", "duration_minutes" });
    s["SeriesBooked"] = message_schema({ { "series_id", id_schema() }, { "skipped", array_of(local_datetime_schema()) },
        { "warnings", array_of(string_schema()) }, { "first_start_utc", utc_timestamp_schema() } });
    s["Series"] = object_schema(
        {
            { "id", id_schema() },
            { "tutor_id", id_schema() },
            { "student_id", id_schema() },
            { "subject", string_schema() },
            { "room", string_schema() },
            { "dtstart", local_datetime_schema() },
            { "duration_minutes", integer_schema() },
            { "rrule", nullable(string_schema()) },
            { "exdates", array_of(local_datetime_schema()) },
            { "rdates", array_of(local_datetime_schema()) },
            { "split_from", nullable(id_schema()) },
        },
        { "id", "tutor_id", "student_id", "subject", "dtstart", "duration_minutes", "rrule" });
    s["OccurrenceChange"] = request_schema(
        {
            { "recurrence_id", local_datetime_schema() },
            { "starts", nullable(local_datetime_schema()) },
            { "duration_minutes", nullable(integer_schema()) },
            { "tutor_id", nullable(id_schema()) },
            { "cancelled", boolean_schema() },
            { "note", nullable(string_schema()) },
        },
        { "recurrence_id" });
    s["OccurrenceChanged"] = message_schema({ { "series_id", id_schema() }, { "recurrence_id", local_datetime_schema() } });
    s["SeriesEdit"] = request_schema(
        {
            { "scope", enum_schema({ "following", "all" }) },
            { "recurrence_id", local_datetime_schema() },
            { "starts", local_datetime_schema() },
            { "duration_minutes", integer_schema() },
            { "tutor_id", id_schema() },
            { "subject", string_schema() },
            { "room", nullable(string_schema()) },
            { "rrule", nullable(string_schema()) },
            { "drop_changes", boolean_schema() },
        },
        { "scope" });
    s["SeriesEdited"] = message_schema({ { "series_id", id_schema() }, { "dropped", integer_schema() },
        { "warnings", array_of(string_schema()) } });
    s["Message"] = message_schema();
    s["SettingsUpdate"] = request_schema(
        {
            { "attendance_statuses", array_of(any_object()) },
            { "conflict_policy", any_object() },
            { "week_start", integer_schema("1 Monday, 0 Sunday") },
            { "currency", string_schema("ISO 4217") },
            { "tax_basis_points", integer_schema("0 to 10000") },
            { "invoice_prefix", string_schema("1 to 10 capital letters or digits") },
        },
        {});
    s["BlockedDates"] = object_schema({ { "id", id_schema() }, { "first_day", string_schema() }, { "last_day", string_schema() },
                                          { "tutor_id", nullable(id_schema()) }, { "tutor_name", nullable(string_schema()) },
                                          { "label", string_schema() } },
        { "id", "first_day", "last_day", "tutor_id", "label" });
    s["BlockedDatesList"] = array_of(schema_ref("BlockedDates"));
    s["BlockedDatesRequest"] = request_schema({ { "first_day", string_schema("YYYY-MM-DD") },
                                                  { "last_day", string_schema("YYYY-MM-DD") }, { "label", string_schema() },
                                                  { "tutor_id", nullable(id_schema()) } },
        { "first_day", "last_day", "label" });
    s["BlockedDatesAdded"] = message_schema({ { "id", id_schema() }, { "affected", array_of(any_object()) } });
    s["AttendanceRequest"] = request_schema(
        {
            { "series_id", id_schema() },
            { "recurrence_id", local_datetime_schema() },
            { "status", string_schema("One of the business's attendance status keys") },
            { "note", string_schema() },
            { "client_id", string_schema("An offline log's id: the same log is applied once") },
        },
        { "series_id", "recurrence_id", "status" });
    s["FeedStatus"] = object_schema({ { "active", boolean_schema() }, { "created_at", nullable(utc_timestamp_schema()) } },
        { "active", "created_at" });
    s["FeedMade"] = message_schema({ { "url", string_schema("/ical/<token>.ics: the feed's only credential") },
        { "replaced", boolean_schema() } });
    s["AttendanceLogged"] = message_schema({ { "duplicate", boolean_schema() }, { "status_label", string_schema() } });

    const QueryParam day_from { "from", string_schema("First local day, YYYY-MM-DD"), "First day", true };
    const QueryParam day_to { "to", string_schema("The day after the last, YYYY-MM-DD (at most 62 days on)"), "End day",
        true };
    api.routes = {
        { Method::Get, "/api/tutoring/settings", Action::ScheduleRead, handle_tutoring_settings, nullptr,
            "The business's calendar settings and its time zone's table, so the browser converts times as the server does",
            "", "TutoringSettings", 200 },
        { Method::Get, "/api/tutoring/occurrences", Action::ScheduleRead, handle_list_occurrences, nullptr,
            "Sessions starting in a window of local days: a tutor's own, a student's own, a parent's children's, or "
            "everyone's (moderators and administrators, by tutor or student)",
            "", "OccurrenceList", 200,
            { day_from, day_to, { "tutor_id", id_schema(), "Only this tutor's sessions" },
                { "student_id", id_schema(), "Only this student's sessions" } } },
        { Method::Post, "/api/tutoring/series", Action::ScheduleManage, handle_create_series, nullptr,
            "Book a session or a recurring series (holidays skipped; clashes by the business's policy)",
            "SeriesRequest", "SeriesBooked", 201 },
        { Method::Get, "/api/tutoring/series/{id}", Action::ScheduleRead, handle_get_series, nullptr,
            "One series as stored: DTSTART, RRULE, EXDATEs and RDATEs in local time", "", "Series", 200 },
        { Method::Put, "/api/tutoring/series/{id}", Action::ScheduleManage, handle_edit_series, nullptr,
            "Change this and following sessions (the series splits) or all of them", "SeriesEdit", "SeriesEdited",
            200 },
        { Method::Put, "/api/tutoring/series/{id}/occurrence", Action::ScheduleManage, handle_change_occurrence,
            nullptr, "Change one session: move, lengthen, hand to another tutor, cancel, note", "OccurrenceChange",
            "OccurrenceChanged", 200 },
        { Method::Post, "/api/tutoring/attendance", Action::AttendanceLog, handle_log_attendance, nullptr,
            "Log what happened at a session (idempotent by client_id)", "AttendanceRequest", "AttendanceLogged", 200 },
        { Method::Put, "/api/tutoring/settings", Action::TutoringSettingsManage, handle_update_tutoring_settings,
            nullptr, "Change the business's attendance statuses, clash policy, week start, currency, tax or invoice prefix",
            "SettingsUpdate", "TutoringSettings", 200 },
        { Method::Get, "/api/tutoring/blocked-dates", Action::ScheduleRead, handle_list_blocked_dates, nullptr,
            "Holidays and tutors' days off", "", "BlockedDatesList", 200 },
        { Method::Post, "/api/tutoring/blocked-dates", Action::TutoringSettingsManage, handle_add_blocked_dates, nullptr,
            "Block days for everyone or one tutor; sessions already booked on them are listed, not cancelled",
            "BlockedDatesRequest", "BlockedDatesAdded", 201 },
        { Method::Delete, "/api/tutoring/blocked-dates/{id}", Action::TutoringSettingsManage, handle_remove_blocked_dates,
            nullptr, "Unblock days", "", "Message", 200 },
        { Method::Get, "/api/tutoring/feed", Action::ScheduleRead, handle_feed_status, nullptr,
            "Whether the caller has a private calendar feed", "", "FeedStatus", 200 },
        { Method::Post, "/api/tutoring/feed", Action::ScheduleRead, handle_make_feed, nullptr,
            "A new private calendar feed URL (an earlier one stops working)", "", "FeedMade", 201 },
        { Method::Delete, "/api/tutoring/feed", Action::ScheduleRead, handle_revoke_feed, nullptr,
            "Turn the caller's calendar feed off", "", "Message", 200 },
        { Method::Get, "/ical/{token}.ics", std::nullopt, nullptr, handle_calendar_feed,
            "A private calendar feed (RFC 5545): the owner's sessions from two weeks back to six months ahead",
            "", "", 200, {}, "text/calendar" },
    };
    return api;
}

} // namespace learnloop::server
