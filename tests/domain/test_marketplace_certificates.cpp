// Certificates of completion: the rule, the credential, its canonical form
// and keys (marketplace/certificates.hpp, core/canonical_json.hpp,
// core/base58.hpp). Signing and checking with real keys is the server's
// (tests/server/test_marketplace_certificates.cpp).
#include "core/base58.hpp"
#include "core/canonical_json.hpp"
#include "core/random.hpp"
#include "marketplace/certificates.hpp"
#include "marketplace/reach.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

std::string bytes_of_hex(std::string_view hex)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    return out;
}

CourseProgress done(int completed, int total)
{
    CourseProgress p;
    p.completed = completed;
    p.total = total;
    p.finished = completed == total && total > 0;
    return p;
}

CertificateFacts facts()
{
    CertificateFacts f;
    f.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    f.issuer_did = ed25519_did_key(bytes_of_hex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"));
    f.issuer_name = "Lumen Courses";
    f.achievement_id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    f.course_title = "Python for data analysis";
    f.course_description = "From spreadsheets to pandas";
    f.criteria = "Complete every lesson";
    f.learner_name = "Zoë Ōkubo 小林";
    f.issued_at = 1793491200;   // 2026-11-01T00:00:00Z
    return f;
}

Json signed_credential()
{
    const auto f = facts();
    return with_proof(achievement_credential(f), proof_options(did_key_method(f.issuer_did), f.issued_at),
        std::string(64, '\x07'));
}

} // namespace

TEST_CASE("base58btc and multibase: known values both ways", "[marketplace][certificates]")
{
    CHECK(base58btc_encode("").empty());
    CHECK(base58btc_encode(std::string("\0\x01", 2)) == "12");
    CHECK(base58btc_encode("Hello World!") == "2NEpo7TZRRrLZSi2U");
    CHECK(base58btc_decode("2NEpo7TZRRrLZSi2U").value() == "Hello World!");
    CHECK(base58btc_decode("12").value() == std::string("\0\x01", 2));
    CHECK(base58btc_decode("0OIl", "proofValue").error().field == "proofValue");
    CHECK(read_multibase_base58btc("m2NEpo", "x").error().field == "x");
    // Decoding is quadratic: long text is refused before any work.
    CHECK(base58btc_decode(std::string(k_base58_most_characters + 1, '2')).error().message
        == "Too long to be a key or a signature");
    CHECK(base58btc_decode(std::string(k_base58_most_characters, '2')).ok());
    SeededRandom rng(58);
    for (int i = 0; i < 500; ++i) {
        std::string bytes(rng.below(70), '\0');
        for (auto& b : bytes)
            b = static_cast<char>(rng.below(256) < 40 ? 0 : rng.below(256));
        REQUIRE(base58btc_decode(base58btc_encode(bytes)).value() == bytes);
    }
}

