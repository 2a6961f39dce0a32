// The mastery engine's reads and writes (server/practice/queries/): plain
// structs in and out, columns read by name. No HTTP here; the curriculum
// seeding and refit of the CLI are curriculum_store.hpp's.
//
//   for (const auto& target : assigned_targets(txn, student_id))
//       use(target.code, target.known, target.params);
// [SECTION] the curriculum, [SECTION] assigning targets, [SECTION] practice, [SECTION] mastery
#pragma once

#include "db/sql.hpp"
#include "practice/curriculum.hpp"
#include "practice/heatmap.hpp"
#include "practice/mastery.hpp"
#include "practice/tasks.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

// [SECTION] the curriculum ---------------------------------------------------

// The catalogue's filters; each one left empty does not filter.
struct TargetFilter {
    std::optional<std::string> search;    // matched literally (LIKE's wildcards are escaped) in code, title, description
    std::optional<std::string> subject;
    std::optional<std::string> strand;
};

struct TargetSummary {
    std::string code;
    std::string subject;
    std::string strand;
    std::string title;
    std::string description;
    std::int64_t templates = 0;   // live templates
};

struct TargetPage {
    std::vector<TargetSummary> targets;
    std::int64_t total = 0;
};

// The live targets (shared and the school's own) by subject, strand and code.
[[nodiscard]] TargetPage list_targets(pqxx::transaction_base& txn, const TargetFilter& filter, const Page& page);

// The live target a school means by `code` (its own before the shared one).
[[nodiscard]] std::optional<std::int64_t> find_live_target(pqxx::transaction_base& txn, const std::string& code);
// Whether a target or template the school can see (live or retired) has this code.
[[nodiscard]] bool target_code_taken(pqxx::transaction_base& txn, const std::string& code);
[[nodiscard]] bool template_code_taken(pqxx::transaction_base& txn, const std::string& code);

// Stores one of the school's own targets or templates; returns its id.
std::int64_t insert_target(pqxx::transaction_base& txn, std::int64_t tenant_id, const LearningTarget& target);
std::int64_t insert_template(pqxx::transaction_base& txn, std::int64_t tenant_id, const TaskTemplate& tmpl,
    std::int64_t target_id, const std::string& body);

// [SECTION] assigning targets --------------------------------------------------

// The active students of a class.
[[nodiscard]] std::vector<std::int64_t> class_student_ids(pqxx::transaction_base& txn, std::int64_t class_id);

struct SubmissionOwner {
    std::int64_t student_id = 0;   // who wrote it
    std::int64_t teacher_id = 0;   // who set the assignment
};
[[nodiscard]] std::optional<SubmissionOwner> find_submission_owner(pqxx::transaction_base& txn,
    std::int64_t submission_id);

struct TargetAssignment {
    std::int64_t tenant_id = 0;
    std::int64_t student_id = 0;
    std::int64_t target_id = 0;
    std::int64_t assigned_by = 0;
    std::optional<std::int64_t> submission_id;   // the marked work that prompted it
};
// Adds the assignment unless the student has the target already; whether it was added.
bool assign_target(pqxx::transaction_base& txn, const TargetAssignment& assignment);

// [SECTION] practice -------------------------------------------------------------

// One of a student's assigned, live targets with their mastery and the BKT
// parameters in force (the school's refit ones, else the curriculum's).
struct AssignedTarget {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string strand;
    BktParams params;
    double known = 0;   // the prior before any answer
    int attempts = 0;
};
// By strand and code.
[[nodiscard]] std::vector<AssignedTarget> assigned_targets(pqxx::transaction_base& txn, std::int64_t student_id);

struct PracticeTemplate {
    std::int64_t id = 0;
    std::string code;
    std::string target_code;
    int difficulty = 1;
    std::string body;   // the template as stored (JSON text)
};
// The live templates of a student's assigned targets.
[[nodiscard]] std::vector<PracticeTemplate> assigned_templates(pqxx::transaction_base& txn, std::int64_t student_id);
// The templates of a student's latest 30 answers, newest first.
[[nodiscard]] std::vector<std::string> recent_template_codes(pqxx::transaction_base& txn, std::int64_t student_id);

