// The two programs' bodies, kept in server_core so tests link the same code.
#pragma once

#include <string>
#include <vector>

namespace learnloop::server {

// learnloop-server: migrate (when configured), then serve until SIGINT/SIGTERM.
int run_server(const std::vector<std::string>& args);

// learnloop: the operator's command line (migrate, seed, create-tenant, ...).
int run_cli(const std::vector<std::string>& args);

} // namespace learnloop::server
