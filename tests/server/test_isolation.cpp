// Tenant isolation, the permission matrix and the audit log, black box against
// the real server and PostgreSQL: two tenants of the same shape, every route
// called by every role, row-level security checked without the handlers, and
// the audit log's one-row-per-mutation rule and hash chain.
#include "api_client.hpp"
#include "core/calendar.hpp"
#include "identity/permissions.hpp"
#include "platform/crypto.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <functional>
#include <future>
#include <map>
#include <set>

using namespace learnloop::test;
using learnloop::Action;

namespace {

std::string str(std::int64_t value) { return std::to_string(value); }

// [SECTION] routes from the server ---------------------------------------

// Every "METHOD /path" the running server lists in its OpenAPI document,
// with the permission-matrix action each names (empty when none).
std::map<std::string, std::string> registered_routes(ApiFixture& f)
{
    auto reply = f.api().get("/api/openapi.json");
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    std::map<std::string, std::string> routes;
    for (const auto& [path, operations] : reply.json["paths"].items()) {
        for (const auto& [method, operation] : operations.items()) {
            std::string upper;
            for (char c : method)
                upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            routes[upper + " " + path] = operation.value("x-permission-action", "");
        }
    }
    return routes;
}

// [SECTION] snapshots ------------------------------------------------------

// A digest of the tenant data the API writes (everything but the audit log
// and the login throttle), to prove that a refused request changed nothing.
std::string data_digest(ApiFixture& f)
{
    std::string digest;
    for (const char* table : { "tenants", "users", "auth_sessions", "classes", "class_members", "parent_links",
             "parent_link_codes", "assignments", "submissions", "grade_history" }) {
        digest += std::string(table) + ":"
            + f.sql_text(std::string("SELECT count(*)::text || '/' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-')"
                                     " FROM ")
                + table + " t")
            + "\n";
    }
    return digest;
}

} // namespace

// [SECTION] cross-tenant ---------------------------------------------------

