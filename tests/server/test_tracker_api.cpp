// The assignment tracker API, black box against the real server and
// PostgreSQL, exactly as ../shared/specs/assignment-tracker-api.md fixes it:
// create, list (zones, paging), submit and resubmit, submissions, grading,
// late flags, edit and soft delete.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <set>

using namespace learnloop::test;

namespace {

std::string assignment_path(std::int64_t id, const std::string& rest = {})
{
    return "/api/assignments/" + std::to_string(id) + rest;
}

std::string submission_path(std::int64_t id, const std::string& rest)
{
    return "/api/submissions/" + std::to_string(id) + rest;
}

Json assignment_body(const std::string& title, const std::string& due_date)
{
    return { { "title", title }, { "description", "Details of " + title }, { "due_date", due_date } };
}

bool is_local_datetime(const std::string& text)
{
    static const std::string shape = "dddd-dd-ddTdd:dd:dd";
    if (text.size() != shape.size())
        return false;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        bool ok = shape[i] == 'd' ? (text[i] >= '0' && text[i] <= '9') : text[i] == shape[i];
        if (!ok)
            return false;
    }
    return true;
}

const Json* find_item(const Json& list, std::int64_t id)
{
    for (const auto& item : list) {
        if (item.contains("id") && item["id"] == id)
            return &item;
    }
    return nullptr;
}

} // namespace

// [SECTION] creating -------------------------------------------------------

TEST_CASE("a teacher creates an assignment: 201 Assignment created with its id; other roles get the contract's 403",
    "[api][tracker][create]")
{
    ApiFixture f("tracker_create");
    auto& api = f.api();

    auto created = api.post("/api/assignments", assignment_body("Poetry analysis", "2026-09-30T17:00:00"),
        f.token(f.demo.teacher));
    INFO(describe(created));
    REQUIRE(created.status == 201);
    CHECK(created.json["message"] == "Assignment created");
    REQUIRE(created.json["assignment_id"].is_number_integer());
    auto id = created.json["assignment_id"].get<std::int64_t>();
    auto row = f.sql("SELECT tenant_id, teacher_id, title, description FROM assignments WHERE id = " + std::to_string(id));
    REQUIRE(row.size() == 1);
    CHECK(row[0][0].as<std::int64_t>() == f.demo.id);
    CHECK(row[0][1].as<std::int64_t>() == f.demo.teacher.id);
    CHECK(row[0][2].as<std::string>() == "Poetry analysis");
    CHECK(row[0][3].as<std::string>() == "Details of Poetry analysis");

    // A class of the teacher's own may be named.
    auto with_class = api.post("/api/assignments",
        { { "title", "Class essay" }, { "description", "" }, { "due_date", "2026-10-01T09:00:00" },
            { "class_id", f.demo.class_id } },
        f.token(f.demo.teacher));
    INFO(describe(with_class));
    CHECK(with_class.status == 201);

    auto before = f.sql_int("SELECT count(*) FROM assignments");
    for (const auto* person : { &f.demo.student, &f.demo.parent, &f.demo.admin }) {
        INFO("as " << person->role);
        check_error(api.post("/api/assignments", assignment_body("Not mine to set", "2026-09-30T17:00:00"),
                        f.token(*person)),
            403, "Unauthorized", "Only teachers can create assignments");
    }
    check_error(api.post("/api/assignments", assignment_body("Anonymous", "2026-09-30T17:00:00")), 401, "Unauthorized");
    CHECK(f.sql_int("SELECT count(*) FROM assignments") == before);
}

TEST_CASE("creating an assignment with an invalid due_date, title or body answers 400 naming the field",
    "[api][tracker][create]")
{
    ApiFixture f("tracker_create_400");
    auto& api = f.api();
    auto token = f.token(f.demo.teacher);
    auto before = f.sql_int("SELECT count(*) FROM assignments");
    auto audit = f.audit_count();

    const std::pair<const char*, Json> bad_dates[] = {
        { "February 30th", "2026-02-30T10:00:00" },
        { "February 29th in a common year", "2027-02-29T10:00:00" },
        { "month 13", "2026-13-01T10:00:00" },
        { "hour 24", "2026-05-01T24:00:00" },
        { "a space instead of T", "2026-05-01 10:00:00" },
        { "no seconds", "2026-05-01T10:00" },
        { "a zone suffix", "2026-05-01T10:00:00Z" },
        { "a date only", "2026-05-01" },
        { "day first", "01/05/2026 10:00:00" },
        { "empty", "" },
        { "a number", 1767225600 },
        { "null", nullptr },
    };
    for (const auto& [what, due] : bad_dates) {
        INFO("due_date " << what);
        auto body = assignment_body("Dated", "2026-05-01T10:00:00");
        body["due_date"] = due;
        auto reply = api.post("/api/assignments", body, token);
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == "due_date");
    }
    auto no_due = assignment_body("Undated", "2026-05-01T10:00:00");
    no_due.erase("due_date");
    auto missing = api.post("/api/assignments", no_due, token);
    check_error(missing, 400, "Invalid request");
    CHECK(missing.field() == "due_date");

    auto no_title = api.post("/api/assignments", assignment_body("   ", "2026-05-01T10:00:00"), token);
    check_error(no_title, 400, "Invalid request");
    CHECK(no_title.field() == "title");
    auto long_title = api.post("/api/assignments", assignment_body(std::string(201, 'x'), "2026-05-01T10:00:00"), token);
    check_error(long_title, 400, "Invalid request");
    CHECK(long_title.field() == "title");
    auto foreign_class = assignment_body("Somebody's class", "2026-05-01T10:00:00");
    foreign_class["class_id"] = 999999;
    check_error(api.post("/api/assignments", foreign_class, token), 400, "Invalid request");
    check_error(api.send_text("POST", "/api/assignments", "{\"title\":", "application/json", token), 400,
        "Invalid request");
    check_error(api.send_text("POST", "/api/assignments", assignment_body("Plain", "2026-05-01T10:00:00").dump(),
                    "text/plain", token),
        400, "Invalid request");

    CHECK(f.sql_int("SELECT count(*) FROM assignments") == before);
    CHECK(f.audit_count() == audit);
}

