// Sign-up, sign-in (with throttling and bounded hashing), the current user,
// sign-out, token refresh and password change.
#include "audit/audit_log.hpp"
#include "platform/crypto.hpp"
#include "http/http_errors.hpp"
#include "identity/identity_handlers.hpp"
#include "identity/identity_store.hpp"
#include "core/validation.hpp"
#include "identity/new_user.hpp"
#include "identity/password_policy.hpp"
#include "identity/user_fields.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace learnloop::server {

namespace {

constexpr const char* k_session_lifetime = "24 hours";

// The tenant slug named by the X-Tenant header or the body's "tenant" field;
// none (the default tenant) when neither is given.
std::optional<std::string> requested_tenant(const httplib::Request& req, const Json& body)
{
    if (req.has_header("X-Tenant"))
        return req.get_header_value("X-Tenant");
    if (body.contains("tenant") && body["tenant"].is_string())
        return body["tenant"].get<std::string>();
    return std::nullopt;
}

struct NewSession {
    std::string id;
    std::string token;
    std::string expires_at;
};

// A new session row with a fresh token; the caller writes its audit row.
NewSession new_session(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    auto token = random_hex(32);   // 256 random bits
    auto stored = insert_session(txn, tenant_id, user_id, sha256_hex(token), k_session_lifetime);
    return { std::move(stored.id), std::move(token), std::move(stored.expires_at) };
}

// Sign-in: a new session and its audit row.
NewSession create_session(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    auto session = new_session(txn, tenant_id, user_id);
    append_audit(txn, { tenant_id, "user:" + std::to_string(user_id), "session.create", "session", session.id, nullptr,
                          { { "expires_at", session.expires_at } } });
    return session;
}

// [throttling] Keys are hashed so the table holds no email or address.
std::string account_key(std::int64_t tenant_id, const std::string& email)
{
    return sha256_hex("account:" + std::to_string(tenant_id) + ":" + email);
}

// The address a sign-in comes from. Behind the reverse proxy on the same host
// (deploy/nginx.conf.template) every request arrives from loopback, and the
// proxy appends the address it saw to X-Forwarded-For: that last entry is the
// client's (entries before it are whatever the client claimed). Without it
// every user would share the proxy's address and its limit.
std::string client_address(const httplib::Request& req)
{
    if ((req.remote_addr == "127.0.0.1" || req.remote_addr == "::1") && req.has_header("X-Forwarded-For")) {
        auto forwarded = req.get_header_value("X-Forwarded-For");
        auto comma = forwarded.rfind(',');
        auto last = trim(comma == std::string::npos ? std::string_view(forwarded)
                                                    : std::string_view(forwarded).substr(comma + 1));
        if (!last.empty() && last.size() <= 64)
            return std::string(last);
    }
    return req.remote_addr;
}

// What the throttle counts an address as: an IPv6 client by its /64 (a home
// or a phone is given a whole /64 and may take a new address from it at
// will), an IPv4 address written as IPv6 (::ffff:203.0.113.5) as itself.
//   address_group("2001:db8:1:2::a") -> "2001:db8:1:2::/64"
std::string address_group(const std::string& address)
{
    in6_addr v6 {};
    if (address.find(':') == std::string::npos || inet_pton(AF_INET6, address.c_str(), &v6) != 1)
        return address;
    char text[INET6_ADDRSTRLEN] = {};
    if (IN6_IS_ADDR_V4MAPPED(&v6))
        return inet_ntop(AF_INET, &v6.s6_addr[12], text, sizeof text) ? std::string(text) : address;
    std::memset(&v6.s6_addr[8], 0, 8);
    return inet_ntop(AF_INET6, &v6, text, sizeof text) ? std::string(text) + "/64" : address;
}

std::string address_key(const httplib::Request& req)
{
    return sha256_hex("address:" + address_group(client_address(req)));
}

LoginLimits login_limits(const ServerConfig& config)
{
    LoginLimits limits;
    limits.window_seconds = config.login_window_seconds;
    limits.failures_per_account = config.login_failures_per_account;
    limits.failures_per_address = config.login_failures_per_address;
    limits.failures_per_known_account = config.login_failures_per_known_account;
    limits.failures_before_backoff = config.login_failures_before_backoff;
    return limits;
}

// The SHA-256 of the known-device token a sign-in carries ("device"), empty
// when it carries none. Any text is hashed: a token the server never issued
// matches no device and is ignored, so a browser with a damaged store still
// signs in, throttled as an unknown device.
std::string device_token_hash(const Json& body)
{
    if (!body.contains("device") || !body["device"].is_string())
        return {};
    auto token = body["device"].get<std::string>();
    if (token.empty() || token.size() > 256)
        return {};
    return sha256_hex(token);
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
    auto valid = TRY(validate_new_user(TRY(read_new_user_input(body)), NewUserRoles::SignUp));
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
        auto tenant_id = resolve_tenant(txn, requested_tenant(req, body));
        if (!tenant_id)
            return headline_error(ErrorCode::NotFound, "Tenant not found", "No school is registered under that name");
        set_tenant(txn, *tenant_id);
        // The school's policy first: a closed school says nothing about who is registered.
        user.approval = TRY(signup_standing(tenant_signup_policy(txn), user.role));
        if (find_user_id(txn, *tenant_id, user.email))
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
        return json_response(201, { { "message", "User created successfully" }, { "user_id", id.value() },
                                      { "approval", approval_name(user.approval) } });
    });
}

