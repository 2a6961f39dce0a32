// Migration loading and application.
#include "db/migrations.hpp"

#include "platform/crypto.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace learnloop::server {

namespace {

// An arbitrary constant naming the migration advisory lock.
constexpr long long k_migration_lock_key = 0x4c4c4d4947;  // "LLMIG"

Result<int> version_of(const std::string& file_name)
{
    auto underscore = file_name.find('_');
    int version = 0;
    auto [end, ec] = std::from_chars(file_name.data(), file_name.data() + std::min(underscore, file_name.size()), version);
    if (underscore == std::string::npos || underscore == 0 || ec != std::errc()
        || end != file_name.data() + underscore || version <= 0)
        return make_error(ErrorCode::InvalidArgument,
            "migration file " + file_name + " must be named NNNN_description.sql");
    return version;
}

} // namespace

Result<std::vector<MigrationFile>> load_migrations(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return make_error(ErrorCode::NotFound, "migrations folder " + dir + " does not exist");

    std::vector<MigrationFile> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".sql")
            continue;
        MigrationFile file;
        file.file_name = entry.path().filename().string();
        file.version = TRY(version_of(file.file_name));
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream contents;
        contents << in.rdbuf();
        file.sql = contents.str();
        file.checksum = sha256_hex(file.sql);
        files.push_back(std::move(file));
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < files.size(); ++i) {
        if (files[i].version == files[i - 1].version)
            return make_error(ErrorCode::InvalidArgument,
                "migrations " + files[i - 1].file_name + " and " + files[i].file_name + " share a number");
    }
    return files;
}

Result<MigrationReport> apply_migrations(pqxx::connection& connection, const std::vector<MigrationFile>& migrations)
{
    // The advisory lock belongs to the session, so it outlives each short
    // statement below and every migration's own transaction.
    auto exec = [&](const std::string& sql) {
        pqxx::nontransaction statement(connection);
        auto result = statement.exec(sql);
        statement.commit();
        return result;
    };
    exec("SELECT pg_advisory_lock(" + std::to_string(k_migration_lock_key) + ")");
    struct Unlock {
        decltype(exec)& run;
        ~Unlock()
        {
            try {
                run("SELECT pg_advisory_unlock(" + std::to_string(k_migration_lock_key) + ")");
            } catch (...) {
                // The lock goes with the session if the connection is gone.
            }
        }
    } unlock { exec };

    exec(R"SQL(
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            file_name  text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        ))SQL");

    std::map<int, std::pair<std::string, std::string>> applied; // version -> (file name, checksum)
    for (const auto& row : exec("SELECT version, file_name, checksum FROM schema_migrations"))
        applied[row[0].as<int>()] = { row[1].as<std::string>(), row[2].as<std::string>() };

    // Check everything before applying anything.
    for (const auto& [version, recorded] : applied) {
        auto on_disk = std::find_if(migrations.begin(), migrations.end(), [&](const auto& m) { return m.version == version; });
        if (on_disk == migrations.end())
            return make_error(ErrorCode::FailedPrecondition,
                "the database has migration " + recorded.first
                    + " which is not in the migrations folder; is this an older build?");
        if (on_disk->checksum != recorded.second)
            return make_error(ErrorCode::FailedPrecondition,
                "migration " + on_disk->file_name + " was changed after it was applied (recorded checksum "
                    + recorded.second.substr(0, 12) + ", file now " + on_disk->checksum.substr(0, 12)
                    + "); applied migrations are append-only: restore the file and add a new migration instead");
    }

    MigrationReport report;
    for (const auto& migration : migrations) {
        if (applied.count(migration.version)) {
            ++report.already_applied;
            continue;
        }
        try {
            pqxx::work txn(connection);
            txn.exec(migration.sql);
            // A migration may SET LOCAL ROLE to create objects as the owner role;
            // the bookkeeping row is written as the migrating user.
            txn.exec("RESET ROLE");
            txn.exec_params("INSERT INTO schema_migrations (version, file_name, checksum) VALUES ($1, $2, $3)",
                migration.version, migration.file_name, migration.checksum);
            txn.commit();
        } catch (const pqxx::sql_error& e) {
            return make_error(ErrorCode::FailedPrecondition,
                "migration " + migration.file_name + " failed and was rolled back: " + e.what());
        }
        report.applied.push_back(migration.file_name);
    }
    return report;
}

} // namespace learnloop::server
