// Calls to the Learnloop API from the portals: JSON in and out, the session's
// bearer token, progress counting, and answers from an earlier session dropped.
#pragma once

#include "app.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace learnloop::client {

struct ApiAnswer {
    int status = 0;               // 0: the network failed
    Json body;                    // null when the answer was not JSON
    std::string text;             // the answer as sent, when it was not JSON (a CSV export)
    bool ok() const { return status >= 200 && status < 300; }
    // Worth sending again later: the network failed, the server failed, or
    // it asked to be left alone a while (429). Anything else is the answer.
    bool transient() const { return status == 0 || status >= 500 || status == 429; }
    // The message to show for a failed call.
    std::string error_text() const;
};

// Sends a request as the signed-in user. A 401 ends the session and returns
// to the sign-in screen with a notice.
void api_call(AppState& state, const std::string& method, const std::string& path, const Json& body,
    std::function<void(AppState&, const ApiAnswer&)> on_done);

// The same, for a request the server must carry out once however often it
// arrives (a refund): `key` names it (the Idempotency-Key header); send the
// same key again for the same request, a new one for another.
void api_call_once(AppState& state, const std::string& method, const std::string& path, const Json& body,
    const std::string& key, std::function<void(AppState&, const ApiAnswer&)> on_done);

// Posts JSON without a session (sign-in, sign-up); the answer comes back
// decoded, and the request is recorded like every other.
void api_post_anonymous(AppState& state, const std::string& path, const Json& body,
    std::function<void(AppState&, const ApiAnswer&)> on_done);

// Gets `path` without a session (the sign-up screen's policy).
void api_get_anonymous(AppState& state, const std::string& path,
    std::function<void(AppState&, const ApiAnswer&)> on_done);

// Fetches `path` (an export) as the signed-in user and, when it arrives,
// offers it as a download named `filename`; `on_done` then learns how it went.
void api_download(AppState& state, const std::string& path, const std::string& filename,
    std::function<void(AppState&, const ApiAnswer&)> on_done);

// Sends `bytes` as the body of a POST to `path` (a file being attached),
// as application/octet-stream, as the signed-in user.
void api_upload(AppState& state, const std::string& path, std::string bytes,
    std::function<void(AppState&, const ApiAnswer&)> on_done);

// Loads `path` into `remote` (phase, data, error).
void api_load(AppState& state, Remote& remote, const std::string& path);

// The same, without a session: what anyone may read (a marketplace's
// catalog for visitors, /api/public/...).
void api_load_public(AppState& state, Remote& remote, const std::string& path);

// A form action's outcome from the server's answer: `success` when it
// succeeded, the server's message when it did not.
[[nodiscard]] Outcome outcome_of(const ApiAnswer& answer, const std::string& success);

// `text` for a URL's query string: letters and digits as they are, every
// other byte percent-encoded.
[[nodiscard]] std::string query_escape(std::string_view text);

} // namespace learnloop::client
