// Who may join a school, black box against the real server and PostgreSQL:
// the per-school sign-up policy (open, students only, nobody), staff who sign
// themselves up waiting for an administrator's approval, and a teacher's
// reach (only students the school placed in their classes). Issue 9's attack
// first: it must be refused at every step.
// [SECTION] the attack, [SECTION] the contract, [SECTION] policy,
// [SECTION] approval, [SECTION] reach
#include "api_client.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t value) { return std::to_string(value); }

const char* k_pending = "Your account is waiting for the school's approval";

Json signup_body(const std::string& email, const std::string& role, const std::string& name = "New Person")
{
    return { { "email", email }, { "password", "correct-horse-battery" }, { "name", name }, { "role", role } };
}

std::string login_token(ApiClient& api, const std::string& email, const std::string& tenant = {})
{
    auto reply = api.login(email, "correct-horse-battery", tenant);
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json["token"].get<std::string>();
}

// The newest audit row's action, actor, entity id, before and after.
struct AuditRow {
    std::string action, actor, entity_id;
    Json before, after;
    std::int64_t tenant_id = 0;
};

AuditRow last_audit(ApiFixture& f)
{
    auto row = f.sql("SELECT action, actor, coalesce(entity_id, ''), coalesce(before::text, 'null'), "
                     "coalesce(after::text, 'null'), tenant_id FROM audit_log ORDER BY id DESC LIMIT 1")[0];
    return { row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
        Json::parse(row[3].as<std::string>()), Json::parse(row[4].as<std::string>()), row[5].as<std::int64_t>() };
}

Reply set_policy(ApiFixture& f, const std::string& policy, const Person& by)
{
    return f.api().put("/api/school/signup-policy", { { "policy", policy } }, f.token(by));
}

} // namespace

// [SECTION] the attack -------------------------------------------------------

TEST_CASE("issue 9: a teacher who signs up on the open default school reaches no child (class, enrol, users, mastery)",
    "[api][signup_policy][attack]")
{
    ApiFixture f("signup_attack");
    auto& api = f.api();
    const auto student_id = f.demo.student.id;   // the "3": ids are sequential
    CHECK(student_id == 3);

    // Sign-up still works on the open default school, but the account waits.
    auto signed_up = api.post("/api/signup", signup_body("mallory@evil.test", "teacher", "Mallory"), {},
        { { "X-Tenant", "demo" } });
    INFO(describe(signed_up));
    REQUIRE(signed_up.status == 201);
    CHECK(signed_up.json["message"] == "User created successfully");
    CHECK(signed_up.json["approval"] == "pending");
    const auto mallory = login_token(api, "mallory@evil.test", "demo");
    auto me = api.get("/api/user", mallory);
    CHECK(me.json["approval"] == "pending");
    CHECK(me.json["role"] == "teacher");

    // Every step of the attack is refused, saying why, and writes nothing.
    const auto audit = f.audit_count();
    check_error(api.post("/api/classes", { { "name", "My class" } }, mallory), 403, "Unauthorized", k_pending);
    check_error(api.post("/api/classes/" + str(f.demo.class_id) + "/members", { { "student_id", student_id } }, mallory),
        403, "Unauthorized", k_pending);
    check_error(api.get("/api/users", mallory), 403, "Unauthorized", k_pending);
    check_error(api.get("/api/mastery?student_id=" + str(student_id), mallory), 403, "Unauthorized", k_pending);
    // Nor any other way to a student: their class, gradebook, mastery,
    // targets, parents.
    check_error(api.get("/api/classes/" + str(f.demo.class_id) + "/members", mallory), 403, "Unauthorized", k_pending);
    check_error(api.get("/api/classes/" + str(f.demo.class_id) + "/gradebook", mallory), 403, "Unauthorized", k_pending);
    check_error(api.get("/api/classes/" + str(f.demo.class_id) + "/mastery", mallory), 403, "Unauthorized", k_pending);
    check_error(api.post("/api/target-assignments", { { "target_ids", { "x" } }, { "student_id", student_id } }, mallory),
        403, "Unauthorized", k_pending);
    check_error(api.get("/api/parent-links", mallory), 403, "Unauthorized");
    check_error(api.get("/api/children", mallory), 403, "Unauthorized");
    check_error(api.post("/api/curriculum/targets", { { "id", "school.x" }, { "title", "X" }, { "subject", "maths" },
                                                        { "strand", "number" } },
                    mallory),
        403, "Unauthorized", k_pending);
    CHECK(f.audit_count() == audit);
    CHECK(f.sql_int("SELECT count(*) FROM classes") == 1);
    CHECK(f.sql_int("SELECT count(*) FROM class_members") == 1);

    // Even once an administrator approves the account, arbitrary ids stay
    // out of reach: a teacher enrols only students the school put in their
    // classes, and an out-of-reach student reads exactly like a missing one.
    const auto mallory_id = signed_up.json["user_id"].get<std::int64_t>();
    REQUIRE(api.post("/api/users/" + str(mallory_id) + "/approve", nullptr, f.token(f.demo.admin)).status == 200);
    auto created = api.post("/api/classes", { { "name", "My class" } }, mallory);
    INFO(describe(created));
    REQUIRE(created.status == 201);
    const auto members = "/api/classes/" + str(created.json["class_id"].get<std::int64_t>()) + "/members";
    auto enrol = api.post(members, { { "student_id", student_id } }, mallory);
    auto enrol_missing = api.post(members, { { "student_id", 999999 } }, mallory);
    check_error(enrol, 404, "Student not found");
    CHECK(enrol.field() == "student_id");
    CHECK(enrol.json == enrol_missing.json);
    auto users = api.get("/api/users", mallory);
    REQUIRE(users.status == 200);
    CHECK(users.json == Json::array());
    CHECK(users.body.find("student@demo") == std::string::npos);
    auto mastery = api.get("/api/mastery?student_id=" + str(student_id), mallory);
    auto mastery_missing = api.get("/api/mastery?student_id=999999", mallory);
    check_error(mastery, 404, "Student not found");
    CHECK(mastery.json == mastery_missing.json);
    CHECK(api.get(members, mallory).json == Json::array());
}

