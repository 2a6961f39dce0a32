// The identity area's routes: sign-up, sign-in, the current user, sign-out,
// session refresh (the assignment-tracker contract's first three) and
// password change; who may sign up, and staff accounts waiting for approval.
#include "identity/routes.hpp"

#include "http/schema.hpp"
#include "identity/identity_handlers.hpp"

namespace learnloop::server {

namespace {

Json enum_schema_described(std::initializer_list<const char*> values, const char* description)
{
    auto schema = enum_schema(values);
    schema["description"] = description;
    return schema;
}

} // namespace

AreaApi identity_api()
{
    AreaApi api { "identity", "Accounts and sessions", {}, Json::object() };
    auto& s = api.schemas;
    s["SignUpRequest"] = request_schema(
        {
            { "email", string_schema() },
            { "password", string_schema("At least 8 characters, not a common password (the sign-up screen's rule)") },
            { "name", string_schema() },
            { "role", enum_schema({ "teacher", "student" }) },
            { "tenant", string_schema("The school's slug; the default school when absent (or the X-Tenant header)") },
        },
        { "email", "password", "name", "role" });
    s["SignUpResponse"] = message_schema({ { "user_id", id_schema() },
        { "approval",
            enum_schema_described({ "approved", "pending" },
                "pending: a teacher who signed up waits for an administrator's approval before reaching students") } });
    s["SignUpResponse"]["required"] = Json::array({ "message", "user_id" });
    s["LoginRequest"] = request_schema(
        { { "email", string_schema() }, { "password", string_schema() }, { "tenant", string_schema() },
            { "device", string_schema("The device_token this browser was given at an earlier sign-in, if any") } },
        { "email", "password" });
    s["LoginResponse"] = message_schema({ { "token", string_schema("Opaque bearer token") }, { "user_id", id_schema() },
        { "role", string_schema() }, { "name", string_schema() }, { "expires_at", utc_timestamp_schema() },
        { "device_token",
            string_schema("Keep it on this device and send it as device at the next sign-in: the owner's device "
                          "is let through while the account is locked for others") },
        { "tenant_name", string_schema() },
        { "tenant_kind", enum_schema({ "school", "academy", "tutoring", "marketplace" }) } });
    s["LoginResponse"]["required"] = Json::array({ "message", "token", "user_id", "role", "name", "expires_at" });
    s["CurrentUser"] = object_schema({ { "user_id", id_schema() }, { "email", string_schema() }, { "name", string_schema() },
                                         { "role", string_schema() }, { "tenant_id", id_schema() },
                                         { "time_zone", string_schema("IANA zone of the school") },
                                         { "approval", enum_schema_described({ "approved", "pending" },
                                                           "pending: staff who signed themselves up, not yet approved; "
                                                           "they keep their own assignments and grading only") },
                                         { "tenant_name", string_schema() },
                                         { "tenant_kind", enum_schema({ "school", "academy", "tutoring", "marketplace" }) } },
        { "user_id", "email", "name", "role", "tenant_id", "time_zone" });
    s["SessionResponse"] = message_schema({ { "token", string_schema() }, { "expires_at", utc_timestamp_schema() } });
    s["SessionResponse"]["required"] = Json::array({ "message", "token", "expires_at" });
    s["SignedOut"] = message_schema();
    // [who may join]
    s["SignupPolicy"] = object_schema(
        {
            { "policy",
                enum_schema_described({ "open", "students_only", "nobody" },
                    "open: teachers and students sign themselves up (teachers wait for approval); students_only: "
                    "staff accounts are made by the school; nobody: every account is made by the school") },
            { "roles", array_of(enum_schema({ "teacher", "student" })) },
            { "notice", string_schema("What the sign-up screen tells visitors about the policy") },
        },
        { "policy", "roles", "notice" });
    s["SignupPolicyRequest"] = request_schema(
        { { "policy", enum_schema({ "open", "students_only", "nobody" }) } }, { "policy" });
    s["SignupPolicySaved"] = s["SignupPolicy"];
    s["SignupPolicySaved"]["properties"]["message"] = string_schema();
    s["SignupPolicySaved"]["required"].push_back("message");
    s["PendingAccount"] = object_schema(
        {
            { "id", id_schema() },
            { "email", string_schema() },
            { "name", string_schema() },
            { "role", string_schema() },
            { "signed_up_at", utc_timestamp_schema() },
        },
        { "id", "email", "name", "role", "signed_up_at" });
    s["PendingAccountList"] = array_of(schema_ref("PendingAccount"));
    s["ApprovalDecision"] = message_schema({ { "user_id", id_schema() },
        { "approval", enum_schema({ "approved", "refused" }) } });
    s["ApprovalDecision"]["required"] = Json::array({ "message", "user_id", "approval" });
    s["PasswordChange"] = request_schema(
        { { "current_password", string_schema() },
            { "new_password", string_schema("Follows the same rule as a new account's password") } },
        { "current_password", "new_password" });
    s["PasswordChanged"] = message_schema();

    api.routes = {
        hashes_password({ Method::Post, "/api/signup", std::nullopt, nullptr, handle_signup,
            "Create an account (teacher or student) in a school, as its sign-up policy allows (403 when it does not); "
            "a teacher's account waits for approval",
            "SignUpRequest", "SignUpResponse", 201 }),
        { Method::Get, "/api/signup-policy", std::nullopt, nullptr, handle_public_signup_policy,
            "Who may sign up to a school (X-Tenant header or ?tenant=; the default school otherwise)", "",
            "SignupPolicy", 200, { { "tenant", string_schema(), "The school's slug" } } },
        hashes_password({ Method::Post, "/api/login", std::nullopt, nullptr, handle_login,
            "Sign in and receive a bearer token", "LoginRequest", "LoginResponse", 200 }),
        { Method::Get, "/api/user", std::nullopt, handle_current_user, nullptr, "The signed-in user", "", "CurrentUser",
            200 },
        { Method::Post, "/api/logout", std::nullopt, handle_logout, nullptr, "Sign out (revoke this token)", "",
            "SignedOut", 200 },
        { Method::Post, "/api/refresh", std::nullopt, handle_refresh, nullptr,
            "Exchange this token for a fresh one with a new expiry", "", "SessionResponse", 200 },
        { Method::Get, "/api/school/signup-policy", Action::SignupPolicyManage, handle_get_signup_policy, nullptr,
            "The school's sign-up policy (administrators)", "", "SignupPolicy", 200 },
        { Method::Put, "/api/school/signup-policy", Action::SignupPolicyManage, handle_set_signup_policy, nullptr,
            "Change who may sign up to the school (audited)", "SignupPolicyRequest", "SignupPolicySaved", 200 },
        { Method::Get, "/api/staff-approvals", Action::StaffApprove, handle_list_pending_accounts, nullptr,
            "Staff who signed themselves up and wait for approval, oldest first, paged", "", "PendingAccountList", 200,
            { page_limit_param(), page_offset_param() } },
        { Method::Post, "/api/users/{id}/approve", Action::StaffApprove, handle_approve_account, nullptr,
            "Approve a waiting staff account: it reaches students as its role allows (audited)", "",
            "ApprovalDecision", 200 },
        { Method::Post, "/api/users/{id}/refuse", Action::StaffApprove, handle_refuse_account, nullptr,
            "Refuse a waiting staff account: it is deactivated and signed out (audited)", "", "ApprovalDecision", 200 },
        hashes_password({ Method::Post, "/api/user/password", std::nullopt, handle_change_password, nullptr,
            "Change your own password; your other sessions are signed out", "PasswordChange", "PasswordChanged", 200 }),
    };
    return api;
}

} // namespace learnloop::server
