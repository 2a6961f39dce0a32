// `learnloop seed demo`: the full demo school has the shape the portals need
// (three classes of 20-28, two teachers, parents, six weeks of marked work,
// thousands of practice answers), its history is what the app's own code
// would have stored (re-graded answers, the mastery chain), it is idempotent,
// deterministic and fast, and the audit chain still verifies.
#include "api_client.hpp"
#include "practice/grading.hpp"
#include "practice/mastery.hpp"
#include "practice/tasks.hpp"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

using namespace learnloop;
using namespace learnloop::test;

namespace {

// Row counts of every table the demo writes, to compare two runs.
std::map<std::string, std::int64_t> table_counts(const std::string& url)
{
    std::map<std::string, std::int64_t> counts;
    for (const char* table : { "tenants", "users", "classes", "class_members", "parent_links", "assignments",
             "submissions", "grade_history", "learning_targets", "task_templates", "target_assignments", "task_sets",
             "tasks", "task_responses", "mastery_states", "audit_log" })
        counts[table] = query_int(url, std::string("SELECT count(*) FROM ") + table);
    return counts;
}

ProcessResult seed(const std::string& url, std::vector<std::string> extra = {})
{
    std::vector<std::string> args = { "seed", "demo" };
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run_cli(args, url);
    INFO("seed demo: " << result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

} // namespace

// One database seeded with the full demo for the checks below (Catch2 runs
// the test case once per section; the seed runs once).
struct FullDemo {
    std::string database;
    std::string url;
    double seconds = 0;
    std::string out;
};

const FullDemo& full_demo()
{
    static const FullDemo demo = [] {
        auto& cluster = PgCluster::instance();
        FullDemo made;
        made.database = cluster.create_database("demo_full");
        made.url = cluster.superuser_url(made.database);
        if (run_cli({ "migrate" }, made.url).exit_code != 0)
            throw std::runtime_error("migrate failed");
        auto started = std::chrono::steady_clock::now();
        made.out = seed(made.url).out;
        made.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return made;
    }();
    return demo;
}

TEST_CASE("the full demo school has classes, people, marked work and practice with a shape", "[demo]")
{
    const auto& demo = full_demo();
    const auto& url = demo.url;
    const auto& database = demo.database;
    INFO(demo.out);
    CHECK(demo.seconds < 10.0);
    CHECK(demo.out.find("curriculum: none was loaded") != std::string::npos);
    auto t = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'demo'"));

    SECTION("three classes of 20-28 students, two teachers, every student's parent linked")
    {
        auto classes = query(url, "SELECT c.name, u.email, count(m.student_id) FROM classes c JOIN users u ON u.id = c.teacher_id "
                                  "JOIN class_members m ON m.class_id = c.id WHERE c.tenant_id = " + t
                + " GROUP BY c.name, u.email ORDER BY c.name");
        REQUIRE(classes.size() == 3);
        std::set<std::string> teachers;
        for (const auto& row : classes) {
            INFO(row[0].as<std::string>());
            CHECK(row[2].as<int>() >= 20);
            CHECK(row[2].as<int>() <= 28);
            teachers.insert(row[1].as<std::string>());
        }
        CHECK(teachers.size() == 2);
        CHECK(query_int(url, "SELECT count(*) FROM users WHERE role = 'teacher' AND tenant_id = " + t) == 2);
        CHECK(query_int(url, "SELECT count(*) FROM users s WHERE s.role = 'student' AND s.tenant_id = " + t
                  + " AND NOT EXISTS (SELECT 1 FROM parent_links l WHERE l.student_id = s.id)")
            == 0);
        // Some parents have two children.
        CHECK(query_int(url, "SELECT count(*) FROM (SELECT parent_id FROM parent_links GROUP BY parent_id "
                             "HAVING count(*) > 1) p")
            >= 2);
        // Names in several scripts: accented Latin, Cyrillic, CJK.
        for (const char* pattern : { "[áéíóúñłśżźćęąöüëçãõ]", "[А-Яа-яІіЇїЄє]", "[一-龥ぁ-んァ-ン가-힣]" }) {
            INFO(pattern);
            CHECK(query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + t + " AND name ~ '" + pattern + "'") >= 3);
        }
    }

    SECTION("the existing logins keep their roles and places")
    {
        auto role = [&](const std::string& email) {
            return query(url, "SELECT role FROM users WHERE email = '" + email + "'")[0][0].as<std::string>();
        };
        CHECK(role("admin@demo.learnloop.test") == "admin");
        CHECK(role("teacher@demo.learnloop.test") == "teacher");
        CHECK(role("student@demo.learnloop.test") == "student");
        CHECK(role("parent@demo.learnloop.test") == "parent");
        CHECK(query_int(url, "SELECT count(*) FROM classes c JOIN users u ON u.id = c.teacher_id "
                             "JOIN class_members m ON m.class_id = c.id JOIN users s ON s.id = m.student_id "
                             "WHERE c.name = 'Year 8 English' AND u.email = 'teacher@demo.learnloop.test' "
                             "AND s.email = 'student@demo.learnloop.test'")
            == 1);
        CHECK(query_int(url, "SELECT count(*) FROM parent_links l JOIN users p ON p.id = l.parent_id "
                             "JOIN users s ON s.id = l.student_id WHERE p.email = 'parent@demo.learnloop.test' "
                             "AND s.email = 'student@demo.learnloop.test'")
            == 1);
        // The minimal demo's assignment is still there, due next week.
        CHECK(query_int(url, "SELECT count(*) FROM assignments WHERE title = 'Persuasive letter' AND due_at > now()") == 1);
    }

    SECTION("six weeks of assignments with submissions, grades and feedback")
    {
        CHECK(query_int(url, "SELECT count(DISTINCT date_trunc('week', due_at)) FROM assignments WHERE due_at < now() "
                             "AND tenant_id = " + t)
            >= 6);
        CHECK(query_int(url, "SELECT count(*) FROM assignments WHERE due_at > now() AND tenant_id = " + t) == 3);
        auto submitted = query_int(url, "SELECT count(*) FROM submissions WHERE tenant_id = " + t);
        auto graded = query_int(url, "SELECT count(*) FROM submissions WHERE grade IS NOT NULL AND feedback <> '' AND tenant_id = " + t);
        CHECK(submitted > 300);
        CHECK(graded > 250);
        CHECK(graded < submitted);   // the latest week is still being marked
        CHECK(query_int(url, "SELECT count(*) FROM submissions WHERE late") > 0);
        // Late exactly when submitted after the due time, and every grade in the history.
        CHECK(query_int(url, "SELECT count(*) FROM submissions s JOIN assignments a ON a.id = s.assignment_id "
                             "WHERE s.late <> (s.submitted_at > a.due_at)")
            == 0);
        CHECK(query_int(url, "SELECT count(*) FROM grade_history WHERE tenant_id = " + t) == graded);
        CHECK(query_int(url, "SELECT count(*) FROM submissions WHERE submitted_at > now() OR graded_at > now()") == 0);
        // Grades spread: some below 50, some above 85.
        CHECK(query_int(url, "SELECT count(*) FROM submissions WHERE grade < 50") > 5);
        CHECK(query_int(url, "SELECT count(*) FROM submissions WHERE grade >= 85") > 5);
    }

    SECTION("thousands of practice answers over six weeks, consistent with the mastery the app keeps")
    {
        auto answers = query_int(url, "SELECT count(*) FROM task_responses WHERE tenant_id = " + t);
        CHECK(answers >= 5000);
        CHECK(query_int(url, "SELECT count(DISTINCT date_trunc('week', answered_at)) FROM task_responses") >= 6);
        CHECK(query_int(url, "SELECT count(*) FROM task_responses WHERE answered_at > now()") == 0);
        CHECK(query_int(url, "SELECT count(DISTINCT student_id) FROM task_responses") >= 60);
        // Every answer is to a task of the student's own set, made no earlier than the set.
        CHECK(query_int(url, "SELECT count(*) FROM task_responses r JOIN tasks k ON k.id = r.task_id "
                             "JOIN task_sets s ON s.id = k.set_id WHERE s.student_id <> r.student_id "
                             "OR r.answered_at < s.created_at")
            == 0);
        // Mastery: each row is the last answer's estimate, attempts the number of answers.
        CHECK(query_int(url, "SELECT count(*) FROM mastery_states WHERE tenant_id = " + t) > 300);
        CHECK(query_int(url, R"(
            SELECT count(*) FROM mastery_states m
            JOIN LATERAL (
                SELECT count(*) AS n,
                       (array_agg(r.known_after ORDER BY r.answered_at DESC, r.id DESC))[1] AS last_known
                FROM task_responses r JOIN tasks k ON k.id = r.task_id JOIN task_templates tt ON tt.id = k.template_id
                WHERE r.student_id = m.student_id AND tt.target_id = m.target_id
            ) a ON true
            WHERE a.n <> m.attempts OR abs(a.last_known - m.known) > 1e-12)")
            == 0);
        // The levels have a shape: some students master targets, some struggle.
        CHECK(query_int(url, "SELECT count(*) FROM mastery_states WHERE known >= 0.95") > 20);
        CHECK(query_int(url, "SELECT count(*) FROM mastery_states WHERE known < 0.5 AND attempts >= 3") > 10);
    }

    SECTION("every stored answer re-grades the same and each estimate follows from the one before")
    {
        auto rows = query(url, R"(
            SELECT r.student_id, tt.target_id, k.template_body::text AS body, k.seed, r.answer::text AS answer,
                   r.verdict, r.score, r.known_after, t.bkt::text AS bkt
            FROM task_responses r JOIN tasks k ON k.id = r.task_id JOIN task_templates tt ON tt.id = k.template_id
            JOIN learning_targets t ON t.id = tt.target_id
            ORDER BY r.student_id, tt.target_id, r.answered_at, r.id)");
        REQUIRE(rows.size() > 1000);
        std::map<std::pair<std::int64_t, std::int64_t>, double> known;
        int regraded = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            auto params = decode_bkt_params(Json::parse(row["bkt"].as<std::string>())).value();
            auto key = std::make_pair(row["student_id"].as<std::int64_t>(), row["target_id"].as<std::int64_t>());
            auto before = known.count(key) ? known[key] : params.prior;
            bool correct = row["verdict"].as<std::string>() == "correct";
            auto after = bkt_update(params, before, correct);
            REQUIRE(std::abs(after - row["known_after"].as<double>()) < 1e-12);
            known[key] = after;
            if (i % 7 == 0) {   // re-grade a seventh of them as the server does: template, seed, grader
                auto tmpl = decode_task_template(Json::parse(row["body"].as<std::string>())).value();
                auto task = generate_task(tmpl, static_cast<std::uint64_t>(row["seed"].as<std::int64_t>())).value();
                auto graded = grade(task, Json::parse(row["answer"].as<std::string>()));
                REQUIRE(graded.ok());
                REQUIRE(std::string(verdict_name(graded.value().verdict)) == row["verdict"].as<std::string>());
                ++regraded;
            }
        }
        CHECK(regraded > 100);
        // Both right and wrong answers.
        CHECK(query_int(url, "SELECT count(*) FROM task_responses WHERE verdict = 'correct'") > 1000);
        CHECK(query_int(url, "SELECT count(*) FROM task_responses WHERE verdict = 'incorrect'") > 500);
    }