// [SECTION] the contract -----------------------------------------------------

TEST_CASE("the assignment-tracker contract still passes unchanged on the open default school, teacher pending",
    "[api][signup_policy][contract]")
{
    ApiFixture f("signup_contract");
    auto& api = f.api();
    // No tenant named: the default school, as the contract's clients do it.
    auto teacher = api.post("/api/signup", signup_body("ct@school.test", "teacher", "Conny Teacher"));
    INFO(describe(teacher));
    REQUIRE(teacher.status == 201);
    CHECK(teacher.json["message"] == "User created successfully");
    CHECK(teacher.json["user_id"].is_number_integer());
    auto student = api.post("/api/signup", signup_body("cs@school.test", "student", "Cas Student"));
    REQUIRE(student.status == 201);
    CHECK(student.json["approval"] == "approved");

    auto teacher_login = api.login("ct@school.test", "correct-horse-battery");
    INFO(describe(teacher_login));
    REQUIRE(teacher_login.status == 200);
    CHECK(teacher_login.json["message"] == "Login successful");
    CHECK(teacher_login.json["role"] == "teacher");
    CHECK(teacher_login.json["name"] == "Conny Teacher");
    const auto t = teacher_login.json["token"].get<std::string>();
    const auto s = login_token(api, "cs@school.test");
    auto user = api.get("/api/user", t);
    REQUIRE(user.status == 200);
    CHECK(user.json["email"] == "ct@school.test");

    auto created = api.post("/api/assignments",
        { { "title", "Contract essay" }, { "description", "Write it" }, { "due_date", "2030-05-01T17:00:00" } }, t);
    INFO(describe(created));
    REQUIRE(created.status == 201);
    CHECK(created.json["message"] == "Assignment created");
    const auto id = created.json["assignment_id"].get<std::int64_t>();
    check_error(api.post("/api/assignments", { { "title", "x" }, { "description", "" }, { "due_date", "2030-05-01T17:00:00" } },
                    s),
        403, "Unauthorized", "Only teachers can create assignments");

    auto listed = api.get("/api/assignments", s);
    REQUIRE(listed.status == 200);
    REQUIRE(contains_id(listed.json, id));
    for (const auto& item : listed.json) {
        if (item["id"] == id)
            CHECK(item["teacher_name"] == "Conny Teacher");
    }
    auto submitted = api.post("/api/assignments/" + str(id) + "/submit", { { "content", "My essay" } }, s);
    INFO(describe(submitted));
    REQUIRE(submitted.status == 201);
    CHECK(submitted.json["message"] == "Assignment submitted");
    const auto submission = submitted.json["submission_id"].get<std::int64_t>();

    auto submissions = api.get("/api/assignments/" + str(id) + "/submissions", t);
    INFO(describe(submissions));
    REQUIRE(submissions.status == 200);
    REQUIRE(submissions.json.size() == 1);
    CHECK(submissions.json[0]["id"] == submission);
    CHECK(submissions.json[0]["student_name"] == "Cas Student");
    CHECK(submissions.json[0]["content"] == "My essay");
    CHECK(submissions.json[0]["grade"].is_null());
    CHECK(submissions.json[0]["feedback"].is_null());
    check_error(api.get("/api/assignments/" + str(f.demo.assignment_id) + "/submissions", t), 403, "Forbidden",
        "You do not own this assignment");

    auto graded = api.put("/api/submissions/" + str(submission) + "/grade", { { "grade", 91 }, { "feedback", "Great" } }, t);
    INFO(describe(graded));
    REQUIRE(graded.status == 200);
    CHECK(graded.json["message"] == "Submission graded successfully");
    auto own = api.get("/api/assignments/" + str(id) + "/submission", s);
    REQUIRE(own.status == 200);
    CHECK(own.json["grade"] == 91);
    CHECK(own.json["feedback"] == "Great");
    REQUIRE(api.post("/api/logout", nullptr, t).status == 200);
    CHECK(api.get("/api/user", t).status == 401);
}

