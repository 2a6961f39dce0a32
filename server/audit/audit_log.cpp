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
    auto rows = txn.exec_prepared("audit/append", entry.tenant_id, entry.actor, entry.action, entry.entity,
        entry.entity_id, json_or_null(entry.before), json_or_null(entry.after));
    return rows.at(0)["id"].as<std::int64_t>();
}

Result<AuditVerification> verify_audit_chain(pqxx::transaction_base& txn)
{
    // Run once per verification, so not prepared: the named text is sent as is.
    auto rows = txn.exec(expand_sql("audit/verify_chain"));
    AuditVerification verification;
    for (const auto& row : rows) {
        ++verification.rows_checked;
        auto linked = row["linked"].as<bool>();
        auto intact = row["intact"].as<bool>();
        if (!linked || !intact)
            return make_error(ErrorCode::FailedPrecondition,
                "audit row " + row["id"].as<std::string>() + " (chain " + row["chain"].as<std::string>() + ") "
                    + (intact ? "does not link to the row before it" : "does not match its hash")
                    + ": the audit log was changed after it was written");
    }
    return verification;
}

} // namespace learnloop::server
