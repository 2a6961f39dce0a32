// The HTTP application: routes, error bodies, request logs and static files
// on top of cpp-httplib. Handlers are thin: parse -> domain -> repository -> JSON.
#pragma once

#include "http/api.hpp"
#include "platform/config.hpp"
#include "db/db_pool.hpp"
#include "core/dto.hpp"
#include "core/result.hpp"
#include "http/static_files.hpp"

#include <httplib.h>

#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

namespace learnloop::server {

class HttpApp {
public:
    HttpApp(const ServerConfig& config, DbPool& pool);

    // Binds the listening socket; returns the port (useful with port 0), or an error.
    [[nodiscard]] Result<int> bind();
    // Serves until stop(); in-flight requests finish before it returns.
    void run();
    void stop();
    bool is_running() const { return m_server.is_running(); }

private:
    enum class Method { Get, Post, Put, Patch, Delete };
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    void register_routes();
    void add_route(Method method, const std::string& pattern, Handler handler);
    std::string allowed_methods(const std::string& path) const;
    void install_hooks();
    void raise_backlog();

    void handle_health(const httplib::Request& req, httplib::Response& res);

    ServerConfig m_config;
    DbPool& m_pool;
    Api m_api;
    StaticFiles m_static;
    httplib::Server m_server;
    int m_listen_socket = -1;   // recorded when the server creates it
    struct Route {
        Method method;
        std::regex pattern;
    };
    std::vector<Route> m_routes;
    std::mutex m_log_mutex;
};

} // namespace learnloop::server
