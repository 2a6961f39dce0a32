// The connection gate: [SECTION] cpp-httplib hook, [SECTION] buffered
// stream, [SECTION] reading requests, [SECTION] answers of the gate's own,
// [SECTION] event loop, [SECTION] workers, [SECTION] stop.
// Over 600 lines: the event loop, the incremental examining of requests and the hand-off to
// workers share each connection's state and its invariants, which a split would expose.
#include "http/connection_gate.hpp"

#include "core/dto.hpp"
#include "platform/crypto.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <optional>
#include <tuple>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace learnloop::server {

using Clock = std::chrono::steady_clock;

struct ConnectionGate::Connection {
    enum class State { Idle, Reading, Dispatched, Lingering };

    int fd = -1;
    State state = State::Idle;
    bool watched = false;
    bool peer_closed = false;     // the client sent EOF (half-close)
    bool close_after = false;     // set by the worker: close once returned
    std::string peer_ip;
    int peer_port = 0;
    std::string local_ip;
    int local_port = 0;

    std::string buffer;           // received bytes not yet served
    // The request being read, examined incrementally.
    std::size_t scanned = 0;      // bytes of buffer already looked at
    std::size_t lines = 0;        // line ends seen in the head so far
    std::size_t first_line_end = 0;
    std::size_t head_end = 0;     // 0 until the blank line arrives
    std::size_t request_bytes = 0;  // head plus body, once the head is known
    bool continue_sent = false;
    Lane lane = Lane::General;

    Clock::time_point since;      // idle since / request started / lingering since
    Clock::time_point deadline;
    Clock::time_point ready_at;   // when the request became complete
    std::size_t served = 0;
    std::uint64_t serial = 0;     // order of arrival

    void next_request()
    {
        scanned = lines = first_line_end = head_end = request_bytes = 0;
        continue_sent = false;
        lane = Lane::General;
    }
};

namespace {

thread_local bool t_close_after_response = false;

std::string_view reason_phrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

// A whole HTTP response for a request the gate answers itself, in the API's
// one error shape; the connection closes after it.
std::string refusal_bytes(int status, std::string_view error, std::string_view details, int retry_after_seconds,
    const std::string& request_id)
{
    // The one error body shape of every response (core/dto.hpp).
    auto text = to_json(ErrorBody { std::string(error), std::string(details), {} })
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) + "\r\n";
    out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + std::to_string(text.size()) + "\r\n";
    out += "Connection: close\r\n";
    out += "X-Request-Id: " + request_id + "\r\n";
    if (retry_after_seconds > 0)
        out += "Retry-After: " + std::to_string(retry_after_seconds) + "\r\n";
    out += "\r\n" + text;
    return out;
}

void address_of(const sockaddr_storage& address, std::string& ip, int& port)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof(text));
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof(text));
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

} // namespace

void close_connection_after_response()
{
    t_close_after_response = true;
}

bool closing_connection_after_response()
{
    return t_close_after_response;
}

// [SECTION] cpp-httplib hook -----------------------------------------------

