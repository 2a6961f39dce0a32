// HTTP application: [SECTION] routes, [SECTION] handlers, [SECTION] hooks
// (errors, logging, static files), [SECTION] lifecycle.
#include "http/http_app.hpp"

#include "platform/crypto.hpp"
#include "http/openapi.hpp"
#include "http/registry.hpp"
#include "http/schema.hpp"
#include "http/http_errors.hpp"
#include "platform/metrics.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

namespace learnloop::server {

namespace {

thread_local std::chrono::steady_clock::time_point t_request_start;
// The route answering this worker's request, for metrics: its OpenAPI path,
// "static" or "unmatched" (never the raw path, which would be unbounded).
thread_local std::string_view t_route = "unmatched";

// The transport's own refusals (unparseable requests, unknown paths, wrong
// methods, oversized bodies) come from cpp-httplib before any handler and
// carry no domain error; they get the same JSON error shape.
void send_refusal(httplib::Response& res, int status, const std::string& error, const std::string& details = {})
{
    send_json(res, status, to_json(ErrorBody { error, details, {} }));
}

} // namespace

HttpApp::HttpApp(const ServerConfig& config, DbPool& pool, DbPool* standby)
    : m_config(config)
    , m_pool(pool)
    , m_api(pool, Standby { standby, std::chrono::seconds(config.standby_max_lag_seconds) })
{
    m_static.load(config.web_root);
    m_server.set_payload_max_length(config.max_body_bytes);
    // Without TCP_NODELAY small responses wait ~40 ms for delayed ACKs (Nagle).
    m_server.set_tcp_nodelay(true);
    // cpp-httplib listens with a backlog of 5: when 64 clients connect at once
    // the kernel drops SYNs and those clients wait a second to retry. Record
    // the listening socket so that bind() can raise the backlog. SO_REUSEADDR
    // alone (not SO_REUSEPORT) so a port already in use is reported.
    m_server.set_socket_options([this](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        m_listen_socket = sock;
    });
    GateOptions gate;
    gate.limits.max_body_bytes = config.max_body_bytes;
    gate.limits.max_connections = config.max_connections;
    gate.limits.request_timeout = std::chrono::milliseconds(config.request_timeout_ms);
    gate.limits.idle_timeout = std::chrono::milliseconds(config.idle_timeout_ms);
    gate.general_workers = config.threads;
    gate.hashing_workers = config.password_hashing_slots ? config.password_hashing_slots
                                                         : std::max(1u, std::thread::hardware_concurrency());
    gate.hashing_queue_wait = std::chrono::milliseconds(config.password_hashing_wait_ms);
    // What cpp-httplib announces in Keep-Alive headers; the gate enforces it.
    m_server.set_keep_alive_max_count(gate.limits.max_requests_per_connection);
    m_server.set_keep_alive_timeout(std::max<long>(1, std::chrono::duration_cast<std::chrono::seconds>(gate.limits.idle_timeout).count()));
    install_hooks();
    register_routes();
    gate.lane_for = [this](std::string_view method, std::string_view target) {
        auto path = target.substr(0, target.find('?'));
        // Fixed paths by lookup; a pattern only for routes with ids in them.
        if (m_hashing_paths.contains(std::string(method) + " " + std::string(path)))
            return Lane::Hashing;
        for (const auto& route : m_hashing_routes) {
            if (method == method_name(route.method) && std::regex_match(path.begin(), path.end(), route.pattern))
                return Lane::Hashing;
        }
        return Lane::General;
    };
    for (const auto& route : m_upload_routes)
        gate.limits.max_upload_bytes = std::max(gate.limits.max_upload_bytes, route.max_body_bytes);
    m_server.set_payload_max_length(std::max(config.max_body_bytes, gate.limits.max_upload_bytes));
    gate.body_limit_for = [this](std::string_view method, std::string_view target) {
        auto path = target.substr(0, target.find('?'));
        for (const auto& route : m_upload_routes) {
            if (method == method_name(route.method) && std::regex_match(path.begin(), path.end(), route.pattern))
                return route.max_body_bytes;
        }
        return std::size_t(0);
    };
    gate.log = [this](const Json& line) {
        auto text = line.dump(-1, ' ', false, Json::error_handler_t::replace);
        std::lock_guard lock(m_log_mutex);
        std::fprintf(stdout, "%s\n", text.c_str());
        std::fflush(stdout);
    };
    m_gate = std::make_unique<ConnectionGate>(m_server, std::move(gate));
}

// [SECTION] routes ---------------------------------------------------------

namespace {

// A path as the logs keep it: a calendar feed's URL is its only
// credential, so its token is left out.
std::string logged_path(const std::string& path)
{
    if (path.rfind("/ical/", 0) == 0)
        return "/ical/[token].ics";
    // A checkout's address pays or cancels it: never in a log.
    if (path.rfind("/sandbox-pay/", 0) == 0 && path != "/sandbox-pay/checkout.css")
        return "/sandbox-pay/[token]" + (path.size() > 77 ? path.substr(77) : std::string());
    return path;
}

// The cpp-httplib pattern of an OpenAPI path: {token} matches 64 lower-case
// hex digits, {uuid} a UUID in lower case, each other {name} a positive whole
// number (anything else falls through to 404), dots are literal.
std::string route_pattern(const std::string& path)
{
    std::string pattern;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path.compare(i, 7, "{token}") == 0) {
            pattern += "([0-9a-f]{64})";   // a random token (a calendar feed's), 256 bits in hex
            i += 6;
        } else if (path.compare(i, 6, "{uuid}") == 0) {
            pattern += "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";   // a certificate's id
            i += 5;
        } else if (path[i] == '{') {
            pattern += "(\\d+)";
            i = path.find('}', i);
        } else if (path[i] == '.') {
            pattern += "\\.";
        } else {
            pattern += path[i];
        }
    }
    return pattern;
}

} // namespace

