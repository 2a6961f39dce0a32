// The connection gate: what stands between sockets and request workers.
//
// cpp-httplib 0.11 gives each connection a worker for its whole life: a
// worker waits while a client trickles its headers, while a keep-alive
// connection idles, and while a too-large body is skipped, so 16 slow or idle
// sockets stopped the server. The gate owns every connection instead. One
// thread watches all sockets (epoll) and reads each request -- head and
// Content-Length body -- into the connection's buffer under limits and
// deadlines; only a complete request reaches a worker, which runs it through
// cpp-httplib's parser, routing and response writer, then hands the
// connection back. Idle and slow connections cost a buffer, not a worker.
//
// Requests that hash passwords (sign-in, sign-up, new users) run in their own
// lane of workers at a lower CPU priority, so a sign-in flood waits behind
// itself and never in front of a plain read.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace learnloop::server {

struct GateLimits {
    std::size_t max_request_line = 8192;     // longer: 414
    std::size_t max_header_bytes = 32 * 1024;  // the whole head; longer: 431
    std::size_t max_header_count = 100;      // more header lines: 431
    std::size_t max_body_bytes = 1024 * 1024;  // a larger Content-Length: 413 at once
    // The largest body any route takes (an upload, see body_limit_for);
    // 0: none takes more than max_body_bytes.
    std::size_t max_upload_bytes = 0;
    // A request must arrive whole within this time of its first byte, plus
    // one second for every `body_bytes_per_second` of its declared body
    // (phones on slow links may upload slowly; a trickle may not).
    std::chrono::milliseconds request_timeout { 10'000 };
    std::size_t body_bytes_per_second = 16 * 1024;
    // How long a connection may wait without a request (new or kept alive).
    std::chrono::milliseconds idle_timeout { 5'000 };
    std::size_t max_requests_per_connection = 1000;
    // Open connections at most; past it the longest-idle one is closed.
    std::size_t max_connections = 10'000;
    // Writes of a response give up after this long without progress.
    std::chrono::milliseconds write_timeout { 10'000 };
};

enum class Lane { General, Hashing };

struct GateOptions {
    GateLimits limits;
    std::size_t general_workers = 16;
    std::size_t hashing_workers = 2;
    // A hashing request that waited longer than this for a worker is answered
    // 503 with Retry-After instead of being run.
    std::chrono::milliseconds hashing_queue_wait { 5'000 };
    // Which lane a request goes to, from its method and target ("/api/login?x").
    std::function<Lane(std::string_view method, std::string_view target)> lane_for;
    // The largest body a request to (method, target) may have, for routes
    // that take more than limits.max_body_bytes (at most max_upload_bytes);
    // 0 or none: limits.max_body_bytes.
    std::function<std::size_t(std::string_view method, std::string_view target)> body_limit_for;
    // One JSON log line for each request the gate answers itself.
    std::function<void(const nlohmann::json&)> log;
};

// Counters for tests and operators.
struct GateStats {
    std::size_t open_connections = 0;
    std::size_t refused = 0;      // answered by the gate (4xx/503)
    std::size_t timed_out = 0;    // closed for a slow or idle request
    std::size_t evicted = 0;      // closed to make room
};

class ConnectionGate;

// cpp-httplib's server with the gate in place of its per-connection loop.
class GatedServer : public httplib::Server {
public:
    void attach(ConnectionGate* gate) { m_gate = gate; }
    // Runs one buffered request through cpp-httplib (parse, route, respond).
    bool run_request(httplib::Stream& stream, bool close_connection, bool& connection_closed);

private:
    bool process_and_close_socket(socket_t sock) override;
    ConnectionGate* m_gate = nullptr;
};

// Set by the application's hooks while a worker runs a request: close the
// connection after this response (transport refusals such as 400 and 414).
void close_connection_after_response();
[[nodiscard]] bool closing_connection_after_response();

class ConnectionGate {
public:
    ConnectionGate(GatedServer& server, GateOptions options);
    ~ConnectionGate();
    ConnectionGate(const ConnectionGate&) = delete;
    ConnectionGate& operator=(const ConnectionGate&) = delete;

    // Takes ownership of an accepted socket (called by the accept loop).
    void adopt(int fd);
    // Graceful stop: no new requests start, idle connections close, requests
    // already running finish and are answered; returns when all are done.
    void stop();

    [[nodiscard]] GateStats stats() const;

    struct Connection;

private:
    enum class Ready { Incomplete, Complete, Refused };

    void event_loop();
    void read_from(Connection& c);
    Ready examine(Connection& c);
    void dispatch(Connection* c);
    void take_back(Connection* c);
    void sweep(std::chrono::steady_clock::time_point now);
    void refuse(Connection& c, int status, std::string_view error, std::string_view details,
        int retry_after_seconds = 0);
    void start_lingering_close(Connection& c);
    void close_connection(Connection* c);
    void make_room();
    void wake();
    void watch(Connection& c);
    void unwatch(Connection& c);

    void worker_loop(Lane lane);
    void serve(Connection* c, Lane lane);

    GatedServer& m_server;
    GateOptions m_options;
    int m_epoll = -1;
    int m_wake = -1;   // eventfd: adopted and returned connections are waiting

    // Owned by the event thread.
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
    std::chrono::steady_clock::time_point m_last_sweep;
    std::uint64_t m_serial = 0;

    // Handed to the event thread by the accept loop and by workers.
    std::mutex m_inbox_mutex;
    std::vector<int> m_adopted;
    std::vector<Connection*> m_returned;

    // Complete requests waiting for a worker, per lane.
    struct Queue {
        std::deque<Connection*> items;
        std::condition_variable ready;
    };
    std::mutex m_queue_mutex;
    Queue m_general;
    Queue m_hashing;
    bool m_workers_stop = false;

    std::atomic<bool> m_stopping { false };
    std::atomic<std::size_t> m_open { 0 };
    std::atomic<std::size_t> m_refused { 0 };
    std::atomic<std::size_t> m_timed_out { 0 };
    std::atomic<std::size_t> m_evicted { 0 };

    std::thread m_event_thread;
    std::vector<std::thread> m_workers;
};

} // namespace learnloop::server
