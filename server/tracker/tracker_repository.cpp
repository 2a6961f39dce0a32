// The assignment tracker's queries.
#include "tracker/tracker_repository.hpp"

namespace learnloop::server {

void prepare_tracker_variants(pqxx::connection& connection)
{
    std::vector<std::string> roles;
    for (auto role : k_all_roles)
        roles.emplace_back(role_name(role));
    prepare_variants(connection, "tracker/list_assignments", "role", roles);
}

std::string list_assignments_statement(Role role)
{
    return variant_name("tracker/list_assignments", role_name(role));
}

} // namespace learnloop::server
