// The tutoring schedule's handlers: the calendar's occurrences, booking
// series, changing one occurrence or a series ("this and following",
// "all"), and logging attendance.
#pragma once

#include "http/api.hpp"
#include "tutoring/schedule_repository.hpp"

#include <map>
#include <vector>

namespace learnloop::server {

// The sessions starting on the local days ?from=YYYY-MM-DD to ?to= (to
// excluded, at most 62 days) that the caller sees: tutors their own,
// students theirs, parents their children's; moderators and administrators
// everyone's, by ?tutor_id= or ?student_id= when they ask (403 for a tutor,
// student or parent asking for someone else's). The JSON list and the CSV
// export both read it.
struct CalendarWindow {
    LocalDateTime from, to;
    std::vector<SessionOccurrence> sessions;
    TutoringSettings settings;
    std::map<std::int64_t, std::string> names;   // the sessions' tutors and students
};
[[nodiscard]] Result<CalendarWindow> read_calendar_window(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

Result<ApiResponse> handle_list_occurrences(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_students(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_get_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_change_occurrence(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_edit_series(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_log_attendance(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
