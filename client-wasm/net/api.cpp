// API calls for the portals (see api.hpp).
#include "net/api.hpp"

#include "platform/files.hpp"
#include "platform/http_client.hpp"

#include <cctype>
#include <cstdio>

namespace learnloop::client {

std::string ApiAnswer::error_text() const
{
    if (status == 0)
        return "The server could not be reached. Check your connection and try again.";
    auto decoded = decode_error_body(body);
    if (decoded.ok())
        return decoded.value().details.empty() ? decoded.value().error : decoded.value().details;
    return "The server answered with status " + std::to_string(status) + ".";
}

namespace {

// Sends `request` as the signed-in user; a reply from an earlier session is dropped, a 401 ends this one.
void send_authed(AppState& state, HttpRequest request, std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    const auto method = request.method, path = request.url;
    // A file asked for is kept as sent, even when it happens to read as JSON.
    const bool file = request.reply == HttpRequest::Reply::Binary;
    request.headers.emplace_back("Authorization", "Bearer " + state.session.token);
    int generation = state.session.generation;
    ++state.requests_in_flight;
    http_send(request, [&state, method, path, generation, file, on_done = std::move(on_done)](HttpResponse response) {
        --state.requests_in_flight;
        state.last_network = { method, path, response.status };
        if (generation != state.session.generation)
            return;   // the user signed out (or in again) meanwhile
        ApiAnswer answer;
        answer.status = response.status;
        if (file && answer.ok())
            answer.text = std::move(response.body);
        else if (auto json = parse_json(response.body); json.ok())
            answer.body = std::move(json.value());
        else
            answer.text = std::move(response.body);
        if (answer.status == 401) {
            end_session(state);
            state.notice = "Your session has ended. Please sign in again.";
            return;
        }
        on_done(state, answer);
    });
}

} // namespace

namespace {

HttpRequest json_request(const std::string& method, const std::string& path, const Json& body)
{
    HttpRequest request;
    request.method = method;
    request.url = path;
    if (!body.is_null()) {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return request;
}

} // namespace

void api_call(AppState& state, const std::string& method, const std::string& path, const Json& body,
    std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    send_authed(state, json_request(method, path, body), std::move(on_done));
}

void api_call_once(AppState& state, const std::string& method, const std::string& path, const Json& body,
    const std::string& key, std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    auto request = json_request(method, path, body);
    request.headers.emplace_back("Idempotency-Key", key);
    send_authed(state, std::move(request), std::move(on_done));
}

void api_download(AppState& state, const std::string& path, const std::string& filename,
    std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    // A file is not drawn: its bytes are not read for the characters the fonts need.
    HttpRequest request;
    request.url = path;
    request.reply = HttpRequest::Reply::Binary;
    send_authed(state, std::move(request), [filename, on_done = std::move(on_done)](AppState& state, const ApiAnswer& answer) {
        // The file's type from its name: a PDF, a spreadsheet's CSV, else bytes.
        auto ends_with = [&](const char* end) {
            const std::string_view e(end);
            return filename.size() > e.size() && filename.compare(filename.size() - e.size(), e.size(), e) == 0;
        };
        if (answer.ok())
            save_file(filename, answer.text,
                ends_with(".pdf") ? "application/pdf" : ends_with(".csv") ? "text/csv" : "application/octet-stream");
        on_done(state, answer);
    });
}

void api_upload(AppState& state, const std::string& path, std::string bytes,
    std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    HttpRequest request;
    request.method = "POST";
    request.url = path;
    request.headers.emplace_back("Content-Type", "application/octet-stream");
    // A phone on a slow link sends 8 MB in minutes: 30 s, and a second more
    // for every 16 KB (the pace the server's gate waits for too).
    request.timeout_ms = 30000 + static_cast<unsigned>(bytes.size() / 16);
    request.body = std::move(bytes);
    send_authed(state, std::move(request), std::move(on_done));
}

namespace {

void send_anonymous(AppState& state, HttpRequest request, std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    auto method = request.method, path = request.url;
    http_send(request, [&state, method, path, on_done = std::move(on_done)](HttpResponse response) {
        state.last_network = { method, path, response.status };
        ApiAnswer answer;
        answer.status = response.status;
        auto json = parse_json(response.body);
        if (json.ok())
            answer.body = std::move(json.value());
        on_done(state, answer);
    });
}

} // namespace

void api_post_anonymous(AppState& state, const std::string& path, const Json& body,
    std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    send_anonymous(state,
        { "POST", path, body.dump(-1, ' ', false, Json::error_handler_t::replace),
            { { "Content-Type", "application/json" } } },
        std::move(on_done));
}

void api_get_anonymous(AppState& state, const std::string& path,
    std::function<void(AppState&, const ApiAnswer&)> on_done)
{
    send_anonymous(state, { "GET", path, {}, {} }, std::move(on_done));
}

namespace {

// `remote` as loading, and what fills it with the answer to this load.
std::function<void(AppState&, const ApiAnswer&)> begin_load(Remote& remote)
{
    remote.phase = Phase::Loading;
    remote.error.clear();
    // Only the latest load counts: switching child, class or page while an
    // earlier load is on its way must not show the earlier answer.
    auto request = ++remote.request;
    return [&remote, request](AppState&, const ApiAnswer& answer) {
        if (request != remote.request)
            return;
        if (answer.ok()) {
            remote.data = answer.body;
            remote.phase = Phase::Done;
        } else {
            remote.phase = Phase::Failed;
            remote.error = answer.error_text();
        }
    };
}

} // namespace

void api_load(AppState& state, Remote& remote, const std::string& path)
{
    api_call(state, "GET", path, nullptr, begin_load(remote));
}

void api_load_public(AppState& state, Remote& remote, const std::string& path)
{
    api_get_anonymous(state, path, begin_load(remote));
}

Outcome outcome_of(const ApiAnswer& answer, const std::string& success)
{
    return answer.ok() ? Outcome { Phase::Done, success, false } : Outcome { Phase::Failed, answer.error_text(), true };
}

std::string query_escape(std::string_view text)
{
    std::string escaped;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            escaped += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
            escaped += hex;
        }
    }
    return escaped;
}

} // namespace learnloop::client