// [SECTION] policy -----------------------------------------------------------

TEST_CASE("sign-up policy: administrators read and change it (audited); students only refuses staff; nobody refuses all",
    "[api][signup_policy][policy]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("signup_policy", options);
    auto& api = f.api();
    const auto& admin = f.demo.admin;

    // The default school is open; anyone may read the policy (the sign-up screen does).
    auto open = api.get("/api/signup-policy");
    INFO(describe(open));
    REQUIRE(open.status == 200);
    CHECK(open.json["policy"] == "open");
    CHECK(open.json["roles"] == Json::array({ "teacher", "student" }));
    CHECK_FALSE(open.json["notice"].get<std::string>().empty());
    CHECK(api.get("/api/signup-policy", {}, { { "X-Tenant", "demo" } }).json == open.json);
    // A school created from now on lets students sign up and adds its staff itself.
    CHECK(api.get("/api/signup-policy?tenant=other").json["policy"] == "students_only");
    check_error(api.get("/api/signup-policy?tenant=no-such-school"), 404, "Tenant not found");
    auto as_admin = api.get("/api/school/signup-policy", f.token(admin));
    REQUIRE(as_admin.status == 200);
    CHECK(as_admin.json == open.json);

    // Only administrators change it; a bad value is refused; neither writes
    // anything (signing in is audited: everyone signs in before counting).
    for (const auto* person : { &f.demo.moderator, &f.demo.teacher, &f.demo.student, &f.demo.parent })
        (void)f.token(*person);
    auto audit = f.audit_count();
    for (const auto* person : { &f.demo.moderator, &f.demo.teacher, &f.demo.student, &f.demo.parent }) {
        INFO(person->role);
        check_error(set_policy(f, "nobody", *person), 403, "Unauthorized", "Only administrators can change who may sign up");
        check_error(api.get("/api/school/signup-policy", f.token(*person)), 403, "Unauthorized");
    }
    auto bad = set_policy(f, "everyone", admin);
    check_error(bad, 400, "Invalid request", "policy must be open, students_only or nobody");
    CHECK(bad.field() == "policy");
    check_error(api.put("/api/school/signup-policy", { { "policy", 3 } }, f.token(admin)), 400, "Invalid request");
    CHECK(f.audit_count() == audit);

    // Students only: one audit row with the old and new policy, written with the change.
    auto saved = set_policy(f, "students_only", admin);
    INFO(describe(saved));
    REQUIRE(saved.status == 200);
    CHECK(saved.json["message"] == "Sign-up policy saved");
    CHECK(saved.json["policy"] == "students_only");
    CHECK(saved.json["roles"] == Json::array({ "student" }));
    CHECK(f.audit_count() == audit + 1);
    auto row = last_audit(f);
    CHECK(row.action == "tenant.signup_policy");
    CHECK(row.actor == "user:" + str(admin.id));
    CHECK(row.entity_id == str(f.demo.id));
    CHECK(row.tenant_id == f.demo.id);
    CHECK(row.before == Json { { "signup_policy", "open" } });
    CHECK(row.after == Json { { "signup_policy", "students_only" } });
    CHECK(f.sql_text("SELECT signup_policy FROM tenants WHERE slug = 'demo'") == "students_only");
    // Another school's policy is its own.
    CHECK(f.sql_text("SELECT signup_policy FROM tenants WHERE slug = 'other'") == "students_only");
    CHECK(api.get("/api/signup-policy").json["roles"] == Json::array({ "student" }));

    auto users = f.sql_int("SELECT count(*) FROM users");
    audit = f.audit_count();
    auto staff = api.post("/api/signup", signup_body("would-be-teacher@school.test", "teacher"));
    check_error(staff, 403, "Sign-up open to students only",
        "This school creates staff accounts itself; ask an administrator for yours");
    CHECK(staff.field() == "role");
    CHECK(f.sql_int("SELECT count(*) FROM users") == users);
    CHECK(f.audit_count() == audit);
    auto pupil = api.post("/api/signup", signup_body("pupil@school.test", "student"));
    INFO(describe(pupil));
    REQUIRE(pupil.status == 201);
    CHECK(pupil.json["approval"] == "approved");
    CHECK(last_audit(f).action == "user.create");
    CHECK(last_audit(f).after["approval"] == "approved");
    // The other school (students only from creation) refuses staff too.
    check_error(api.post("/api/signup", signup_body("t@other.test", "teacher"), {}, { { "X-Tenant", "other" } }), 403,
        "Sign-up open to students only");

    // Nobody: every sign-up refused, even for a registered email (no 409 that
    // would tell who has an account).
    REQUIRE(set_policy(f, "nobody", admin).status == 200);
    CHECK(last_audit(f).before == Json { { "signup_policy", "students_only" } });
    CHECK(last_audit(f).after == Json { { "signup_policy", "nobody" } });
    auto closed = api.get("/api/signup-policy");
    CHECK(closed.json["policy"] == "nobody");
    CHECK(closed.json["roles"] == Json::array());
    users = f.sql_int("SELECT count(*) FROM users");
    for (const auto& [email, role] : std::vector<std::pair<std::string, std::string>> {
             { "late@school.test", "student" }, { "late-t@school.test", "teacher" }, { "pupil@school.test", "student" } }) {
        INFO(email);
        check_error(api.post("/api/signup", signup_body(email, role)), 403, "Sign-up closed",
            "This school creates every account itself; ask the school for yours");
    }
    CHECK(f.sql_int("SELECT count(*) FROM users") == users);
    // The school still adds people itself, and everyone signs in as before.
    auto added = api.post("/api/users",
        { { "email", "added@school.test" }, { "name", "Added Teacher" }, { "password", "correct-horse-battery" },
            { "role", "teacher" } },
        f.token(admin));
    REQUIRE(added.status == 201);
    auto added_me = api.get("/api/user", login_token(api, "added@school.test"));
    CHECK(added_me.json["approval"] == "approved");
    CHECK(api.login("pupil@school.test", "correct-horse-battery").status == 200);

    // Open again.
    REQUIRE(set_policy(f, "open", admin).status == 200);
    CHECK(api.post("/api/signup", signup_body("late@school.test", "student")).status == 201);
}