TEST_CASE("tenant A's callers get 404 for every id of tenant B and see nothing of B in any list",
    "[api][isolation][tenant]")
{
    FixtureOptions options;
    options.other_tenant = true;
    options.moderators = true;
    ApiFixture f("iso_cross_tenant", options);
    auto& api = f.api();
    auto& A = f.demo;
    auto& B = f.other;
    A.submission_id = f.submit(A.student, A.assignment_id, "Tenant A's work");
    // A one-time parent link code of B's, made by B's admin.
    auto code_reply = api.post("/api/parent-links/codes", { { "student_id", B.student.id } }, f.token(B.admin));
    INFO(describe(code_reply));
    REQUIRE(code_reply.status == 201);
    auto b_code = code_reply.json["code"].get<std::string>();

    auto b_audit = f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(B.id));
    auto b_data = f.sql_text("SELECT string_agg(t::text, '|' ORDER BY t::text) FROM (SELECT a::text AS t FROM assignments a"
                             " WHERE tenant_id = " + str(B.id) + " UNION ALL SELECT s::text FROM submissions s WHERE tenant_id = "
        + str(B.id) + " UNION ALL SELECT u::text FROM users u WHERE tenant_id = " + str(B.id) + ") x");

    const auto ba = str(B.assignment_id), bs = str(B.submission_id), bc = str(B.class_id);
    // A question of B's own exam bank (written as the operator's CLI would).
    const auto b_question = str(f.sql_int("INSERT INTO bank_questions (tenant_id, code, version, kind, difficulty, body,"
                                          " content_hash, created_by) VALUES (" + str(B.id) + ", 'b-own', 1, 'true_false', 1,"
                                          " '::b-own::Other-Bank question?{T}', 'x', 'cli') RETURNING id"));
    // B's course with B's student in it, a quiz and the student's attempt;
    // A's own course, to name B's people in.
    const auto b_course = str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id) VALUES (" + str(B.id)
        + ", 'B course', " + str(B.teacher.id) + ") RETURNING id"));
    f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) VALUES (" + str(B.id) + ", " + b_course + ", "
        + str(B.student.id) + ")");
    f.sql("UPDATE courses SET join_code = 'BBQQ2345' WHERE id = " + b_course);   // B's code joins nothing of A's
    const auto b_quiz = str(f.sql_int("INSERT INTO quizzes (tenant_id, course_id, title, mode, plan, question_count,"
                                      " created_by) VALUES (" + str(B.id) + ", " + b_course + ", 'B quiz', 'practice',"
                                      " '{\"fixed\": [\"b-own\"]}', 1, " + str(B.teacher.id) + ") RETURNING id"));
    const auto b_attempt = str(f.sql_int("INSERT INTO quiz_attempts (tenant_id, quiz_id, student_id, number, seed) VALUES ("
        + str(B.id) + ", " + b_quiz + ", " + str(B.student.id) + ", 1, 7) RETURNING id"));
    f.sql("INSERT INTO quiz_attempt_questions (tenant_id, attempt_id, position, question_id) VALUES (" + str(B.id) + ", "
        + b_attempt + ", 0, " + b_question + ")");
    const auto b_listing = str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, published_at)"
        " VALUES (" + str(B.id) + ", 'B listing', " + str(B.teacher.id) + ", 'published', 'b-listing', now()) RETURNING id"));
    f.sql("INSERT INTO marketplace_settings (tenant_id) VALUES (" + str(A.id) + "), (" + str(B.id) + ")");
    const auto b_module = str(f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES ("
        + str(B.id) + ", " + b_listing + ", 0, 'B module') RETURNING id"));
    const auto b_lesson = str(f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind)"
        " VALUES (" + str(B.id) + ", " + b_listing + ", " + b_module + ", 0, 'B lesson', 'text') RETURNING id"));
    // B's paid course and B's student's paid order of it.
    f.sql("UPDATE courses SET price_kind = 'one_time', price_minor = 4900, currency = 'GBP', price_band = '20_50'"
          " WHERE id = " + b_listing);
    const auto b_order = str(f.sql_int("INSERT INTO course_orders (tenant_id, learner_id, course_id, status, currency,"
        " gross_minor, processing_fee_minor, platform_fee_minor, instructor_share_minor, platform_fee_bp, processing_bp,"
        " processing_fixed_minor, provider, checkout_id, checkout_url, payment_id, paid_at) VALUES (" + str(B.id) + ", "
        + str(B.student.id) + ", " + b_listing + ", 'paid', 'GBP', 4900, 89, 1443, 3368, 3000, 140, 20, 'sandbox', 'cs_b',"
        " '/sandbox-pay/b', 'pay_b', now()) RETURNING id"));
    const auto b_payout = str(f.sql_int("INSERT INTO instructor_payouts (tenant_id, instructor_id, month, currency,"
        " amount_minor, created_by) VALUES (" + str(B.id) + ", " + str(B.teacher.id) + ", '2026-01', 'GBP', 6000, "
        + str(B.admin.id) + ") RETURNING id"));
    const auto b_certificate = f.sql_text("WITH k AS (INSERT INTO issuer_keys (tenant_id, public_key, secret_key) VALUES ("
        + str(B.id) + ", repeat('c', 64), repeat('d', 128)) RETURNING id) INSERT INTO certificates (tenant_id, course_id,"
        " learner_id, key_id, learner_name, course_title, credential, issued_at) SELECT " + str(B.id) + ", " + b_listing
        + ", " + str(B.student.id) + ", k.id, 'B student', 'B listing', '{}', now() FROM k RETURNING id::text");
    const auto a_course = str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id) VALUES (" + str(A.id)
        + ", 'A course', " + str(A.teacher.id) + ") RETURNING id"));
    struct Probe {
        const Person* caller;
        std::string method;
        std::string path;
        Json body;
    };
    const auto exam_day = f.sql_text("SELECT to_char(current_date + 30, 'YYYY-MM-DD')");   // a goal's day, in range
    const std::vector<Probe> probes = {
        // The assignment tracker
        { &A.admin, "GET", "/api/assignments/" + ba, nullptr },
        { &A.moderator, "GET", "/api/assignments/" + ba, nullptr },
        { &A.teacher, "GET", "/api/assignments/" + ba, nullptr },
        { &A.student, "GET", "/api/assignments/" + ba, nullptr },
        { &A.parent, "GET", "/api/assignments/" + ba, nullptr },
        { &A.teacher, "PUT", "/api/assignments/" + ba, { { "title", "Taken over" } } },
        { &A.teacher, "DELETE", "/api/assignments/" + ba, nullptr },
        { &A.student, "POST", "/api/assignments/" + ba + "/submit", { { "content", "Wrong school" } } },
        { &A.student, "GET", "/api/assignments/" + ba + "/submission", nullptr },
        { &A.parent, "GET", "/api/assignments/" + ba + "/submission?student_id=" + str(B.student.id), nullptr },
        { &A.parent, "GET", "/api/assignments/" + str(A.assignment_id) + "/submission?student_id=" + str(B.student.id),
            nullptr },
        { &A.teacher, "GET", "/api/assignments/" + ba + "/submissions", nullptr },
        { &A.admin, "GET", "/api/assignments/" + ba + "/submissions", nullptr },
        { &A.teacher, "PUT", "/api/submissions/" + bs + "/grade", { { "grade", 1 }, { "feedback", "From A" } } },
        { &A.teacher, "GET", "/api/submissions/" + bs + "/history", nullptr },
        { &A.admin, "GET", "/api/submissions/" + bs + "/history", nullptr },
        // The school's structure
        { &A.admin, "PATCH", "/api/users/" + str(B.student.id), { { "name", "Renamed by A" } } },
        { &A.admin, "DELETE", "/api/users/" + str(B.student.id), nullptr },
        { &A.admin, "GET", "/api/classes/" + bc + "/members", nullptr },
        { &A.moderator, "GET", "/api/classes/" + bc + "/members", nullptr },
        { &A.admin, "POST", "/api/classes/" + bc + "/members", { { "student_id", A.student.id } } },
        { &A.admin, "DELETE", "/api/classes/" + bc + "/members/" + str(B.student.id), nullptr },
        { &A.admin, "GET", "/api/classes/" + bc + "/gradebook", nullptr },
        { &A.admin, "GET", "/api/classes/" + bc + "/gradebook.csv", nullptr },
        { &A.parent, "POST", "/api/parent-links/redeem", { { "code", b_code } } },
        { &A.parent, "GET", "/api/assignments?student_id=" + str(B.student.id), nullptr },
        { &A.admin, "GET", "/api/assignments/" + ba + "/submission?student_id=" + str(B.student.id), nullptr },
        { &A.teacher, "GET", "/api/assignments/" + str(A.assignment_id) + "/submission?student_id=" + str(B.student.id),
            nullptr },
        // The academy's exam bank
        { &A.admin, "GET", "/api/academy/bank/" + b_question, nullptr },
        { &A.teacher, "GET", "/api/academy/bank/" + b_question, nullptr },
        { &A.teacher, "POST", "/api/academy/bank/" + b_question + "/regrade", Json::object() },
        // Its courses, quizzes and attempts
        { &A.admin, "GET", "/api/academy/courses/" + b_course + "/quizzes", nullptr },
        { &A.moderator, "GET", "/api/academy/courses/" + b_course + "/quizzes", nullptr },
        { &A.student, "GET", "/api/academy/courses/" + b_course + "/leaderboard", nullptr },
        { &A.admin, "GET", "/api/academy/courses/" + b_course + "/leaderboard", nullptr },
        { &A.admin, "PUT", "/api/academy/courses/" + b_course + "/leaderboard", { { "enabled", false } } },
        { &A.admin, "GET", "/api/academy/courses/" + b_course + "/students", nullptr },
        { &A.admin, "POST", "/api/academy/courses/" + b_course + "/students", { { "student_ids", { A.student.id } } } },
        { &A.admin, "DELETE", "/api/academy/courses/" + b_course, nullptr },
        { &A.admin, "GET", "/api/academy/courses/" + b_course + "/candidates", nullptr },
        { &A.admin, "DELETE", "/api/academy/courses/" + b_course + "/students/" + str(B.student.id), nullptr },
        { &A.admin, "PUT", "/api/academy/courses/" + b_course + "/join-code", nullptr },
        { &A.admin, "DELETE", "/api/academy/courses/" + b_course + "/join-code", nullptr },
        { &A.student, "POST", "/api/academy/join", { { "code", "BBQQ-2345" } } },
        { &A.admin, "POST", "/api/academy/courses/" + b_course + "/quizzes",
            { { "title", "Into B" }, { "mode", "exam" }, { "draws", { { { "count", 1 } } } } } },
        { &A.student, "POST", "/api/academy/quizzes/" + b_quiz + "/attempts", Json::object() },
        { &A.admin, "GET", "/api/academy/quizzes/" + b_quiz + "/results", nullptr },
        { &A.teacher, "GET", "/api/academy/quizzes/" + b_quiz + "/results", nullptr },
        { &A.student, "GET", "/api/academy/attempts/" + b_attempt, nullptr },
        { &A.student, "PUT", "/api/academy/attempts/" + b_attempt + "/answers/1", { { "answer", { { "choice", 0 } } } } },
        { &A.student, "POST", "/api/academy/attempts/" + b_attempt + "/submit", Json::object() },
        { &A.student, "POST", "/api/academy/attempts/" + b_attempt + "/questions/1/help", { { "message", "hint?" } } },
        // Its students' skills, plans, goals and summaries
        { &A.admin, "GET", "/api/academy/study?student_id=" + str(B.student.id), nullptr },
        { &A.teacher, "GET", "/api/academy/study?student_id=" + str(B.student.id), nullptr },
        { &A.parent, "GET", "/api/academy/summary?student_id=" + str(B.student.id), nullptr },
        { &A.admin, "PUT", "/api/academy/study/goal?student_id=" + str(B.student.id),
            { { "exam_day", exam_day }, { "minutes_per_day", 30 } } },
        // The marketplace's course pages: another tenant's course, even published
        { &A.student, "GET", "/api/marketplace/courses/" + b_listing, nullptr },
        { &A.admin, "GET", "/api/marketplace/courses/" + b_listing, nullptr },
        { &A.student, "POST", "/api/marketplace/courses/" + b_listing + "/enrol", nullptr },
        { &A.student, "POST", "/api/marketplace/courses/" + b_listing + "/checkout", nullptr },
        { &A.admin, "GET", "/api/marketplace/orders/" + b_order, nullptr },
        { &A.teacher, "GET", "/api/marketplace/orders/" + b_order, nullptr },
        { &A.student, "GET", "/api/marketplace/orders/" + b_order, nullptr },
        { &A.admin, "POST", "/api/marketplace/orders/" + b_order + "/refunds", { { "amount", "1.00" } } },
        { &A.admin, "GET", "/api/marketplace/earnings?instructor_id=" + str(B.teacher.id), nullptr },
        { &A.admin, "GET", "/api/marketplace/earnings/statement?month=2026-11&instructor_id=" + str(B.teacher.id), nullptr },
        { &A.admin, "PUT", "/api/marketplace/payouts/" + b_payout + "/paid", { { "reference", "Not yours" } } },
        { &A.admin, "GET", "/api/marketplace/certificates/" + b_certificate + "/credential", nullptr },
        { &A.student, "GET", "/api/marketplace/certificates/" + b_certificate + "/credential", nullptr },
        { &A.admin, "POST", "/api/marketplace/certificates/" + b_certificate + "/revoke", { { "reason", "Not yours" } } },
        { &A.student, "POST", "/api/marketplace/courses/" + b_listing + "/certificate", nullptr },
        { &A.admin, "GET", "/api/marketplace/lessons/" + b_lesson, nullptr },
        { &A.student, "GET", "/api/marketplace/lessons/" + b_lesson, nullptr },
        { &A.student, "PUT", "/api/marketplace/lessons/" + b_lesson + "/progress", { { "completed", true } } },
        { &A.student, "PUT", "/api/marketplace/courses/" + b_listing + "/review", { { "stars", 1 } } },
        { &A.admin, "PUT", "/api/marketplace/courses/" + b_listing + "/reviews/" + str(B.student.id) + "/reply",
            { { "reply", "From A" } } },
        { &A.moderator, "PUT", "/api/marketplace/courses/" + b_listing + "/reviews/" + str(B.student.id) + "/hidden",
            { { "hidden", true } } },
    };
    for (const auto& probe : probes) {
        auto reply = api.send(probe.method, probe.path, probe.body, f.token(*probe.caller));
        INFO("as A's " << probe.caller->role << ": " << describe(reply));
        CHECK(reply.status == 404);
    }
    // B's published course is not in A's catalog, searched or not.
    for (const auto* path : { "/api/marketplace/catalog?q=listing", "/api/marketplace/catalog" }) {
        auto catalog = api.get(path, f.token(A.student));
        INFO(describe(catalog));
        CHECK(catalog.status == 200);
        CHECK(catalog.json["total"] == 0);
    }
    // B's certificate is in none of A's lists.
    for (const auto* caller : { &A.admin, &A.teacher, &A.student }) {
        auto certificates = api.get("/api/marketplace/certificates", f.token(*caller));
        CHECK(certificates.status == 200);
        CHECK(certificates.json == Json::array());
    }
    for (const auto* caller : { &A.admin, &A.teacher }) {
        auto bank = api.get("/api/academy/bank?q=Other-Bank", f.token(*caller));
        CHECK(bank.status == 200);
        CHECK(bank.json == Json::array());
    }

    // Naming B's rows in a request body is refused as invalid, not honoured.
    const std::vector<Probe> foreign_references = {
        { &A.teacher, "POST", "/api/assignments",
            { { "title", "Into B's class" }, { "description", "" }, { "due_date", "2030-01-01T09:00:00" },
                { "class_id", B.class_id } } },
        { &A.teacher, "PUT", "/api/assignments/" + str(A.assignment_id), { { "class_id", B.class_id } } },
        { &A.admin, "POST", "/api/classes/" + str(A.class_id) + "/members", { { "student_id", B.student.id } } },
        { &A.admin, "POST", "/api/parent-links", { { "parent_id", A.parent.id }, { "student_id", B.student.id } } },
        { &A.admin, "POST", "/api/parent-links", { { "parent_id", B.parent.id }, { "student_id", A.student.id } } },
        { &A.admin, "POST", "/api/parent-links/codes", { { "student_id", B.student.id } } },
        { &A.admin, "POST", "/api/classes", { { "name", "B's teacher's class" }, { "teacher_id", B.teacher.id } } },
        { &A.admin, "POST", "/api/academy/courses/" + a_course + "/students", { { "student_ids", { B.student.id } } } },
        { &A.admin, "POST", "/api/academy/courses", { { "title", "B's instructor's" }, { "instructor_id", B.teacher.id } } },
    };
    for (const auto& probe : foreign_references) {
        auto reply = api.send(probe.method, probe.path, probe.body, f.token(*probe.caller));
        INFO("as A's " << probe.caller->role << ": " << describe(reply));
        CHECK((reply.status == 400 || reply.status == 404));
    }

    // An X-Tenant header does not move an authenticated caller into another tenant.
    CHECK(api.get("/api/assignments/" + ba, f.token(A.admin), { { "X-Tenant", "other" } }).status == 404);

    // No list shows anything of B.
    std::set<std::int64_t> b_users;
    for (const auto* person : B.people())
        b_users.insert(person->id);
    for (const auto* person : A.people()) {
        INFO("lists as A's " << person->role);
        auto token = f.token(*person);
        auto assignments = api.get("/api/assignments?limit=200", token);
        REQUIRE(assignments.status == 200);
        CHECK_FALSE(contains_id(assignments.json, B.assignment_id));
        CHECK(assignments.body.find("Other-Teacher") == std::string::npos);
        // Filtering by B's class finds nothing (and says nothing about it).
        auto filtered = api.get("/api/assignments?class_id=" + bc, token);
        REQUIRE(filtered.status == 200);
        CHECK(filtered.json == Json::array());
        CHECK(filtered.header("X-Total-Count") == "0");
        auto me = api.get("/api/user", token);
        CHECK(me.json["tenant_id"] == A.id);
        auto classes = api.get("/api/classes?limit=200", token);
        if (classes.status == 200) {
            CHECK_FALSE(contains_id(classes.json, B.class_id));
            CHECK(classes.body.find("Other-") == std::string::npos);
        }
        auto users = api.get("/api/users?limit=200", token);
        if (users.status == 200) {
            for (auto id : ids_of(users.json))
                CHECK(b_users.count(id) == 0);
            CHECK(users.body.find("@other.learnloop.test") == std::string::npos);
        }
        auto links = api.get("/api/parent-links?limit=200", token);
        if (links.status == 200)
            CHECK(links.body.find("Other-") == std::string::npos);
        auto children = api.get("/api/children", token);
        if (children.status == 200)
            CHECK(children.body.find("Other-") == std::string::npos);
        for (const char* list : { "/api/academy/courses?limit=200", "/api/academy/courses/deleted?limit=200" }) {
            auto courses = api.get(list, token);
            if (courses.status == 200)
                CHECK(courses.body.find("B course") == std::string::npos);
        }
        auto payouts = api.get("/api/marketplace/payouts?limit=200", token);
        if (payouts.status == 200)
            CHECK(payouts.body.find("Other-") == std::string::npos);
        auto orders = api.get("/api/marketplace/orders?limit=200", token);
        if (orders.status == 200)
            CHECK(orders.body.find("B listing") == std::string::npos);
        auto audit = api.get("/api/audit?limit=200", token);
        if (audit.status == 200) {
            CHECK(audit.header("X-Total-Count")
                == str(f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(A.id))));
            for (const auto& entry : audit.json) {
                auto actor = entry["actor"].get<std::string>();
                for (auto id : b_users)
                    CHECK(actor != "user:" + str(id));
            }
            CHECK(audit.body.find("other.learnloop.test") == std::string::npos);
            CHECK(audit.body.find("Other-") == std::string::npos);
        }
    }
    auto submissions = api.get("/api/assignments/" + str(A.assignment_id) + "/submissions", f.token(A.teacher));
    REQUIRE(submissions.status == 200);
    CHECK(ids_of(submissions.json) == std::vector<std::int64_t> { A.submission_id });

    // B is exactly as it was, and B's chain has no new rows.
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(B.id)) == b_audit);
    CHECK(f.sql_text("SELECT string_agg(t::text, '|' ORDER BY t::text) FROM (SELECT a::text AS t FROM assignments a"
                     " WHERE tenant_id = " + str(B.id) + " UNION ALL SELECT s::text FROM submissions s WHERE tenant_id = "
              + str(B.id) + " UNION ALL SELECT u::text FROM users u WHERE tenant_id = " + str(B.id) + ") x")
        == b_data);
    CHECK(f.sql_int("SELECT count(*) FROM parent_links WHERE parent_id = " + str(A.parent.id)) == 1);
    CHECK(f.sql_int("SELECT count(*) FROM class_members WHERE class_id = " + bc) == 1);

    // And the other way round: B's callers cannot reach A's rows either.
    auto b_teacher = f.token(B.teacher);
    CHECK(api.get("/api/assignments/" + str(A.assignment_id), b_teacher).status == 404);
    CHECK(api.get("/api/assignments/" + str(A.assignment_id) + "/submissions", b_teacher).status == 404);
    CHECK(api.put("/api/submissions/" + str(A.submission_id) + "/grade", { { "grade", 1 }, { "feedback", "B" } }, b_teacher)
              .status
        == 404);
    CHECK(api.post("/api/assignments/" + str(A.assignment_id) + "/submit", { { "content", "B's" } }, f.token(B.student))
              .status
        == 404);
    // B's own code still works for B's parent.
    auto redeemed = api.post("/api/parent-links/redeem", { { "code", b_code } }, f.token(B.parent));
    INFO(describe(redeemed));
    CHECK(redeemed.status == 200);
}

