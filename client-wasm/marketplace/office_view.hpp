// Whether the signed-in person does a marketplace action for the whole
// office (administrators: every course) or for themselves (instructors:
// their own courses), from the shared marketplace_reach rule the server
// asks too. Screens word themselves and choose their fields by it.
//   office_view(state, Action::CourseManage)   // true for an administrator
#pragma once

#include "app.hpp"
#include "marketplace/reach.hpp"

namespace learnloop::client {

[[nodiscard]] inline bool office_view(const AppState& state, Action action)
{
    return marketplace_reach(state.session.role, state.session.approval, action) == MarketplaceReach::Office;
}

} // namespace learnloop::client
