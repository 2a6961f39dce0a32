// The demo academy (see demo_academy.hpp).
#include "cli/demo_academy.hpp"

#include "cli/demo_course_work.hpp"
#include "academy/bank_store.hpp"
#include "academy/gift.hpp"
#include "academy/join_code.hpp"
#include "academy/question_task.hpp"
#include "academy/quiz.hpp"
#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "core/random.hpp"
#include "db/sql.hpp"
#include "identity/identity_store.hpp"
#include "practice/curriculum.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <vector>

namespace learnloop::server {

namespace {

constexpr const char* k_slug = "summit";
constexpr const char* k_domain = "@summit.learnloop.test";
constexpr const char* k_time_zone = "America/New_York";

struct DemoStudent {
    const char* name;
    const char* login;
    const char* parent_name;   // nullptr: no parent linked (most are adults)
    const char* parent_login;
};

// The student login first, with the parent login; then the rest of the
// cohort, names from many places as a New York academy's are.
constexpr DemoStudent k_students[] = {
    { "Mei Chen", "student", "Li Chen", "parent" },
    { "Aarav Patel", "aarav.patel", "Nisha Patel", "nisha.patel" },
    { "Sofía Hernández", "sofia.hernandez", nullptr, nullptr },
    { "Daniel Okafor", "daniel.okafor", nullptr, nullptr },
    { "Hannah Goldberg", "hannah.goldberg", "Ruth Goldberg", "ruth.goldberg" },
    { "Yusuf Demir", "yusuf.demir", nullptr, nullptr },
    { "Chloé Martin", "chloe.martin", nullptr, nullptr },
    { "Juan Pablo Ríos", "juanpablo.rios", nullptr, nullptr },
    { "Amara Nwosu", "amara.nwosu", "Ifeoma Nwosu", "ifeoma.nwosu" },
    { "Ethan Brooks", "ethan.brooks", nullptr, nullptr },
    { "Priya Iyer", "priya.iyer", nullptr, nullptr },
    { "Lucas Almeida", "lucas.almeida", nullptr, nullptr },
    { "Fatima Zahra Benali", "fatima.benali", nullptr, nullptr },
    { "Noah Kim", "noah.kim", "Grace Kim", "grace.kim" },
    { "Olivia Rossi", "olivia.rossi", nullptr, nullptr },
    { "Mateo García", "mateo.garcia", nullptr, nullptr },
    { "Zanele Dlamini", "zanele.dlamini", nullptr, nullptr },
    { "Jakub Nowak", "jakub.nowak", nullptr, nullptr },
    { "Aisha Rahman", "aisha.rahman", "Tariq Rahman", "tariq.rahman" },
    { "Liam O'Connor", "liam.oconnor", nullptr, nullptr },
    { "Sakura Tanaka", "sakura.tanaka", nullptr, nullptr },
    { "Gabriel Dubois", "gabriel.dubois", nullptr, nullptr },
    { "Emily Nguyen", "emily.nguyen", nullptr, nullptr },
    { "Omar Haddad", "omar.haddad", nullptr, nullptr },
    { "Isabella Costa", "isabella.costa", "Marina Costa", "marina.costa" },
    { "Kofi Asante", "kofi.asante", nullptr, nullptr },
    { "Ananya Sharma", "ananya.sharma", nullptr, nullptr },
    { "Ben Weiss", "ben.weiss", nullptr, nullptr },
    { "Valentina Moreno", "valentina.moreno", nullptr, nullptr },
    { "Dmitri Volkov", "dmitri.volkov", nullptr, nullptr },
    { "Leila Karimi", "leila.karimi", "Reza Karimi", "reza.karimi" },
    { "Samuel Adeyemi", "samuel.adeyemi", nullptr, nullptr },
    { "Julia Schmidt", "julia.schmidt", nullptr, nullptr },
    { "Diego Fernández", "diego.fernandez", nullptr, nullptr },
    { "Ha-eun Park", "haeun.park", nullptr, nullptr },
    { "Marcus Johnson", "marcus.johnson", "Denise Johnson", "denise.johnson" },
    { "Elena Popescu", "elena.popescu", nullptr, nullptr },
    { "Ravi Menon", "ravi.menon", nullptr, nullptr },
    { "Nadia Haddad", "nadia.haddad", nullptr, nullptr },
    { "Tom Fischer", "tom.fischer", nullptr, nullptr },
};

constexpr DemoLoginLine k_logins[] = {
    { "admin", "admin@summit.learnloop.test" },
    { "moderator", "moderator@summit.learnloop.test" },
    { "instructor", "instructor@summit.learnloop.test" },
    { "student", "student@summit.learnloop.test" },
    { "parent", "parent@summit.learnloop.test" },
};

// Questions the academy wrote for its own students, beside the shared bank.
constexpr const char* k_own_questions = R"gift($CATEGORY: summit/diagnostic

// [id:summit-diag-001] [tag:difficulty-2] [tag:skill-percent-change] [tag:single-choice]
// hint 1: A percent change compares the change with the starting value.
// hint 2: Find the change first, then divide by where it started.
// hint 3: From 40 to 50 is a change of 10, and 10 is 25% of 40.
::summit-diag-001::A course fee rose from $800 to $920. By what percent did it rise?{
=15%
~12%
~13%
~18%
~120%
####The fee rose by $120, and 120 ÷ 800 \= 0.15, so it rose by 15%.
}

// [id:summit-diag-002] [tag:difficulty-3] [tag:skill-averages] [tag:numeric-entry]
// hint 1: An average times the count gives the total.
// hint 2: Compare the total of all the scores with the total of the ones you know.
// hint 3: If three numbers average 10 and two of them are 8 and 9, the third is 30 − 17 = 13.
::summit-diag-002::Five practice tests average 152. Four of them are 148, 150, 155 and 151. What is the fifth score?{
#156:0
####The five scores total 5 × 152 \= 760. The four known ones total 604, so the fifth is 760 − 604 \= 156.
}

// [id:summit-diag-003] [tag:difficulty-3] [tag:skill-exponents] [tag:qc]
// hint 1: Write both quantities with the same base.
// hint 2: 4 is a power of 2.
// hint 3: 8² = (2³)² = 2⁶.
::summit-diag-003::Quantity A\: 4⁵\nQuantity B\: 2⁹{
=Quantity A is greater.
~Quantity B is greater.
~The two quantities are equal.
~The relationship cannot be determined from the information given.
####4⁵ \= (2²)⁵ \= 2¹⁰, which is twice 2⁹, so Quantity A is greater.
}

// [id:summit-diag-004] [tag:difficulty-2] [tag:skill-vocabulary-in-context] [tag:single-choice]
// hint 1: Read the whole sentence before choosing.
// hint 2: The word "although" signals a contrast with the first part.
// hint 3: In "Although the path was steep, the climb felt ___", the blank contrasts with steep: easy.
::summit-diag-004::Although the committee's report was long, its recommendations were surprisingly _____.{
=succinct
~verbose
~numerous
~ambiguous
~controversial
####"Although" sets the recommendations against the report's length, so they were brief: succinct.
}

// [id:summit-diag-005] [tag:difficulty-4] [tag:skill-probability] [tag:multi-select] [tag:all-or-nothing]
// hint 1: List the outcomes of two dice that give each sum.
// hint 2: There are 36 equally likely outcomes; count those for each statement.
// hint 3: A sum of 3 comes from (1,2) and (2,1): 2 outcomes of 36.
::summit-diag-005::Two fair six-sided dice are rolled. Which statements are true? Select all that apply.{
~%50%A sum of 7 is the most likely sum.
~%50%A sum of 2 and a sum of 12 are equally likely.
~%-100%A sum of 6 is more likely than a sum of 8.
~%-100%The probability of a sum of 10 is 1/6.
####7 comes from 6 of the 36 outcomes, more than any other sum; 2 and 12 each come from one. 6 and 8 each come from 5 outcomes, and 10 from 3, which is 1/12.
}

// [id:summit-diag-006] [tag:difficulty-1] [tag:skill-number-properties] [tag:single-choice]
// hint 1: An even number is a multiple of 2.
// hint 2: Try small numbers for n and see what each expression gives.
// hint 3: With n = 3, 2n is 6 and n + 2 is 5.
::summit-diag-006::If n is an odd integer, which of these must be even?{
=n + 1
~n + 2
~2n + 1
~n²
~3n
####An odd number plus 1 is even; the others are odd for every odd n.
}
)gift";

