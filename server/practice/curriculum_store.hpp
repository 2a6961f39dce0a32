// The shared curriculum in PostgreSQL: loading the repository's curriculum/
// files and seeding them idempotently (changed items updated, removed ones
// retired, students' history untouched).
#pragma once

#include "practice/curriculum.hpp"
#include "core/result.hpp"

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

struct RefitReport {
    int answers = 0;
    int targets_fitted = 0;
    int targets_skipped = 0;   // too few answers to fit
};

// Refits each target's BKT parameters from one school's own answers (by EM,
// the same code as `kt fit`) and stores them in tenant_target_params, which
// new answers and task sets use from then on. Targets with fewer than
// `min_answers` answers keep the curriculum's parameters. Runs in the CLI,
// outside the server, so requests never wait for it.
[[nodiscard]] Result<RefitReport> refit_tenant(pqxx::work& txn, std::int64_t tenant_id, int min_answers,
    const std::string& actor);

} // namespace learnloop::server
