// The demo school (`learnloop seed demo`): Northbridge Demo School with its
// logins, three classes of students with parents, six weeks of marked
// assignments, learning targets and thousands of practice answers made with
// the same domain code the app runs (task selection, generation, grading,
// knowledge tracing), so every heatmap, chart and summary has a shape.
//
//   auto report = TRY(seed_demo_school(connection, { DemoSize::Full, 2026, std::time(nullptr) },
//       default_curriculum_dir()));
//   report.answers   // about 11,000 with the default seed
#pragma once

#include "core/result.hpp"
#include "identity/roles.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <span>
#include <string>

namespace learnloop::server {

// The password every demo user signs in with (printed by `seed demo`).
inline constexpr const char* k_demo_password = "learnloop-demo-2026";

// Minimal: the four logins, one class with the student, the parent linked and
// one upcoming assignment (what the API tests build on). Full: that, plus the
// whole school and its history.
enum class DemoSize { Minimal, Full };

struct DemoOptions {
    DemoSize size = DemoSize::Full;
    std::uint64_t seed = 2026;     // names into classes, abilities, answers, grades
    std::int64_t now_unix = 0;     // the history ends the day before this day (UTC)
};

struct DemoReport {
    bool history_added = false;    // false: it was there already
    int students = 0;
    int classes = 0;
    int assignments = 0;
    int submissions = 0;
    int graded = 0;
    int targets_assigned = 0;
    int task_sets = 0;
    int answers = 0;
    bool curriculum_seeded = false;   // the shared curriculum was absent and was loaded first
};

// Creates whatever of the demo is missing, in one transaction; running it
// again changes nothing. Every write is audited as the CLI: each user
// (user.create), each class (demo.seed) and the history (demo.history, with
// its counts). The full demo needs the shared curriculum; when no shared
// target exists it is seeded first from `curriculum_dir`.
[[nodiscard]] Result<DemoReport> seed_demo_school(pqxx::connection& connection, const DemoOptions& options,
    const std::string& curriculum_dir);

// The tenant's user with this email, made (and audited as user.create by the
// CLI) when missing, with the demo password. `password_hash` is the demo
// password's hash for the run: empty at first, filled by the first user made.
[[nodiscard]] Result<std::int64_t> ensure_demo_user(pqxx::work& txn, std::int64_t tenant_id, const std::string& email,
    const std::string& name, Role role, std::string& password_hash);

// One child of the demo school and the parent linked to them (demo_people.cpp).
struct DemoFamily {
    const char* student_name;
    const char* student_login;   // the email's local part
    const char* parent_name;
    const char* parent_login;
};
[[nodiscard]] std::span<const DemoFamily> demo_families();

} // namespace learnloop::server
