// Browser implementation of http_send over emscripten_fetch (asynchronous mode).
#include "platform/http_client.hpp"

#include "platform/frames.hpp"

#include "ui/fonts.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>

namespace learnloop::client {

namespace {

struct Pending {
    std::function<void(HttpResponse)> on_done;
    HttpRequest::Reply reply = HttpRequest::Reply::Text;
};

void finish(emscripten_fetch_t* fetch)
{
    std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    emscripten_fetch_close(fetch);
    // Every text reply, before anyone draws it: names in any script start
    // their glyphs loading here (ui/fonts.hpp).
    if (pending->reply == HttpRequest::Reply::Text)
        ui::fonts::note_text(response.body);
    pending->on_done(std::move(response));
    request_frames();   // what arrived is drawn now, not at the idle pace
}

} // namespace

void http_send(const HttpRequest& request, std::function<void(HttpResponse)> on_done)
{
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
    // REPLACE skips emscripten's IndexedDB cache lookup, which would defer
    // the request past this call (and read the body after it is gone).
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.onsuccess = finish;
    attr.onerror = finish;
    // A request with no reply in time ends as a network failure (status 0),
    // so nothing waits on it forever (the practice sync sends one at a time).
    attr.timeoutMSecs = request.timeout_ms;
    attr.userData = new Pending { std::move(on_done), request.reply };

    // emscripten_fetch reads headers and body before it returns, so they only
    // need to live for this call.
    std::vector<const char*> headers;
    for (const auto& [name, value] : request.headers) {
        headers.push_back(name.c_str());
        headers.push_back(value.c_str());
    }
    headers.push_back(nullptr);
    attr.requestHeaders = headers.data();
    if (!request.body.empty()) {
        attr.requestData = request.body.data();
        attr.requestDataSize = request.body.size();
    }
    emscripten_fetch(&attr, request.url.c_str());
}

} // namespace learnloop::client
