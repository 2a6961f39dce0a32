// The identity repository: tenants, users, sessions and sign-in throttling in
// PostgreSQL, over the named statements in server/identity/queries/. Every
// mutation of a tenant or user audits in the same transaction.
#pragma once

#include "core/dto.hpp"
#include "identity/roles.hpp"
#include "identity/signup_policy.hpp"
#include "core/result.hpp"
#include "db/sql.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

namespace learnloop::server {

struct NewTenant {
    std::string slug;
    std::string name;
    TenantKind kind = TenantKind::School;
    std::string time_zone = "UTC";
    // A new school lets students sign up and adds its staff itself.
    SignupPolicy signup_policy = SignupPolicy::StudentsOnly;
};

struct NewUser {
    std::int64_t tenant_id = 0;
    std::string email;
    std::string name;
    Role role = Role::Student;
    std::string password;
    Json profile = Json::object();   // class, school, branch (checked by the caller)
    Approval approval = Approval::Approved;   // Pending: staff who signed themselves up
};

// [tenants] ------------------------------------------------------------------

// Validates (shared-domain rules, IANA zone known to PostgreSQL) and inserts.
// AlreadyExists when the slug is taken.
[[nodiscard]] Result<std::int64_t> create_tenant(pqxx::work& txn, const NewTenant& tenant, const std::string& actor);

[[nodiscard]] std::optional<std::int64_t> find_tenant_id(pqxx::transaction_base& txn, const std::string& slug);

// The tenant a sign-up or sign-in names by slug, or the default tenant when
// no slug is given; nothing when there is no such tenant.
[[nodiscard]] std::optional<std::int64_t> resolve_tenant(pqxx::transaction_base& txn,
    const std::optional<std::string>& slug);

// The transaction's tenant's self-registration policy (after set_tenant).
[[nodiscard]] SignupPolicy tenant_signup_policy(pqxx::transaction_base& txn);

// The tenant as the portals show it: its name and kind ("school", "academy",
// "tutoring"), which decides which portal a user gets.
struct TenantProfile {
    std::string name;
    std::string kind;
};
[[nodiscard]] TenantProfile tenant_profile(pqxx::transaction_base& txn, std::int64_t tenant_id);
// Sets it and answers the policy it replaces (the row is locked until the
// transaction ends; the caller audits).
[[nodiscard]] SignupPolicy set_signup_policy(pqxx::transaction_base& txn, SignupPolicy policy);

// [users] --------------------------------------------------------------------

// Validates, hashes the password (Argon2id) and inserts. AlreadyExists when
// the email is registered in the tenant.
// `password_hash`: hash_password(user.password) when the caller hashed it
// before opening the transaction (hashing takes ~80 ms); empty: hashed here.
[[nodiscard]] Result<std::int64_t> create_user(pqxx::work& txn, const NewUser& user, const std::string& actor,
    const std::string& password_hash = {});

// The id of the tenant's user with this email, active or not.
[[nodiscard]] std::optional<std::int64_t> find_user_id(pqxx::transaction_base& txn, std::int64_t tenant_id,
    const std::string& email);

// [approval] -----------------------------------------------------------------

// A staff account waiting for an administrator's approval.
struct PendingAccount {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
    std::string signed_up_at;   // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};
[[nodiscard]] Json to_json(const PendingAccount& account);

// The tenant's active accounts waiting for approval, oldest first.
[[nodiscard]] PageOf<PendingAccount> list_pending_accounts(pqxx::transaction_base& txn, const Page& page);

// Approves or refuses (`decision`) the active account `user_id` if it is
// waiting for approval: a refused account is deactivated in the same
// statement. Nothing when no such account waits; the caller ends a refused
// account's sessions and audits.
[[nodiscard]] std::optional<PendingAccount> decide_approval(pqxx::transaction_base& txn, std::int64_t user_id,
    Approval decision);

// [sign-in] ------------------------------------------------------------------

// An active user as sign-in needs them (in the transaction's tenant).
struct LoginAccount {
    std::int64_t user_id = 0;
    std::string password_hash;
    std::string name;
    std::string role;
};

[[nodiscard]] std::optional<LoginAccount> find_login(pqxx::transaction_base& txn, const std::string& email);

void update_password_hash(pqxx::transaction_base& txn, std::int64_t user_id, const std::string& password_hash);

// [sign-in throttling] (docs/operations.md, "Sign-in throttling")
//
// A sign-in is counted as a failure before its password is checked, in the
// same transaction that checks the limits and under row locks, so parallel
// guesses cannot all pass one check; a success (or a busy server) gives the
// count back. Without a known device it is counted three ways: per account
// and per address within a window, and per account-and-address with
// exponential backoff. With a known device of the account it is counted per
// device only, with the same backoff: a guesser elsewhere cannot lock the
// owner out.
struct LoginLimits {
    int window_seconds = 300;
    int failures_per_account = 10;          // in a window, then locked for unknown devices
    int failures_per_address = 100;         // in a window, for an address no one signs in from
    int failures_per_known_account = 20;    // added to the address's limit per account that signed in there
    int failures_before_backoff = 5;        // per account-and-address, and per known device
    int backoff_seconds = 30;               // the first wait, doubling with each further failure
    int backoff_max_seconds = 3600;
};

// Who is signing in, as the throttle knows them: hashed keys, the account's
// user (0 when no such account) and the SHA-256 of the device token the
// request carried (empty when none).
struct SigninKeys {
    std::string account_key;
    std::string address_key;
    std::int64_t user_id = 0;
    std::string device_token_hash;
};

// An attempt that was let through and counted; `device_id` is set when the
// request came from a known device of the account.
struct SigninAttempt {
    std::optional<std::int64_t> device_id;
};

// Checks the limits and counts the attempt, atomically (the rows stay locked
// until `txn` commits). A ResourceExhausted error with retry_after_seconds
// when a limit is reached; nothing is counted then.
[[nodiscard]] Result<SigninAttempt> begin_signin_attempt(pqxx::work& txn, const SigninKeys& keys,
    const LoginLimits& limits);
// The password was right: the attempt's count is given back and the account
// is remembered as one that signs in from this address.
void signin_attempt_succeeded(pqxx::work& txn, const SigninKeys& keys, const SigninAttempt& attempt);
// The password was never checked (no hashing slot): the count is given back.
void signin_attempt_abandoned(pqxx::work& txn, const SigninKeys& keys, const SigninAttempt& attempt);
// Wrong current passwords when changing one's password, counted per account
// in a window of k_password_window_seconds: from the k_password_tries-th on,
// a wrong one signs out the session that sent it. A session left open (or
// stolen) can be used for a few guesses at the password it lacks, then not
// at all, and the owner is never locked out: the right password always works.
inline constexpr int k_password_tries = 5;
inline constexpr int k_password_window_seconds = 15 * 60;
// Locks the account's count until `txn` ends (a second change at the same
// moment waits, at most k_password_lock_wait, then is refused as Unavailable
// with a Retry-After); a window that has passed starts again at 0.
inline constexpr const char* k_password_lock_wait = "3s";
[[nodiscard]] Result<void> begin_password_check(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id);
// The current password was wrong (counted; answers the tries now) or right
// (the count is forgotten).
int password_check_failed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id);
// Join codes that match no course, typed by one student, counted per account
// in a window of k_join_code_window_seconds: from the k_join_code_tries-th
// on, joining by code is refused (ResourceExhausted with the seconds left in
// the window) until the window has passed, so the 8.5 x 10^11 codes of an
// academy cannot be guessed one request after another. The check locks the
// count until `txn` ends; a wrong code is counted by join_code_failed, and a
// right one leaves the count as it is (knowing one code does not reset it).
inline constexpr int k_join_code_tries = 10;
inline constexpr int k_join_code_window_seconds = 15 * 60;
[[nodiscard]] Result<void> begin_join_code_check(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id);
void join_code_failed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id);
void password_check_passed(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id);