// [SECTION] courses and weeks of quizzes

constexpr std::int64_t k_day = 86400;

struct DemoQuiz {
    const char* title;
    QuizMode mode;
    int time_limit_minutes;
    int attempts_allowed;
    QuestionDraw draw;
    int set_days_ago;          // when it was set; attempts follow over the next days
    double taken_by;           // the share of the course's students who have taken it
    bool left_for_student;     // the student login has not taken it yet: theirs to try
    bool tutor = false;        // practice quizzes with the tutor's hints
};

struct DemoCourse {
    const char* title;
    const char* description;
    const char* instructor;    // login
    std::size_t first_student, students;   // a run of k_students (wrapping)
    bool with_student;         // the student login is enrolled too
    std::vector<DemoQuiz> quizzes;
};

QuestionDraw draw_of(const char* topic, int low, int high, int count)
{
    QuestionDraw draw;
    draw.topic = topic;
    draw.min_difficulty = low;
    draw.max_difficulty = high;
    draw.count = count;
    return draw;
}

std::vector<DemoCourse> demo_courses()
{
    const auto P = QuizMode::Practice, E = QuizMode::Exam;
    return {
        { "GRE Quant \xE2\x80\x94 Autumn cohort",
            "Arithmetic, algebra, geometry and data analysis for the GRE's quantitative sections, with a timed mock "
            "exam each fortnight.\nTuesdays and Thursdays, 6:30\xE2\x80\x93" "8:30 pm.",
            "instructor", 0, 28, true,
            { { "Diagnostic: quantitative reasoning", E, 30, 1, draw_of("exam-bank/quant", 1, 3, 12), 38, 1.0, false },
                { "Algebra practice set", P, 0, 0, draw_of("exam-bank/quant/algebra", 1, 5, 8), 30, 0.85, false, true },
                { "Arithmetic: percent, ratio and exponents", P, 0, 0, draw_of("exam-bank/quant/arithmetic", 1, 5, 8),
                    6, 0.8, false },   // this week's: the parents' summaries have a week to tell
                { "Mock exam 1", E, 35, 2, draw_of("exam-bank/quant", 1, 5, 20), 10, 0.65, true },
                { "Geometry warm-up", P, 0, 0, draw_of("exam-bank/quant/geometry", 1, 4, 6), 3, 0.35, true, true } } },
        { "GRE Verbal \xE2\x80\x94 Autumn cohort",
            "Text completion, sentence equivalence and reading comprehension, with vocabulary in context every "
            "week.\nMondays and Wednesdays, 6:30\xE2\x80\x93" "8:00 pm.",
            "tomas.alvarez", 12, 28, false,
            { { "Diagnostic: verbal reasoning", E, 25, 1, draw_of("exam-bank/verbal", 1, 3, 10), 37, 1.0, false },
                { "Text completion practice", P, 0, 0, draw_of("exam-bank/verbal/text-completion", 1, 5, 8), 28, 0.85,
                    false, true },
                { "Sentence equivalence practice", P, 0, 0, draw_of("exam-bank/verbal/sentence-equivalence", 1, 5, 6),
                    17, 0.75, false },
                { "Reading comprehension check", E, 20, 2, draw_of("exam-bank/verbal/reading", 1, 5, 8), 6, 0.6,
                    false } } },
        { "SAT Math Bootcamp",
            "Six weeks of SAT math: the academy's own diagnostic, then data analysis and problem solving.\n"
            "Saturdays, 10 am\xE2\x80\x93" "1 pm.",
            "instructor", 24, 16, true,
            { { "Summit diagnostic", P, 0, 0, draw_of("summit/diagnostic", 1, 5, 6), 33, 0.95, false },
                { "Data analysis practice", P, 0, 0, draw_of("exam-bank/quant/data-analysis", 1, 4, 8), 12, 0.7, true },
                { "Problem solving check", E, 30, 1, draw_of("exam-bank/quant/algebra/word-problems", 1, 5, 3), 4,
                    0.4, true } } },
    };
}

