// Request pipeline implementation.
#include "http/api.hpp"

#include "platform/crypto.hpp"
#include "http/http_errors.hpp"

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
    // Not-found answers name what is missing in "error", as the contract's
    // {"error": "Assignment not found"} does, whatever made it missing.
    if (error.code == ErrorCode::NotFound)
        return error_response(404, error.message);
    auto response = json_response(http_status(error.code),
        to_json(ErrorBody { std::string(error_summary(error.code)), error.message, error.field }));
    return response;
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

ApiResponse error_response(int status, std::string error, std::string details)
{
    return json_response(status, to_json(ErrorBody { std::move(error), std::move(details), {} }));
}

ApiResponse role_denied(Action action)
{
    return error_response(403, "Unauthorized", std::string(denial_message(action)));
}

void send(httplib::Response& res, const ApiResponse& response)
{
    for (const auto& [name, value] : response.headers)
        res.set_header(name, value);
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
    txn.exec_params("SELECT set_config('app.tenant_id', $1, true)", std::to_string(tenant_id));
}

void prepare_api_statements(pqxx::connection& connection)
{
    // Every authenticated request starts with this lookup.
    connection.prepare("authenticate_session",
        "SELECT session_id, tenant_id, user_id, role, name, email, time_zone FROM authenticate_session(decode($1, 'hex'))");
}

void Api::authed(const httplib::Request& req, httplib::Response& res, const AuthedHandler& handler)
{
    auto token = bearer_token(req);
    // Tokens are 64 hex characters; anything else cannot match and needs no query.
    if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
        return send(res, error_response(401, "Unauthorized", "Sign in and send the token as 'Authorization: Bearer <token>'"));

    auto response = m_pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        auto rows = txn.exec_prepared("authenticate_session", sha256_hex(token));
        if (rows.empty())
            return error_response(401, "Unauthorized", "The session has expired or was signed out; sign in again");
        Caller caller;
        caller.session_id = rows[0][0].as<std::int64_t>();
        caller.tenant_id = rows[0][1].as<std::int64_t>();
        caller.user_id = rows[0][2].as<std::int64_t>();
        auto role = parse_role(rows[0][3].as<std::string>());
        if (!role.ok())
            return role.release_error();
        caller.role = role.value();
        caller.name = rows[0][4].as<std::string>();
        caller.email = rows[0][5].as<std::string>();
        caller.time_zone = rows[0][6].as<std::string>();

        auto result = handler(req, txn, caller);
        if (result.ok() && result.value().status < 400)
            txn.commit();
        return result;
    });
    if (!response.ok())
        return send(res, error_for(response.error()));
    send(res, response.value());
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
