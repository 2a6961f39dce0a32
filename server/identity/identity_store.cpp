// The identity repository over server/identity/queries/.
#include "identity/identity_store.hpp"

#include "audit/audit_log.hpp"
#include "platform/crypto.hpp"
#include "identity/new_user.hpp"
#include "identity/user_fields.hpp"

#include <stdexcept>

namespace learnloop::server {

namespace {

// The id column of a statement answering at most one row.
std::optional<std::int64_t> optional_id(const pqxx::result& rows)
{
    if (rows.empty())
        return std::nullopt;
    return rows[0]["id"].as<std::int64_t>();
}

} // namespace

// [tenants] ------------------------------------------------------------------

Result<std::int64_t> create_tenant(pqxx::work& txn, const NewTenant& tenant, const std::string& actor)
{
    auto slug = TRY(validate_tenant_slug(tenant.slug));
    auto name = TRY(validate_display_name(tenant.name));
    if (!exec_named(txn, "identity/time_zone_known", tenant.time_zone)[0]["known"].as<bool>())
        return make_error(ErrorCode::InvalidArgument, "Time zone must be an IANA name such as Europe/London",
            "time_zone");
    if (find_tenant_id(txn, slug))
        return make_error(ErrorCode::AlreadyExists, "A tenant with slug " + slug + " already exists", "slug");

    auto id = exec_named(txn, "identity/create_tenant", slug, name, std::string(tenant_kind_name(tenant.kind)),
                     tenant.time_zone, std::string(signup_policy_name(tenant.signup_policy)))[0]["id"]
                  .as<std::int64_t>();
    append_audit(txn,
        { id, actor, "tenant.create", "tenant", std::to_string(id), nullptr,
            { { "slug", slug }, { "name", name }, { "kind", tenant_kind_name(tenant.kind) },
                { "time_zone", tenant.time_zone }, { "signup_policy", signup_policy_name(tenant.signup_policy) } } });
    return id;
}

std::optional<std::int64_t> find_tenant_id(pqxx::transaction_base& txn, const std::string& slug)
{
    return optional_id(exec_named(txn, "identity/find_tenant_id", slug));
}

std::optional<std::int64_t> resolve_tenant(pqxx::transaction_base& txn, const std::optional<std::string>& slug)
{
    return optional_id(exec_named(txn, "identity/resolve_tenant", slug));
}

TenantProfile tenant_profile(pqxx::transaction_base& txn, std::int64_t tenant_id)
{
    auto rows = exec_named(txn, "identity/tenant_profile", tenant_id);
    if (rows.empty())   // the caller's own tenant, under its own tenant setting
        throw std::logic_error("the caller's tenant is not visible");
    return { rows[0]["name"].as<std::string>(), rows[0]["kind"].as<std::string>() };
}

SignupPolicy tenant_signup_policy(pqxx::transaction_base& txn)
{
    auto rows = exec_named(txn, "identity/tenant_signup_policy");
    // No row (no tenant set) or a value this build does not know: nobody signs up.
    if (rows.empty())
        return SignupPolicy::Nobody;
    return parse_signup_policy(rows[0]["signup_policy"].as<std::string>()).value_or(SignupPolicy::Nobody);
}

SignupPolicy set_signup_policy(pqxx::transaction_base& txn, SignupPolicy policy)
{
    auto rows = exec_named(txn, "identity/set_signup_policy", std::string(signup_policy_name(policy)));
    if (rows.empty())
        return policy;   // no tenant set: nothing changed
    return parse_signup_policy(rows[0]["before"].as<std::string>()).value_or(SignupPolicy::Nobody);
}

// [users] --------------------------------------------------------------------

Result<std::int64_t> create_user(pqxx::work& txn, const NewUser& user, const std::string& actor,
    const std::string& password_hash)
{
    // The profile is the caller's to check (apply_profile_changes); the rest
    // is checked here too, so the CLI and every endpoint store only valid users.
    auto valid = TRY(validate_new_user({ user.email, user.name, user.password, std::string(role_name(user.role)) },
        NewUserRoles::Any));
    const auto& email = valid.email;
    const auto& name = valid.name;
    if (find_user_id(txn, user.tenant_id, email))
        return make_error(ErrorCode::AlreadyExists, "Email already registered", "email");
    auto hash = password_hash.empty() ? TRY(hash_password(user.password)) : password_hash;

    std::int64_t id = 0;
    try {
        // A subtransaction, so a concurrent sign-up with the same email
        // leaves the caller's transaction usable.
        pqxx::subtransaction insert(txn, "create_user");
        id = exec_named(insert, "identity/create_user", user.tenant_id, email, name,
                       std::string(role_name(user.role)), hash, user.profile.dump(),
                       std::string(approval_name(user.approval)))[0]["id"]
                 .as<std::int64_t>();
        insert.commit();
    } catch (const pqxx::unique_violation&) {
        return make_error(ErrorCode::AlreadyExists, "Email already registered", "email");
    }
    // The audit row records who was created, never the password hash.
    append_audit(txn,
        { user.tenant_id, actor, "user.create", "user", std::to_string(id), nullptr,
            { { "email", email }, { "name", name }, { "role", role_name(user.role) }, { "profile", user.profile },
                { "approval", approval_name(user.approval) } } });
    return id;
}

std::optional<std::int64_t> find_user_id(pqxx::transaction_base& txn, std::int64_t tenant_id, const std::string& email)
{
    return optional_id(exec_named(txn, "identity/find_user_id", tenant_id, email));
}

// [approval] -----------------------------------------------------------------

namespace {

PendingAccount read_pending(const pqxx::row& row)
{
    return { row["id"].as<std::int64_t>(), row["email"].as<std::string>(), row["name"].as<std::string>(),
        row["role"].as<std::string>(), row["signed_up_at"].as<std::string>() };
}

} // namespace

Json to_json(const PendingAccount& account)
{
    return { { "id", account.id }, { "email", account.email }, { "name", account.name }, { "role", account.role },
        { "signed_up_at", account.signed_up_at } };
}

PageOf<PendingAccount> list_pending_accounts(pqxx::transaction_base& txn, const Page& page)
{
    auto rows = exec_page(txn, "identity/list_pending_accounts", page);
    PageOf<PendingAccount> list;
    list.total = rows.total;
    for (const auto& row : rows.rows)
        list.items.push_back(read_pending(row));
    return list;
}

std::optional<PendingAccount> decide_approval(pqxx::transaction_base& txn, std::int64_t user_id, Approval decision)
{
    auto rows = exec_named(txn, "identity/decide_approval", user_id, std::string(approval_name(decision)));
    if (rows.empty())
        return std::nullopt;
    return read_pending(rows[0]);
}

// [sign-in] ------------------------------------------------------------------

std::optional<LoginAccount> find_login(pqxx::transaction_base& txn, const std::string& email)
{
    auto rows = exec_named(txn, "identity/find_login", email);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return LoginAccount { row["id"].as<std::int64_t>(), row["password_hash"].as<std::string>(),
        row["name"].as<std::string>(), row["role"].as<std::string>() };
}

void update_password_hash(pqxx::transaction_base& txn, std::int64_t user_id, const std::string& password_hash)
{
    exec_named(txn, "identity/update_password_hash", password_hash, user_id);
}

namespace {

// The seconds to wait before the next try, 0 when the attempt may go ahead.
int refusal_wait(const pqxx::row& counters, const LoginLimits& limits)
{
    int wait = 0;
    if (counters["account_failures"].as<int>() >= limits.failures_per_account)
        wait = std::max(wait, counters["account_wait"].as<int>());
    // An address many people sign in from (a school behind one NAT) may fail
    // more often before everyone there without a known device is refused.
    auto address_limit = static_cast<std::int64_t>(limits.failures_per_address)
        + static_cast<std::int64_t>(limits.failures_per_known_account) * counters["known_accounts"].as<int>();
    if (counters["address_failures"].as<std::int64_t>() >= address_limit)
        wait = std::max(wait, counters["address_wait"].as<int>());
    return std::max(wait, counters["pair_wait"].as<int>());
}

Error too_many_attempts(int wait)
{
    auto refusal = headline_error(ErrorCode::ResourceExhausted, "Too many attempts",
        "Too many failed sign-ins; try again in " + std::to_string(wait) + " seconds");
    refusal.retry_after_seconds = wait;
    return refusal;
}

} // namespace

namespace {

std::string password_tries_key(std::int64_t tenant_id, std::int64_t user_id)
{
    return sha256_hex("password-change:" + std::to_string(tenant_id) + ":" + std::to_string(user_id));
}

std::string join_code_tries_key(std::int64_t tenant_id, std::int64_t user_id)
{
    return sha256_hex("join-code:" + std::to_string(tenant_id) + ":" + std::to_string(user_id));
}

} // namespace

Result<void> begin_password_check(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    exec_named(txn, "identity/password_lock_timeout", std::string(k_password_lock_wait));
    try {
        exec_named(txn, "identity/lock_tries", password_tries_key(tenant_id, user_id), k_password_window_seconds);
    } catch (const pqxx::sql_error& error) {
        if (error.sqlstate() != "55P03")   // lock_not_available: the wait ran out
            throw;
        auto busy = make_error(ErrorCode::Unavailable,
            "Another change of this account's password is under way; try again in a moment");
        busy.retry_after_seconds = 2;
        return busy;
    }
    // Locked: the rest of the change waits as any statement does.
    exec_named(txn, "identity/password_lock_timeout", std::string("0"));
    return {};
}

Result<void> begin_join_code_check(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    const auto row = exec_named(txn, "identity/lock_tries", join_code_tries_key(tenant_id, user_id),
        k_join_code_window_seconds)[0];
    if (row["failures"].as<int>() < k_join_code_tries)
        return {};
    auto refused = make_error(ErrorCode::ResourceExhausted,
        "Too many codes that match no course: check the code with your instructor and try again later", "code");
    refused.retry_after_seconds = row["seconds_left"].as<int>();
    return refused;
}

void join_code_failed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    exec_named(txn, "identity/count_failed_try", join_code_tries_key(tenant_id, user_id));
}

