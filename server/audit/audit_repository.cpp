// The audit log's queries (server/audit/queries/).
#include "audit/audit_repository.hpp"

namespace learnloop::server {

namespace {

// before/after are stored as jsonb the server wrote itself.
Json stored_json(const pqxx::field& field)
{
    return field.is_null() ? Json(nullptr) : Json::parse(field.as<std::string>(), nullptr, false);
}

std::optional<std::string> optional_text(const pqxx::field& field)
{
    return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

Json nullable(const std::optional<std::string>& text)
{
    return text ? Json(*text) : Json(nullptr);
}

} // namespace

PageOf<AuditRecord> list_audit_log(pqxx::transaction_base& txn, const AuditFilter& filter, const Page& page,
    const std::string& time_zone)
{
    auto rows = exec_page(txn, "audit/list_audit_log", page, filter.action, filter.entity, filter.entity_id, time_zone);
    PageOf<AuditRecord> result { {}, rows.total };
    result.items.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
        AuditRecord record;
        record.id = row["id"].as<std::int64_t>();
        record.actor = row["actor"].as<std::string>();
        record.actor_name = optional_text(row["actor_name"]);
        record.action = row["action"].as<std::string>();
        record.entity = row["entity"].as<std::string>();
        if (!row["entity_id"].is_null())
            record.entity_id = row["entity_id"].as<std::string>();
        record.entity_name = optional_text(row["entity_name"]);
        record.context_name = optional_text(row["context_name"]);
        record.before = stored_json(row["before"]);
        record.after = stored_json(row["after"]);
        record.created_at = row["created_at"].as<std::string>();
        record.created_local = row["created_local"].as<std::string>();
        record.hash = row["hash"].as<std::string>();
        result.items.push_back(std::move(record));
    }
    return result;
}

Json to_json(const AuditRecord& record)
{
    return { { "id", record.id }, { "actor", record.actor }, { "actor_name", nullable(record.actor_name) },
        { "action", record.action }, { "entity", record.entity }, { "entity_id", nullable(record.entity_id) },
        { "entity_name", nullable(record.entity_name) }, { "context_name", nullable(record.context_name) },
        { "before", record.before }, { "after", record.after }, { "created_at", record.created_at },
        { "created_local", record.created_local }, { "hash", record.hash } };
}

} // namespace learnloop::server
