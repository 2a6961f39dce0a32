// Certificates of completion: when a learner has earned one, and the
// credential that proves it to anyone, offline and years later.
//
// A course's rule says what finishing it takes: a share of its lessons done
// (every one by default) and, optionally, each of its quizzes passed with a
// mark. A certificate is an Open Badges 3.0 AchievementCredential (a W3C
// Verifiable Credential, data model 2.0) with an embedded Data Integrity proof
// of the eddsa-jcs-2022 cryptosuite: the issuer is its Ed25519 key as a
// did:key, and the signature is over
//     SHA-256(JCS(proof options + @context)) || SHA-256(JCS(credential without proof))
// (JCS: core/canonical_json). This file builds and reads the documents and
// the bytes to sign; the server hashes, signs and checks with libsodium, so
// the same credential is checked the same way by the server's page, the
// command line and any other implementation of the cryptosuite.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "marketplace/progress.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] Earning one

struct CompletionRule {
    int lessons_percent = 100;                // of the course's lessons done, 1 to 100
    std::optional<int> quiz_pass_percent;     // each quiz's best mark at least this, 1 to 100; none: no quiz needed

    bool operator==(const CompletionRule&) const = default;
};

// Each part 1 to 100; errors name "lessons_percent" or "quiz_pass_percent".
[[nodiscard]] Result<CompletionRule> check_completion_rule(const CompletionRule& rule);
// "Complete every lesson", "Complete 80% of the lessons and pass each quiz with 70% or more".
[[nodiscard]] std::string completion_rule_for_people(const CompletionRule& rule);

// A quiz of the course and the learner's best submitted mark in it (none
// before their first submitted attempt), in whole percent rounded down.
struct QuizMark {
    std::string title;
    std::optional<int> best_percent;
};

struct CompletionCheck {
    bool earned = false;
    std::vector<std::string> left;   // for people, what is still to do: "3 more lessons", "pass “Final quiz” with 70% (best so far 55%)"
};

// Whether `progress` and `quizzes` meet the rule. A course with no lessons
// earns nothing (there is nothing to have finished).
[[nodiscard]] CompletionCheck check_completion(const CompletionRule& rule, const CourseProgress& progress,
    const std::vector<QuizMark>& quizzes);

// [SECTION] The credential

inline constexpr std::string_view k_vc_context = "https://www.w3.org/ns/credentials/v2";
inline constexpr std::string_view k_ob_context = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
inline constexpr std::string_view k_ob_schema =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
inline constexpr std::string_view k_cryptosuite = "eddsa-jcs-2022";

// What a certificate says.
struct CertificateFacts {
    std::string id;                 // the certificate's UUID: the credential is "urn:uuid:<id>"
    std::string issuer_did;         // the issuing organisation's key: ed25519_did_key
    std::string issuer_name;        // "Lumen Courses"
    std::string achievement_id;     // the course's own UUID: "urn:uuid:<it>" names what was achieved
    std::string course_title;
    std::string course_description; // its subtitle, or its title when it has none
    std::string criteria;           // completion_rule_for_people
    std::string learner_name;
    std::int64_t issued_at = 0;     // Unix seconds

    bool operator==(const CertificateFacts&) const = default;
};

// The credential, without its proof.
[[nodiscard]] Json achievement_credential(const CertificateFacts& facts);

// "did:key:z6Mk…" for a 32-byte Ed25519 public key (multicodec 0xed01), and
// back: the key of "did:key:z6Mk…" or of a verification method
// "did:key:z6Mk…#z6Mk…" (error on `field` for anything else).
[[nodiscard]] std::string ed25519_did_key(std::string_view public_key);
[[nodiscard]] Result<std::string> ed25519_key_of_did(std::string_view did, const std::string& field = "verificationMethod");
// The verification method of a did:key: "did:key:z6Mk…#z6Mk…".
[[nodiscard]] std::string did_key_method(std::string_view did);

// The proof's options (everything but its value), made at `created`.
[[nodiscard]] Json proof_options(const std::string& verification_method, std::int64_t created);

// The two canonical texts a proof's signature covers; the signer hashes each
// with SHA-256 and signs the 64 bytes of both hashes.
struct SigningInput {
    std::string proof_config;   // JCS of the options with the document's @context
    std::string document;       // JCS of the credential without its proof
};
[[nodiscard]] Result<SigningInput> signing_input(const Json& unsigned_credential, const Json& options);

// The credential with its proof: `signature` is the 64 raw bytes.
[[nodiscard]] Json with_proof(Json unsigned_credential, Json options, std::string_view signature);

// What a credential says, as read back from one (anyone's file).
struct CertificateRecord {
    std::string id;            // the certificate's UUID (empty when its id is not urn:uuid)
    std::string issuer_did;
    std::string issuer_name;
    std::string learner_name;
    std::string course_title;
    std::string criteria;
    std::string valid_from;    // as written: "2026-11-02T10:00:00Z"
    std::int64_t issued_at = 0;
};

// A credential taken apart for checking: the record, the bytes its proof
// signs, the key it names and its signature.
struct ReadCredential {
    CertificateRecord record;
    SigningInput signed_input;
    std::string public_key;   // 32 bytes, from the proof's verification method
    std::string signature;    // 64 bytes
};

// Reads a credential strictly enough to check it: an AchievementCredential
// with the two contexts, an issuer with an id and a name, a subject with an
// achievement, validFrom, and exactly one proof of the eddsa-jcs-2022 kind
// for assertionMethod whose did:key is the issuer's. Errors name the field
// (dotted, as in the document) and say what is wrong in words.
[[nodiscard]] Result<ReadCredential> read_credential(const Json& credential);

} // namespace learnloop
