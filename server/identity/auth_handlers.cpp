// Sign-up, sign-in (with throttling and bounded hashing), the current user,
// sign-out and token refresh.
#include "audit/audit_log.hpp"
#include "platform/crypto.hpp"
#include "http/handlers.hpp"
#include "http/http_errors.hpp"
#include "identity/identity_store.hpp"
#include "core/validation.hpp"
#include "identity/new_user.hpp"
#include "identity/user_fields.hpp"

namespace learnloop::server {

namespace {

constexpr const char* k_session_lifetime = "24 hours";

// The tenant named by the X-Tenant header or the body's "tenant" field, or
// the default tenant when neither is given.
std::optional<std::int64_t> resolve_tenant(pqxx::transaction_base& txn, const httplib::Request& req, const Json& body)
{
    std::optional<std::string> slug;
    if (req.has_header("X-Tenant"))
        slug = req.get_header_value("X-Tenant");
    else if (body.contains("tenant") && body["tenant"].is_string())
        slug = body["tenant"].get<std::string>();
    auto rows = slug ? txn.exec_params("SELECT id FROM resolve_tenant($1)", *slug)
                     : txn.exec("SELECT id FROM resolve_tenant(NULL)");
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::int64_t>();
}

struct NewSession {
    std::string id;
    std::string token;
    std::string expires_at;
};

// A new session row; the caller writes its audit row.
NewSession insert_session(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    NewSession session;
    session.token = random_hex(32);   // 256 random bits
    auto row = txn.exec_params1(
        "INSERT INTO auth_sessions (tenant_id, user_id, token_hash, expires_at) "
        "VALUES ($1, $2, decode($3, 'hex'), now() + $4::interval) "
        "RETURNING id, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
        tenant_id, user_id, sha256_hex(session.token), std::string(k_session_lifetime));
    session.id = row[0].as<std::string>();
    session.expires_at = row[1].as<std::string>();
    return session;
}

// Sign-in: a new session and its audit row.
NewSession create_session(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    auto session = insert_session(txn, tenant_id, user_id);
    append_audit(txn, { tenant_id, "user:" + std::to_string(user_id), "session.create", "session", session.id, nullptr,
                          { { "expires_at", session.expires_at } } });
    return session;
}

// [throttling] Keys are hashed so the table holds no email or address.
std::string account_key(std::int64_t tenant_id, const std::string& email)
{
    return sha256_hex("account:" + std::to_string(tenant_id) + ":" + email);
}

std::string address_key(const httplib::Request& req)
{
    return sha256_hex("address:" + req.remote_addr);
}

// Seconds until the caller may try again, or 0 when not throttled.
int retry_after_seconds(pqxx::transaction_base& txn, const std::string& account, const std::string& address,
    const ServerConfig& config)
{
    auto row = txn.exec_params1(
        "SELECT coalesce(max(ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))), 0)::int "
        "FROM login_throttle WHERE window_start > now() - make_interval(secs => $3) "
        "AND ((key = $1 AND failures >= $4) OR (key = $2 AND failures >= $5))",
        account, address, config.login_window_seconds, config.login_failures_per_account,
        config.login_failures_per_address);
    return std::max(0, row[0].as<int>());
}

void record_failure(pqxx::transaction_base& txn, const std::string& key, const ServerConfig& config)
{
    txn.exec_params(
        "INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, now()) "
        "ON CONFLICT (key) DO UPDATE SET "
        "  failures = CASE WHEN login_throttle.window_start <= now() - make_interval(secs => $2) THEN 1 "
        "                  ELSE login_throttle.failures + 1 END, "
        "  window_start = CASE WHEN login_throttle.window_start <= now() - make_interval(secs => $2) THEN now() "
        "                      ELSE login_throttle.window_start END",
        key, config.login_window_seconds);
}

// A real Argon2id hash of a random password: verifying against it for an
// unknown email takes as long as for a known one.
const std::string& dummy_hash()
{
    static const std::string hash = hash_password(random_hex(16)).value_or("");
    return hash;
}

} // namespace

Result<ApiResponse> handle_signup(const httplib::Request& req, const PublicContext& context)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "email", "password", "name", "role", "tenant" }));
    NewUserInput input;
    input.email = TRY(json_string_field(body, "email"));
    input.password = TRY(json_string_field(body, "password"));
    input.name = TRY(json_string_field(body, "name"));
    input.role = TRY(json_string_field(body, "role"));
    auto valid = TRY(validate_new_user(input, NewUserRoles::SignUp));
    NewUser user;
    user.email = std::move(valid.email);
    user.name = std::move(valid.name);
    user.password = std::move(valid.password);
    user.role = valid.role;
    const auto email_taken = headline_error(ErrorCode::AlreadyExists, "Email already registered");

    // 1. The cheap refusals first (unknown school, email taken), so that they
    // cost no hashing.
    TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<void> {
        pqxx::read_transaction txn(connection);
        auto tenant_id = resolve_tenant(txn, req, body);
        if (!tenant_id)
            return headline_error(ErrorCode::NotFound, "Tenant not found", "No school is registered under that name");
        set_tenant(txn, *tenant_id);
        if (!txn.exec_params("SELECT 1 FROM users WHERE email = $1", user.email).empty())
            return email_taken;
        user.tenant_id = *tenant_id;
        return {};
    }));

    // 2. Hash holding no database connection (see handle_login).
    auto hash = TRY(hash_password(user.password));

    // 3. Insert; a concurrent sign-up with the same email still meets the
    // unique constraint and gets 409.
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        set_tenant(txn, user.tenant_id);
        auto id = create_user(txn, user, "signup", hash);
        if (!id.ok())
            return id.error().code == ErrorCode::AlreadyExists ? email_taken : id.release_error();
        txn.commit();
        return json_response(201, { { "message", "User created successfully" }, { "user_id", id.value() } });
    });
}