// cpp-httplib 0.11 (Debian 12's) keeps Server::process_request private; the
// gate needs it to run one buffered request. An explicit instantiation may
// name a private member (C++ [temp.spec]/6), which hands its address to a
// friend function defined here.
namespace {

using ProcessRequest = bool (httplib::Server::*)(httplib::Stream&, bool, bool&,
    const std::function<void(httplib::Request&)>&);
struct ProcessRequestTag {
    friend ProcessRequest process_request_member(ProcessRequestTag);
};
template <ProcessRequest Member>
struct ExposeProcessRequest {
    friend ProcessRequest process_request_member(ProcessRequestTag) { return Member; }
};
template struct ExposeProcessRequest<&httplib::Server::process_request>;

// The accept loop hands each socket to the task queue; the gate adopts it
// at once, so the queue runs the task on the accepting thread.
class AdoptAtOnce final : public httplib::TaskQueue {
public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

} // namespace

bool GatedServer::run_request(httplib::Stream& stream, bool close_connection, bool& connection_closed)
{
    static const ProcessRequest process = process_request_member(ProcessRequestTag {});
    return (this->*process)(stream, close_connection, connection_closed, nullptr);
}

bool GatedServer::process_and_close_socket(socket_t sock)
{
    if (!m_gate) {
        ::close(sock);
        return false;
    }
    m_gate->adopt(sock);
    return true;
}

// [SECTION] buffered stream ------------------------------------------------

namespace {

// One complete request, already in the connection's buffer, as cpp-httplib's
// Stream: reads never wait and never run past the request (a body the
// handler ignores cannot be mistaken for the next request); writes go to the
// socket with a deadline.
class RequestStream final : public httplib::Stream {
public:
    RequestStream(const std::string& request, std::size_t length, int fd, const std::string& peer_ip, int peer_port,
        const std::string& local_ip, int local_port, std::chrono::milliseconds write_timeout)
        : m_request(request)
        , m_length(length)
        , m_fd(fd)
        , m_peer_ip(peer_ip)
        , m_peer_port(peer_port)
        , m_local_ip(local_ip)
        , m_local_port(local_port)
        , m_write_timeout(write_timeout)
    {
    }

    bool is_readable() const override { return m_position < m_length; }
    bool is_writable() const override
    {
        pollfd p { m_fd, POLLOUT, 0 };
        return ::poll(&p, 1, static_cast<int>(m_write_timeout.count())) > 0 && (p.revents & POLLOUT);
    }
    ssize_t read(char* ptr, std::size_t size) override
    {
        auto n = std::min(size, m_length - m_position);
        std::memcpy(ptr, m_request.data() + m_position, n);
        m_position += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, std::size_t size) override
    {
        if (!is_writable())
            return -1;
        return ::send(m_fd, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override
    {
        ip = m_peer_ip;
        port = m_peer_port;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override
    {
        ip = m_local_ip;
        port = m_local_port;
    }
    // cpp-httplib only compares this with FD_SETSIZE (it would answer 500 for a
    // socket select() cannot watch); the gate never uses select().
    socket_t socket() const override { return m_fd < FD_SETSIZE ? m_fd : INVALID_SOCKET; }

private:
    const std::string& m_request;
    std::size_t m_length;
    std::size_t m_position = 0;
    int m_fd;
    const std::string& m_peer_ip;
    int m_peer_port;
    const std::string& m_local_ip;
    int m_local_port;
    std::chrono::milliseconds m_write_timeout;
};

} // namespace

// [SECTION] reading requests -----------------------------------------------

ConnectionGate::ConnectionGate(GatedServer& server, GateOptions options)
    : m_server(server)
    , m_options(std::move(options))
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.fd = m_wake;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);

    m_server.attach(this);
    m_server.new_task_queue = [] { return new AdoptAtOnce; };

