// HTTP application: [SECTION] routes, [SECTION] handlers, [SECTION] hooks
// (errors, logging, static files), [SECTION] lifecycle.
#include "http/http_app.hpp"

#include "platform/crypto.hpp"
#include "http/handlers.hpp"
#include "http/http_errors.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

namespace learnloop::server {

namespace {

thread_local std::chrono::steady_clock::time_point t_request_start;

const char* method_name(int index)
{
    static const char* names[] = { "GET", "POST", "PUT", "PATCH", "DELETE" };
    return names[index];
}

} // namespace

HttpApp::HttpApp(const ServerConfig& config, DbPool& pool)
    : m_config(config)
    , m_pool(pool)
    , m_api(pool)
{
    m_static.load(config.web_root);
    auto threads = config.threads;
    m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
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
    m_server.set_keep_alive_max_count(1000);
    m_server.set_keep_alive_timeout(5);
    m_server.set_read_timeout(10, 0);
    m_server.set_write_timeout(10, 0);
    install_hooks();
    register_routes();
}

// [SECTION] routes ---------------------------------------------------------

void HttpApp::register_routes()
{
    // Authenticated routes run in one transaction scoped to the caller's tenant.
    auto authed = [this](AuthedHandler handler) {
        return [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            m_api.authed(req, res, handler);
        };
    };
    const std::string id = "(\\d+)";   // non-numeric ids fall through to 404

    add_route(Method::Get, "/api/health", [this](const auto& req, auto& res) { handle_health(req, res); });

    // Identity
    add_route(Method::Post, "/api/signup", [this](const auto& req, auto& res) { send(res, handle_signup(req, m_pool)); });
    add_route(Method::Post, "/api/login", [this](const auto& req, auto& res) { send(res, handle_login(req, m_pool, m_config)); });
    add_route(Method::Get, "/api/user", authed(handle_current_user));
    add_route(Method::Post, "/api/logout", authed(handle_logout));
    add_route(Method::Post, "/api/refresh", authed(handle_refresh));

    // Assignment tracker (the contract's paths, plus edit, delete and history)
    add_route(Method::Post, "/api/assignments", authed(handle_create_assignment));
    add_route(Method::Get, "/api/assignments", authed(handle_list_assignments));
    add_route(Method::Get, "/api/assignments/" + id, authed(handle_get_assignment));
    add_route(Method::Put, "/api/assignments/" + id, authed(handle_update_assignment));
    add_route(Method::Delete, "/api/assignments/" + id, authed(handle_delete_assignment));
    add_route(Method::Post, "/api/assignments/" + id + "/submit", authed(handle_submit));
    add_route(Method::Get, "/api/assignments/" + id + "/submission", authed(handle_own_submission));
    add_route(Method::Get, "/api/assignments/" + id + "/submissions", authed(handle_list_submissions));
    add_route(Method::Put, "/api/submissions/" + id + "/grade", authed(handle_grade));
    add_route(Method::Get, "/api/submissions/" + id + "/history", authed(handle_grade_history));

    // People and classes
    add_route(Method::Get, "/api/users", authed(handle_list_users));
    add_route(Method::Post, "/api/users", authed(handle_create_user));
    add_route(Method::Patch, "/api/users/" + id, authed(handle_update_user));
    add_route(Method::Delete, "/api/users/" + id, authed(handle_deactivate_user));
    add_route(Method::Get, "/api/classes", authed(handle_list_classes));
    add_route(Method::Post, "/api/classes", authed(handle_create_class));
    add_route(Method::Get, "/api/classes/" + id + "/members", authed(handle_list_members));
    add_route(Method::Post, "/api/classes/" + id + "/members", authed(handle_add_member));
    add_route(Method::Delete, "/api/classes/" + id + "/members/" + id, authed(handle_remove_member));
    add_route(Method::Get, "/api/classes/" + id + "/gradebook(\\.csv)?", authed(handle_gradebook));
    add_route(Method::Get, "/api/parent-links", authed(handle_list_parent_links));
    add_route(Method::Post, "/api/parent-links", authed(handle_create_parent_link));
    add_route(Method::Post, "/api/parent-links/codes", authed(handle_create_link_code));
    add_route(Method::Post, "/api/parent-links/redeem", authed(handle_redeem_link_code));
    add_route(Method::Get, "/api/children", authed(handle_children));

    // Mastery engine
    add_route(Method::Get, "/api/curriculum/targets", authed(handle_list_targets));
    add_route(Method::Post, "/api/curriculum/targets", authed(handle_create_target));
    add_route(Method::Post, "/api/curriculum/templates", authed(handle_create_template));
    add_route(Method::Post, "/api/target-assignments", authed(handle_assign_targets));
    add_route(Method::Post, "/api/task-sets", authed(handle_create_task_set));
    add_route(Method::Post, "/api/task-responses", authed(handle_answer_task));
    add_route(Method::Get, "/api/mastery", authed(handle_student_mastery));
    add_route(Method::Get, "/api/practice/stats", authed(handle_practice_stats));
    add_route(Method::Get, "/api/classes/" + id + "/mastery", authed(handle_class_mastery));

    // Administration
    add_route(Method::Get, "/api/audit", authed(handle_audit_log));

    if (m_config.enable_test_routes) {
        // Only for the server's own tests (LEARNLOOP_TEST_ROUTES=1): a slow
        // request to prove graceful shutdown, and a JSON echo to prove body parsing.
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
        std::string name = method_name(static_cast<int>(route.method));
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

// [SECTION] handlers -------------------------------------------------------

void HttpApp::handle_health(const httplib::Request&, httplib::Response& res)
{
    HealthResponse health;
    health.version = std::string(k_product_version);
    try {
        health.database_version = m_pool.with_connection([](pqxx::connection& connection) {
            pqxx::read_transaction txn(connection);
            auto version = txn.exec1("SHOW server_version")[0].as<std::string>();
            return "PostgreSQL " + version.substr(0, version.find(' '));
        });
        health.database_reachable = true;
        health.status = HealthResponse::Status::Ok;
    } catch (const DatabaseUnavailable&) {
        health.status = HealthResponse::Status::Unavailable;
    }
    res.set_header("Cache-Control", "no-store");
    send_json(res, health.status == HealthResponse::Status::Ok ? 200 : 503, to_json(health));
}

// [SECTION] hooks ----------------------------------------------------------

void HttpApp::install_hooks()
{
    m_server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) -> httplib::Server::HandlerResponse {
        t_request_start = std::chrono::steady_clock::now();
        res.set_header("X-Request-Id", random_hex(8));
        // cpp-httplib 0.11 does not apply the payload limit to chunked bodies.
        if (req.has_header("Transfer-Encoding")) {
            res.set_header("Connection", "close");
            send_error(res, 411, "Length required", "Send request bodies with a Content-Length header");
            return httplib::Server::HandlerResponse::Handled;
        }
        // Everything outside /api/ is the web bundle.
        if ((req.method == "GET" || req.method == "HEAD") && req.path.rfind("/api/", 0) != 0) {
            if (m_static.serve(req, res))
                return httplib::Server::HandlerResponse::Handled;
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
        switch (res.status) {
        case 404: {
            auto allowed = allowed_methods(req.path);
            if (!allowed.empty()) {
                res.set_header("Allow", allowed);
                send_error(res, 405, "Method not allowed", req.method + " is not allowed here; use " + allowed);
            } else {
                send_error(res, 404, "Not found", "No such resource");
            }
            break;
        }
        case 413:
            send_error(res, 413, "Payload too large",
                "Request bodies are limited to " + std::to_string(m_config.max_body_bytes) + " bytes");
            break;
        case 414: send_error(res, 414, "URI too long"); break;
        case 400: send_error(res, 400, "Bad request", "The request could not be parsed"); break;
        default: send_error(res, res.status, "Request failed", "HTTP status " + std::to_string(res.status)); break;
        }
        return httplib::Server::HandlerResponse::Handled;
    }));

    // The last resort: never leak exception text to the client.
    m_server.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
            std::rethrow_exception(ep);
        } catch (const ServerBusy& e) {
            res.set_header("Retry-After", "1");
            send_error(res, 503, "Service unavailable", "The server is busy; try again in a moment");
            what = e.what();
        } catch (const DatabaseUnavailable& e) {
            send_error(res, 503, "Service unavailable", "The database is unreachable; try again shortly");
            what = e.what();
        } catch (const std::exception& e) {
            send_error(res, 500, "Internal server error", "Request id " + res.get_header_value("X-Request-Id"));
            what = e.what();
        } catch (...) {
            send_error(res, 500, "Internal server error", "Request id " + res.get_header_value("X-Request-Id"));
        }
        std::lock_guard lock(m_log_mutex);
        auto line = Json { { "level", "error" }, { "request_id", res.get_header_value("X-Request-Id") },
            { "method", req.method }, { "path", req.path }, { "exception", what } };
        std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
    });

    m_server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        auto request_id = res.get_header_value("X-Request-Id");
        Json line = {
            { "level", "info" },
            { "request_id", request_id },
            { "method", req.method },
            { "path", req.path },
            { "status", res.status },
            { "bytes", res.body.size() },
        };
        // Requests rejected before routing (unparseable ones) have no start time.
        if (!request_id.empty()) {
            auto elapsed = std::chrono::steady_clock::now() - t_request_start;
            line["duration_ms"] = std::chrono::duration<double, std::milli>(elapsed).count();
        }
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
}

void HttpApp::stop()
{
    m_server.stop();
}

} // namespace learnloop::server
