// Audit appends and chain verification. The hash itself is defined once, in
// SQL (audit_row_digest in migrations/0001_init.sql).
#include "audit/audit_log.hpp"

namespace learnloop::server {

namespace {

std::optional<std::string> json_or_null(const Json& value)
{
    if (value.is_null())
        return std::nullopt;
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

std::int64_t append_audit(pqxx::transaction_base& txn, const AuditEntry& entry)
{
    auto row = txn.exec_params1("SELECT audit_append($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)", entry.tenant_id,
        entry.actor, entry.action, entry.entity, entry.entity_id, json_or_null(entry.before), json_or_null(entry.after));
    return row[0].as<std::int64_t>();
}

Result<AuditVerification> verify_audit_chain(pqxx::transaction_base& txn)
{
    // For each row: does its prev_hash equal the previous row's hash in the
    // same chain, and does its hash equal the recomputed digest?
    auto rows = txn.exec(R"SQL(
        SELECT id, coalesce(tenant_id::text, 'platform'),
               prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain AS linked,
               hash = audit_row_digest(prev_hash, tenant_id, actor, action, entity, entity_id, before, after, created_at) AS intact
        FROM audit_log
        WINDOW chain AS (PARTITION BY tenant_id ORDER BY id)
        ORDER BY id)SQL");
    AuditVerification verification;
    for (const auto& row : rows) {
        ++verification.rows_checked;
        auto linked = row[2].as<bool>();
        auto intact = row[3].as<bool>();
        if (!linked || !intact)
            return make_error(ErrorCode::FailedPrecondition,
                "audit row " + row[0].as<std::string>() + " (chain " + row[1].as<std::string>() + ") "
                    + (intact ? "does not link to the row before it" : "does not match its hash")
                    + ": the audit log was changed after it was written");
    }
    return verification;
}

} // namespace learnloop::server
