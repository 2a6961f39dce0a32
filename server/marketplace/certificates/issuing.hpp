// Issuing a certificate: what it will say of a learner and a course, the
// tenant's signing key (made with its first certificate), and the signed
// credential stored once. Used by the API (certificate_handlers.hpp) and by
// the demo's seeding, which issues the certificates its learners earned.
#pragma once

#include "core/result.hpp"
#include "marketplace/certificates.hpp"
#include "marketplace/certificates/credential_proof.hpp"

#include <pqxx/pqxx>

#include <optional>
#include <string>

namespace learnloop::server {

// What a course's certificate says of a learner, and the rule that earns it.
struct CertificateTerms {
    std::string course_title;
    std::string course_description;   // the subtitle, or the title when there is none
    std::string achievement_id;
    std::string issuer_name;
    std::string learner_name;
    std::string held;                 // the learner's certificate in force for it, if any
    CompletionRule rule;
};

// A course's rule from a row with its certificate_lessons_percent and
// certificate_quiz_percent columns.
[[nodiscard]] CompletionRule completion_rule_of(const pqxx::row& row);

// None when the course is not there (or deleted).
[[nodiscard]] std::optional<CertificateTerms> certificate_terms(pqxx::work& txn, std::int64_t course_id,
    std::int64_t learner_id);

// The tenant's signing key in use, made now when it has none (two first
// certificates at once make one key: the second reads the first's), audited
// `issuer_key.create` by `actor`.
[[nodiscard]] Result<IssuerKey> tenant_issuer_key(pqxx::work& txn, std::int64_t tenant_id, const std::string& actor);

struct IssuedCertificate {
    std::string id;
    std::int64_t key_id = 0;
};

// Signs and stores the certificate, issued at `issued_at` (Unix seconds) by
// `actor` (who made the key, if it takes one). None when one is in force
// already (issued a moment ago by another request).
[[nodiscard]] Result<std::optional<IssuedCertificate>> issue_certificate(pqxx::work& txn, std::int64_t tenant_id,
    std::int64_t course_id, std::int64_t learner_id, const CertificateTerms& terms, std::int64_t issued_at,
    const std::string& actor);

} // namespace learnloop::server
