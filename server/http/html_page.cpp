// Server-made HTML pages (html_page.hpp).
#include "http/html_page.hpp"

namespace learnloop::server {

std::string html_escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

ApiResponse html_page(int status, const std::string& title, const std::string& stylesheet, const std::string& body)
{
    ApiResponse response;
    response.status = status;
    response.raw = std::make_pair(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" + html_escaped(title) + "</title>"
        "<link rel=\"stylesheet\" href=\"" + html_escaped(stylesheet) + "\"></head>\n<body><main>"
        + body + "</main></body></html>\n",
        "text/html; charset=utf-8");
    response.headers.push_back({ "Cache-Control", "no-store" });
    return response;
}

ApiResponse redirect_to(const std::string& url)
{
    ApiResponse response;
    response.status = 303;
    response.headers.push_back({ "Location", url });
    response.raw = std::make_pair(std::string(), "text/plain");
    return response;
}

ApiResponse stylesheet_response(std::string_view css)
{
    ApiResponse response;
    response.raw = std::make_pair(std::string(css), "text/css; charset=utf-8");
    response.headers.push_back({ "Cache-Control", "public, max-age=3600" });
    return response;
}

Route public_page_route(Method method, std::string path, PublicHandler handler, std::string summary, int status,
    std::string content_type)
{
    Route route;
    route.method = method;
    route.path = std::move(path);
    route.open = std::move(handler);
    route.summary = std::move(summary);
    route.status = status;
    route.content_type = std::move(content_type);
    return route;
}

} // namespace learnloop::server
