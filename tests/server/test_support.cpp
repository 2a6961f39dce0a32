// Test helpers: temp folders, child processes, the private PostgreSQL cluster,
// the learnloop-server child process and a raw HTTP client.
#include "test_support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

#ifndef LEARNLOOP_SOURCE_DIR
#    error "LEARNLOOP_SOURCE_DIR must be defined by the build"
#endif
#ifndef LEARNLOOP_SERVER_BINARY
#    error "LEARNLOOP_SERVER_BINARY must be defined by the build"
#endif
#ifndef LEARNLOOP_CLI_BINARY
#    error "LEARNLOOP_CLI_BINARY must be defined by the build"
#endif

namespace learnloop::test {

namespace fs = std::filesystem;

std::string source_dir() { return LEARNLOOP_SOURCE_DIR; }
std::string migrations_dir() { return source_dir() + "/migrations"; }
std::string server_binary() { return LEARNLOOP_SERVER_BINARY; }
std::string cli_binary() { return LEARNLOOP_CLI_BINARY; }

// [SECTION] files ----------------------------------------------------------

TempDir::TempDir(const std::string& prefix, const std::string& parent)
{
    std::string pattern = (parent.empty() ? scratch_root() : parent) + "/" + prefix + "-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
        throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
    m_path = buffer.data();
    // The postgres user must be able to traverse it when the tests run as root.
    ::chmod(m_path.c_str(), 0755);
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

const std::string& scratch_root()
{
    static TempDir root("learnloop-tests", "/tmp");
    return root.path();
}

std::string TempDir::write(const std::string& relative, const std::string& content) const
{
    auto full = fs::path(m_path) / relative;
    fs::create_directories(full.parent_path());
    write_file(full.string(), content);
    return full.string();
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

void write_file(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

int free_port()
{
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw std::runtime_error("socket failed");
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot bind a free port");
    }
    int port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// [SECTION] processes ------------------------------------------------------

namespace {

// The null-terminated array of C strings exec wants; `texts` must outlive it.
std::vector<char*> c_strings(std::vector<std::string>& texts)
{
    std::vector<char*> pointers;
    for (auto& text : texts)
        pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return pointers;
}

// Starts argv[0] (searched in PATH when it has no '/') with the current
// environment plus `env`, standard input from /dev/null and standard output
// and error appended to the given files. Signal mask and dispositions are
// reset, and no descriptor of ours leaks into the child.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
    const std::string& stdout_path, const std::string& stderr_path)
{
    std::vector<std::string> env_strings;
    for (char** entry = environ; *entry; ++entry) {
        std::string text = *entry;
        auto name = text.substr(0, text.find('='));
        if (!env.count(name))
            env_strings.push_back(text);
    }
    for (const auto& [name, value] : env)
        env_strings.push_back(name + "=" + value);
    auto envp = c_strings(env_strings);
    std::vector<std::string> args = argv;
    auto argp = c_strings(args);

    pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        sigset_t empty;
        sigemptyset(&empty);
        sigprocmask(SIG_SETMASK, &empty, nullptr);
        for (int sig : { SIGPIPE, SIGTERM, SIGINT, SIGCHLD })
            ::signal(sig, SIG_DFL);
        // A child that crashes (a test may provoke that) leaves no core file behind.
        rlimit no_core { 0, 0 };
        ::setrlimit(RLIMIT_CORE, &no_core);
        int in = ::open("/dev/null", O_RDONLY);
        int out = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (in < 0 || out < 0 || err < 0)
            ::_exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::close_range(3, ~0U, 0);
        ::execvpe(argp[0], argp.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

// waitpid with a timeout; nullopt when the child is still running.
std::optional<int> wait_with_timeout(pid_t pid, std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            return status;
        if (done < 0 && errno != EINTR)
            return -1;
        if (std::chrono::steady_clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(5ms);
    }
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
    std::chrono::milliseconds timeout)
{
    TempDir scratch("run");
    auto out_path = scratch.path() + "/stdout";
    auto err_path = scratch.path() + "/stderr";
    pid_t pid = spawn(argv, env, out_path, err_path);
    ProcessResult result;
    auto status = wait_with_timeout(pid, timeout);
    if (!status) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        result.exit_code = -1;
    } else if (WIFEXITED(*status)) {
        result.exit_code = WEXITSTATUS(*status);
    } else {
        result.exit_code = -1;
    }
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

pqxx::result query(const std::string& url, const std::string& sql)
{
    pqxx::connection connection(url);
    pqxx::nontransaction txn(connection);
    return txn.exec(sql);
}

std::int64_t query_int(const std::string& url, const std::string& sql)
{
    return query(url, sql)[0][0].as<std::int64_t>();
}

ProcessResult run_cli(const std::vector<std::string>& args, const std::string& database_url,
    const std::map<std::string, std::string>& env)
{
    std::vector<std::string> argv = { cli_binary() };
    argv.insert(argv.end(), args.begin(), args.end());
    std::map<std::string, std::string> full_env = { { "DATABASE_URL", database_url },
        { "LEARNLOOP_MIGRATIONS_DIR", migrations_dir() } };
    for (const auto& [name, value] : env)
        full_env[name] = value;
    return run_process(argv, full_env);
}

std::string gzip(const std::string& data)
{
    TempDir scratch("gzip");
    auto path = scratch.write("data", data);
    auto result = run_process({ "gzip", "-9", "-n", "-c", path });
    if (result.exit_code != 0)
        throw std::runtime_error("gzip failed: " + result.err);
    return result.out;
}

// [SECTION] PostgreSQL -----------------------------------------------------

PgCluster& PgCluster::instance()
{
    static PgCluster cluster;
    return cluster;
}

PgCluster::PgCluster()
    : m_root("pg", scratch_root())
    , m_data_dir(m_root.path() + "/data")
    , m_port(free_port())
{
    start_reaper();
    start();
}

void PgCluster::start_reaper()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    // The reaper's standard input is the pipe's read end: `cat` returns when
    // every write end is closed, that is when this process is gone.
    std::string script = "cat >/dev/null; \"$0\" stop \"$1\" >/dev/null 2>&1; rm -rf \"$2\"";
    std::vector<std::string> args = { "/bin/sh", "-c", script, source_dir() + "/scripts/db", m_data_dir, scratch_root() };
    auto argp = c_strings(args);
    pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::setsid();   // a Ctrl-C to the test's process group must not kill the reaper
        sigset_t empty;
        sigemptyset(&empty);
        sigprocmask(SIG_SETMASK, &empty, nullptr);
        ::dup2(fds[0], 0);
        int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::close_range(3, ~0U, 0);
        ::execv(argp[0], argp.data());
        ::_exit(127);
    }
    ::close(fds[0]);
    m_reaper = pid;
    m_reaper_pipe = fds[1];
}

PgCluster::~PgCluster()
{
    try {
        if (m_running)
            stop();
    } catch (...) {
    }
    if (m_reaper_pipe >= 0)
        ::close(m_reaper_pipe);
    if (m_reaper > 0)
        wait_with_timeout(m_reaper, 30s);
}

void PgCluster::start()
{
    auto result = run_process({ source_dir() + "/scripts/db", "start", m_data_dir, std::to_string(m_port) },
        { { "PG_FSYNC", "off" } }, 120s);
    if (result.exit_code != 0)
        throw std::runtime_error("scripts/db start failed (exit " + std::to_string(result.exit_code) + "): "
            + result.err + result.out + read_file(m_data_dir + "/server.log"));
    m_running = true;
}

void PgCluster::stop()
{
    auto result = run_process({ source_dir() + "/scripts/db", "stop", m_data_dir }, {}, 120s);
    if (result.exit_code != 0)
        throw std::runtime_error("scripts/db stop failed: " + result.err);
    m_running = false;
}

std::string PgCluster::superuser_url(const std::string& database) const
{
    return "host=127.0.0.1 port=" + std::to_string(m_port) + " dbname=" + database + " user=postgres";
}

std::string PgCluster::app_url(const std::string& database) const
{
    return superuser_url(database) + " user=learnloop_app";
}

std::string PgCluster::create_database(const std::string& purpose)
{
    std::string clean;
    for (char c : purpose)
        clean += (std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
    auto name = "ll_" + clean.substr(0, 30) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++m_next_database);
    auto result = run_process({ source_dir() + "/scripts/db", "createdb", std::to_string(m_port), name }, {}, 60s);
    if (result.exit_code != 0)
        throw std::runtime_error("scripts/db createdb " + name + " failed: " + result.err);
    return name;
}

ClusterRestartGuard::~ClusterRestartGuard()
{
    try {
        auto& cluster = PgCluster::instance();
        if (!cluster.running())
            cluster.start();
    } catch (...) {
    }
}

// [SECTION] learnloop-server -----------------------------------------------

ServerProcess::ServerProcess(const std::string& database, std::vector<std::string> extra_args)
    : m_dir("server")
{
    auto& cluster = PgCluster::instance();
    m_bundle.app_js_gz = gzip(m_bundle.app_js);
    m_dir.write("web/index.html", m_bundle.index_html);
    m_dir.write("web/app.js", m_bundle.app_js);
    m_dir.write("web/app.js.gz", m_bundle.app_js_gz);
    m_dir.write("web/app.wasm", m_bundle.app_wasm);
    m_dir.write("web/print.js", m_bundle.print_js);
    m_dir.write("web/print.js.br", m_bundle.print_js_br);
    m_dir.write("web/build-id.txt", m_bundle.build_id + "\n");
    m_stdout_path = m_dir.path() + "/stdout.log";
    m_stderr_path = m_dir.path() + "/stderr.log";
    m_port = free_port();

    std::vector<std::string> argv = { server_binary(), "--host", "127.0.0.1", "--port", std::to_string(m_port),
        "--database-url", cluster.superuser_url(database), "--web-root", m_dir.path() + "/web", "--migrations-dir",
        migrations_dir(), "--threads", "8" };
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    // Empty values count as unset: nothing from the developer's shell leaks in.
    // Buying runs through the sandbox payment provider, as in the demo,
    // unless a fixture's server_env turns payments off.
    const char* payments = std::getenv("LEARNLOOP_PAYMENTS");
    std::map<std::string, std::string> env = { { "LEARNLOOP_TEST_ROUTES", "1" },
        { "LEARNLOOP_PAYMENTS", payments && *payments ? payments : "sandbox" }, { "LEARNLOOP_PAYMENTS_WEBHOOK_URL", "" },
        { "APP_DATABASE_URL", "" },
        { "DATABASE_URL", "" }, { "LEARNLOOP_HOST", "" }, { "LEARNLOOP_PORT", "" }, { "LEARNLOOP_WEB_ROOT", "" },
        { "LEARNLOOP_MIGRATIONS_DIR", "" }, { "LEARNLOOP_THREADS", "" } };
    m_pid = spawn(argv, env, m_stdout_path, m_stderr_path);
    if (!wait_until_healthy(20s)) {
        auto err = stderr_text();
        if (running()) {
            ::kill(m_pid, SIGKILL);
            wait_for_exit(5s);
        }
        throw std::runtime_error("learnloop-server did not answer GET /api/health; stderr: " + err);
    }
}

ServerProcess::~ServerProcess()
{
    if (m_pid <= 0 || m_exit)
        return;
    ::kill(m_pid, SIGTERM);
    if (!wait_for_exit(5s).exited) {
        ::kill(m_pid, SIGKILL);
        wait_for_exit(5s);
    }
}

bool ServerProcess::wait_until_healthy(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running())
            return false;
        httplib::Client cli("127.0.0.1", m_port);
        cli.set_connection_timeout(1, 0);
        cli.set_read_timeout(5, 0);
        if (auto res = cli.Get("/api/health"))
            return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

httplib::Client ServerProcess::client(std::chrono::seconds timeout) const
{
    httplib::Client cli("127.0.0.1", m_port);
    cli.set_connection_timeout(5, 0);
    cli.set_read_timeout(timeout.count(), 0);
    cli.set_write_timeout(timeout.count(), 0);
    return cli;
}

void ServerProcess::send_signal(int signal_number)
{
    if (m_pid > 0 && !m_exit)
        ::kill(m_pid, signal_number);
}

ExitStatus ServerProcess::wait_for_exit(std::chrono::milliseconds timeout)
{
    if (m_exit)
        return *m_exit;
    auto status = wait_with_timeout(m_pid, timeout);
    if (!status)
        return {};
    ExitStatus exit;
    exit.exited = true;
    if (WIFEXITED(*status)) {
        exit.code = WEXITSTATUS(*status);
    } else if (WIFSIGNALED(*status)) {
        exit.signal = WTERMSIG(*status);
    }
    m_exit = exit;
    return exit;
}

ExitStatus ServerProcess::terminate(std::chrono::milliseconds timeout)
{
    send_signal(SIGTERM);
    return wait_for_exit(timeout);
}

bool ServerProcess::running()
{
    return !wait_for_exit(0ms).exited;
}

std::vector<std::string> ServerProcess::stdout_lines() const
{
    std::vector<std::string> lines;
    std::istringstream in(read_file(m_stdout_path));
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

std::string ServerProcess::stderr_text() const
{
    return read_file(m_stderr_path);
}

std::vector<nlohmann::json> ServerProcess::log_entries() const
{
    std::vector<nlohmann::json> entries;
    for (const auto& line : stdout_lines()) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (!json.is_discarded() && json.is_object())
            entries.push_back(std::move(json));
    }
    return entries;
}

std::optional<nlohmann::json> ServerProcess::wait_for_log(const std::function<bool(const nlohmann::json&)>& predicate,
    std::chrono::milliseconds timeout) const
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        for (const auto& entry : log_entries()) {
            if (predicate(entry))
                return entry;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(10ms);
    }
}

// [SECTION] raw HTTP -------------------------------------------------------

std::string RawResponse::header(const std::string& name) const
{
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    auto it = headers.find(key);
    return it == headers.end() ? std::string() : it->second;
}

RawResponse raw_request(int port, const std::string& request_text, std::chrono::milliseconds timeout)
{
    RawResponse response;
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw std::runtime_error("socket failed");
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
    std::size_t sent = 0;
    while (sent < request_text.size()) {
        auto n = ::send(fd, request_text.data() + sent, request_text.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;   // the server may answer and close before reading everything
        }
        sent += static_cast<std::size_t>(n);
    }

    // Done when the server closes, or when a complete response is in: its
    // headers plus Content-Length bytes (none for HEAD, 1xx, 204 and 304).
    bool head_request = request_text.rfind("HEAD ", 0) == 0;
    auto complete = [head_request](const std::string& data) {
        auto end = data.find("\r\n\r\n");
        if (end == std::string::npos)
            return false;
        auto head = data.substr(0, end + 2);
        std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
        auto space = head.find(' ');
        int status = space == std::string::npos ? 0 : std::atoi(head.c_str() + space + 1);
        if (head_request || status / 100 == 1 || status == 204 || status == 304)
            return true;
        auto length_at = head.find("\r\ncontent-length:");
        if (length_at == std::string::npos)
            return false;
        auto length = std::strtoull(head.c_str() + length_at + 17, nullptr, 10);
        return data.size() >= end + 4 + length;
    };
    std::string data;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[65536];
    while (!complete(data)) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd pfd { fd, POLLIN, 0 };
        int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            break;
        auto n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);

    auto head_end = data.find("\r\n\r\n");
    if (data.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos)
        return response;
    response.received = true;
    std::istringstream head(data.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    auto space = line.find(' ');
    response.status = std::atoi(line.c_str() + (space == std::string::npos ? 0 : space + 1));
    while (std::getline(head, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        auto name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        auto& slot = response.headers[name];
        slot = slot.empty() ? value : slot + ", " + value;
    }
    response.body = data.substr(head_end + 4);
    auto length = response.header("Content-Length");
    if (!length.empty())
        response.body = response.body.substr(0, std::min<std::size_t>(response.body.size(), std::stoull(length)));
    return response;
}

RawResponse raw_get(int port, const std::string& target, const std::vector<std::string>& headers)
{
    std::string text = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
    for (const auto& header : headers)
        text += header + "\r\n";
    text += "\r\n";
    return raw_request(port, text);
}

} // namespace learnloop::test