int password_check_failed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    return exec_named(txn, "identity/count_failed_try", password_tries_key(tenant_id, user_id))[0]["failures"]
        .as<int>();
}

void password_check_passed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id)
{
    exec_named(txn, "identity/clear_password_tries", password_tries_key(tenant_id, user_id));
}

PrunedThrottle prune_signin_throttle(pqxx::work& txn)
{
    auto row = exec_named(txn, "identity/prune_throttle", k_prune_batch)[0];
    return { row["windows"].as<int>(), row["pairs"].as<int>() };
}

Result<SigninAttempt> begin_signin_attempt(pqxx::work& txn, const SigninKeys& keys, const LoginLimits& limits)
{
    if (keys.user_id != 0 && !keys.device_token_hash.empty()) {
        auto device = exec_named(txn, "identity/lock_signin_device", keys.device_token_hash, keys.user_id);
        if (!device.empty()) {
            if (int wait = device[0]["wait"].as<int>(); wait > 0)
                return too_many_attempts(wait);
            auto id = device[0]["id"].as<std::int64_t>();
            exec_named(txn, "identity/count_device_attempt", id, limits.failures_before_backoff,
                limits.backoff_seconds, limits.backoff_max_seconds);
            return SigninAttempt { id };
        }
    }
    auto counters = exec_named(txn, "identity/lock_signin_counters", keys.account_key, keys.address_key,
        limits.window_seconds);
    if (int wait = refusal_wait(counters[0], limits); wait > 0)
        return too_many_attempts(wait);
    exec_named(txn, "identity/count_signin_attempt", keys.account_key, keys.address_key,
        limits.failures_before_backoff, limits.backoff_seconds, limits.backoff_max_seconds);
    return SigninAttempt {};
}

