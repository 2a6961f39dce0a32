// JSON codecs for wire DTOs.
#include "core/dto.hpp"

namespace learnloop {

Json to_json(const HealthResponse& health)
{
    Json database = { { "reachable", health.database_reachable } };
    if (health.database_reachable)
        database["version"] = health.database_version;
    return {
        { "status", health.status == HealthResponse::Status::Ok ? "ok" : "unavailable" },
        { "version", health.version },
        { "database", database },
    };
}

Result<HealthResponse> decode_health_response(const Json& json)
{
    HealthResponse health;
    auto status = TRY(json_string_field(json, "status"));
    if (status == "ok")
        health.status = HealthResponse::Status::Ok;
    else if (status == "unavailable")
        health.status = HealthResponse::Status::Unavailable;
    else
        return make_error(ErrorCode::InvalidArgument, "status must be \"ok\" or \"unavailable\"", "status");
    health.version = TRY(json_string_field(json, "version"));
    auto database = TRY(json_field(json, "database"));
    health.database_reachable = TRY(json_bool_field(*database, "reachable"));
    if (health.database_reachable)
        health.database_version = TRY(json_string_field(*database, "version"));
    return health;
}

Json to_json(const ErrorBody& body)
{
    Json json = { { "error", body.error }, { "details", body.details } };
    if (!body.field.empty())
        json["field"] = body.field;
    return json;
}

Result<ErrorBody> decode_error_body(const Json& json)
{
    ErrorBody body;
    body.error = TRY(json_string_field(json, "error"));
    // The contract's older errors carry only "error"; details and field are optional.
    if (json.contains("details") && json["details"].is_string())
        body.details = json["details"].get<std::string>();
    if (json.contains("field") && json["field"].is_string())
        body.field = json["field"].get<std::string>();
    return body;
}

} // namespace learnloop
