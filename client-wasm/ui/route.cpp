// Routes: parsing and writing a screen's address (see route.hpp).
#include "ui/route.hpp"

#include "core/validation.hpp"

#include <vector>

namespace learnloop::client::ui {

namespace {

constexpr std::size_t k_max_segments = 5;   // page, tab, id, detail, detail id

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A page, tab or detail: ASCII letters, digits and '-', starting with a
// letter, read in lower case.
std::optional<std::string> parse_name(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    std::string name;
    for (char c : text) {
        c = lower(c);
        bool letter = c >= 'a' && c <= 'z';
        bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit || c == '-'))
            return std::nullopt;
        if (name.empty() && !letter)
            return std::nullopt;
        name += c;
    }
    return name;
}

// A positive decimal id that fits in 63 bits, without a sign or leading zeros
// (so each id has one spelling).
std::optional<std::int64_t> parse_id(std::string_view text)
{
    if (text.empty() || text.front() == '0')
        return std::nullopt;
    constexpr std::int64_t max = INT64_MAX;
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        int digit = c - '0';
        if (value > (max - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

int hex_value(char c)
{
    c = lower(c);
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// "%2Fteacher" -> "/teacher": a link made by another program may encode the
// slashes of its "next". A broken escape leaves nothing.
std::optional<std::string> percent_decode(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

bool is_portal(const Route& route)
{
    return !route.page.empty() && route.page != "signin" && route.page != "signup";
}

// The path of a route ("/teacher/classes/3"), without its query.
std::optional<Route> parse_path(std::string_view path)
{
    Route route;
    if (path.empty() || path == "/")
        return route;
    if (path.front() != '/')
        return std::nullopt;
    path.remove_prefix(1);
    if (path.back() == '/')
        path.remove_suffix(1);   // "#/teacher/classes/" as typed
    auto segments = split(path, '/');
    if (segments.size() > k_max_segments)
        return std::nullopt;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto segment = segments[i];
        if (i == 2 || i == 4) {
            auto id = parse_id(segment);
            if (!id)
                return std::nullopt;
            (i == 2 ? route.id : route.detail_id) = *id;
            continue;
        }
        auto name = parse_name(segment);
        if (!name)
            return std::nullopt;
        (i == 0 ? route.page : i == 1 ? route.tab : route.detail) = std::move(*name);
    }
    // The sign-in and sign-up pages have no tabs or items.
    if (!is_portal(route) && segments.size() > 1)
        return std::nullopt;
    return route;
}

} // namespace

std::optional<Route> parse_route(std::string_view fragment)
{
    if (!fragment.empty() && fragment.front() == '#')
        fragment.remove_prefix(1);
    auto query_at = fragment.find('?');
    auto route = parse_path(fragment.substr(0, query_at));
    if (!route || query_at == std::string_view::npos)
        return route;
    // Parameters other than "next", or a "next" that is not a portal's own
    // path, are left out: the page itself still opens.
    for (auto parameter : split(fragment.substr(query_at + 1), '&')) {
        if (route->page != "signin" || parameter.substr(0, 5) != "next=")
            continue;
        auto decoded = percent_decode(parameter.substr(5));
        auto next = decoded ? parse_path(*decoded) : std::nullopt;
        if (next && is_portal(*next))
            route->next = route_path(*next);
    }
    return route;
}

std::string route_path(const Route& route)
{
    std::string path = "/";
    if (route.page.empty())
        return path;
    path += route.page;
    if (route.tab.empty())
        return path;
    path += "/" + route.tab;
    if (route.id <= 0)
        return path;
    path += "/" + std::to_string(route.id);
    if (route.detail.empty())
        return path;
    path += "/" + route.detail;
    if (route.detail_id > 0)
        path += "/" + std::to_string(route.detail_id);
    return path;
}

std::string format_route(const Route& route)
{
    std::string fragment = "#" + route_path(route);
    if (route.page == "signin" && !route.next.empty())
        fragment += "?next=" + route.next;
    return fragment;
}

} // namespace learnloop::client::ui
