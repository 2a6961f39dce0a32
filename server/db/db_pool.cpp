// Connection pool implementation.
#include "db/db_pool.hpp"

#include "platform/metrics.hpp"

#include <chrono>

namespace learnloop::server {

DbPool::DbPool(std::string conninfo, std::size_t size, std::function<void(pqxx::connection&)> on_connect)
    : m_conninfo(std::move(conninfo))
    , m_size(size)
    , m_on_connect(std::move(on_connect))
{
}

std::unique_ptr<pqxx::connection> DbPool::take()
{
    std::unique_lock lock(m_mutex);
    // Nobody may overtake a caller already waiting.
    if (m_in_use < m_size && m_waiters.empty()) {
        ++m_in_use;
        if (m_idle.empty())
            return nullptr;
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        return connection;
    }
    Waiter waiter;
    m_waiters.push_back(&waiter);
    auto since = std::chrono::steady_clock::now();
    waiter.handed_over.wait(lock, [&] { return waiter.ready; });
    metrics().observe_pool_wait(std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count());
    return std::move(waiter.connection);   // the lease count was passed on with it
}

void DbPool::give_back(std::unique_ptr<pqxx::connection> connection)
{
    std::lock_guard lock(m_mutex);
    if (!m_waiters.empty()) {
        Waiter* next = m_waiters.front();
        m_waiters.pop_front();
        next->connection = std::move(connection);
        next->ready = true;
        next->handed_over.notify_one();
        return;
    }
    --m_in_use;
    if (connection)
        m_idle.push_back(std::move(connection));
}

DbPool::Lease::Lease(DbPool& pool)
    : m_pool(pool)
    , m_connection(pool.take())
{
}

DbPool::Lease::~Lease()
{
    // A connection left inside a failed state is not worth keeping.
    if (m_connection && !m_connection->is_open())
        m_connection.reset();
    m_pool.give_back(std::move(m_connection));
}

pqxx::connection& DbPool::Lease::connection()
{
    if (!m_connection || !m_connection->is_open()) {
        try {
            m_connection = std::make_unique<pqxx::connection>(m_pool.m_conninfo);
            if (m_pool.m_on_connect)
                m_pool.m_on_connect(*m_connection);
        } catch (const pqxx::broken_connection& e) {
            m_connection.reset();
            throw DatabaseUnavailable(std::string("cannot connect to the database: ") + e.what());
        }
    }
    return *m_connection;
}

} // namespace learnloop::server