struct HistoryCounts {
    int courses = 0, quizzes = 0, attempts = 0;
    int assignments = 0, submissions = 0, marked = 0;
};

// Courses, enrolments, quizzes and the attempts students have handed in
// over the last weeks, answered by each student's ability (deterministic
// from the options' seed), graded by the shared graders.
Result<HistoryCounts> seed_courses(pqxx::work& txn, std::int64_t tenant_id,
    const std::map<std::string, std::int64_t>& staff, const std::vector<std::int64_t>& students,
    const DemoOptions& options)
{
    HistoryCounts counts;
    if (exec_named(txn, "cli/demo_academy_has_courses", tenant_id)[0]["has_courses"].as<bool>())
        return counts;
    const auto pool = draw_pool(txn, tenant_id);
    std::map<std::int64_t, BankQuestion> questions;   // by row id
    std::vector<std::int64_t> ids;
    for (const auto& [code, id] : pool.ids)
        ids.push_back(id);
    for (const auto& row : exec_named(txn, "academy/bank_bodies", ids_array(ids)))
        questions.emplace(row["id"].as<std::int64_t>(), TRY(stored_question(row)));
    const std::int64_t today = options.now_unix / k_day * k_day;
    SeededRandom rng(mix_seed(options.seed, 0xACADE));
    auto unit = [&] { return static_cast<double>(rng.below(1'000'000)) / 1e6; };
    std::vector<double> ability;
    for (std::size_t i = 0; i < students.size(); ++i)
        ability.push_back(0.25 + 0.7 * unit());
    std::map<std::int64_t, std::set<std::string>> seen;   // by student

    const auto courses = demo_courses();
    for (std::size_t course_index = 0; course_index < courses.size(); ++course_index) {
        const auto& course = courses[course_index];
        std::vector<std::size_t> members;
        for (std::size_t k = 0; k < course.students; ++k)
            members.push_back((course.first_student + k) % students.size());
        if (course.with_student && std::find(members.begin(), members.end(), 0) == members.end())
            members.insert(members.begin(), 0);
        std::vector<std::int64_t> ids;
        for (auto m : members)
            ids.push_back(students[m]);
        const auto instructor = staff.at(course.instructor);
        const auto course_id = exec_named(txn, "cli/demo_academy_course", tenant_id, std::string(course.title),
            std::string(course.description), instructor, format_utc_timestamp(today - 42 * k_day), ids_array(ids),
            make_join_code(mix_seed(options.seed, 0x701E + course_index)))[0]["id"]
                                   .as<std::int64_t>();
        ++counts.courses;
        std::vector<double> member_ability;
        for (auto m : members)
            member_ability.push_back(ability[m]);
        auto work = seed_course_work(txn, tenant_id, course_index, course_id, instructor, ids, member_ability,
            students[0], today, options.seed);
        counts.assignments += work.assignments;
        counts.submissions += work.submissions;
        counts.marked += work.marked;
        for (const auto& quiz : course.quizzes) {
            QuizPlan plan { {}, { quiz.draw }, true };
            const auto set_at = today - quiz.set_days_ago * k_day + 14 * 3600;
            const auto quiz_id = exec_named(txn, "cli/demo_academy_quiz", tenant_id, course_id, std::string(quiz.title),
                std::string(quiz_mode_name(quiz.mode)), quiz_plan_to_json(plan).dump(), plan_question_count(plan),
                quiz.time_limit_minutes, quiz.attempts_allowed, instructor, format_utc_timestamp(set_at),
                quiz.mode == QuizMode::Practice && quiz.tutor)[0]["id"]
                                     .as<std::int64_t>();
            ++counts.quizzes;
            // Who took it, how often, and each attempt's questions and answers.
            Json attempts = Json::array();
            std::map<std::tuple<std::int64_t, int>, Json> answers_of;   // (student, number) -> questions
            for (auto m : members) {
                // The student login has taken every quiz but those left to try.
                if (m == 0 ? quiz.left_for_student : unit() >= quiz.taken_by)
                    continue;
                const int times = quiz.attempts_allowed == 1 ? 1 : 1 + (unit() < 0.3 ? 1 : 0);
                std::int64_t started = set_at + static_cast<std::int64_t>(unit() * 5 * k_day) + 3600;
                for (int number = 1; number <= times; ++number) {
                    if (started > today - 3 * 3600)
                        break;   // the history ends before today
                    const auto seed = rng.next() >> 1;
                    auto codes = TRY(draw_attempt(plan, pool.entries, seen[students[m]], seed));
                    Json asked = Json::array();
                    double score = 0;
                    std::int64_t at = started;
                    for (std::size_t position = 0; position < codes.size(); ++position) {
                        const auto id = pool.ids.at(codes[position]);
                        seen[students[m]].insert(codes[position]);
                        const auto& question = questions.at(id);
                        auto task = TRY(attempt_question_task(question, seed, position));
                        at += 40 + static_cast<std::int64_t>(unit() * 100);
                        if (quiz.mode == QuizMode::Exam && unit() < 0.04) {
                            asked.push_back({ { "position", position }, { "question_id", id }, { "answer", nullptr },
                                { "score", nullptr }, { "verdict", nullptr }, { "answered_at", nullptr },
                                { "hints_used", 0 } });
                            continue;
                        }
                        // With the tutor, a weaker student asks for a hint or two now and then.
                        const int hints = quiz.tutor && unit() < 0.35 - 0.25 * ability[m]
                            ? 1 + static_cast<int>(rng.below(2))
                            : 0;
                        const double chance = std::clamp(0.3 + 0.6 * ability[m] - 0.08 * (task.difficulty - 3)
                                + 0.08 * (number - 1) + 0.12 * hints,
                            0.05, 0.97);
                        Json answer = correct_answer(task);
                        if (unit() >= chance) {
                            auto wrong = wrong_answers(task);
                            if (!wrong.empty())
                                answer = wrong[rng.below(wrong.size())];
                        }
                        auto graded = TRY(grade(task, answer));
                        const double credit = hinted_credit(graded.score, hints);
                        score += credit;
                        asked.push_back({ { "position", position }, { "question_id", id }, { "answer", answer },
                            { "score", credit }, { "verdict", verdict_name(graded.verdict) },
                            { "answered_at", format_utc_timestamp(at) }, { "hints_used", hints } });
                    }
                    attempts.push_back({ { "quiz_id", quiz_id }, { "student_id", students[m] }, { "number", number },
                        { "seed", static_cast<std::int64_t>(seed) }, { "started_at", format_utc_timestamp(started) },
                        { "submitted_at", format_utc_timestamp(at + 30) }, { "score", score } });
                    answers_of[{ students[m], number }] = std::move(asked);
                    started = at + static_cast<std::int64_t>(1 + unit() * 3) * k_day;
                }
            }
            if (attempts.empty())
                continue;
            Json rows = Json::array();
            for (const auto& row : exec_named(txn, "cli/demo_academy_attempts", tenant_id, attempts.dump())) {
                const auto attempt_id = row["id"].as<std::int64_t>();
                for (auto& q : answers_of.at({ row["student_id"].as<std::int64_t>(), row["number"].as<int>() })) {
                    q["attempt_id"] = attempt_id;
                    rows.push_back(q);
                }
                ++counts.attempts;
            }
            exec_named(txn, "cli/demo_academy_attempt_questions", tenant_id, rows.dump());
        }
    }
    // Exam goals: most students have set one (the student login: 45 days on,
    // 30 minutes a day), so their study plans run up to an exam.
    int goals = 0;
    for (std::size_t m = 0; m < students.size(); ++m) {
        if (m % 4 == 3)
            continue;   // a few have not set one yet
        const int days = m == 0 ? 45 : 20 + static_cast<int>(rng.below(50));
        const int minutes = m == 0 ? 30 : std::array { 20, 30, 45, 60 }[rng.below(4)];
        exec_named(txn, "academy/save_study_goal", tenant_id, students[m],
            local_day_text(from_unix_seconds(today + days * k_day)), minutes, students[m]);
        ++goals;
    }
    append_audit(txn, { tenant_id, "cli", "demo.academy_history", "tenant", std::to_string(tenant_id), nullptr,
                          { { "courses", counts.courses }, { "quizzes", counts.quizzes }, { "attempts", counts.attempts },
                              { "assignments", counts.assignments }, { "submissions", counts.submissions },
                              { "marked", counts.marked }, { "study_goals", goals } } });
    return counts;
}

} // namespace

