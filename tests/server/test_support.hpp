// Real components for the server tests: a private PostgreSQL 15 cluster per
// test binary, the real learnloop-server as a child process, child programs
// with captured output, and a raw HTTP/1.1 client for byte-exact requests.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace learnloop::test {

using namespace std::chrono_literals;

// Paths the CMake target passes in.
std::string source_dir();
std::string migrations_dir();
std::string server_binary();
std::string cli_binary();

// A fresh folder (mkdtemp, mode 755 so the postgres user can traverse it when
// the tests run as root), removed with everything in it. By default it lives
// in scratch_root(), so nothing is left behind even if the binary is killed.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "tmp", const std::string& parent = {});
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return m_path; }
    // Writes `content` to path()/relative (creating folders) and returns the full path.
    std::string write(const std::string& relative, const std::string& content) const;

private:
    std::string m_path;
};

// This test binary's own folder under /tmp, created on first use; removed at
// exit, or by the cluster's reaper when the binary dies.
const std::string& scratch_root();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// A loopback TCP port that was free a moment ago (bound to port 0, then released).
int free_port();

// Runs a program to completion with extra environment variables; stdout and
// stderr are captured separately. A program still running after `timeout` is
// killed (exit_code -1).
struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
    std::chrono::milliseconds timeout = 60s);

// Runs the `learnloop` CLI against `database_url` (passed as DATABASE_URL).
// SQL on its own connection to `url`, outside any transaction (as the
// superuser's URL gives it, without row-level security); the first column
// of the first row as a number.
pqxx::result query(const std::string& url, const std::string& sql);
std::int64_t query_int(const std::string& url, const std::string& sql);

ProcessResult run_cli(const std::vector<std::string>& args, const std::string& database_url,
    const std::map<std::string, std::string>& env = {});

// The test binary's private PostgreSQL 15 cluster, started by scripts/db on the
// first call to instance() and stopped (its folder removed) at exit.
class PgCluster {
public:
    static PgCluster& instance();
    ~PgCluster();

    int port() const { return m_port; }
    // host=127.0.0.1 port=P dbname=D user=postgres
    std::string superuser_url(const std::string& database = "postgres") const;
    // The same connection string plus " user=learnloop_app" (a later keyword wins).
    std::string app_url(const std::string& database) const;
    // Creates a database with a name no other test uses and returns the name.
    std::string create_database(const std::string& purpose = "t");

    // Cycle the whole cluster (every test's databases go down together).
    void stop();
    void start();
    bool running() const { return m_running; }

private:
    PgCluster();
    void start_reaper();

    TempDir m_root;
    std::string m_data_dir;
    int m_port = 0;
    int m_next_database = 0;
    bool m_running = false;
    // A child that stops the cluster and removes its folder when this process
    // ends in any way (even killed): it waits for the end of a pipe we hold.
    pid_t m_reaper = -1;
    int m_reaper_pipe = -1;
};

// Makes sure the shared cluster is running again when a test that stopped it ends,
// even when an assertion failed in between.
class ClusterRestartGuard {
public:
    ~ClusterRestartGuard();
};

// The real learnloop-server binary as a child process, on a free port, with
// LEARNLOOP_TEST_ROUTES=1 and a small web bundle written by the helper.
struct WebBundle {
    std::string index_html = "<!doctype html><html><head><title>Learnloop test</title></head>"
                             "<body><script src=\"app.js\"></script></body></html>\n";
    std::string app_js = "console.log('learnloop test bundle');\n";
    std::string app_js_gz;   // filled by the helper: `gzip -9 -n` of app_js
    std::string app_wasm = std::string("\0asm\x01\0\0\0", 8);
    // A script with a brotli variant (the bytes stand in for one: the server
    // sends them as they are) and no gzip one.
    std::string print_js = "window.printDocument = () => {};\n";
    std::string print_js_br = "brotli bytes of print.js";
    std::string build_id = "0123456789ab";   // written as build-id.txt
};

struct ExitStatus {
    bool exited = false;   // false: still running when the wait timed out
    int code = -1;         // exit code when it exited normally
    int signal = 0;        // terminating signal, 0 when it exited normally
};

class ServerProcess {
public:
    // Starts the server against `database` of the shared cluster (the server
    // migrates it at start as the superuser and serves as learnloop_app), and
    // waits until GET /api/health answers.
    explicit ServerProcess(const std::string& database, std::vector<std::string> extra_args = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    const WebBundle& bundle() const { return m_bundle; }
    httplib::Client client(std::chrono::seconds timeout = 10s) const;

    void send_signal(int signal_number);
    // Waits for the process to end; returns exited=false on timeout.
    ExitStatus wait_for_exit(std::chrono::milliseconds timeout);
    // SIGTERM, then wait.
    ExitStatus terminate(std::chrono::milliseconds timeout = 10s);
    bool running();

    // Captured standard output, one entry per line.
    std::vector<std::string> stdout_lines() const;
    std::string stderr_text() const;
    // Every stdout line that is a JSON object.
    std::vector<nlohmann::json> log_entries() const;
    // Waits until a log entry satisfies `predicate`; returns it.
    std::optional<nlohmann::json> wait_for_log(const std::function<bool(const nlohmann::json&)>& predicate,
        std::chrono::milliseconds timeout = 5s) const;

private:
    bool wait_until_healthy(std::chrono::milliseconds timeout);

    TempDir m_dir;
    WebBundle m_bundle;
    std::string m_stdout_path;
    std::string m_stderr_path;
    int m_port = 0;
    pid_t m_pid = -1;
    std::optional<ExitStatus> m_exit;
};

// A raw HTTP/1.1 exchange over one connection, for requests httplib::Client
// would rewrite (encodings, unnormalised paths, hostile bytes). The request
// text is sent as is; the response is read until the server closes.
struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;   // names lower-cased
    std::string body;
    bool received = false;   // false: the connection closed without a status line

    std::string header(const std::string& name) const;
};
RawResponse raw_request(int port, const std::string& request_text, std::chrono::milliseconds timeout = 10s);
// GET `target` with the given extra header lines ("Name: value").
RawResponse raw_get(int port, const std::string& target, const std::vector<std::string>& headers = {});

// gzip of `data`, made by the gzip program (-9 -n).
std::string gzip(const std::string& data);

} // namespace learnloop::test
