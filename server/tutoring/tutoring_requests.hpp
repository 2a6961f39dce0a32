// What the tutoring area's handlers share: the tenant's zone, dates in
// requests, an occurrence as the API writes it, the sessions of a window and
// the people a request names.
#pragma once

#include "finance/billing.hpp"
#include "http/api.hpp"
#include "platform/clock.hpp"
#include "tutoring/schedule_repository.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::server {

inline constexpr std::int64_t k_day = 86400;
inline constexpr std::size_t k_max_occurrences = 5000;   // in one answer


// The tenant's zone (the tenant's own setting, so a zone this server lacks is its fault: 500).
[[nodiscard]] Result<std::shared_ptr<const ZoneRules>> tenant_zone(const Caller& caller);

// A local day "YYYY-MM-DD" from a request (an error on `field` otherwise), as its midnight.
[[nodiscard]] Result<LocalDateTime> parse_day(const std::string& text, const char* field);

// An occurrence's status for people: the tenant's label of its attendance, or "Scheduled", "Moved", "Cancelled".
[[nodiscard]] std::string status_label(const std::string& status, const TutoringSettings& settings);
[[nodiscard]] Json occurrence_json(const SessionOccurrence& o, const std::map<std::int64_t, std::string>& names,
    const TutoringSettings& settings);
// The names of the occurrences' tutors and students.
[[nodiscard]] std::map<std::int64_t, std::string> names_for(pqxx::work& txn,
    const std::vector<SessionOccurrence>& list);

// Occurrences of the tenant's series in a UTC window, as the domain gives them.
[[nodiscard]] Result<std::vector<SessionOccurrence>> occurrences_in(pqxx::work& txn, const ZoneRules& zone,
    std::int64_t from_utc, std::int64_t to_utc, const ScheduleFilter& filter, std::size_t limit = k_max_occurrences);

// The active user `id` with `role`, or InvalidArgument on `field`: "tutor_id
// must be one of the business's tutors".
[[nodiscard]] Result<Person> person_with_role(pqxx::work& txn, std::int64_t id, std::string_view role,
    const char* field, const char* what);

// "Maths with Ana Ruiz, Tue 6 Oct 2026, 16:00".
[[nodiscard]] std::string session_label(const std::string& subject, const std::string& with, const LocalDateTime& start);

// A draft invoice as tutoring/insert_invoice takes it, for family
// `family_id`, covering local days `from` to `to`: no number, state draft
// (the demo sets both for invoices it issues in the past).
[[nodiscard]] Json invoice_record(const InvoiceDraft& draft, std::int64_t family_id, const std::string& from,
    const std::string& to);

} // namespace learnloop::server