Result<ApiResponse> handle_login(const httplib::Request& req, const PublicContext& context)
{
    const auto& config = context.config;
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "email", "password", "tenant", "device" }));
    auto email_field = TRY(json_string_field(body, "email"));
    auto password_field = TRY(json_string_field(body, "password"));
    if (body.contains("device") && !body["device"].is_string())
        return make_error(ErrorCode::InvalidArgument, "device must be a string", "device");
    const auto invalid = headline_error(ErrorCode::Unauthenticated, "Invalid credentials");
    // Over-long passwords are refused before any hashing work.
    if (password_field.size() > 4 * k_password_max_length)
        return invalid;

    // 1. Who would this be, and may they try now? The attempt is counted here,
    // before the password is checked, in the transaction that checks the
    // limits: parallel guesses cannot all slip through one check.
    std::optional<std::int64_t> tenant_id;
    std::string password_hash, name, role;
    auto email = validate_email(email_field).value_or(std::string(trim(email_field)));
    SigninKeys keys;
    keys.address_key = address_key(req);
    keys.device_token_hash = device_token_hash(body);
    SigninAttempt attempt;
    TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<void> {
        // A retry after a lost connection starts from nothing.
        keys.user_id = 0;
        password_hash.clear();
        name.clear();
        role.clear();
        pqxx::work txn(connection);
        tenant_id = resolve_tenant(txn, requested_tenant(req, body));
        keys.account_key = account_key(tenant_id.value_or(0), email);
        if (tenant_id) {
            set_tenant(txn, *tenant_id);
            if (auto account = find_login(txn, email)) {
                keys.user_id = account->user_id;
                password_hash = std::move(account->password_hash);
                name = std::move(account->name);
                role = std::move(account->role);
            }
        }
        attempt = TRY(begin_signin_attempt(txn, keys, login_limits(config)));
        txn.commit();
        return {};
    }));

    // 2. Check the password holding no database connection: it takes a while,
    // and a flood of sign-ins must not starve other requests of connections.
    // When no hashing slot frees up in time the attempt was never made, so its
    // count is given back before the 503.
    bool ok = false;
    try {
        ok = verify_password(keys.user_id ? password_hash : dummy_hash(), password_field) && keys.user_id;
    } catch (const ServerBusy&) {
        context.pool.with_connection([&](pqxx::connection& connection) {
            pqxx::work txn(connection);
            if (tenant_id)
                set_tenant(txn, *tenant_id);
            signin_attempt_abandoned(txn, keys, attempt);
            txn.commit();
        });
        throw;
    }
    const std::int64_t signed_in = keys.user_id;
    // A hash made with older parameters is replaced, also outside the transaction.
    std::optional<std::string> rehashed;
    if (ok && password_needs_rehash(password_hash)) {
        if (auto fresh = hash_password(password_field); fresh.ok())
            rehashed = fresh.value();
    }

    // 3. A failure stays counted; a success gives its count back, and the
    // browser gets (or keeps) its known-device token.
    if (!ok)
        return invalid;
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        set_tenant(txn, *tenant_id);
        signin_attempt_succeeded(txn, keys, attempt);
        std::string device_token = attempt.device_id ? body["device"].get<std::string>() : random_hex(32);
        if (!attempt.device_id)
            create_signin_device(txn, *tenant_id, signed_in, sha256_hex(device_token));
        if (rehashed)
            update_password_hash(txn, signed_in, *rehashed);
        auto session = create_session(txn, *tenant_id, signed_in);
        auto tenant = tenant_profile(txn, *tenant_id);
        txn.commit();
        return json_response(200,
            { { "message", "Login successful" }, { "token", session.token }, { "user_id", signed_in }, { "role", role },
                { "name", name }, { "expires_at", session.expires_at }, { "device_token", device_token },
                { "tenant_name", tenant.name }, { "tenant_kind", tenant.kind } });
    });
}

