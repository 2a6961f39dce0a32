// Rubric marking (see rubric.hpp).
#include "academy/rubric.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <set>

namespace learnloop {

namespace {

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

std::string criterion_path(std::size_t i) { return json_index_path("criteria", i); }

// Whole points from `low` to `high`, read without narrowing first.
Result<int> points_at(const Json& json, const std::string& path, int low, int high)
{
    auto value = TRY(json_int_at(json, path));
    if (value < low || value > high)
        return invalid(path, path + " must be from " + std::to_string(low) + " to " + std::to_string(high));
    return static_cast<int>(value);
}

Result<std::string> text_at(const Json& json, const std::string& path, std::size_t most)
{
    auto text = TRY(json_string_at(json, path));
    if (!is_valid_utf8(text) || utf8_length(text) > most)
        return invalid(path, path + " must be at most " + std::to_string(most) + " characters");
    return text;
}

} // namespace

// [SECTION] rubric -----------------------------------------------------------

Result<Rubric> check_rubric(Rubric rubric, int maximum)
{
    if (rubric.criteria.empty() || rubric.criteria.size() > static_cast<std::size_t>(k_rubric_most_criteria))
        return invalid("criteria", "A rubric has 1 to " + std::to_string(k_rubric_most_criteria) + " criteria");
    std::set<std::string> names;
    int sum = 0, with_bonus = 0;
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
        auto& c = rubric.criteria[i];
        const auto path = criterion_path(i);
        if (c.name.empty() || !is_valid_utf8(c.name) || utf8_length(c.name) > 100)
            return invalid(path + ".name", "Each criterion has a name of 1 to 100 characters");
        if (!names.insert(c.name).second)
            return invalid(path + ".name", "Two criteria are called \"" + c.name + "\"; give each its own name");
        if (!is_valid_utf8(c.description) || utf8_length(c.description) > 1000)
            return invalid(path + ".description", "A criterion's description is at most 1000 characters");
        if (c.max_points < 0 || c.max_points > k_rubric_most_points)
            return invalid(path + ".max_points",
                "\"" + c.name + "\" is worth 0 to " + std::to_string(k_rubric_most_points) + " points");
        if (c.levels.empty() || c.levels.size() > static_cast<std::size_t>(k_rubric_most_levels))
            return invalid(path + ".levels",
                "\"" + c.name + "\" has 1 to " + std::to_string(k_rubric_most_levels) + " levels");
        std::stable_sort(c.levels.begin(), c.levels.end(),
            [](const RubricLevel& a, const RubricLevel& b) { return a.points > b.points; });
        for (std::size_t l = 0; l < c.levels.size(); ++l) {
            const auto level_path = json_index_path(path + ".levels", l);
            const auto& level = c.levels[l];
            if (level.points < 0 || level.points > c.max_points)
                return invalid(level_path + ".points", "A level of \"" + c.name + "\" is worth 0 to "
                        + std::to_string(c.max_points) + " points, not " + std::to_string(level.points));
            if (l > 0 && level.points == c.levels[l - 1].points)
                return invalid(level_path + ".points",
                    "Two levels of \"" + c.name + "\" are worth " + std::to_string(level.points) + " points");
            if (!is_valid_utf8(level.descriptor) || utf8_length(level.descriptor) > 500)
                return invalid(level_path + ".descriptor", "A level's descriptor is at most 500 characters");
        }
        if (c.levels.front().points != c.max_points)
            return invalid(path + ".levels", "\"" + c.name + "\" needs a level worth its full "
                    + std::to_string(c.max_points) + " points");
        if (!c.bonus)
            sum += c.max_points;   // at most 30 x 1000: no overflow
        with_bonus += c.max_points;
    }
    if (sum != maximum)
        return invalid("criteria", "The criteria add up to " + std::to_string(sum)
                + " points but the assignment is out of " + std::to_string(maximum)
                + "; change a criterion's points, or mark extra ones as bonus");
    if (with_bonus > k_rubric_most_total)
        return invalid("criteria", "With the bonus the criteria are worth " + std::to_string(with_bonus)
                + " points; a grade is at most " + std::to_string(k_rubric_most_total));
    return rubric;
}

// [SECTION] marking ----------------------------------------------------------

Result<RubricScore> score_rubric(const Rubric& rubric, const std::vector<CriterionMark>& marks, int maximum)
{
    if (marks.size() != rubric.criteria.size())
        return invalid("marks", "Mark each of the rubric's " + std::to_string(rubric.criteria.size())
                + " criteria (" + std::to_string(marks.size()) + " were sent)");
    RubricScore score;
    score.maximum = maximum;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const auto& c = rubric.criteria[i];
        const auto& mark = marks[i];
        const auto path = json_index_path("marks", i);
        std::optional<int> points;
        if (mark.level) {
            if (*mark.level < 0 || *mark.level >= static_cast<int>(c.levels.size()))
                return invalid(path + ".level", "\"" + c.name + "\" has no such level");
            points = c.levels[static_cast<std::size_t>(*mark.level)].points;
        }
        if (mark.adjustment) {
            const auto& a = *mark.adjustment;
            if (a.points < 0 || a.points > c.max_points)
                return invalid(path + ".adjustment.points", "\"" + c.name + "\" can be given 0 to "
                        + std::to_string(c.max_points) + " points, not " + std::to_string(a.points));
            if (a.reason.empty() || !is_valid_utf8(a.reason) || utf8_length(a.reason) > 500)
                return invalid(path + ".adjustment.reason",
                    "Say why \"" + c.name + "\" gets points no level gives (up to 500 characters)");
            points = a.points;
        }
        score.points.push_back(points);
        if (!points)
            ++score.unmarked;
        else
            (c.bonus ? score.bonus : score.total) += *points;
    }
    return score;
}

