// Tests for shared-domain/gradebook.*: shaping, averages and safe CSV.
#include "tracker/gradebook.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("the gradebook places every submission in its student's row and assignment's column")
{
    auto book = build_gradebook({ { 2, "Zoe" }, { 1, "Ali" } },
        { { 20, "Essay", "2026-10-02T09:00:00" }, { 10, "Poem", "2026-10-01T09:00:00" } },
        { { 1, 10, 80.0, false }, { 1, 20, std::nullopt, true }, { 2, 20, 90.5, false }, { 99, 10, 50.0, false } });
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

TEST_CASE("CSV export quotes fields and defuses spreadsheet formulas")
{
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("@cmd") == "'@cmd");
    CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");

    auto book = build_gradebook({ { 1, "Ali, Jr." } }, { { 10, "=Essay", "2026-10-01T09:00:00" } }, { { 1, 10, 87.5, false } });
    CHECK(gradebook_csv(book) == "Student,'=Essay,Average\r\n\"Ali, Jr.\",87.5,87.5\r\n");
    CHECK(format_grade(90.0) == "90");
    CHECK(format_grade(12.25) == "12.25");
}