Result<ApiResponse> handle_login(const httplib::Request& req, const PublicContext& context)
{
    const auto& config = context.config;
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "email", "password", "tenant" }));
    auto email_field = TRY(json_string_field(body, "email"));
    auto password_field = TRY(json_string_field(body, "password"));
    const auto invalid = headline_error(ErrorCode::Unauthenticated, "Invalid credentials");
    // Over-long passwords are refused before any hashing work.
    if (password_field.size() > 4 * k_password_max_length)
        return invalid;

    // 1. Who would this be, and may they try now?
    std::optional<std::int64_t> tenant_id;
    std::int64_t user_id = 0;   // 0: no such account
    std::string password_hash, name, role;
    auto email = validate_email(email_field).value_or(std::string(trim(email_field)));
    TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<void> {
        // A retry after a lost connection starts from nothing.
        user_id = 0;
        password_hash.clear();
        name.clear();
        role.clear();
        pqxx::work txn(connection);
        tenant_id = resolve_tenant(txn, req, body);
        auto account = account_key(tenant_id.value_or(0), email);
        if (int wait = retry_after_seconds(txn, account, address_key(req), config); wait > 0) {
            auto refusal = headline_error(ErrorCode::ResourceExhausted, "Too many attempts",
                "Too many failed sign-ins; try again in " + std::to_string(wait) + " seconds");
            refusal.retry_after_seconds = wait;
            return refusal;
        }
        if (tenant_id) {
            set_tenant(txn, *tenant_id);
            auto rows = txn.exec_params(
                "SELECT id, password_hash, name, role FROM users WHERE email = $1 AND deleted_at IS NULL", email);
            if (!rows.empty()) {
                user_id = rows[0][0].as<std::int64_t>();
                password_hash = rows[0][1].as<std::string>();
                name = rows[0][2].as<std::string>();
                role = rows[0][3].as<std::string>();
            }
        }
        txn.commit();
        return {};
    }));

    // 2. Check the password holding no database connection: it takes a while,
    // and a flood of sign-ins must not starve other requests of connections.
    bool ok = verify_password(user_id ? password_hash : dummy_hash(), password_field) && user_id;
    const std::int64_t signed_in = user_id;
    // A hash made with older parameters is replaced, also outside the transaction.
    std::optional<std::string> rehashed;
    if (ok && password_needs_rehash(password_hash)) {
        if (auto fresh = hash_password(password_field); fresh.ok())
            rehashed = fresh.value();
    }

    // 3. Record the outcome.
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        if (!ok) {
            record_failure(txn, account_key(tenant_id.value_or(0), email), config);
            record_failure(txn, address_key(req), config);
            txn.commit();
            return invalid;
        }
        set_tenant(txn, *tenant_id);
        txn.exec_params("DELETE FROM login_throttle WHERE key = $1", account_key(*tenant_id, email));
        if (rehashed)
            txn.exec_params("UPDATE users SET password_hash = $1 WHERE id = $2", *rehashed, signed_in);
        auto session = create_session(txn, *tenant_id, signed_in);
        txn.commit();
        return json_response(200,
            { { "message", "Login successful" }, { "token", session.token }, { "user_id", signed_in }, { "role", role },
                { "name", name }, { "expires_at", session.expires_at } });
    });
}

Result<ApiResponse> handle_current_user(const httplib::Request&, pqxx::work&, const Caller& caller)
{
    return json_response(200,
        { { "user_id", caller.user_id }, { "email", caller.email }, { "name", caller.name },
            { "role", role_name(caller.role) }, { "tenant_id", caller.tenant_id }, { "time_zone", caller.time_zone } });
}

Result<ApiResponse> handle_logout(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    txn.exec_params("UPDATE auth_sessions SET revoked_at = now() WHERE id = $1", caller.session_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "session.revoke", "session",
                          std::to_string(caller.session_id), nullptr, nullptr });
    return json_response(200, { { "message", "Logged out" } });
}

Result<ApiResponse> handle_refresh(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    // One mutation, one audit row: the old session revoked, a new one made.
    txn.exec_params("UPDATE auth_sessions SET revoked_at = now() WHERE id = $1", caller.session_id);
    auto session = insert_session(txn, caller.tenant_id, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "session.refresh", "session", session.id,
                          { { "session_id", caller.session_id } }, { { "expires_at", session.expires_at } } });
    return json_response(200, { { "message", "Token refreshed" }, { "token", session.token }, { "expires_at", session.expires_at } });
}

} // namespace learnloop::server
