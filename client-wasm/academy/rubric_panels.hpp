// An academy's rubrics in the browser: the builder in an assignment's editor,
// the marking panel beside a submission (the running total as levels are
// picked) and the marks as a student reads them. The rules and the totals
// are shared-domain academy/rubric's, the same the server checks.
#pragma once

#include "academy/rubric.hpp"
#include "app.hpp"

#include <optional>
#include <vector>

namespace learnloop::client {

// [SECTION] the builder

struct LevelDraft {
    char points[8] = {};
    char descriptor[256] = {};
};

struct CriterionDraft {
    char name[128] = {};
    char description[512] = {};
    char max_points[8] = {};
    bool bonus = false;
    std::vector<LevelDraft> levels;
};

struct RubricDraft {
    bool on = false;            // the assignment is marked with a rubric
    std::vector<CriterionDraft> criteria;
};

// The draft of a stored rubric (rubric_json), or an empty one turned off.
void fill_rubric_draft(RubricDraft& draft, const Json& rubric);
// A first criterion worth all `max_points`, with three levels, when a rubric is turned on.
void start_rubric_draft(RubricDraft& draft, int max_points);
// The rubric typed, checked by the shared rules against `max_points`: an
// error in words when a number is not whole or a rule is broken.
[[nodiscard]] Result<Rubric> rubric_of_draft(const RubricDraft& draft, int max_points);
// Draws the criteria and their levels, with what they add up to and the
// first rule broken.
void draw_rubric_builder(AppState& state, RubricDraft& draft, int max_points);

// [SECTION] marking

struct MarkDraft {
    int level = -1;             // index into the criterion's levels, -1 for none picked
    bool adjust = false;
    char points[8] = {};
    char reason[512] = {};
};

struct RubricMarking {
    std::vector<MarkDraft> marks;   // one per criterion
};

// The marks of a submission (its rubric_marks, or none) for `rubric`.
void fill_marking(RubricMarking& marking, const Rubric& rubric, const Json& rubric_marks);
// The marks as the API takes them; nothing while an adjustment's points are not whole.
[[nodiscard]] std::optional<std::vector<CriterionMark>> marks_of(const RubricMarking& marking);
// Draws each criterion's levels to pick and its adjustment, then the running
// total ("12 of 20 so far (2 criteria to mark)"). Returns the grade the marks
// give, or why they cannot be saved yet.
Result<int> draw_rubric_marking(AppState& state, RubricMarking& marking, const Rubric& rubric, int max_points);

// [SECTION] reading

// A student's (or parent's) view of marked work: per criterion the level
// given, its points and any adjustment with its reason, then the total.
void draw_rubric_marks(AppState& state, const Rubric& rubric, const Json& rubric_marks, int max_points);

// How work will be marked, before it is: each criterion, its points and its levels.
void draw_rubric_outline(const Rubric& rubric, int max_points);

// The assignment's rubric as the shared rules read it, when it has one.
[[nodiscard]] std::optional<Rubric> assignment_rubric(const Json& assignment);

} // namespace learnloop::client