// [SECTION] listing --------------------------------------------------------

TEST_CASE("assignment lists carry the contract's fields with due dates in the tenant's zone, summer and winter",
    "[api][tracker][list][time]")
{
    ApiFixture f("tracker_list_zone");
    auto& api = f.api();
    REQUIRE(f.sql_text("SELECT time_zone FROM tenants WHERE slug = 'demo'") == "Europe/London");

    auto summer = f.create_assignment(f.demo.teacher, "Summer essay", "2026-07-01T17:00:00");
    auto winter = f.create_assignment(f.demo.teacher, "Winter essay", "2026-01-15T17:00:00");
    // Stored as the right instant: BST is UTC+1 in July, GMT is UTC in January.
    CHECK(f.sql_text("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM assignments WHERE id = "
              + std::to_string(summer))
        == "2026-07-01 16:00:00");
    CHECK(f.sql_text("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM assignments WHERE id = "
              + std::to_string(winter))
        == "2026-01-15 17:00:00");

    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent, &f.demo.admin }) {
        INFO("as " << person->role);
        auto list = api.get("/api/assignments", f.token(*person));
        INFO(describe(list));
        REQUIRE(list.status == 200);
        REQUIRE(list.json.is_array());
        CHECK(list.json.size() == 3);   // the seeded one and the two above
        for (const auto& item : list.json) {
            for (const char* key : { "id", "title", "description", "due_date", "teacher_name" })
                CHECK(item.contains(key));
            CHECK(item["id"].is_number_integer());
            CHECK(item["teacher_name"] == "Tara Teacher");
            CHECK(is_local_datetime(item["due_date"].get<std::string>()));
        }
        const Json* s = find_item(list.json, summer);
        REQUIRE(s);
        CHECK((*s)["title"] == "Summer essay");
        CHECK((*s)["description"] == "About Summer essay");
        CHECK((*s)["due_date"] == "2026-07-01T17:00:00");
        CHECK((*s)["due_at"] == "2026-07-01T16:00:00Z");
        const Json* w = find_item(list.json, winter);
        REQUIRE(w);
        CHECK((*w)["due_date"] == "2026-01-15T17:00:00");
        CHECK((*w)["due_at"] == "2026-01-15T17:00:00Z");
        // Ordered by due time.
        auto ids = ids_of(list.json);
        CHECK(std::find(ids.begin(), ids.end(), winter) < std::find(ids.begin(), ids.end(), summer));
    }

    auto one = api.get(assignment_path(summer), f.token(f.demo.student));
    INFO(describe(one));
    REQUIRE(one.status == 200);
    CHECK(one.json["due_date"] == "2026-07-01T17:00:00");
    CHECK(one.json["teacher_name"] == "Tara Teacher");
    check_error(api.get("/api/assignments"), 401, "Unauthorized");
}

