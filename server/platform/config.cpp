// Server configuration parsing.
#include "platform/config.hpp"

#include <charconv>
#include <cstdlib>

#ifndef LEARNLOOP_SOURCE_DIR
#    define LEARNLOOP_SOURCE_DIR "."
#endif

namespace learnloop::server {

namespace {

std::string env_or(const char* name, std::string fallback)
{
    const char* value = std::getenv(name);
    return (value && *value) ? std::string(value) : std::move(fallback);
}

Result<std::size_t> parse_count(const std::string& text, const std::string& what, std::size_t min, std::size_t max)
{
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return make_error(ErrorCode::InvalidArgument,
            what + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

} // namespace

std::string default_migrations_dir()
{
    return std::string(LEARNLOOP_SOURCE_DIR) + "/migrations";
}

std::string derive_app_database_url(const std::string& database_url)
{
    if (database_url.rfind("postgres://", 0) == 0 || database_url.rfind("postgresql://", 0) == 0) {
        // A URI: replace any userinfo with the application role.
        auto scheme_end = database_url.find("://") + 3;
        auto at = database_url.find('@', scheme_end);
        auto slash = database_url.find('/', scheme_end);
        auto host_start = (at != std::string::npos && (slash == std::string::npos || at < slash)) ? at + 1 : scheme_end;
        return database_url.substr(0, scheme_end) + "learnloop_app@" + database_url.substr(host_start);
    }
    // Keyword/value form: a later keyword overrides an earlier one.
    return database_url + " user=learnloop_app";
}

std::string server_usage()
{
    return "usage: learnloop-server [--host H] [--port P] [--database-url URL] [--app-database-url URL]\n"
           "                        [--web-root DIR] [--migrations-dir DIR] [--threads N] [--db-connections N]\n"
           "                        [--max-body-bytes N] [--max-connections N] [--request-timeout-ms MS]\n"
           "                        [--idle-timeout-ms MS] [--statements prepared|unnamed]\n"
           "                        [--standby-database-url URL] [--standby-max-lag-seconds S] [--no-migrate]\n"
           "Environment: LEARNLOOP_HOST, LEARNLOOP_PORT, DATABASE_URL, APP_DATABASE_URL,\n"
           "             LEARNLOOP_WEB_ROOT, LEARNLOOP_MIGRATIONS_DIR, LEARNLOOP_THREADS, LEARNLOOP_DB_CONNECTIONS,\n"
           "             LEARNLOOP_LOGIN_FAILURES_PER_ACCOUNT (10), LEARNLOOP_LOGIN_FAILURES_PER_ADDRESS (100),\n"
           "             LEARNLOOP_LOGIN_FAILURES_PER_KNOWN_ACCOUNT (20), LEARNLOOP_LOGIN_FAILURES_BEFORE_BACKOFF (5),\n"
           "             LEARNLOOP_LOGIN_WINDOW_SECONDS (300), LEARNLOOP_PASSWORD_HASHING_SLOTS (0: one per core),\n"
           "             LEARNLOOP_PASSWORD_HASHING_WAIT_MS (5000: how long a sign-in waits for a slot before 503),\n"
           "             LEARNLOOP_MAX_CONNECTIONS (10000: open connections; past it the longest idle is closed),\n"
           "             LEARNLOOP_REQUEST_TIMEOUT_MS (10000: a request must arrive whole within it, else 408),\n"
           "             LEARNLOOP_IDLE_TIMEOUT_MS (5000: a connection without a request is closed after it),\n"
           "             LEARNLOOP_METRICS_TOKEN (unset: GET /metrics answers loopback peers only),\n"
           "             LEARNLOOP_PAYMENTS (off: nothing can be bought; sandbox: the sandbox provider, no real money),\n"
           "             LEARNLOOP_PAYMENTS_WEBHOOK_URL (where the sandbox payment provider sends its events;\n"
           "             unset: this server's own address),\n"
           "             LEARNLOOP_PUBLIC_URL (the address people reach the server at, for certificates' QR codes;\n"
           "             unset: the address each request came to),\n"
           "             LEARNLOOP_STATEMENTS (prepared; unnamed behind PgBouncer in transaction mode),\n"
           "             STANDBY_DATABASE_URL (a hot standby for reports), LEARNLOOP_STANDBY_MAX_LAG_SECONDS (30)\n";
}

Result<ServerConfig> load_server_config(const std::vector<std::string>& args)
{
    ServerConfig config;
    config.host = env_or("LEARNLOOP_HOST", config.host);
    std::string port = env_or("LEARNLOOP_PORT", std::to_string(config.port));
    config.migrate_database_url = env_or("DATABASE_URL", "");
    config.app_database_url = env_or("APP_DATABASE_URL", "");
    config.web_root = env_or("LEARNLOOP_WEB_ROOT", "");
    config.migrations_dir = env_or("LEARNLOOP_MIGRATIONS_DIR", default_migrations_dir());
    std::string threads = env_or("LEARNLOOP_THREADS", std::to_string(config.threads));
    std::string db_connections = env_or("LEARNLOOP_DB_CONNECTIONS", "0");
    std::string max_connections = env_or("LEARNLOOP_MAX_CONNECTIONS", std::to_string(config.max_connections));
    std::string request_timeout = env_or("LEARNLOOP_REQUEST_TIMEOUT_MS", std::to_string(config.request_timeout_ms));
    std::string idle_timeout = env_or("LEARNLOOP_IDLE_TIMEOUT_MS", std::to_string(config.idle_timeout_ms));
    std::string max_body = std::to_string(config.max_body_bytes);
    std::string per_account = env_or("LEARNLOOP_LOGIN_FAILURES_PER_ACCOUNT", std::to_string(config.login_failures_per_account));
    std::string per_address = env_or("LEARNLOOP_LOGIN_FAILURES_PER_ADDRESS", std::to_string(config.login_failures_per_address));
    std::string per_known_account = env_or("LEARNLOOP_LOGIN_FAILURES_PER_KNOWN_ACCOUNT",
        std::to_string(config.login_failures_per_known_account));
    std::string before_backoff = env_or("LEARNLOOP_LOGIN_FAILURES_BEFORE_BACKOFF",
        std::to_string(config.login_failures_before_backoff));
    std::string window = env_or("LEARNLOOP_LOGIN_WINDOW_SECONDS", std::to_string(config.login_window_seconds));
    std::string prune = env_or("LEARNLOOP_PRUNE_SECONDS", std::to_string(config.prune_interval_seconds));
    std::string hashing = env_or("LEARNLOOP_PASSWORD_HASHING_SLOTS", "0");
    std::string hashing_wait = env_or("LEARNLOOP_PASSWORD_HASHING_WAIT_MS", std::to_string(config.password_hashing_wait_ms));
    std::string statements = env_or("LEARNLOOP_STATEMENTS", "prepared");
    config.standby_database_url = env_or("STANDBY_DATABASE_URL", "");
    std::string standby_lag = env_or("LEARNLOOP_STANDBY_MAX_LAG_SECONDS", std::to_string(config.standby_max_lag_seconds));
    bool migrate = true;
    config.enable_test_routes = env_or("LEARNLOOP_TEST_ROUTES", "") == "1";
    config.metrics_token = env_or("LEARNLOOP_METRICS_TOKEN", "");
    config.payments = env_or("LEARNLOOP_PAYMENTS", config.payments);
    config.payments_webhook_url = env_or("LEARNLOOP_PAYMENTS_WEBHOOK_URL", "");
    config.public_url = env_or("LEARNLOOP_PUBLIC_URL", "");

    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& flag = args[i];
        if (flag == "--no-migrate") {
            migrate = false;
            continue;
        }
        if (flag == "--help" || flag == "-h")
            return make_error(ErrorCode::InvalidArgument, server_usage());
        auto needs_value = [&](std::string& target) -> Result<void> {
            if (i + 1 >= args.size())
                return make_error(ErrorCode::InvalidArgument, flag + " needs a value");
            target = args[++i];
            return {};
        };
        if (flag == "--host")
            TRY(needs_value(config.host));
        else if (flag == "--port")
            TRY(needs_value(port));
        else if (flag == "--database-url")
            TRY(needs_value(config.migrate_database_url));
        else if (flag == "--app-database-url")
            TRY(needs_value(config.app_database_url));
        else if (flag == "--web-root")
            TRY(needs_value(config.web_root));
        else if (flag == "--migrations-dir")
            TRY(needs_value(config.migrations_dir));
        else if (flag == "--threads")
            TRY(needs_value(threads));
        else if (flag == "--db-connections")
            TRY(needs_value(db_connections));
        else if (flag == "--max-body-bytes")
            TRY(needs_value(max_body));
        else if (flag == "--max-connections")
            TRY(needs_value(max_connections));
        else if (flag == "--request-timeout-ms")
            TRY(needs_value(request_timeout));
        else if (flag == "--idle-timeout-ms")
            TRY(needs_value(idle_timeout));
        else if (flag == "--statements")
            TRY(needs_value(statements));
        else if (flag == "--standby-database-url")
            TRY(needs_value(config.standby_database_url));
        else if (flag == "--standby-max-lag-seconds")
            TRY(needs_value(standby_lag));
        else
            return make_error(ErrorCode::InvalidArgument, "unknown option " + flag + "\n" + server_usage());
    }

    config.port = static_cast<int>(TRY(parse_count(port, "port", 0, 65535)));
    config.threads = TRY(parse_count(threads, "threads", 1, 1024));
    config.db_connections = TRY(parse_count(db_connections, "db-connections", 0, 1024));
    config.max_connections = TRY(parse_count(max_connections, "max connections", 1, 1000000));
    config.request_timeout_ms = TRY(parse_count(request_timeout, "request timeout", 100, 600000));
    config.idle_timeout_ms = TRY(parse_count(idle_timeout, "idle timeout", 100, 600000));
    config.max_body_bytes = TRY(parse_count(max_body, "max-body-bytes", 1024, std::size_t(1) << 30));
    config.login_failures_per_account = static_cast<int>(TRY(parse_count(per_account, "login failures per account", 1, 100000)));
    config.login_failures_per_address = static_cast<int>(TRY(parse_count(per_address, "login failures per address", 1, 1000000)));
    config.login_failures_per_known_account = static_cast<int>(
        TRY(parse_count(per_known_account, "login failures per known account", 0, 100000)));
    config.login_failures_before_backoff = static_cast<int>(
        TRY(parse_count(before_backoff, "login failures before backoff", 1, 100000)));
    config.login_window_seconds = static_cast<int>(TRY(parse_count(window, "login window seconds", 1, 86400)));
    config.prune_interval_seconds = static_cast<int>(TRY(parse_count(prune, "prune seconds", 1, 86400)));
    config.password_hashing_slots = TRY(parse_count(hashing, "password hashing slots", 0, 256));
    // Below the browser's 30 s request timeout, so a waiting sign-in gets its answer.
    config.password_hashing_wait_ms = TRY(parse_count(hashing_wait, "password hashing wait", 0, 20000));
    if (statements != "prepared" && statements != "unnamed")
        return make_error(ErrorCode::InvalidArgument, "--statements must be prepared or unnamed");
    config.unnamed_statements = statements == "unnamed";
    while (!config.public_url.empty() && config.public_url.back() == '/')
        config.public_url.pop_back();
    if (!config.public_url.empty() && config.public_url.rfind("https://", 0) != 0
        && config.public_url.rfind("http://", 0) != 0)
        return make_error(ErrorCode::InvalidArgument, "LEARNLOOP_PUBLIC_URL must start with https:// or http://");
    if (config.payments != "off" && config.payments != "sandbox")
        return make_error(ErrorCode::InvalidArgument, "LEARNLOOP_PAYMENTS must be off or sandbox");
    config.standby_max_lag_seconds = static_cast<int>(TRY(parse_count(standby_lag, "standby max lag seconds", 0, 86400)));
    if (config.app_database_url.empty() && !config.migrate_database_url.empty())
        config.app_database_url = derive_app_database_url(config.migrate_database_url);
    if (config.app_database_url.empty())
        return make_error(ErrorCode::InvalidArgument, "set DATABASE_URL (or --database-url)\n" + server_usage());
    if (!migrate)
        config.migrate_database_url.clear();
    return config;
}

} // namespace learnloop::server
