// Issuing a certificate (issuing.hpp).
#include "marketplace/certificates/issuing.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "db/sql.hpp"
#include "platform/crypto.hpp"

namespace learnloop::server {

CompletionRule completion_rule_of(const pqxx::row& row)
{
    CompletionRule rule;
    rule.lessons_percent = row["certificate_lessons_percent"].as<int>();
    if (!row["certificate_quiz_percent"].is_null())
        rule.quiz_pass_percent = row["certificate_quiz_percent"].as<int>();
    return rule;
}

std::optional<CertificateTerms> certificate_terms(pqxx::work& txn, std::int64_t course_id, std::int64_t learner_id)
{
    auto rows = exec_named(txn, "marketplace/certificate_rule", course_id, learner_id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    CertificateTerms terms;
    terms.course_title = row["title"].as<std::string>();
    const auto subtitle = row["subtitle"].as<std::string>();
    terms.course_description = subtitle.empty() ? terms.course_title : subtitle;
    terms.achievement_id = row["achievement_id"].as<std::string>();
    terms.issuer_name = row["issuer_name"].as<std::string>();
    terms.learner_name = row["learner_name"].as<std::string>();
    terms.held = row["held"].is_null() ? std::string() : row["held"].as<std::string>();
    terms.rule = completion_rule_of(row);
    return terms;
}

Result<IssuerKey> tenant_issuer_key(pqxx::work& txn, std::int64_t tenant_id, const std::string& actor)
{
    auto rows = exec_named(txn, "marketplace/issuer_key", tenant_id);
    if (rows.empty()) {
        auto pair = generate_signing_key();
        rows = exec_named(txn, "marketplace/make_issuer_key", tenant_id, pair.public_key, pair.secret_key);
        wipe_secret(pair.secret_key);
        if (!rows.empty())
            append_audit(txn, { tenant_id, actor, "issuer_key.create", "issuer_key",
                                  std::to_string(rows[0]["id"].as<std::int64_t>()), nullptr,
                                  { { "public_key", pair.public_key } } });
        else
            rows = exec_named(txn, "marketplace/issuer_key", tenant_id);
    }
    if (rows.empty())
        return make_error(ErrorCode::Internal, "No signing key could be made");
    return IssuerKey { rows[0]["id"].as<std::int64_t>(), rows[0]["public_key"].as<std::string>(),
        rows[0]["secret_key"].as<std::string>() };
}

Result<std::optional<IssuedCertificate>> issue_certificate(pqxx::work& txn, std::int64_t tenant_id,
    std::int64_t course_id, std::int64_t learner_id, const CertificateTerms& terms, std::int64_t issued_at,
    const std::string& actor)
{
    const auto key = TRY(tenant_issuer_key(txn, tenant_id, actor));
    CertificateFacts facts;
    facts.id = random_uuid();
    facts.issuer_name = terms.issuer_name;
    facts.achievement_id = terms.achievement_id;
    facts.course_title = terms.course_title;
    facts.course_description = terms.course_description;
    facts.criteria = completion_rule_for_people(terms.rule);
    facts.learner_name = terms.learner_name;
    facts.issued_at = issued_at;
    // A stored key that does not read or sign is the server's fault, never the learner's.
    auto damaged = [](const Error& error) {
        return make_error(ErrorCode::Internal, "The certificate could not be signed: " + error.message);
    };
    auto public_key = bytes_of_hex(key.public_key);
    if (!public_key.ok())
        return damaged(public_key.error());
    facts.issuer_did = ed25519_did_key(public_key.value());
    auto credential = sign_credential(achievement_credential(facts), key, issued_at);
    if (!credential.ok())
        return damaged(credential.error());
    const auto text = credential.value().dump(-1, ' ', false, Json::error_handler_t::replace);
    auto made = exec_named(txn, "marketplace/make_certificate", facts.id, tenant_id, course_id, learner_id, key.id,
        facts.learner_name, facts.course_title, text, format_utc_timestamp(issued_at));
    if (made.empty())
        return std::optional<IssuedCertificate>();
    return std::make_optional(IssuedCertificate { facts.id, key.id });
}

} // namespace learnloop::server
