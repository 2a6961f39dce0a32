// The shared curriculum in PostgreSQL: loading the repository's curriculum/
// files and seeding them idempotently (changed items updated, removed ones
// retired, students' history untouched).
#pragma once

#include "curriculum.hpp"
#include "result.hpp"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace learnloop::server {

// Reads and decodes every *.json below `dir` (sorted by path); errors name the file.
[[nodiscard]] Result<std::vector<CurriculumFile>> load_curriculum_dir(const std::string& dir);

struct CurriculumSeedReport {
    int targets_added = 0, targets_updated = 0, targets_unchanged = 0, targets_retired = 0;
    int templates_added = 0, templates_updated = 0, templates_unchanged = 0, templates_retired = 0;
};

// Upserts the files as shared curriculum (tenant NULL) by code, comparing a
// content hash, and retires shared items no longer in the files. One audit
// row on the platform chain records the counts.
[[nodiscard]] Result<CurriculumSeedReport> seed_curriculum(pqxx::work& txn, const std::vector<CurriculumFile>& files,
    const std::string& actor);

[[nodiscard]] std::string default_curriculum_dir();

} // namespace learnloop::server