TEST_CASE("row-level security alone confines learnloop_app to the tenant named in app.tenant_id",
    "[api][isolation][rls]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("iso_rls", options);
    auto& A = f.demo;
    auto& B = f.other;
    f.submit(A.student, A.assignment_id, "Tenant A's work");   // so that every shape exists in both

    // Every base table of the public schema with a tenant_id column.
    std::vector<std::string> tables;
    for (const auto& row : f.sql("SELECT c.table_name FROM information_schema.columns c"
                                 " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                                 " WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'"
                                 " ORDER BY 1"))
        tables.push_back(row[0].as<std::string>());
    for (const char* expected : { "users", "audit_log", "auth_sessions", "classes", "class_members", "parent_links",
             "parent_link_codes", "assignments", "submissions", "grade_history" }) {
        INFO("table " << expected);
        CHECK(std::find(tables.begin(), tables.end(), expected) != tables.end());
    }

    pqxx::connection app(f.app_url());
    REQUIRE(std::string(app.username()) == "learnloop_app");
    auto as_app = [&](const std::string& query) {
        pqxx::nontransaction txn(app);
        return txn.exec(query);
    };

    // No tenant set: nothing at all.
    for (const auto& table : tables) {
        INFO("table " << table << " with no tenant set");
        CHECK(as_app("SELECT count(*) FROM " + table)[0][0].as<std::int64_t>() == 0);
    }
    CHECK(as_app("SELECT count(*) FROM tenants")[0][0].as<std::int64_t>() == 0);

    int tables_with_b_rows = 0;
    for (const auto* tenant : { &A, &B }) {
        const auto* stranger = tenant == &A ? &B : &A;
        as_app("SELECT set_config('app.tenant_id', '" + str(tenant->id) + "', false)");
        for (const auto& table : tables) {
            INFO("table " << table << " as tenant " << tenant->slug);
            auto seen = as_app("SELECT count(*), count(*) FILTER (WHERE tenant_id IS DISTINCT FROM " + str(tenant->id)
                + ") FROM " + table);
            auto own = f.sql_int("SELECT count(*) FROM " + table + " WHERE tenant_id = " + str(tenant->id));
            auto foreign = f.sql_int("SELECT count(*) FROM " + table + " WHERE tenant_id = " + str(stranger->id));
            CHECK(seen[0][0].as<std::int64_t>() == own);
            CHECK(seen[0][1].as<std::int64_t>() == 0);
            if (tenant == &A && foreign > 0)
                ++tables_with_b_rows;
        }
        auto visible_tenants = as_app("SELECT id FROM tenants");
        REQUIRE(visible_tenants.size() == 1);
        CHECK(visible_tenants[0][0].as<std::int64_t>() == tenant->id);
        CHECK(as_app("SELECT count(*) FROM assignments")[0][0].as<std::int64_t>()
            == f.sql_int("SELECT count(*) FROM assignments WHERE tenant_id = " + str(tenant->id)));
    }
    // The check above proves something only if B has rows to hide.
    CHECK(tables_with_b_rows >= 8);

    // Writes are confined too: as A, B's rows cannot be changed or created.
    as_app("SELECT set_config('app.tenant_id', '" + str(A.id) + "', false)");
    CHECK(as_app("UPDATE assignments SET title = 'changed' WHERE tenant_id = " + str(B.id) + " RETURNING id").empty());
    CHECK(as_app("UPDATE users SET name = 'changed' WHERE tenant_id = " + str(B.id) + " RETURNING id").empty());
    CHECK_THROWS(as_app("INSERT INTO assignments (tenant_id, teacher_id, title, due_at) VALUES (" + str(B.id) + ", "
        + str(B.teacher.id) + ", 'planted', now())"));
    CHECK_THROWS(as_app("INSERT INTO submissions (tenant_id, assignment_id, student_id, content) VALUES (" + str(B.id)
        + ", " + str(B.assignment_id) + ", " + str(B.student.id) + ", 'planted')"));
    // A row claiming A's tenant cannot point at B's rows either (composite keys).
    CHECK_THROWS(as_app("INSERT INTO submissions (tenant_id, assignment_id, student_id, content) VALUES (" + str(A.id)
        + ", " + str(B.assignment_id) + ", " + str(A.student.id) + ", 'planted')"));
    CHECK(f.sql_text("SELECT title FROM assignments WHERE id = " + str(B.assignment_id)) == "Other persuasive letter");
    CHECK(f.sql_int("SELECT count(*) FROM submissions WHERE content = 'planted'") == 0);
}

TEST_CASE("enable_tenant_isolation puts a new table under the same row-level security as the others",
    "[api][isolation][rls]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("iso_rls_helper", options);
    const auto a = str(f.demo.id), b = str(f.other.id);
    // A table as the next areas' migrations make them.
    f.sql("SET ROLE learnloop_owner; CREATE TABLE rls_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          " tenant_id bigint NOT NULL REFERENCES tenants (id), note text NOT NULL);"
          " SELECT enable_tenant_isolation('rls_probe'); GRANT SELECT, INSERT, UPDATE ON rls_probe TO learnloop_app;"
          " INSERT INTO rls_probe (tenant_id, note) VALUES (" + a + ", 'a'), (" + b + ", 'b'), (" + b + ", 'b2');"
          " RESET ROLE");
    CHECK(f.sql_int("SELECT count(*) FROM pg_policies WHERE tablename = 'rls_probe'") == 2);
    CHECK(f.sql_text("SELECT relforcerowsecurity::text FROM pg_class WHERE relname = 'rls_probe'") == "true");

    pqxx::connection app(f.app_url());
    auto as_app = [&](const std::string& query) {
        pqxx::nontransaction txn(app);
        return txn.exec(query);
    };
    CHECK(as_app("SELECT count(*) FROM rls_probe")[0][0].as<std::int64_t>() == 0);   // no tenant set
    as_app("SELECT set_config('app.tenant_id', '" + a + "', false)");
    auto seen = as_app("SELECT note FROM rls_probe");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0][0].as<std::string>() == "a");
    CHECK(as_app("UPDATE rls_probe SET note = 'changed' WHERE tenant_id = " + b + " RETURNING id").empty());
    CHECK_THROWS(as_app("INSERT INTO rls_probe (tenant_id, note) VALUES (" + b + ", 'planted')"));
    CHECK(f.sql_int("SELECT count(*) FROM rls_probe WHERE tenant_id = " + b + " AND note LIKE 'b%'") == 2);
    // The unused visibility function is gone.
    CHECK(f.sql_int("SELECT count(*) FROM pg_proc WHERE proname = 'assignment_visible'") == 0);
}

// [SECTION] permission matrix ----------------------------------------------

