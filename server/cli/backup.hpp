// learnloop backup / restore: the whole database in pg_dump's custom format.
#pragma once

#include "core/result.hpp"

#include <pqxx/pqxx>

#include <string>

namespace learnloop::server {

// Writes the database at `url` to `file` (mode 0600; written beside it and
// renamed, so a failed backup never leaves a truncated file under the name).
[[nodiscard]] Result<void> backup_database(const std::string& url, const std::string& file);

// Restores `file` into the empty database at `url` in one transaction,
// creating the roles its objects name; refuses a database with tables.
[[nodiscard]] Result<void> restore_database(pqxx::connection& connection, const std::string& url, const std::string& file);

} // namespace learnloop::server
