// Request pipeline implementation.
#include "http/api.hpp"

#include "platform/metrics.hpp"

#include "platform/crypto.hpp"
#include "http/http_errors.hpp"

#include <cctype>
#include <charconv>

namespace learnloop::server {

ApiResponse json_response(int status, Json body)
{
    ApiResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

ApiResponse error_for(const Error& error)
{
    auto http = http_error(error);
    auto response = json_response(http.status, to_json(http.body));
    response.headers = std::move(http.headers);
    return response;
}

Result<void> require_no_fields(const httplib::Request& req)
{
    if (req.body.empty())
        return {};
    return json_only_fields(TRY(parse_json_body(req)), {});
}

Result<Json> parse_json_body(const httplib::Request& req)
{
    auto type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0)
        return make_error(ErrorCode::InvalidArgument, "Content-Type must be application/json");
    auto json = TRY(parse_json(req.body));
    if (!json.is_object())
        return make_error(ErrorCode::InvalidArgument, "Request body must be a JSON object");
    return json;
}

namespace {

// RFC 6266: an ASCII name for old clients (anything else as '_'), and the
// name as written, percent-encoded UTF-8 (RFC 8187), for the rest.
std::string content_disposition(const std::string& filename)
{
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string plain;
    std::string encoded;
    bool ascii = true;
    for (unsigned char c : filename) {
        const bool printable = c >= 0x20 && c < 0x7F;
        ascii = ascii && printable;
        plain += printable && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += k_hex[c >> 4];
            encoded += k_hex[c & 15];
        }
    }
    auto header = "attachment; filename=\"" + plain + "\"";
    if (!ascii || plain != filename)
        header += "; filename*=UTF-8''" + encoded;
    return header;
}

} // namespace

ApiResponse attachment_response(std::string content, std::string content_type, const std::string& filename)
{
    ApiResponse response;
    response.raw = std::make_pair(std::move(content), std::move(content_type));
    response.headers.emplace_back("Content-Disposition", content_disposition(filename));
    // Saved, never shown in the page: no guessing its type, no scripts if opened.
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("Content-Security-Policy", "sandbox");
    return response;
}

void send(httplib::Response& res, const ApiResponse& response)
{
    for (const auto& [name, value] : response.headers)
        res.set_header(name, value);
    if (response.status == 304) {   // not modified: no body at all
        res.status = 304;
        return;
    }
    if (response.raw) {
        res.status = response.status;
        res.set_content(response.raw->first, response.raw->second.c_str());
        return;
    }
    send_json(res, response.status, response.body);
}

std::string bearer_token(const httplib::Request& req)
{
    auto header = req.get_header_value("Authorization");
    // The scheme name is case-insensitive (RFC 9110 11.1).
    static constexpr std::string_view prefix = "bearer ";
    if (header.size() <= prefix.size())
        return {};
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = header[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i])
            return {};
    }
    return header.substr(prefix.size());
}

void set_tenant(pqxx::transaction_base& txn, std::int64_t tenant_id)
{
    exec_named(txn, "identity/set_tenant", std::to_string(tenant_id));
}

std::optional<std::string> named_tenant(const httplib::Request& req)
{
    if (req.has_header("X-Tenant"))
        return req.get_header_value("X-Tenant");
    if (req.has_param("tenant"))
        return req.get_param_value("tenant");
    return std::nullopt;
}

namespace {
thread_local std::string_view t_database = "primary";
}

std::string_view request_database()
{
    return t_database;
}

void reset_request_database()
{
    t_database = "primary";
}

void Api::authed(const httplib::Request& req, httplib::Response& res, std::optional<Action> action,
    const AuthedHandler& handler, bool standby_ok)
{
    auto token = bearer_token(req);
    // Tokens are 64 hex characters; anything else cannot match and needs no query.
    if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
        return send(res,
            error_for(make_error(ErrorCode::Unauthenticated, "Sign in and send the token as 'Authorization: Bearer <token>'")));

    std::optional<Result<ApiResponse>> response;
    if (standby_ok && m_standby.pool && standby_usable()) {
        try {
            auto on_standby = run_authed(*m_standby.pool, req, token, action, handler);
            // A session made a moment ago may not have reached the standby
            // yet: only the primary may say it does not exist.
            if (on_standby.ok() || on_standby.error().code != ErrorCode::Unauthenticated) {
                response = std::move(on_standby);
                t_database = "standby";
            }
        } catch (const std::exception&) {
            // Unreachable or failing standby: the primary answers instead,
            // and the next lag check decides when to try it again.
            std::lock_guard lock(m_lag_mutex);
            m_standby_fresh = false;
        }
    }
    if (!response)
        response = run_authed(m_pool, req, token, action, handler);
    if (!response->ok())
        return send(res, error_for(response->error()));
    send(res, response->value());
}

bool Api::standby_usable()
{
    std::lock_guard lock(m_lag_mutex);
    auto now = std::chrono::steady_clock::now();
    if (now - m_lag_checked < std::chrono::seconds(1))
        return m_standby_fresh;
    m_lag_checked = now;
    try {
        m_standby_fresh = m_standby.pool->with_connection([&](pqxx::connection& connection) {
            pqxx::read_transaction txn(connection);
            auto row = exec_named(txn, "http/standby_lag")[0];
            return row["standby"].as<bool>() && row["lag_seconds"].as<double>() <= m_standby.max_lag.count();
        });
    } catch (const std::exception&) {
        m_standby_fresh = false;
    }
    return m_standby_fresh;
}

