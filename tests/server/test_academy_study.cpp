// An academy student's skills, weak spots, study plan and exam goal, and the
// summary a parent reads, through the API against the real server and
// PostgreSQL: quiz answers become the mastery engine's estimates per skill,
// the plan follows the goal, and only the student's own people reach them.
#include "api_client.hpp"
#include "test_support.hpp"

#include "core/calendar.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <map>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// `day` ("2026-12-07") moved by `days`.
std::string day_after(const std::string& day, int days)
{
    auto at = learnloop::read_local_day(day);
    REQUIRE(at);
    return learnloop::local_day_text(
        learnloop::from_unix_seconds((learnloop::days_from_civil(at->year, at->month, at->day) + days) * 86400));
}

} // namespace

TEST_CASE("quiz answers become skill estimates, weak spots and a study plan; parents read a summary",
    "[api][academy][study]")
{
    ApiFixture f("academy_study", { .other_tenant = true });
    auto& D = f.demo;
    f.sql("UPDATE tenants SET kind = 'academy' WHERE id = " + str(f.demo.id));
    REQUIRE(f.cli({ "seed", "bank" }).exit_code == 0);
    auto& api = f.api();

    // No answers yet: no skills, and the plan asks for a quiz first.
    auto empty = api.get("/api/academy/study", f.token(D.student));
    INFO(describe(empty));
    REQUIRE(empty.status == 200);
    CHECK(empty.json["skills"] == Json::array());
    CHECK(empty.json["goal"].is_null());
    CHECK(empty.json["plan"]["summary"] == "Take a quiz first: the plan is made from quiz answers.");
    const auto today = empty.json["today"].get<std::string>();

    // A skill with three single-choice questions: the student gets them all wrong.
    auto bank = api.get("/api/academy/bank?kind=single_choice&limit=200", f.token(D.teacher));
    REQUIRE(bank.status == 200);
    std::map<std::string, std::vector<std::string>> by_skill;
    for (const auto& q : bank.json)
        if (!q["skill"].get<std::string>().empty())
            by_skill[q["skill"].get<std::string>()].push_back(q["code"].get<std::string>());
    std::string weak_skill;
    for (const auto& [skill, codes] : by_skill)
        if (codes.size() >= 3 && weak_skill.empty())
            weak_skill = skill;
    REQUIRE_FALSE(weak_skill.empty());
    std::vector<std::string> fixed(by_skill[weak_skill].begin(), by_skill[weak_skill].begin() + 3);

    const auto course_id = create_course(api, f.token(D.teacher), "Quant", { D.student.id });
    auto quiz = api.post("/api/academy/courses/" + str(course_id) + "/quizzes",
        { { "title", "Drill" }, { "mode", "practice" }, { "fixed", fixed }, { "shuffle", false } }, f.token(D.teacher));
    REQUIRE(quiz.status == 201);
    auto attempt = api.post("/api/academy/quizzes/" + str(quiz.json["id"].get<std::int64_t>()) + "/attempts",
        Json::object(), f.token(D.student));
    REQUIRE(attempt.status == 201);
    const auto attempt_id = attempt.json["id"].get<std::int64_t>();
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& task = attempt.json["questions"][i]["task"];
        const int wrong = (right_option(task) + 1) % static_cast<int>(task["options"].size());
        auto answered = api.put("/api/academy/attempts/" + str(attempt_id) + "/answers/" + str(i + 1),
            { { "answer", { { "choice", wrong } } } }, f.token(D.student));
        REQUIRE(answered.status == 200);
    }
    REQUIRE(api.post("/api/academy/attempts/" + str(attempt_id) + "/submit", Json::object(), f.token(D.student)).status
        == 200);

    auto study = api.get("/api/academy/study", f.token(D.student));
    INFO(describe(study));
    REQUIRE(study.status == 200);
    REQUIRE(study.json["skills"].size() == 1);
    const auto& skill = study.json["skills"][0];
    CHECK(skill["skill"] == weak_skill);
    CHECK(skill["attempts"] == 3);
    CHECK(skill["weak"] == true);
    CHECK(skill["known"].get<double>() < 0.2);
    CHECK(skill["level_label"] == "Attempted");
    REQUIRE(study.json["weak_spots"].size() == 1);
    CHECK(study.json["weak_spots"][0]["skill"] == weak_skill);
    CHECK(study.json["plan"]["days"].size() == 14);   // no exam day: two weeks
    CHECK(study.json["plan"]["days"][0]["day"] == today);
    CHECK(study.json["plan"]["days"][0]["items"][0]["skill"] == weak_skill);
    // Points and badges: a quiz handed in (20), no right answer yet; studied today.
    const auto& progress = study.json["progress"];
    CHECK(progress["xp"] == 20);
    CHECK(progress["streak"] == 1);
    CHECK(progress["studied_today"] == true);
    CHECK(progress["badges"][0]["key"] == "first-quiz");
    CHECK(progress["badges"][0]["earned"] == true);
    CHECK(progress["badges"][1]["earned"] == false);

    // The goal: the student sets it; the plan runs to the day before the exam.
    const auto exam = day_after(today, 10);
    auto audits = f.audit_count();
    check_error(api.put("/api/academy/study/goal", { { "exam_day", day_after(today, -1) }, { "minutes_per_day", 30 } },
                    f.token(D.student)),
        400, "Invalid request", "The exam day has passed; choose today or a later day");
    check_error(api.put("/api/academy/study/goal", { { "exam_day", exam }, { "minutes_per_day", 3 } }, f.token(D.student)),
        400, "Invalid request", "minutes_per_day must be from 10 to 300");
    check_error(api.put("/api/academy/study/goal", { { "exam_day", exam }, { "minutes_per_day", "30" } },
                    f.token(D.student)),
        400, "Invalid request");
    check_error(api.put("/api/academy/study/goal", { { "exam_day", exam }, { "minutes_per_day", 30 }, { "colour", 1 } },
                    f.token(D.student)),
        400, "Invalid request");
    CHECK(f.audit_count() == audits);   // nothing written
    auto saved = api.put("/api/academy/study/goal", { { "exam_day", exam }, { "minutes_per_day", 40 } }, f.token(D.student));
    INFO(describe(saved));
    REQUIRE(saved.status == 200);
    CHECK(saved.json["goal"]["exam_day"] == exam);
    CHECK(f.last_audit_action() == "study.goal");
    auto planned = api.get("/api/academy/study", f.token(D.student));
    CHECK(planned.json["goal"]["minutes_per_day"] == 40);
    CHECK(planned.json["plan"]["days"].size() == 10);
    CHECK(planned.json["plan"]["days"].back()["day"] == day_after(exam, -1));
    CHECK(planned.json["plan"]["summary"].get<std::string>().rfind("10 days to the exam on ", 0) == 0);

    // Course work around now: one due in three days, one a day overdue, one
    // too far off for the summary.
    auto set_work = [&](const std::string& title, int days) {
        auto made = api.post("/api/assignments", { { "title", title }, { "description", "" },
                                                      { "due_date", day_after(today, std::max(days, 1)) + "T17:00:00" },
                                                      { "course_id", course_id } },
            f.token(D.teacher));
        INFO(describe(made));
        REQUIRE(made.status == 201);
        const auto id = made.json["assignment_id"].get<std::int64_t>();
        if (days < 1)
            f.sql("UPDATE assignments SET due_at = now() - interval '1 day' WHERE id = " + str(id));
        return id;
    };
    set_work("Essay: ratios", 3);
    set_work("Problem set 1", 0);
    set_work("Final project", 20);

    // A parent reads and sets their child's; an instructor reads their course's students'.
    auto child = "?student_id=" + str(D.student.id);
    auto summary = api.get("/api/academy/summary" + child, f.token(D.parent));
    INFO(describe(summary));
    REQUIRE(summary.status == 200);
    REQUIRE(summary.json["due"].size() == 2);
    CHECK(summary.json["due"][0]["title"] == "Problem set 1");
    CHECK(summary.json["due"][0]["status"] == "overdue");
    CHECK(summary.json["due"][0]["course_title"] == "Quant");
    CHECK(summary.json["due"][1]["title"] == "Essay: ratios");
    CHECK(summary.json["due"][1]["status"] == "upcoming");
    CHECK(summary.json["due"][1]["due_date"] == day_after(today, 3) + "T17:00:00");
    CHECK(summary.json["week"].get<std::string>().find("answered 3 quiz questions and got 0 right") != std::string::npos);
    REQUIRE(summary.json["needs_work"].size() == 1);
    CHECK(summary.json["upcoming"].get<std::string>().rfind("Exam on ", 0) == 0);
    CHECK(summary.json.dump().find("\"answer\"") == std::string::npos);
    check_error(api.get("/api/academy/summary", f.token(D.parent)), 400, "Invalid request", "student_id is required");
    CHECK(api.put("/api/academy/study/goal" + child, { { "exam_day", exam }, { "minutes_per_day", 20 } }, f.token(D.parent))
              .status
        == 200);
    CHECK(api.get("/api/academy/study" + child, f.token(D.teacher)).json["goal"]["minutes_per_day"] == 20);
    CHECK(api.get("/api/academy/study" + child, f.token(D.admin)).status == 200);

    // Nobody else: an instructor cannot set it, a moderator cannot read it,
    // another tenant's student reads as absent.
    check_error(api.put("/api/academy/study/goal" + child, { { "exam_day", exam }, { "minutes_per_day", 20 } },
                    f.token(D.teacher)),
        403, "Unauthorized");
    check_error(api.get("/api/academy/study" + child, f.token(D.moderator)), 403, "Unauthorized");
    check_error(api.get("/api/academy/study?student_id=" + str(f.other.student.id), f.token(D.parent)), 404, "Student not found");
    check_error(api.get("/api/academy/study?student_id=" + str(f.other.student.id), f.token(D.teacher)), 404, "Student not found");
    check_error(api.get("/api/academy/study?student_id=" + str(D.teacher.id), f.token(D.admin)), 404, "Student not found");
    check_error(api.get("/api/academy/study?student_id=abc", f.token(D.admin)), 404, "Student not found");
}