TEST_CASE("assignment lists page with limit and offset, X-Total-Count and a next Link; bad paging is 400",
    "[api][tracker][list][paging]")
{
    ApiFixture f("tracker_paging");
    auto& api = f.api();
    // Five more after the seeded one (due a week from now), all due in 2030 so the order is known.
    std::vector<std::int64_t> created;
    for (int i = 1; i <= 5; ++i)
        created.push_back(f.create_assignment(f.demo.teacher, "Paged " + std::to_string(i),
            "2030-01-0" + std::to_string(i) + "T09:00:00"));
    auto token = f.token(f.demo.teacher);

    auto all = api.get("/api/assignments", token);
    REQUIRE(all.status == 200);
    CHECK(all.json.size() == 6);
    CHECK(all.header("X-Total-Count") == "6");
    CHECK(all.header("Link").empty());
    auto order = ids_of(all.json);

    auto first = api.get("/api/assignments?limit=2", token);
    INFO(describe(first));
    REQUIRE(first.status == 200);
    CHECK(ids_of(first.json) == std::vector<std::int64_t>(order.begin(), order.begin() + 2));
    CHECK(first.header("X-Total-Count") == "6");
    CHECK(first.header("Link") == "</api/assignments?limit=2&offset=2>; rel=\"next\"");

    auto middle = api.get("/api/assignments?limit=2&offset=2", token);
    REQUIRE(middle.status == 200);
    CHECK(ids_of(middle.json) == std::vector<std::int64_t>(order.begin() + 2, order.begin() + 4));
    CHECK(middle.header("Link") == "</api/assignments?limit=2&offset=4>; rel=\"next\"");

    auto last = api.get("/api/assignments?limit=2&offset=4", token);
    REQUIRE(last.status == 200);
    CHECK(ids_of(last.json) == std::vector<std::int64_t>(order.begin() + 4, order.end()));
    CHECK(last.header("X-Total-Count") == "6");
    CHECK(last.header("Link").empty());

    auto beyond = api.get("/api/assignments?limit=2&offset=50", token);
    REQUIRE(beyond.status == 200);
    CHECK(beyond.json == Json::array());
    CHECK(beyond.header("X-Total-Count") == "6");

    for (const char* query : { "limit=0", "limit=201", "limit=abc", "limit=-1", "limit=2.5", "limit=", "offset=-1",
             "offset=x", "limit=10&offset=1e3" }) {
        INFO(query);
        check_error(api.get(std::string("/api/assignments?") + query, token), 400, "Invalid request");
    }
    CHECK(api.get("/api/assignments?limit=200", token).status == 200);
}

// [SECTION] submitting -----------------------------------------------------

TEST_CASE("a student submits (201), resubmits until graded (200, same id), and is refused after grading (409)",
    "[api][tracker][submit]")
{
    ApiFixture f("tracker_submit");
    auto& api = f.api();
    auto student = f.token(f.demo.student);
    auto path = assignment_path(f.demo.assignment_id, "/submit");

    // Nothing submitted yet: no submission to see.
    check_error(api.get(assignment_path(f.demo.assignment_id, "/submission"), student), 404, "Submission not found");

    auto first = api.post(path, { { "content", "My first draft" } }, student);
    INFO(describe(first));
    REQUIRE(first.status == 201);
    CHECK(first.json["message"] == "Assignment submitted");
    REQUIRE(first.json["submission_id"].is_number_integer());
    auto id = first.json["submission_id"].get<std::int64_t>();

    auto second = api.post(path, { { "content", "My second draft" } }, student);
    INFO(describe(second));
    REQUIRE(second.status == 200);
    CHECK(second.json["message"] == "Assignment submitted");
    CHECK(second.json["submission_id"] == id);
    CHECK(f.sql_int("SELECT count(*) FROM submissions") == 1);

    auto own = api.get(assignment_path(f.demo.assignment_id, "/submission"), student);
    INFO(describe(own));
    REQUIRE(own.status == 200);
    CHECK(own.json["id"] == id);
    CHECK(own.json["content"] == "My second draft");
    CHECK(own.json["grade"].is_null());
    CHECK(own.json["feedback"].is_null());

    auto graded = api.put(submission_path(id, "/grade"), { { "grade", 70 }, { "feedback", "Solid" } },
        f.token(f.demo.teacher));
    REQUIRE(graded.status == 200);
    auto third = api.post(path, { { "content", "Sneaky edit after grading" } }, student);
    check_error(third, 409, "Submission already graded");
    CHECK(f.sql_text("SELECT content FROM submissions WHERE id = " + std::to_string(id)) == "My second draft");

    // Empty or missing content is a 400.
    auto other = f.create_assignment(f.demo.teacher, "Open task", "2030-01-01T09:00:00");
    check_error(api.post(assignment_path(other, "/submit"), { { "content", "  " } }, student), 400, "Invalid request");
    check_error(api.post(assignment_path(other, "/submit"), Json::object(), student), 400, "Invalid request");
    check_error(api.post(assignment_path(other, "/submit"), { { "content", 5 } }, student), 400, "Invalid request");
    CHECK(f.sql_int("SELECT count(*) FROM submissions") == 1);
}

TEST_CASE("concurrent first submissions by one student make one submission: one 201, the rest 200 with its id",
    "[api][tracker][submit][concurrency]")
{
    ApiFixture f("tracker_submit_race");
    auto token = f.token(f.demo.student);
    auto path = assignment_path(f.demo.assignment_id, "/submit");
    auto audit = f.audit_count();
    constexpr int k_parallel = 8;

    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < k_parallel; ++i) {
        pending.push_back(std::async(std::launch::async, [&f, token, path, i] {
            return f.api().post(path, { { "content", "Attempt " + std::to_string(i) } }, token);
        }));
    }
    int created = 0, updated = 0;
    std::set<std::int64_t> ids;
    for (auto& future : pending) {
        auto reply = future.get();
        INFO(describe(reply));
        CHECK((reply.status == 201 || reply.status == 200));
        created += reply.status == 201;
        updated += reply.status == 200;
        if (reply.json.is_object() && reply.json.contains("submission_id"))
            ids.insert(reply.json["submission_id"].get<std::int64_t>());
    }
    CHECK(created == 1);
    CHECK(updated == k_parallel - 1);
    CHECK(ids.size() == 1);
    CHECK(f.sql_int("SELECT count(*) FROM submissions") == 1);
    CHECK(f.audit_count() == audit + k_parallel);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'submission.create'") == 1);
}

