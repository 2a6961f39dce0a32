// The school's "Sign-up" tab (administrators): who may create their own
// account (the school's sign-up policy) and the staff who signed themselves
// up and wait for approval, each approved or refused here.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct ApprovalsTabState {
    Remote policy;                // GET /api/school/signup-policy
    int chosen = -1;              // index into k_all_signup_policies; -1 until the policy loads
    Outcome policy_action;        // the last save
    Remote pending;               // GET /api/staff-approvals
    Outcome decision;             // the last approval or refusal
    std::int64_t confirm_refuse_id = 0;
};

void draw_approvals_tab(AppState& state, ApprovalsTabState& tab);

[[nodiscard]] Json approvals_tab_summary(const ApprovalsTabState& tab);

} // namespace learnloop::client
