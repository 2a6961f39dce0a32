// Sessions: begin, keep fresh, end, restore after a reload, sign out.
#include "identity/session.hpp"

#include "app.hpp"
#include "platform/http_client.hpp"
#include "platform/storage.hpp"

namespace learnloop::client {

namespace {

// A remembered session is reopened only if the app was open within this
// time: closing a tab on a shared computer and reopening it later (browsers
// restore a closed tab's sessionStorage) must not sign the next person in.
constexpr double k_session_idle_seconds = 30 * 60;

void remember_session(AppState& state, double now)
{
    const auto& s = state.session;
    state.session_remembered_at = now;
    session_remember(Json { { "token", s.token }, { "name", s.name }, { "role", role_name(s.role) },
        { "user_id", s.user_id }, { "saved_at", now }, { "tenant_name", s.tenant_name },
        { "tenant_kind", tenant_kind_name(s.tenant_kind) } }
                         .dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

void begin_session(AppState& state, const SignedIn& who, double now)
{
    Session s;
    s.signed_in = true;
    s.token = who.token;
    s.name = who.name;
    s.role = who.role;
    s.user_id = who.user_id;
    s.generation = state.session.generation + 1;
    s.tenant_name = who.tenant_name;
    state.session = std::move(s);
    state.session.tenant_kind = parse_tenant_kind(who.tenant_kind).value_or(TenantKind::School);
    reset_portal(state);
    state.notice.clear();
    state.screen = AppState::Screen::Portal;
    remember_session(state, now);
}

void keep_session_fresh(AppState& state)
{
    if (state.session.signed_in && state.wall_clock - state.session_remembered_at > 60)
        remember_session(state, state.wall_clock);
}

void end_session(AppState& state)
{
    const int generation = state.session.generation + 1;
    state.session = {};
    state.session.generation = generation;
    state.screen = AppState::Screen::SignIn;
    session_forget();
}

void restore_session(AppState& state, double now)
{
    auto stored = parse_json(session_recall());
    if (!stored.ok() || !stored.value().is_object())
        return;
    const auto& s = stored.value();
    auto token = json_string_field(s, "token").value_or("");
    auto role = parse_role(json_string_field(s, "role").value_or(""));
    bool fresh = s.contains("saved_at") && s["saved_at"].is_number()
        && now - s["saved_at"].get<double>() < k_session_idle_seconds;
    bool has_user = s.contains("user_id") && s["user_id"].is_number_integer();
    if (token.size() != 64 || !role.ok() || !fresh || !has_user) {
        session_forget();
        return;
    }
    begin_session(state,
        { token, json_string_field(s, "name").value_or(""), role.value(), s["user_id"].get<std::int64_t>(),
            json_string_field(s, "tenant_name").value_or(""), json_string_field(s, "tenant_kind").value_or("school") },
        now);
}

void sign_out(AppState& state)
{
    // Revoke the token on the server; the local session ends at once either way.
    if (!state.session.token.empty()) {
        HttpRequest request { "POST", "/api/logout", {}, { { "Authorization", "Bearer " + state.session.token } } };
        http_send(request, [&state, request](HttpResponse response) {
            state.last_network = { request.method, request.url, response.status };
        });
    }
    portal_sign_out(state);
    end_session(state);
    state.sign_in = {};
}

} // namespace learnloop::client
