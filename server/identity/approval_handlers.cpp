// Who may join a school: its self-registration policy (read by anyone for the
// sign-up screen, changed by administrators) and the staff accounts waiting
// for an administrator's approval (listed, approved or refused).
// [SECTION] policy, [SECTION] approval
#include "audit/audit_log.hpp"
#include "identity/identity_handlers.hpp"
#include "identity/identity_store.hpp"

namespace learnloop::server {

namespace {

const char* k_no_pending = "No account with that id is waiting for approval";

// The policy as the sign-up screen and the settings read it.
Json policy_json(SignupPolicy policy)
{
    Json roles = Json::array();
    for (auto role : signup_roles(policy))
        roles.push_back(role_name(role));
    return { { "policy", signup_policy_name(policy) }, { "roles", std::move(roles) },
        { "notice", signup_notice(policy) } };
}

// Approves or refuses a pending account, with its audit row; a refused
// account is deactivated and signed out in the same transaction.
Result<ApiResponse> decide(const httplib::Request& req, pqxx::work& txn, const Caller& caller, Approval decision)
{
    auto id = TRY(parse_id(req.matches[1], k_no_pending));
    auto account = decide_approval(txn, id, decision);
    if (!account)
        return make_error(ErrorCode::NotFound, k_no_pending);
    bool refused = decision == Approval::Refused;
    if (refused)
        revoke_user_sessions(txn, id);
    Json before = { { "approval", approval_name(Approval::Pending) } };
    Json after = { { "approval", approval_name(decision) }, { "email", account->email }, { "role", account->role } };
    if (refused) {
        before["active"] = true;
        after["active"] = false;
    }
    append_audit(txn, { caller.tenant_id, caller.actor(), refused ? "user.refuse" : "user.approve", "user",
                          std::to_string(id), std::move(before), std::move(after) });
    return json_response(200, { { "message", refused ? "Account refused" : "Account approved" }, { "user_id", id },
                                  { "approval", approval_name(decision) } });
}

} // namespace

// [SECTION] policy -----------------------------------------------------------

Result<ApiResponse> handle_public_signup_policy(const httplib::Request& req, const PublicContext& context)
{
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::read_transaction txn(connection);
        auto tenant_id = resolve_tenant(txn, named_tenant(req));
        if (!tenant_id)
            return headline_error(ErrorCode::NotFound, "Tenant not found", "No school is registered under that name");
        set_tenant(txn, *tenant_id);
        return json_response(200, policy_json(tenant_signup_policy(txn)));
    });
}

Result<ApiResponse> handle_get_signup_policy(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    return json_response(200, policy_json(tenant_signup_policy(txn)));
}

Result<ApiResponse> handle_set_signup_policy(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "policy" }));
    auto policy = TRY(parse_signup_policy(TRY(json_string_field(body, "policy"))));
    auto before = set_signup_policy(txn, policy);
    append_audit(txn, { caller.tenant_id, caller.actor(), "tenant.signup_policy", "tenant",
                          std::to_string(caller.tenant_id), { { "signup_policy", signup_policy_name(before) } },
                          { { "signup_policy", signup_policy_name(policy) } } });
    auto answer = policy_json(policy);
    answer["message"] = "Sign-up policy saved";
    return json_response(200, std::move(answer));
}

// [SECTION] approval ---------------------------------------------------------

Result<ApiResponse> handle_list_pending_accounts(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    return paged_response(req, page, list_pending_accounts(txn, page));
}

Result<ApiResponse> handle_approve_account(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    return decide(req, txn, caller, Approval::Approved);
}

Result<ApiResponse> handle_refuse_account(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    return decide(req, txn, caller, Approval::Refused);
}

} // namespace learnloop::server