void HttpApp::register_routes()
{
    m_areas = product_areas();
    AreaApi system { "system", "The server itself", {}, Json::object() };
    system.schemas["Health"] = object_schema({ { "status", enum_schema({ "ok", "unavailable" }) },
                                                 { "version", string_schema() },
                                                 { "database", object_schema({ { "reachable", boolean_schema() }, { "version", string_schema() } }, { "reachable" }) } },
        { "status", "version" });
    system.routes = {
        { Method::Get, "/api/health", std::nullopt, nullptr,
            [this](const httplib::Request&, const PublicContext&) -> Result<ApiResponse> { return health(); },
            "Whether the server and its database answer (503 when the database does not)", "", "Health", 200 },
        { Method::Get, "/api/live", std::nullopt, nullptr,
            [](const httplib::Request&, const PublicContext&) -> Result<ApiResponse> {
                auto response = json_response(200, { { "status", "ok" } });
                response.headers.emplace_back("Cache-Control", "no-store");
                return response;
            },
            "Whether the process serves at all (liveness; /api/health is readiness)", "", "", 200 },
        { Method::Get, "/api/openapi.json", std::nullopt, nullptr,
            [this](const httplib::Request&, const PublicContext&) -> Result<ApiResponse> {
                return json_response(200, m_openapi);
            },
            "This document", "", "", 200 },
    };
    m_areas.insert(m_areas.begin(), std::move(system));

    // Prometheus scrapes this, outside the API and its document. Anyone who
    // can reach it learns traffic shapes, so it answers only loopback peers
    // or holders of the metrics token (a proxy must not forward it).
    m_server.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
        t_route = "/metrics";
        bool allowed = m_config.metrics_token.empty()
            ? (req.remote_addr == "127.0.0.1" || req.remote_addr == "::1")
            : req.get_header_value("Authorization") == "Bearer " + m_config.metrics_token;
        if (!allowed) {
            send_refusal(res, 403, "Forbidden", "Metrics are served to the local host or with the metrics token");
            return;
        }
        Metrics::Gauges gauges;
        auto gate = m_gate->stats();
        gauges.open_connections = gate.open_connections;
        gauges.gate_refused = gate.refused;
        gauges.gate_timed_out = gate.timed_out;
        gauges.gate_evicted = gate.evicted;
        gauges.pool_size = m_pool.size();
        gauges.pool_waiting = m_pool.waiting();
        res.set_header("Cache-Control", "no-store");
        res.set_content(metrics().render(gauges, k_product_version), "text/plain; version=0.0.4; charset=utf-8");
    });
    m_openapi = openapi_document(m_areas, k_product_version);

    for (const auto& area : m_areas) {
        for (const auto& route : area.routes) {
            Handler handler;
            if (route.authed) {
                handler = [this, path = route.path, action = route.action, authed = route.authed,
                              standby_ok = route.reads_standby](const auto& req, auto& res) {
                    t_route = path;
                    m_api.authed(req, res, action, authed, standby_ok);
                };
            } else {
                handler = [this, path = route.path, open = route.open](const auto& req, auto& res) {
                    t_route = path;
                    PublicContext context { m_pool, m_config };
                    auto response = open(req, context);
                    send(res, response.ok() ? response.value() : error_for(response.error()));
                };
            }
            add_route(route.method, route_pattern(route.path), std::move(handler));
            if (route.hashes_password && route.path.find('{') == std::string::npos)
                m_hashing_paths.insert(std::string(method_name(route.method)) + " " + route.path);
            else if (route.hashes_password)
                m_hashing_routes.push_back({ route.method, std::regex(route_pattern(route.path)) });
            if (route.max_body_bytes > 0)
                m_upload_routes.push_back({ route.method, std::regex(route_pattern(route.path)), route.max_body_bytes });
        }
    }

    if (m_config.enable_test_routes) {
        // Only for the server's own tests (LEARNLOOP_TEST_ROUTES=1): a slow
        // request to prove graceful shutdown, and a JSON echo to prove body
        // parsing. Not part of the product's API document.
        add_route(Method::Get, "/api/test/sleep", [](const auto& req, auto& res) {
            auto ms = std::min(5000, std::max(0, std::atoi(req.get_param_value("ms").c_str())));
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            send_json(res, 200, { { "slept_ms", ms } });
        });
        add_route(Method::Post, "/api/test/echo", [](const auto& req, auto& res) {
            auto body = parse_json_body(req);
            if (!body.ok())
                return send_error(res, body.error());
            send_json(res, 200, body.value());
        });
    }
}

