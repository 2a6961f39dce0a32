// An academy student's skills, weak spots and study plan, their exam goal,
// and the summary a parent reads: made on every read from the student's
// quiz answers by shared-domain academy/study, so a plan follows the latest
// results. Who may read: the student, their parents, their course
// instructors and the office (mastery.read); who may set the goal: the
// student, their parents and administrators (study_goal.set).
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_study(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_set_study_goal(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_study_summary(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