TEST_CASE("submit refuses other roles with 403 and unknown, non-numeric or other classes' assignments with 404",
    "[api][tracker][submit]")
{
    ApiFixture f("tracker_submit_refused");
    auto& api = f.api();
    auto path = assignment_path(f.demo.assignment_id, "/submit");

    for (const auto* person : { &f.demo.teacher, &f.demo.parent, &f.demo.admin }) {
        INFO("as " << person->role);
        check_error(api.post(path, { { "content", "Not a student" } }, f.token(*person)), 403, "Unauthorized",
            "Only students can submit assignments");
    }
    auto student = f.token(f.demo.student);
    check_error(api.post("/api/assignments/999999/submit", { { "content", "Lost" } }, student), 404,
        "Assignment not found");
    for (const char* bad : { "/api/assignments/abc/submit", "/api/assignments/-1/submit", "/api/assignments/0/submit",
             "/api/assignments/1.5/submit", "/api/assignments/99999999999999999999999/submit" }) {
        INFO(bad);
        auto reply = api.post(bad, { { "content", "Lost" } }, student);
        INFO(describe(reply));
        CHECK(reply.status == 404);
    }

    // A student who is not in the class: the class assignment does not exist for them.
    auto outsider = f.signup("outsider@demo.learnloop.test", "Oscar Outsider", "student");
    auto outsider_token = f.token(outsider);
    check_error(api.post(path, { { "content", "Let me in" } }, outsider_token), 404, "Assignment not found");
    auto list = api.get("/api/assignments", outsider_token);
    REQUIRE(list.status == 200);
    CHECK_FALSE(contains_id(list.json, f.demo.assignment_id));
    check_error(api.get(assignment_path(f.demo.assignment_id), outsider_token), 404, "Assignment not found");
    // An assignment with no class is open to every student of the tenant.
    auto open = f.create_assignment(f.demo.teacher, "Open to all", "2030-01-01T09:00:00");
    auto open_submit = api.post(assignment_path(open, "/submit"), { { "content", "Me too" } }, outsider_token);
    INFO(describe(open_submit));
    CHECK(open_submit.status == 201);
    CHECK(f.sql_int("SELECT count(*) FROM submissions") == 1);
}

// [SECTION] submissions and grading ----------------------------------------

TEST_CASE("the owning teacher lists submissions with the contract's fields; others are refused",
    "[api][tracker][submissions]")
{
    ApiFixture f("tracker_submissions");
    auto& api = f.api();
    auto submission = f.submit(f.demo.student, f.demo.assignment_id, "Dear head teacher,\nplease...");
    auto path = assignment_path(f.demo.assignment_id, "/submissions");

    auto list = api.get(path, f.token(f.demo.teacher));
    INFO(describe(list));
    REQUIRE(list.status == 200);
    REQUIRE(list.json.is_array());
    REQUIRE(list.json.size() == 1);
    const auto& item = list.json[0];
    CHECK(item["id"] == submission);
    CHECK(item["student_id"] == f.demo.student.id);
    CHECK(item["student_name"] == "Sam Student");
    CHECK(item["content"] == "Dear head teacher,\nplease...");
    REQUIRE(item["submitted_at"].is_string());
    CHECK(is_local_datetime(item["submitted_at"].get<std::string>()));
    REQUIRE(item.contains("grade"));
    CHECK(item["grade"].is_null());
    REQUIRE(item.contains("feedback"));
    CHECK(item["feedback"].is_null());
    CHECK(list.header("X-Total-Count") == "1");

    // The total stays right when the page is past the end.
    auto beyond = api.get(path + "?offset=5", f.token(f.demo.teacher));
    INFO(describe(beyond));
    REQUIRE(beyond.status == 200);
    CHECK(beyond.json == Json::array());
    CHECK(beyond.header("X-Total-Count") == "1");

    auto other_teacher = f.signup("second-teacher@demo.learnloop.test", "Tom Second", "teacher");
    check_error(api.get(path, f.token(other_teacher)), 403, "Forbidden", "You do not own this assignment");
    for (const auto* person : { &f.demo.student, &f.demo.parent }) {
        INFO("as " << person->role);
        check_error(api.get(path, f.token(*person)), 403, "Unauthorized", "Only teachers can view submissions");
    }
    check_error(api.get("/api/assignments/999999/submissions", f.token(f.demo.teacher)), 404, "Assignment not found");
    CHECK(api.get("/api/assignments/abc/submissions", f.token(f.demo.teacher)).status == 404);
}

