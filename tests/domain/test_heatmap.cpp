// Tests for shared-domain/practice/heatmap.*: the class heatmap from plain
// rows, its paging, who needs help, and its JSON round trip.
#include "practice/heatmap.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

// As the class mastery query returns them: by student name, id, then target.
std::vector<HeatmapRow> class_rows()
{
    return {
        { 2, "Ali", "math.add", "Adding", 0.9, 4 },
        { 2, "Ali", "math.sub", "Subtracting", 0.3, 5 },
        { 1, "Bea", "math.add", "Adding", 0.2, 0 },
        { 3, "Cem", "eng.commas", "Commas", 0.1, 3 },
        { 3, "Cem", "math.sub", "Subtracting", 0.4, 6 },
    };
}

} // namespace

TEST_CASE("the heatmap has a column per target by id and a row per student in the rows' order")
{
    auto heatmap = build_class_heatmap(7, class_rows(), 0, 50);
    CHECK(heatmap.class_id == 7);
    REQUIRE(heatmap.targets.size() == 3);
    CHECK(heatmap.targets[0] == HeatmapTarget { "eng.commas", "Commas" });
    CHECK(heatmap.targets[2] == HeatmapTarget { "math.sub", "Subtracting" });
    REQUIRE(heatmap.rows.size() == 3);
    CHECK(heatmap.rows[0].student_name == "Ali");
    CHECK_FALSE(heatmap.rows[0].cells[0].has_value());   // commas is not assigned to Ali
    CHECK(*heatmap.rows[0].cells[1] == HeatmapCell { 0.9, 4, MasteryLevel::Proficient });
    CHECK(heatmap.rows[1].cells[1]->level == MasteryLevel::NotStarted);
    CHECK(heatmap.total_students == 3);
}

TEST_CASE("needs help counts each student's weak spots across the whole class, whatever the page")
{
    auto page = build_class_heatmap(7, class_rows(), 1, 1);
    REQUIRE(page.rows.size() == 1);
    CHECK(page.rows[0].student_name == "Bea");
    CHECK(page.total_students == 3);
    CHECK(page.offset == 1);
    CHECK(page.limit == 1);
    REQUIRE(page.needs_help.size() == 2);
    CHECK(page.needs_help[0] == NeedsHelp { 2, "Ali", 1 });
    CHECK(page.needs_help[1] == NeedsHelp { 3, "Cem", 2 });
    CHECK(build_class_heatmap(7, class_rows(), 5, 50).rows.empty());
    CHECK(build_class_heatmap(7, {}, 0, 50).targets.empty());
}

TEST_CASE("the heatmap's JSON is the API's shape and decodes back")
{
    auto heatmap = build_class_heatmap(7, class_rows(), 0, 2);
    auto json = to_json(heatmap);
    CHECK(json["targets"][1] == Json { { "target_id", "math.add" }, { "title", "Adding" } });
    CHECK(json["rows"][0]["cells"][0].is_null());
    CHECK(json["rows"][0]["cells"][1] == Json { { "known", 0.9 }, { "attempts", 4 }, { "level", "proficient" } });
    CHECK(json["rows"].size() == 2);
    CHECK(json["total_students"] == 3);
    CHECK(json["needs_help"][1] == Json { { "student_id", 3 }, { "student_name", "Cem" }, { "weak_targets", 2 } });
    CHECK(decode_class_heatmap(json).value() == heatmap);

    json["rows"][0]["cells"].erase(0);
    CHECK(decode_class_heatmap(json).error().field == "rows[0].cells");
    CHECK(decode_class_heatmap(Json::array()).error().code == ErrorCode::InvalidArgument);
}
