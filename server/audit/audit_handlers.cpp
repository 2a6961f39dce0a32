// Administration: the audit log viewer.
#include "audit/audit_repository.hpp"
#include "audit/routes.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

namespace {

std::optional<std::string> optional_param(const httplib::Request& req, const char* name)
{
    if (!req.has_param(name))
        return std::nullopt;
    return req.get_param_value(name);
}

// GET /api/audit?action=&entity=&entity_id=&limit=&offset= — newest first.
Result<ApiResponse> handle_audit_log(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    AuditFilter filter { optional_param(req, "action"), optional_param(req, "entity"), optional_param(req, "entity_id") };
    return paged_response(req, page, list_audit_log(txn, filter, page, caller.time_zone));
}

} // namespace

AreaApi audit_api()
{
    AreaApi api { "audit", "The tenant's hash-chained audit trail of every change", {}, Json::object() };
    api.schemas["AuditRecord"] = object_schema(
        {
            { "id", id_schema() },
            { "actor", string_schema("\"user:<id>\" or \"cli\"") },
            { "actor_name", nullable(string_schema("The acting user's name (none for the command line)")) },
            { "action", string_schema("e.g. assignment.create") },
            { "entity", string_schema() },
            { "entity_id", nullable(string_schema()) },
            { "entity_name", nullable(string_schema("The user, class or assignment changed; a submission's student")) },
            { "context_name",
                nullable(string_schema("A submission's assignment; the student a membership or link is about")) },
            { "before", nullable(any_object()) },
            { "after", nullable(any_object()) },
            { "created_at", string_schema("UTC with microseconds") },
            { "created_local", string_schema("The same time in the school's zone, YYYY-MM-DDTHH:MM:SS") },
            { "hash", string_schema("SHA-256 of the previous hash and this row, hex") },
        },
        { "id", "actor", "actor_name", "action", "entity", "entity_id", "entity_name", "context_name", "before", "after",
            "created_at", "created_local", "hash" });
    api.schemas["AuditRecordList"] = array_of(schema_ref("AuditRecord"));
    api.routes = {
        { Method::Get, "/api/audit", Action::AuditRead, handle_audit_log, nullptr,
            "The audit log, newest first (paged; filter by action, entity, entity_id)", "", "AuditRecordList", 200,
            { page_limit_param(), page_offset_param(), { "action", string_schema(), "Only this action" },
                { "entity", string_schema(), "Only this kind of entity" },
                { "entity_id", string_schema(), "Only this entity" } } },
    };
    return api;
}

} // namespace learnloop::server
