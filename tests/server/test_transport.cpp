// The connection gate of the real learnloop-server binary: a handful of
// slow, idle or oversized clients must not starve everyone else, refused
// requests close their connections, pipelined requests are all answered,
// and a sign-in flood waits behind itself (issue 9, defects 1, 2 and 4).
#include "api_client.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <future>
#include <thread>

using namespace learnloop::test;
using Clock = std::chrono::steady_clock;

namespace {

int connect_to(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    return fd;
}

bool send_all(int fd, const std::string& data)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        auto n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Everything the server sends until it closes the connection or `timeout`
// passes; `closed` says which.
struct Received {
    std::string data;
    bool closed = false;
};
Received receive_until_closed(int fd, std::chrono::milliseconds timeout)
{
    Received received;
    auto deadline = Clock::now() + timeout;
    char buffer[65536];
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return received;
        pollfd p { fd, POLLIN, 0 };
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
            return received;
        auto n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0) {
            received.closed = true;
            return received;
        }
        received.data.append(buffer, static_cast<std::size_t>(n));
    }
}

int status_of(const std::string& response)
{
    return response.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(response.c_str() + 9) : 0;
}

std::string get(const std::string& target, const std::string& extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

// How long a health check takes on a fresh connection (a failure counts as forever).
std::chrono::milliseconds health_check_time(int port)
{
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(5, 0);
    auto start = Clock::now();
    auto res = client.Get("/api/health");
    if (!res || res->status != 200)
        return std::chrono::hours(1);
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

long resident_kib(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    }
    return -1;
}

} // namespace

TEST_CASE("32 slow-loris connections do not delay a health check, and get 408 at the request deadline",
    "[transport][slow]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_slowloris"), { "--request-timeout-ms", "2000" });
    std::vector<int> slow;
    for (int i = 0; i < 32; ++i) {
        slow.push_back(connect_to(server.port()));
        REQUIRE(send_all(slow.back(), "GET /api/health HTTP/1.1\r\nHost: x\r\n"));
    }
    // They trickle one byte of a header every 100 ms, never finishing.
    std::atomic<bool> trickling { true };
    std::thread trickle([&] {
        while (trickling) {
            for (int fd : slow)
                ::send(fd, "X", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    for (int i = 0; i < 5; ++i) {
        auto took = health_check_time(server.port());
        INFO("health check " << i << " took " << took.count() << " ms");
        CHECK(took < std::chrono::milliseconds(1000));
    }
    // Each slow request is answered 408 and its connection closed, about two
    // seconds after its first byte.
    int timed_out = 0;
    for (int fd : slow) {
        auto received = receive_until_closed(fd, std::chrono::seconds(5));
        if (status_of(received.data) == 408 && received.closed)
            ++timed_out;
    }
    trickling = false;
    trickle.join();
    for (int fd : slow)
        ::close(fd);
    CHECK(timed_out == 32);
    CHECK(health_check_time(server.port()) < std::chrono::milliseconds(1000));
}

TEST_CASE("500 idle connections do not delay a new client, and are closed after the idle timeout",
    "[transport][idle]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_idle"), { "--idle-timeout-ms", "1500" });
    std::vector<int> idle;
    for (int i = 0; i < 500; ++i)
        idle.push_back(connect_to(server.port()));
    // Kept-alive connections after a request idle the same way.
    for (int i = 0; i < 20; ++i) {
        REQUIRE(send_all(idle[static_cast<std::size_t>(i)], get("/api/health")));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    for (int i = 0; i < 3; ++i) {
        auto took = health_check_time(server.port());
        INFO("health check took " << took.count() << " ms");
        CHECK(took < std::chrono::milliseconds(1000));
    }
    int closed = 0;
    auto start = Clock::now();
    for (int fd : idle) {
        if (receive_until_closed(fd, std::chrono::seconds(4)).closed)
            ++closed;
    }
    CHECK(closed == 500);
    CHECK(Clock::now() - start < std::chrono::seconds(4));
    for (int fd : idle)
        ::close(fd);
}

TEST_CASE("more connections than the limit close the longest-idle ones, never the newest", "[transport][limit]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_limit"), { "--max-connections", "50" });
    std::vector<int> idle;
    for (int i = 0; i < 80; ++i)
        idle.push_back(connect_to(server.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(health_check_time(server.port()) < std::chrono::milliseconds(1000));
    // The first connections made room for the later ones.
    CHECK(receive_until_closed(idle.front(), std::chrono::milliseconds(500)).closed);
    CHECK_FALSE(receive_until_closed(idle.back(), std::chrono::milliseconds(200)).closed);
    for (int fd : idle)
        ::close(fd);
}

TEST_CASE("a Content-Length over the limit is refused at once, before any of the body is sent", "[transport][limits]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_too_large"));
    int fd = connect_to(server.port());
    auto start = Clock::now();
    REQUIRE(send_all(fd, "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n"));
    auto received = receive_until_closed(fd, std::chrono::seconds(5));
    ::close(fd);
    CHECK(status_of(received.data) == 413);
    CHECK(received.data.find("\"Payload too large\"") != std::string::npos);
    CHECK(received.closed);
    CHECK(Clock::now() - start < std::chrono::seconds(3));
}

