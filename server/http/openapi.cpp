// Builds the OpenAPI document: paths from the route tables, schemas from the
// areas, the error responses every route can give from what it needs.
#include "http/openapi.hpp"

#include "http/schema.hpp"

#include <algorithm>
#include <cctype>

namespace learnloop::server {

namespace {

Json documented_error(const char* description)
{
    return { { "description", description },
        { "content", { { "application/json", { { "schema", schema_ref("Error") } } } } } };
}

std::vector<std::string> path_parameters(const std::string& path)
{
    std::vector<std::string> names;
    for (auto open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
        names.push_back(path.substr(open + 1, path.find('}', open) - open - 1));
    return names;
}

std::string operation_id(const Route& route)
{
    std::string id(method_name(route.method));
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto path = route.path.rfind("/api/", 0) == 0 ? route.path.substr(4) : route.path;   // without "/api"
    for (char c : path) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            id += c;
        else if (id.back() != '_')
            id += '_';
    }
    while (id.back() == '_')
        id.pop_back();
    return id;
}

Json operation(const AreaApi& area, const Route& route)
{
    Json op = { { "operationId", operation_id(route) }, { "summary", route.summary }, { "tags", { area.name } } };
    bool authed = static_cast<bool>(route.authed);
    op["security"] = authed ? Json::array({ { { "bearer", Json::array() } } }) : Json::array();
    if (route.action)
        op["x-permission-action"] = std::string(action_name(*route.action));

    Json parameters = Json::array();
    for (const auto& name : path_parameters(route.path))
        parameters.push_back({ { "name", name }, { "in", "path" }, { "required", true },
            { "schema", name == "token" ? Json { { "type", "string" }, { "pattern", "^[0-9a-f]{64}$" } }
                    : name == "uuid"    ? Json { { "type", "string" }, { "format", "uuid" } }
                                        : id_schema() } });
    for (const auto& param : route.query) {
        Json p = { { "name", param.name }, { "in", "query" }, { "required", param.required }, { "schema", param.schema } };
        if (!param.description.empty())
            p["description"] = param.description;
        parameters.push_back(std::move(p));
    }
    if (!parameters.empty())
        op["parameters"] = std::move(parameters);

    if (!route.request.empty())
        op["requestBody"] = { { "required", true },
            { "content", { { "application/json", { { "schema", schema_ref(route.request) } } } } } };

    Json success = { { "description", route.summary } };
    if (route.content_type != "application/json")
        success["content"] = { { route.content_type, { { "schema", string_schema() } } } };
    else if (!route.response.empty())
        success["content"] = { { "application/json", { { "schema", schema_ref(route.response) } } } };
    Json responses = { { std::to_string(route.status), success } };
    if (!route.request.empty() || !route.query.empty())
        responses["400"] = documented_error("The request is malformed or a field is invalid");
    if (authed)
        responses["401"] = documented_error("No valid bearer token");
    if (route.action)
        responses["403"] = documented_error("The caller's role or relation does not allow this");
    if (!path_parameters(route.path).empty())
        responses["404"] = documented_error("No such resource, or not one the caller may see");
    if (route.method != Method::Get)
        responses["409"] = documented_error("Conflicts with the current state");
    if (!route.request.empty())
        responses["413"] = documented_error("The body is larger than the server accepts");
    responses["503"] = documented_error("The server or its database is busy or down; try again (Retry-After)");
    op["responses"] = std::move(responses);
    return op;
}

} // namespace

Json openapi_document(const std::vector<AreaApi>& areas, std::string_view version)
{
    Json schemas = {
        { "Error", object_schema({ { "error", string_schema("What went wrong, in a few words") },
                                     { "details", string_schema("A sentence for people") },
                                     { "field", string_schema("The request field concerned") } },
                       { "error" }) },
    };
    Json paths = Json::object();
    Json tags = Json::array();
    for (const auto& area : areas) {
        tags.push_back({ { "name", area.name }, { "description", area.description } });
        for (const auto& [name, schema] : area.schemas.items())
            schemas[name] = schema;
        for (const auto& route : area.routes) {
            std::string method(method_name(route.method));
            std::transform(method.begin(), method.end(), method.begin(),
                [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            paths[route.path][method] = operation(area, route);
        }
    }
    return {
        { "openapi", "3.1.0" },
        { "info",
            { { "title", "Learnloop API" }, { "version", std::string(version) },
                { "description",
                    "Every route of the server, generated from its route tables. Errors have the body "
                    "{\"error\", \"details\"}; x-permission-action names the permission-matrix action a role "
                    "must be allowed." } } },
        { "servers", Json::array({ { { "url", "/" } } }) },
        { "tags", std::move(tags) },
        { "paths", std::move(paths) },
        { "components",
            { { "schemas", std::move(schemas) },
                { "securitySchemes", { { "bearer", { { "type", "http" }, { "scheme", "bearer" } } } } } } },
    };
}

} // namespace learnloop::server