// [SECTION] approval ---------------------------------------------------------

TEST_CASE("staff who sign themselves up wait: administrators list, approve or refuse them (audited)",
    "[api][signup_policy][approval]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("signup_approval", options);
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    auto tess = f.signup("tess@school.test", "Tess Pending", "teacher");
    auto rex = f.signup("rex@school.test", "Rex Refused", "teacher");
    auto stu = f.signup("stu@school.test", "Stu Student", "student");
    const auto tess_token = f.token(tess);
    const auto rex_token = f.token(rex);

    // The list: the waiting staff, oldest first; students never wait.
    auto pending = api.get("/api/staff-approvals", admin);
    INFO(describe(pending));
    REQUIRE(pending.status == 200);
    CHECK(ids_of(pending.json) == std::vector<std::int64_t> { tess.id, rex.id });
    CHECK(pending.header("X-Total-Count") == "2");
    CHECK(pending.json[0]["email"] == "tess@school.test");
    CHECK(pending.json[0]["name"] == "Tess Pending");
    CHECK(pending.json[0]["role"] == "teacher");
    CHECK(pending.json[0]["signed_up_at"].get<std::string>().size() == 20);
    for (const auto* person : { &f.demo.moderator, &f.demo.teacher, &f.demo.student, &f.demo.parent }) {
        INFO(person->role);
        check_error(api.get("/api/staff-approvals", f.token(*person)), 403, "Unauthorized",
            "Only administrators can approve staff accounts");
        check_error(api.post("/api/users/" + str(tess.id) + "/approve", nullptr, f.token(*person)), 403, "Unauthorized");
    }
    check_error(api.post("/api/users/" + str(tess.id) + "/approve", nullptr, tess_token), 403, "Unauthorized");
    // Another school's administrator does not see or decide them.
    auto other_admin = f.token(f.other.admin);
    CHECK(api.get("/api/staff-approvals", other_admin).json == Json::array());
    check_error(api.post("/api/users/" + str(tess.id) + "/approve", nullptr, other_admin), 404,
        "No account with that id is waiting for approval");
    // A waiting teacher cannot be handed a class.
    check_error(api.post("/api/classes", { { "name", "Not yet" }, { "teacher_id", tess.id } }, admin), 400,
        "Invalid request", "teacher_id must be an active teacher");

    // Approve: one audit row; from the next request on, the account works as
    // its role allows.
    auto audit = f.audit_count();
    auto approved = api.post("/api/users/" + str(tess.id) + "/approve", nullptr, admin);
    INFO(describe(approved));
    REQUIRE(approved.status == 200);
    CHECK(approved.json == Json { { "message", "Account approved" }, { "user_id", tess.id }, { "approval", "approved" } });
    CHECK(f.audit_count() == audit + 1);
    auto row = last_audit(f);
    CHECK(row.action == "user.approve");
    CHECK(row.actor == "user:" + str(f.demo.admin.id));
    CHECK(row.entity_id == str(tess.id));
    CHECK(row.before == Json { { "approval", "pending" } });
    CHECK(row.after["approval"] == "approved");
    CHECK(api.get("/api/user", tess_token).json["approval"] == "approved");
    CHECK(api.get("/api/users", tess_token).status == 200);
    CHECK(api.post("/api/classes", { { "name", "Tess's class" } }, tess_token).status == 201);
    CHECK(api.post("/api/classes", { { "name", "Given" }, { "teacher_id", tess.id } }, admin).status == 201);
    // Decided once: a second decision, or one about an account that never
    // waited (a student, the seeded teacher, nobody), finds nothing.
    audit = f.audit_count();
    for (auto id : { tess.id, stu.id, f.demo.teacher.id, std::int64_t(999999) }) {
        INFO("id " << id);
        check_error(api.post("/api/users/" + str(id) + "/approve", nullptr, admin), 404,
            "No account with that id is waiting for approval");
        check_error(api.post("/api/users/" + str(id) + "/refuse", nullptr, admin), 404,
            "No account with that id is waiting for approval");
    }
    CHECK(api.post("/api/users/abc/approve", nullptr, admin).status == 404);
    CHECK(f.audit_count() == audit);

    // Refuse: deactivated and signed out, in the same transaction as its audit row.
    auto refused = api.post("/api/users/" + str(rex.id) + "/refuse", nullptr, admin);
    INFO(describe(refused));
    REQUIRE(refused.status == 200);
    CHECK(refused.json["message"] == "Account refused");
    CHECK(refused.json["approval"] == "refused");
    row = last_audit(f);
    CHECK(row.action == "user.refuse");
    CHECK(row.entity_id == str(rex.id));
    CHECK(row.before == Json { { "approval", "pending" }, { "active", true } });
    CHECK(row.after["approval"] == "refused");
    CHECK(row.after["active"] == false);
    CHECK(f.audit_count() == audit + 1);
    check_error(api.get("/api/user", rex_token), 401, "Unauthorized");
    check_error(api.login("rex@school.test", k_demo_password), 401, "Invalid credentials");
    CHECK(f.sql_text("SELECT approval FROM users WHERE id = " + str(rex.id)) == "refused");
    CHECK(api.get("/api/staff-approvals", admin).json == Json::array());
    // Listed as deactivated among the school's users.
    for (const auto& u : api.get("/api/users?role=teacher", admin).json) {
        if (u["id"] == rex.id)
            CHECK(u["active"] == false);
    }
    // The audit chain still verifies.
    CHECK(f.cli({ "audit", "verify" }).exit_code == 0);
}