    SECTION("the teacher's heatmap and the student's mastery have something to show")
    {
        ServerProcess server(database);
        ApiClient api(server.port());
        auto login = api.login("teacher@demo.learnloop.test", k_demo_password, "demo");
        REQUIRE(login.status == 200);
        auto token = login.json["token"].get<std::string>();
        auto class_id = query_int(url, "SELECT id FROM classes WHERE name = 'Year 8 English'");
        auto heatmap = api.get("/api/classes/" + std::to_string(class_id) + "/mastery", token);
        INFO(describe(heatmap));
        REQUIRE(heatmap.status == 200);
        CHECK(heatmap.json["total_students"] == 26);
        CHECK(heatmap.json["targets"].size() == 8);
        CHECK(!heatmap.json["needs_help"].empty());
        std::set<std::string> levels;
        for (const auto& row : heatmap.json["rows"])
            for (const auto& cell : row["cells"])
                if (cell.is_object())
                    levels.insert(cell["level"].get<std::string>());
        CHECK(levels.size() >= 4);

        auto sam = api.login("student@demo.learnloop.test", k_demo_password, "demo");
        REQUIRE(sam.status == 200);
        auto mastery = api.get("/api/mastery", sam.json["token"].get<std::string>());
        INFO(describe(mastery));
        REQUIRE(mastery.status == 200);
        CHECK(mastery.json["targets"].size() == 8);
        auto set = api.post("/api/task-sets", Json::object(), sam.json["token"].get<std::string>());
        INFO(describe(set));
        CHECK(set.status == 201);
        CHECK(set.json["tasks"].size() == 20);
    }