void signin_attempt_succeeded(pqxx::work& txn, const SigninKeys& keys, const SigninAttempt& attempt)
{
    // Windows before the pair: the order lock_signin_counters locks them in.
    if (attempt.device_id)
        exec_named(txn, "identity/device_signin_succeeded", *attempt.device_id);
    else
        exec_named(txn, "identity/refund_signin_windows", keys.account_key, keys.address_key);
    exec_named(txn, "identity/signin_succeeded", keys.account_key, keys.address_key);
}

void signin_attempt_abandoned(pqxx::work& txn, const SigninKeys& keys, const SigninAttempt& attempt)
{
    if (attempt.device_id) {
        exec_named(txn, "identity/refund_device_attempt", *attempt.device_id);
        return;
    }
    exec_named(txn, "identity/refund_signin_windows", keys.account_key, keys.address_key);
    exec_named(txn, "identity/refund_signin_pair", keys.account_key, keys.address_key);
}

void create_signin_device(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id, const std::string& token_hash)
{
    exec_named(txn, "identity/create_signin_device", tenant_id, user_id, token_hash);
}

// [sessions] -----------------------------------------------------------------

StoredSession insert_session(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t user_id,
    const std::string& token_hash, const std::string& lifetime)
{
    auto row = exec_named(txn, "identity/create_session", tenant_id, user_id, token_hash, lifetime)[0];
    return { row["id"].as<std::string>(), row["expires_at"].as<std::string>() };
}

void revoke_session(pqxx::transaction_base& txn, std::int64_t session_id)
{
    exec_named(txn, "identity/revoke_session", session_id);
}

void revoke_user_sessions(pqxx::transaction_base& txn, std::int64_t user_id)
{
    exec_named(txn, "identity/revoke_user_sessions", user_id);
}

void revoke_other_sessions(pqxx::transaction_base& txn, std::int64_t user_id, std::int64_t kept_session_id)
{
    exec_named(txn, "identity/revoke_other_sessions", user_id, kept_session_id);
}

} // namespace learnloop::server