void HttpApp::add_route(Method method, const std::string& pattern, Handler handler)
{
    m_routes.push_back({ method, std::regex(pattern) });
    switch (method) {
    case Method::Get: m_server.Get(pattern, std::move(handler)); break;
    case Method::Post: m_server.Post(pattern, std::move(handler)); break;
    case Method::Put: m_server.Put(pattern, std::move(handler)); break;
    case Method::Patch: m_server.Patch(pattern, std::move(handler)); break;
    case Method::Delete: m_server.Delete(pattern, std::move(handler)); break;
    }
}

std::string HttpApp::allowed_methods(const std::string& path) const
{
    std::string allowed;
    for (const auto& route : m_routes) {
        if (!std::regex_match(path, route.pattern))
            continue;
        std::string name(method_name(route.method));
        if (allowed.find(name) != std::string::npos)
            continue;
        if (!allowed.empty())
            allowed += ", ";
        allowed += name;
        if (route.method == Method::Get)
            allowed += ", HEAD";
    }
    return allowed;
}

// [SECTION] health ---------------------------------------------------------

ApiResponse HttpApp::health()
{
    HealthResponse health;
    health.version = std::string(k_product_version);
    try {
        health.database_version = m_pool.with_connection([](pqxx::connection& connection) {
            pqxx::read_transaction txn(connection);
            auto version = exec_named(txn, "http/server_version").at(0)["server_version"].as<std::string>();
            return "PostgreSQL " + version.substr(0, version.find(' '));
        });
        health.database_reachable = true;
        health.status = HealthResponse::Status::Ok;
    } catch (const DatabaseUnavailable&) {
        health.status = HealthResponse::Status::Unavailable;
    }
    auto response = json_response(health.status == HealthResponse::Status::Ok ? 200 : 503, to_json(health));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// [SECTION] hooks ----------------------------------------------------------

void HttpApp::install_hooks()
{
    m_server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) -> httplib::Server::HandlerResponse {
        t_request_start = std::chrono::steady_clock::now();
        t_route = "unmatched";
        res.set_header("X-Request-Id", random_hex(8));
        // Everything outside /api/ is the web bundle.
        if ((req.method == "GET" || req.method == "HEAD") && req.path.rfind("/api/", 0) != 0) {
            if (m_static.serve(req, res)) {
                t_route = "static";
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    // Called for every status >= 400: give bodiless errors (404, 405, 413,
    // 400 from the parser) the one JSON error shape.
    m_server.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
        // Requests the parser refused (400, 414) never reached the pre-routing handler.
        if (!res.has_header("X-Request-Id")) {
            t_request_start = std::chrono::steady_clock::now();
            res.set_header("X-Request-Id", random_hex(8));
        }
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        // A request the parser refused leaves the connection in an unknown
        // state: answer and close it.
        if (res.status == 400 || res.status == 411 || res.status == 413 || res.status == 414 || res.status == 431)
            close_connection_after_response();
        switch (res.status) {
        case 404: {
            auto allowed = allowed_methods(req.path);
            if (!allowed.empty()) {
                res.set_header("Allow", allowed);
                send_refusal(res, 405, "Method not allowed", req.method + " is not allowed here; use " + allowed);
            } else {
                send_refusal(res, 404, "Not found", "No such resource");
            }
            break;
        }
        case 413:
            send_refusal(res, 413, "Payload too large",
                "Request bodies are limited to " + std::to_string(m_config.max_body_bytes) + " bytes");
            break;
        case 414: send_refusal(res, 414, "URI too long"); break;
        case 400: send_refusal(res, 400, "Bad request", "The request could not be parsed"); break;
        default: send_refusal(res, res.status, "Request failed", "HTTP status " + std::to_string(res.status)); break;
        }
        return httplib::Server::HandlerResponse::Handled;
    }));

    m_server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!closing_connection_after_response())
            return;
        res.headers.erase("Keep-Alive");
        if (!res.has_header("Connection"))
            res.set_header("Connection", "close");
    });

    // The last resort: never leak exception text to the client.
    m_server.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(ep);
        } catch (const ServerBusy& e) {
            auto busy = make_error(ErrorCode::Unavailable, "The server is busy; try again in a moment");
            busy.retry_after_seconds = 1;
            send_error(res, busy);
            what = e.what();
        } catch (const DatabaseUnavailable& e) {
            metrics().count(Event::DatabaseUnavailable);
            auto down = make_error(ErrorCode::Unavailable, "The database is unreachable; try again shortly");
            down.retry_after_seconds = 2;
            send_error(res, down);
            what = e.what();
        } catch (const std::exception& e) {
            send_error(res, make_error(ErrorCode::Internal, "Request id " + res.get_header_value("X-Request-Id")));
            what = e.what();
        } catch (...) {
            send_error(res, make_error(ErrorCode::Internal, "Request id " + res.get_header_value("X-Request-Id")));
        }
        std::lock_guard lock(m_log_mutex);
        auto line = Json { { "level", "error" }, { "request_id", res.get_header_value("X-Request-Id") },
            { "method", req.method }, { "path", logged_path(req.path) }, { "exception", what } };
        std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
    });

    m_server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        auto request_id = res.get_header_value("X-Request-Id");
        Json line = {
            { "level", "info" },
            { "request_id", request_id },
            { "method", req.method },
            { "path", logged_path(req.path) },
            { "status", res.status },
            { "bytes", res.body.size() },
        };
        if (request_database() != "primary")
            line["database"] = request_database();
        reset_request_database();
        // Requests rejected before routing (unparseable ones) have no start time.
        double seconds = 0;
        if (!request_id.empty()) {
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start).count();
            line["duration_ms"] = seconds * 1000;
        }
        metrics().record_request(req.method, t_route, res.status, seconds);
        t_route = "unmatched";
        auto text = line.dump(-1, ' ', false, Json::error_handler_t::replace);
        std::lock_guard lock(m_log_mutex);
        std::fprintf(stdout, "%s\n", text.c_str());
        std::fflush(stdout);
    });
}

// [SECTION] lifecycle ------------------------------------------------------

Result<int> HttpApp::bind()
{
    int port = m_config.port;
    if (port == 0) {
        port = m_server.bind_to_any_port(m_config.host.c_str());
        if (port <= 0)
            return make_error(ErrorCode::FailedPrecondition, "cannot bind " + m_config.host);
        raise_backlog();
        return port;
    }
    if (!m_server.bind_to_port(m_config.host.c_str(), port))
        return make_error(ErrorCode::FailedPrecondition,
            "cannot listen on " + m_config.host + ":" + std::to_string(port) + " (is the port in use?)");
    raise_backlog();
    return port;
}

void HttpApp::raise_backlog()
{
    // Calling listen() again on a listening socket only changes its backlog.
    if (m_listen_socket >= 0)
        ::listen(m_listen_socket, SOMAXCONN);
}

void HttpApp::run()
{
    m_server.listen_after_bind();
    m_gate->stop();
}

void HttpApp::stop()
{
    m_server.stop();
}

} // namespace learnloop::server