    SECTION("running it again changes nothing, and the audit chain verifies")
    {
        auto before = table_counts(url);
        auto second = seed(url);
        CHECK(second.out.find("history:") == std::string::npos);
        CHECK(table_counts(url) == before);
        // The minimal seed after the full one changes nothing either.
        seed(url, { "--minimal", "yes" });
        CHECK(table_counts(url) == before);

        auto verified = run_cli({ "audit", "verify" }, url);
        INFO(verified.out << verified.err);
        CHECK(verified.exit_code == 0);
        // The seed's writes are the CLI's: each user, each class, the history.
        CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE tenant_id = " + t
                  + " AND action IN ('user.create', 'demo.seed', 'demo.history') AND actor <> 'cli'")
            == 0);
        CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'user.create' AND tenant_id = " + t)
            == query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + t));
        CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'demo.history' AND tenant_id = " + t) == 1);
    }
}

TEST_CASE("the demo is the same from the same seed, and the minimal demo is the API tests' four logins", "[demo]")
{
    auto& cluster = PgCluster::instance();
    auto a = cluster.superuser_url(cluster.create_database("demo_a"));
    auto b = cluster.superuser_url(cluster.create_database("demo_b"));
    for (const auto& url : { a, b }) {
        REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
        seed(url);
    }
    // The same people in the same classes, the same grades and answers.
    auto digest = [](const std::string& url) {
        return query(url, R"(
            SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM (
                SELECT c.name || ':' || u.email AS line FROM class_members m JOIN classes c ON c.id = m.class_id
                JOIN users u ON u.id = m.student_id
                UNION ALL
                SELECT u.email || ':' || a.title || ':' || coalesce(s.grade::text, '-') || ':' || s.submitted_at::text
                FROM submissions s JOIN users u ON u.id = s.student_id JOIN assignments a ON a.id = s.assignment_id
                UNION ALL
                SELECT u.email || ':' || r.answered_at::text || ':' || r.verdict || ':' || r.answer::text
                FROM task_responses r JOIN users u ON u.id = r.student_id
            ) lines)")[0][0]
            .as<std::string>();
    };
    CHECK(digest(a) == digest(b));

    auto minimal = cluster.superuser_url(cluster.create_database("demo_minimal"));
    REQUIRE(run_cli({ "migrate" }, minimal).exit_code == 0);
    auto out = seed(minimal, { "--minimal", "yes" }).out;
    CHECK(query_int(minimal, "SELECT count(*) FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = 'demo'") == 4);
    CHECK(query_int(minimal, "SELECT count(*) FROM classes") == 1);
    CHECK(query_int(minimal, "SELECT count(*) FROM learning_targets") == 0);
    for (const char* login : { "admin@", "teacher@", "student@", "parent@" })
        CHECK(out.find(login) != std::string::npos);
    // A full seed later grows the minimal demo into the school, leaving the
    // practice of a student who already has some as it was.
    REQUIRE(run_cli({ "seed", "curriculum" }, minimal).exit_code == 0);
    query(minimal, "INSERT INTO target_assignments (tenant_id, student_id, target_id, assigned_by) "
                   "SELECT s.tenant_id, s.id, t.id, p.id FROM users s, users p, learning_targets t "
                   "WHERE s.email = 'student@demo.learnloop.test' AND p.email = 'teacher@demo.learnloop.test' "
                   "AND t.code = 'en.punct.apostrophe-possession'");
    seed(minimal);
    CHECK(query_int(minimal, "SELECT count(*) FROM classes") == 3);
    CHECK(query_int(minimal, "SELECT count(*) FROM target_assignments a JOIN users s ON s.id = a.student_id "
                             "WHERE s.email = 'student@demo.learnloop.test'")
        == 1);
    CHECK(query_int(minimal, "SELECT count(*) FROM task_responses r JOIN users s ON s.id = r.student_id "
                             "WHERE s.email = 'student@demo.learnloop.test'")
        == 0);
    CHECK(query_int(minimal, "SELECT count(*) FROM task_responses") > 5000);
    CHECK(query_int(minimal, "SELECT count(*) FROM class_members m JOIN classes c ON c.id = m.class_id "
                             "WHERE c.name = 'Year 8 English'")
        == 26);
}
