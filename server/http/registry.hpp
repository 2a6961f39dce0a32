// The one place the areas' route tables come together.
#pragma once

#include "http/route.hpp"

#include <vector>

namespace learnloop::server {

// Every area's API, in the order the OpenAPI document lists them. `system`
// is the server's own (health, this document); the areas follow.
[[nodiscard]] std::vector<AreaApi> product_areas();

// Prepares every named statement on a new database connection.
void prepare_statements(pqxx::connection& connection);

} // namespace learnloop::server
