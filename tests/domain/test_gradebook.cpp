// Tests for shared-domain/gradebook.*: shaping, statuses by the student's due
// rule, averages and safe CSV.
#include "tracker/gradebook.hpp"

#include "tracker/due_status.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("the gradebook places every submission in its student's row and assignment's column")
{
    const std::int64_t now = 1'800'000'000;
    auto book = build_gradebook({ { 2, "Zoe" }, { 1, "Ali" } },
        { { 20, "Essay", "2026-10-02T09:00:00", now - 3600 }, { 10, "Poem", "2026-10-01T09:00:00", now - 86400 } },
        { { 1, 10, 80.0, false }, { 1, 20, std::nullopt, true }, { 2, 20, 90.5, false }, { 99, 10, 50.0, false } }, now);
    REQUIRE(book.students.size() == 2);
    CHECK(book.students[0].name == "Ali");       // sorted by name
    CHECK(book.assignments[0].title == "Poem");  // sorted by due date
    CHECK(book.cells[0][0].status == CellStatus::Graded);
    CHECK(*book.cells[0][0].grade == 80.0);
    CHECK(book.cells[0][1].status == CellStatus::Late);
    CHECK(book.cells[1][0].status == CellStatus::Missing);
    CHECK(*book.student_average[0] == 80.0);
    CHECK(*book.student_average[1] == 90.5);

    auto json = to_json(book);
    CHECK(json["rows"][0]["cells"][1]["status"] == "late");
    CHECK(json["rows"][1]["cells"][0]["grade"].is_null());
}

TEST_CASE("work not handed in is upcoming, due soon, then missing, by the rule the student sees")
{
    const std::int64_t now = 1'800'000'000;
    const std::int64_t week = 7 * 86400;
    auto book = build_gradebook({ { 1, "Ali" } },
        { { 10, "Past", "", now - 60 }, { 20, "Soon", "", now + 3600 }, { 30, "Later", "", now + week },
            { 40, "Early", "", now + week } },
        { { 1, 40, std::nullopt, false } }, now);
    REQUIRE(book.cells[0].size() == 4);
    CHECK(book.cells[0][0].status == CellStatus::Missing);
    CHECK(book.cells[0][1].status == CellStatus::DueSoon);
    CHECK(book.cells[0][2].status == CellStatus::Upcoming);
    CHECK(book.cells[0][3].status == CellStatus::Submitted);
    // The same words as the student's own view for the same moments.
    CHECK(cell_status_name(book.cells[0][1].status) == due_status_name(due_status(now, now + 3600, false, false)));
    CHECK(cell_status_name(book.cells[0][2].status) == due_status_name(due_status(now, now + week, false, false)));
    CHECK(cell_status(now, now - 60, nullptr) == CellStatus::Missing);
    GradebookSubmission late { 1, 10, std::nullopt, true };
    CHECK(cell_status(now, now - 60, &late) == CellStatus::Late);
    GradebookSubmission graded { 1, 10, 70.0, true };
    CHECK(cell_status(now, now - 60, &graded) == CellStatus::Graded);
}

TEST_CASE("CSV export quotes fields and defuses spreadsheet formulas")
{
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("@cmd") == "'@cmd");
    CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");

    auto book = build_gradebook({ { 1, "Ali, Jr." }, { 2, "Bo" } }, { { 10, "=Essay", "2026-10-01T09:00:00", 100 } },
        { { 1, 10, 87.5, false } }, 50);
    CHECK(gradebook_csv(book) == "Student,'=Essay,Average\r\n\"Ali, Jr.\",87.5,87.5\r\nBo,,\r\n");
    CHECK(format_grade(90.0) == "90");
    CHECK(format_grade(12.25) == "12.25");
}
