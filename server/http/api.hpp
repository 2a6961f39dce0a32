// The request pipeline shared by every API handler: bearer-token
// authentication, one tenant-scoped transaction per request, permission
// checks from the shared matrix, and JSON responses.
#pragma once

#include "db/db_pool.hpp"
#include "db/sql.hpp"
#include "http/http_errors.hpp"
#include "core/dto.hpp"
#include "identity/roles.hpp"
#include "identity/permissions.hpp"
#include "core/result.hpp"

#include <httplib.h>
#include <pqxx/pqxx>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::server {

// Who is calling: resolved from the bearer token inside the request's transaction.
struct Caller {
    std::int64_t session_id = 0;
    std::int64_t tenant_id = 0;
    std::int64_t user_id = 0;
    Role role = Role::Student;
    std::string name;
    std::string email;
    std::string time_zone;
    // Staff who signed themselves up are Pending until an administrator
    // approves them; the permission check and access/ read it.
    Approval approval = Approval::Approved;

    std::string actor() const { return "user:" + std::to_string(user_id); }
};

// What a handler answers. Statuses of 400 and above roll the transaction back.
struct ApiResponse {
    int status = 200;
    Json body;
    std::vector<std::pair<std::string, std::string>> headers;
    // When set, sent as is with this content type instead of `body`.
    std::optional<std::pair<std::string, std::string>> raw;   // (content, content type)
    // A refusal (4xx) whose writes still commit: one that must be counted,
    // as a wrong current password is. Any other 4xx writes nothing.
    bool keep_writes = false;
};

[[nodiscard]] ApiResponse json_response(int status, Json body);
// A file to save (a CSV statement, a PDF invoice): 200 with `content_type`
// and Content-Disposition: attachment; filename="<filename>".
[[nodiscard]] ApiResponse attachment_response(std::string content, std::string content_type, const std::string& filename);
// A domain error as a response, through the one mapping (http/http_errors.hpp).
[[nodiscard]] ApiResponse error_for(const Error& error);

using AuthedHandler = std::function<Result<ApiResponse>(const httplib::Request&, pqxx::work&, const Caller&)>;

// Which database served a request, for the request log ("primary" or "standby").
[[nodiscard]] std::string_view request_database();
void reset_request_database();

// A hot standby for reports that tolerate lag (docs/scaling.md).
struct Standby {
    DbPool* pool = nullptr;            // none configured
    std::chrono::seconds max_lag { 30 };
};

class Api {
public:
    explicit Api(DbPool& pool, Standby standby = {}) : m_pool(pool), m_standby(standby) { }

    // Authenticates the bearer token (401 {"error": "Unauthorized"} without a
    // live session), refuses a role the permission matrix does not allow
    // `action` (403; also an account still waiting for approval, told so),
    // then runs `handler` in a transaction scoped to the caller's tenant.
    // Commits only when the handler answers below 400.
    // `standby_ok`: a report that the hot standby may serve when it is
    // caught up to within the allowed lag; it falls back to the primary when
    // the standby is behind, unreachable, or has not yet seen the session.
    void authed(const httplib::Request& req, httplib::Response& res, std::optional<Action> action,
        const AuthedHandler& handler, bool standby_ok = false);

    DbPool& pool() { return m_pool; }

private:
    Result<ApiResponse> run_authed(DbPool& pool, const httplib::Request& req, const std::string& token,
        std::optional<Action> action, const AuthedHandler& handler);
    bool standby_usable();

    DbPool& m_pool;
    Standby m_standby;
    // The standby's lag, checked at most once a second.
    std::mutex m_lag_mutex;
    std::chrono::steady_clock::time_point m_lag_checked {};
    bool m_standby_fresh = false;
};

void send(httplib::Response& res, const ApiResponse& response);

// Parses a request body as a JSON object. A wrong Content-Type, malformed JSON
// or a non-object is InvalidArgument.
[[nodiscard]] Result<Json> parse_json_body(const httplib::Request& req);
// For a request that needs nothing sent: no body, or an empty JSON object;
// any field is refused, naming it.
[[nodiscard]] Result<void> require_no_fields(const httplib::Request& req);

// The bearer token of a request, empty when there is none.
[[nodiscard]] std::string bearer_token(const httplib::Request& req);

// Parses a positive integer id from a route capture; NotFound otherwise, so a
// malformed id reads like any id that does not exist.
[[nodiscard]] Result<std::int64_t> parse_id(const std::string& text, const std::string& not_found_message);

// ?limit=1..200 (default 50) &offset>=0; InvalidArgument otherwise.
[[nodiscard]] Result<Page> parse_page(const httplib::Request& req);
// A whole-number query parameter within [min, max]; `fallback` when absent;
// anything else is 400 naming the parameter.
[[nodiscard]] Result<std::int64_t> parse_number_param(const httplib::Request& req, const char* name, std::int64_t min,
    std::int64_t max, std::int64_t fallback);
// The response for one page of a list (db/sql.hpp exec_page): the items as a
// JSON array, with X-Total-Count and a Link to the next page.
[[nodiscard]] ApiResponse paged_response(const httplib::Request& req, const Page& page, const PageRows& rows,
    const std::function<Json(const pqxx::row&)>& item);
// The same for a page a repository read into structs, each item written by its to_json.
[[nodiscard]] ApiResponse paged_response(const httplib::Request& req, const Page& page, Json items, std::int64_t total);
template<typename T>
[[nodiscard]] ApiResponse paged_response(const httplib::Request& req, const Page& page, const PageOf<T>& list)
{
    Json items = Json::array();
    items.get_ref<Json::array_t&>().reserve(list.items.size());
    for (const auto& item : list.items)
        items.push_back(to_json(item));
    return paged_response(req, page, std::move(items), list.total);
}

// The older form of a paged response, with the list's filter written twice
// (rows and count); areas move to exec_page + paged_response, then this goes.
[[nodiscard]] ApiResponse paged_list(const httplib::Request& req, const Page& page, const pqxx::result& rows,
    std::size_t total_column, const std::function<Json(const pqxx::row&)>& item,
    const std::function<std::int64_t()>& count_all);

// X-Total-Count and a Link header for the next page, when there is one.
void add_page_headers(ApiResponse& response, const httplib::Request& req, const Page& page, std::int64_t total);

// Makes the transaction act for `tenant_id` (SET LOCAL app.tenant_id).
void set_tenant(pqxx::transaction_base& txn, std::int64_t tenant_id);

// The tenant a visitor names by slug: the X-Tenant header, else ?tenant=;
// nothing when neither is sent.
[[nodiscard]] std::optional<std::string> named_tenant(const httplib::Request& req);

} // namespace learnloop::server
