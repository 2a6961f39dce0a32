// An academy's rubric-marked assignments through the API against the real
// server and PostgreSQL: the tracker's assignments set for a course, out of
// points, with a rubric checked by the shared rules; marks per criterion with
// adjustments and their reasons; the course's students (and their parents)
// alone see the work; a rubric stays as it is once work is marked.
#include "api_client.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// An essay out of 20: argument 10, evidence 6, style 4, and 2 bonus points.
Json essay_rubric()
{
    auto level = [](int points, const char* descriptor) { return Json { { "points", points }, { "descriptor", descriptor } }; };
    return { { "criteria",
        {
            { { "name", "Argument" }, { "description", "A clear claim, developed" }, { "max_points", 10 },
                { "levels", { level(6, "Clear"), level(10, "Compelling"), level(0, "Missing") } } },
            { { "name", "Evidence" }, { "max_points", 6 }, { "levels", { level(6, "Apt and cited"), level(3, "Some"), level(0, "None") } } },
            { { "name", "Style" }, { "max_points", 4 }, { "levels", { level(4, "Fluent"), level(2, "Uneven") } } },
            { { "name", "Beyond the brief" }, { "max_points", 2 }, { "bonus", true },
                { "levels", { level(2, "Yes"), level(0, "No") } } },
        } } };
}

Json mark(int level) { return { { "level", level }, { "adjustment", nullptr } }; }

} // namespace