TEST_CASE("permission matrix: every route answers 403 exactly for the roles the contract and the matrix refuse",
    "[api][isolation][permissions]")
{
    FixtureOptions options;
    options.moderators = true;
    ApiFixture f("iso_matrix", options);
    auto& api = f.api();
    auto& D = f.demo;

    // What the calls act on: the seeded class assignment (owned by the teacher)
    // with the student's ungraded submission, an assignment the teacher may
    // delete, spare students to add, link and rename, one to deactivate, and
    // a parent link code.
    auto submission = f.submit(D.student, D.assignment_id, "Matrix work");
    auto disposable = f.create_assignment(D.teacher, "To be deleted", "2030-01-01T09:00:00");
    auto spare1 = f.signup("spare1@demo.learnloop.test", "Spare One", "student");
    auto spare2 = f.signup("spare2@demo.learnloop.test", "Spare Two", "student");
    auto leaver = f.signup("leaver@demo.learnloop.test", "Lee Leaver", "student");
    // A teacher places only students the school already put in one of their
    // classes: the administrator puts spare2 in a second class of the teacher.
    auto second_class = api.post("/api/classes", { { "name", "Matrix set" }, { "teacher_id", D.teacher.id } },
        f.token(D.admin));
    REQUIRE(second_class.status == 201);
    REQUIRE(api.post("/api/classes/" + str(second_class.json["class_id"].get<std::int64_t>()) + "/members",
                { { "student_id", spare2.id } }, f.token(D.admin))
                .status
        == 201);
    // Staff who signed themselves up, waiting for the administrator's decision.
    auto waiting1 = f.signup("waiting1@demo.learnloop.test", "Wai Ting", "teacher");
    auto waiting2 = f.signup("waiting2@demo.learnloop.test", "Wai Ting Two", "teacher");
    auto code_reply = api.post("/api/parent-links/codes", { { "student_id", spare1.id } }, f.token(D.admin));
    REQUIRE(code_reply.status == 201);
    auto code = code_reply.json["code"].get<std::string>();
    // A one-target curriculum, so assigning targets and practising have something to act on.
    TempDir curriculum("curriculum");
    curriculum.write("maths.json", R"({"subject": "maths", "strand": "number",
        "targets": [{"id": "math.matrix.facts", "title": "Matrix facts"}],
        "templates": [{"id": "math.matrix.facts.001", "target_id": "math.matrix.facts", "kind": "single_choice",
          "difficulty": 1, "prompt": "What is 2 + 2?", "explanation": "Two and two make four.",
          "options": [{"text": "4", "correct": true}, {"text": "5", "feedback": "One too many."}]}]})");
    REQUIRE(f.cli({ "seed", "curriculum", "--dir", curriculum.path() }).exit_code == 0);
    // One question in the tenant's own exam bank, to read.
    const auto bank_question = "/api/academy/bank/"
        + str(f.sql_int("INSERT INTO bank_questions (tenant_id, code, version, kind, difficulty, body, content_hash,"
                        " created_by) VALUES (" + str(D.id) + ", 'matrix-q', 1, 'true_false', 1,"
                        " '::matrix-q::Is 7 prime?{T}', 'x', 'cli') RETURNING id"));

    // A course the teacher teaches with the student enrolled, and a practice
    // quiz asking that question, for the student to take.
    const auto course = "/api/academy/courses/"
        + str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id) VALUES (" + str(D.id)
                        + ", 'Matrix course', " + str(D.teacher.id) + ") RETURNING id"));
    f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) SELECT tenant_id, id, " + str(D.student.id)
        + " FROM courses WHERE title = 'Matrix course'");
    const auto quiz = "/api/academy/quizzes/"
        + str(f.sql_int("INSERT INTO quizzes (tenant_id, course_id, title, mode, plan, question_count, created_by)"
                        " SELECT tenant_id, id, 'Matrix quiz', 'practice', '{\"fixed\": [\"matrix-q\"], \"draws\": [],"
                        " \"shuffle\": true}', 1, instructor_id FROM courses WHERE title = 'Matrix course' RETURNING id"));
    f.sql("UPDATE quizzes SET tutor = true WHERE title = 'Matrix quiz'");
    // A catalog with one published course (the fixture's tenant is a school:
    // what the marketplace's routes need is its settings and a course).
    f.sql("INSERT INTO marketplace_settings (tenant_id) VALUES (" + str(D.id) + ")");
    const auto listed = "/api/marketplace/courses/"
        + str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, published_at) VALUES ("
            + str(D.id) + ", 'Matrix listing', " + str(D.teacher.id) + ", 'published', 'matrix-listing', now()) RETURNING id"));
    const auto listed_id = listed.substr(listed.rfind('/') + 1);
    const auto listed_module = str(f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES ("
        + str(D.id) + ", " + listed_id + ", 0, 'Matrix module') RETURNING id"));
    const auto lesson = "/api/marketplace/lessons/"
        + str(f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind, body) VALUES ("
            + str(D.id) + ", " + listed_id + ", " + listed_module + ", 0, 'Matrix lesson', 'text', 'Read me') RETURNING id"));
    f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) VALUES (" + str(D.id) + ", " + listed_id + ", "
        + str(D.student.id) + ")");
    // The student has done the lesson and reviewed the course, for the review routes.
    f.sql("INSERT INTO lesson_progress (tenant_id, lesson_id, learner_id, course_id, completed_at) VALUES (" + str(D.id)
        + ", " + lesson.substr(lesson.rfind('/') + 1) + ", " + str(D.student.id) + ", " + listed_id + ", now())");
    f.sql("INSERT INTO course_reviews (tenant_id, course_id, learner_id, stars) VALUES (" + str(D.id) + ", " + listed_id
        + ", " + str(D.student.id) + ", 4)");
    const auto review = listed + "/reviews/" + str(D.student.id);
    // A paid course of the teacher's: the student bought it once (a paid
    // order the administrator refunds a pound of) and may buy it again; a
    // spare student's order waits at the sandbox's checkout, whose pages
    // anyone may open and press (the second press changes nothing).
    learnloop::server::init_crypto();
    const auto paid_course = str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, price_kind,"
        " price_minor, currency, price_band, published_at) VALUES (" + str(D.id) + ", 'Matrix paid', " + str(D.teacher.id)
        + ", 'published', 'matrix-paid', 'one_time', 4900, 'GBP', '20_50', now()) RETURNING id"));
    f.sql("INSERT INTO sandbox_checkouts (id, merchant, description, amount_minor, currency, return_url, metadata, status,"
          " payment_id, completed_at) VALUES ('cs_" + std::string(64, 'c') + "', 'Matrix', 'Matrix paid', 4900, 'GBP', '/',"
          " '{}', 'paid', 'pay_" + std::string(32, 'd') + "', now())");
    const auto bought = "/api/marketplace/orders/" + str(f.sql_int(
        "INSERT INTO course_orders (tenant_id, learner_id, course_id, status, currency, gross_minor, processing_fee_minor,"
        " platform_fee_minor, instructor_share_minor, platform_fee_bp, processing_bp, processing_fixed_minor, provider,"
        " checkout_id, checkout_url, payment_id, paid_at) VALUES (" + str(D.id) + ", " + str(D.student.id) + ", "
        + paid_course + ", 'paid', 'GBP', 4900, 89, 1443, 3368, 3000, 140, 20, 'sandbox', 'cs_" + std::string(64, 'c')
        + "', '/sandbox-pay/" + std::string(64, 'c') + "', 'pay_" + std::string(32, 'd') + "', now()) RETURNING id"));
    // A coupon learners may try on it, and a count of the coupons the table makes.
    f.sql("INSERT INTO coupons (tenant_id, code, kind, percent, created_by) VALUES (" + str(D.id) + ", 'MATRIX', 'percent', 10, "
        + str(D.admin.id) + ")");
    int coupons_made = 0;
    // A draft of the teacher's with a module and a lesson for the studio's
    // routes, and one whose order (one empty module) is asked again as it is.
    const auto studio = "/api/marketplace/studio/courses/"
        + str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug) VALUES (" + str(D.id)
            + ", 'Matrix studio', " + str(D.teacher.id) + ", 'draft', 'matrix-studio') RETURNING id"));
    const auto studio_id = studio.substr(studio.rfind('/') + 1);
    auto studio_part = [&](const std::string& what) {
        if (what == "module")
            return str(f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES (" + str(D.id)
                + ", " + studio_id + ", 9, 'Matrix part') RETURNING id"));
        return str(f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind) SELECT "
            + str(D.id) + ", " + studio_id + ", min(id), 9, 'Matrix part', 'text' FROM course_modules WHERE course_id = "
            + studio_id + " RETURNING id"));
    };
    const auto studio_module = "/api/marketplace/studio/modules/" + studio_part("module");
    const auto studio_lesson = "/api/marketplace/studio/lessons/" + studio_part("lesson");
    // A file of a lesson: one of the listed course's for its readers, fresh
    // ones of the studio's lesson for deleting.
    auto attach = [&](const std::string& course_id, const std::string& lesson_path) {
        return str(f.sql_int("INSERT INTO lesson_attachments (tenant_id, course_id, lesson_id, file_name, media_type, "
            "size_bytes, content, created_by) VALUES (" + str(D.id) + ", " + course_id + ", "
            + lesson_path.substr(lesson_path.rfind('/') + 1) + ", 'Matrix notes.txt', 'text/plain; charset=utf-8', 5, "
            "'Notes'::bytea, " + str(D.teacher.id) + ") RETURNING id"));
    };
    const auto listed_file = "/api/marketplace/files/" + attach(listed_id, lesson);
    const auto ordered_id = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug) VALUES ("
        + str(D.id) + ", 'Matrix order', " + str(D.teacher.id) + ", 'draft', 'matrix-order') RETURNING id");
    const auto ordered_module = f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES ("
        + str(D.id) + ", " + str(ordered_id) + ", 0, 'Matrix module') RETURNING id");
    auto studio_face = [](const std::string& slug) {
        return Json { { "title", "Matrix studio" }, { "slug", slug }, { "price", { { "kind", "free" } } } };
    };
    int studio_made = 0;
    auto waiting = api.post("/api/marketplace/courses/" + paid_course + "/checkout", Json::object(), f.token(spare2));
    REQUIRE(waiting.status == 201);
    const auto checkout = waiting.json["checkout_url"].get<std::string>();
    // A signed event the sandbox would send (the same one each time: a replay after the first).
    auto signed_event = [&, order = waiting.json["order_id"].get<std::int64_t>()] {
        const Json event { { "id", "evt_" + std::string(32, 'e') }, { "type", "checkout.cancelled" },
            { "created", 1765000000 },
            { "data", { { "checkout_id", "cs_" + checkout.substr(checkout.rfind('/') + 1) }, { "amount_minor", 4900 },
                          { "currency", "GBP" }, { "metadata", { { "tenant_id", D.id }, { "order_id", order } } } } } };
        const auto t = std::to_string(std::time(nullptr));
        return std::make_pair(event, "t=" + t + ",v1="
                + learnloop::server::hmac_sha256_hex(f.sql_text("SELECT webhook_secret FROM sandbox_provider"),
                    t + "." + event.dump()));
    };
    // A payout due to the teacher, for the administrator to mark sent.
    const auto payout = "/api/marketplace/payouts/" + str(f.sql_int("INSERT INTO instructor_payouts (tenant_id,"
        " instructor_id, month, currency, amount_minor, created_by) VALUES (" + str(D.id) + ", " + str(D.teacher.id)
        + ", '2026-01', 'GBP', 6000, " + str(D.admin.id) + ") RETURNING id"));
    // The student's certificate for the listed course, for the certificate routes.
    // (A real key: once the administrator revokes it, the student earns a new one, signed.)
    const auto matrix_key = learnloop::server::generate_signing_key();
    const auto certificate = "/api/marketplace/certificates/" + f.sql_text(
        "WITH k AS (INSERT INTO issuer_keys (tenant_id, public_key, secret_key) VALUES (" + str(D.id) + ", '"
        + matrix_key.public_key + "', '" + matrix_key.secret_key + "') RETURNING id) INSERT INTO certificates (tenant_id, course_id, learner_id,"
        " key_id, learner_name, course_title, credential, issued_at) SELECT " + str(D.id) + ", " + listed_id + ", "
        + str(D.student.id) + ", k.id, 'Matrix student', 'Matrix listing', '{}', now() FROM k RETURNING id::text");
    const auto certificate_page = "/verify/" + certificate.substr(certificate.rfind('/') + 1);
    const auto last_month = f.sql_text("SELECT to_char(date_trunc('month', now() AT TIME ZONE time_zone) - interval '1 day',"
                                       " 'YYYY-MM') FROM tenants WHERE id = " + str(D.id));
    auto latest_attempt = [&] {
        return "/api/academy/attempts/" + str(f.sql_int("SELECT coalesce(max(id), 1) FROM quiz_attempts"));
    };
    auto new_course = [&](const std::string& deleted) {
        return "/api/academy/courses/"
            + str(f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, deleted_at) VALUES (" + str(D.id)
                            + ", 'Matrix short-lived', " + str(D.teacher.id) + ", " + deleted + ") RETURNING id"));
    };

    // A tutoring series of the teacher with the student: weekly, begun in the
    // past, so its sessions can be changed and logged.
    auto lessons = api.post("/api/tutoring/series",
        { { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Matrix maths" },
            { "dtstart", "2026-01-05T09:00:00" }, { "duration_minutes", 30 }, { "rrule", "FREQ=WEEKLY;COUNT=3" } },
        f.token(D.admin));
    REQUIRE(lessons.status == 201);
    const std::string t = "/api/tutoring/series/" + str(lessons.json["series_id"].get<std::int64_t>());
    // Money: a default rate, and a second weekly series of the student (the
    // parent's child), each session logged. The parent's family has an
    // issued invoice (to read), a draft to issue and a draft to void; the
    // fourth session is left for the table's own draft.
    REQUIRE(api.post("/api/tutoring/rates", { { "effective_from", "2026-01-01" }, { "per_hour", "40.00" } }, f.token(D.admin))
                .status
        == 201);
    auto billed = api.post("/api/tutoring/series",
        { { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Matrix billing" },
            { "dtstart", "2026-01-07T14:00:00" }, { "duration_minutes", 60 }, { "rrule", "FREQ=WEEKLY;COUNT=4" } },
        f.token(D.admin));
    REQUIRE(billed.status == 201);
    for (auto day : { "07", "14", "21", "28" })
        REQUIRE(api.post("/api/tutoring/attendance",
                       { { "series_id", billed.json["series_id"] }, { "recurrence_id", std::string("2026-01-") + day + "T14:00:00" },
                           { "status", "completed" } },
                       f.token(D.admin))
                    .status
            == 200);
    auto invoice_for = [&](const std::string& day) {
        auto made = api.post("/api/tutoring/invoices",
            { { "family_id", D.parent.id }, { "from", "2026-01-" + day }, { "to", "2026-01-" + day } }, f.token(D.admin));
        REQUIRE(made.status == 201);
        return "/api/tutoring/invoices/" + str(made.json["id"].get<std::int64_t>());
    };
    const auto issued_invoice = invoice_for("07");
    REQUIRE(api.post(issued_invoice + "/issue", Json::object(), f.token(D.admin)).status == 200);
    const auto draft_to_issue = invoice_for("14"), draft_to_void = invoice_for("21");
    // A calendar feed of a student the table does not sign in as.
    auto spare_feed = api.post("/api/tutoring/feed", Json::object(), f.token(spare1));
    REQUIRE(spare_feed.status == 201);
    const auto feed_url = spare_feed.json["url"].get<std::string>();
    // Each role books its own hour, so no booking clashes with another.
    auto booking_hour = [](const std::string& role) { return role == "admin" ? "10" : role == "moderator" ? "11" : "12"; };
    const std::string a = "/api/assignments/" + str(D.assignment_id);
    const std::string c = "/api/classes/" + str(D.class_id);
    const std::set<std::string> everyone = { "admin", "moderator", "teacher", "student", "parent" };
    struct Call {
        std::string method;
        std::string path;
        Json body;
        httplib::Headers headers {};
        std::string raw {};   // a body that is not JSON (an uploaded file), when not empty
    };
    struct RouteCase {
        std::string route;                  // as register_routes spells it
        std::set<std::string> allowed;      // the roles that may call it
        std::optional<Action> action;       // the shared matrix's action, where the route is one
        std::function<Call(const std::string& role)> call;
    };
    auto fixed = [](std::string method, std::string path, Json body = nullptr) {
        return [=](const std::string&) { return Call { method, path, body }; };
    };
    // The spare student a role works with, so each allowed call has fresh data.
    auto spare_for = [&](const std::string& role) { return role == "admin" ? spare1.id : spare2.id; };

    // Roles run in this order; the teacher last, so that grading comes after
    // the student's resubmission and deleting after everyone's reads.
    const std::vector<std::string> roles = { "admin", "moderator", "student", "parent", "teacher" };
    // Explicit expectations: contract first (teachers create, edit, see
    // submissions of and grade their own assignments; students submit;
    // students and their parents see a student's submission), the shared
    // matrix for the rest.
    const std::vector<RouteCase> routes = {
        { "GET /api/health", everyone, std::nullopt, fixed("GET", "/api/health") },
        { "GET /api/live", everyone, std::nullopt, fixed("GET", "/api/live") },
        { "GET /api/openapi.json", everyone, std::nullopt, fixed("GET", "/api/openapi.json") },
        { "POST /api/signup", everyone, std::nullopt,
            [](const std::string& role) {
                return Call { "POST", "/api/signup",
                    { { "email", "matrix-" + role + "@demo.learnloop.test" }, { "password", "correct-horse-battery" },
                        { "name", "Matrix " + role }, { "role", "student" } } };
            } },
        { "GET /api/signup-policy", everyone, std::nullopt, fixed("GET", "/api/signup-policy") },
        { "GET /api/school/signup-policy", { "admin" }, Action::SignupPolicyManage,
            fixed("GET", "/api/school/signup-policy") },
        { "PUT /api/school/signup-policy", { "admin" }, Action::SignupPolicyManage,
            fixed("PUT", "/api/school/signup-policy", { { "policy", "open" } }) },
        { "GET /api/staff-approvals", { "admin" }, Action::StaffApprove, fixed("GET", "/api/staff-approvals") },
        { "POST /api/users/{id}/approve", { "admin" }, Action::StaffApprove,
            fixed("POST", "/api/users/" + str(waiting1.id) + "/approve") },
        { "POST /api/users/{id}/refuse", { "admin" }, Action::StaffApprove,
            fixed("POST", "/api/users/" + str(waiting2.id) + "/refuse") },
        { "POST /api/login", everyone, std::nullopt,
            [&](const std::string& role) {
                return Call { "POST", "/api/login", { { "email", D.by_role(role).email }, { "password", k_demo_password } } };
            } },
        { "GET /api/user", everyone, std::nullopt, fixed("GET", "/api/user") },
        { "POST /api/refresh", everyone, std::nullopt, fixed("POST", "/api/refresh") },
        { "POST /api/assignments", { "teacher" }, Action::AssignmentCreate,
            fixed("POST", "/api/assignments",
                { { "title", "Matrix assignment" }, { "description", "" }, { "due_date", "2030-02-01T09:00:00" } }) },
        { "GET /api/assignments", everyone, Action::AssignmentRead, fixed("GET", "/api/assignments") },
        { "GET /api/assignments/{id}", everyone, Action::AssignmentRead, fixed("GET", a) },
        { "PUT /api/assignments/{id}", { "teacher" }, Action::AssignmentUpdate,
            fixed("PUT", a, { { "title", "Persuasive letter (edited)" } }) },
        { "POST /api/assignments/{id}/submit", { "student" }, Action::SubmissionCreate,
            fixed("POST", a + "/submit", { { "content", "Matrix resubmission" } }) },
        { "GET /api/assignments/{id}/submission", { "admin", "teacher", "student", "parent" }, Action::SubmissionRead,
            fixed("GET", a + "/submission?student_id=" + str(D.student.id)) },
        { "GET /api/assignments/{id}/submissions", { "admin", "teacher" }, Action::SubmissionReview,
            fixed("GET", a + "/submissions") },
        { "PUT /api/submissions/{id}/grade", { "teacher" }, Action::SubmissionGrade,
            fixed("PUT", "/api/submissions/" + str(submission) + "/grade", { { "grade", 64 }, { "feedback", "Matrix" } }) },
        { "GET /api/submissions/{id}/history", { "admin", "teacher" }, Action::SubmissionReview,
            fixed("GET", "/api/submissions/" + str(submission) + "/history") },
        { "DELETE /api/assignments/{id}", { "teacher" }, Action::AssignmentUpdate,
            fixed("DELETE", "/api/assignments/" + str(disposable)) },
        { "GET /api/users", { "admin", "moderator", "teacher" }, Action::UserList, fixed("GET", "/api/users") },
        { "POST /api/users", { "admin", "moderator" }, Action::UserCreate,
            [](const std::string& role) {
                return Call { "POST", "/api/users",
                    { { "email", "added-by-" + role + "@demo.learnloop.test" }, { "name", "Added by " + role },
                        { "password", "correct-horse-battery" }, { "role", "student" } } };
            } },
        { "PATCH /api/users/{id}", { "admin" }, Action::UserUpdate,
            fixed("PATCH", "/api/users/" + str(spare1.id), { { "name", "Spare One Renamed" } }) },
        { "DELETE /api/users/{id}", { "admin" }, Action::UserDeactivate, fixed("DELETE", "/api/users/" + str(leaver.id)) },
        { "GET /api/classes", everyone, Action::ClassRead, fixed("GET", "/api/classes") },
        { "POST /api/classes", { "admin", "teacher" }, Action::ClassManage,
            fixed("POST", "/api/classes", { { "name", "Matrix class" }, { "teacher_id", D.teacher.id } }) },
        { "GET /api/classes/{id}/members", { "admin", "moderator", "teacher" }, Action::UserList,
            fixed("GET", c + "/members") },
        { "POST /api/classes/{id}/members", { "admin", "teacher" }, Action::ClassManage,
            [&](const std::string& role) { return Call { "POST", c + "/members", { { "student_id", spare_for(role) } } }; } },
        { "DELETE /api/classes/{id}/members/{student_id}", { "admin", "teacher" }, Action::ClassManage,
            [&](const std::string& role) { return Call { "DELETE", c + "/members/" + str(spare_for(role)), nullptr }; } },
        { "GET /api/classes/{id}/gradebook", { "admin", "teacher" }, Action::GradebookRead,
            fixed("GET", c + "/gradebook") },
        { "GET /api/classes/{id}/gradebook.csv", { "admin", "teacher" }, Action::GradebookRead,
            fixed("GET", c + "/gradebook.csv") },
        { "GET /api/parent-links", { "admin", "moderator" }, Action::ParentLinkManage, fixed("GET", "/api/parent-links") },
        { "POST /api/parent-links", { "admin", "moderator" }, Action::ParentLinkManage,
            [&](const std::string& role) {
                return Call { "POST", "/api/parent-links", { { "parent_id", D.parent.id }, { "student_id", spare_for(role) } } };
            } },
        { "POST /api/parent-links/codes", { "admin", "moderator" }, Action::ParentLinkManage,
            fixed("POST", "/api/parent-links/codes", { { "student_id", D.student.id } }) },
        { "POST /api/parent-links/redeem", { "parent" }, Action::ParentLinkRedeem,
            fixed("POST", "/api/parent-links/redeem", { { "code", code } }) },
        { "GET /api/children", { "parent" }, Action::ChildrenRead, fixed("GET", "/api/children") },
        { "GET /api/audit", { "admin" }, Action::AuditRead, fixed("GET", "/api/audit") },
        { "GET /api/curriculum/targets", { "admin", "moderator", "teacher" }, Action::CurriculumRead,
            fixed("GET", "/api/curriculum/targets") },
        { "POST /api/curriculum/targets", { "admin", "teacher" }, Action::CurriculumManage,
            [](const std::string& role) {
                return Call { "POST", "/api/curriculum/targets",
                    { { "id", "school.matrix." + role }, { "title", "Matrix target" }, { "subject", "maths" },
                        { "strand", "number" } } };
            } },
        { "POST /api/curriculum/templates", { "admin", "teacher" }, Action::CurriculumManage,
            [](const std::string& role) {
                return Call { "POST", "/api/curriculum/templates",
                    { { "id", "school.matrix.tmpl." + role }, { "target_id", "math.matrix.facts" },
                        { "kind", "single_choice" }, { "difficulty", 2 }, { "prompt", "What is 3 + 3?" },
                        { "explanation", "Three and three make six." },
                        { "options", { { { "text", "6" }, { "correct", true } }, { { "text", "7" } } } } } };
            } },
        { "POST /api/target-assignments", { "admin", "teacher" }, Action::TargetAssign,
            fixed("POST", "/api/target-assignments", { { "target_ids", { "math.matrix.facts" } }, { "student_id", D.student.id } }) },
        { "POST /api/task-sets", { "student" }, Action::PracticeAnswer, fixed("POST", "/api/task-sets", Json::object()) },
        { "POST /api/task-responses", { "student" }, Action::PracticeAnswer,
            fixed("POST", "/api/task-responses",
                { { "client_id", "matrix-client-1" }, { "task_id", 1 }, { "answer", { { "choice", 0 } } } }) },
        { "GET /api/mastery", { "admin", "teacher", "student", "parent" }, Action::MasteryRead,
            fixed("GET", "/api/mastery?student_id=" + str(D.student.id)) },
        { "GET /api/classes/{id}/mastery", { "admin", "teacher" }, Action::ClassMasteryRead, fixed("GET", c + "/mastery") },
        { "GET /api/practice/stats", { "admin" }, Action::PracticeStatsRead, fixed("GET", "/api/practice/stats") },
        { "GET /api/tutoring/settings", everyone, Action::ScheduleRead, fixed("GET", "/api/tutoring/settings") },
        { "GET /api/tutoring/occurrences", everyone, Action::ScheduleRead,
            fixed("GET", "/api/tutoring/occurrences?from=2026-01-01&to=2026-02-01") },
        { "GET /api/tutoring/students", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            fixed("GET", "/api/tutoring/students") },
        { "POST /api/tutoring/series", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            [&](const std::string& role) {
                return Call { "POST", "/api/tutoring/series",
                    { { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Matrix " + role },
                        { "dtstart", std::string("2030-01-07T") + booking_hour(role) + ":00:00" },
                        { "duration_minutes", 30 } } };
            } },
        { "GET /api/tutoring/series/{id}", everyone, Action::ScheduleRead, fixed("GET", t) },
        { "PUT /api/tutoring/series/{id}", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            fixed("PUT", t, { { "scope", "all" }, { "subject", "Matrix maths, edited" } }) },
        { "PUT /api/tutoring/series/{id}/occurrence", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            fixed("PUT", t + "/occurrence", { { "recurrence_id", "2026-01-12T09:00:00" }, { "note", "Matrix note" } }) },
        { "POST /api/tutoring/attendance", { "admin", "moderator", "teacher" }, Action::AttendanceLog,
            fixed("POST", "/api/tutoring/attendance",
                { { "series_id", lessons.json["series_id"] }, { "recurrence_id", "2026-01-05T09:00:00" },
                    { "status", "completed" } }) },
        { "PUT /api/tutoring/settings", { "admin" }, Action::TutoringSettingsManage,
            fixed("PUT", "/api/tutoring/settings", { { "week_start", 1 } }) },
        { "GET /api/tutoring/blocked-dates", everyone, Action::ScheduleRead, fixed("GET", "/api/tutoring/blocked-dates") },
        { "POST /api/tutoring/blocked-dates", { "admin" }, Action::TutoringSettingsManage,
            fixed("POST", "/api/tutoring/blocked-dates",
                { { "first_day", "2031-08-01" }, { "last_day", "2031-08-02" }, { "label", "Matrix days off" } }) },
        { "DELETE /api/tutoring/blocked-dates/{id}", { "admin" }, Action::TutoringSettingsManage,
            [&](const std::string&) {
                return Call { "DELETE",
                    "/api/tutoring/blocked-dates/"
                        + std::to_string(f.sql_int("SELECT coalesce(max(id), 0) FROM blocked_dates")),
                    nullptr };
            } },
        { "GET /api/tutoring/availability", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            fixed("GET", "/api/tutoring/availability?tutor_id=" + std::to_string(D.teacher.id)) },
        { "POST /api/tutoring/availability", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            fixed("POST", "/api/tutoring/availability",
                { { "tutor_id", D.teacher.id }, { "weekday", 2 }, { "starts", "15:00" }, { "ends", "19:00" } }) },
        { "DELETE /api/tutoring/availability/{id}", { "admin", "moderator", "teacher" }, Action::ScheduleManage,
            [&](const std::string&) {
                return Call { "DELETE",
                    "/api/tutoring/availability/"
                        + std::to_string(f.sql_int("SELECT coalesce(max(id), 0) FROM tutor_availability")),
                    nullptr };
            } },
        { "GET /api/tutoring/feed", everyone, Action::ScheduleRead, fixed("GET", "/api/tutoring/feed") },
        { "POST /api/tutoring/feed", everyone, Action::ScheduleRead, fixed("POST", "/api/tutoring/feed", Json::object()) },
        { "DELETE /api/tutoring/feed", everyone, Action::ScheduleRead, fixed("DELETE", "/api/tutoring/feed") },
        { "GET /ical/{token}.ics", everyone, std::nullopt, fixed("GET", feed_url) },
        { "GET /api/messages", everyone, Action::MessageRead, fixed("GET", "/api/messages") },
        { "GET /api/messages/unread", everyone, Action::MessageRead, fixed("GET", "/api/messages/unread") },
        { "GET /api/messages/threads", everyone, Action::MessageRead, fixed("GET", "/api/messages/threads") },
        { "GET /api/messages/contacts", everyone, Action::MessageSend, fixed("GET", "/api/messages/contacts") },
        { "POST /api/messages", everyone, Action::MessageSend,
            [&](const std::string& role) {   // the office writes to anyone, everyone else to the office
                return Call { "POST", "/api/messages",
                    { { "recipient_id", role == "admin" ? D.parent.id : D.admin.id }, { "body", "Matrix hello from " + role } } };
            } },
        { "POST /api/messages/broadcast", { "admin" }, Action::MessageBroadcast,
            fixed("POST", "/api/messages/broadcast", { { "audience", "parent" }, { "body", "Matrix news" } }) },
        { "POST /api/messages/read", everyone, Action::MessageRead, fixed("POST", "/api/messages/read", { { "up_to_id", 1 } }) },
        { "GET /api/tutoring/sessions.csv", everyone, Action::ScheduleRead,
            fixed("GET", "/api/tutoring/sessions.csv?from=2026-01-01&to=2026-02-01") },
        { "GET /api/tutoring/students.csv", { "admin", "moderator" }, Action::RosterExport,
            fixed("GET", "/api/tutoring/students.csv") },
        { "GET /api/tutoring/revenue.csv", { "admin" }, Action::BillingManage,
            fixed("GET", "/api/tutoring/revenue.csv?from=2026-01&to=2026-03") },
        { "GET /api/tutoring/rates", { "admin" }, Action::BillingManage, fixed("GET", "/api/tutoring/rates") },
        { "POST /api/tutoring/rates", { "admin" }, Action::BillingManage,
            fixed("POST", "/api/tutoring/rates",
                { { "student_id", D.student.id }, { "effective_from", "2026-02-01" }, { "per_hour", "42.00" } }) },
        { "GET /api/tutoring/invoices", { "admin", "parent" }, Action::InvoiceRead, fixed("GET", "/api/tutoring/invoices") },
        { "POST /api/tutoring/invoices", { "admin" }, Action::BillingManage,
            fixed("POST", "/api/tutoring/invoices", { { "family_id", D.parent.id }, { "from", "2026-01-28" }, { "to", "2026-01-28" } }) },
        { "GET /api/tutoring/invoices/{id}", { "admin", "parent" }, Action::InvoiceRead, fixed("GET", issued_invoice) },
        { "GET /api/tutoring/invoices/{id}.pdf", { "admin", "parent" }, Action::InvoiceRead,
            fixed("GET", issued_invoice + ".pdf") },
        { "POST /api/tutoring/invoices/{id}/issue", { "admin" }, Action::BillingManage,
            fixed("POST", draft_to_issue + "/issue", Json::object()) },
        { "POST /api/tutoring/invoices/{id}/void", { "admin" }, Action::BillingManage,
            fixed("POST", draft_to_void + "/void", Json::object()) },
        { "POST /api/tutoring/payments", { "admin" }, Action::BillingManage,
            fixed("POST", "/api/tutoring/payments",
                { { "family_id", D.parent.id }, { "amount", "25.00" }, { "received_on", "2026-02-02" }, { "method", "card" } }) },
        { "GET /api/tutoring/packages", { "admin", "parent" }, Action::InvoiceRead, fixed("GET", "/api/tutoring/packages") },
        { "POST /api/tutoring/packages", { "admin" }, Action::BillingManage,
            fixed("POST", "/api/tutoring/packages",
                { { "student_id", D.student.id }, { "minutes", 600 }, { "price", "250.00" }, { "purchased_on", "2026-02-02" } }) },
        { "GET /api/tutoring/balances", { "admin", "parent" }, Action::InvoiceRead, fixed("GET", "/api/tutoring/balances") },
        { "GET /api/tutoring/revenue", { "admin" }, Action::BillingManage,
            fixed("GET", "/api/tutoring/revenue?from=2026-01&to=2026-03") },
        { "GET /api/academy/bank", { "admin", "teacher" }, Action::BankRead, fixed("GET", "/api/academy/bank") },
        { "GET /api/academy/bank/{id}", { "admin", "teacher" }, Action::BankRead, fixed("GET", bank_question) },
        { "GET /api/academy/bank/topics", { "admin", "teacher" }, Action::BankRead, fixed("GET", "/api/academy/bank/topics") },
        { "POST /api/academy/bank/{id}/regrade", { "admin", "teacher" }, Action::QuizManage,
            fixed("POST", bank_question + "/regrade", Json::object()) },
        { "GET /api/academy/courses", { "admin", "moderator", "teacher", "student" }, Action::CourseRead,
            fixed("GET", "/api/academy/courses") },
        { "POST /api/academy/courses", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string& role) {
                return Call { "POST", "/api/academy/courses",
                    { { "title", "Matrix course by " + role }, { "instructor_id", D.teacher.id } } };
            } },
        { "GET /api/academy/courses/deleted", { "admin" }, Action::DeletedRestore,
            fixed("GET", "/api/academy/courses/deleted") },
        { "DELETE /api/academy/courses/{id}", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) { return Call { "DELETE", new_course("NULL"), nullptr }; } },
        { "POST /api/academy/courses/{id}/restore", { "admin" }, Action::DeletedRestore,
            [&](const std::string&) { return Call { "POST", new_course("now()") + "/restore", Json::object() }; } },
        { "GET /api/academy/courses/{id}/students", { "admin", "teacher" }, Action::CourseManage,
            fixed("GET", course + "/students") },
        { "POST /api/academy/courses/{id}/students", { "admin", "teacher" }, Action::CourseManage,
            fixed("POST", course + "/students", { { "student_ids", { D.student.id } } }) },
        { "PUT /api/academy/courses/{id}/join-code", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", course + "/join-code") },
        { "DELETE /api/academy/courses/{id}/join-code", { "admin", "teacher" }, Action::CourseManage,
            fixed("DELETE", course + "/join-code") },
        { "POST /api/academy/join", { "student" }, Action::CourseJoin,
            [&](const std::string&) {   // the matrix course's code, so the student stays enrolled in it
                f.sql("UPDATE courses SET join_code = 'MATRXQ22' WHERE title = 'Matrix course'");
                return Call { "POST", "/api/academy/join", { { "code", "matrx-q22" } } };
            } },
        { "GET /api/academy/courses/{id}/candidates", { "admin", "teacher" }, Action::CourseManage,
            fixed("GET", course + "/candidates?q=a") },
        { "DELETE /api/academy/courses/{id}/students/{student_id}", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) {   // from a course of its own, so the matrix course keeps its student
                const auto other = new_course("NULL");
                f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) VALUES (" + str(D.id) + ", "
                    + other.substr(other.rfind('/') + 1) + ", " + str(D.student.id) + ")");
                return Call { "DELETE", other + "/students/" + str(D.student.id), nullptr };
            } },
        { "GET /api/academy/courses/{id}/quizzes", { "admin", "moderator", "teacher", "student" }, Action::CourseRead,
            fixed("GET", course + "/quizzes") },
        { "GET /api/academy/courses/{id}/leaderboard", { "admin", "moderator", "teacher", "student" }, Action::CourseRead,
            fixed("GET", course + "/leaderboard") },
        { "PUT /api/academy/courses/{id}/leaderboard", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", course + "/leaderboard", { { "enabled", true } }) },
        { "POST /api/academy/courses/{id}/quizzes", { "admin", "teacher" }, Action::QuizManage,
            fixed("POST", course + "/quizzes", { { "title", "Matrix quiz" }, { "mode", "exam" }, { "fixed", { "matrix-q" } } }) },
        { "GET /api/academy/quizzes/{id}/results", { "admin", "teacher" }, Action::QuizManage, fixed("GET", quiz + "/results") },
        { "POST /api/academy/quizzes/{id}/attempts", { "student" }, Action::QuizTake,
            fixed("POST", quiz + "/attempts", Json::object()) },
        { "GET /api/academy/attempts/{id}", { "student" }, Action::QuizTake,
            [&](const std::string&) { return Call { "GET", latest_attempt(), nullptr }; } },
        { "POST /api/academy/attempts/{id}/questions/{number}/help", { "student" }, Action::QuizTake,
            [&](const std::string&) {
                return Call { "POST", latest_attempt() + "/questions/1/help", { { "message", "Where do I start?" } } };
            } },
        { "PUT /api/academy/attempts/{id}/answers/{number}", { "student" }, Action::QuizTake,
            [&](const std::string&) {
                return Call { "PUT", latest_attempt() + "/answers/1", { { "answer", { { "choice", 0 } } } } };
            } },
        { "POST /api/academy/attempts/{id}/submit", { "student" }, Action::QuizTake,
            [&](const std::string&) { return Call { "POST", latest_attempt() + "/submit", Json::object() }; } },
        { "GET /api/academy/study", { "admin", "teacher", "student", "parent" }, Action::MasteryRead,
            fixed("GET", "/api/academy/study?student_id=" + str(D.student.id)) },
        { "GET /api/academy/summary", { "admin", "teacher", "student", "parent" }, Action::MasteryRead,
            fixed("GET", "/api/academy/summary?student_id=" + str(D.student.id)) },
        { "PUT /api/academy/study/goal", { "admin", "student", "parent" }, Action::StudyGoalSet,
            [&](const std::string&) {
                const auto soon = f.sql_text("SELECT to_char(current_date + 30, 'YYYY-MM-DD')");
                return Call { "PUT", "/api/academy/study/goal?student_id=" + str(D.student.id),
                    { { "exam_day", soon }, { "minutes_per_day", 30 } } };
            } },
        { "GET /api/marketplace/catalog", everyone, Action::CatalogRead, fixed("GET", "/api/marketplace/catalog?q=matrix") },
        { "GET /api/marketplace/courses/{id}", everyone, Action::CatalogRead, fixed("GET", listed) },
        { "GET /api/public/catalog", everyone, std::nullopt, fixed("GET", "/api/public/catalog?tenant=" + D.slug) },
        { "GET /api/public/courses/{id}", everyone, std::nullopt,
            fixed("GET", "/api/public/courses/" + listed_id + "?tenant=" + D.slug) },
        { "POST /api/marketplace/courses/{id}/enrol", { "student" }, Action::CourseEnrol, fixed("POST", listed + "/enrol") },
        { "GET /api/marketplace/my-courses", { "student" }, Action::CourseEnrol, fixed("GET", "/api/marketplace/my-courses") },
        { "GET /api/marketplace/lessons/{id}", { "admin", "moderator", "teacher", "student" }, Action::LessonRead,
            fixed("GET", lesson) },
        { "GET /api/marketplace/files/{id}", { "admin", "moderator", "teacher", "student" }, Action::LessonRead,
            fixed("GET", listed_file) },
        { "PUT /api/marketplace/lessons/{id}/progress", { "student" }, Action::CourseEnrol,
            fixed("PUT", lesson + "/progress", { { "completed", true } }) },
        { "PUT /api/marketplace/courses/{id}/review", { "student" }, Action::ReviewWrite,
            fixed("PUT", listed + "/review", { { "stars", 5 }, { "body", "Matrix review" } }) },
        { "PUT /api/marketplace/courses/{id}/reviews/{learner_id}/reply", { "admin", "teacher" }, Action::ReviewReply,
            fixed("PUT", review + "/reply", { { "reply", "Thank you" } }) },
        { "PUT /api/marketplace/courses/{id}/reviews/{learner_id}/hidden", { "admin", "moderator" }, Action::ReviewModerate,
            fixed("PUT", review + "/hidden", { { "hidden", false } }) },
        { "POST /api/marketplace/courses/{id}/checkout", { "student" }, Action::OrderCreate,
            fixed("POST", "/api/marketplace/courses/" + paid_course + "/checkout") },
        { "GET /api/marketplace/recommendations", { "student" }, Action::CourseEnrol,
            fixed("GET", "/api/marketplace/recommendations") },
        { "GET /api/marketplace/courses/{id}/price", { "student" }, Action::OrderCreate,
            fixed("GET", "/api/marketplace/courses/" + paid_course + "/price?coupon=matrix") },
        { "GET /api/marketplace/coupons", { "admin", "teacher" }, Action::CouponManage,
            fixed("GET", "/api/marketplace/coupons") },
        { "GET /api/marketplace/coupons/courses", { "admin", "teacher" }, Action::CouponManage,
            fixed("GET", "/api/marketplace/coupons/courses") },
        { "POST /api/marketplace/coupons", { "admin", "teacher" }, Action::CouponManage,
            [&](const std::string& role) {
                return Call { "POST", "/api/marketplace/coupons",
                    { { "code", "MATRIX-" + role + "-" + str(++coupons_made) }, { "percent", 10 },
                        { "course_ids", { std::stoll(paid_course) } } } };
            } },
        { "PUT /api/marketplace/coupons/{id}", { "admin", "teacher" }, Action::CouponManage,
            [&](const std::string& role) {
                const auto maker = role == "teacher" ? D.teacher.id : D.admin.id;
                const auto id = f.sql_int("INSERT INTO coupons (tenant_id, code, kind, percent, created_by) VALUES ("
                    + str(D.id) + ", 'CHANGE-" + str(++coupons_made) + "', 'percent', 10, " + str(maker) + ") RETURNING id");
                return Call { "PUT", "/api/marketplace/coupons/" + str(id), { { "usage_limit", 5 } } };
            } },
        // (A fresh coupon of the caller's for each call: ending one twice is refused.)
        { "POST /api/marketplace/coupons/{id}/end", { "admin", "teacher" }, Action::CouponManage,
            [&](const std::string& role) {
                const auto maker = role == "teacher" ? D.teacher.id : D.admin.id;
                const auto id = f.sql_int("INSERT INTO coupons (tenant_id, code, kind, percent, created_by) VALUES ("
                    + str(D.id) + ", 'END-" + str(++coupons_made) + "', 'percent', 10, " + str(maker) + ") RETURNING id");
                return Call { "POST", "/api/marketplace/coupons/" + str(id) + "/end", Json::object() };
            } },
        { "GET /api/marketplace/studio/courses", { "admin", "teacher" }, Action::CourseManage,
            fixed("GET", "/api/marketplace/studio/courses") },
        { "GET /api/marketplace/studio/choices", { "admin", "teacher" }, Action::CourseManage,
            fixed("GET", "/api/marketplace/studio/choices") },
        { "POST /api/marketplace/studio/courses", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) {
                auto body = studio_face("matrix-made-" + str(++studio_made));
                body["instructor_id"] = D.teacher.id;
                return Call { "POST", "/api/marketplace/studio/courses", body };
            } },
        { "GET /api/marketplace/studio/courses/{id}", { "admin", "teacher" }, Action::CourseManage, fixed("GET", studio) },
        { "PUT /api/marketplace/studio/courses/{id}", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", studio, studio_face("matrix-studio")) },
        { "PUT /api/marketplace/studio/courses/{id}/status", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", studio + "/status", { { "status", "draft" } }) },
        { "PUT /api/marketplace/studio/courses/{id}/outline", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", "/api/marketplace/studio/courses/" + str(ordered_id) + "/outline",
                { { "modules", { { { "id", ordered_module }, { "lessons", Json::array() } } } } }) },
        { "POST /api/marketplace/studio/courses/{id}/modules", { "admin", "teacher" }, Action::CourseManage,
            fixed("POST", studio + "/modules", { { "title", "Matrix module" } }) },
        { "PUT /api/marketplace/studio/modules/{id}", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", studio_module, { { "title", "Matrix module renamed" } }) },
        // (A fresh module, or lesson, for each call: deleting one twice finds nothing.)
        { "DELETE /api/marketplace/studio/modules/{id}", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) {
                return Call { "DELETE", "/api/marketplace/studio/modules/" + studio_part("module"), nullptr };
            } },
        { "POST /api/marketplace/studio/modules/{id}/lessons", { "admin", "teacher" }, Action::CourseManage,
            fixed("POST", studio_module + "/lessons", { { "title", "Matrix lesson" }, { "kind", "text" } }) },
        { "PUT /api/marketplace/studio/lessons/{id}", { "admin", "teacher" }, Action::CourseManage,
            fixed("PUT", studio_lesson, { { "title", "Matrix lesson edited" }, { "kind", "text" } }) },
        { "DELETE /api/marketplace/studio/lessons/{id}", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) {
                return Call { "DELETE", "/api/marketplace/studio/lessons/" + studio_part("lesson"), nullptr };
            } },
        { "POST /api/marketplace/studio/lessons/{id}/attachments", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string& role) {   // (a name of each role's own: one name once a lesson)
                return Call { "POST", studio_lesson + "/attachments?name=Matrix%20" + role + ".csv", nullptr, {},
                    "a,b\n1,2\n" };
            } },
        { "DELETE /api/marketplace/studio/attachments/{id}", { "admin", "teacher" }, Action::CourseManage,
            [&](const std::string&) {
                return Call { "DELETE", "/api/marketplace/studio/attachments/" + attach(studio_id, studio_lesson), nullptr };
            } },
        { "GET /api/marketplace/orders", { "admin", "teacher", "student" }, Action::OrderRead,
            fixed("GET", "/api/marketplace/orders") },
        { "GET /api/marketplace/orders/{id}", { "admin", "teacher", "student" }, Action::OrderRead, fixed("GET", bought) },
        { "POST /api/marketplace/orders/{id}/refunds", { "admin" }, Action::OrderRefund,
            fixed("POST", bought + "/refunds", { { "amount", "1.00" }, { "reason", "Matrix" } }) },
        { "GET /api/marketplace/earnings", { "admin", "teacher" }, Action::PayoutRead,
            fixed("GET", "/api/marketplace/earnings?instructor_id=" + str(D.teacher.id)) },
        { "GET /api/marketplace/earnings/statement", { "admin", "teacher" }, Action::PayoutRead,
            fixed("GET", "/api/marketplace/earnings/statement?month=2026-11&instructor_id=" + str(D.teacher.id)) },
        { "GET /api/marketplace/dashboard", { "admin", "teacher" }, Action::PayoutRead,
            fixed("GET", "/api/marketplace/dashboard") },
        { "GET /api/marketplace/payouts", { "admin", "teacher" }, Action::PayoutRead,
            fixed("GET", "/api/marketplace/payouts") },
        { "POST /api/marketplace/payouts", { "admin" }, Action::PayoutManage,
            fixed("POST", "/api/marketplace/payouts", { { "month", last_month } }) },
        { "PUT /api/marketplace/payouts/{id}/paid", { "admin" }, Action::PayoutManage,
            fixed("PUT", payout + "/paid", { { "reference", "Matrix transfer" } }) },
        // (The lesson done again first: revoking the certificate reopened it.)
        { "POST /api/marketplace/courses/{id}/certificate", { "student" }, Action::CourseEnrol,
            [&](const std::string&) {
                f.sql("UPDATE lesson_progress SET completed_at = now() WHERE course_id = " + listed_id);
                return Call { "POST", listed + "/certificate", nullptr };
            } },
        { "GET /api/marketplace/certificates", { "admin", "teacher", "student" }, Action::CertificateRead,
            fixed("GET", "/api/marketplace/certificates") },
        { "GET /api/marketplace/certificates/{uuid}/credential", { "admin", "teacher", "student" },
            Action::CertificateRead, fixed("GET", certificate + "/credential") },
        { "POST /api/marketplace/certificates/{uuid}/revoke", { "admin" }, Action::CertificateRevoke,
            fixed("POST", certificate + "/revoke", { { "reason", "Matrix" } }) },
        { "GET /verify/{uuid}", everyone, std::nullopt, fixed("GET", certificate_page) },
        { "GET /verify/{uuid}.json", everyone, std::nullopt, fixed("GET", certificate_page + ".json") },
        { "GET /verify/verify.css", everyone, std::nullopt, fixed("GET", "/verify/verify.css") },
        { "POST /verify", everyone, std::nullopt, fixed("POST", "/verify?credential=%7B%7D") },
        { "POST /api/certificates/verify", everyone, std::nullopt, fixed("POST", "/api/certificates/verify", Json::object()) },
        { "POST /api/marketplace/webhooks/sandbox", everyone, std::nullopt,
            [&](const std::string&) {
                auto [event, signature] = signed_event();
                return Call { "POST", "/api/marketplace/webhooks/sandbox", event, { { "Sandbox-Signature", signature } } };
            } },
        { "GET /sandbox-pay/{token}", everyone, std::nullopt, fixed("GET", checkout) },
        { "GET /sandbox-pay/checkout.css", everyone, std::nullopt, fixed("GET", "/sandbox-pay/checkout.css") },
        { "POST /sandbox-pay/{token}/pay", everyone, std::nullopt, fixed("POST", checkout + "/pay") },
        { "POST /sandbox-pay/{token}/cancel", everyone, std::nullopt, fixed("POST", checkout + "/cancel") },
        { "POST /sandbox-pay/{token}/resend", everyone, std::nullopt, fixed("POST", checkout + "/resend") },
        { "POST /api/user/password", everyone, std::nullopt,
            fixed("POST", "/api/user/password",
                { { "current_password", k_demo_password }, { "new_password", "a fresh matrix passphrase" } }) },
        { "POST /api/logout", everyone, std::nullopt, fixed("POST", "/api/logout") },   // last: ends the session
    };

    // The table covers every route the server registers, and nothing else.
    std::set<std::string> covered;
    for (const auto& route : routes)
        covered.insert(route.route.substr(0, route.route.find(" as ")));
    auto registered = registered_routes(f);
    for (const auto& [route, action] : registered) {
        INFO("registered but not in the matrix test: " << route);
        CHECK(covered.count(route) == 1);
    }
    for (const auto& route : covered) {
        INFO("in the matrix test but not registered: " << route);
        CHECK(registered.count(route) == 1);
    }

    // Where a route is one action of the shared matrix, the table agrees with
    // it, and the server names the same action for the route.
    for (const auto& route : routes) {
        auto listed = registered.find(route.route.substr(0, route.route.find(" as ")));
        if (listed != registered.end()) {
            INFO(route.route << ": the server's x-permission-action");
            CHECK(listed->second == (route.action ? std::string(learnloop::action_name(*route.action)) : std::string()));
        }
        if (!route.action)
            continue;
        for (auto role : learnloop::k_all_roles) {
            std::string name(learnloop::role_name(role));
            INFO(route.route << " for " << name << " vs the shared matrix's " << learnloop::action_name(*route.action));
            CHECK(learnloop::is_allowed(role, *route.action) == (route.allowed.count(name) == 1));
        }
    }

    // A field a route does not know is refused, naming it, and nothing is
    // written (asked by a role the route allows, so the body is read).
    for (const auto& route : routes) {
        const auto& role = *route.allowed.begin();
        auto call = route.call(role);
        // (A signed body cannot take a field more: its signature would not match;
        // nor can a credential to check, where any member is part of what is signed.)
        if (!call.body.is_object() || !call.headers.empty() || call.path == "/api/certificates/verify")
            continue;
        call.body["colour"] = "blue";
        const auto& token = f.token(D.by_role(role));   // signing in is audited: before counting
        auto audit = f.audit_count();
        auto reply = api.send(call.method, call.path, call.body, token);
        INFO(role << " " << route.route << " with an extra field: " << describe(reply));
        CHECK(reply.status == 400);
        CHECK(reply.error() == "Invalid request");
        CHECK(reply.field() == "colour");
        CHECK(reply.details().find("colour") != std::string::npos);   // templates say which kind lacks it
        CHECK(f.audit_count() == audit);
    }

    for (const auto& role : roles) {
        auto token = f.login(D.by_role(role));
        for (const auto& route : routes) {
            auto call = route.call(role);
            auto reply = call.raw.empty()
                ? api.send(call.method, call.path, call.body, token, call.headers)
                : api.send_text(call.method, call.path, call.raw, "application/octet-stream", token, call.headers);
            bool allowed = route.allowed.count(role) == 1;
            INFO(role << " " << (allowed ? "may" : "may not") << " call " << route.route << ": " << describe(reply));
            REQUIRE(reply.received);
            if (allowed) {
                CHECK(reply.status >= 200);
                // The sandbox's buttons send the payer back to the shop (303).
                CHECK(reply.status < (call.path.rfind("/sandbox-pay/", 0) == 0 && call.method == "POST" ? 400 : 300));
            } else {
                CHECK(reply.status == 403);
                CHECK(reply.error() == "Unauthorized");
                CHECK_FALSE(reply.details().empty());
            }
            if (call.path == "/api/refresh" && reply.status == 200)
                token = reply.json["token"].get<std::string>();
        }
    }
}

