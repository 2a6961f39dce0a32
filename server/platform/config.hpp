// Server configuration from command-line flags and the environment (flags win).
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace learnloop::server {

struct ServerConfig {
    std::string host = "127.0.0.1";
    int port = 8080;
    // Connection string of a role that may run migrations (owner or superuser).
    // Empty: the server does not migrate at start.
    std::string migrate_database_url;
    // Connection string of the non-owning application role the server uses.
    std::string app_database_url;
    std::string web_root;
    std::string migrations_dir;
    // Workers that run complete requests (the connection gate reads them).
    std::size_t threads = 16;
    // Open connections at most (lowered to fit the open-file limit).
    std::size_t max_connections = 10'000;
    // A request must arrive whole within this time of its first byte (plus
    // time for its body at 16 KiB/s); a connection without a request closes
    // after idle_timeout_ms.
    std::size_t request_timeout_ms = 10'000;
    std::size_t idle_timeout_ms = 5'000;
    // Database connections shared by the workers (0: 2 x cores + 1). Fewer
    // connections than workers queue requests in the server instead of
    // crowding the cores with database backends.
    std::size_t db_connections = 0;
    // Named statements prepared per connection (default), or sent as text
    // with each call: needed behind a pooler in transaction mode such as
    // PgBouncer (docs/scaling.md).
    bool unnamed_statements = false;
    // A hot standby (streaming replication) for reports that tolerate lag,
    // used while it is at most standby_max_lag_seconds behind (docs/scaling.md).
    std::string standby_database_url;
    int standby_max_lag_seconds = 30;
    std::size_t max_body_bytes = 1024 * 1024;
    bool enable_test_routes = false;
    // GET /metrics needs "Authorization: Bearer <token>" when set; unset, it
    // answers loopback peers only.
    std::string metrics_token;
    // The payment provider: "sandbox" (ships with Learnloop, moves no money:
    // development, tests, the demo) or "off" (no course can be bought). Off
    // unless set, so no deployment gives courses away by accident.
    std::string payments = "off";
    // Where the sandbox payment provider posts its signed events (a base URL
    // such as "http://127.0.0.1:8080"); empty: this server's own host and port.
    std::string payments_webhook_url;
    // The address people reach this server at ("https://learn.example.com"),
    // for links that leave the app: a certificate's QR code. Empty: the
    // address each request came to (its Host header).
    std::string public_url;
    // Sign-in throttling (docs/operations.md): failures allowed per account
    // and per client address within a window, then 429 with Retry-After for
    // sign-ins without a known device; an address's limit grows with each
    // account that signed in from it; per account-and-address (and per known
    // device) the waits double after the first few failures.
    int login_failures_per_account = 10;
    int login_failures_per_address = 100;
    int login_failures_per_known_account = 20;
    int login_failures_before_backoff = 5;
    int login_window_seconds = 300;
    // How often the throttle's rows nobody needs any more are removed.
    int prune_interval_seconds = 3600;
    // Concurrent Argon2id computations (0: one per core).
    std::size_t password_hashing_slots = 0;
    std::size_t password_hashing_wait_ms = 5000;   // then 503 with Retry-After
};

// Reads LEARNLOOP_HOST, LEARNLOOP_PORT, DATABASE_URL, APP_DATABASE_URL,
// LEARNLOOP_WEB_ROOT, LEARNLOOP_MIGRATIONS_DIR, LEARNLOOP_THREADS, then the
// flags --host --port --database-url --app-database-url --web-root
// --migrations-dir --threads --max-body-bytes --no-migrate.
[[nodiscard]] Result<ServerConfig> load_server_config(const std::vector<std::string>& args);

// The application role's connection string derived from the migrating one:
// the same server and database, user learnloop_app.
[[nodiscard]] std::string derive_app_database_url(const std::string& database_url);

// The folder of migrations/ in the source tree, used when none is configured.
[[nodiscard]] std::string default_migrations_dir();

[[nodiscard]] std::string server_usage();

} // namespace learnloop::server
