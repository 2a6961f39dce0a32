// The sign-up screen: a visitor creates a teacher or student account.
#pragma once

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
};

void draw_sign_up(AppState& state);

} // namespace learnloop::client