Result<int> rubric_grade(const Rubric& rubric, const std::vector<CriterionMark>& marks, int maximum)
{
    auto score = TRY(score_rubric(rubric, marks, maximum));
    if (!score.complete())
        return invalid("marks", "Mark every criterion before saving: " + std::to_string(score.unmarked)
                + (score.unmarked == 1 ? " is" : " are") + " not marked yet");
    return score.with_bonus();
}

std::string score_for_people(const RubricScore& score)
{
    auto text = std::to_string(score.total) + " of " + std::to_string(score.maximum);
    if (score.bonus > 0)
        text += ", and " + std::to_string(score.bonus) + " bonus";
    if (!score.complete())
        text += " so far (" + std::to_string(score.unmarked)
            + (score.unmarked == 1 ? " criterion" : " criteria") + " to mark)";
    return text;
}

// [SECTION] JSON -------------------------------------------------------------

Result<Rubric> read_rubric(const Json& json, int maximum)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    const auto* list = TRY(json_array_at(*TRY(reader.require("criteria")), "criteria", 1,
        static_cast<std::size_t>(k_rubric_most_criteria)));
    TRY(reader.reject_unknown("the rubric"));
    Rubric rubric;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = criterion_path(i);
        auto c = TRY(JsonObjectReader::open((*list)[i], path));
        RubricCriterion criterion;
        criterion.name = TRY(text_at(*TRY(c.require("name")), c.path("name"), 100));
        if (const auto* d = c.find("description"))
            criterion.description = TRY(text_at(*d, c.path("description"), 1000));
        criterion.max_points = TRY(points_at(*TRY(c.require("max_points")), c.path("max_points"), 0, k_rubric_most_points));
        if (const auto* b = c.find("bonus")) {
            if (!b->is_boolean())
                return invalid(c.path("bonus"), c.path("bonus") + " must be true or false");
            criterion.bonus = b->get<bool>();
        }
        const auto* levels = TRY(json_array_at(*TRY(c.require("levels")), c.path("levels"), 1,
            static_cast<std::size_t>(k_rubric_most_levels)));
        for (std::size_t l = 0; l < levels->size(); ++l) {
            const auto level_path = json_index_path(c.path("levels"), l);
            auto level = TRY(JsonObjectReader::open((*levels)[l], level_path));
            RubricLevel read;
            read.points = TRY(points_at(*TRY(level.require("points")), level.path("points"), 0, k_rubric_most_points));
            if (const auto* d = level.find("descriptor"))
                read.descriptor = TRY(text_at(*d, level.path("descriptor"), 500));
            TRY(level.reject_unknown(level_path));
            criterion.levels.push_back(std::move(read));
        }
        TRY(c.reject_unknown(path));
        rubric.criteria.push_back(std::move(criterion));
    }
    return check_rubric(std::move(rubric), maximum);
}

Json rubric_json(const Rubric& rubric)
{
    Json criteria = Json::array();
    for (const auto& c : rubric.criteria) {
        Json levels = Json::array();
        for (const auto& l : c.levels)
            levels.push_back({ { "points", l.points }, { "descriptor", l.descriptor } });
        criteria.push_back({ { "name", c.name }, { "description", c.description }, { "max_points", c.max_points },
            { "bonus", c.bonus }, { "levels", levels } });
    }
    return { { "criteria", criteria } };
}

Result<std::vector<CriterionMark>> read_marks(const Json& json)
{
    const auto* list = TRY(json_array_at(json, "marks", 1, static_cast<std::size_t>(k_rubric_most_criteria)));
    std::vector<CriterionMark> marks;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = json_index_path("marks", i);
        auto m = TRY(JsonObjectReader::open((*list)[i], path));
        CriterionMark mark;
        if (const auto* level = m.find("level"); level && !level->is_null())
            mark.level = TRY(points_at(*level, m.path("level"), 0, k_rubric_most_levels - 1));
        if (const auto* adjustment = m.find("adjustment"); adjustment && !adjustment->is_null()) {
            auto a = TRY(JsonObjectReader::open(*adjustment, m.path("adjustment")));
            CriterionAdjustment read;
            read.points = TRY(points_at(*TRY(a.require("points")), a.path("points"), 0, k_rubric_most_points));
            read.reason = TRY(json_string_at(*TRY(a.require("reason")), a.path("reason")));
            TRY(a.reject_unknown(m.path("adjustment")));
            mark.adjustment = std::move(read);
        }
        TRY(m.reject_unknown(path));
        marks.push_back(std::move(mark));
    }
    return marks;
}

Json marks_json(const std::vector<CriterionMark>& marks)
{
    Json list = Json::array();
    for (const auto& m : marks) {
        Json adjustment = m.adjustment ? Json { { "points", m.adjustment->points }, { "reason", m.adjustment->reason } }
                                       : Json(nullptr);
        list.push_back({ { "level", m.level ? Json(*m.level) : Json(nullptr) }, { "adjustment", adjustment } });
    }
    return list;
}

} // namespace learnloop
