// learnloop-server's start-up, serving and graceful shutdown.
#include "platform/crypto.hpp"
#include "db/db_pool.hpp"
#include "entry_points.hpp"
#include "http/registry.hpp"
#include "http/http_app.hpp"
#include "marketplace/payments/provider.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "identity/identity_store.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <cstdio>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>

namespace learnloop::server {

namespace {

void log_line(const Json& line)
{
    std::fprintf(stdout, "%s\n", line.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
    std::fflush(stdout);
}

// Runs identity/prune_throttle.sql in batches on a thread of its own, first
// after a minute (or the interval, if shorter) and then every `every`; stops
// and joins when destroyed, however the server's main returns.
class ThrottlePruner {
public:
    ThrottlePruner(DbPool& pool, std::chrono::seconds every) : m_pool(pool), m_every(every)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~ThrottlePruner()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    ThrottlePruner(const ThrottlePruner&) = delete;
    ThrottlePruner& operator=(const ThrottlePruner&) = delete;

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        auto wait = std::min(m_every, std::chrono::seconds(60));
        while (!m_wake.wait_for(lock, wait, [this] { return m_stopping; })) {
            lock.unlock();
            prune();
            lock.lock();
            wait = m_every;
        }
    }

    void prune()
    {
        PrunedThrottle all;
        try {
            // Batches of a few thousand rows, each its own short transaction.
            for (int batch = 0; batch < 100; ++batch) {
                auto pruned = m_pool.with_connection([](pqxx::connection& connection) {
                    pqxx::work txn(connection);
                    auto result = prune_signin_throttle(txn);
                    txn.commit();
                    return result;
                });
                all.windows += pruned.windows;
                all.pairs += pruned.pairs;
                if (pruned.windows < k_prune_batch && pruned.pairs < k_prune_batch)
                    break;
            }
        } catch (const std::exception& e) {
            log_line({ { "level", "warn" }, { "event", "throttle_prune_failed" }, { "error", e.what() } });
        }
        if (all.windows + all.pairs > 0)
            log_line({ { "level", "info" }, { "event", "throttle_pruned" }, { "windows", all.windows },
                { "pairs", all.pairs } });
    }

    DbPool& m_pool;
    std::chrono::seconds m_every;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};


Result<MigrationReport> migrate_at_start(const ServerConfig& config)
{
    auto migrations = TRY(load_migrations(config.migrations_dir));
    try {
        pqxx::connection connection(config.migrate_database_url);
        return apply_migrations(connection, migrations);
    } catch (const pqxx::broken_connection& e) {
        return make_error(ErrorCode::FailedPrecondition, std::string("cannot connect to migrate: ") + e.what());
    }
}

} // namespace

int run_server(const std::vector<std::string>& args)
{
    // Block the stop signals in every thread; one thread waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    init_crypto();
    auto config = load_server_config(args);
    if (!config.ok()) {
        std::fprintf(stderr, "%s\n", config.error().message.c_str());
        return 2;
    }

    if (!config.value().migrate_database_url.empty()) {
        auto report = migrate_at_start(config.value());
        if (!report.ok()) {
            std::fprintf(stderr, "learnloop-server: %s\n", report.error().message.c_str());
            return 1;
        }
        log_line({ { "level", "info" }, { "event", "migrated" }, { "applied", report.value().applied },
            { "already_applied", report.value().already_applied } });
    }

    // Every connection is a file descriptor: use the hard limit, and keep
    // room for the database connections, files and the listening socket.
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
        auto room = files.rlim_cur > 256 ? files.rlim_cur - 256 : 1;
        config.value().max_connections = std::min<std::size_t>(config.value().max_connections, room);
    }

    auto slots = config.value().password_hashing_slots;
    if (slots == 0)
        slots = std::max(1u, std::thread::hardware_concurrency());
    set_password_hashing_limit(slots, std::chrono::milliseconds(config.value().password_hashing_wait_ms));

    // Default pool: 2 x cores + 1 connections (PostgreSQL's usual starting
    // point), never more than there are workers. More backends than cores only
    // adds context switches: at 64 concurrent clients a pool the size of the
    // worker pool tripled p99 (docs/BENCHMARKS.md).
    std::size_t connections = config.value().db_connections;
    if (connections == 0)
        connections = std::min<std::size_t>(config.value().threads, 2 * std::max(1u, std::thread::hardware_concurrency()) + 1);
    set_statement_mode(config.value().unnamed_statements ? StatementMode::Unnamed : StatementMode::Prepared);
    DbPool pool(config.value().app_database_url, connections, prepare_statements);
    std::unique_ptr<DbPool> standby;
    if (!config.value().standby_database_url.empty())
        standby = std::make_unique<DbPool>(config.value().standby_database_url, connections, prepare_statements);
    HttpApp app(config.value(), pool, standby.get());
    auto port = app.bind();
    if (!port.ok()) {
        std::fprintf(stderr, "learnloop-server: %s\n", port.error().message.c_str());
        return 1;
    }

    // The payment provider, told the port this server listens on (a sandbox
    // sends its events back here unless LEARNLOOP_PAYMENTS_WEBHOOK_URL says otherwise).
    auto payments = config.value();
    payments.port = port.value();
    configure_payments(payments);

    std::thread signal_waiter([&app, stop_signals] {
        int signal_number = 0;
        sigwait(&stop_signals, &signal_number);
        log_line({ { "level", "info" }, { "event", "stopping" }, { "signal", signal_number } });
        app.stop();
    });
    signal_waiter.detach();

    // The sign-in throttle's rows that nobody needs any more go a minute
    // after start and then every prune_interval_seconds (an hour), so its
    // tables stay the size of the recent past however many addresses come by.
    ThrottlePruner pruner(pool, std::chrono::seconds(config.value().prune_interval_seconds));

    log_line({ { "level", "info" }, { "event", "listening" }, { "host", config.value().host },
        { "port", port.value() }, { "version", k_product_version } });
    app.run();
    log_line({ { "level", "info" }, { "event", "stopped" } });
    return 0;
}

} // namespace learnloop::server
