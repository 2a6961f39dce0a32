// The HTTP application: routes, error bodies, request logs and static files
// on top of cpp-httplib. Handlers are thin: parse -> domain -> repository -> JSON.
#pragma once

#include "http/api.hpp"
#include "http/connection_gate.hpp"
#include "http/route.hpp"
#include "platform/config.hpp"
#include "db/db_pool.hpp"
#include "core/dto.hpp"
#include "core/result.hpp"
#include "http/static_files.hpp"

#include <httplib.h>

#include <functional>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <unordered_set>
#include <vector>

namespace learnloop::server {

class HttpApp {
public:
    // `standby`: a pool on a hot standby for reports, or null.
    HttpApp(const ServerConfig& config, DbPool& pool, DbPool* standby = nullptr);

    // Binds the listening socket; returns the port (useful with port 0), or an error.
    [[nodiscard]] Result<int> bind();
    // Serves until stop(); requests in progress are answered before it returns.
    void run();
    void stop();
private:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    void register_routes();
    void add_route(Method method, const std::string& pattern, Handler handler);
    std::string allowed_methods(const std::string& path) const;
    void install_hooks();
    void raise_backlog();

    ApiResponse health();

    ServerConfig m_config;
    DbPool& m_pool;
    Api m_api;
    StaticFiles m_static;
    GatedServer m_server;
    std::unique_ptr<ConnectionGate> m_gate;   // every connection, from accept to close
    int m_listen_socket = -1;   // recorded when the server creates it
    struct RegisteredRoute {
        Method method;
        std::regex pattern;
    };
    std::vector<RegisteredRoute> m_routes;
    // Routes that run in the gate's hashing lane: "METHOD /path" for fixed
    // paths, patterns for paths with ids.
    std::unordered_set<std::string> m_hashing_paths;
    std::vector<RegisteredRoute> m_hashing_routes;
    // Routes that take bodies larger than the server's limit (uploads).
    struct UploadRoute {
        Method method;
        std::regex pattern;
        std::size_t max_body_bytes;
    };
    std::vector<UploadRoute> m_upload_routes;
    std::vector<AreaApi> m_areas;   // the route tables, kept for the document
    Json m_openapi;
    std::mutex m_log_mutex;
};

} // namespace learnloop::server
