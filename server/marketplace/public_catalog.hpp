// The catalog for visitors: anyone, signed in or not, finds a marketplace's
// published courses and reads their pages before making an account, as on
// any course marketplace. The marketplace is named by slug (?tenant= or the
// X-Tenant header); what a visitor reads is what a learner who owns nothing
// reads, through the same handlers, in a read-only transaction.
#pragma once

#include "http/route.hpp"

#include <vector>

namespace learnloop::server {

// GET /api/public/catalog and GET /api/public/courses/{id}.
[[nodiscard]] std::vector<Route> public_catalog_routes();

} // namespace learnloop::server
