// Administration: the audit log viewer.
#include "http/handlers.hpp"

namespace learnloop::server {

void prepare_statements(pqxx::connection& connection)
{
    prepare_api_statements(connection);
    prepare_tracker_statements(connection);
}

// GET /api/audit?action=&entity=&entity_id=&limit=&offset= — newest first.
Result<ApiResponse> handle_audit_log(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    if (!is_allowed(caller.role, Action::AuditRead))
        return role_denied(Action::AuditRead);
    auto page = TRY(parse_page(req));
    auto filter = [&](const char* name) -> std::optional<std::string> {
        if (!req.has_param(name))
            return std::nullopt;
        return req.get_param_value(name);
    };
    auto rows = txn.exec_params(
        "SELECT id, actor, action, entity, entity_id, before::text, after::text,"
        " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), encode(hash, 'hex'),"
        " count(*) OVER ()"
        " FROM audit_log WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR entity = $2)"
        " AND ($3::text IS NULL OR entity_id = $3) ORDER BY id DESC LIMIT $4 OFFSET $5",
        filter("action"), filter("entity"), filter("entity_id"), page.limit, page.offset);
    auto json_or_null = [](const pqxx::field& field) {
        return field.is_null() ? Json(nullptr) : Json::parse(field.as<std::string>());
    };
    return paged_list(req, page, rows, 9, [&](const pqxx::row& row) -> Json {
        return { { "id", row[0].as<std::int64_t>() }, { "actor", row[1].as<std::string>() },
            { "action", row[2].as<std::string>() }, { "entity", row[3].as<std::string>() },
            { "entity_id", row[4].is_null() ? Json(nullptr) : Json(row[4].as<std::string>()) },
            { "before", json_or_null(row[5]) }, { "after", json_or_null(row[6]) },
            { "created_at", row[7].as<std::string>() }, { "hash", row[8].as<std::string>() } };
    }, [&] {
        return txn.exec_params1("SELECT count(*) FROM audit_log WHERE ($1::text IS NULL OR action = $1)"
                                " AND ($2::text IS NULL OR entity = $2) AND ($3::text IS NULL OR entity_id = $3)",
                      filter("action"), filter("entity"), filter("entity_id"))[0]
            .as<std::int64_t>();
    });
}

} // namespace learnloop::server