TEST_CASE("an instructor sets course work marked by a rubric; marks give the grade with bonus and reasons",
    "[api][academy][rubric]")
{
    ApiFixture f("academy_rubric", { .other_tenant = true });
    auto& D = f.demo;
    f.sql("UPDATE tenants SET kind = 'academy' WHERE id = " + str(D.id));
    auto& api = f.api();
    auto stranger = f.create_user(D.slug, "outsider@academy.test", "Outsider Student", "student");
    auto second = f.create_user(D.slug, "second@academy.test", "Second Instructor", "teacher");

    const auto course_id = create_course(api, f.token(D.teacher), "GRE Writing", { D.student.id });
    const auto other_course = create_course(api, f.token(second), "Not yours", {});

    Json body = { { "title", "Issue essay" }, { "description", "Argue for or against the claim." },
        { "due_date", "2030-01-10T17:00:00" }, { "course_id", course_id }, { "max_points", 20 },
        { "rubric", essay_rubric() } };

    SECTION("bad rubrics and groups are refused with the part named, and nothing is written")
    {
        const auto audits = f.audit_count();
        const auto assignments = f.sql_int("SELECT count(*) FROM assignments");
        auto wrong_sum = body;
        wrong_sum["max_points"] = 25;
        auto reply = api.post("/api/assignments", wrong_sum, f.token(D.teacher));
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == "rubric.criteria");
        CHECK(reply.details().find("add up to 20 points but the assignment is out of 25") != std::string::npos);
        auto fractional = body;
        fractional["rubric"]["criteria"][0]["levels"][0]["points"] = 6.5;
        CHECK(api.post("/api/assignments", fractional, f.token(D.teacher)).field()
            == "rubric.criteria[0].levels[0].points");
        auto no_points = body;
        no_points.erase("max_points");
        CHECK(api.post("/api/assignments", no_points, f.token(D.teacher)).field() == "max_points");
        auto both = body;
        both["class_id"] = D.class_id;
        CHECK(api.post("/api/assignments", both, f.token(D.teacher)).field() == "course_id");
        auto theirs = body;
        theirs["course_id"] = other_course;
        CHECK(api.post("/api/assignments", theirs, f.token(D.teacher)).field() == "course_id");
        auto hostile = body;
        hostile["rubric"]["criteria"][1]["name"] = "Argument";
        CHECK(api.post("/api/assignments", hostile, f.token(D.teacher)).field() == "rubric.criteria[1].name");
        CHECK(f.audit_count() == audits);
        CHECK(f.sql_int("SELECT count(*) FROM assignments") == assignments);
    }

    auto created = api.post("/api/assignments", body, f.token(D.teacher));
    INFO(describe(created));
    REQUIRE(created.status == 201);
    const auto id = created.json["assignment_id"].get<std::int64_t>();
    auto got = api.get("/api/assignments/" + str(id), f.token(D.teacher));
    REQUIRE(got.status == 200);
    CHECK(got.json["course_id"] == course_id);
    CHECK(got.json["max_points"] == 20);
    CHECK(got.json["rubric"]["criteria"][0]["levels"][0]["points"] == 10);   // highest first
    CHECK(got.json["rubric"]["criteria"][3]["bonus"] == true);

    SECTION("only the course's students and their parents see the work")
    {
        auto mine = api.get("/api/assignments?course_id=" + str(course_id), f.token(D.student));
        REQUIRE(mine.status == 200);
        CHECK(contains_id(mine.json, id));
        CHECK(mine.json[0]["rubric"]["criteria"].size() == 4);
        CHECK_FALSE(contains_id(api.get("/api/assignments?limit=200", f.token(stranger)).json, id));
        check_error(api.post("/api/assignments/" + str(id) + "/submit", { { "content", "Mine" } }, f.token(stranger)), 404,
            "Assignment not found");
        CHECK(contains_id(api.get("/api/assignments?student_id=" + str(D.student.id), f.token(D.parent)).json, id));
        CHECK_FALSE(contains_id(api.get("/api/assignments?limit=200", f.token(f.other.student)).json, id));
        check_error(api.get("/api/assignments/" + str(id), f.token(f.other.teacher)), 404, "Assignment not found");
        // A deleted course takes its work out of its students' lists.
        REQUIRE(api.del("/api/academy/courses/" + str(course_id), f.token(D.teacher)).status == 200);
        CHECK_FALSE(contains_id(api.get("/api/assignments?limit=200", f.token(D.student)).json, id));
    }

    SECTION("marks give the grade; every criterion is marked; adjustments need a reason; the rubric then stays")
    {
        auto submitted = api.post("/api/assignments/" + str(id) + "/submit", { { "content", "Claims need evidence." } },
            f.token(D.student));
        REQUIRE(submitted.status == 201);
        const auto submission = submitted.json["submission_id"].get<std::int64_t>();
        const auto path = "/api/submissions/" + str(submission) + "/grade";
        const auto audits = f.audit_count();

        auto reply = api.put(path, { { "grade", 17 } }, f.token(D.teacher));
        check_error(reply, 400, "Invalid request", "This assignment is marked with its rubric: send marks, not a grade");
        reply = api.put(path, { { "marks", { mark(1), mark(0) } } }, f.token(D.teacher));
        CHECK(reply.field() == "marks");
        reply = api.put(path, { { "marks", { mark(1), mark(0), nullptr, mark(0) } } }, f.token(D.teacher));
        CHECK(reply.status == 400);
        reply = api.put(path, { { "marks", { mark(1), mark(0), { { "level", nullptr } }, mark(0) } } }, f.token(D.teacher));
        check_error(reply, 400, "Invalid request", "Mark every criterion before saving: 1 is not marked yet");
        Json adjusted = { { "level", 1 }, { "adjustment", { { "points", 3 }, { "reason", "" } } } };
        reply = api.put(path, { { "marks", { mark(1), mark(0), adjusted, mark(0) } } }, f.token(D.teacher));
        CHECK(reply.field() == "marks[2].adjustment.reason");
        adjusted["adjustment"]["points"] = 5;
        adjusted["adjustment"]["reason"] = "Generous";
        reply = api.put(path, { { "marks", { mark(1), mark(0), adjusted, mark(0) } } }, f.token(D.teacher));
        CHECK(reply.field() == "marks[2].adjustment.points");
        check_error(api.put(path, { { "marks", { mark(0), mark(0), mark(0), mark(0) } } }, f.token(second)), 403,
            "Forbidden");
        CHECK(f.audit_count() == audits);
        CHECK(f.sql_int("SELECT count(*) FROM grade_history WHERE submission_id = " + str(submission)) == 0);

        // Clear (6) + Apt (6) + Uneven adjusted to 3 with a reason + bonus 2: 15 of 20 and 2 bonus.
        adjusted["adjustment"] = { { "points", 3 }, { "reason", "Uneven in the draft, fixed in the final copy" } };
        Json marks = { mark(1), mark(0), adjusted, mark(0) };
        reply = api.put(path, { { "marks", marks }, { "feedback", "A strong claim; cite the second source." } },
            f.token(D.teacher));
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        CHECK(f.last_audit_action() == "submission.grade");
        CHECK(f.sql_text("SELECT after->'rubric_marks'->2->'adjustment'->>'reason' FROM audit_log ORDER BY id DESC LIMIT 1")
            == "Uneven in the draft, fixed in the final copy");

        auto seen = api.get("/api/assignments/" + str(id) + "/submission", f.token(D.student));
        REQUIRE(seen.status == 200);
        CHECK(seen.json["grade"] == 17.0);
        CHECK(seen.json["rubric_marks"] == marks);
        auto listed = api.get("/api/assignments?course_id=" + str(course_id), f.token(D.student));
        CHECK(listed.json[0]["status"] == "graded");
        CHECK(listed.json[0]["rubric_marks"] == marks);
        auto history = api.get("/api/submissions/" + str(submission) + "/history", f.token(D.teacher));
        REQUIRE(history.status == 200);
        CHECK(history.json[0]["rubric_marks"] == marks);

        // Marked work fixes the points and the rubric; the title may still change.
        auto changed = essay_rubric();
        changed["criteria"][0]["levels"][0]["points"] = 5;
        check_error(api.put("/api/assignments/" + str(id), { { "rubric", changed } }, f.token(D.teacher)), 409,
            "Work has been marked");
        changed["criteria"][3]["bonus"] = false;   // now out of 22
        check_error(api.put("/api/assignments/" + str(id), { { "max_points", 22 }, { "rubric", changed } },
                        f.token(D.teacher)),
            409, "Work has been marked");
        CHECK(api.put("/api/assignments/" + str(id), { { "title", "Issue essay (final)" } }, f.token(D.teacher)).status
            == 200);
        CHECK(api.get("/api/assignments/" + str(id), f.token(D.teacher)).json["rubric"] == got.json["rubric"]);
    }

    SECTION("work out of points without a rubric: a grade up to the points, never marks")
    {
        auto plain = api.post("/api/assignments",
            { { "title", "Vocabulary log" }, { "due_date", "2030-01-12T17:00:00" }, { "course_id", course_id },
                { "max_points", 10 } },
            f.token(D.teacher));
        REQUIRE(plain.status == 201);
        auto submitted = api.post("/api/assignments/" + str(plain.json["assignment_id"].get<std::int64_t>()) + "/submit",
            { { "content", "Twenty words" } }, f.token(D.student));
        REQUIRE(submitted.status == 201);
        const auto path = "/api/submissions/" + str(submitted.json["submission_id"].get<std::int64_t>()) + "/grade";
        check_error(api.put(path, { { "grade", 11 } }, f.token(D.teacher)), 400, "Invalid request",
            "grade can be at most 10, the assignment's points");
        check_error(api.put(path, { { "marks", { mark(0) } } }, f.token(D.teacher)), 400, "Invalid request",
            "This assignment has no rubric: send a grade");
        CHECK(api.put(path, { { "grade", 9.5 } }, f.token(D.teacher)).status == 200);
    }
}
