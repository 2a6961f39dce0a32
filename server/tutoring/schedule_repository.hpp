// The tutoring schedule's queries (server/tutoring/queries/): settings,
// series and their changed occurrences read into shared-domain's types,
// and the writes of the schedule's handlers.
#pragma once

#include "db/sql.hpp"
#include "finance/billing.hpp"
#include "identity/roles.hpp"
#include "tutoring/conflicts.hpp"
#include "tutoring/sessions.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

// A tenant's settings; the defaults are those of a tenant that has not
// changed any (the same as tutoring_settings' column defaults, which a test
// compares).
struct TutoringSettings {
    std::string currency = "GBP";
    int tax_basis_points = 0;
    std::string invoice_prefix = "INV";
    std::vector<AttendanceStatus> statuses = default_attendance_statuses();
    ConflictPolicy policy;
    int week_start = 1;
};

// The tenant's settings (reads only: GET requests run read-only).
[[nodiscard]] TutoringSettings load_settings(pqxx::transaction_base& txn);

// Whose sessions a list holds: none set is everyone's.
struct ScheduleFilter {
    std::optional<std::int64_t> tutor_id;
    std::optional<std::int64_t> student_id;
    std::optional<std::int64_t> parent_id;   // the students linked to this parent
};

// The sessions a role sees of its own: a tutor's (the teacher role) they
// teach, a student's, a parent's children's; everyone's for the office.
[[nodiscard]] ScheduleFilter own_sessions(Role role, std::int64_t user_id);

// A series as stored, with what edits need beyond the domain's view.
struct StoredSeries {
    SessionSeries series;
    std::optional<std::int64_t> split_from;
};


// The changed occurrences of these series.
[[nodiscard]] std::vector<OccurrenceChange> changes_of(pqxx::transaction_base& txn,
    const std::vector<SessionSeries>& series);

// The live series that may have sessions in the UTC window [from, to) and
// their changed occurrences: what the calendar and the feed expand.
struct Schedule {
    std::vector<SessionSeries> series;
    std::vector<OccurrenceChange> changes;
};
[[nodiscard]] Schedule schedule_in_window(pqxx::transaction_base& txn, const ZoneRules& zone, std::int64_t from_utc,
    std::int64_t to_utc, const ScheduleFilter& filter);
// Those that share a tutor, a student or a room (when not empty) with a
// proposed session: where its clashes can be.
[[nodiscard]] Schedule schedule_sharing(pqxx::transaction_base& txn, const ZoneRules& zone, std::int64_t from_utc,
    std::int64_t to_utc, std::int64_t tutor_id, std::int64_t student_id, const std::string& room);
[[nodiscard]] std::optional<StoredSeries> find_series(pqxx::transaction_base& txn, std::int64_t id, bool lock);

// A new series' id; `split_from` for the second half of "this and following".
[[nodiscard]] std::int64_t insert_series(pqxx::transaction_base& txn, std::int64_t tenant_id,
    const SessionSeries& series, std::optional<std::int64_t> split_from, std::int64_t created_by);
void update_series(pqxx::transaction_base& txn, const SessionSeries& series);

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string role;
};
// An active user of the tenant.
[[nodiscard]] std::optional<Person> find_person(pqxx::transaction_base& txn, std::int64_t id);
[[nodiscard]] std::map<std::int64_t, std::string> names_of(pqxx::transaction_base& txn,
    const std::vector<std::int64_t>& ids);
[[nodiscard]] bool is_linked_child(pqxx::transaction_base& txn, std::int64_t parent_id, std::int64_t student_id);

[[nodiscard]] std::vector<BlockedDates> load_blocked_dates(pqxx::transaction_base& txn);
// Tutor `tutor_id`'s windows, and one window from a row of tutoring/list_availability's columns.
[[nodiscard]] std::vector<AvailabilityWindow> load_availability(pqxx::transaction_base& txn, std::int64_t tutor_id);
[[nodiscard]] AvailabilityWindow read_window(const pqxx::row& row);

// The change of one occurrence, locked; none when it has none yet.
[[nodiscard]] std::optional<OccurrenceChange> lock_change(pqxx::transaction_base& txn, std::int64_t series_id,
    const LocalDateTime& recurrence_id);
[[nodiscard]] std::optional<OccurrenceChange> find_change_by_client_id(pqxx::transaction_base& txn,
    const std::string& client_id);

// Writes an occurrence's change (made or replaced); `client_id` and
// `logged_by` when it is an attendance log. Returns the row's id.
std::int64_t save_change(pqxx::transaction_base& txn, std::int64_t tenant_id, const OccurrenceChange& change,
    const std::optional<std::string>& client_id, std::optional<std::int64_t> logged_by);
// "This and following": the old series' changes from `at` on go to the new
// one, their keys moved by `shift_seconds`.
void move_changes(pqxx::transaction_base& txn, std::int64_t from_series, const LocalDateTime& at,
    std::int64_t to_series, std::int64_t shift_seconds);
void shift_changes(pqxx::transaction_base& txn, std::int64_t series_id, std::int64_t shift_seconds);
void delete_change(pqxx::transaction_base& txn, std::int64_t change_id);

} // namespace learnloop::server