Result<ApiResponse> handle_current_user(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    auto tenant = tenant_profile(txn, caller.tenant_id);
    return json_response(200,
        { { "user_id", caller.user_id }, { "email", caller.email }, { "name", caller.name },
            { "role", role_name(caller.role) }, { "tenant_id", caller.tenant_id }, { "time_zone", caller.time_zone },
            { "approval", approval_name(caller.approval) }, { "tenant_name", tenant.name },
            { "tenant_kind", tenant.kind } });
}

Result<ApiResponse> handle_logout(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    revoke_session(txn, caller.session_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "session.revoke", "session",
                          std::to_string(caller.session_id), nullptr, nullptr });
    return json_response(200, { { "message", "Logged out" } });
}

Result<ApiResponse> handle_refresh(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    // One mutation, one audit row: the old session revoked, a new one made.
    revoke_session(txn, caller.session_id);
    auto session = new_session(txn, caller.tenant_id, caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "session.refresh", "session", session.id,
                          { { "session_id", caller.session_id } }, { { "expires_at", session.expires_at } } });
    return json_response(200, { { "message", "Token refreshed" }, { "token", session.token }, { "expires_at", session.expires_at } });
}

Result<ApiResponse> handle_change_password(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "current_password", "new_password" }));
    auto current = TRY(json_string_field(body, "current_password"));
    auto fresh = TRY(json_string_field(body, "new_password"));
    // The new password meets the rule every new password meets (the sign-up
    // form's), with the same messages, on the field the client sent.
    if (auto checked = check_new_password(fresh, { caller.email, caller.name }); !checked.ok()) {
        auto error = checked.release_error();
        error.field = "new_password";
        return error;
    }
    // Changing a password is rare, so it hashes inside the request's
    // transaction; the route runs in the hashing lane like sign-in. Wrong
    // current passwords are counted, and past a few the session that sent
    // them is signed out: a session left open cannot be used to guess the
    // password it lacks (identity_store.hpp). The refusal keeps exactly those
    // writes (the count, the sign-out and its audit row).
    TRY(begin_password_check(txn, caller.tenant_id, caller.user_id));
    auto account = find_login(txn, caller.email);
    if (!account || current.size() > 4 * k_password_max_length || !verify_password(account->password_hash, current)) {
        const bool sign_out = password_check_failed(txn, caller.tenant_id, caller.user_id) >= k_password_tries;
        if (sign_out) {
            revoke_session(txn, caller.session_id);
            append_audit(txn, { caller.tenant_id, caller.actor(), "session.revoke", "session",
                                  std::to_string(caller.session_id), nullptr, { { "reason", "wrong passwords" } } });
        }
        auto refused = error_for(make_error(ErrorCode::PermissionDenied,
            sign_out ? "Too many wrong passwords: you have been signed out. Sign in again to change your password"
                     : "Your current password is not right; type the one you sign in with",
            "current_password"));
        refused.keep_writes = true;
        return refused;
    }
    password_check_passed(txn, caller.tenant_id, caller.user_id);
    update_password_hash(txn, caller.user_id, TRY(hash_password(fresh)));
    revoke_other_sessions(txn, caller.user_id, caller.session_id);
    // The audit row says that it changed, never what to.
    append_audit(txn, { caller.tenant_id, caller.actor(), "user.password_change", "user",
                          std::to_string(caller.user_id), nullptr, nullptr });
    return json_response(200, { { "message", "Password changed" } });
}

} // namespace learnloop::server