TEST_CASE("a parent lists one linked child's assignments with that child's status, grade and feedback",
    "[api][tracker][parent]")
{
    ApiFixture f("tracker_parent_children");
    auto& api = f.api();
    auto& D = f.demo;
    const auto teacher = f.token(D.teacher);
    // A second child, in another class, linked to the same parent.
    auto other_class = api.post("/api/classes", { { "name", "Year 7 English" } }, teacher);
    REQUIRE(other_class.status == 201);
    auto class2 = other_class.json["class_id"].get<std::int64_t>();
    auto kit = f.signup("kit@demo.learnloop.test", "Kit Second-Child", "student");
    REQUIRE(api.post("/api/classes/" + std::to_string(class2) + "/members", { { "student_id", kit.id } }, f.token(D.admin))
                .status
        == 201);
    REQUIRE(api.post("/api/parent-links", { { "parent_id", D.parent.id }, { "student_id", kit.id } }, f.token(D.admin)).status
        == 201);
    auto kits_work = f.create_assignment(D.teacher, "Year 7 poem", "2030-06-01T09:00:00", class2);
    // Sam's work, graded.
    auto submission = f.submit(D.student, D.assignment_id, "Sam's letter");
    REQUIRE(api.put("/api/submissions/" + std::to_string(submission) + "/grade", { { "grade", 72 }, { "feedback", "Good start" } },
                teacher)
                .status
        == 200);

    const auto parent = f.token(D.parent);
    auto ids = [](const Json& list) {
        std::set<std::int64_t> out;
        for (const auto& a : list)
            out.insert(a["id"].get<std::int64_t>());
        return out;
    };
    auto sams = api.get("/api/assignments?student_id=" + std::to_string(D.student.id), parent);
    INFO(describe(sams));
    REQUIRE(sams.status == 200);
    CHECK(ids(sams.json).count(D.assignment_id) == 1);
    CHECK(ids(sams.json).count(kits_work) == 0);
    for (const auto& a : sams.json)
        if (a["id"] == D.assignment_id) {
            CHECK(a["status"] == "graded");
            CHECK(a["grade"] == 72);
            CHECK(a["feedback"] == "Good start");
            CHECK(a["submission_id"] == submission);
        }
    auto kits = api.get("/api/assignments?student_id=" + std::to_string(kit.id), parent);
    REQUIRE(kits.status == 200);
    CHECK(ids(kits.json).count(kits_work) == 1);
    CHECK(ids(kits.json).count(D.assignment_id) == 0);
    for (const auto& a : kits.json) {
        CHECK(a["status"] != "graded");
        CHECK(a["grade"].is_null());
        CHECK(a["feedback"].is_null());
    }
    // Without a child: the union, as before (the contract's view).
    auto both = api.get("/api/assignments", parent);
    CHECK(ids(both.json).count(kits_work) == 1);
    CHECK(ids(both.json).count(D.assignment_id) == 1);
    // Not a linked child, not a number, or not a parent asking.
    auto outsider = f.signup("outsider@demo.learnloop.test", "Olly Outsider", "student");
    check_error(api.get("/api/assignments?student_id=" + std::to_string(outsider.id), parent), 404, "Student not found");
    check_error(api.get("/api/assignments?student_id=abc", parent), 404, "Student not found");
    auto refused = api.get("/api/assignments?student_id=" + std::to_string(D.student.id), teacher);
    check_error(refused, 400, "Invalid request");
    CHECK(refused.field() == "student_id");
}

