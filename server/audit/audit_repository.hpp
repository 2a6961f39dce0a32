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
    std::string action;
    std::string entity;
    std::optional<std::string> entity_id;
    Json before;          // null when the entity was new
    Json after;           // null when the entity is gone
    std::string created_at;   // UTC, microseconds
    std::string hash;         // hex
};

struct AuditFilter {
    std::optional<std::string> action;
    std::optional<std::string> entity;
    std::optional<std::string> entity_id;
};

[[nodiscard]] PageOf<AuditRecord> list_audit_log(pqxx::transaction_base& txn, const AuditFilter& filter, const Page& page);

[[nodiscard]] Json to_json(const AuditRecord& record);

} // namespace learnloop::server
