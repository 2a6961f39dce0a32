// Certificates of completion (certificates.hpp).
#include "marketplace/certificates.hpp"

#include "core/base58.hpp"
#include "core/calendar.hpp"
#include "core/canonical_json.hpp"

namespace learnloop {

namespace {

// The multicodec prefix of an Ed25519 public key (0xed, as a varint).
constexpr std::string_view k_ed25519_prefix = "\xed\x01";
constexpr std::string_view k_did_key = "did:key:";
constexpr std::string_view k_urn_uuid = "urn:uuid:";

bool is_uuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

Error wrong(const std::string& field, const std::string& what)
{
    return make_error(ErrorCode::InvalidArgument, what, field);
}

// obj[name] as text, required.
Result<std::string> text_at(const Json& obj, const char* name, const std::string& path)
{
    const auto field = path.empty() ? std::string(name) : path + "." + name;
    if (!obj.is_object() || !obj.contains(name))
        return wrong(field, "The credential has no " + field);
    if (!obj.at(name).is_string())
        return wrong(field, field + " is not text");
    return obj.at(name).get<std::string>();
}

// obj[name] when it is there and of the type asked, else `otherwise` (a
// file from anywhere may hold anything).
std::string text_or(const Json& obj, const char* name, std::string otherwise = {})
{
    if (obj.is_object() && obj.contains(name) && obj.at(name).is_string())
        return obj.at(name).get<std::string>();
    return otherwise;
}

const Json& member_or_null(const Json& obj, const char* name)
{
    static const Json null;
    return obj.is_object() && obj.contains(name) ? obj.at(name) : null;
}

bool has_type(const Json& obj, std::string_view type)
{
    if (!obj.is_object() || !obj.contains("type"))
        return false;
    const auto& types = obj.at("type");
    if (types.is_string())
        return types.get<std::string>() == type;
    if (!types.is_array())
        return false;
    for (const auto& t : types)
        if (t.is_string() && t.get<std::string>() == type)
            return true;
    return false;
}

} // namespace

// [SECTION] Earning one

Result<CompletionRule> check_completion_rule(const CompletionRule& rule)
{
    if (rule.lessons_percent < 1 || rule.lessons_percent > 100)
        return make_error(ErrorCode::InvalidArgument, "The share of lessons to complete is 1% to 100%", "lessons_percent");
    if (rule.quiz_pass_percent && (*rule.quiz_pass_percent < 1 || *rule.quiz_pass_percent > 100))
        return make_error(ErrorCode::InvalidArgument, "A quiz's pass mark is 1% to 100%", "quiz_pass_percent");
    return rule;
}

std::string completion_rule_for_people(const CompletionRule& rule)
{
    std::string text = rule.lessons_percent >= 100
        ? "Complete every lesson"
        : "Complete " + std::to_string(rule.lessons_percent) + "% of the lessons";
    if (rule.quiz_pass_percent)
        text += " and pass each quiz with " + std::to_string(*rule.quiz_pass_percent) + "% or more";
    return text;
}

CompletionCheck check_completion(const CompletionRule& rule, const CourseProgress& progress,
    const std::vector<QuizMark>& quizzes)
{
    CompletionCheck check;
    if (progress.total == 0) {
        check.left.push_back("lessons, once the course has some");
        return check;
    }
    // The lessons needed: the rule's share of them, rounded up (80% of 12 is 10).
    const int needed = (progress.total * rule.lessons_percent + 99) / 100;
    if (progress.completed < needed) {
        const int more = needed - progress.completed;
        check.left.push_back(std::to_string(more) + (more == 1 ? " more lesson" : " more lessons"));
    }
    if (rule.quiz_pass_percent) {
        const auto pass = std::to_string(*rule.quiz_pass_percent) + "%";
        for (const auto& quiz : quizzes) {
            if (quiz.best_percent && *quiz.best_percent >= *rule.quiz_pass_percent)
                continue;
            check.left.push_back("pass \u201c" + quiz.title + "\u201d with " + pass
                + (quiz.best_percent ? " (best so far " + std::to_string(*quiz.best_percent) + "%)" : std::string()));
        }
    }
    check.earned = check.left.empty();
    return check;
}

// [SECTION] The credential

Json achievement_credential(const CertificateFacts& facts)
{
    return {
        { "@context", { k_vc_context, k_ob_context } },
        { "id", std::string(k_urn_uuid) + facts.id },
        { "type", { "VerifiableCredential", "AchievementCredential" } },
        { "name", "Certificate of completion: " + facts.course_title },
        { "issuer", { { "id", facts.issuer_did }, { "type", { "Profile" } }, { "name", facts.issuer_name } } },
        { "validFrom", format_utc_timestamp(facts.issued_at) },
        { "awardedDate", format_utc_timestamp(facts.issued_at) },
        { "credentialSubject",
            { { "type", { "AchievementSubject" } },
                { "identifier",
                    { { { "type", "IdentityObject" }, { "identityType", "name" }, { "hashed", false },
                        { "identityHash", facts.learner_name } } } },
                { "achievement",
                    { { "id", std::string(k_urn_uuid) + facts.achievement_id }, { "type", { "Achievement" } },
                        { "achievementType", "CertificateOfCompletion" }, { "name", facts.course_title },
                        { "description", facts.course_description },
                        { "criteria", { { "narrative", facts.criteria } } },
                        { "creator", { { "id", facts.issuer_did }, { "type", { "Profile" } },
                                         { "name", facts.issuer_name } } } } } } },
        { "credentialSchema", { { { "id", k_ob_schema }, { "type", "1EdTechJsonSchemaValidator2019" } } } },
    };
}

std::string ed25519_did_key(std::string_view public_key)
{
    return std::string(k_did_key) + multibase_base58btc(std::string(k_ed25519_prefix) + std::string(public_key));
}

std::string did_key_method(std::string_view did)
{
    const auto fragment = did.substr(std::min(did.size(), k_did_key.size()));
    return std::string(did) + "#" + std::string(fragment);
}

Result<std::string> ed25519_key_of_did(std::string_view did, const std::string& field)
{
    if (did.substr(0, k_did_key.size()) != k_did_key)
        return wrong(field, "The key is not a did:key");
    auto id = did.substr(k_did_key.size());
    if (const auto hash = id.find('#'); hash != std::string_view::npos) {
        if (id.substr(hash + 1) != id.substr(0, hash))
            return wrong(field, "The key's fragment is not its own identifier");
        id = id.substr(0, hash);
    }
    const auto bytes = TRY(read_multibase_base58btc(id, field));
    if (bytes.size() != 34 || bytes.substr(0, 2) != k_ed25519_prefix)
        return wrong(field, "The key is not an Ed25519 public key");
    return bytes.substr(2);
}

Json proof_options(const std::string& verification_method, std::int64_t created)
{
    return { { "type", "DataIntegrityProof" }, { "cryptosuite", k_cryptosuite },
        { "created", format_utc_timestamp(created) }, { "verificationMethod", verification_method },
        { "proofPurpose", "assertionMethod" } };
}

Result<SigningInput> signing_input(const Json& unsigned_credential, const Json& options)
{
    Json config = options;
    config.erase("proofValue");
    if (unsigned_credential.contains("@context"))
        config["@context"] = unsigned_credential.at("@context");
    Json document = unsigned_credential;
    document.erase("proof");
    return SigningInput { TRY(canonical_json(config)), TRY(canonical_json(document)) };
}

Json with_proof(Json unsigned_credential, Json options, std::string_view signature)
{
    options["proofValue"] = multibase_base58btc(signature);
    unsigned_credential["proof"] = Json::array({ std::move(options) });
    return unsigned_credential;
}

Result<ReadCredential> read_credential(const Json& credential)
{
    if (!credential.is_object())
        return wrong("", "A credential is a JSON object");
    const auto& context = member_or_null(credential, "@context");
    if (!context.is_array() || context.size() < 2 || context[0] != k_vc_context || !context[1].is_string()
        || context[1].get<std::string>().rfind("https://purl.imsglobal.org/spec/ob/v3p0/context", 0) != 0)
        return wrong("@context", "The credential is not in the Verifiable Credentials 2.0 and Open Badges 3.0 contexts");
    if (!has_type(credential, "VerifiableCredential")
        || !(has_type(credential, "AchievementCredential") || has_type(credential, "OpenBadgeCredential")))
        return wrong("type", "The credential is not an Open Badges achievement credential");

    ReadCredential read;
    auto& record = read.record;
    const auto id = TRY(text_at(credential, "id", ""));
    if (id.rfind(k_urn_uuid, 0) == 0 && is_uuid(id.substr(k_urn_uuid.size())))
        record.id = id.substr(k_urn_uuid.size());
    const auto& issuer = member_or_null(credential, "issuer");
    record.issuer_did = TRY(text_at(issuer, "id", "issuer"));
    record.issuer_name = TRY(text_at(issuer, "name", "issuer"));
    record.valid_from = TRY(text_at(credential, "validFrom", ""));
    auto issued = parse_utc_timestamp(record.valid_from);
    if (!issued.ok())
        return wrong("validFrom", "validFrom is not a UTC date and time");
    record.issued_at = issued.value();
    const auto& subject = member_or_null(credential, "credentialSubject");
    if (!has_type(subject, "AchievementSubject"))
        return wrong("credentialSubject.type", "The credential's subject is not an AchievementSubject");
    const auto& achievement = member_or_null(subject, "achievement");
    record.course_title = TRY(text_at(achievement, "name", "credentialSubject.achievement"));
    record.criteria = text_or(member_or_null(achievement, "criteria"), "narrative");
    const auto& identifiers = member_or_null(subject, "identifier");
    for (const auto& identity : identifiers.is_array() ? identifiers : Json::array())
        if (text_or(identity, "identityType") == "name" && member_or_null(identity, "hashed") == false)
            record.learner_name = text_or(identity, "identityHash");

    const auto& proofs = member_or_null(credential, "proof");
    const Json* proof = proofs.is_object() ? &proofs : nullptr;
    if (proofs.is_array() && proofs.size() == 1)
        proof = &proofs[0];
    if (!proof || !proof->is_object())
        return wrong("proof", "The credential has no proof, or more than one");
    if (text_or(*proof, "type") != "DataIntegrityProof" || text_or(*proof, "cryptosuite") != k_cryptosuite)
        return wrong("proof.cryptosuite", "The proof is not of the eddsa-jcs-2022 kind");
    if (text_or(*proof, "proofPurpose") != "assertionMethod")
        return wrong("proof.proofPurpose", "The proof is not for asserting the credential");
    const auto method = TRY(text_at(*proof, "verificationMethod", "proof"));
    if (method.substr(0, method.find('#')) != record.issuer_did)
        return wrong("proof.verificationMethod", "The proof's key is not the issuer's");
    read.public_key = TRY(ed25519_key_of_did(method, "proof.verificationMethod"));
    read.signature = TRY(read_multibase_base58btc(TRY(text_at(*proof, "proofValue", "proof")), "proof.proofValue"));
    if (read.signature.size() != 64)
        return wrong("proof.proofValue", "The proof's signature is not 64 bytes");
    Json unsigned_credential = credential;
    unsigned_credential.erase("proof");
    read.signed_input = TRY(signing_input(unsigned_credential, *proof));
    return read;
}

} // namespace learnloop
