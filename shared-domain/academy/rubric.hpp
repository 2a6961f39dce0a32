// Rubric marking for an academy's assignments: criteria with levels of
// points, bonus criteria beyond the total, and an instructor's adjustment of
// one student's points on one criterion (with a reason) that leaves the
// rubric as it is. The browser shows the running total as levels are picked
// and the server stores it, both from score_rubric ([SECTION] rubric,
// [SECTION] marking, [SECTION] JSON).
//   auto rubric = TRY(check_rubric(read, 20));   // the criteria that are not bonus add up to 20
//   auto score = TRY(score_rubric(rubric, marks, 20));
//   score.total -> 17, score.bonus -> 2 (19 of 20, the bonus shown apart)
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace learnloop {

// [SECTION] rubric

struct RubricLevel {
    int points = 0;             // whole points, 0 to the criterion's max_points
    std::string descriptor;     // what work at this level looks like
    bool operator==(const RubricLevel&) const = default;
};

struct RubricCriterion {
    std::string name;
    std::string description;
    int max_points = 0;
    std::vector<RubricLevel> levels;   // highest first once checked
    // A bonus criterion's points come on top of the assignment's maximum;
    // the others add up to exactly that maximum.
    bool bonus = false;
    bool operator==(const RubricCriterion&) const = default;
};

struct Rubric {
    std::vector<RubricCriterion> criteria;
    bool operator==(const Rubric&) const = default;
};

inline constexpr int k_rubric_most_criteria = 30;
inline constexpr int k_rubric_most_levels = 10;
inline constexpr int k_rubric_most_points = 1000;   // per criterion
// All criteria with their bonus: a grade is at most 1000 (validate_grade).
inline constexpr int k_rubric_most_total = 1000;

// A rubric that can mark an assignment out of `maximum` points: 1 to 30
// criteria with distinct names (1-100 characters), each worth 0 to 1000 whole
// points with 1 to 10 levels of distinct points from 0 to its maximum, one of
// them the maximum; the criteria that are not bonus add up to `maximum`, so a
// total can never pass it silently, and all of them with the bonus to at most
// 1000 (the largest grade). Levels come back highest first. Errors
// name the part: field "criteria[2].levels[0].points".
[[nodiscard]] Result<Rubric> check_rubric(Rubric rubric, int maximum);

// [SECTION] marking

// One student's marks: per criterion, the level picked (by index into the
// checked rubric's levels) and optionally the points given instead, with the
// reason the instructor wrote ("handed in a day late, agreed extension").
struct CriterionAdjustment {
    int points = 0;
    std::string reason;
    bool operator==(const CriterionAdjustment&) const = default;
};

struct CriterionMark {
    std::optional<int> level;
    std::optional<CriterionAdjustment> adjustment;
    bool operator==(const CriterionMark&) const = default;
};

struct RubricScore {
    int total = 0;                  // the criteria that are not bonus: 0 to the maximum
    int bonus = 0;                  // on top
    int maximum = 0;
    std::vector<std::optional<int>> points;   // per criterion; none where nothing is picked yet
    int unmarked = 0;               // criteria with no level and no adjustment
    [[nodiscard]] bool complete() const { return unmarked == 0; }
    [[nodiscard]] int with_bonus() const { return total + bonus; }
};

// The score of `marks` (one per criterion, in order) on a checked rubric. A
// criterion is worth its adjustment's points when there is one, else its
// picked level's; an adjustment is whole points from 0 to the criterion's
// max_points with a reason of 1 to 500 characters. A partly marked rubric
// scores what is marked (the running total) and counts what is not.
[[nodiscard]] Result<RubricScore> score_rubric(const Rubric& rubric, const std::vector<CriterionMark>& marks,
    int maximum);

// The grade a fully marked rubric gives (total and bonus): what the server
// stores and the browser shows before saving. Refused, naming "marks", while
// a criterion is not marked.
[[nodiscard]] Result<int> rubric_grade(const Rubric& rubric, const std::vector<CriterionMark>& marks, int maximum);

// "17 of 20", "17 of 20, and 2 bonus", "12 of 20 so far (2 criteria to mark)".
[[nodiscard]] std::string score_for_people(const RubricScore& score);

// [SECTION] JSON

// {"criteria": [{"name", "description", "max_points", "bonus", "levels": [{"points", "descriptor"}]}]},
// then check_rubric. Points must be whole numbers (2.5 and "3" are refused).
[[nodiscard]] Result<Rubric> read_rubric(const Json& json, int maximum);
[[nodiscard]] Json rubric_json(const Rubric& rubric);
// [{"level": 0, "adjustment": {"points": 3, "reason": "..."}}, {"level": null}, ...]
[[nodiscard]] Result<std::vector<CriterionMark>> read_marks(const Json& json);
[[nodiscard]] Json marks_json(const std::vector<CriterionMark>& marks);

} // namespace learnloop
