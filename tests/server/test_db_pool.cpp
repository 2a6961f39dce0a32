// The database connection pool against a real PostgreSQL: fairness under
// contention and sharing of connections.
#include "db/db_pool.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace learnloop::server;
using namespace learnloop::test;

TEST_CASE("callers waiting for a database connection are served in the order they arrived", "[db][pool]")
{
    auto database = PgCluster::instance().create_database("db_pool_order");
    DbPool pool(PgCluster::instance().superuser_url(database), 1);

    std::promise<void> holding;
    std::atomic<bool> release { false };
    auto holder = std::async(std::launch::async, [&] {
        return pool.with_connection([&](pqxx::connection& connection) {
            pqxx::nontransaction(connection).exec("SELECT 1");
            holding.set_value();
            for (int i = 0; i < 1000 && !release; ++i)   // until all five have queued
                std::this_thread::sleep_for(5ms);
            return 0;
        });
    });
    holding.get_future().wait();

    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::future<void>> callers;
    for (int i = 0; i < 5; ++i) {
        callers.push_back(std::async(std::launch::async, [&, i] {
            pool.with_connection([&](pqxx::connection& connection) {
                pqxx::nontransaction(connection).exec("SELECT 1");
                std::lock_guard lock(mutex);
                order.push_back(i);
                return 0;
            });
        }));
        // Each caller is queued before the next arrives.
        for (int k = 0; k < 500 && pool.waiting() < static_cast<std::size_t>(i + 1); ++k)
            std::this_thread::sleep_for(2ms);
        REQUIRE(pool.waiting() == static_cast<std::size_t>(i + 1));
    }
    release = true;
    holder.get();
    for (auto& caller : callers)
        caller.get();
    CHECK(order == std::vector<int> { 0, 1, 2, 3, 4 });
}

TEST_CASE("a connection given back goes to the caller already waiting, not to a newcomer", "[db][pool]")
{
    auto database = PgCluster::instance().create_database("db_pool_barging");
    DbPool pool(PgCluster::instance().superuser_url(database), 1);
    std::mutex mutex;
    std::vector<std::string> order;
    auto record = [&](const std::string& who) {
        std::lock_guard lock(mutex);
        order.push_back(who);
    };

    std::promise<void> holding;
    std::future<void> waiter;
    auto first = std::async(std::launch::async, [&] {
        pool.with_connection([&](pqxx::connection&) {
            holding.set_value();
            for (int i = 0; i < 500 && pool.waiting() == 0; ++i)   // until the waiter queues
                std::this_thread::sleep_for(10ms);
            return 0;
        });
        // Straight back for more: it must queue behind the waiter.
        pool.with_connection([&](pqxx::connection&) {
            record("first again");
            return 0;
        });
    });
    holding.get_future().wait();
    waiter = std::async(std::launch::async, [&] {
        pool.with_connection([&](pqxx::connection&) {
            record("waiter");
            return 0;
        });
    });
    first.get();
    waiter.get();
    CHECK(order == std::vector<std::string> { "waiter", "first again" });
}

TEST_CASE("the pool opens no more connections than its size, however many callers", "[db][pool]")
{
    auto database = PgCluster::instance().create_database("db_pool_size");
    auto url = PgCluster::instance().superuser_url(database);
    DbPool pool(url, 3);
    std::vector<std::future<void>> callers;
    for (int i = 0; i < 24; ++i)
        callers.push_back(std::async(std::launch::async, [&] {
            for (int k = 0; k < 5; ++k)
                pool.with_connection([](pqxx::connection& connection) {
                    pqxx::nontransaction(connection).exec("SELECT pg_sleep(0.002)");
                    return 0;
                });
        }));
    for (auto& caller : callers)
        caller.get();
    pqxx::connection observer(url);
    auto open = pqxx::nontransaction(observer)
                    .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")[0][0]
                    .as<int>();
    CHECK(open <= 3);
    CHECK(open >= 1);
}

TEST_CASE("a connection lost while others wait is replaced: the waiter and the retry both get working connections",
    "[db][pool]")
{
    auto database = PgCluster::instance().create_database("db_pool_lost");
    auto url = PgCluster::instance().superuser_url(database);
    DbPool pool(url, 1);
    std::promise<int> backend;
    std::atomic<bool> terminated { false };
    std::atomic<int> attempts { 0 };
    auto holder = std::async(std::launch::async, [&] {
        return pool.with_connection([&](pqxx::connection& connection) {
            ++attempts;
            pqxx::nontransaction txn(connection);
            if (attempts == 1) {
                backend.set_value(txn.exec("SELECT pg_backend_pid()")[0][0].as<int>());
                for (int i = 0; i < 1000 && !terminated; ++i)
                    std::this_thread::sleep_for(5ms);
            }
            // On the first attempt the server has closed this connection:
            // broken_connection, the pool drops it and retries on a new one.
            return txn.exec("SELECT 1")[0][0].as<int>();
        });
    });
    auto pid = backend.get_future().get();
    auto waiter = std::async(std::launch::async, [&] {
        return pool.with_connection([](pqxx::connection& connection) {
            return pqxx::nontransaction(connection).exec("SELECT 2")[0][0].as<int>();
        });
    });
    for (int i = 0; i < 500 && pool.waiting() == 0; ++i)
        std::this_thread::sleep_for(2ms);
    REQUIRE(pool.waiting() == 1);
    {
        pqxx::connection admin(url);
        pqxx::nontransaction(admin).exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
    }
    std::this_thread::sleep_for(100ms);   // let the server close the socket
    terminated = true;
    CHECK(waiter.get() == 2);
    CHECK(holder.get() == 1);
    CHECK(attempts == 2);
}