TEST_CASE("grading: the owner grades (200), the student and the linked parent see it, others are refused",
    "[api][tracker][grade]")
{
    ApiFixture f("tracker_grade");
    auto& api = f.api();
    auto submission = f.submit(f.demo.student, f.demo.assignment_id, "My letter");
    auto grade_path = submission_path(submission, "/grade");
    auto teacher = f.token(f.demo.teacher);

    auto graded = api.put(grade_path, { { "grade", 85.5 }, { "feedback", "Strong opening" } }, teacher);
    INFO(describe(graded));
    REQUIRE(graded.status == 200);
    CHECK(graded.json["message"] == "Submission graded successfully");

    auto own = api.get(assignment_path(f.demo.assignment_id, "/submission"), f.token(f.demo.student));
    INFO(describe(own));
    REQUIRE(own.status == 200);
    CHECK(own.json["id"] == submission);
    CHECK(own.json["grade"] == 85.5);
    CHECK(own.json["feedback"] == "Strong opening");

    auto parent = f.token(f.demo.parent);
    auto childs = api.get(assignment_path(f.demo.assignment_id, "/submission?student_id=" + std::to_string(f.demo.student.id)),
        parent);
    INFO(describe(childs));
    REQUIRE(childs.status == 200);
    CHECK(childs.json["grade"] == 85.5);
    CHECK(childs.json["feedback"] == "Strong opening");
    CHECK(childs.json["student_name"] == "Sam Student");
    // Not a linked child, or no child named: nothing to see.
    auto outsider = f.signup("outsider@demo.learnloop.test", "Oscar Outsider", "student");
    CHECK(api.get(assignment_path(f.demo.assignment_id, "/submission?student_id=" + std::to_string(outsider.id)), parent)
              .status
        == 404);
    check_error(api.get(assignment_path(f.demo.assignment_id, "/submission"), parent), 400, "Invalid request");
    // Staff by the matrix's SubmissionRead scope: the owning teacher and an
    // administrator name the student; another teacher sees nothing; a
    // moderator is refused.
    const auto one_path = assignment_path(f.demo.assignment_id, "/submission?student_id=" + std::to_string(f.demo.student.id));
    CHECK(api.get(one_path, teacher).json == own.json);
    CHECK(api.get(one_path, f.token(f.demo.admin)).json == own.json);
    check_error(api.get(assignment_path(f.demo.assignment_id, "/submission"), f.token(f.demo.admin)), 400,
        "Invalid request");
    auto third_teacher = f.signup("third-teacher@demo.learnloop.test", "Tia Third", "teacher");
    check_error(api.get(one_path, f.token(third_teacher)), 404, "Assignment not found");
    check_error(api.get(one_path, f.token(f.demo.moderator)), 403, "Unauthorized", "Your role cannot see this submission");

    auto listed = api.get(assignment_path(f.demo.assignment_id, "/submissions"), teacher);
    REQUIRE(listed.status == 200);
    REQUIRE(listed.json.size() == 1);
    CHECK(listed.json[0]["grade"] == 85.5);
    CHECK(listed.json[0]["feedback"] == "Strong opening");

    auto other_teacher = f.signup("second-teacher@demo.learnloop.test", "Tom Second", "teacher");
    check_error(api.put(grade_path, { { "grade", 10 }, { "feedback", "Mine now" } }, f.token(other_teacher)), 403,
        "Forbidden", "You do not own the assignment for this submission");
    for (const auto* person : { &f.demo.student, &f.demo.parent, &f.demo.admin }) {
        INFO("as " << person->role);
        check_error(api.put(grade_path, { { "grade", 100 }, { "feedback", "Self-graded" } }, f.token(*person)), 403,
            "Unauthorized", "Only teachers can grade submissions");
    }
    check_error(api.put("/api/submissions/999999/grade", { { "grade", 50 }, { "feedback", "?" } }, teacher), 404,
        "Submission not found");
    CHECK(api.put("/api/submissions/abc/grade", { { "grade", 50 }, { "feedback", "?" } }, teacher).status == 404);

    const std::pair<const char*, Json> bad_grades[] = {
        { "above 1000", { { "grade", 1000.5 }, { "feedback", "x" } } },
        { "negative", { { "grade", -1 }, { "feedback", "x" } } },
        { "a string", { { "grade", "A" }, { "feedback", "x" } } },
        { "a numeric string", { { "grade", "90" }, { "feedback", "x" } } },
        { "null", { { "grade", nullptr }, { "feedback", "x" } } },
        { "missing", { { "feedback", "x" } } },
        { "three decimals", { { "grade", 85.555 }, { "feedback", "x" } } },
        { "feedback a number", { { "grade", 50 }, { "feedback", 5 } } },
    };
    for (const auto& [what, body] : bad_grades) {
        INFO("grade " << what);
        check_error(api.put(grade_path, body, teacher), 400, "Invalid request");
    }
    // None of the refusals changed the grade.
    CHECK(f.sql_text("SELECT grade::text || '/' || feedback FROM submissions WHERE id = " + std::to_string(submission))
        == "85.50/Strong opening");

    // Regrading keeps a history of both grades, oldest first.
    auto regraded = api.put(grade_path, { { "grade", 90 }, { "feedback", "Improved after review" } }, teacher);
    REQUIRE(regraded.status == 200);
    auto history = api.get(submission_path(submission, "/history"), teacher);
    INFO(describe(history));
    REQUIRE(history.status == 200);
    REQUIRE(history.json.size() == 2);
    CHECK(history.json[0]["grade"] == 85.5);
    CHECK(history.json[0]["feedback"] == "Strong opening");
    CHECK(history.json[1]["grade"] == 90);
    CHECK(history.json[1]["feedback"] == "Improved after review");
    CHECK(history.json[1]["graded_by"] == "Tara Teacher");
    CHECK(api.get(assignment_path(f.demo.assignment_id, "/submission"), f.token(f.demo.student)).json["grade"] == 90);
    check_error(api.get(submission_path(submission, "/history"), f.token(other_teacher)), 403, "Forbidden");
    check_error(api.get("/api/submissions/999999/history", teacher), 404, "Submission not found");
    check_error(api.get(submission_path(submission, "/history"), f.token(f.demo.student)), 403, "Unauthorized",
        "Only teachers can view submissions");
    // Paged like every list.
    auto first_page = api.get(submission_path(submission, "/history?limit=1"), teacher);
    REQUIRE(first_page.status == 200);
    REQUIRE(first_page.json.size() == 1);
    CHECK(first_page.json[0] == history.json[0]);
    CHECK(first_page.header("X-Total-Count") == "2");
    CHECK(first_page.header("Link") == "</api/submissions/" + std::to_string(submission) + "/history?limit=1&offset=1>; rel=\"next\"");
    auto second_page = api.get(submission_path(submission, "/history?limit=1&offset=1"), teacher);
    REQUIRE(second_page.json.size() == 1);
    CHECK(second_page.json[0] == history.json[1]);
    check_error(api.get(submission_path(submission, "/history?limit=0"), teacher), 400, "Invalid request");
}

