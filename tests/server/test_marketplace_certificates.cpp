// Certificates of completion through the API and the public page, against
// the real server and PostgreSQL: the mark that meets a course's rule issues
// one (once, however many requests at once), the learner, the instructor and
// the office list it, its public page and the JSON check say valid; any
// changed byte says invalid, another key says not issued here, a revoked one
// says revoked with its reason; quizzes' pass marks count; nobody reads
// another's certificate or another tenant's.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include "marketplace/certificates.hpp"
#include "marketplace/certificates/credential_proof.hpp"
#include "platform/crypto.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <set>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// The free course gets two lessons (the shop's has none); returns their ids.
std::pair<std::int64_t, std::int64_t> two_lessons(ApiFixture& f, std::int64_t course)
{
    const auto t = str(f.demo.id);
    const auto module = f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES (" + t
        + ", " + str(course) + ", 0, 'Only') RETURNING id");
    auto lesson = [&](int position) {
        return f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind, minutes,"
                         " body) VALUES (" + t + ", " + str(course) + ", " + str(module) + ", " + str(position)
            + ", 'Lesson " + str(position) + "', 'text', 5, 'Text') RETURNING id");
    };
    return { lesson(0), lesson(1) };
}

} // namespace

TEST_CASE("finishing a course issues a signed certificate that its public page verifies", "[api][marketplace][certificates]")
{
    ApiFixture f("market_certificates", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto [first, second] = two_lessons(f, shop.free);
    f.sql("UPDATE users SET name = 'Zoë <b>Ōkubo</b> 小林' WHERE id = " + str(D.student.id));
    const auto learner = f.token(D.student);
    REQUIRE(api.post("/api/marketplace/courses/" + str(shop.free) + "/enrol", Json::object(), learner).status == 201);

    // Not yet: one lesson of two.
    auto claim = api.post("/api/marketplace/courses/" + str(shop.free) + "/certificate", Json::object(), learner);
    check_error(claim, 422, "Failed precondition", "To earn the certificate: 2 more lessons");
    auto mark = api.put("/api/marketplace/lessons/" + str(first) + "/progress", { { "completed", true } }, learner);
    REQUIRE(mark.status == 200);
    CHECK_FALSE(mark.json.contains("certificate"));
    const auto audit = f.audit_count();
    mark = api.put("/api/marketplace/lessons/" + str(second) + "/progress", { { "completed", true } }, learner);
    INFO(describe(mark));
    REQUIRE(mark.status == 200);
    REQUIRE(mark.json.contains("certificate"));
    const auto id = mark.json["certificate"]["id"].get<std::string>();
    CHECK(mark.json["certificate"]["url"] == "/verify/" + id);
    CHECK(mark.json["message"] == "Lesson completed. Certificate earned: Course free-course");
    CHECK(f.audit_count() == audit + 3);   // the mark, the tenant's first key and the certificate
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'issuer_key.create'") == 1);
    CHECK(f.last_audit_action() == "certificate.issue");
    // Marked again, or asked for: the same certificate.
    mark = api.put("/api/marketplace/lessons/" + str(second) + "/progress", { { "completed", false } }, learner);
    mark = api.put("/api/marketplace/lessons/" + str(second) + "/progress", { { "completed", true } }, learner);
    CHECK_FALSE(mark.json.contains("certificate"));
    claim = api.post("/api/marketplace/courses/" + str(shop.free) + "/certificate", Json::object(), learner);
    CHECK(claim.status == 200);
    CHECK(claim.json["id"] == id);
    auto mine = api.get("/api/marketplace/my-courses", learner);
    REQUIRE(mine.json.size() == 1);
    CHECK(mine.json[0]["certificate_id"] == id);
    CHECK(f.sql_int("SELECT count(*) FROM certificates") == 1);

    // The file: an Open Badges 3.0 credential that checks out, naming the
    // learner, the course and the organisation as they were.
    auto file = api.get("/api/marketplace/certificates/" + id + "/credential", learner);
    REQUIRE(file.status == 200);
    CHECK(file.header("Content-Disposition").find("certificate-free-course.json") != std::string::npos);
    const auto check = learnloop::server::check_credential(file.body);
    INFO(check.problem);
    REQUIRE(check.valid);
    CHECK(check.record.id == id);
    CHECK(check.record.learner_name == "Zoë <b>Ōkubo</b> 小林");
    CHECK(check.record.course_title == "Course free-course");
    CHECK(check.record.issuer_name == "Lumen & Co <Courses>");
    CHECK(check.record.criteria == "Complete every lesson");
    CHECK(check.public_key == f.sql_text("SELECT public_key FROM issuer_keys"));
    CHECK(file.json["type"] == Json({ "VerifiableCredential", "AchievementCredential" }));
    CHECK(file.json["proof"][0]["cryptosuite"] == "eddsa-jcs-2022");
    CHECK(file.body == f.sql_text("SELECT credential FROM certificates"));

    // The command line checks the file offline, and refuses any change or another key.
    {
        TempDir dir("certificate");
        const auto good = dir.write("good.json", file.body);
        auto edited = file.body;
        edited.replace(edited.find("Course free-course"), 18, "Course free-coursf");
        const auto bad = dir.write("bad.json", edited);
        auto ok = f.cli({ "certificate", "verify", good });
        INFO(ok.out << ok.err);
        CHECK(ok.exit_code == 0);
        CHECK(ok.out.find("Awarded to:  Zoë <b>Ōkubo</b> 小林") != std::string::npos);
        CHECK(ok.out.find("VALID") != std::string::npos);
        const auto did = learnloop::ed25519_did_key(learnloop::server::bytes_of_hex(check.public_key).value());
        CHECK(f.cli({ "certificate", "verify", good, "--issuer-key", did }).exit_code == 0);
        CHECK(f.cli({ "certificate", "verify", good, "--issuer-key", check.public_key }).exit_code == 0);
        auto other_key = f.cli({ "certificate", "verify", good, "--issuer-key", std::string(64, 'a') });
        CHECK(other_key.exit_code == 3);
        CHECK(other_key.err.find("signed by another key") != std::string::npos);
        auto changed = f.cli({ "certificate", "verify", bad });
        CHECK(changed.exit_code == 3);
        CHECK(changed.err.find("INVALID") != std::string::npos);
        CHECK(f.cli({ "certificate", "verify", dir.write("junk.json", "not json") }).exit_code == 3);
        CHECK(f.cli({ "certificate", "verify", dir.path() + "/missing.json" }).exit_code == 2);
    }

    // Its public page, for anyone: valid, everything escaped, a QR code.
    auto page = api.get("/verify/" + id);
    REQUIRE(page.status == 200);
    CHECK(page.header("Content-Type").find("text/html") == 0);
    CHECK(page.body.find("Valid certificate") != std::string::npos);
    CHECK(page.body.find("Zoë &lt;b&gt;Ōkubo&lt;/b&gt; 小林") != std::string::npos);
    CHECK(page.body.find("Lumen &amp; Co &lt;Courses&gt;") != std::string::npos);
    CHECK(page.body.find("<b>") == std::string::npos);
    CHECK(page.body.find("<svg class=\"qr\"") != std::string::npos);
    CHECK(api.get("/verify/" + id + ".json").body == file.body);
    CHECK(api.get("/verify/verify.css").status == 200);

    // The JSON check, for programs.
    auto verdict = api.send_text("POST", "/api/certificates/verify", file.body, "application/json");
    REQUIRE(verdict.status == 200);
    CHECK(verdict.json["status"] == "valid");
    CHECK(verdict.json["valid"] == true);
    CHECK(verdict.json["issuer_known"] == true);
    CHECK(verdict.json["certificate"]["learner_name"] == "Zoë <b>Ōkubo</b> 小林");

    // Any change to what it says: invalid, on the page's form and in JSON.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>> {
             { "Course free-course", "Course free-coursf" }, { "\u5c0f\u6797", "\u5c0f\u6728" },
             { "Complete every lesson", "Complete every lesson " } }) {
        auto edited = file.body;
        edited.replace(edited.find(from), from.size(), to);
        auto judged = api.send_text("POST", "/api/certificates/verify", edited, "application/json");
        INFO(from);
        CHECK(judged.json["status"] == "invalid");
        CHECK(judged.json["valid"] == false);
        auto form = api.send_text("POST", "/verify", "credential=" + httplib::detail::encode_query_param(edited),
            "application/x-www-form-urlencoded");
        CHECK(form.status == 200);
        CHECK(form.body.find("Invalid certificate") != std::string::npos);
    }
    // The whole file re-signed with a key no organisation here holds.
    {
        auto read = learnloop::read_credential(file.json).value();
        auto unsigned_credential = file.json;
        unsigned_credential.erase("proof");
        const auto pair = learnloop::server::generate_signing_key();
        const auto did = learnloop::ed25519_did_key(learnloop::server::bytes_of_hex(pair.public_key).value());
        unsigned_credential["issuer"]["id"] = did;
        auto forged = learnloop::server::sign_credential(unsigned_credential, { 0, pair.public_key, pair.secret_key },
            read.record.issued_at).value();
        auto judged = api.send_text("POST", "/api/certificates/verify", forged.dump(), "application/json");
        CHECK(judged.json["status"] == "unknown_issuer");
        CHECK(judged.json["issuer_known"] == false);
    }
    // The organisation's own key (leaked, say) re-signing the same number with
    // another name: the signature holds, but it is not what was issued.
    {
        auto renamed = file.json;
        renamed.erase("proof");
        renamed["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else";
        const learnloop::server::IssuerKey key { 0, f.sql_text("SELECT public_key FROM issuer_keys"),
            f.sql_text("SELECT secret_key FROM issuer_keys") };
        auto resigned = learnloop::server::sign_credential(renamed, key, check.record.issued_at).value();
        CHECK(learnloop::server::check_credential(resigned.dump()).valid);
        auto judged = api.send_text("POST", "/api/certificates/verify", resigned.dump(), "application/json");
        CHECK(judged.json["status"] == "invalid");
        CHECK(judged.json["problem"] == "It does not say what its issuer's certificate with this number says");
    }
    // The stored row changed behind the server's back: its page says invalid.
    f.sql("UPDATE certificates SET credential = replace(credential, 'free-course', 'free-coursf')");
    CHECK(api.get("/verify/" + id).body.find("Invalid certificate") != std::string::npos);
    f.sql("UPDATE certificates SET credential = replace(credential, 'free-coursf', 'free-course')");
    CHECK(api.get("/verify/" + id).body.find("Valid certificate") != std::string::npos);

    // Bad input: no such certificate, no such address, nothing pasted, not JSON.
    CHECK(api.get("/verify/00000000-0000-4000-8000-000000000000").status == 404);
    CHECK(api.get("/verify/not-a-certificate").status == 404);
    CHECK(api.send_text("POST", "/verify", "credential=", "application/x-www-form-urlencoded").status == 400);
    auto garbage = api.send_text("POST", "/verify", "credential=hello", "application/x-www-form-urlencoded");
    CHECK(garbage.body.find("Not a certificate") != std::string::npos);
    check_error(api.send_text("POST", "/api/certificates/verify", "{\"a\":", "application/json"), 400, "Invalid request");
    auto list = api.send_text("POST", "/api/certificates/verify", "{\"@context\": 5}", "application/json");
    CHECK(list.json["status"] == "unreadable");
    CHECK(list.json["detail"] == "@context: The credential is not in the Verifiable Credentials 2.0 and Open Badges 3.0 contexts");
    // A key of half a megabyte is refused before any work (decoding is quadratic).
    auto huge = file.json;
    huge["issuer"]["id"] = "did:key:z" + std::string(500000, '2');
    huge["proof"][0]["verificationMethod"] = huge["issuer"]["id"];
    auto slow = api.send_text("POST", "/api/certificates/verify", huge.dump(), "application/json");
    CHECK(slow.status == 200);
    CHECK(slow.json["status"] == "unreadable");
}

