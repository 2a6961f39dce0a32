// The signed-in session: who is signed in and as which role, remembered in
// the tab so a reload keeps it, and ended at sign-out or when the server says so.
#pragma once

#include "identity/roles.hpp"
#include "identity/signup_policy.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct AppState;

struct Session {
    bool signed_in = false;
    std::string token;
    std::string name;
    // Parsed once, at sign-in or restore; only meaningful while signed_in.
    Role role = Role::Student;
    std::int64_t user_id = 0;
    // Bumped at every sign-in and sign-out, so answers to requests made in an
    // earlier session are dropped.
    int generation = 0;
    // Staff who signed themselves up are Pending until the school approves
    // them (read from GET /api/user by the teacher's portal); the portal then
    // shows only what the server lets a pending account do.
    Approval approval = Approval::Approved;
    // The school or business signed in to: its name for the top bar, and
    // its kind (a tutoring business's portals are its calendar).
    std::string tenant_name;
    TenantKind tenant_kind = TenantKind::School;
};

// Who a sign-in opened the portal for, as the server's answer gives it.
struct SignedIn {
    std::string token;
    std::string name;
    Role role = Role::Student;
    std::int64_t user_id = 0;
    std::string tenant_name;
    std::string tenant_kind;      // "school", "academy", "tutoring"
};

// begin_session opens the portal for a signed-in user (every portal starts
// afresh) and remembers the session for reloads of this tab (refreshed every
// minute while the app runs: keep_session_fresh); end_session forgets it
// (sign-out, or the server saying it has ended). restore_session reopens a
// remembered session at start-up, also offline, if the app was open in the
// tab within the last 30 minutes; the first request the server refuses with
// 401 ends it. `now`: seconds since the epoch.
void begin_session(AppState& state, const SignedIn& who, double now);
void keep_session_fresh(AppState& state);
void end_session(AppState& state);
void restore_session(AppState& state, double now);

// Signs out: revokes the token on the server and ends the session at once.
void sign_out(AppState& state);

} // namespace learnloop::client
