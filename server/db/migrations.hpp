// Numbered SQL migrations: loaded from migrations/, applied in order, each in a
// transaction, recorded with a checksum in schema_migrations. Used by both
// `learnloop migrate` and the server's start.
#pragma once

#include "core/result.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace learnloop::server {

struct MigrationFile {
    int version = 0;          // the number before the first '_'
    std::string file_name;    // e.g. "0001_init.sql"
    std::string sql;
    std::string checksum;     // SHA-256 of the file's bytes, hex
};

struct MigrationReport {
    std::vector<std::string> applied;   // file names applied by this run
    std::size_t already_applied = 0;
};

// Reads every NNNN_name.sql in `dir`, sorted by number. Files not ending in
// .sql are ignored; a malformed name or a repeated number is an error.
[[nodiscard]] Result<std::vector<MigrationFile>> load_migrations(const std::string& dir);

// Applies what is missing. Refuses (FailedPrecondition, nothing applied) when
// an applied file was changed or the database has a migration not on disk.
// Concurrent callers are serialised by an advisory lock.
[[nodiscard]] Result<MigrationReport> apply_migrations(pqxx::connection& connection,
    const std::vector<MigrationFile>& migrations);

} // namespace learnloop::server
