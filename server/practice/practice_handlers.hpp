// The practice area's handlers (the mastery engine), named in its route
// table (practice/routes.cpp).
#pragma once

#include "http/api.hpp"
#include "practice/mastery.hpp"
#include "practice/practice_repository.hpp"
#include "practice/selection.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace learnloop::server {

// curriculum_handlers.cpp: the catalogue, the school's own targets and templates, assigning targets.
Result<ApiResponse> handle_list_targets(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_target(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_template(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_assign_targets(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// practice_handlers.cpp: task sets, answers, practice statistics.
Result<ApiResponse> handle_create_task_set(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_answer_task(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_practice_stats(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// mastery_handlers.cpp: a student's mastery, a class's heatmap.
Result<ApiResponse> handle_student_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_class_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// How a student's task set is chosen, shared by POST /api/task-sets and the
// demo school's simulated history (server/cli/demo_school.cpp), so both pick
// sets the same way: the domain's set size over the assigned targets, each
// target as selection_target() sees it, the recent templates avoided.
[[nodiscard]] SelectionInput task_set_selection(const std::vector<AssignedTarget>& targets,
    const std::vector<PracticeTemplate>& templates, std::vector<std::string> recent_template_codes, std::uint64_t seed);
// A seed as a set or task stores it: 62 bits, so it fits a bigint and stays exact in JSON.
[[nodiscard]] std::int64_t storable_seed(std::uint64_t seed);

// One target's mastery as task sets, answers and the mastery view return it
// (the TargetState schema): {"target_id", "title", "strand", "known",
// "attempts", "level", "bkt", "answers_to_proficient", "answers_to_mastered"}.
[[nodiscard]] Json target_state_json(const std::string& code, const std::string& title, const std::string& strand,
    double known, int attempts, const BktParams& params);

} // namespace learnloop::server
