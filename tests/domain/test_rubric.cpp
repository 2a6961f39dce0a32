// Tests for shared-domain/academy/rubric.*: a rubric's rules, the running
// total as levels are picked, adjustments with reasons, bonus criteria, and
// the JSON both ends send.
#include "academy/rubric.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

// An essay out of 20: argument (10), evidence (6), style (4), and a bonus
// criterion for going beyond the brief (2).
Rubric essay()
{
    Rubric r;
    r.criteria = {
        { "Argument", "A clear claim, developed", 10, { { 0, "Missing" }, { 10, "Compelling" }, { 6, "Clear" } } },
        { "Evidence", "", 6, { { 6, "Apt and cited" }, { 3, "Some" }, { 0, "None" } } },
        { "Style", "", 4, { { 4, "Fluent" }, { 2, "Uneven" } } },
        { "Beyond the brief", "", 2, { { 2, "Yes" }, { 0, "No" } }, true },
    };
    return r;
}

Rubric checked()
{
    auto r = check_rubric(essay(), 20);
    REQUIRE(r.ok());
    return r.value();
}

} // namespace

TEST_CASE("a rubric's criteria that are not bonus add up to the assignment's maximum; levels come highest first")
{
    auto r = checked();
    CHECK(r.criteria[0].levels[0].points == 10);
    CHECK(r.criteria[0].levels[1].points == 6);
    CHECK(r.criteria[0].levels[2].points == 0);
    auto short_of = check_rubric(essay(), 25);
    REQUIRE_FALSE(short_of.ok());
    CHECK(short_of.error().field == "criteria");
    CHECK(short_of.error().message.find("add up to 20 points but the assignment is out of 25") != std::string::npos);
}

TEST_CASE("a rubric is refused with the part named: duplicate names, levels beyond the maximum or equal, no full level")
{
    struct Case {
        const char* what;
        void (*spoil)(Rubric&);
        const char* field;
    };
    const Case cases[] = {
        { "no criteria", [](Rubric& r) { r.criteria.clear(); }, "criteria" },
        { "two names alike", [](Rubric& r) { r.criteria[1].name = "Argument"; }, "criteria[1].name" },
        { "an empty name", [](Rubric& r) { r.criteria[2].name = ""; }, "criteria[2].name" },
        { "negative points", [](Rubric& r) { r.criteria[1].max_points = -6; }, "criteria[1].max_points" },
        { "a level above the maximum", [](Rubric& r) { r.criteria[2].levels[1].points = 5; }, "criteria[2].levels[0].points" },
        { "two levels alike", [](Rubric& r) { r.criteria[1].levels[1].points = 6; }, "criteria[1].levels[1].points" },
        { "no level at the maximum", [](Rubric& r) { r.criteria[2].levels[0].points = 3; }, "criteria[2].levels" },
        { "no levels", [](Rubric& r) { r.criteria[2].levels.clear(); }, "criteria[2].levels" },
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto r = essay();
        c.spoil(r);
        auto result = check_rubric(r, 20);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().field == c.field);
    }
}

TEST_CASE("the running total counts what is marked, adjustments replace a level's points, bonus is shown apart")
{
    auto r = checked();
    std::vector<CriterionMark> marks(4);
    auto score = score_rubric(r, marks, 20).value();
    CHECK(score.total == 0);
    CHECK(score.unmarked == 4);
    CHECK(score_for_people(score) == "0 of 20 so far (4 criteria to mark)");

    marks[0].level = 1;   // Clear: 6
    marks[1].level = 0;   // 6
    score = score_rubric(r, marks, 20).value();
    CHECK(score.total == 12);
    CHECK(score_for_people(score) == "12 of 20 so far (2 criteria to mark)");

    marks[2].level = 1;   // Uneven: 2, adjusted to 3 with a reason
    marks[2].adjustment = CriterionAdjustment { 3, "Uneven in the draft, fixed in the final copy" };
    marks[3].level = 0;   // bonus 2
    score = score_rubric(r, marks, 20).value();
    CHECK(score.complete());
    CHECK(score.total == 15);
    CHECK(score.bonus == 2);
    CHECK(score.with_bonus() == 17);
    CHECK(score.points == std::vector<std::optional<int>> { 6, 6, 3, 2 });
    CHECK(score_for_people(score) == "15 of 20, and 2 bonus");

    // Full marks everywhere: the total is the maximum, never more; only bonus goes past it.
    marks = { { 0, {} }, { 0, {} }, { 0, {} }, { 0, {} } };
    score = score_rubric(r, marks, 20).value();
    CHECK(score.total == 20);
    CHECK(score.with_bonus() == 22);
}

