// Reading the audit log (writing it is audit_log.hpp's append_audit).
#pragma once

#include "core/dto.hpp"
#include "db/sql.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

struct AuditRecord {
    std::int64_t id = 0;
    std::string actor;
    std::optional<std::string> actor_name;     // the acting user's name; none for the CLI
    std::string action;
    std::string entity;
    std::optional<std::string> entity_id;
    std::optional<std::string> entity_name;    // the user, class or assignment changed; a submission's student
    std::optional<std::string> context_name;   // a submission's assignment; the student a link is about
    Json before;          // null when the entity was new
    Json after;           // null when the entity is gone
    std::string created_at;   // UTC, microseconds
    std::string created_local;   // in the school's zone, "YYYY-MM-DDTHH:MM:SS"
    std::string hash;         // hex
};

struct AuditFilter {
    std::optional<std::string> action;
    std::optional<std::string> entity;
    std::optional<std::string> entity_id;
};

// One page, newest first, with the names people read and the time in `time_zone`.
[[nodiscard]] PageOf<AuditRecord> list_audit_log(pqxx::transaction_base& txn, const AuditFilter& filter, const Page& page,
    const std::string& time_zone);

[[nodiscard]] Json to_json(const AuditRecord& record);

} // namespace learnloop::server