// [SECTION] audit ----------------------------------------------------------

TEST_CASE("every successful mutation appends exactly one audit row, and a refused one changes nothing",
    "[api][isolation][audit]")
{
    ApiFixture f("iso_audit_rows", {});
    auto& api = f.api();
    auto& D = f.demo;

    // Each step: the request, the action its audit row must carry.
    std::int64_t before = f.audit_count();
    auto expect_one = [&](const Reply& reply, int status, const std::string& action, const std::string& actor) {
        INFO(describe(reply));
        CHECK(reply.status == status);
        auto after = f.audit_count();
        CHECK(after == before + 1);
        auto row = f.sql("SELECT action, actor, tenant_id FROM audit_log ORDER BY id DESC LIMIT 1");
        CHECK(row[0][0].as<std::string>() == action);
        if (!actor.empty())
            CHECK(row[0][1].as<std::string>() == actor);
        CHECK(row[0][2].as<std::int64_t>() == D.id);
        before = after;
    };
    auto expect_none = [&](const Reply& reply, int status) {
        INFO(describe(reply));
        CHECK(reply.status == status);
        CHECK(f.audit_count() == before);
    };

    auto signup = api.post("/api/signup", { { "email", "audited@demo.learnloop.test" }, { "password", "correct-horse-battery" },
                                              { "name", "Audi Ted" }, { "role", "student" } });
    expect_one(signup, 201, "user.create", "");
    auto login = api.login(D.teacher.email, k_demo_password);
    expect_one(login, 200, "session.create", "user:" + str(D.teacher.id));
    auto teacher = login.json["token"].get<std::string>();
    auto student = f.login(D.student);
    before = f.audit_count();
    auto actor_teacher = "user:" + str(D.teacher.id), actor_student = "user:" + str(D.student.id);

    auto created = api.post("/api/assignments",
        { { "title", "Audited" }, { "description", "" }, { "due_date", "2030-03-01T09:00:00" } }, teacher);
    expect_one(created, 201, "assignment.create", actor_teacher);
    auto id = str(created.json["assignment_id"].get<std::int64_t>());
    CHECK(f.sql_text("SELECT entity_id FROM audit_log ORDER BY id DESC LIMIT 1") == id);
    expect_one(api.put("/api/assignments/" + id, { { "title", "Audited (edited)" } }, teacher), 200, "assignment.update",
        actor_teacher);
    auto submitted = api.post("/api/assignments/" + id + "/submit", { { "content", "First" } }, student);
    expect_one(submitted, 201, "submission.create", actor_student);
    auto sid = str(submitted.json["submission_id"].get<std::int64_t>());
    expect_one(api.post("/api/assignments/" + id + "/submit", { { "content", "Second" } }, student), 200,
        "submission.update", actor_student);

    // Refused requests: no audit row, no data change.
    auto digest = data_digest(f);
    expect_none(api.put("/api/submissions/" + sid + "/grade", { { "grade", 5000 }, { "feedback", "Too high" } }, teacher),
        400);
    expect_none(api.put("/api/submissions/" + sid + "/grade", { { "grade", "A" }, { "feedback", "Not a number" } }, teacher),
        400);
    expect_none(api.put("/api/submissions/" + sid + "/grade", { { "grade", 50 }, { "feedback", "Self" } }, student), 403);
    expect_none(api.post("/api/assignments", { { "title", "Bad date" }, { "due_date", "2026-02-30T10:00:00" } }, teacher),
        400);
    expect_none(api.post("/api/assignments", { { "title", "Student's" }, { "due_date", "2030-01-01T09:00:00" } }, student),
        403);
    expect_none(api.put("/api/assignments/" + id, { { "title", "" } }, teacher), 400);
    expect_none(api.put("/api/assignments/" + id, { { "title", "Student edit" } }, student), 403);
    expect_none(api.del("/api/assignments/999999", teacher), 404);
    expect_none(api.post("/api/assignments/999999/submit", { { "content", "Nowhere" } }, student), 404);
    expect_none(api.post("/api/assignments/" + id + "/submit", { { "content", "" } }, student), 400);
    expect_none(api.post("/api/signup", { { "email", "audited@demo.learnloop.test" }, { "password", "correct-horse-battery" },
                                            { "name", "Again" }, { "role", "student" } }),
        409);
    expect_none(api.login(D.teacher.email, "wrong-password-123"), 401);
    CHECK(data_digest(f) == digest);

    expect_one(api.put("/api/submissions/" + sid + "/grade", { { "grade", 88 }, { "feedback", "Good" } }, teacher), 200,
        "submission.grade", actor_teacher);
    // Resubmitting a graded submission is refused: nothing written.
    digest = data_digest(f);
    expect_none(api.post("/api/assignments/" + id + "/submit", { { "content", "Third" } }, student), 409);
    CHECK(data_digest(f) == digest);

    expect_one(api.del("/api/assignments/" + id, teacher), 200, "assignment.delete", actor_teacher);
    // Refreshing revokes one session and makes another: one mutation, one row.
    auto refreshed = api.post("/api/refresh", nullptr, teacher);
    expect_one(refreshed, 200, "session.refresh", actor_teacher);
    CHECK(f.sql_text("SELECT before->>'session_id' FROM audit_log ORDER BY id DESC LIMIT 1")
        == f.sql_text("SELECT id::text FROM auth_sessions WHERE revoked_at IS NOT NULL AND user_id = " + str(D.teacher.id)
            + " ORDER BY revoked_at DESC, id DESC LIMIT 1"));
    teacher = refreshed.json["token"].get<std::string>();
    expect_one(api.post("/api/logout", nullptr, teacher), 200, "session.revoke", actor_teacher);
}

