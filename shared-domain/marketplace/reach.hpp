// Whose marketplace records a person reads under an action whose matrix
// scope is "own" for two roles that own different things: the office reads
// every one, an instructor their courses' (sales, learners' certificates),
// a learner their own (purchases, certificates); nobody else.
//   marketplace_reach(Role::Teacher, Approval::Approved, Action::OrderRead)   // Reach::Instructor
#pragma once

#include "identity/permissions.hpp"

namespace learnloop {

enum class MarketplaceReach { None, Office, Instructor, Learner };

[[nodiscard]] MarketplaceReach marketplace_reach(Role role, Approval approval, Action action);

// The scope the server's named queries take: "tenant", "teach", "own" ("" for none).
[[nodiscard]] const char* marketplace_reach_name(MarketplaceReach reach);

} // namespace learnloop
