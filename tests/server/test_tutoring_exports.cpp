// The tutoring business's CSV exports through the API: UTF-8 with its mark,
// RFC 4180 records that a spreadsheet opens as written (names in any
// script, no formula run), each caller's own sessions only, no amounts but
// to administrators.
#include "tutoring_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

// The records of a CSV body without its UTF-8 mark (none of these hold line breaks).
std::vector<std::string> records(const std::string& body)
{
    REQUIRE(body.rfind("\xEF\xBB\xBF", 0) == 0);
    std::vector<std::string> out;
    std::size_t at = 3;
    while (at < body.size()) {
        auto end = body.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        out.push_back(body.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

} // namespace

TEST_CASE("sessions, students and revenue export as CSV a spreadsheet opens as written, to those who may see them",
    "[api][tutoring][exports]")
{
    ApiFixture f("tut_exports", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    // A student whose name a spreadsheet would run as a formula, and one in Arabic script.
    auto formula = f.create_user("demo", "formula@demo.learnloop.test", "=HYPERLINK(\"http://x\")", "student");
    auto arabic = f.create_user("demo", "karim@demo.learnloop.test", "كريم حداد", "student");
    auto book = [&](const Person& student, const std::string& dtstart, const std::string& subject) {
        return book_series(f, D.admin, series_body(D.teacher, student, dtstart, {}, 45, subject));
    };
    auto sam = book(D.student, "2026-01-05T16:00:00", "Maths, GCSE");
    book(formula, "2026-01-06T16:00:00", "Physics");
    book(arabic, "2026-01-07T16:00:00", "Arabic");
    log_session(f, D.teacher, sam, "2026-01-05T16:00:00", "completed", "Worked on \"fractions\"");

    auto sessions = api.get("/api/tutoring/sessions.csv?from=2026-01-01&to=2026-01-31", f.token(D.admin));
    INFO(describe(sessions));
    REQUIRE(sessions.status == 200);
    CHECK(sessions.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(sessions.header("Content-Disposition") == "attachment; filename=\"sessions-2026-01-01.csv\"");
    auto rows = records(sessions.body);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "Date,Start,End,Tutor,Student,Subject,Room,Status,Note");
    CHECK(rows[1] == "2026-01-05,16:00,16:45," + D.teacher.name + "," + D.student.name
            + ",\"Maths, GCSE\",,Completed,\"Worked on \"\"fractions\"\"\"");
    CHECK(rows[2].find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(rows[3].find(",كريم حداد,Arabic,") != std::string::npos);

    // A student's export holds their own sessions; a parent's their children's.
    CHECK(records(api.get("/api/tutoring/sessions.csv?from=2026-01-01&to=2026-01-31", f.token(D.student)).body).size() == 2);
    CHECK(records(api.get("/api/tutoring/sessions.csv?from=2026-01-01&to=2026-01-31", f.token(D.parent)).body).size() == 2);
    check_error(api.get("/api/tutoring/sessions.csv?from=2026-01-01&to=2026-01-31&student_id=" + std::to_string(formula.id),
                    f.token(D.parent)),
        403, "Unauthorized");
    CHECK(api.get("/api/tutoring/sessions.csv?from=2026-01-01", f.token(D.admin)).status == 400);

    auto students = api.get("/api/tutoring/students.csv", f.token(D.moderator));
    REQUIRE(students.status == 200);
    auto roster = records(students.body);
    CHECK(roster[0] == "Student,Email,Parents,Tutors");
    bool found = false;
    for (const auto& row : roster)
        found = found || row == D.student.name + "," + D.student.email + "," + D.parent.name + "," + D.teacher.name;
    CHECK(found);
    check_error(api.get("/api/tutoring/students.csv", f.token(D.teacher)), 403, "Unauthorized");

    // Revenue: administrators only.
    auto revenue = api.get("/api/tutoring/revenue.csv?from=2026-01&to=2026-02", f.token(D.admin));
    REQUIRE(revenue.status == 200);
    CHECK(records(revenue.body)[0] == "Month,Tutor,Student,Sessions,Amount,Currency");
    check_error(api.get("/api/tutoring/revenue.csv?from=2026-01&to=2026-02", f.token(D.moderator)), 403, "Unauthorized");
    CHECK(api.get("/api/tutoring/revenue.csv?from=2026-01", f.token(D.admin)).field() == "to");
}