std::span<const DemoLoginLine> academy_demo_logins()
{
    return k_logins;
}

Result<AcademyDemoReport> seed_demo_academy(pqxx::connection& connection, const DemoOptions& options)
{
    pqxx::work txn(connection);
    auto tenant_id = find_tenant_id(txn, k_slug);
    if (!tenant_id)
        tenant_id = TRY(create_tenant(txn, { k_slug, "Summit Test Prep", TenantKind::Academy, k_time_zone }, "cli"));
    std::string password_hash;
    auto user = [&](const std::string& login, const std::string& name, Role role) {
        return ensure_demo_user(txn, *tenant_id, login + k_domain, name, role, password_hash);
    };
    AcademyDemoReport report;
    std::map<std::string, std::int64_t> staff;
    TRY(user("admin", "Rosa Martínez", Role::Admin));
    TRY(user("moderator", "Kwame Mensah", Role::Moderator));
    staff["instructor"] = TRY(user("instructor", "Priya Raman", Role::Teacher));
    report.instructors = 1;
    const bool full = options.size == DemoSize::Full;
    if (full) {
        staff["tomas.alvarez"] = TRY(user("tomas.alvarez", "Tomás Álvarez", Role::Teacher));
        ++report.instructors;
    }
    Json links = Json::array();
    std::vector<std::int64_t> students;
    for (const auto& student : k_students) {
        auto id = TRY(user(student.login, student.name, Role::Student));
        students.push_back(id);
        ++report.students;
        if (student.parent_name) {
            auto parent = TRY(user(student.parent_login, student.parent_name, Role::Parent));
            links.push_back({ { "parent_id", parent }, { "student_id", id } });
            ++report.parents;
        }
        if (!full)
            break;   // the minimal demo: the student login and their parent
    }
    exec_named(txn, "cli/demo_link_parents", *tenant_id, links.dump(), std::string("2026-09-01T12:00:00Z"));
    auto own = parse_gift(k_own_questions);
    if (!own.problems.empty())
        return make_error(ErrorCode::Internal, "the demo academy's questions do not read: " + problems_for_people(own.problems));
    if (TRY(current_bank_questions(txn, *tenant_id)).empty())
        TRY(import_bank_questions(txn, *tenant_id, own.questions, "cli"));
    report.own_questions = static_cast<int>(own.questions.size());
    if (full) {
        auto history = TRY(seed_courses(txn, *tenant_id, staff, students, options));
        report.courses = history.courses;
        report.quizzes = history.quizzes;
        report.attempts = history.attempts;
        report.assignments = history.assignments;
        report.marked = history.marked;
    }
    txn.commit();
    return report;
}

} // namespace learnloop::server