TEST_CASE("SQL and script text in fields is stored and returned as text, as JSON, and runs nowhere",
    "[api][tracker][hostile]")
{
    ApiFixture f("tracker_hostile_text");
    auto& api = f.api();
    const auto teacher = f.token(f.demo.teacher);
    const std::string title = "Robert'); DROP TABLE assignments; --";
    const std::string description = "<script>alert('x')</script> \" OR 1=1 -- \\ $1 %s {{7*7}} ${7*7}";
    const std::string content = "'; UPDATE submissions SET grade = 100; -- <img src=x onerror=alert(1)>";
    auto created = api.post("/api/assignments",
        { { "title", title }, { "description", description }, { "due_date", "2030-05-01T09:00:00" },
            { "class_id", f.demo.class_id } },
        teacher);
    INFO(describe(created));
    REQUIRE(created.status == 201);
    auto id = created.json["assignment_id"].get<std::int64_t>();
    auto submitted = api.post(assignment_path(id, "/submit"), { { "content", content } }, f.token(f.demo.student));
    REQUIRE(submitted.status == 201);

    // Read back exactly, as JSON (never HTML), through every view.
    auto one = api.get(assignment_path(id, ""), teacher);
    REQUIRE(one.status == 200);
    CHECK(one.header("Content-Type").rfind("application/json", 0) == 0);
    CHECK(one.json["title"] == title);
    CHECK(one.json["description"] == description);
    bool listed = false;
    for (const auto& item : api.get("/api/assignments?limit=200", teacher).json)
        listed = listed || (item["id"] == id && item["title"] == title && item["description"] == description);
    CHECK(listed);
    auto submissions = api.get(assignment_path(id, "/submissions"), teacher);
    REQUIRE(submissions.json.size() == 1);
    CHECK(submissions.json[0]["content"] == content);
    CHECK(submissions.json[0]["grade"].is_null());
    // In the gradebook CSV a title is one cell, and one a spreadsheet would
    // take for a formula is written as text.
    auto formula = api.post("/api/assignments",
        { { "title", "=HYPERLINK(\"http://evil.test\",\"x\")" }, { "due_date", "2030-05-02T09:00:00" },
            { "class_id", f.demo.class_id } },
        teacher);
    REQUIRE(formula.status == 201);
    auto csv = api.get("/api/classes/" + std::to_string(f.demo.class_id) + "/gradebook.csv", teacher);
    REQUIRE(csv.status == 200);
    auto header = csv.body.substr(0, csv.body.find("\r\n"));
    CHECK(header.find("," + title + ",") != std::string::npos);
    CHECK(header.find(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"") != std::string::npos);
    // Nothing ran: the tables and the other rows are as they were.
    CHECK(f.sql_int("SELECT count(*) FROM assignments WHERE id = " + std::to_string(f.demo.assignment_id)) == 1);
    CHECK(f.sql_int("SELECT count(*) FROM submissions WHERE grade IS NOT NULL") == 0);
    CHECK(f.sql_text("SELECT title FROM assignments WHERE id = " + std::to_string(id)) == title);
}

TEST_CASE("a submission after the due time is flagged late, one before it is not", "[api][tracker][late]")
{
    ApiFixture f("tracker_late");
    auto& api = f.api();
    auto past = f.create_assignment(f.demo.teacher, "Long overdue", "2020-01-01T09:00:00");
    auto future = f.create_assignment(f.demo.teacher, "Far off", "2099-01-01T09:00:00");
    auto student = f.token(f.demo.student);

    auto late = api.post(assignment_path(past, "/submit"), { { "content", "Sorry it's late" } }, student);
    INFO(describe(late));
    REQUIRE(late.status == 201);
    CHECK(late.json["late"] == true);
    auto on_time = api.post(assignment_path(future, "/submit"), { { "content", "Early bird" } }, student);
    INFO(describe(on_time));
    REQUIRE(on_time.status == 201);
    CHECK(on_time.json["late"] == false);

    auto late_list = api.get(assignment_path(past, "/submissions"), f.token(f.demo.teacher));
    REQUIRE(late_list.status == 200);
    REQUIRE(late_list.json.size() == 1);
    CHECK(late_list.json[0]["late"] == true);
    CHECK(api.get(assignment_path(past, "/submission"), student).json["late"] == true);
    CHECK(api.get(assignment_path(future, "/submission"), student).json["late"] == false);

    // Moving the due date into the past makes a resubmission late.
    auto moved = api.put(assignment_path(future), { { "due_date", "2021-06-01T09:00:00" } }, f.token(f.demo.teacher));
    REQUIRE(moved.status == 200);
    auto resubmitted = api.post(assignment_path(future, "/submit"), { { "content", "Second go" } }, student);
    INFO(describe(resubmitted));
    REQUIRE(resubmitted.status == 200);
    CHECK(resubmitted.json["late"] == true);
}

