// Tests for client-wasm/ui/route.*: the screens' addresses, read and written.
#include "ui/route.hpp"

#include <catch2/catch.hpp>

using learnloop::client::ui::format_route;
using learnloop::client::ui::parse_route;
using learnloop::client::ui::Route;
using learnloop::client::ui::route_path;

namespace {

Route route(std::string page, std::string tab = {}, std::int64_t id = 0, std::string detail = {},
    std::int64_t detail_id = 0)
{
    return { std::move(page), std::move(tab), id, std::move(detail), detail_id, {} };
}

} // namespace

TEST_CASE("every part of a route is read, and written back the same")
{
    const char* fragments[] = {
        "#/", "#/signin", "#/signup", "#/teacher", "#/teacher/assignments", "#/teacher/assignments/12/submissions",
        "#/teacher/mastery/3/students/7", "#/student/practice", "#/parent/children/5", "#/admin/users",
        "#/signin?next=/teacher/classes/3",
    };
    for (const char* fragment : fragments) {
        INFO(fragment);
        auto parsed = parse_route(fragment);
        REQUIRE(parsed);
        CHECK(format_route(*parsed) == fragment);
    }
    auto deep = parse_route("#/teacher/mastery/3/students/7");
    REQUIRE(deep);
    CHECK(*deep == route("teacher", "mastery", 3, "students", 7));
}

TEST_CASE("the home route is an empty page, with or without its hash")
{
    for (const char* fragment : { "", "#", "#/", "/" }) {
        INFO(fragment);
        auto parsed = parse_route(fragment);
        REQUIRE(parsed);
        CHECK(*parsed == Route {});
    }
    CHECK(format_route(Route {}) == "#/");
}

TEST_CASE("a hand-typed link is read in any case and with a trailing slash")
{
    auto parsed = parse_route("#/Teacher/Assignments/12/");
    REQUIRE(parsed);
    CHECK(*parsed == route("teacher", "assignments", 12));
    CHECK(format_route(*parsed) == "#/teacher/assignments/12");
    CHECK(parse_route("teacher/classes") == std::nullopt);   // a route starts with a slash
}

TEST_CASE("what is not a route is refused")
{
    const char* fragments[] = {
        "#main",                              // an anchor, not a route
        "#/teacher/assignments/abc",          // an id must be a number
        "#/teacher/assignments/0",            // ... positive
        "#/teacher/assignments/-4",
        "#/teacher/assignments/012",          // ... spelt one way
        "#/teacher/assignments/99999999999999999999",   // ... and fit in 63 bits
        "#/teacher/12",                       // a tab is a name
        "#/teacher/assignments/12/34",        // so is a detail
        "#/teacher//assignments",             // an empty part
        "#/teacher/mastery/3/students/7/x",   // too many parts
        "#/signin/extra",                     // sign-in has no tabs
        "#/t\xC3\xA9" "acher",                // names are ASCII
        "#/teacher/assign ments",
        "#/teacher/<script>",
    };
    for (const char* fragment : fragments) {
        INFO(fragment);
        CHECK(parse_route(fragment) == std::nullopt);
    }
    CHECK(parse_route("#/teacher/assignments/9223372036854775807")->id == INT64_MAX);
}

TEST_CASE("sign-in carries where to go next, if that is a portal's screen")
{
    auto parsed = parse_route("#/signin?next=/parent/children/5");
    REQUIRE(parsed);
    CHECK(parsed->page == "signin");
    CHECK(parsed->next == "/parent/children/5");
    auto next = parse_route(parsed->next);
    REQUIRE(next);
    CHECK(*next == route("parent", "children", 5));

    // Another program may have encoded the slashes; it is written back plainly.
    auto encoded = parse_route("#/signin?next=%2Fteacher%2Fassignments%2F12%2Fsubmissions");
    REQUIRE(encoded);
    CHECK(format_route(*encoded) == "#/signin?next=/teacher/assignments/12/submissions");

    // A "next" that is not a portal's screen, or that is broken, is left out;
    // the sign-in page still opens.
    for (const char* fragment : { "#/signin?next=/signup", "#/signin?next=https://evil.example/", "#/signin?next=%2",
             "#/signin?next=/teacher/x/y", "#/signin?next=", "#/signin?utm_source=mail" }) {
        INFO(fragment);
        auto page = parse_route(fragment);
        REQUIRE(page);
        CHECK(*page == route("signin"));
    }
    // Only sign-in has a "next".
    auto elsewhere = parse_route("#/teacher/classes?next=/admin/users");
    REQUIRE(elsewhere);
    CHECK(format_route(*elsewhere) == "#/teacher/classes");
}

TEST_CASE("parts after an empty one are not written")
{
    CHECK(route_path(route("teacher", "", 12)) == "/teacher");
    CHECK(route_path(route("teacher", "mastery", 0, "students", 7)) == "/teacher/mastery");
    CHECK(route_path(route("teacher", "mastery", 3, "", 7)) == "/teacher/mastery/3");
    Route sign_up = route("signup");
    sign_up.next = "/teacher/classes";   // only sign-in carries it
    CHECK(format_route(sign_up) == "#/signup");
}
