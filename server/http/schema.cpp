// JSON Schema builders for the OpenAPI document.
#include "http/schema.hpp"

namespace learnloop::server {

namespace {

Json typed(const char* type, std::string description)
{
    Json schema = { { "type", type } };
    if (!description.empty())
        schema["description"] = std::move(description);
    return schema;
}

Json object_of(std::initializer_list<std::pair<const char*, Json>> properties, std::initializer_list<const char*> required)
{
    Json schema = { { "type", "object" }, { "properties", Json::object() } };
    for (const auto& [name, property] : properties)
        schema["properties"][name] = property;
    if (required.size() > 0) {
        schema["required"] = Json::array();
        for (const char* name : required)
            schema["required"].push_back(name);
    }
    return schema;
}

} // namespace

Json string_schema(std::string description) { return typed("string", std::move(description)); }
Json integer_schema(std::string description) { return typed("integer", std::move(description)); }
Json number_schema(std::string description) { return typed("number", std::move(description)); }
Json boolean_schema(std::string description) { return typed("boolean", std::move(description)); }
Json id_schema() { return { { "type", "integer" }, { "minimum", 1 } }; }

Json local_datetime_schema()
{
    return { { "type", "string" }, { "pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$" },
        { "description", "Local date and time in the school's time zone" } };
}

Json utc_timestamp_schema()
{
    return { { "type", "string" }, { "pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$" } };
}

Json enum_schema(std::initializer_list<const char*> values)
{
    Json schema = { { "type", "string" }, { "enum", Json::array() } };
    for (const char* value : values)
        schema["enum"].push_back(value);
    return schema;
}

Json nullable(Json schema)
{
    if (schema.contains("$ref"))
        return { { "oneOf", Json::array({ std::move(schema), { { "type", "null" } } }) } };
    if (schema.contains("type") && schema["type"].is_string())
        schema["type"] = Json::array({ schema["type"], "null" });
    if (schema.contains("enum"))
        schema["enum"].push_back(nullptr);
    return schema;
}

Json array_of(Json items) { return { { "type", "array" }, { "items", std::move(items) } }; }

Json schema_ref(std::string_view schema_name)
{
    return { { "$ref", "#/components/schemas/" + std::string(schema_name) } };
}

Json any_object() { return { { "type", "object" } }; }

Json object_schema(std::initializer_list<std::pair<const char*, Json>> properties, std::initializer_list<const char*> required)
{
    return object_of(properties, required);
}

Json request_schema(std::initializer_list<std::pair<const char*, Json>> properties, std::initializer_list<const char*> required)
{
    auto schema = object_of(properties, required);
    schema["additionalProperties"] = false;
    return schema;
}

Json message_schema(std::initializer_list<std::pair<const char*, Json>> properties)
{
    auto schema = object_of(properties, {});
    schema["properties"]["message"] = string_schema();
    schema["required"] = Json::array({ "message" });
    return schema;
}

} // namespace learnloop::server
