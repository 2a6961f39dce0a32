// The sign-in screen: email and password checked as you type by the shared
// rules, then the server's answer.
#pragma once

#include "core/result.hpp"
#include "net/remote.hpp"

#include <string>
#include <vector>

namespace learnloop::client {

struct AppState;

struct SignInState {
    char email[256] = {};
    char password[256] = {};
    char tenant[64] = {};             // a school's or business's code; empty: the server's default school
    bool tenant_recalled = false;     // the last code used on this device, filled in once
    bool email_edited = false;        // show email feedback once the user has typed
    bool submit_attempted = false;
    std::vector<Error> errors;        // from shared-domain validate_sign_in, every frame
    std::vector<Error> shown_errors;  // the subset on screen now
    Phase phase = Phase::Idle;
    std::string message;              // the server's answer when signing in failed
    std::string browse_message;       // why "Browse courses" could not open (no code typed)
};

void draw_sign_in(AppState& state);

} // namespace learnloop::client
