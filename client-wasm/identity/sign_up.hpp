// The sign-up screen: a visitor creates a teacher or student account, as the
// school's sign-up policy allows (asked of the server when the screen opens).
#pragma once

#include "identity/signup_policy.hpp"
#include "net/remote.hpp"

#include <string>

namespace learnloop::client {

struct AppState;

struct SignUpState {
    char name[128] = {};
    char email[256] = {};
    char password[256] = {};
    int role = 1;                 // index into the roles sign-up offers (sign_up.cpp): student
    bool attempted = false;
    Phase phase = Phase::Idle;
    std::string message;          // the server's refusal
    // The school's policy: until it arrives the form offers what an open
    // school allows (the server decides either way).
    Phase policy_phase = Phase::Idle;
    SignupPolicy policy = SignupPolicy::Open;
};

void draw_sign_up(AppState& state);

} // namespace learnloop::client
