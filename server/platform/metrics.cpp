// Prometheus text exposition of the server's counters.
#include "platform/metrics.hpp"

#include <cstdio>

namespace learnloop::server {

namespace {

void observe(std::array<std::uint64_t, k_latency_buckets.size()>& buckets, std::uint64_t& count, double& sum,
    double seconds)
{
    ++count;
    sum += seconds;
    for (std::size_t i = 0; i < k_latency_buckets.size(); ++i) {
        if (seconds <= k_latency_buckets[i]) {
            ++buckets[i];
            break;
        }
    }
}

// Label values are escaped as the text format asks (backslash, quote, newline).
std::string label(std::string_view value)
{
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.9g", value);
    return text;
}

} // namespace

Metrics& metrics()
{
    static Metrics registry;
    return registry;
}

void Metrics::record_request(std::string_view method, std::string_view route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    auto count = m_requests.find(std::make_tuple(route, method, status));
    if (count == m_requests.end())
        count = m_requests.emplace(std::make_tuple(std::string(route), std::string(method), status), 0).first;
    ++count->second;
    auto series = m_latency.find(std::make_tuple(route, method));
    if (series == m_latency.end())
        series = m_latency.emplace(std::make_tuple(std::string(route), std::string(method)), Series {}).first;
    observe(series->second.buckets, series->second.count, series->second.sum, seconds);
}

void Metrics::count(Event event)
{
    ++m_events[static_cast<std::size_t>(event)];
}

void Metrics::observe_pool_wait(double seconds)
{
    count(Event::PoolWait);
    std::lock_guard lock(m_mutex);
    observe(m_pool_wait.buckets, m_pool_wait.count, m_pool_wait.sum, seconds);
}

std::string Metrics::render(const Gauges& gauges, std::string_view version) const
{
    std::string out;
    auto header = [&](const char* name, const char* type, const char* help) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    };
    auto histogram = [&](const std::string& name, const std::string& labels, const Series& series) {
        std::uint64_t cumulative = 0;
        std::string prefix = labels.empty() ? "" : labels + ",";
        for (std::size_t i = 0; i < k_latency_buckets.size(); ++i) {
            cumulative += series.buckets[i];
            out += name + "_bucket{" + prefix + "le=\"" + number(k_latency_buckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + std::to_string(series.count) + "\n";
        std::string braces = labels.empty() ? "" : "{" + labels + "}";
        out += name + "_sum" + braces + " " + number(series.sum) + "\n";
        out += name + "_count" + braces + " " + std::to_string(series.count) + "\n";
    };

    header("learnloop_build_info", "gauge", "The running build (always 1).");
    out += "learnloop_build_info{version=\"" + label(version) + "\"} 1\n";

    {
        std::lock_guard lock(m_mutex);
        header("learnloop_http_requests_total", "counter",
            "Answered requests by route, method and status (sign-in throttles: route=\"/api/login\",status=\"429\").");
        for (const auto& [key, count] : m_requests) {
            const auto& [route, method, status] = key;
            out += "learnloop_http_requests_total{route=\"" + label(route) + "\",method=\"" + label(method)
                + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
        }
        header("learnloop_http_request_duration_seconds", "histogram",
            "Time from a complete request to its answer, by route and method.");
        for (const auto& [key, series] : m_latency) {
            const auto& [route, method] = key;
            histogram("learnloop_http_request_duration_seconds",
                "route=\"" + label(route) + "\",method=\"" + label(method) + "\"", series);
        }
        header("learnloop_db_pool_wait_seconds", "histogram", "Time requests waited for a database connection.");
        histogram("learnloop_db_pool_wait_seconds", "", m_pool_wait);
    }

    auto event = [&](Event e) { return std::to_string(m_events[static_cast<std::size_t>(e)].load()); };
    header("learnloop_db_unavailable_total", "counter", "Requests answered 503 because the database was unreachable.");
    out += "learnloop_db_unavailable_total " + event(Event::DatabaseUnavailable) + "\n";
    header("learnloop_db_commit_in_doubt_total", "counter", "Writes whose COMMIT lost its connection (answered 503).");
    out += "learnloop_db_commit_in_doubt_total " + event(Event::CommitInDoubt) + "\n";
    header("learnloop_grade_disagreements_total", "counter", "Answers the browser graded differently from the server.");
    out += "learnloop_grade_disagreements_total " + event(Event::GradeDisagreement) + "\n";

    header("learnloop_db_pool_connections", "gauge", "Database connections the pool may open.");
    out += "learnloop_db_pool_connections " + std::to_string(gauges.pool_size) + "\n";
    header("learnloop_db_pool_waiting", "gauge", "Requests waiting for a database connection now.");
    out += "learnloop_db_pool_waiting " + std::to_string(gauges.pool_waiting) + "\n";
    header("learnloop_open_connections", "gauge", "Client connections open now.");
    out += "learnloop_open_connections " + std::to_string(gauges.open_connections) + "\n";
    header("learnloop_gate_refused_total", "counter",
        "Requests the connection gate answered itself (400/408/411/413/414/431, busy 503).");
    out += "learnloop_gate_refused_total " + std::to_string(gauges.gate_refused) + "\n";
    header("learnloop_gate_timed_out_total", "counter", "Requests that did not arrive in time (408).");
    out += "learnloop_gate_timed_out_total " + std::to_string(gauges.gate_timed_out) + "\n";
    header("learnloop_gate_evicted_total", "counter", "Idle connections closed to make room for new ones.");
    out += "learnloop_gate_evicted_total " + std::to_string(gauges.gate_evicted) + "\n";
    return out;
}

} // namespace learnloop::server