TEST_CASE("certificates are listed and revoked by those in reach, and a revoked one can be earned again",
    "[api][marketplace][certificates]")
{
    ApiFixture f("market_certificates_reach", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto [first, second] = two_lessons(f, shop.free);
    const auto learner = f.token(D.student);
    REQUIRE(api.post("/api/marketplace/courses/" + str(shop.free) + "/enrol", Json::object(), learner).status == 201);
    for (auto lesson : { first, second })
        REQUIRE(api.put("/api/marketplace/lessons/" + str(lesson) + "/progress", { { "completed", true } }, learner).status == 200);
    const auto id = f.sql_text("SELECT id::text FROM certificates");

    const auto teacher = f.token(D.teacher);
    const auto admin = f.token(D.admin);
    for (const auto* token : { &learner, &teacher, &admin }) {
        auto list = api.get("/api/marketplace/certificates", *token);
        REQUIRE(list.status == 200);
        REQUIRE(list.json.size() == 1);
        CHECK(list.json[0]["id"] == id);
        CHECK(list.json[0]["status"] == "valid");
    }
    // Another instructor, another learner and another tenant see nothing of it.
    const auto other_teacher = f.create_user("demo", "second.teacher@demo.learnloop.test", "Second Teacher", "teacher");
    const auto other_learner = f.create_user("demo", "second.learner@demo.learnloop.test", "Second Learner", "student");
    for (const auto& token : { f.token(other_teacher), f.token(other_learner), f.token(f.other.admin) }) {
        CHECK(api.get("/api/marketplace/certificates", token).json.empty());
        check_error(api.get("/api/marketplace/certificates/" + id + "/credential", token), 404, "Certificate not found");
    }
    check_error(api.post("/api/marketplace/certificates/" + id + "/revoke", { { "reason", "x" } }, f.token(f.other.admin)),
        404, "Certificate not found");
    check_error(api.get("/api/marketplace/certificates", f.token(D.moderator)), 403, "Unauthorized",
        "Only administrators, a course's instructor and the learner see a certificate");
    check_error(api.get("/api/marketplace/certificates?status=lost", admin), 400, "Invalid request", "status is valid or revoked");

    // Revoking: administrators only, with a reason; once.
    check_error(api.post("/api/marketplace/certificates/" + id + "/revoke", { { "reason", "x" } }, teacher), 403, "Unauthorized",
        "Only administrators revoke certificates");
    CHECK(api.post("/api/marketplace/certificates/" + id + "/revoke", { { "reason", "  " } }, admin).status == 400);
    CHECK(api.post("/api/marketplace/certificates/" + id + "/revoke", { { "why", "x" } }, admin).status == 400);
    auto audit = f.audit_count();
    auto revoked = api.post("/api/marketplace/certificates/" + id + "/revoke",
        { { "reason", "Awarded by mistake: the lessons were marked by a script" } }, admin);
    INFO(describe(revoked));
    REQUIRE(revoked.status == 200);
    CHECK(revoked.json["status"] == "revoked");
    CHECK(revoked.json["message"]
        == "Revoked: " + D.student.name + "'s certificate for Course free-course; its lessons are to be completed again");
    CHECK(f.sql_int("SELECT count(*) FROM lesson_progress WHERE completed_at IS NOT NULL AND learner_id = "
              + str(D.student.id)) == 0);
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "certificate.revoke");
    check_error(api.post("/api/marketplace/certificates/" + id + "/revoke", { { "reason", "again" } }, admin), 409, "Conflict",
        "This certificate was revoked already");
    auto page = api.get("/verify/" + id);
    CHECK(page.body.find("Revoked certificate") != std::string::npos);
    CHECK(page.body.find("Awarded by mistake: the lessons were marked by a script") != std::string::npos);
    auto file = api.get("/verify/" + id + ".json");
    auto judged = api.send_text("POST", "/api/certificates/verify", file.body, "application/json");
    CHECK(judged.json["status"] == "revoked");
    CHECK(judged.json["revoked"]["reason"] == "Awarded by mistake: the lessons were marked by a script");
    CHECK(api.get("/api/marketplace/certificates?status=revoked", admin).json.size() == 1);
    CHECK(api.get("/api/marketplace/certificates?status=valid", admin).json.empty());

    // Asking is not enough: the lessons are to be completed again. Once they
    // are (marked at once, so no mark issued it), three requests at once make
    // one new certificate.
    check_error(api.post("/api/marketplace/courses/" + str(shop.free) + "/certificate", Json::object(), learner), 422,
        "Failed precondition", "To earn the certificate: 2 more lessons");
    auto mine = api.get("/api/marketplace/my-courses", learner);
    CHECK(mine.json[0]["certificate_id"].is_null());
    CHECK(mine.json[0]["certificate_left"] == Json({ "2 more lessons" }));
    f.sql("UPDATE lesson_progress SET completed_at = now() WHERE learner_id = " + str(D.student.id));
    CHECK(api.get("/api/marketplace/my-courses", learner).json[0]["certificate_left"] == Json::array());
    std::vector<std::future<Reply>> claims;
    for (int i = 0; i < 3; ++i)
        claims.push_back(std::async(std::launch::async, [&] {
            return api.post("/api/marketplace/courses/" + str(shop.free) + "/certificate", Json::object(), learner);
        }));
    int made = 0;
    std::set<std::string> ids;
    for (auto& claim : claims) {
        auto reply = claim.get();
        INFO(describe(reply));
        CHECK((reply.status == 201 || reply.status == 200));
        made += reply.status == 201;
        ids.insert(reply.json["id"].get<std::string>());
    }
    CHECK(made == 1);
    CHECK(ids.size() == 1);
    CHECK(*ids.begin() != id);
    CHECK(f.sql_int("SELECT count(*) FROM certificates WHERE revoked_at IS NULL") == 1);
    CHECK(f.sql_int("SELECT count(*) FROM issuer_keys") == 1);   // the same key signed both
    // Not enrolled: no certificate to ask for.
    check_error(api.post("/api/marketplace/courses/" + str(shop.paid) + "/certificate", Json::object(), learner), 404,
        "Course not found");
}

