// Plain server-made HTML pages for people who are not in the app: the
// sandbox provider's checkout, a certificate's public verification page.
// Each has a stylesheet of its own (the production Content-Security-Policy
// allows no inline style) and works without JavaScript.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

#include <string>
#include <string_view>

namespace learnloop::server {

// Text safe inside HTML elements and quoted attributes.
[[nodiscard]] std::string html_escaped(std::string_view text);

// A page: `title` (escaped), the stylesheet at `stylesheet`, and `body` (HTML
// as given) inside <main>; never cached.
[[nodiscard]] ApiResponse html_page(int status, const std::string& title, const std::string& stylesheet,
    const std::string& body);

// 303 See Other to `url` (after a form's POST).
[[nodiscard]] ApiResponse redirect_to(const std::string& url);

// A stylesheet's response, cached for an hour.
[[nodiscard]] ApiResponse stylesheet_response(std::string_view css);

// A route for a public page (no sign-in): its method, path, handler,
// summary, success status and content type.
[[nodiscard]] Route public_page_route(Method method, std::string path, PublicHandler handler, std::string summary,
    int status, std::string content_type);

} // namespace learnloop::server
