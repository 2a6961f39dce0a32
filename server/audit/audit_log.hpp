// The audit trail: one hash-chained row per mutation, written in the same
// transaction as the change it describes.
#pragma once

#include "audit/audit_checkpoint.hpp"
#include "core/dto.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

struct AuditEntry {
    std::optional<std::int64_t> tenant_id;   // empty: the platform operator's chain
    std::string actor;                        // "user:42" or "cli"
    std::string action;                       // "tenant.create", "user.create", ...
    std::string entity;                       // "tenant", "user", ...
    std::string entity_id;
    Json before;                              // null when the entity is new
    Json after;                               // null when the entity is gone
};

// Appends `entry` to its chain inside `txn`; returns the audit row id.
std::int64_t append_audit(pqxx::transaction_base& txn, const AuditEntry& entry);

struct AuditVerification {
    std::int64_t rows_checked = 0;
};

// Recomputes every row's hash, chain by chain. FailedPrecondition names the
// first row whose hash or link does not match.
[[nodiscard]] Result<AuditVerification> verify_audit_chain(pqxx::transaction_base& txn);

// Reads every row once, recomputing its hash, into per-chain state; with a
// checkpoint, also where its heads stand now. Run it in a repeatable-read
// transaction together with list_audit_tenants, so both see one snapshot.
[[nodiscard]] AuditChainScan scan_audit_log(pqxx::transaction_base& txn, const AuditCheckpoint* checkpoint = nullptr);
[[nodiscard]] std::vector<TenantRef> list_audit_tenants(pqxx::transaction_base& txn);
// The transaction's time, UTC with microseconds.
[[nodiscard]] std::string audit_snapshot_time(pqxx::transaction_base& txn);

} // namespace learnloop::server