TEST_CASE("learnloop audit verify passes after concurrent writes and names the row that was tampered with",
    "[api][isolation][audit]")
{
    FixtureOptions options;
    options.other_tenant = true;   // two chains
    ApiFixture f("iso_audit_verify", options);
    auto& D = f.demo;
    auto assignment = f.create_assignment(D.teacher, "Chain link", "2030-04-01T09:00:00");
    f.submit(D.student, assignment, "Chained work");

    // Many writers at once, in both tenants: each chain must stay one unbroken line.
    auto teacher = f.token(D.teacher), other_teacher = f.token(f.other.teacher);
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < 12; ++i) {
        auto token = i % 3 == 2 ? other_teacher : teacher;
        pending.push_back(std::async(std::launch::async, [&f, token, i] {
            return f.api().post("/api/assignments",
                { { "title", "Concurrent " + std::to_string(i) }, { "description", "" }, { "due_date", "2030-04-02T09:00:00" } },
                token);
        }));
    }
    for (auto& future : pending) {
        auto reply = future.get();
        INFO(describe(reply));
        CHECK(reply.status == 201);
    }

    auto rows = f.audit_count();
    auto intact = f.cli({ "audit", "verify" });
    INFO(intact.err << intact.out);
    REQUIRE(intact.exit_code == 0);
    CHECK_THAT(intact.out, Catch::Contains("audit log intact: " + str(rows) + " rows checked"));

    // Change one row's content.
    auto target = f.sql_int("SELECT id FROM audit_log WHERE action = 'assignment.create' AND tenant_id = " + str(D.id)
        + " ORDER BY id DESC LIMIT 1");
    auto original = f.sql_text("SELECT after::text FROM audit_log WHERE id = " + str(target));
    f.sql("UPDATE audit_log SET after = jsonb_set(after, '{title}', '\"Forged\"') WHERE id = " + str(target));
    auto tampered = f.cli({ "audit", "verify" });
    INFO(tampered.err << tampered.out);
    CHECK(tampered.exit_code != 0);
    CHECK_THAT(tampered.err, Catch::Contains("audit row " + str(target) + " "));
    CHECK_THAT(tampered.err, Catch::Contains("does not match its hash"));

    // Put it back: intact again.
    f.sql("UPDATE audit_log SET after = '" + original + "'::jsonb WHERE id = " + str(target));
    CHECK(f.cli({ "audit", "verify" }).exit_code == 0);

    // Change an actor in the other tenant's chain, then put it back.
    auto other_target = f.sql_int("SELECT min(id) FROM audit_log WHERE tenant_id = " + str(f.other.id)
        + " AND actor LIKE 'user:%'");
    auto other_actor = f.sql_text("SELECT actor FROM audit_log WHERE id = " + str(other_target));
    f.sql("UPDATE audit_log SET actor = 'user:1' WHERE id = " + str(other_target));
    auto actor_changed = f.cli({ "audit", "verify" });
    INFO(actor_changed.err << actor_changed.out);
    CHECK(actor_changed.exit_code != 0);
    CHECK_THAT(actor_changed.err, Catch::Contains("audit row " + str(other_target) + " "));
    f.sql("UPDATE audit_log SET actor = '" + other_actor + "' WHERE id = " + str(other_target));
    CHECK(f.cli({ "audit", "verify" }).exit_code == 0);

    // Delete a row from the middle of the demo chain: the next row of that chain no longer links.
    auto removed = f.sql_int("SELECT id FROM audit_log WHERE tenant_id = " + str(D.id) + " ORDER BY id LIMIT 1 OFFSET 2");
    auto next = f.sql_int("SELECT min(id) FROM audit_log WHERE tenant_id = " + str(D.id) + " AND id > " + str(removed));
    f.sql("DELETE FROM audit_log WHERE id = " + str(removed));
    auto gap = f.cli({ "audit", "verify" });
    INFO(gap.err << gap.out);
    CHECK(gap.exit_code != 0);
    CHECK_THAT(gap.err, Catch::Contains("audit row " + str(next) + " "));
    CHECK_THAT(gap.err, Catch::Contains("does not link"));
}

