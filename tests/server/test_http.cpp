// The HTTP layer of the real learnloop-server binary: error bodies, limits,
// hostile input, static files, request logs and graceful shutdown.
#include "db/migrations.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <future>
#include <set>
#include <thread>

using namespace learnloop::test;
using Json = nlohmann::json;

namespace {

Json parse(const std::string& body)
{
    auto json = Json::parse(body, nullptr, false);
    INFO("body: " << body.substr(0, 300));
    REQUIRE_FALSE(json.is_discarded());
    return json;
}

// The one error shape: {"error": "...", "details": "..."}.
Json check_error_body(const std::string& content_type, const std::string& body, const std::string& error)
{
    CHECK(content_type == "application/json");
    auto json = parse(body);
    REQUIRE(json.is_object());
    CHECK(json["error"] == error);
    REQUIRE(json.contains("details"));
    CHECK(json["details"].is_string());
    return json;
}

Json check_error(const httplib::Result& res, int status, const std::string& error)
{
    REQUIRE(res);
    CHECK(res->status == status);
    return check_error_body(res->get_header_value("Content-Type"), res->body, error);
}

Json check_error(const RawResponse& res, int status, const std::string& error)
{
    REQUIRE(res.received);
    CHECK(res.status == status);
    return check_error_body(res.header("Content-Type"), res.body, error);
}

void check_still_healthy(ServerProcess& server)
{
    CHECK(server.running());
    auto res = server.client().Get("/api/health");
    REQUIRE(res);
    CHECK(res->status == 200);
}

bool is_request_id(const std::string& id)
{
    return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string post_echo_raw(int port, const std::string& body, const std::string& content_type = "application/json")
{
    return "POST /api/test/echo HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n"
        + "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

// [SECTION] errors and limits ----------------------------------------------

TEST_CASE("an unknown API path answers 404 with the JSON error body", "[http]")
{
    ServerProcess server(PgCluster::instance().create_database("http_404"));
    auto cli = server.client();

    auto get = cli.Get("/api/no-such-thing");
    auto json = check_error(get, 404, "Not found");
    CHECK_FALSE(json["details"].get<std::string>().empty());
    CHECK(is_request_id(get->get_header_value("X-Request-Id")));

    // Other methods on an unknown path are 404 too, not 405.
    check_error(cli.Post("/api/no-such-thing", "{}", "application/json"), 404, "Not found");
    check_error(cli.Delete("/api/health/extra"), 404, "Not found");
}

TEST_CASE("a known path with the wrong method answers 405 with an Allow header", "[http]")
{
    ServerProcess server(PgCluster::instance().create_database("http_405"));
    auto cli = server.client();

    auto post = cli.Post("/api/health", "{}", "application/json");
    auto json = check_error(post, 405, "Method not allowed");
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    CHECK_THAT(json["details"].get<std::string>(), Catch::Contains("POST"));

    auto del = cli.Delete("/api/test/echo");
    check_error(del, 405, "Method not allowed");
    CHECK(del->get_header_value("Allow") == "POST");
}

TEST_CASE("request bodies over 1 MiB are refused with 413 and a body just under it is accepted", "[http][limits]")
{
    ServerProcess server(PgCluster::instance().create_database("http_413"));
    auto cli = server.client(30s);

    std::string too_big = "{\"s\":\"" + std::string(1024 * 1024, 'a') + "\"}";
    auto res = cli.Post("/api/test/echo", too_big, "application/json");
    auto json = check_error(res, 413, "Payload too large");
    CHECK_THAT(json["details"].get<std::string>(), Catch::Contains("1048576"));

    std::string fits = "{\"s\":\"" + std::string(1024 * 1024 - 16, 'b') + "\"}";
    REQUIRE(fits.size() <= 1024 * 1024);
    auto ok = cli.Post("/api/test/echo", fits, "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(parse(ok->body)["s"].get<std::string>().size() == 1024 * 1024 - 16);

    check_still_healthy(server);
}

TEST_CASE("a chunked request body over 1 MiB is refused too", "[http][limits]")
{
    ServerProcess server(PgCluster::instance().create_database("http_chunked"));
    // 2 MiB of JSON in 64 KiB chunks: no Content-Length for the limit to check.
    std::string body = "{\"s\":\"" + std::string(2 * 1024 * 1024, 'c') + "\"}";
    std::string request = "POST /api/test/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (std::size_t offset = 0; offset < body.size(); offset += 65536) {
        auto chunk = body.substr(offset, 65536);
        char size[32];
        std::snprintf(size, sizeof(size), "%zx\r\n", chunk.size());
        request += size + chunk + "\r\n";
    }
    request += "0\r\n\r\n";
    auto res = raw_request(server.port(), request, 30s);
    REQUIRE(res.received);
    // 413 (counted while reading) or 411 (chunked request bodies not accepted) both refuse it.
    CHECK((res.status == 413 || res.status == 411));
    CHECK(res.body.size() < 1024 * 1024);
    check_still_healthy(server);
}

TEST_CASE("the JSON body parser rejects malformed JSON, wrong content types and non-objects with 400", "[http][json]")
{
    ServerProcess server(PgCluster::instance().create_database("http_400"));
    auto cli = server.client();

    auto malformed = check_error(cli.Post("/api/test/echo", "{\"a\": ", "application/json"), 400, "Invalid request");
    CHECK(malformed["details"] == "Request body is not valid JSON");

    auto wrong_type = check_error(cli.Post("/api/test/echo", "{\"a\":1}", "text/plain"), 400, "Invalid request");
    CHECK_THAT(wrong_type["details"].get<std::string>(), Catch::Contains("Content-Type"));
    check_error(cli.Post("/api/test/echo", "a=1", "application/x-www-form-urlencoded"), 400, "Invalid request");

    auto array = check_error(cli.Post("/api/test/echo", "[1, 2, 3]", "application/json"), 400, "Invalid request");
    CHECK(array["details"] == "Request body must be a JSON object");
    check_error(cli.Post("/api/test/echo", "\"just a string\"", "application/json"), 400, "Invalid request");
    check_error(cli.Post("/api/test/echo", "", "application/json"), 400, "Invalid request");
    check_error(cli.Post("/api/test/echo", "{} {}", "application/json"), 400, "Invalid request");

    // Without any Content-Type header at all.
    auto raw = raw_request(server.port(),
        "POST /api/test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    check_error(raw, 400, "Invalid request");
}

TEST_CASE("the JSON echo route returns a valid object unchanged", "[http][json]")
{
    ServerProcess server(PgCluster::instance().create_database("http_echo"));
    auto cli = server.client();
    Json sent = { { "name", "Zoë ✓ 学校" }, { "n", 42 }, { "pi", 3.25 }, { "flag", true }, { "none", nullptr },
        { "list", { 1, "two", Json::object() } }, { "nested", { { "a", { { "b", "c" } } } } } };

    auto res = cli.Post("/api/test/echo", sent.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK(parse(res->body) == sent);

    // A charset parameter on the media type is fine.
    auto with_charset = cli.Post("/api/test/echo", "{\"k\":\"v\"}", "application/json; charset=utf-8");
    REQUIRE(with_charset);
    CHECK(with_charset->status == 200);
    CHECK(parse(with_charset->body) == Json { { "k", "v" } });
}

TEST_CASE("hostile bytes in bodies, paths and headers do not crash the server", "[http][hostile]")
{
    ServerProcess server(PgCluster::instance().create_database("http_hostile"));
    auto cli = server.client();

    // A NUL character inside a JSON string survives the round trip intact.
    auto nul = cli.Post("/api/test/echo", R"({"s":"a\u0000b"})", "application/json");
    REQUIRE(nul);
    CHECK(nul->status == 200);
    CHECK(parse(nul->body)["s"].get<std::string>() == std::string("a\0b", 3));

    // Invalid UTF-8 (stray bytes, an overlong encoding) and a lone surrogate are malformed JSON.
    for (const std::string& body : { std::string("{\"s\":\"\xff\xfe\"}"), std::string("{\"s\":\"\xc0\xaf\"}"),
             std::string("{\"\xed\xa0\x80\":1}"), std::string(R"({"s":"\ud800"})") }) {
        INFO("body bytes: " << body);
        check_error(cli.Post("/api/test/echo", body, "application/json"), 400, "Invalid request");
    }

    // Deep nesting is parsed without recursion and refused as a non-object.
    std::string deep_array = std::string(100000, '[') + std::string(100000, ']');
    check_error(cli.Post("/api/test/echo", deep_array, "application/json"), 400, "Invalid request");

    // Invalid UTF-8 and NUL in the path reach the logger and the 404 body.
    auto odd_path = raw_get(server.port(), "/api/%FF%FE%00%C0%AF/x");
    check_error(odd_path, 404, "Not found");
    auto odd_static = raw_get(server.port(), "/%FF%00.html");
    check_error(odd_static, 404, "Not found");

    // Invalid bytes in a header value and a query string.
    auto odd_header = raw_request(server.port(),
        "GET /api/health?x=%FF%00&\xff=\xfe HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Evil: \xff\xfe\x01\x7f\r\n\r\n");
    REQUIRE(odd_header.received);
    CHECK(odd_header.status < 500);

    // A request line that is not HTTP at all.
    auto garbage = raw_request(server.port(), std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n", 27), 5s);
    CHECK((!garbage.received || garbage.status == 400));

    // A very long header line (cpp-httplib 0.11 has no per-line limit).
    auto long_header = raw_request(server.port(),
        "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Long: " + std::string(200000, 'h')
            + "\r\n\r\n",
        10s);
    CHECK((!long_header.received || long_header.status == 200 || (long_header.status >= 400 && long_header.status < 500)));

    check_still_healthy(server);
    // The request logs stayed one JSON object per line despite the hostile bytes.
    for (const auto& line : server.stdout_lines()) {
        INFO("log line: " << line);
        CHECK(Json::parse(line, nullptr, false).is_object());
    }
    CHECK(server.stderr_text().find("exception") == std::string::npos);
}

TEST_CASE("a request URL longer than 10000 characters gets a 4xx and the server keeps serving", "[http][limits]")
{
    ServerProcess server(PgCluster::instance().create_database("http_long_url"));
    auto res = raw_get(server.port(), "/api/" + std::string(12000, 'a'));
    REQUIRE(res.received);
    CHECK(res.status >= 400);
    CHECK(res.status < 500);
    CHECK(res.status == 414);
    check_error_body(res.header("Content-Type"), res.body, "URI too long");

    auto long_query = raw_get(server.port(), "/api/health?q=" + std::string(12000, 'q'));
    REQUIRE(long_query.received);
    CHECK(long_query.status >= 400);
    CHECK(long_query.status < 500);

    check_still_healthy(server);
}

TEST_CASE("every routed response carries a distinct X-Request-Id", "[http][request-id]")
{
    ServerProcess server(PgCluster::instance().create_database("http_request_id"));
    auto cli = server.client();
    std::set<std::string> ids;
    auto record = [&](const std::string& what, int status, int expected_status, const std::string& id) {
        INFO(what << " -> " << status);
        CHECK(status == expected_status);
        CHECK(is_request_id(id));
        CHECK(ids.insert(id).second);
    };

    auto health = cli.Get("/api/health");
    REQUIRE(health);
    record("GET /api/health", health->status, 200, health->get_header_value("X-Request-Id"));
    auto missing = cli.Get("/api/missing");
    REQUIRE(missing);
    record("GET /api/missing", missing->status, 404, missing->get_header_value("X-Request-Id"));
    auto wrong_method = cli.Post("/api/health", "{}", "application/json");
    REQUIRE(wrong_method);
    record("POST /api/health", wrong_method->status, 405, wrong_method->get_header_value("X-Request-Id"));
    auto bad_json = cli.Post("/api/test/echo", "nope", "application/json");
    REQUIRE(bad_json);
    record("POST /api/test/echo (bad JSON)", bad_json->status, 400, bad_json->get_header_value("X-Request-Id"));
    auto too_big = cli.Post("/api/test/echo", std::string(2 * 1024 * 1024, ' '), "application/json");
    REQUIRE(too_big);
    record("POST /api/test/echo (2 MiB)", too_big->status, 413, too_big->get_header_value("X-Request-Id"));
    auto index = raw_get(server.port(), "/");
    record("GET /", index.status, 200, index.header("X-Request-Id"));
    auto script = raw_get(server.port(), "/app.js");
    record("GET /app.js", script.status, 200, script.header("X-Request-Id"));
    auto not_modified = raw_get(server.port(), "/app.js", { "If-None-Match: " + script.header("ETag") });
    record("GET /app.js (revalidated)", not_modified.status, 304, not_modified.header("X-Request-Id"));
    auto traversal = raw_get(server.port(), "/../../etc/passwd");
    record("GET /../../etc/passwd", traversal.status, 404, traversal.header("X-Request-Id"));
}

TEST_CASE("responses the HTTP parser refuses before routing (414, 400) still carry an X-Request-Id that is logged",
    "[http][request-id]")
{
    ServerProcess server(PgCluster::instance().create_database("http_request_id_parser"));

    auto too_long = raw_get(server.port(), "/api/" + std::string(12000, 'z'));
    REQUIRE(too_long.received);
    CHECK(too_long.status == 414);
    auto too_long_id = too_long.header("X-Request-Id");
    CHECK(is_request_id(too_long_id));
    auto too_long_entry = server.wait_for_log([](const Json& e) { return e.value("status", 0) == 414; });
    REQUIRE(too_long_entry);
    CHECK(too_long_entry->value("request_id", "") == too_long_id);

    auto unparseable = raw_request(server.port(), "NOT AN HTTP REQUEST\r\n\r\n", 10s);
    REQUIRE(unparseable.received);
    CHECK(unparseable.status == 400);
    check_error_body(unparseable.header("Content-Type"), unparseable.body, "Bad request");
    auto unparseable_id = unparseable.header("X-Request-Id");
    CHECK(is_request_id(unparseable_id));
    auto unparseable_entry = server.wait_for_log([](const Json& e) { return e.value("status", 0) == 400; }, 2s);
    CHECK(unparseable_entry);
    if (unparseable_entry)
        CHECK(unparseable_entry->value("request_id", "") == unparseable_id);
}

TEST_CASE("a deeply nested JSON object body is refused without crashing the server", "[http][hostile]")
{
    ServerProcess server(PgCluster::instance().create_database("http_deep_json"));
    // 100000 levels in 600 KB: under the body limit. Copying or serialising
    // such a value recurses once per level and overflows a thread's stack.
    const std::size_t depth = 100000;
    std::string body;
    body.reserve(depth * 6 + 1);
    for (std::size_t i = 0; i < depth; ++i)
        body += "{\"a\":";
    body += "1" + std::string(depth, '}');
    REQUIRE(body.size() < 1024 * 1024);

    auto res = raw_request(server.port(), post_echo_raw(server.port(), body), 20s);
    CHECK(res.received);
    CHECK(res.status == 400);
    // A crashing process may take a moment to be reaped.
    auto exit = server.wait_for_exit(500ms);
    if (exit.exited)
        FAIL("learnloop-server died: exit code " << exit.code << ", signal " << exit.signal);
    check_still_healthy(server);
}

// [SECTION] static files -----------------------------------------------------

TEST_CASE("static files are served from the web root with their content types", "[http][static]")
{
    ServerProcess server(PgCluster::instance().create_database("http_static"));
    const auto& bundle = server.bundle();

    for (const char* path : { "/", "/index.html" }) {
        INFO("GET " << path);
        auto res = raw_get(server.port(), path);
        REQUIRE(res.received);
        CHECK(res.status == 200);
        CHECK(res.header("Content-Type") == "text/html; charset=utf-8");
        CHECK(res.body == bundle.index_html);
        CHECK(res.header("Cache-Control") == "no-cache");
        CHECK(res.header("X-Content-Type-Options") == "nosniff");
        CHECK_FALSE(res.header("ETag").empty());
    }

    auto wasm = raw_get(server.port(), "/app.wasm", { "Accept-Encoding: gzip, br" });
    REQUIRE(wasm.received);
    CHECK(wasm.status == 200);
    CHECK(wasm.header("Content-Type") == "application/wasm");
    CHECK(wasm.header("Content-Encoding").empty());   // there is no app.wasm.gz
    CHECK(wasm.body == bundle.app_wasm);

    // The .gz variant is not a resource of its own, and unknown files are a JSON 404.
    check_error(raw_get(server.port(), "/app.js.gz"), 404, "Not found");
    check_error(raw_get(server.port(), "/no-such-page"), 404, "Not found");

    // HEAD answers with the headers only.
    auto head = raw_request(server.port(), "HEAD /app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    REQUIRE(head.received);
    CHECK(head.status == 200);
    CHECK(head.header("Content-Type") == "application/wasm");
    CHECK(head.body.empty());
}

TEST_CASE("a file with a brotli variant is sent brotli-encoded only to clients that accept br", "[http][static]")
{
    ServerProcess server(PgCluster::instance().create_database("http_brotli"));
    const auto& bundle = server.bundle();
    auto br = raw_get(server.port(), "/print.js", { "Accept-Encoding: gzip, deflate, br" });
    REQUIRE(br.received);
    CHECK(br.status == 200);
    CHECK(br.header("Content-Encoding") == "br");
    CHECK(br.header("Vary") == "Accept-Encoding");
    CHECK(br.body == bundle.print_js_br);
    // Not asked for, or refused with q=0: the file as it is (it has no gzip variant).
    for (const char* accepts : { "Accept-Encoding: gzip", "Accept-Encoding: br;q=0, gzip", "Accept-Encoding: brx" }) {
        auto plain = raw_get(server.port(), "/print.js", { accepts });
        INFO(accepts);
        CHECK(plain.header("Content-Encoding").empty());
        CHECK(plain.body == bundle.print_js);
    }
    // The variant itself is never a file of its own.
    CHECK(raw_get(server.port(), "/print.js.br").status == 404);
}

TEST_CASE("app.js is sent gzip-encoded only to clients that accept gzip", "[http][static]")
{
    ServerProcess server(PgCluster::instance().create_database("http_gzip"));
    const auto& bundle = server.bundle();
    REQUIRE(bundle.app_js_gz.substr(0, 2) == "\x1f\x8b");

    auto gz = raw_get(server.port(), "/app.js", { "Accept-Encoding: gzip, deflate, br" });
    REQUIRE(gz.received);
    CHECK(gz.status == 200);
    CHECK(gz.header("Content-Encoding") == "gzip");
    CHECK_THAT(gz.header("Content-Type"), Catch::Contains("javascript") && Catch::EndsWith("charset=utf-8"));
    CHECK(gz.header("Vary") == "Accept-Encoding");
    CHECK(gz.body == bundle.app_js_gz);
    CHECK(gz.header("Content-Length") == std::to_string(bundle.app_js_gz.size()));

    auto plain = raw_get(server.port(), "/app.js");
    REQUIRE(plain.received);
    CHECK(plain.status == 200);
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(plain.body == bundle.app_js);

    auto identity = raw_get(server.port(), "/app.js", { "Accept-Encoding: identity" });
    CHECK(identity.header("Content-Encoding").empty());
    CHECK(identity.body == bundle.app_js);

    // The same through httplib: raw bytes with decompression off, the script with it on.
    auto cli = server.client();
    cli.set_decompress(false);
    auto compressed = cli.Get("/app.js", { { "Accept-Encoding", "gzip" } });
    REQUIRE(compressed);
    CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
    CHECK(compressed->body == bundle.app_js_gz);
    auto decoding = server.client();
    auto decoded = decoding.Get("/app.js", { { "Accept-Encoding", "gzip" } });
    REQUIRE(decoded);
    CHECK(decoded->status == 200);
    CHECK(decoded->body == bundle.app_js);
    // index.html has no .gz variant; whatever encoding it gets, it decodes to the file.
    auto html = decoding.Get("/", { { "Accept-Encoding", "gzip" } });
    REQUIRE(html);
    CHECK(html->status == 200);
    CHECK(html->body == bundle.index_html);

    // Both variants share one ETag: it names the content, not the encoding.
    CHECK(gz.header("ETag") == plain.header("ETag"));
}

TEST_CASE("If-None-Match with the current ETag answers 304 without a body", "[http][static]")
{
    ServerProcess server(PgCluster::instance().create_database("http_etag"));
    auto first = raw_get(server.port(), "/app.js");
    REQUIRE(first.status == 200);
    auto etag = first.header("ETag");
    REQUIRE(etag.size() == 34);
    CHECK(etag.front() == '"');
    CHECK(etag.back() == '"');

    auto revalidated = raw_get(server.port(), "/app.js", { "If-None-Match: " + etag, "Accept-Encoding: gzip" });
    REQUIRE(revalidated.received);
    CHECK(revalidated.status == 304);
    CHECK(revalidated.body.empty());
    CHECK(revalidated.header("ETag") == etag);

    auto stale = raw_get(server.port(), "/app.js", { "If-None-Match: \"0123456789abcdef0123456789abcdef\"" });
    CHECK(stale.status == 200);
    CHECK(stale.body == server.bundle().app_js);

    // Different files have different ETags.
    CHECK(raw_get(server.port(), "/app.wasm").header("ETag") != etag);
}

TEST_CASE("app.js and app.wasm asked for with the bundle's build id are cacheable for a year; other files are revalidated",
    "[http][static]")
{
    ServerProcess server(PgCluster::instance().create_database("http_immutable"));
    const auto& id = server.bundle().build_id;
    for (const std::string file : { "/app.js", "/app.wasm" }) {
        auto versioned = raw_get(server.port(), file + "?v=" + id);
        REQUIRE(versioned.status == 200);
        CHECK(versioned.header("Cache-Control") == "public, max-age=31536000, immutable");
        // Another build's id gets this build's file, revalidated as usual.
        CHECK(raw_get(server.port(), file + "?v=ffffffffffff").header("Cache-Control") == "no-cache");
        CHECK(raw_get(server.port(), file).header("Cache-Control") == "no-cache");
    }
    CHECK(raw_get(server.port(), "/index.html?v=" + id).header("Cache-Control") == "no-cache");
    CHECK(raw_get(server.port(), "/build-id.txt").body == id + "\n");
}

TEST_CASE("path traversal attempts never reach files outside the web root", "[http][static][hostile]")
{
    ServerProcess server(PgCluster::instance().create_database("http_traversal"));
    for (const char* target : { "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/", "/..%2f..%2fetc%2fpasswd",
             "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/app.js/../../../../etc/passwd", "//etc/passwd", "/.%2e/.%2e/etc/passwd",
             "/..\\..\\etc\\passwd", "/web/../stdout.log", "/../stdout.log", "/%2e%2e/stdout.log" }) {
        INFO("GET " << target);
        auto res = raw_get(server.port(), target);
        REQUIRE(res.received);
        CHECK(res.status == 404);
        CHECK(res.body.find("root:") == std::string::npos);
        CHECK(res.body.find("listening") == std::string::npos);
        CHECK(res.body != server.bundle().index_html);
        CHECK(res.header("Content-Type") == "application/json");
    }
    check_still_healthy(server);
}

// [SECTION] request logs -----------------------------------------------------

TEST_CASE("every request is logged as one JSON line with method, path, status, duration and request id", "[http][logs]")
{
    ServerProcess server(PgCluster::instance().create_database("http_logs"));
    auto cli = server.client();

    struct Expected {
        std::string method;
        std::string path;
        int status;
        std::string request_id;
    };
    std::vector<Expected> expected;
    auto note = [&](const std::string& method, const std::string& path, const httplib::Result& res) {
        REQUIRE(res);
        expected.push_back({ method, path, res->status, res->get_header_value("X-Request-Id") });
    };
    note("GET", "/api/health", cli.Get("/api/health"));
    note("GET", "/api/missing", cli.Get("/api/missing"));
    note("POST", "/api/test/echo", cli.Post("/api/test/echo", "{\"a\":1}", "application/json"));
    note("POST", "/api/health", cli.Post("/api/health", "{}", "application/json"));
    note("GET", "/app.js", cli.Get("/app.js"));
    note("GET", "/api/test/sleep", cli.Get("/api/test/sleep?ms=150"));

    for (const auto& want : expected) {
        INFO(want.method << " " << want.path << " -> " << want.status);
        REQUIRE(is_request_id(want.request_id));
        auto entry = server.wait_for_log([&](const Json& e) { return e.value("request_id", "") == want.request_id; });
        REQUIRE(entry);
        CHECK((*entry)["level"] == "info");
        CHECK((*entry)["method"] == want.method);
        CHECK((*entry)["path"] == want.path);
        CHECK((*entry)["status"] == want.status);
        REQUIRE((*entry)["duration_ms"].is_number());
        CHECK((*entry)["duration_ms"].get<double>() >= 0.0);
        CHECK((*entry)["duration_ms"].get<double>() < 5000.0);
        if (want.path == "/api/test/sleep")
            CHECK((*entry)["duration_ms"].get<double>() >= 150.0);
        auto same_id = 0;
        for (const auto& e : server.log_entries())
            same_id += e.value("request_id", "") == want.request_id ? 1 : 0;
        CHECK(same_id == 1);
    }

    // Start-up events: migrated (as the superuser), then listening on our port.
    auto entries = server.log_entries();
    auto migrated = std::find_if(entries.begin(), entries.end(), [](const Json& e) { return e.value("event", "") == "migrated"; });
    REQUIRE(migrated != entries.end());
    Json expected_applied = Json::array();
    auto migration_files = learnloop::server::load_migrations(migrations_dir());
    REQUIRE(migration_files.ok());
    for (const auto& file : migration_files.value())
        expected_applied.push_back(file.file_name);
    CHECK((*migrated)["applied"] == expected_applied);
    auto listening = std::find_if(entries.begin(), entries.end(), [](const Json& e) { return e.value("event", "") == "listening"; });
    REQUIRE(listening != entries.end());
    CHECK((*listening)["port"] == server.port());

    // Standard output is nothing but JSON objects, one per line.
    for (const auto& line : server.stdout_lines()) {
        INFO("log line: " << line);
        CHECK(Json::parse(line, nullptr, false).is_object());
    }
}

// [SECTION] listening socket ------------------------------------------------

TEST_CASE("64 clients connecting at once are all queued by the kernel, not dropped", "[http][listen]")
{
    ServerProcess server(PgCluster::instance().create_database("http_backlog"));
    // With the server stopped nothing is accepted: every handshake must wait
    // in the listen queue. cpp-httplib's own backlog of 5 would drop the rest,
    // and their clients would retry only after a second.
    server.send_signal(SIGSTOP);
    std::vector<int> sockets;
    for (int i = 0; i < 64; ++i) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        REQUIRE(fd >= 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
        sockets.push_back(fd);
    }
    int connected = 0;
    for (int fd : sockets) {
        pollfd p { fd, POLLOUT, 0 };
        int error = 0;
        socklen_t length = sizeof(error);
        if (::poll(&p, 1, 500) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
            ++connected;
    }
    for (int fd : sockets)
        ::close(fd);
    server.send_signal(SIGCONT);
    CHECK(connected == 64);
    CHECK(server.client().Get("/api/health"));
}

TEST_CASE("a second server on a port already in use refuses to start and says so", "[http][listen]")
{
    auto database = PgCluster::instance().create_database("http_port_in_use");
    ServerProcess first(database);
    auto second = run_process({ server_binary(), "--host", "127.0.0.1", "--port", std::to_string(first.port()),
                                  "--database-url", PgCluster::instance().superuser_url(database), "--no-migrate" },
        {}, 20s);
    CHECK(second.exit_code == 1);
    CHECK(second.err.find("is the port in use?") != std::string::npos);
    CHECK(first.client().Get("/api/health"));
}

// [SECTION] shutdown ---------------------------------------------------------

TEST_CASE("SIGTERM lets an in-flight request finish and the server exits 0", "[http][shutdown]")
{
    ServerProcess server(PgCluster::instance().create_database("http_shutdown"));

    auto slow = std::async(std::launch::async, [&server] {
        auto cli = server.client(20s);
        auto res = cli.Get("/api/test/sleep?ms=1500");
        return res ? std::make_pair(res->status, res->body) : std::make_pair(-1, std::string());
    });
    std::this_thread::sleep_for(300ms);
    auto signalled = std::chrono::steady_clock::now();
    server.send_signal(SIGTERM);

    auto [status, body] = slow.get();
    CHECK(status == 200);
    if (status == 200)
        CHECK(parse(body)["slept_ms"] == 1500);

    auto exit = server.wait_for_exit(5s);
    REQUIRE(exit.exited);
    CHECK(exit.signal == 0);
    CHECK(exit.code == 0);
    CHECK(std::chrono::steady_clock::now() - signalled < 5s);

    auto entries = server.log_entries();
    auto find_event = [&](const std::string& name) {
        return std::find_if(entries.begin(), entries.end(), [&](const Json& e) { return e.value("event", "") == name; });
    };
    auto stopping = find_event("stopping");
    auto stopped = find_event("stopped");
    REQUIRE(stopping != entries.end());
    REQUIRE(stopped != entries.end());
    CHECK((*stopping)["signal"] == SIGTERM);
    CHECK(stopping < stopped);
    // The slow request was logged as completed before the server said it stopped.
    auto slow_entry = std::find_if(entries.begin(), entries.end(), [](const Json& e) { return e.value("path", "") == "/api/test/sleep"; });
    REQUIRE(slow_entry != entries.end());
    CHECK((*slow_entry)["status"] == 200);
    CHECK(slow_entry < stopped);

    // Nothing listens on the port any more.
    httplib::Client after("127.0.0.1", server.port());
    after.set_connection_timeout(1, 0);
    CHECK_FALSE(after.Get("/api/health"));
}