TEST_CASE("marks are refused: a level that does not exist, an adjustment past the criterion or without a reason")
{
    auto r = checked();
    std::vector<CriterionMark> marks(4);
    marks[1].level = 3;
    CHECK(score_rubric(r, marks, 20).error().field == "marks[1].level");
    marks[1].level = 0;
    marks[2].adjustment = CriterionAdjustment { 5, "Generous" };
    CHECK(score_rubric(r, marks, 20).error().field == "marks[2].adjustment.points");
    marks[2].adjustment = CriterionAdjustment { -1, "Late" };
    CHECK(score_rubric(r, marks, 20).error().field == "marks[2].adjustment.points");
    marks[2].adjustment = CriterionAdjustment { 3, "" };
    CHECK(score_rubric(r, marks, 20).error().field == "marks[2].adjustment.reason");
    CHECK(score_rubric(r, std::vector<CriterionMark>(3), 20).error().field == "marks");
}

TEST_CASE("rubrics and marks round-trip through JSON; fractional, textual and unknown values are refused")
{
    auto r = checked();
    auto again = read_rubric(rubric_json(r), 20);
    REQUIRE(again.ok());
    CHECK(again.value() == r);

    auto json = rubric_json(r);
    json["criteria"][1]["levels"][1]["points"] = 2.5;
    CHECK(read_rubric(json, 20).error().field == "criteria[1].levels[1].points");
    json = rubric_json(r);
    json["criteria"][1]["max_points"] = "6";
    CHECK(read_rubric(json, 20).error().field == "criteria[1].max_points");
    json = rubric_json(r);
    json["criteria"][0]["weight"] = 2;
    CHECK_FALSE(read_rubric(json, 20).ok());
    json = rubric_json(r);
    json["criteria"][0]["max_points"] = 1u << 31;   // refused before it could wrap round
    CHECK(read_rubric(json, 20).error().field == "criteria[0].max_points");

    std::vector<CriterionMark> marks { { 0, {} }, { std::nullopt, CriterionAdjustment { 4, "Partly cited" } }, {}, { 1, {} } };
    auto read = read_marks(marks_json(marks));
    REQUIRE(read.ok());
    CHECK(read.value() == marks);
    auto bad = marks_json(marks);
    bad[0]["level"] = -1;
    CHECK(read_marks(bad).error().field == "marks[0].level");
}

TEST_CASE("a grade is given only when every criterion is marked, and a rubric is worth at most 1000 with its bonus")
{
    auto r = checked();
    std::vector<CriterionMark> marks(4);
    marks[0].level = 0;
    marks[1].level = 0;
    auto refused = rubric_grade(r, marks, 20);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().field == "marks");
    CHECK(refused.error().message == "Mark every criterion before saving: 2 are not marked yet");
    marks[2].level = 1;
    marks[3].adjustment = CriterionAdjustment { 1, "Went beyond in one part" };
    CHECK(rubric_grade(r, marks, 20).value() == 10 + 6 + 2 + 1);

    Rubric big;
    big.criteria = { { "Work", "", 1000, { { 1000, "All" }, { 0, "None" } } },
        { "Extra", "", 1, { { 1, "Yes" }, { 0, "No" } }, true } };
    auto over = check_rubric(big, 1000);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().field == "criteria");
    CHECK(over.error().message == "With the bonus the criteria are worth 1001 points; a grade is at most 1000");
    big.criteria[1].bonus = false;
    CHECK(check_rubric(big, 1001).error().message.find("1001") != std::string::npos);
}