TEST_CASE("a course's rule: a share of its lessons and each quiz's pass mark", "[api][marketplace][certificates]")
{
    ApiFixture f("market_certificates_rule");
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto [first, second] = two_lessons(f, shop.free);
    const auto t = str(D.id);
    f.sql("UPDATE courses SET certificate_lessons_percent = 50, certificate_quiz_percent = 70 WHERE id = " + str(shop.free));
    const auto quiz = f.sql_int("INSERT INTO quizzes (tenant_id, course_id, title, mode, plan, question_count, created_by)"
                                " VALUES (" + t + ", " + str(shop.free) + ", 'Final check', 'exam', '{}', 10, "
        + str(D.teacher.id) + ") RETURNING id");
    const auto learner = f.token(D.student);
    REQUIRE(api.post("/api/marketplace/courses/" + str(shop.free) + "/enrol", Json::object(), learner).status == 201);
    auto mark = api.put("/api/marketplace/lessons/" + str(first) + "/progress", { { "completed", true } }, learner);
    CHECK_FALSE(mark.json.contains("certificate"));   // half the lessons, but the quiz is not passed
    const auto claim_path = "/api/marketplace/courses/" + str(shop.free) + "/certificate";
    check_error(api.post(claim_path, Json::object(), learner), 422, "Failed precondition",
        "To earn the certificate: pass \u201c" "Final check\u201d with 70%");
    f.sql("INSERT INTO quiz_attempts (tenant_id, quiz_id, student_id, number, seed, submitted_at, score) VALUES (" + t
        + ", " + str(quiz) + ", " + str(D.student.id) + ", 1, 7, now(), 5.5)");
    check_error(api.post(claim_path, Json::object(), learner), 422, "Failed precondition",
        "To earn the certificate: pass \u201c" "Final check\u201d with 70% (best so far 55%)");
    CHECK(api.get("/api/marketplace/my-courses", learner).json[0]["certificate_left"]
        == Json({ "pass \u201c" "Final check\u201d with 70% (best so far 55%)" }));
    f.sql("INSERT INTO quiz_attempts (tenant_id, quiz_id, student_id, number, seed, submitted_at, score) VALUES (" + t
        + ", " + str(quiz) + ", " + str(D.student.id) + ", 2, 8, now(), 7)");
    auto claim = api.post(claim_path, Json::object(), learner);
    INFO(describe(claim));
    REQUIRE(claim.status == 201);
    const auto file = f.sql_text("SELECT credential FROM certificates");
    CHECK(learnloop::server::check_credential(file).record.criteria
        == "Complete 50% of the lessons and pass each quiz with 70% or more");
}