TEST_CASE("GET /api/audit lists the tenant's rows newest first for admins, filters them, and refuses other roles",
    "[api][isolation][audit]")
{
    FixtureOptions options;
    options.moderators = true;
    ApiFixture f("iso_audit_api", options);
    auto& api = f.api();
    auto& D = f.demo;
    auto first = f.create_assignment(D.teacher, "First audited", "2030-05-01T09:00:00");
    auto second = f.create_assignment(D.teacher, "Second audited", "2030-05-02T09:00:00");
    auto submission = f.submit(D.student, first, "Audited work");
    auto admin = f.token(D.admin);

    auto all = api.get("/api/audit?limit=200", admin);
    INFO(describe(all));
    REQUIRE(all.status == 200);
    REQUIRE(all.json.is_array());
    auto total = f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(D.id));
    CHECK(static_cast<std::int64_t>(all.json.size()) == total);
    CHECK(all.header("X-Total-Count") == str(total));
    auto ids = ids_of(all.json);
    CHECK(std::is_sorted(ids.begin(), ids.end(), std::greater<>()));
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    REQUIRE_FALSE(all.json.empty());
    for (const char* key : { "id", "actor", "actor_name", "action", "entity", "entity_id", "entity_name", "context_name",
             "before", "after", "created_at", "created_local", "hash" })
        CHECK(all.json[0].contains(key));
    // Newest first: the admin's own sign-in is the latest row, named for people.
    CHECK(all.json[0]["action"] == "session.create");
    CHECK(all.json[0]["actor"] == "user:" + str(D.admin.id));
    CHECK(all.json[0]["actor_name"] == D.admin.name);
    // The time in the school's zone is the UTC time moved by the zone's offset.
    auto offset_seconds = f.sql_int("SELECT extract(epoch FROM (l.created_at AT TIME ZONE t.time_zone) - (l.created_at AT "
                                    "TIME ZONE 'UTC'))::bigint FROM audit_log l JOIN tenants t ON t.id = l.tenant_id WHERE "
                                    "l.id = "
        + str(all.json[0]["id"].get<std::int64_t>()));
    CHECK(learnloop::parse_utc_timestamp(all.json[0]["created_local"].get<std::string>() + "Z").value() - offset_seconds
        == learnloop::parse_utc_timestamp(all.json[0]["created_at"].get<std::string>()).value());
    // Rows the command line wrote have no acting person.
    for (const auto& entry : all.json)
        if (entry["actor"] == "cli")
            CHECK(entry["actor_name"].is_null());

    auto creates = api.get("/api/audit?action=assignment.create", admin);
    INFO(describe(creates));
    REQUIRE(creates.status == 200);
    REQUIRE(creates.json.size() == 2);
    CHECK(creates.json[0]["entity_id"] == str(second));
    CHECK(creates.json[1]["entity_id"] == str(first));
    CHECK(creates.json[0]["after"]["title"] == "Second audited");
    CHECK(creates.json[0]["actor_name"] == D.teacher.name);
    CHECK(creates.json[0]["entity_name"] == "Second audited");
    for (const auto& entry : creates.json)
        CHECK(entry["action"] == "assignment.create");
    CHECK(creates.header("X-Total-Count") == "2");

    auto by_entity = api.get("/api/audit?entity=submission&entity_id=" + str(submission), admin);
    REQUIRE(by_entity.status == 200);
    REQUIRE(by_entity.json.size() == 1);
    CHECK(by_entity.json[0]["action"] == "submission.create");
    CHECK(by_entity.json[0]["actor_name"] == D.student.name);
    CHECK(by_entity.json[0]["entity_name"] == D.student.name);     // whose work
    CHECK(by_entity.json[0]["context_name"] == "First audited");   // on which assignment
    auto none = api.get("/api/audit?action=no.such.action", admin);
    REQUIRE(none.status == 200);
    CHECK(none.json == Json::array());

    // Paging keeps the filter: the next link still asks for assignment.create only.
    auto page = api.get("/api/audit?action=assignment.create&limit=1", admin);
    INFO(describe(page));
    REQUIRE(page.status == 200);
    CHECK(page.json.size() == 1);
    CHECK(page.header("X-Total-Count") == "2");
    CHECK_THAT(page.header("Link"), Catch::Contains("action=assignment.create"));
    check_error(api.get("/api/audit?limit=0", admin), 400, "Invalid request");

    for (const auto* person : { &D.moderator, &D.teacher, &D.student, &D.parent }) {
        INFO("as " << person->role);
        check_error(api.get("/api/audit", f.token(*person)), 403, "Unauthorized",
            "Only administrators can read the audit log");
    }
    check_error(api.get("/api/audit"), 401, "Unauthorized");
}
