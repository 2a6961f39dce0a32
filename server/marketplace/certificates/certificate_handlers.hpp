// Certificates of completion in the API: issued when a learner meets a
// course's rule (the progress mark that does it, or the learner asking),
// listed for the learner, the course's instructor and the office, handed out
// as a signed Open Badges 3.0 file, and revoked by an administrator.
#pragma once

#include "http/api.hpp"
#include "marketplace/certificates.hpp"
#include "marketplace/progress.hpp"

#include <string>
#include <vector>

namespace learnloop::server {

struct IssueOutcome {
    std::string certificate_id;      // the certificate in force, if any
    bool issued_now = false;
    std::string course_title;
    std::vector<std::string> left;   // for people: what the rule still asks
};

// Issues the caller's certificate for course `course_id` when its rule is
// met by `progress` (and the quizzes' marks) and none is in force; signs it
// with the tenant's key, made on its first certificate. Audited
// `certificate.issue` with the write.
[[nodiscard]] Result<IssueOutcome> issue_certificate_if_earned(pqxx::work& txn, const Caller& caller,
    std::int64_t course_id, const CourseProgress& progress);
// A learner's best mark in each of a course's quizzes, for its rule.
[[nodiscard]] std::vector<QuizMark> course_quiz_marks(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id);
// What a learner is told of a certificate issued now: {"id", "url", "message"}.
[[nodiscard]] Json certificate_made_json(const IssueOutcome& outcome);

// POST /api/marketplace/courses/{id}/certificate
[[nodiscard]] Result<ApiResponse> handle_claim_certificate(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/certificates
[[nodiscard]] Result<ApiResponse> handle_certificates(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/certificates/{uuid}/credential
[[nodiscard]] Result<ApiResponse> handle_certificate_file(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/certificates/{uuid}/revoke
[[nodiscard]] Result<ApiResponse> handle_revoke_certificate(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

} // namespace learnloop::server