TEST_CASE("a request the server refuses closes its connection at once", "[transport][refusal]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_refusal"));
    struct Case {
        std::string request;
        int status;
    };
    std::vector<Case> cases = {
        { "NOT AN HTTP REQUEST\r\n\r\n", 400 },
        { get("/api/" + std::string(9000, 'z')), 414 },
        { "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 411 },
        { "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n", 400 },
    };
    for (const auto& c : cases) {
        INFO(c.request.substr(0, 60));
        int fd = connect_to(server.port());
        auto start = Clock::now();
        REQUIRE(send_all(fd, c.request));
        auto received = receive_until_closed(fd, std::chrono::seconds(4));
        ::close(fd);
        CHECK(status_of(received.data) == c.status);
        CHECK(received.closed);
        CHECK(Clock::now() - start < std::chrono::seconds(2));
    }
    CHECK(health_check_time(server.port()) < std::chrono::milliseconds(1000));
}

TEST_CASE("pipelined requests on one connection are all answered, in order", "[transport][pipelining]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_pipelining"));
    int fd = connect_to(server.port());
    std::string body = R"({"n":1})";
    REQUIRE(send_all(fd, get("/api/health") + get("/api/no-such-thing")
            + "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            + std::to_string(body.size()) + "\r\n\r\n" + body + get("/api/health", "Connection: close\r\n")));
    auto received = receive_until_closed(fd, std::chrono::seconds(5));
    ::close(fd);
    CHECK(received.closed);
    std::vector<int> statuses;
    for (std::size_t at = received.data.find("HTTP/1.1 "); at != std::string::npos; at = received.data.find("HTTP/1.1 ", at + 1))
        statuses.push_back(std::atoi(received.data.c_str() + at + 9));
    CHECK(statuses == std::vector<int> { 200, 404, 200, 200 });
    CHECK(received.data.find(body) != std::string::npos);
}

TEST_CASE("a request with too many or too large headers gets 431 and the server's memory stays flat",
    "[transport][headers]")
{
    ServerProcess server(PgCluster::instance().create_database("transport_headers"));

    std::string many = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i)
        many += "X-" + std::to_string(i) + ": y\r\n";
    auto too_many = raw_request(server.port(), many + "\r\n", std::chrono::seconds(5));
    CHECK(too_many.status == 431);
    CHECK(too_many.body.find("Too many headers") != std::string::npos);

    auto too_large = raw_request(server.port(), get("/api/health", "X-Big: " + std::string(40000, 'a') + "\r\n"),
        std::chrono::seconds(5));
    CHECK(too_large.status == 431);

    // The reported attack: millions of headers in one request (here 30 MB).
    auto before = resident_kib(server.pid());
    int fd = connect_to(server.port());
    std::atomic<bool> done { false };
    std::thread flood([&] {
        send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n");
        std::string block;
        for (int i = 0; i < 10000; ++i)
            block += "X-Flood: y\r\n";
        for (int i = 0; i < 250 && !done; ++i) {
            if (!send_all(fd, block))
                break;
        }
    });
    auto received = receive_until_closed(fd, std::chrono::seconds(10));
    done = true;
    ::shutdown(fd, SHUT_RDWR);
    flood.join();
    ::close(fd);
    CHECK(status_of(received.data) == 431);
    auto after = resident_kib(server.pid());
    INFO("resident memory " << before << " KiB before, " << after << " KiB after");
    CHECK(after - before < 20 * 1024);
    CHECK(health_check_time(server.port()) < std::chrono::milliseconds(1000));
}

TEST_CASE("a flood of sign-ins waits behind itself: other requests keep their pace and the sign-ins are answered",
    "[transport][signin]")
{
    ApiFixture fixture("transport_signin_flood");
    auto person = fixture.signup("flood@example.org", "Flood Tester", "student");
    int port = fixture.server().port();

    // As many as the server has workers: before the gate, they took every one.
    constexpr int sign_ins = 16;
    std::vector<std::future<Reply>> logins;
    for (int i = 0; i < sign_ins; ++i) {
        logins.push_back(std::async(std::launch::async, [&] {
            ApiClient own(port);
            return own.login(person.email, k_demo_password);
        }));
    }
    std::vector<long> times;
    for (int i = 0; i < 10; ++i) {
        times.push_back(health_check_time(port).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    // Each sign-in gets in, or -- when the hashing lane stays full past its
    // wait (a machine busy with other work) -- a 503 that says when to retry.
    int succeeded = 0;
    int other = 0;
    std::map<int, int> statuses;
    for (auto& login : logins) {
        auto reply = login.get();
        ++statuses[reply.status];
        if (reply.status == 200)
            ++succeeded;
        else if (!(reply.status == 503 && reply.header("Retry-After") == "1"))
            ++other;
    }
    std::string answered;
    for (auto [status, count] : statuses)
        answered += std::to_string(count) + " x " + std::to_string(status) + " ";
    INFO("sign-ins answered: " << answered);
    std::string listed;
    for (auto t : times)
        listed += std::to_string(t) + " ";
    INFO("health checks during the flood took (ms): " << listed);
    CHECK(*std::max_element(times.begin(), times.end()) < 1000);
    CHECK(succeeded >= sign_ins / 2);
    CHECK(other == 0);
}