Result<ApiResponse> Api::run_authed(DbPool& pool, const httplib::Request& req, const std::string& token,
    std::optional<Action> action, const AuthedHandler& handler)
{
    // Reads run read-only and end with a rollback: nothing to keep, so a
    // connection lost at the end costs nothing.
    const bool read_only = req.method == "GET" || req.method == "HEAD";
    return pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        auto rows = exec_named(txn, 
            read_only ? "identity/authenticate_session_read_only" : "identity/authenticate_session", sha256_hex(token));
        if (rows.empty())
            return make_error(ErrorCode::Unauthenticated, "The session has expired or was signed out; sign in again");
        const auto& row = rows[0];
        Caller caller;
        caller.session_id = row["session_id"].as<std::int64_t>();
        caller.tenant_id = row["tenant_id"].as<std::int64_t>();
        caller.user_id = row["user_id"].as<std::int64_t>();
        caller.role = TRY(parse_role(row["role"].as<std::string>()));
        caller.name = row["name"].as<std::string>();
        caller.email = row["email"].as<std::string>();
        caller.time_zone = row["time_zone"].as<std::string>();
        caller.approval = TRY(parse_approval(row["approval"].as<std::string>()));
        if (action && !is_allowed(caller.role, *action, caller.approval))
            return is_allowed(caller.role, *action) ? role_refused(std::string(pending_denial_message()))
                                                    : role_refused(*action);

        auto result = [&]() -> Result<ApiResponse> {
            try {
                return handler(req, txn, caller);
            } catch (const pqxx::unique_violation&) {
                // Two requests made the same thing at the same moment: the one
                // that lost the race is told so, and writes nothing (the
                // transaction rolls back with its audit row). Handlers check for
                // duplicates first; this is the race between that check and the insert.
                return headline_error(ErrorCode::Conflict, "Already exists",
                    "Another request made the same thing at the same moment");
            } catch (const pqxx::check_violation&) {
                // A value the handler's validation let through but the schema
                // refuses: still the client's input, so a 400, never a 500.
                return make_error(ErrorCode::InvalidArgument, "A value is outside what can be stored");
            }
        }();
        if (!result.ok() || (result.value().status >= 400 && !result.value().keep_writes) || read_only) {
            try {
                txn.abort();
            } catch (const std::exception&) {
                // A lost connection has rolled the transaction back already.
            }
            return result;
        }
        try {
            txn.commit();
        } catch (const pqxx::in_doubt_error&) {
            metrics().count(Event::CommitInDoubt);
            // The connection broke during COMMIT: the change may or may not
            // have been saved. Say so, and let the client check and retry.
            auto lost = make_error(ErrorCode::Unavailable,
                "The connection to the database was lost while saving; the change may not have been saved. Check, then try again");
            lost.retry_after_seconds = 2;
            return lost;
        }
        return result;
    });
}

Result<std::int64_t> parse_id(const std::string& text, const std::string& not_found_message)
{
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return make_error(ErrorCode::NotFound, not_found_message);
    return id;
}

Result<std::int64_t> parse_number_param(const httplib::Request& req, const char* name, std::int64_t min,
    std::int64_t max, std::int64_t fallback)
{
    if (!req.has_param(name))
        return fallback;
    auto text = req.get_param_value(name);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return make_error(ErrorCode::InvalidArgument,
            std::string(name) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max), name);
    return value;
}

Result<Page> parse_page(const httplib::Request& req)
{
    Page page;
    page.limit = TRY(parse_number_param(req, "limit", 1, 200, page.limit));
    page.offset = TRY(parse_number_param(req, "offset", 0, 1'000'000'000, page.offset));
    return page;
}

ApiResponse paged_list(const httplib::Request& req, const Page& page, const pqxx::result& rows, std::size_t total_column,
    const std::function<Json(const pqxx::row&)>& item, const std::function<std::int64_t()>& count_all)
{
    Json list = Json::array();
    list.get_ref<Json::array_t&>().reserve(rows.size());
    std::int64_t total = 0;
    for (const auto& row : rows) {
        list.push_back(item(row));
        total = row[static_cast<int>(total_column)].as<std::int64_t>();
    }
    if (rows.empty())
        total = page.offset > 0 ? count_all() : 0;
    auto response = json_response(200, std::move(list));
    add_page_headers(response, req, page, total);
    return response;
}

ApiResponse paged_response(const httplib::Request& req, const Page& page, const PageRows& rows,
    const std::function<Json(const pqxx::row&)>& item)
{
    Json list = Json::array();
    list.get_ref<Json::array_t&>().reserve(rows.rows.size());
    for (const auto& row : rows.rows)
        list.push_back(item(row));
    return paged_response(req, page, std::move(list), rows.total);
}

ApiResponse paged_response(const httplib::Request& req, const Page& page, Json items, std::int64_t total)
{
    auto response = json_response(200, std::move(items));
    add_page_headers(response, req, page, total);
    return response;
}

void add_page_headers(ApiResponse& response, const httplib::Request& req, const Page& page, std::int64_t total)
{
    response.headers.emplace_back("X-Total-Count", std::to_string(total));
    if (page.offset + page.limit < total) {
        // Keep every other query parameter (filters), replacing the paging ones.
        std::string query;
        for (const auto& [name, value] : req.params) {
            if (name == "limit" || name == "offset")
                continue;
            query += httplib::detail::encode_query_param(name) + "=" + httplib::detail::encode_query_param(value) + "&";
        }
        query += "limit=" + std::to_string(page.limit) + "&offset=" + std::to_string(page.offset + page.limit);
        response.headers.emplace_back("Link", "<" + req.path + "?" + query + ">; rel=\"next\"");
    }
}

} // namespace learnloop::server