// [SECTION] reach ------------------------------------------------------------

TEST_CASE("a teacher enrols only students the school placed in their classes; other ids answer like missing ones",
    "[api][signup_policy][reach]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("signup_reach", options);
    auto& api = f.api();
    const auto admin = f.token(f.demo.admin);
    const auto teacher = f.token(f.demo.teacher);
    auto outsider = f.signup("outsider@school.test", "Olly Outsider", "student");

    auto created = api.post("/api/classes", { { "name", "Year 8 Revision" } }, teacher);
    REQUIRE(created.status == 201);
    const auto members = "/api/classes/" + str(created.json["class_id"].get<std::int64_t>()) + "/members";
    auto missing = api.post(members, { { "student_id", 999999 } }, teacher);
    check_error(missing, 404, "Student not found");
    // Out of reach in this school, and another school's student: the same answer.
    const auto audit = f.audit_count();
    for (auto id : { outsider.id, f.other.student.id }) {
        INFO("student_id " << id);
        auto reply = api.post(members, { { "student_id", id } }, teacher);
        CHECK(reply.status == missing.status);
        CHECK(reply.json == missing.json);
        auto mastery = api.get("/api/mastery?student_id=" + str(id), teacher);
        check_error(mastery, 404, "Student not found");
        CHECK(mastery.json == api.get("/api/mastery?student_id=999999", teacher).json);
    }
    // The administrator's reach is the school, never another school.
    check_error(api.post(members, { { "student_id", f.other.student.id } }, admin), 404, "Student not found");
    CHECK(f.audit_count() == audit);

    // A student already in one of the teacher's classes (placed by the school) may be added to another.
    auto sam = api.post(members, { { "student_id", f.demo.student.id } }, teacher);
    INFO(describe(sam));
    CHECK(sam.status == 201);
    // Once the school places the outsider in a class of the teacher, they are in reach.
    REQUIRE(api.post("/api/classes/" + str(f.demo.class_id) + "/members", { { "student_id", outsider.id } }, admin).status
        == 201);
    CHECK(api.post(members, { { "student_id", outsider.id } }, teacher).status == 201);
    auto users = api.get("/api/users", teacher);
    REQUIRE(users.status == 200);
    CHECK(ids_of(users.json) == std::vector<std::int64_t> { outsider.id, f.demo.student.id });
}
