// Certificates in the API (certificate_handlers.hpp).
#include "marketplace/certificates/certificate_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "marketplace/certificates.hpp"
#include "marketplace/certificates/issuing.hpp"
#include "marketplace/learning_handlers.hpp"
#include "platform/clock.hpp"

#include <ctime>

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
const char* k_certificate_not_found = "Certificate not found";
constexpr std::size_t k_reason_most = 500;

// A certificate as lists show it.
Json certificate_json(const pqxx::row& row)
{
    const auto id = row["id"].as<std::string>();
    const bool revoked = !row["revoked_at"].is_null();
    return { { "id", id }, { "course_id", row["course_id"].as<std::int64_t>() },
        { "course_title", row["course_title"].as<std::string>() },
        { "course_slug", nullable_json<std::string>(row["course_slug"]) },
        { "learner_id", row["learner_id"].as<std::int64_t>() }, { "learner_name", row["learner_name"].as<std::string>() },
        { "issued_at", row["issued_at"].as<std::string>() }, { "url", "/verify/" + id },
        { "status", revoked ? "revoked" : "valid" }, { "status_label", revoked ? "Revoked" : "Valid" },
        { "revoked_at", revoked ? Json(row["revoked_at"].as<std::string>()) : Json(nullptr) },
        { "revoked_reason", nullable_json<std::string>(row["revoked_reason"]) } };
}

Result<pqxx::row> readable_certificate(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const std::string id = req.matches[1];   // a UUID: the route's pattern
    auto rows = exec_named(txn, "marketplace/certificate_readable", id, marketplace_scope(caller, Action::CertificateRead), caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_certificate_not_found);
    return rows[0];
}

} // namespace

Result<IssueOutcome> issue_certificate_if_earned(pqxx::work& txn, const Caller& caller, std::int64_t course_id,
    const CourseProgress& progress)
{
    const auto terms = certificate_terms(txn, course_id, caller.user_id);
    if (!terms)
        return make_error(ErrorCode::NotFound, k_course_not_found);
    IssueOutcome outcome;
    outcome.course_title = terms->course_title;
    outcome.certificate_id = terms->held;
    if (!terms->held.empty())
        return outcome;
    auto check = check_completion(terms->rule, progress,
        terms->rule.quiz_pass_percent ? course_quiz_marks(txn, course_id, caller.user_id) : std::vector<QuizMark> {});
    if (!check.earned) {
        outcome.left = std::move(check.left);
        return outcome;
    }
    const auto issued = TRY(issue_certificate(txn, caller.tenant_id, course_id, caller.user_id, *terms,
        unix_now(), caller.actor()));
    if (!issued) {   // another request issued it a moment ago
        outcome.certificate_id = certificate_terms(txn, course_id, caller.user_id)->held;
        return outcome;
    }
    append_audit(txn, { caller.tenant_id, caller.actor(), "certificate.issue", "certificate", issued->id, nullptr,
                          { { "course_id", course_id }, { "learner_id", caller.user_id }, { "key_id", issued->key_id } } });
    outcome.certificate_id = issued->id;
    outcome.issued_now = true;
    return outcome;
}

std::vector<QuizMark> course_quiz_marks(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id)
{
    std::vector<QuizMark> quizzes;
    for (const auto& quiz : exec_named(txn, "marketplace/course_quiz_marks", course_id, learner_id))
        quizzes.push_back({ quiz["title"].as<std::string>(),
            quiz["best_percent"].is_null() ? std::nullopt : std::optional<int>(quiz["best_percent"].as<int>()) });
    return quizzes;
}

Json certificate_made_json(const IssueOutcome& outcome)
{
    return { { "id", outcome.certificate_id }, { "url", "/verify/" + outcome.certificate_id },
        { "message", "Certificate earned: " + outcome.course_title } };
}

// [SECTION] handlers

Result<ApiResponse> handle_claim_certificate(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    TRY(require_no_fields(req));
    auto enrolled = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, std::string("own"));
    if (enrolled.empty() || !enrolled[0]["is_enrolled"].as<bool>())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const auto outcome = TRY(issue_certificate_if_earned(txn, caller, id, learner_progress(txn, id, caller.user_id)));
    if (outcome.certificate_id.empty())
        return make_error(ErrorCode::FailedPrecondition,
            "To earn the certificate: " + list_for_people(outcome.left), "course");
    auto body = certificate_made_json(outcome);
    if (!outcome.issued_now)
        body["message"] = "Your certificate for " + outcome.course_title + " is ready";
    return json_response(outcome.issued_now ? 201 : 200, std::move(body));
}

Result<ApiResponse> handle_certificates(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto page = TRY(parse_page(req));
    const auto course = req.has_param("course_id") ? TRY(parse_number_param(req, "course_id", 1, INT64_MAX, 0))
                                                   : std::int64_t { 0 };
    std::string status;
    if (req.has_param("status") && !req.get_param_value("status").empty()) {
        status = req.get_param_value("status");
        if (status != "valid" && status != "revoked")
            return make_error(ErrorCode::InvalidArgument, "status is valid or revoked", "status");
    }
    auto rows = exec_page(txn, "marketplace/certificates_page", page, marketplace_scope(caller, Action::CertificateRead), caller.user_id,
        course, status);
    return paged_response(req, page, rows, certificate_json);
}

Result<ApiResponse> handle_certificate_file(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto row = TRY(readable_certificate(req, txn, caller));
    const auto slug = row["course_slug"].is_null() ? std::string("course") : row["course_slug"].as<std::string>();
    return attachment_response(row["credential"].as<std::string>(), "application/json",
        "certificate-" + slug + ".json");
}

Result<ApiResponse> handle_revoke_certificate(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto row = TRY(readable_certificate(req, txn, caller));
    const auto body = TRY(parse_json_body(req));
    auto reader = TRY(JsonObjectReader::open(body, ""));
    const auto* reason_field = TRY(reader.require("reason"));
    TRY(reader.reject_unknown("a revocation"));
    const auto reason = TRY(validate_text(TRY(json_string_at(*reason_field, "reason")), "reason",
        "The reason", 1, k_reason_most, TextLines::Multiple));
    const auto id = row["id"].as<std::string>();
    if (exec_named(txn, "marketplace/revoke_certificate", id, caller.user_id, reason).empty())
        return make_error(ErrorCode::Conflict, "This certificate was revoked already");
    // The learner earns it again by completing the course again, not by asking.
    const auto reopened = exec_named(txn, "marketplace/reopen_course_lessons", row["course_id"].as<std::int64_t>(),
        row["learner_id"].as<std::int64_t>()).size();
    append_audit(txn, { caller.tenant_id, caller.actor(), "certificate.revoke", "certificate", id,
                          { { "status", "valid" } },
                          { { "status", "revoked" }, { "reason", reason }, { "lessons_reopened", reopened } } });
    auto after = exec_named(txn, "marketplace/certificate_readable", id, marketplace_scope(caller, Action::CertificateRead), caller.user_id)[0];
    auto answer = certificate_json(after);
    answer["message"] = "Revoked: " + after["learner_name"].as<std::string>() + "'s certificate for "
        + after["course_title"].as<std::string>() + "; its lessons are to be completed again";
    return json_response(200, std::move(answer));
}

} // namespace learnloop::server
