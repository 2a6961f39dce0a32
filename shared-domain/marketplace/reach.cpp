// Whose marketplace records a person reads (reach.hpp).
#include "marketplace/reach.hpp"

namespace learnloop {

MarketplaceReach marketplace_reach(Role role, Approval approval, Action action)
{
    switch (permission_scope(role, action, approval)) {
    case Scope::Tenant: return MarketplaceReach::Office;
    case Scope::None: return MarketplaceReach::None;
    default: return role == Role::Teacher ? MarketplaceReach::Instructor : MarketplaceReach::Learner;
    }
}

const char* marketplace_reach_name(MarketplaceReach reach)
{
    switch (reach) {
    case MarketplaceReach::Office: return "tenant";
    case MarketplaceReach::Instructor: return "teach";
    case MarketplaceReach::Learner: return "own";
    case MarketplaceReach::None: break;
    }
    return "";
}

} // namespace learnloop
