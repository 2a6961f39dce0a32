// The tutoring business's routes: its calendar (settings with the zone's
// table, occurrences in a window), booking and changing sessions,
// attendance, holidays, private feeds, and its money (rates, invoices,
// payments, balances, revenue).
#include "tutoring/routes.hpp"

#include "http/schema.hpp"
#include "tutoring/availability_handlers.hpp"
#include "tutoring/billing_handlers.hpp"
#include "tutoring/export_handlers.hpp"
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
    s["StudentSessions"] = object_schema(
        {
            { "id", id_schema() },
            { "name", string_schema() },
            { "subjects", array_of(string_schema()) },
            { "tutors", array_of(object_schema({ { "id", id_schema() }, { "name", string_schema() } }, { "id", "name" })) },
            { "next", nullable(schema_ref("Occurrence")) },
            { "last", nullable(schema_ref("Occurrence")) },
            { "logged", integer_schema("Begun sessions with attendance logged") },
            { "to_log", array_of(schema_ref("Occurrence")) },
        },
        { "id", "name", "subjects", "tutors", "next", "last", "logged", "to_log" });
    s["StudentSessionsList"] = object_schema({ { "from", string_schema() }, { "to", string_schema() },
                                                 { "students", array_of(schema_ref("StudentSessions")) } },
        { "from", "to", "students" });
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
    // Money: every amount is decimal text in the currency's unit ("12.50")
    // beside its whole minor units ("12.50" and 1250 as total and total_minor).
    const auto amount = [](const char* what) { return string_schema(what); };
    s["Rate"] = object_schema({ { "id", id_schema() }, { "student_id", nullable(id_schema()) },
                                  { "student_name", nullable(string_schema()) }, { "tutor_id", nullable(id_schema()) },
                                  { "tutor_name", nullable(string_schema()) }, { "effective_from", string_schema("YYYY-MM-DD") },
                                  { "currency", string_schema() }, { "per_hour", amount("Per hour") },
                                  { "per_hour_minor", integer_schema() } },
        { "id", "student_id", "tutor_id", "effective_from", "currency", "per_hour", "per_hour_minor" });
    s["RateList"] = array_of(schema_ref("Rate"));
    s["RateRequest"] = request_schema({ { "student_id", nullable(id_schema()) }, { "tutor_id", nullable(id_schema()) },
                                          { "effective_from", string_schema("YYYY-MM-DD") },
                                          { "per_hour", string_schema("Decimal text in the business's currency, e.g. 40.00") } },
        { "effective_from", "per_hour" });
    s["Invoice"] = object_schema(
        {
            { "id", id_schema() },
            { "number", nullable(string_schema("Given when issued: PREFIX-YYYY-NNNN")) },
            { "family_id", id_schema() },
            { "family_name", string_schema() },
            { "state", enum_schema({ "draft", "issued", "paid", "void" }) },
            { "period_from", string_schema() },
            { "period_to", string_schema() },
            { "currency", string_schema() },
            { "subtotal", amount("Sum of the lines") },
            { "tax", amount("Rounded once, on the subtotal") },
            { "total", amount("subtotal + tax") },
            { "paid", amount("Payments spread onto it") },
            { "due", amount("What is still owed (issued invoices)") },
            { "tax_basis_points", integer_schema() },
            { "created_at", utc_timestamp_schema() },
            { "issued_at", nullable(utc_timestamp_schema()) },
            { "issued_on", nullable(string_schema("The local day it was issued, YYYY-MM-DD (GET one invoice)")) },
            { "business_name", string_schema("The business, as the invoice prints it (GET one invoice)") },
            { "lines", array_of(any_object()) },
            { "payments", array_of(any_object()) },
            { "sells_package", boolean_schema("Its one line sells prepaid hours (GET one invoice)") },
        },
        { "id", "number", "family_id", "state", "currency", "subtotal", "tax", "total", "paid", "due" });
    s["InvoiceList"] = array_of(schema_ref("Invoice"));
    s["InvoiceRequest"] = request_schema({ { "family_id", id_schema() },
                                             { "from", string_schema("First local day, YYYY-MM-DD") },
                                             { "to", string_schema("Last local day, YYYY-MM-DD") } },
        { "family_id", "from", "to" });
    s["InvoiceMade"] = message_schema({ { "id", id_schema() }, { "invoice", schema_ref("Invoice") } });
    s["InvoiceIssued"] = message_schema({ { "invoice", schema_ref("Invoice") } });
    s["PaymentRequest"] = request_schema(
        { { "family_id", id_schema() }, { "amount", string_schema("Decimal text in the business's currency") },
            { "received_on", string_schema("YYYY-MM-DD") },
            { "method", enum_schema({ "cash", "card", "bank_transfer", "other" }) }, { "note", nullable(string_schema()) } },
        { "family_id", "amount", "received_on", "method" });
    s["PaymentRecorded"] = message_schema({ { "id", id_schema() }, { "allocations", array_of(any_object()) },
        { "credit", amount("Left over, kept for the family") }, { "credit_minor", integer_schema() } });
    s["Balance"] = object_schema({ { "family_id", id_schema() }, { "family_name", string_schema() },
                                     { "currency", string_schema() }, { "invoiced", amount("Issued and paid invoices") },
                                     { "paid", amount("Payments received") }, { "balance", amount("Still owed; negative in credit") },
                                     { "credit", amount("Paid but not yet on an invoice") } },
        { "family_id", "family_name", "currency", "invoiced", "paid", "balance", "credit" });
    s["BalanceList"] = array_of(schema_ref("Balance"));
    s["Package"] = object_schema(
        {
            { "id", id_schema() },
            { "student_id", id_schema() },
            { "student_name", string_schema() },
            { "family_id", id_schema() },
            { "family_name", string_schema() },
            { "minutes", integer_schema("Bought") },
            { "minutes_used", integer_schema("Drawn by invoices that are not void") },
            { "minutes_left", integer_schema() },
            { "hours", string_schema("The size for people: \"10 hours\"") },
            { "left", string_schema("What is left for people: \"6 hours 30 min\", or \"none\"") },
            { "currency", string_schema() },
            { "price", amount("What it was sold for, before tax") },
            { "price_minor", integer_schema() },
            { "purchased_on", string_schema("YYYY-MM-DD: sessions from this day draw on it") },
            { "expires_on", nullable(string_schema("The last day it covers")) },
            { "invoice_id", id_schema() },
            { "invoice_number", nullable(string_schema()) },
            { "state", enum_schema({ "active", "used_up", "expired", "void" }) },
            { "state_label", string_schema() },
        },
        { "id", "student_id", "family_id", "minutes", "minutes_left", "price", "purchased_on", "invoice_id", "state" });
    s["PackageList"] = array_of(schema_ref("Package"));
    s["AvailabilityWindow"] = object_schema(
        {
            { "id", id_schema() },
            { "weekday", nullable(integer_schema("0 Sunday .. 6 Saturday: every week")) },
            { "on_date", nullable(string_schema("YYYY-MM-DD: that day only")) },
            { "starts", string_schema("HH:MM") },
            { "ends", string_schema("HH:MM (24:00 ends the day)") },
            { "available", boolean_schema("false: away then (dates only)") },
            { "label", string_schema("For people: \"Mondays, 16:00–20:00\"") },
        },
        { "id", "weekday", "on_date", "starts", "ends", "available", "label" });
    s["Availability"] = object_schema({ { "tutor_id", id_schema() }, { "tutor_name", string_schema() },
                                          { "windows", array_of(schema_ref("AvailabilityWindow")) } },
        { "tutor_id", "tutor_name", "windows" });
    s["AvailabilityRequest"] = request_schema(
        { { "tutor_id", nullable(id_schema()) }, { "weekday", nullable(integer_schema("0 Sunday .. 6 Saturday")) },
            { "on_date", nullable(string_schema("YYYY-MM-DD")) }, { "starts", string_schema("HH:MM") },
            { "ends", string_schema("HH:MM") }, { "available", boolean_schema("false: away (a date only)") } },
        { "starts", "ends" });
    s["AvailabilityAdded"] = message_schema({ { "id", id_schema() } });
    s["PackageRequest"] = request_schema(
        { { "student_id", id_schema() },
            { "family_id", nullable(id_schema()) },
            { "minutes", integer_schema("30 to 30000 (500 hours)") },
            { "price", string_schema("Decimal text in the business's currency, before tax") },
            { "purchased_on", string_schema("YYYY-MM-DD") },
            { "expires_on", nullable(string_schema("YYYY-MM-DD, the last day it covers; none: it does not expire")) } },
        { "student_id", "minutes", "price", "purchased_on" });
    s["PackageSold"] = message_schema({ { "id", id_schema() }, { "invoice_id", id_schema() } });
    s["Revenue"] = object_schema({ { "currency", string_schema() }, { "from", string_schema() }, { "to", string_schema() },
                                     { "total", amount("Billed for sessions in the months") },
                                     { "by_month", array_of(any_object()) }, { "by_tutor", array_of(any_object()) },
                                     { "by_student", array_of(any_object()) } },
        { "currency", "from", "to", "total", "by_month", "by_tutor", "by_student" });

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
        { Method::Get, "/api/tutoring/students", Action::ScheduleManage, handle_list_students, nullptr,
            "The students of the sessions from four weeks ago to eight weeks ahead (a tutor's own; the office's, or one "
            "tutor's): subjects, tutors, next and last session, how many are logged and those still to log",
            "", "StudentSessionsList", 200, { { "tutor_id", id_schema(), "Only this tutor's students" } } },
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
        { Method::Get, "/api/tutoring/availability", Action::ScheduleManage, handle_list_availability, nullptr,
            "A tutor's availability: weekly windows, then days away or extra (tutors: their own)", "", "Availability", 200,
            { { "tutor_id", id_schema(), "The tutor (the office; a tutor is always themself)" } } },
        { Method::Post, "/api/tutoring/availability", Action::ScheduleManage, handle_add_availability, nullptr,
            "Add a weekly window, or a day's exception, to a tutor's availability (tutors: their own)",
            "AvailabilityRequest", "AvailabilityAdded", 201 },
        { Method::Delete, "/api/tutoring/availability/{id}", Action::ScheduleManage, handle_remove_availability, nullptr,
            "Remove a window from a tutor's availability (tutors: their own)", "", "Message", 200 },
        { Method::Get, "/api/tutoring/feed", Action::ScheduleRead, handle_feed_status, nullptr,
            "Whether the caller has a private calendar feed", "", "FeedStatus", 200 },
        { Method::Post, "/api/tutoring/feed", Action::ScheduleRead, handle_make_feed, nullptr,
            "A new private calendar feed URL (an earlier one stops working)", "", "FeedMade", 201 },
        { Method::Delete, "/api/tutoring/feed", Action::ScheduleRead, handle_revoke_feed, nullptr,
            "Turn the caller's calendar feed off", "", "Message", 200 },
        { Method::Get, "/api/tutoring/rates", Action::BillingManage, handle_list_rates, nullptr,
            "The business's rates per hour: per student, tutor, pair or default, each from a date", "", "RateList", 200 },
        { Method::Post, "/api/tutoring/rates", Action::BillingManage, handle_add_rate, nullptr,
            "Add a rate from a date on (one per people and date)", "RateRequest", "Message", 201 },
        { Method::Get, "/api/tutoring/invoices", Action::InvoiceRead, handle_list_invoices, nullptr,
            "Invoices, newest first: every family's (administrators, drafts too) or the parent's own family's",
            "", "InvoiceList", 200,
            { page_limit_param(), page_offset_param(), { "family_id", id_schema(), "Only this family's" },
                { "state", enum_schema({ "draft", "issued", "paid", "void" }), "Only invoices in this state" } } },
        { Method::Post, "/api/tutoring/invoices", Action::BillingManage, handle_create_invoice, nullptr,
            "Draft an invoice for a family's logged sessions in a period (they are locked until it is voided)",
            "InvoiceRequest", "InvoiceMade", 201 },
        { Method::Get, "/api/tutoring/invoices/{id}", Action::InvoiceRead, handle_get_invoice, nullptr,
            "One invoice with its lines and the payments on it", "", "Invoice", 200 },
        { Method::Get, "/api/tutoring/invoices/{id}.pdf", Action::InvoiceRead, handle_invoice_pdf, nullptr,
            "The same invoice as a PDF file to print or keep (A4, fonts embedded)", "", "", 200, {},
            "application/pdf" },
        { Method::Post, "/api/tutoring/invoices/{id}/issue", Action::BillingManage, handle_issue_invoice, nullptr,
            "Issue a draft with the next invoice number (no gaps); the family's credit pays it first", "",
            "InvoiceIssued", 200 },
        { Method::Post, "/api/tutoring/invoices/{id}/void", Action::BillingManage, handle_void_invoice, nullptr,
            "Void an invoice with no payments on it; its sessions can be changed and billed again", "", "Message", 200 },
        { Method::Post, "/api/tutoring/payments", Action::BillingManage, handle_record_payment, nullptr,
            "Record money received from a family: spread over its invoices oldest first, the rest kept as credit",
            "PaymentRequest", "PaymentRecorded", 201 },
        { Method::Get, "/api/tutoring/packages", Action::InvoiceRead, handle_list_packages, nullptr,
            "Prepaid hours sold, with what is left (a parent: those they paid for, once invoiced)", "", "PackageList", 200,
            { { "student_id", id_schema(), "Only this student's packages" } } },
        { Method::Post, "/api/tutoring/packages", Action::BillingManage, handle_sell_package, nullptr,
            "Sell a package of hours for a student, on a draft invoice of its own; their sessions billed later draw on it",
            "PackageRequest", "PackageSold", 201 },
        { Method::Get, "/api/tutoring/balances", Action::InvoiceRead, handle_balances, nullptr,
            "Each family's account: invoiced, paid, owed and credit (a parent: their own)", "", "BalanceList", 200 },
        { Method::Get, "/api/tutoring/revenue", Action::BillingManage, handle_revenue, nullptr,
            "What invoices bill for sessions in a range of months, per month, tutor and student", "", "Revenue", 200,
            { { "from", string_schema("YYYY-MM"), "First month", true },
                { "to", string_schema("YYYY-MM (at most 36 months on)"), "Last month", true } } },
        { Method::Get, "/api/tutoring/sessions.csv", Action::ScheduleRead, handle_sessions_csv, nullptr,
            "The sessions of a window as the caller sees them, as a CSV file (no amounts)", "", "", 200,
            { day_from, day_to, { "tutor_id", id_schema(), "Only this tutor's sessions" },
                { "student_id", id_schema(), "Only this student's sessions" } },
            "text/csv" },
        { Method::Get, "/api/tutoring/students.csv", Action::RosterExport, handle_students_csv, nullptr,
            "The business's students with their parents and tutors, as a CSV file", "", "", 200, {}, "text/csv" },
        { Method::Get, "/api/tutoring/revenue.csv", Action::BillingManage, handle_revenue_csv, nullptr,
            "What invoices bill per month, tutor and student, as a CSV file", "", "", 200,
            { { "from", string_schema("YYYY-MM"), "First month", true },
                { "to", string_schema("YYYY-MM (at most 36 months on)"), "Last month", true } },
            "text/csv" },
        { Method::Get, "/ical/{token}.ics", std::nullopt, nullptr, handle_calendar_feed,
            "A private calendar feed (RFC 5545): the owner's sessions from two weeks back to six months ahead",
            "", "", 200, {}, "text/calendar" },
    };
    return api;
}

} // namespace learnloop::server