TEST_CASE("did:key of an Ed25519 key: the Open Badges specification's example", "[marketplace][certificates]")
{
    const auto key = bytes_of_hex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
    const auto did = ed25519_did_key(key);
    CHECK(did == "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    CHECK(did_key_method(did) == did + "#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    CHECK(ed25519_key_of_did(did).value() == key);
    CHECK(ed25519_key_of_did(did_key_method(did)).value() == key);
    CHECK_FALSE(ed25519_key_of_did("did:web:example.com").ok());
    CHECK_FALSE(ed25519_key_of_did(did + "#z6Mkother").ok());
    CHECK_FALSE(ed25519_key_of_did("did:key:z" + base58btc_encode(std::string("\xec\x01", 2) + key)).ok());   // X25519
}

TEST_CASE("canonical JSON (RFC 8785): order by UTF-16, minimal escapes, whole numbers", "[marketplace][certificates]")
{
    // RFC 8785 §3.2.3's sorting example.
    const auto sorted = Json::parse(R"({"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"})");
    const auto text = canonical_json(sorted).value();
    std::vector<std::string> order;
    for (const auto& name : { "\r", "1", "\xC2\x80", "\xC3\xB6", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xEF\xAC\xB3" })
        order.push_back(std::string("\"") + (std::string(name) == "\r" ? "\\r" : name) + "\"");
    std::size_t at = 0;
    for (const auto& name : order) {
        const auto found = text.find(name, at);
        REQUIRE(found != std::string::npos);
        at = found + name.size();
    }
    CHECK(canonical_json(Json::parse(R"({"b": [1, "é", true, null], "a": {"z": -3, "y": "\u000f\n\"\\/"}})")).value()
        == "{\"a\":{\"y\":\"\\u000f\\n\\\"\\\\/\",\"z\":-3},\"b\":[1,\"é\",true,null]}");
    CHECK(canonical_json(Json::parse(R"({"score": 0.5})")).error().field == "score");
    CHECK(canonical_json(Json::parse(R"({"a": [1, 18014398509481984]})")).error().field == "a[1]");
    CHECK(canonical_json(Json(std::string("\xC3\x28"))).error().message == "Text that is not UTF-8 has no canonical form");
}

TEST_CASE("completion rules: the lessons' share and each quiz's pass mark", "[marketplace][certificates]")
{
    const CompletionRule every;
    CHECK(check_completion(every, done(12, 12), {}).earned);
    const auto short_of = check_completion(every, done(9, 12), {});
    CHECK_FALSE(short_of.earned);
    CHECK(short_of.left == std::vector<std::string> { "3 more lessons" });
    CHECK(check_completion(every, done(11, 12), {}).left == std::vector<std::string> { "1 more lesson" });
    CHECK_FALSE(check_completion(every, done(0, 0), {}).earned);   // nothing to finish

    const CompletionRule most { 80, 70 };
    // 80% of 12 is 9.6: ten lessons.
    CHECK(check_completion(most, done(9, 12), { { "Final quiz", 90 } }).left
        == std::vector<std::string> { "1 more lesson" });
    const auto quizzes = check_completion(most, done(10, 12), { { "Final quiz", 55 }, { "Warm-up", std::nullopt }, { "Mid", 70 } });
    CHECK(quizzes.left == std::vector<std::string> { "pass \u201cFinal quiz\u201d with 70% (best so far 55%)",
                              "pass \u201cWarm-up\u201d with 70%" });
    CHECK(check_completion(most, done(10, 12), { { "Final quiz", 70 } }).earned);
    CHECK(completion_rule_for_people(every) == "Complete every lesson");
    CHECK(completion_rule_for_people(most) == "Complete 80% of the lessons and pass each quiz with 70% or more");
    CHECK(check_completion_rule({ 0, std::nullopt }).error().field == "lessons_percent");
    CHECK(check_completion_rule({ 100, 101 }).error().field == "quiz_pass_percent");
    CHECK(check_completion_rule({ 50, 1 }).ok());
}

TEST_CASE("an achievement credential is read back as written", "[marketplace][certificates]")
{
    const auto credential = signed_credential();
    CHECK(credential["type"] == Json({ "VerifiableCredential", "AchievementCredential" }));
    CHECK(credential["credentialSubject"]["achievement"]["id"] == "urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7");
    CHECK(credential["proof"][0]["proofValue"].get<std::string>().front() == 'z');
    const auto read = read_credential(credential);
    REQUIRE(read.ok());
    const auto& record = read.value().record;
    CHECK(record.id == facts().id);
    CHECK(record.issuer_name == "Lumen Courses");
    CHECK(record.learner_name == "Zoë Ōkubo 小林");
    CHECK(record.course_title == "Python for data analysis");
    CHECK(record.criteria == "Complete every lesson");
    CHECK(record.valid_from == "2026-11-01T00:00:00Z");
    CHECK(record.issued_at == 1793491200);
    CHECK(read.value().signature == std::string(64, '\x07'));
    CHECK(read.value().public_key.size() == 32);
    // What the signature covers: the options with the context, and the credential without its proof.
    const auto input = signing_input(achievement_credential(facts()),
        proof_options(did_key_method(facts().issuer_did), facts().issued_at)).value();
    CHECK(read.value().signed_input.proof_config == input.proof_config);
    CHECK(read.value().signed_input.document == input.document);
    CHECK(input.proof_config.find("\"@context\":[\"https://www.w3.org/ns/credentials/v2\"") != std::string::npos);
    CHECK(input.document.find("proof") == std::string::npos);

    // Any change to what is said changes what the signature covers.
    auto edited = credential;
    edited["credentialSubject"]["identifier"][0]["identityHash"] = "Zoe Okubo";
    CHECK(read_credential(edited).value().signed_input.document != input.document);
}

TEST_CASE("credentials that cannot be checked are refused by name, whatever they hold", "[marketplace][certificates]")
{
    auto refused = [](const std::function<void(Json&)>& edit) {
        auto credential = signed_credential();
        edit(credential);
        auto read = read_credential(credential);
        REQUIRE_FALSE(read.ok());
        return read.error().field;
    };
    CHECK(refused([](Json& c) { c["@context"] = Json::array({ "https://www.w3.org/2018/credentials/v1" }); }) == "@context");
    CHECK(refused([](Json& c) { c["type"] = Json::array({ "VerifiableCredential" }); }) == "type");
    CHECK(refused([](Json& c) { c.erase("proof"); }) == "proof");
    CHECK(refused([](Json& c) { c["proof"].push_back(c["proof"][0]); }) == "proof");
    CHECK(refused([](Json& c) { c["proof"][0]["cryptosuite"] = "eddsa-rdfc-2022"; }) == "proof.cryptosuite");
    CHECK(refused([](Json& c) { c["proof"][0]["proofPurpose"] = "authentication"; }) == "proof.proofPurpose");
    CHECK(refused([](Json& c) { c["issuer"]["id"] = ed25519_did_key(std::string(32, 'k')); }) == "proof.verificationMethod");
    CHECK(refused([](Json& c) { c["proof"][0]["proofValue"] = "z" + base58btc_encode(std::string(63, 'x')); })
        == "proof.proofValue");
    CHECK(refused([](Json& c) { c["validFrom"] = "yesterday"; }) == "validFrom");
    CHECK(refused([](Json& c) { c.erase("issuer"); }) == "issuer.id");
    CHECK(refused([](Json& c) { c["credentialSubject"]["type"] = "Person"; }) == "credentialSubject.type");
    // Members of the wrong type are refused or ignored, never thrown.
    CHECK(refused([](Json& c) { c["issuer"] = Json::array({ 1, 2 }); }) == "issuer.id");
    CHECK(refused([](Json& c) { c["proof"][0]["type"] = Json::array(); }) == "proof.cryptosuite");
    CHECK(refused([](Json& c) { c["credentialSubject"]["achievement"] = "a string"; })
        == "credentialSubject.achievement.name");
    auto odd = signed_credential();
    odd["credentialSubject"]["identifier"][0]["hashed"] = "no";
    odd["credentialSubject"]["achievement"]["criteria"] = 7;
    auto read = read_credential(odd);
    REQUIRE(read.ok());
    CHECK(read.value().record.learner_name.empty());
    CHECK(read.value().record.criteria.empty());
    CHECK_FALSE(read_credential(Json::array()).ok());
    CHECK_FALSE(read_credential(Json("text")).ok());
}

TEST_CASE("whose orders and certificates each person reads", "[marketplace][certificates]")
{
    for (auto action : { Action::OrderRead, Action::CertificateRead }) {
        CHECK(marketplace_reach(Role::Admin, Approval::Approved, action) == MarketplaceReach::Office);
        CHECK(marketplace_reach(Role::Teacher, Approval::Approved, action) == MarketplaceReach::Instructor);
        CHECK(marketplace_reach(Role::Student, Approval::Approved, action) == MarketplaceReach::Learner);
        CHECK(marketplace_reach(Role::Moderator, Approval::Approved, action) == MarketplaceReach::None);
        CHECK(marketplace_reach(Role::Parent, Approval::Approved, action) == MarketplaceReach::None);
        // An instructor still waiting for approval sees no learner's record.
        CHECK(marketplace_reach(Role::Teacher, Approval::Pending, action) == MarketplaceReach::None);
    }
    CHECK(std::string(marketplace_reach_name(MarketplaceReach::Instructor)) == "teach");
    CHECK(std::string(marketplace_reach_name(MarketplaceReach::None)).empty());
}