std::int64_t insert_task_set(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t student_id,
    std::int64_t seed);

struct NewTask {
    std::int64_t tenant_id = 0;
    std::int64_t set_id = 0;
    int position = 0;
    std::int64_t template_id = 0;
    std::string template_body;   // kept with the task, so a later edit cannot change its grading
    std::int64_t seed = 0;
};
std::int64_t insert_task(pqxx::transaction_base& txn, const NewTask& task);

// An answer stored earlier under a client id.
struct StoredAnswer {
    std::string verdict;
    double score = 0;
    double known_after = 0;
    std::int64_t task_id = 0;
    std::int64_t student_id = 0;
};
[[nodiscard]] std::optional<StoredAnswer> find_answer_by_client_id(pqxx::transaction_base& txn,
    const std::string& client_id);

// What grading an answer to one of a student's tasks needs.
struct TaskToAnswer {
    std::int64_t seed = 0;
    std::string template_body;
    std::int64_t target_id = 0;
    std::string target_code;
    std::string title;
    std::string strand;
    BktParams params;
    bool answered = false;
    std::string set_created_at;   // a timestamp PostgreSQL reads back
};
// Nothing when the task is not one of the student's.
[[nodiscard]] std::optional<TaskToAnswer> find_task_to_answer(pqxx::transaction_base& txn, std::int64_t task_id,
    std::int64_t student_id);

// Holds a student's mastery of a target until the transaction ends, so
// answers to it (two devices syncing at once) apply one at a time.
void lock_mastery_state(pqxx::transaction_base& txn, std::int64_t student_id, std::int64_t target_id);

struct MasteryState {
    double known = 0;
    int attempts = 0;
};
// Nothing before the student's first answer to the target.
[[nodiscard]] std::optional<MasteryState> find_mastery_state(pqxx::transaction_base& txn, std::int64_t student_id,
    std::int64_t target_id);
void save_mastery_state(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t student_id,
    std::int64_t target_id, const MasteryState& state);

struct NewAnswer {
    std::int64_t tenant_id = 0;
    std::int64_t task_id = 0;
    std::int64_t student_id = 0;
    std::string client_id;
    std::string answer;   // JSON text
    std::string verdict;
    double score = 0;
    std::optional<std::string> client_verdict;
    bool disagreement = false;
    double known_after = 0;
    std::optional<std::string> answered_at;   // the device's time, kept between the set's creation and now
    std::string set_created_at;
};
// The new answer's id; nothing when the task or client id was answered already.
[[nodiscard]] std::optional<std::int64_t> insert_answer(pqxx::transaction_base& txn, const NewAnswer& answer);

struct PracticeStats {
    std::int64_t answers = 0;
    std::int64_t disagreements = 0;   // the browser's and the server's grades differ
    std::int64_t students = 0;
};
[[nodiscard]] PracticeStats practice_stats(pqxx::transaction_base& txn);

// [SECTION] mastery ----------------------------------------------------------------

struct HistoryEntry {
    std::string target_code;
    double known_after = 0;
    std::string verdict;
    std::string answered_at;      // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string answered_local;   // in the given zone, "YYYY-MM-DD HH:MM"
};

struct HistoryPage {
    std::vector<HistoryEntry> entries;
    std::int64_t total = 0;   // every answer of the student
};
// A student's answers, newest first.
[[nodiscard]] HistoryPage mastery_history(pqxx::transaction_base& txn, std::int64_t student_id,
    const std::string& time_zone, const Page& page);

// Each active student's mastery of each live target assigned to them, by
// student name, student id and target code: the rows build_class_heatmap takes.
[[nodiscard]] std::vector<HeatmapRow> class_mastery(pqxx::transaction_base& txn, std::int64_t class_id);

} // namespace learnloop::server