TEST_CASE("a course's leaderboard ranks its students by the XP of its own quizzes; its instructor turns it off",
    "[api][academy][leaderboard]")
{
    ApiFixture f("academy_leaderboard", { .other_tenant = true });
    auto& D = f.demo;
    f.sql("UPDATE tenants SET kind = 'academy' WHERE id = " + str(D.id));
    REQUIRE(f.cli({ "seed", "bank" }).exit_code == 0);
    auto& api = f.api();
    auto classmate = f.create_user(D.slug, "ines@academy.test", "In\xC3\xA9s Garc\xC3\xAD" "a L\xC3\xB3pez", "student");
    auto outsider = f.create_user(D.slug, "outsider@academy.test", "Out Sider", "student");

    auto bank = api.get("/api/academy/bank?kind=single_choice&limit=3", f.token(D.teacher));
    REQUIRE(bank.status == 200);
    std::vector<std::string> codes;
    for (const auto& q : bank.json)
        codes.push_back(q["code"].get<std::string>());
    auto make_course = [&](const std::string& title) {
        const auto id = create_course(api, f.token(D.teacher), title, { D.student.id, classmate.id });
        auto quiz = api.post("/api/academy/courses/" + str(id) + "/quizzes",
            { { "title", "Drill" }, { "mode", "practice" }, { "fixed", codes }, { "shuffle", false } }, f.token(D.teacher));
        REQUIRE(quiz.status == 201);
        return std::pair { id, quiz.json["id"].get<std::int64_t>() };
    };
    // The student answers everything right and hands in; XP counts only in this course.
    auto take = [&](const Person& who, std::int64_t quiz, bool right) {
        auto attempt = api.post("/api/academy/quizzes/" + str(quiz) + "/attempts", Json::object(), f.token(who));
        REQUIRE(attempt.status == 201);
        const auto attempt_id = attempt.json["id"].get<std::int64_t>();
        for (std::size_t i = 0; i < attempt.json["questions"].size(); ++i) {
            const auto& task = attempt.json["questions"][i]["task"];
            const int pick = right ? right_option(task) : (right_option(task) + 1) % static_cast<int>(task["options"].size());
            REQUIRE(api.put("/api/academy/attempts/" + str(attempt_id) + "/answers/" + str(i + 1),
                           { { "answer", { { "choice", pick } } } }, f.token(who))
                        .status
                == 200);
        }
        REQUIRE(api.post("/api/academy/attempts/" + str(attempt_id) + "/submit", Json::object(), f.token(who)).status == 200);
    };
    auto [course, quiz] = make_course("Quant");
    auto [other_course, other_quiz] = make_course("Verbal");
    take(D.student, quiz, true);
    take(classmate, quiz, false);
    take(classmate, other_quiz, true);   // earned elsewhere: not on Quant's board
    const auto path = "/api/academy/courses/" + str(course) + "/leaderboard";

    auto staff = api.get(path, f.token(D.teacher));
    INFO(describe(staff));
    REQUIRE(staff.status == 200);
    CHECK(staff.json["enabled"] == true);
    REQUIRE(staff.json["rows"].size() == 2);
    CHECK(staff.json["rows"][0]["student_id"] == D.student.id);
    CHECK(staff.json["rows"][0]["xp"] == 3 * 10 + 20 + 30);
    CHECK(staff.json["rows"][1]["name"] == "In\xC3\xA9s Garc\xC3\xAD" "a L\xC3\xB3pez");
    CHECK(staff.json["rows"][1]["xp"] == 20);

    auto mine = api.get(path, f.token(classmate));
    REQUIRE(mine.status == 200);
    CHECK(mine.json["rows"][0].contains("student_id") == false);   // students get no ids
    CHECK(mine.json["rows"][1]["name"] == "In\xC3\xA9s L.");
    CHECK(mine.json["rows"][1]["you"] == true);
    CHECK(mine.json["rows"][0]["you"] == false);
    check_error(api.get(path, f.token(outsider)), 404, "Course not found");
    check_error(api.get(path, f.token(f.other.student)), 404, "Course not found");

    // Turned off: students see that it is off and nothing else; staff still see it.
    auto second = f.create_user(D.slug, "second@academy.test", "Second Instructor", "teacher");
    const auto& second_token = f.token(second);   // signing in is audited too
    const auto audits = f.audit_count();
    check_error(api.put(path, { { "enabled", "no" } }, f.token(D.teacher)), 400, "Invalid request", "enabled must be true or false");
    check_error(api.put(path, { { "enabled", false } }, f.token(D.student)), 403, "Unauthorized");
    check_error(api.put(path, { { "enabled", false } }, second_token), 404, "Course not found");
    CHECK(f.audit_count() == audits);
    auto off = api.put(path, { { "enabled", false } }, f.token(D.teacher));
    REQUIRE(off.status == 200);
    CHECK(f.last_audit_action() == "course.leaderboard");
    auto hidden = api.get(path, f.token(D.student));
    REQUIRE(hidden.status == 200);
    CHECK(hidden.json["enabled"] == false);
    CHECK(hidden.json["rows"] == Json::array());
    CHECK(api.get(path, f.token(D.admin)).json["rows"].size() == 2);
    auto listed = api.get("/api/academy/courses", f.token(D.student));
    for (const auto& c : listed.json)
        CHECK(c["leaderboard"] == (c["id"] != course));
}
