// The assignment tracker's queries (server/tracker/queries/).
#pragma once

#include "db/sql.hpp"
#include "identity/roles.hpp"

namespace learnloop::server {

// Prepares the per-role assignment lists on a new connection.
void prepare_tracker_variants(pqxx::connection& connection);

// The statement listing assignments as `role` sees them.
[[nodiscard]] std::string list_assignments_statement(Role role);

} // namespace learnloop::server