// [SECTION] edit and delete ------------------------------------------------

TEST_CASE("the owner edits and soft-deletes an assignment; others are refused; deleted assignments are gone",
    "[api][tracker][edit][delete]")
{
    ApiFixture f("tracker_edit_delete");
    auto& api = f.api();
    auto teacher = f.token(f.demo.teacher);
    auto id = f.create_assignment(f.demo.teacher, "Draft title", "2026-09-30T17:00:00", f.demo.class_id);
    auto submission = f.submit(f.demo.student, id, "Work for the soon-deleted assignment");
    auto other_teacher = f.signup("second-teacher@demo.learnloop.test", "Tom Second", "teacher");

    // Edit: any subset of the fields.
    auto edited = api.put(assignment_path(id), { { "title", "Final title" }, { "due_date", "2026-12-01T12:00:00" } },
        teacher);
    INFO(describe(edited));
    REQUIRE(edited.status == 200);
    auto after = api.get(assignment_path(id), teacher);
    REQUIRE(after.status == 200);
    CHECK(after.json["title"] == "Final title");
    CHECK(after.json["description"] == "About Draft title");
    CHECK(after.json["due_date"] == "2026-12-01T12:00:00");
    CHECK(after.json["due_at"] == "2026-12-01T12:00:00Z");

    check_error(api.put(assignment_path(id), { { "title", "Hijacked" } }, f.token(other_teacher)), 403, "Forbidden",
        "You do not own this assignment");
    for (const auto* person : { &f.demo.student, &f.demo.parent, &f.demo.admin }) {
        INFO("as " << person->role);
        check_error(api.put(assignment_path(id), { { "title", "Hijacked" } }, f.token(*person)), 403, "Unauthorized");
        check_error(api.del(assignment_path(id), f.token(*person)), 403, "Unauthorized");
    }
    auto bad_date = api.put(assignment_path(id), { { "due_date", "2026-02-30T10:00:00" } }, teacher);
    check_error(bad_date, 400, "Invalid request");
    CHECK(bad_date.field() == "due_date");
    check_error(api.put(assignment_path(id), { { "title", "" } }, teacher), 400, "Invalid request");
    check_error(api.put("/api/assignments/999999", { { "title", "Nothing" } }, teacher), 404, "Assignment not found");
    CHECK(f.sql_text("SELECT title FROM assignments WHERE id = " + std::to_string(id)) == "Final title");

    // Delete: others first, then the owner.
    check_error(api.del(assignment_path(id), f.token(other_teacher)), 403, "Forbidden", "You do not own this assignment");
    auto deleted = api.del(assignment_path(id), teacher);
    INFO(describe(deleted));
    REQUIRE(deleted.status == 200);
    CHECK(f.sql_int("SELECT count(*) FROM assignments WHERE deleted_at IS NOT NULL AND id = " + std::to_string(id)) == 1);

    for (const auto* person : { &f.demo.teacher, &f.demo.student, &f.demo.parent, &f.demo.admin }) {
        INFO("list as " << person->role);
        auto list = api.get("/api/assignments", f.token(*person));
        REQUIRE(list.status == 200);
        CHECK_FALSE(contains_id(list.json, id));
        CHECK(contains_id(list.json, f.demo.assignment_id));
        check_error(api.get(assignment_path(id), f.token(*person)), 404, "Assignment not found");
    }
    check_error(api.del(assignment_path(id), teacher), 404, "Assignment not found");
    check_error(api.put(assignment_path(id), { { "title", "Back?" } }, teacher), 404, "Assignment not found");
    check_error(api.post(assignment_path(id, "/submit"), { { "content", "Too late" } }, f.token(f.demo.student)), 404,
        "Assignment not found");
    check_error(api.get(assignment_path(id, "/submissions"), teacher), 404, "Assignment not found");
    check_error(api.get(assignment_path(id, "/submission"), f.token(f.demo.student)), 404, "Assignment not found");
    check_error(api.put(submission_path(submission, "/grade"), { { "grade", 50 }, { "feedback", "?" } }, teacher), 404,
        "Submission not found");
    // The grade history of a deleted assignment's submission is gone with it, as grading is.
    check_error(api.get(submission_path(submission, "/history"), teacher), 404, "Submission not found");
}
