// Asynchronous HTTP for the portals. Requests never block a frame: the callback
// runs later, on the main thread, and should only store its result in state.
// Implemented per platform (http_client_web.cpp for the browser).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

struct HttpRequest {
    std::string method = "GET";
    std::string url;          // same-origin path, e.g. "/api/health"
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // A text reply may be drawn, so its characters are passed to the fonts
    // (ui/fonts.hpp) as it arrives; a binary one (a font file) is not.
    enum class Reply { Text, Binary };
    Reply reply = Reply::Text;
    // With no reply in this long the request ends as a network failure
    // (status 0), so nothing waits on it for ever; an upload is given more.
    unsigned timeout_ms = 30000;
};

struct HttpResponse {
    int status = 0;           // 0 when the network failed before any answer
    std::string body;
    bool network_error() const { return status == 0; }
};

void http_send(const HttpRequest& request, std::function<void(HttpResponse)> on_done);

} // namespace learnloop::client
