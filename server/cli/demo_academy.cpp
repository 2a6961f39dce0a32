// The demo academy (see demo_academy.hpp).
#include "cli/demo_academy.hpp"

#include "academy/bank_store.hpp"
#include "academy/gift.hpp"
#include "db/sql.hpp"
#include "identity/identity_store.hpp"

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
    TRY(user("admin", "Rosa Martínez", Role::Admin));
    TRY(user("moderator", "Kwame Mensah", Role::Moderator));
    TRY(user("instructor", "Priya Raman", Role::Teacher));
    report.instructors = 1;
    const bool full = options.size == DemoSize::Full;
    if (full) {
        TRY(user("tomas.alvarez", "Tomás Álvarez", Role::Teacher));
        ++report.instructors;
    }
    Json links = Json::array();
    for (const auto& student : k_students) {
        auto id = TRY(user(student.login, student.name, Role::Student));
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
    txn.commit();
    return report;
}

} // namespace learnloop::server
