// A libpqxx connection pool shared by the HTTP workers, connected lazily and
// replaced after the database restarts. Callers beyond its size wait in
// arrival order: a connection given back goes straight to the longest
// waiting caller, so under load no request waits much longer than the rest.
#pragma once

#include <pqxx/pqxx>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace learnloop::server {

// Thrown when no connection to the database can be made; the HTTP layer turns
// it into 503, every other exception into 500.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DbPool {
public:
    // `on_connect` runs on every new connection (prepared statements live there).
    DbPool(std::string conninfo, std::size_t size, std::function<void(pqxx::connection&)> on_connect = {});

    // Runs `work` with a connection. If the connection turns out to be broken
    // (the database restarted), it is dropped and `work` is retried once on a
    // fresh one. Throws DatabaseUnavailable when no connection can be made.
    template<typename Work>
    auto with_connection(Work&& work) -> decltype(work(std::declval<pqxx::connection&>()))
    {
        for (int attempt = 0;; ++attempt) {
            Lease lease(*this);
            try {
                return work(lease.connection());
            } catch (const pqxx::broken_connection&) {
                lease.discard();
                if (attempt >= 1)
                    throw DatabaseUnavailable("the database connection was lost");
            }
        }
    }

    std::size_t size() const { return m_size; }
    // Callers waiting for a connection right now.
    std::size_t waiting() const
    {
        std::lock_guard lock(m_mutex);
        return m_waiters.size();
    }

private:
    class Lease {
    public:
        explicit Lease(DbPool& pool);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        pqxx::connection& connection();
        void discard() { m_connection.reset(); }

    private:
        DbPool& m_pool;
        std::unique_ptr<pqxx::connection> m_connection;
    };

    std::unique_ptr<pqxx::connection> take();
    void give_back(std::unique_ptr<pqxx::connection> connection);

    std::string m_conninfo;
    std::size_t m_size;
    std::function<void(pqxx::connection&)> m_on_connect;
    // A caller waiting for a connection; give_back() hands one over directly.
    struct Waiter {
        std::condition_variable handed_over;
        bool ready = false;
        std::unique_ptr<pqxx::connection> connection;   // may be null: connect lazily
    };

    mutable std::mutex m_mutex;
    std::deque<Waiter*> m_waiters;   // oldest first
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    std::size_t m_in_use = 0;        // leases out, including those being handed over
};

} // namespace learnloop::server
