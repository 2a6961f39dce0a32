// JSON codecs for wire DTOs.
#include "core/dto.hpp"

#include <algorithm>

namespace learnloop {

namespace {

Result<const Json*> find_field(const Json& object, std::string_view name)
{
    if (!object.is_object())
        return make_error(ErrorCode::InvalidArgument, "Expected a JSON object");
    auto it = object.find(std::string(name));
    if (it == object.end())
        return make_error(ErrorCode::InvalidArgument, std::string(name) + " is required", std::string(name));
    return &*it;
}

Error wrong_type(std::string_view name, std::string_view type)
{
    return make_error(ErrorCode::InvalidArgument, std::string(name) + " must be " + std::string(type), std::string(name));
}

} // namespace

Result<Json> parse_json(std::string_view text)
{
    // Copying or dumping a value recurses once per level: bound the nesting.
    constexpr int k_max_depth = 64;
    bool too_deep = false;
    auto json = Json::parse(text.begin(), text.end(),
        [&too_deep](int depth, Json::parse_event_t, Json&) {
            too_deep = too_deep || depth > k_max_depth;
            return !too_deep;
        },
        /*allow_exceptions=*/false);
    if (too_deep)
        return make_error(ErrorCode::InvalidArgument, "Request body is nested too deeply");
    if (json.is_discarded())
        return make_error(ErrorCode::InvalidArgument, "Request body is not valid JSON");
    return json;
}

Result<std::string> json_string_field(const Json& object, std::string_view name)
{
    auto field = TRY(find_field(object, name));
    if (!field->is_string())
        return wrong_type(name, "a string");
    return field->get_ref<const std::string&>();
}

Result<void> json_only_fields(const Json& object, std::initializer_list<std::string_view> known)
{
    if (!object.is_object())
        return make_error(ErrorCode::InvalidArgument, "The body must be a JSON object");
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end())
            return make_error(ErrorCode::InvalidArgument, "Unknown field " + key.substr(0, 64), key.substr(0, 64));
    }
    return {};
}

Result<bool> json_bool_field(const Json& object, std::string_view name)
{
    auto field = TRY(find_field(object, name));
    if (!field->is_boolean())
        return wrong_type(name, "true or false");
    return field->get<bool>();
}

Result<std::int64_t> json_int_field(const Json& object, std::string_view name)
{
    auto field = TRY(find_field(object, name));
    if (!field->is_number_integer())
        return wrong_type(name, "an integer");
    return field->get<std::int64_t>();
}

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
    auto database = TRY(find_field(json, "database"));
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
