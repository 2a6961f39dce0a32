// Routes as data: what each area serves (method, path, permission-matrix
// action, handler, body types, a one-line summary). One registry
// (http/registry.cpp) assembles the areas' tables; the server registers them
// with cpp-httplib and serves them as an OpenAPI 3.1 document.
#pragma once

#include "http/api.hpp"
#include "identity/permissions.hpp"
#include "platform/config.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

enum class Method { Get, Post, Put, Patch, Delete };
[[nodiscard]] std::string_view method_name(Method method);   // "GET", ...

// What a handler for an unauthenticated route may use.
struct PublicContext {
    DbPool& pool;
    const ServerConfig& config;
};
using PublicHandler = std::function<Result<ApiResponse>(const httplib::Request&, const PublicContext&)>;

// A query parameter, documented in the OpenAPI document.
struct QueryParam {
    std::string name;
    Json schema;               // e.g. integer_schema()
    std::string description;
    bool required = false;
};

// ?limit= and ?offset= of every paged list (see parse_page).
[[nodiscard]] QueryParam page_limit_param();
[[nodiscard]] QueryParam page_offset_param();

struct Route {
    Method method = Method::Get;
    // The OpenAPI path; {token} matches 64 lower-case hex digits, each other
    // {name} a positive whole number, and each
    // reaches the handler as req.matches[1], [2], ... in order.
    std::string path;
    // The matrix action a caller's role must be allowed before the handler
    // runs (403 "Unauthorized" otherwise); none for routes open to any
    // signed-in caller or to anyone.
    std::optional<Action> action;
    // Exactly one handler: `authed` runs in the caller's tenant transaction
    // after the bearer token is checked; `open` runs for anyone.
    AuthedHandler authed;
    PublicHandler open;
    std::string summary;
    std::string request;       // the request body's schema name, empty when there is none
    std::string response;      // the success body's schema name, empty when there is none
    int status = 200;          // the success status
    std::vector<QueryParam> query;
    std::string content_type = "application/json";   // of the success body
    // Computes an Argon2id hash: runs in the connection gate's hashing lane,
    // so a flood of these never delays other requests.
    bool hashes_password = false;
    // A report that tolerates a few seconds of lag: served from the hot
    // standby when one is configured and caught up (docs/scaling.md).
    bool reads_standby = false;
    // A body larger than the server's limit for others (an upload): the
    // connection gate takes up to this many bytes for this route; 0: the
    // server's limit.
    std::size_t max_body_bytes = 0;
};

// `route`, marked as one that hashes a password.
[[nodiscard]] inline Route hashes_password(Route route)
{
    route.hashes_password = true;
    return route;
}

// `route`, marked as a report the hot standby may serve.
[[nodiscard]] inline Route reads_standby(Route route)
{
    route.reads_standby = true;
    return route;
}

// `route`, marked as an upload whose body may be up to `max_bytes`.
[[nodiscard]] inline Route takes_upload(Route route, std::size_t max_bytes)
{
    route.max_body_bytes = max_bytes;
    return route;
}

// An area's API: its routes and the JSON schemas they name.
struct AreaApi {
    std::string name;          // "tracker", ...; the OpenAPI tag
    std::string description;
    std::vector<Route> routes;
    Json schemas = Json::object();
};

} // namespace learnloop::server
