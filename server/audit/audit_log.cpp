// Audit appends and chain verification. The hash itself is defined once, in
// SQL (audit_row_digest in migrations/0001_init.sql).
#include "audit/audit_log.hpp"

#include "db/sql.hpp"

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
    auto rows = exec_named(txn, "audit/append", entry.tenant_id, entry.actor, entry.action, entry.entity,
        entry.entity_id, json_or_null(entry.before), json_or_null(entry.after));
    return rows.at(0)["id"].as<std::int64_t>();
}

AuditChainScan scan_audit_log(pqxx::transaction_base& txn, const AuditCheckpoint* checkpoint)
{
    AuditChainScan scan = checkpoint ? AuditChainScan(*checkpoint) : AuditChainScan();
    // Run once per verification, so not prepared: the named text is sent as is,
    // through a cursor, so memory stays flat however long the log grows.
    pqxx::icursorstream cursor(txn, expand_sql("audit/verify_chain"), "audit_scan", 10'000);
    for (pqxx::result rows; cursor.get(rows), !rows.empty();) {
        for (const auto& row : rows) {
            AuditRowCheck check;
            if (!row["tenant_id"].is_null())
                check.tenant_id = row["tenant_id"].as<std::int64_t>();
            check.id = row["id"].as<std::int64_t>();
            check.linked = row["linked"].as<bool>();
            check.intact = row["intact"].as<bool>();
            check.hash = row["hash"].as<std::string>();
            scan.add(check);
        }
    }
    return scan;
}

std::vector<TenantRef> list_audit_tenants(pqxx::transaction_base& txn)
{
    std::vector<TenantRef> tenants;
    for (const auto& row : exec_named(txn, "audit/checkpoint_tenants"))
        tenants.push_back({ row["id"].as<std::int64_t>(), row["slug"].as<std::string>() });
    return tenants;
}

std::string audit_snapshot_time(pqxx::transaction_base& txn)
{
    return exec_named(txn, "audit/snapshot_time").at(0)["snapshot_at"].as<std::string>();
}

Result<AuditVerification> verify_audit_chain(pqxx::transaction_base& txn)
{
    auto scan = scan_audit_log(txn);
    if (auto broken = scan.first_broken()) {
        auto chain = broken->first ? std::to_string(*broken->first) : std::string("platform");
        return make_error(ErrorCode::FailedPrecondition,
            "audit row " + std::to_string(broken->second.id) + " (chain " + chain + ") "
                + (broken->second.intact ? "does not link to the row before it" : "does not match its hash")
                + ": the audit log was changed after it was written");
    }
    return AuditVerification { scan.rows() };
}

} // namespace learnloop::server