    m_last_sweep = Clock::now();
    m_event_thread = std::thread([this] { event_loop(); });
    for (std::size_t i = 0; i < std::max<std::size_t>(1, m_options.general_workers); ++i)
        m_workers.emplace_back([this] { worker_loop(Lane::General); });
    for (std::size_t i = 0; i < std::max<std::size_t>(1, m_options.hashing_workers); ++i)
        m_workers.emplace_back([this] { worker_loop(Lane::Hashing); });
}

ConnectionGate::~ConnectionGate()
{
    stop();
    ::close(m_epoll);
    ::close(m_wake);
}

void ConnectionGate::adopt(int fd)
{
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    {
        std::lock_guard lock(m_inbox_mutex);
        m_adopted.push_back(fd);
    }
    wake();
}

void ConnectionGate::wake()
{
    std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(m_wake, &one, sizeof(one));
}

void ConnectionGate::watch(Connection& c)
{
    if (c.watched)
        return;
    epoll_event event {};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = c.fd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    c.watched = true;
}

void ConnectionGate::unwatch(Connection& c)
{
    if (!c.watched)
        return;
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
    c.watched = false;
}

void ConnectionGate::read_from(Connection& c)
{
    const auto& limits = m_options.limits;
    // Enough for the request being read and no more: its head until that is
    // known (so no connection holds more than a head before its route's
    // body limit is known), then its head and body; what else was sent waits
    // in the socket (epoll is level-triggered: it is read on the next round).
    const std::size_t cap = (c.head_end == 0 ? limits.max_header_bytes : c.request_bytes) + 64 * 1024;
    char chunk[64 * 1024];
    while (c.buffer.size() < cap) {
        auto n = ::recv(c.fd, chunk, sizeof(chunk), MSG_DONTWAIT);
        if (n > 0) {
            if (c.state == Connection::State::Idle) {
                c.state = Connection::State::Reading;
                c.since = Clock::now();
                c.deadline = c.since + limits.request_timeout;
            }
            c.buffer.append(chunk, static_cast<std::size_t>(n));
            if (static_cast<std::size_t>(n) < sizeof(chunk))
                break;
        } else if (n == 0) {
            c.peer_closed = true;
            break;
        } else {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                c.peer_closed = true;
            break;
        }
    }
}

// Looks at the buffered bytes of the current request: refuses it as soon as
// a limit is passed, and says whether it is complete. Incremental: each byte
// is looked at once however slowly it arrives.
ConnectionGate::Ready ConnectionGate::examine(Connection& c)
{
    const auto& limits = m_options.limits;
    if (c.head_end == 0) {
        // Blank lines before a request are allowed (RFC 9112 2.2).
        if (c.scanned == 0) {
            std::size_t skip = 0;
            while (skip + 1 < c.buffer.size() && c.buffer[skip] == '\r' && c.buffer[skip + 1] == '\n')
                skip += 2;
            c.buffer.erase(0, skip);
        }
        for (; c.scanned < c.buffer.size(); ++c.scanned) {
            if (c.buffer[c.scanned] != '\n')
                continue;
            ++c.lines;
            if (c.lines == 1)
                c.first_line_end = c.scanned;
            if (c.scanned >= 3 && c.buffer.compare(c.scanned - 3, 4, "\r\n\r\n") == 0) {
                c.head_end = c.scanned + 1;
                break;
            }
        }
        std::size_t request_line = c.lines >= 1 ? c.first_line_end : c.buffer.size();
        if (request_line > limits.max_request_line) {
            refuse(c, 414, "URI too long", "Request lines are limited to " + std::to_string(limits.max_request_line) + " bytes");
            return Ready::Refused;
        }
        // The request line and the blank line are not headers.
        if (c.lines > limits.max_header_count + 2 || (c.head_end && c.lines > limits.max_header_count + 1)) {
            refuse(c, 431, "Too many headers", "Requests may carry at most " + std::to_string(limits.max_header_count) + " headers");
            return Ready::Refused;
        }
        if ((c.head_end ? c.head_end : c.buffer.size()) > limits.max_header_bytes) {
            refuse(c, 431, "Headers too large", "Request headers are limited to " + std::to_string(limits.max_header_bytes) + " bytes");
            return Ready::Refused;
        }
        if (c.head_end == 0)
            return Ready::Incomplete;

        // The head is complete: find the body's length and the lane.
        std::string_view head(c.buffer.data(), c.head_end);
        std::string_view request_line_text = head.substr(0, c.first_line_end);
        if (!request_line_text.empty() && request_line_text.back() == '\r')
            request_line_text.remove_suffix(1);
        auto method_end = request_line_text.find(' ');
        auto target_end = method_end == std::string_view::npos ? std::string_view::npos : request_line_text.find(' ', method_end + 1);
        std::string_view method = request_line_text.substr(0, method_end);
        std::string_view target = target_end == std::string_view::npos
            ? std::string_view()
            : request_line_text.substr(method_end + 1, target_end - method_end - 1);

        std::optional<std::size_t> content_length;
        bool expect_continue = false;
        std::size_t line_start = c.first_line_end + 1;
        while (line_start + 2 < c.head_end) {
            auto line_end = head.find("\r\n", line_start);
            std::string_view line = head.substr(line_start, line_end - line_start);
            line_start = line_end + 2;
            auto colon = line.find(':');
            if (colon == std::string_view::npos)
                continue;
            auto name = line.substr(0, colon);
            auto value = trim(line.substr(colon + 1));
            if (iequals(name, "Content-Length")) {
                if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
                    refuse(c, 400, "Bad request", "Content-Length must be a whole number of bytes");
                    return Ready::Refused;
                }
                auto length = static_cast<std::size_t>(std::stoull(std::string(value)));
                if (content_length && *content_length != length) {
                    refuse(c, 400, "Bad request", "Conflicting Content-Length headers");
                    return Ready::Refused;
                }
                content_length = length;
            } else if (iequals(name, "Transfer-Encoding")) {
                // cpp-httplib 0.11 would not apply the body limit to chunks.
                refuse(c, 411, "Length required", "Send request bodies with a Content-Length header");
                return Ready::Refused;
            } else if (iequals(name, "Expect") && iequals(value, "100-continue")) {
                expect_continue = true;
            }
        }
        auto body = content_length.value_or(0);
        auto body_limit = m_options.body_limit_for ? m_options.body_limit_for(method, target) : std::size_t(0);
        body_limit = body_limit == 0 ? limits.max_body_bytes : std::min(body_limit, std::max(limits.max_body_bytes, limits.max_upload_bytes));
        if (body > body_limit) {
            refuse(c, 413, "Payload too large", "Request bodies are limited to " + std::to_string(body_limit) + " bytes");
            return Ready::Refused;
        }
        c.request_bytes = c.head_end + body;
        c.deadline += std::chrono::seconds(body / std::max<std::size_t>(1, limits.body_bytes_per_second));
        c.lane = m_options.lane_for ? m_options.lane_for(method, target) : Lane::General;
        // Tell a client waiting for permission to send its body to go on (the
        // gate has already checked its length); cpp-httplib's own interim
        // answer later is a second 100, which clients ignore.
        if (expect_continue && c.buffer.size() < c.request_bytes && !c.continue_sent) {
            static constexpr std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
            [[maybe_unused]] auto sent = ::send(c.fd, k_continue.data(), k_continue.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            c.continue_sent = true;
        }
    }
    return c.buffer.size() >= c.request_bytes ? Ready::Complete : Ready::Incomplete;
}

// [SECTION] answers of the gate's own --------------------------------------

void ConnectionGate::refuse(Connection& c, int status, std::string_view error, std::string_view details,
    int retry_after_seconds)
{
    auto request_id = random_hex(8);
    auto bytes = refusal_bytes(status, error, details, retry_after_seconds, request_id);
    [[maybe_unused]] auto sent = ::send(c.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ++m_refused;
    if (m_options.log) {
        m_options.log({ { "level", "info" }, { "request_id", request_id }, { "event", "refused" },
            { "status", status }, { "peer", c.peer_ip }, { "details", details } });
    }
    start_lingering_close(c);
}

// Closing a socket with unread input makes the kernel send a reset, which
// can destroy the answer before the client reads it. So the gate stops
// writing, then reads and drops what the client still sends for a moment.
void ConnectionGate::start_lingering_close(Connection& c)
{
    ::shutdown(c.fd, SHUT_WR);
    c.state = Connection::State::Lingering;
    c.since = Clock::now();
    c.deadline = c.since + std::chrono::seconds(2);
    c.buffer.clear();
    watch(c);
}

void ConnectionGate::close_connection(Connection* c)
{
    unwatch(*c);
    ::close(c->fd);
    --m_open;
    m_connections.erase(c->fd);
}

// Past the connection limit, the connection that has waited longest without
// a request in progress makes room (then the slowest reader).
void ConnectionGate::make_room()
{
    while (m_connections.size() > m_options.limits.max_connections) {
        Connection* oldest = nullptr;
        for (auto& [fd, c] : m_connections) {
            if (c->state == Connection::State::Dispatched)
                continue;
            auto rank = [](const Connection& x) { return x.state == Connection::State::Reading ? 1 : 0; };
            auto key = [&](const Connection& x) { return std::make_tuple(rank(x), x.since, x.serial); };
            if (!oldest || key(*c) < key(*oldest))
                oldest = c.get();
        }
        if (!oldest)
            return;
        ++m_evicted;
        close_connection(oldest);
    }
}

// [SECTION] event loop -----------------------------------------------------

void ConnectionGate::event_loop()
{
    std::vector<epoll_event> events(256);
    while (true) {
        int n = epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()), 100);
        for (int i = 0; i < n; ++i) {
            int fd = events[static_cast<std::size_t>(i)].data.fd;
            if (fd == m_wake) {
                std::uint64_t count = 0;
                [[maybe_unused]] auto got = ::read(m_wake, &count, sizeof(count));
                continue;
            }
            auto found = m_connections.find(fd);
            if (found == m_connections.end())
                continue;
            Connection& c = *found->second;
            if (c.state == Connection::State::Lingering) {
                char sink[16 * 1024];
                auto got = ::recv(fd, sink, sizeof(sink), MSG_DONTWAIT);
                if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                    close_connection(&c);
                continue;
            }
            read_from(c);
            auto ready = examine(c);
            if (ready == Ready::Complete)
                dispatch(&c);
            else if (ready == Ready::Incomplete && c.peer_closed)
                close_connection(&c);
        }

        std::vector<int> adopted;
        std::vector<Connection*> returned;
        {
            std::lock_guard lock(m_inbox_mutex);
            adopted.swap(m_adopted);
            returned.swap(m_returned);
        }
        auto now = Clock::now();
        for (int fd : adopted) {
            if (m_stopping) {
                ::close(fd);
                continue;
            }
            auto c = std::make_unique<Connection>();
            c->fd = fd;
            c->serial = ++m_serial;
            c->since = now;
            c->deadline = now + m_options.limits.idle_timeout;
            sockaddr_storage address {};
            socklen_t length = sizeof(address);
            if (getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
                address_of(address, c->peer_ip, c->peer_port);
            length = sizeof(address);
            if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
                address_of(address, c->local_ip, c->local_port);
            auto* raw = c.get();
            m_connections.emplace(fd, std::move(c));
            ++m_open;
            watch(*raw);
        }
        if (!adopted.empty())
            make_room();
        for (Connection* c : returned)
            take_back(c);

        if (now - m_last_sweep >= std::chrono::milliseconds(100)) {
            sweep(now);
            m_last_sweep = now;
        }
        if (m_stopping && m_connections.empty())
            return;
    }
}

void ConnectionGate::dispatch(Connection* c)
{
    unwatch(*c);
    c->state = Connection::State::Dispatched;
    c->ready_at = Clock::now();
    {
        std::lock_guard lock(m_queue_mutex);
        auto& queue = c->lane == Lane::Hashing ? m_hashing : m_general;
        queue.items.push_back(c);
        queue.ready.notify_one();
    }
}

// A worker finished a request: serve the next pipelined one, or wait for it.
void ConnectionGate::take_back(Connection* c)
{
    if (m_stopping) {
        close_connection(c);
        return;
    }
    if (c->close_after) {
        start_lingering_close(*c);
        return;
    }
    auto now = Clock::now();
    c->since = now;
    if (c->buffer.empty()) {
        if (c->peer_closed) {
            close_connection(c);
            return;
        }
        c->state = Connection::State::Idle;
        c->deadline = now + m_options.limits.idle_timeout;
        watch(*c);
        return;
    }
    c->state = Connection::State::Reading;
    c->deadline = now + m_options.limits.request_timeout;
    auto ready = examine(*c);
    if (ready == Ready::Complete) {
        dispatch(c);
    } else if (ready == Ready::Incomplete) {
        if (c->peer_closed)
            close_connection(c);
        else
            watch(*c);
    }
}

void ConnectionGate::sweep(Clock::time_point now)
{
    std::vector<Connection*> expired;
    for (auto& [fd, c] : m_connections) {
        if (c->state == Connection::State::Dispatched)
            continue;
        if (m_stopping || now >= c->deadline)
            expired.push_back(c.get());
    }
    for (Connection* c : expired) {
        if (c->state == Connection::State::Reading && !m_stopping) {
            ++m_timed_out;
            refuse(*c, 408, "Request timeout", "The request did not arrive in time");
        } else {
            close_connection(c);
        }
    }
}

// [SECTION] workers --------------------------------------------------------

void ConnectionGate::worker_loop(Lane lane)
{
    // Password hashing gives way to other requests for the cores (nice 5:
    // about a quarter of a core's share against a busy ordinary worker), so a
    // sign-in flood slows reads little, and sign-ins still progress under load.
    if (lane == Lane::Hashing)
        setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 5);
    auto& queue = lane == Lane::Hashing ? m_hashing : m_general;
    while (true) {
        Connection* c = nullptr;
        {
            std::unique_lock lock(m_queue_mutex);
            queue.ready.wait(lock, [&] { return m_workers_stop || !queue.items.empty(); });
            if (queue.items.empty())
                return;
            c = queue.items.front();
            queue.items.pop_front();
        }
        serve(c, lane);
    }
}

void ConnectionGate::serve(Connection* c, Lane lane)
{
    const auto& limits = m_options.limits;
    // Whole milliseconds: with a wait of 0, a request an idle worker took at once runs.
    auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - c->ready_at);
    if (lane == Lane::Hashing && waited > m_options.hashing_queue_wait) {
        auto request_id = random_hex(8);
        auto bytes = refusal_bytes(503, "Service unavailable", "The server is busy; try again in a moment", 1, request_id);
        RequestStream stream(c->buffer, 0, c->fd, c->peer_ip, c->peer_port, c->local_ip, c->local_port, limits.write_timeout);
        for (std::size_t sent = 0; sent < bytes.size();) {
            auto n = stream.write(bytes.data() + sent, bytes.size() - sent);
            if (n <= 0)
                break;
            sent += static_cast<std::size_t>(n);
        }
        ++m_refused;
        if (m_options.log)
            m_options.log({ { "level", "info" }, { "request_id", request_id }, { "event", "busy" }, { "status", 503 }, { "peer", c->peer_ip } });
        c->close_after = true;
    } else {
        RequestStream stream(c->buffer, c->request_bytes, c->fd, c->peer_ip, c->peer_port, c->local_ip, c->local_port,
            limits.write_timeout);
        bool last = c->served + 1 >= limits.max_requests_per_connection || m_stopping;
        bool closed_by_client = false;
        t_close_after_response = false;
        bool ok = m_server.run_request(stream, last, closed_by_client);
        ++c->served;
        c->close_after = !ok || last || closed_by_client || t_close_after_response;
    }
    c->buffer.erase(0, c->request_bytes);
    c->next_request();
    {
        std::lock_guard lock(m_inbox_mutex);
        m_returned.push_back(c);
    }
    wake();
}

// [SECTION] stop -----------------------------------------------------------

void ConnectionGate::stop()
{
    if (!m_event_thread.joinable())
        return;
    m_stopping = true;
    wake();
    // The event thread ends once every connection is closed, which for a
    // request in progress is after its answer.
    m_event_thread.join();
    {
        std::lock_guard lock(m_queue_mutex);
        m_workers_stop = true;
    }
    m_general.ready.notify_all();
    m_hashing.ready.notify_all();
    for (auto& worker : m_workers)
        worker.join();
    m_workers.clear();
}

GateStats ConnectionGate::stats() const
{
    return { m_open.load(), m_refused.load(), m_timed_out.load(), m_evicted.load() };
}

} // namespace learnloop::server