// Removes the throttle's rows nobody needs any more (identity/prune_throttle.sql);
// answers how many windows and account-and-address pairs went.
struct PrunedThrottle {
    int windows = 0, pairs = 0;
};
inline constexpr int k_prune_batch = 5000;   // rows of each table per call (identity/prune_throttle.sql)
[[nodiscard]] PrunedThrottle prune_signin_throttle(pqxx::work& txn);

// Stores a new known device of the user by its token's SHA-256 (hex).
void create_signin_device(pqxx::work& txn, std::int64_t tenant_id, std::int64_t user_id,
    const std::string& token_hash);

// [sessions] -----------------------------------------------------------------

struct StoredSession {
    std::string id;
    std::string expires_at;   // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

// Stores a session by its token's SHA-256 (hex), living `lifetime` (a
// PostgreSQL interval such as "24 hours"). The caller writes its audit row.
[[nodiscard]] StoredSession insert_session(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t user_id,
    const std::string& token_hash, const std::string& lifetime);
void revoke_session(pqxx::transaction_base& txn, std::int64_t session_id);
// Ends every live session of a user (deactivation).
void revoke_user_sessions(pqxx::transaction_base& txn, std::int64_t user_id);
// Ends every live session of a user but one (a password change).
void revoke_other_sessions(pqxx::transaction_base& txn, std::int64_t user_id, std::int64_t kept_session_id);

} // namespace learnloop::server
