// CSV exports (see export_handlers.hpp). Each file starts with UTF-8's mark
// so spreadsheet programs read names in any script as written.
#include "tutoring/export_handlers.hpp"

#include "core/csv.hpp"
#include "finance/money.hpp"
#include "tutoring/billing_handlers.hpp"
#include "tutoring/schedule_handlers.hpp"
#include "tutoring/tutoring_requests.hpp"

namespace learnloop::server {

namespace {

ApiResponse csv_response(std::string csv, const std::string& filename)
{
    return attachment_response(std::move(csv), "text/csv; charset=utf-8", filename);
}

std::string name_of(const std::map<std::int64_t, std::string>& names, std::int64_t id)
{
    auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
}

} // namespace

// GET /api/tutoring/sessions.csv?from&to[&tutor_id][&student_id]: the
// calendar window as the caller sees it, one session a row. No amounts.
Result<ApiResponse> handle_sessions_csv(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto window = TRY(read_calendar_window(req, txn, caller));
    std::string csv(k_csv_utf8_mark);
    csv += csv_row({ "Date", "Start", "End", "Tutor", "Student", "Subject", "Room", "Status", "Note" });
    for (const auto& o : window.sessions) {
        const auto start = format_local_datetime(o.start);
        const auto end = format_local_datetime(add_seconds(o.start, std::int64_t { o.duration_minutes } * 60));
        csv += csv_row({ start.substr(0, 10), start.substr(11, 5), end.substr(11, 5), name_of(window.names, o.tutor_id),
            name_of(window.names, o.student_id), o.subject, o.room, status_label(o.status(), window.settings), o.note });
    }
    return csv_response(std::move(csv), "sessions-" + local_day_text(window.from) + ".csv");
}

// GET /api/tutoring/students.csv: the office's list of students with their
// parents and tutors.
Result<ApiResponse> handle_students_csv(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    std::string csv(k_csv_utf8_mark);
    csv += csv_row({ "Student", "Email", "Parents", "Tutors" });
    for (const auto& row : exec_named(txn, "tutoring/student_roster"))
        csv += csv_row({ row["name"].as<std::string>(), row["email"].as<std::string>(), row["parents"].as<std::string>(),
            row["tutors"].as<std::string>() });
    return csv_response(std::move(csv), "students.csv");
}

// GET /api/tutoring/revenue.csv?from=YYYY-MM&to=YYYY-MM: what issued and
// paid invoices bill, one row per month, tutor and student (administrators).
Result<ApiResponse> handle_revenue_csv(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    const auto range = TRY(read_month_range(req));
    auto currency = find_currency(load_settings(txn).currency);
    if (!currency.ok())
        return make_error(ErrorCode::Internal, "The business's currency is not known to this server");
    std::string csv(k_csv_utf8_mark);
    csv += csv_row({ "Month", "Tutor", "Student", "Sessions", "Amount", "Currency" });
    for (const auto& row : exec_named(txn, "tutoring/revenue", local_day_text(range.first_day), local_day_text(range.last_day)))
        csv += csv_row({ row["month"].as<std::string>(), row["tutor_name"].as<std::string>(),
            row["student_name"].as<std::string>(), row["sessions"].as<std::string>(),
            format_amount({ row["amount_minor"].as<std::int64_t>(), currency.value().code }, currency.value()),
            currency.value().code });
    return csv_response(std::move(csv), "revenue-" + local_day_text(range.first_day).substr(0, 7) + ".csv");
}

} // namespace learnloop::server
