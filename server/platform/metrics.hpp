// Process-wide counters and latency histograms for operators, exported in
// Prometheus' text format by GET /metrics (docs/operations.md, "Metrics").
// Recording is a few atomic adds or one short lock; nothing here allocates
// per request once a route's series exists.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace learnloop::server {

enum class Event {
    DatabaseUnavailable,   // a request answered 503 because the database was unreachable
    CommitInDoubt,         // the connection broke during COMMIT
    GradeDisagreement,     // the browser's grade differed from the server's
    PoolWait,              // a request waited for a database connection
};

// Upper bounds (seconds) of the latency histogram buckets.
inline constexpr std::array<double, 12> k_latency_buckets = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
    0.5, 1.0, 2.5, 5.0 };

class Metrics {
public:
    // One answered request: `route` is the route's OpenAPI path ("/api/classes/{id}"),
    // "static" for the web bundle or "unmatched", never the raw path.
    void record_request(std::string_view method, std::string_view route, int status, double seconds);
    void count(Event event);
    void observe_pool_wait(double seconds);

    // Values read when /metrics is asked for (the connection gate's and the pool's).
    struct Gauges {
        std::size_t open_connections = 0;
        std::size_t gate_refused = 0;
        std::size_t gate_timed_out = 0;
        std::size_t gate_evicted = 0;
        std::size_t pool_size = 0;
        std::size_t pool_waiting = 0;
    };
    // The whole exposition, Prometheus text format 0.0.4.
    [[nodiscard]] std::string render(const Gauges& gauges, std::string_view version) const;

private:
    struct Series {
        std::uint64_t count = 0;
        double sum = 0;
        std::array<std::uint64_t, k_latency_buckets.size()> buckets {};   // not cumulative
    };
    mutable std::mutex m_mutex;
    // (route, method, status) -> counts; latency per (route, method).
    // std::less<>: a request is counted by looking its series up with views,
    // so only a route's first request allocates its keys.
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> m_requests;
    std::map<std::tuple<std::string, std::string>, Series, std::less<>> m_latency;
    Series m_pool_wait;
    std::array<std::atomic<std::uint64_t>, 4> m_events {};
};

// The server's one registry.
[[nodiscard]] Metrics& metrics();

} // namespace learnloop::server
