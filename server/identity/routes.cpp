// The identity area's routes: sign-up, sign-in, the current user, sign-out
// and session refresh (the assignment-tracker contract's first three).
#include "identity/routes.hpp"

#include "http/schema.hpp"
#include "identity/identity_handlers.hpp"

namespace learnloop::server {

AreaApi identity_api()
{
    AreaApi api { "identity", "Accounts and sessions", {}, Json::object() };
    auto& s = api.schemas;
    s["SignUpRequest"] = request_schema(
        {
            { "email", string_schema() },
            { "password", string_schema("At least the length the sign-up screen asks for") },
            { "name", string_schema() },
            { "role", enum_schema({ "teacher", "student" }) },
            { "tenant", string_schema("The school's slug; the default school when absent (or the X-Tenant header)") },
        },
        { "email", "password", "name", "role" });
    s["SignUpResponse"] = message_schema({ { "user_id", id_schema() } });
    s["SignUpResponse"]["required"] = Json::array({ "message", "user_id" });
    s["LoginRequest"] = request_schema(
        { { "email", string_schema() }, { "password", string_schema() }, { "tenant", string_schema() } },
        { "email", "password" });
    s["LoginResponse"] = message_schema({ { "token", string_schema("Opaque bearer token") }, { "user_id", id_schema() },
        { "role", string_schema() }, { "name", string_schema() }, { "expires_at", utc_timestamp_schema() } });
    s["LoginResponse"]["required"] = Json::array({ "message", "token", "user_id", "role", "name", "expires_at" });
    s["CurrentUser"] = object_schema({ { "user_id", id_schema() }, { "email", string_schema() }, { "name", string_schema() },
                                         { "role", string_schema() }, { "tenant_id", id_schema() },
                                         { "time_zone", string_schema("IANA zone of the school") } },
        { "user_id", "email", "name", "role", "tenant_id", "time_zone" });
    s["SessionResponse"] = message_schema({ { "token", string_schema() }, { "expires_at", utc_timestamp_schema() } });
    s["SessionResponse"]["required"] = Json::array({ "message", "token", "expires_at" });
    s["SignedOut"] = message_schema();

    api.routes = {
        hashes_password({ Method::Post, "/api/signup", std::nullopt, nullptr, handle_signup,
            "Create an account (teacher or student) in a school", "SignUpRequest", "SignUpResponse", 201 }),
        hashes_password({ Method::Post, "/api/login", std::nullopt, nullptr, handle_login,
            "Sign in and receive a bearer token", "LoginRequest", "LoginResponse", 200 }),
        { Method::Get, "/api/user", std::nullopt, handle_current_user, nullptr, "The signed-in user", "", "CurrentUser",
            200 },
        { Method::Post, "/api/logout", std::nullopt, handle_logout, nullptr, "Sign out (revoke this token)", "",
            "SignedOut", 200 },
        { Method::Post, "/api/refresh", std::nullopt, handle_refresh, nullptr,
            "Exchange this token for a fresh one with a new expiry", "", "SessionResponse", 200 },
    };
    return api;
}

} // namespace learnloop::server
