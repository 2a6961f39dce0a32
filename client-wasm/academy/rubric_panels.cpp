// Rubrics in the browser (see rubric_panels.hpp).
#include "academy/rubric_panels.hpp"

#include "ui/icons.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace learnloop::client {

namespace {

Error not_whole(const std::string& what)
{
    return make_error(ErrorCode::InvalidArgument, what + ": type whole points, such as 4", "rubric");
}

// A short name for a criterion in messages: its name, or "Criterion 2".
std::string criterion_title(const CriterionDraft& c, std::size_t i)
{
    return c.name[0] ? std::string("\xE2\x80\x9C") + c.name + "\xE2\x80\x9D" : "Criterion " + std::to_string(static_cast<int>(i + 1));
}

void draw_levels(AppState& state, CriterionDraft& c, std::size_t ci)
{
    const auto prefix = "rubric." + std::to_string(static_cast<int>(ci));
    int remove = -1;
    if (ui::begin_table("levels", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Points", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ImGui::TableSetupColumn("What work at this level looks like", ImGuiTableColumnFlags_WidthStretch);
        const auto& style = ImGui::GetStyle();
        ImGui::TableSetupColumn("Remove", ImGuiTableColumnFlags_WidthFixed,
            ImGui::CalcTextSize("Remove level").x + 2 * (style.FramePadding.x + style.CellPadding.x));
        ui::table_headers_row();
        for (std::size_t l = 0; l < c.levels.size(); ++l) {
            auto& level = c.levels[l];
            ImGui::PushID(static_cast<int>(l));
            const auto name = prefix + ".level." + std::to_string(static_cast<int>(l));
            ui::table_next_row();
            ui::table_next_column();
            ImGui::SetNextItemWidth(-1);
            ui::input_text("##points", level.points, sizeof level.points, ImGuiInputTextFlags_CharsDecimal);
            ui::remember(state, name + ".points");
            ui::table_next_column();
            ImGui::SetNextItemWidth(-1);
            ui::input_text("##descriptor", level.descriptor, sizeof level.descriptor);
            ui::remember(state, name + ".descriptor");
            ui::table_next_column();
            ImGui::BeginDisabled(c.levels.size() <= 1);
            if (ui::button(state, "Remove level", name + ".remove"))
                remove = static_cast<int>(l);
            ImGui::EndDisabled();
            ImGui::PopID();
        }
        ui::end_table();
    }
    if (remove >= 0)
        c.levels.erase(c.levels.begin() + remove);
    ImGui::BeginDisabled(c.levels.size() >= static_cast<std::size_t>(k_rubric_most_levels));
    if (ui::button(state, ICON_PLUS " Add level", prefix + ".add_level"))
        c.levels.emplace_back();
    ImGui::EndDisabled();
}

} // namespace

// [SECTION] the builder ------------------------------------------------------

void fill_rubric_draft(RubricDraft& draft, const Json& rubric)
{
    draft = {};
    const auto& criteria = field_of(rubric, "criteria");
    if (!criteria.is_array())
        return;
    draft.on = true;
    for (const auto& c : criteria) {
        CriterionDraft d;
        ui::copy_text(d.name, c.value("name", ""));
        ui::copy_text(d.description, c.value("description", ""));
        ui::copy_text(d.max_points, std::to_string(int_field(c, "max_points")));
        d.bonus = c.value("bonus", false);
        if (const auto& levels = field_of(c, "levels"); levels.is_array())
            for (const auto& l : levels) {
                LevelDraft level;
                ui::copy_text(level.points, std::to_string(l.value("points", 0)));
                ui::copy_text(level.descriptor, l.value("descriptor", ""));
                d.levels.push_back(level);
            }
        draft.criteria.push_back(std::move(d));
    }
}

void start_rubric_draft(RubricDraft& draft, int max_points)
{
    draft.on = true;
    if (!draft.criteria.empty())
        return;
    CriterionDraft c;
    ui::copy_text(c.name, "Criterion 1");
    ui::copy_text(c.max_points, std::to_string(max_points));
    const std::pair<int, const char*> levels[] = { { max_points, "Meets the standard in full" },
        { max_points / 2, "Partly there" }, { 0, "Not yet" } };
    for (const auto& [points, words] : levels) {
        LevelDraft level;
        ui::copy_text(level.points, std::to_string(points));
        ui::copy_text(level.descriptor, words);
        c.levels.push_back(level);
    }
    draft.criteria.push_back(std::move(c));
}

Result<Rubric> rubric_of_draft(const RubricDraft& draft, int max_points)
{
    Rubric rubric;
    for (std::size_t i = 0; i < draft.criteria.size(); ++i) {
        const auto& d = draft.criteria[i];
        RubricCriterion c;
        c.name = d.name;
        c.description = d.description;
        c.bonus = d.bonus;
        auto points = ui::whole_number(d.max_points, k_rubric_most_points);
        if (!points)
            return not_whole(criterion_title(d, i) + " is worth");
        c.max_points = *points;
        for (std::size_t l = 0; l < d.levels.size(); ++l) {
            auto level = ui::whole_number(d.levels[l].points, k_rubric_most_points);
            if (!level)
                return not_whole("Level " + std::to_string(static_cast<int>(l + 1)) + " of " + criterion_title(d, i));
            c.levels.push_back({ *level, d.levels[l].descriptor });
        }
        rubric.criteria.push_back(std::move(c));
    }
    return check_rubric(std::move(rubric), max_points);
}

void draw_rubric_builder(AppState& state, RubricDraft& draft, int max_points)
{
    int remove = -1;
    int sum = 0, bonus = 0;
    for (std::size_t i = 0; i < draft.criteria.size(); ++i) {
        auto& c = draft.criteria[i];
        const auto prefix = "rubric." + std::to_string(static_cast<int>(i));
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ui::heading(("Criterion " + std::to_string(static_cast<int>(i + 1))).c_str(), 3);
        ui::labelled_input(state, "Name", "such as Argument", c.name, sizeof c.name, prefix + ".name", 16);
        ui::labelled_input(state, "Worth (points)", "10", c.max_points, sizeof c.max_points, prefix + ".max_points", 4,
            ImGuiInputTextFlags_CharsDecimal);
        ImGui::SameLine();
        ui::checkbox("Bonus (beyond the total)", &c.bonus);
        ui::remember(state, prefix + ".bonus");
        ui::labelled_input(state, "Description", "what this criterion looks for", c.description, sizeof c.description,
            prefix + ".description", 24);
        draw_levels(state, c, i);
        ImGui::SameLine();
        ImGui::BeginDisabled(draft.criteria.size() <= 1);
        if (ui::button(state, "Remove criterion", prefix + ".remove"))
            remove = static_cast<int>(i);
        ImGui::EndDisabled();
        ImGui::PopID();
        if (auto points = ui::whole_number(c.max_points, k_rubric_most_points))
            (c.bonus ? bonus : sum) += *points;
    }
    if (remove >= 0)
        draft.criteria.erase(draft.criteria.begin() + remove);
    ImGui::Separator();
    ImGui::BeginDisabled(draft.criteria.size() >= static_cast<std::size_t>(k_rubric_most_criteria));
    if (ui::button(state, ICON_PLUS " Add criterion", "rubric.add_criterion")) {
        CriterionDraft c;
        ui::copy_text(c.name, "Criterion " + std::to_string(static_cast<int>(draft.criteria.size() + 1)));
        c.levels.resize(2);
        draft.criteria.push_back(std::move(c));
    }
    ImGui::EndDisabled();
    std::string adds = "The criteria add up to " + std::to_string(sum) + " of " + std::to_string(max_points) + " points";
    if (bonus > 0)
        adds += ", and " + std::to_string(bonus) + " bonus";
    ui::text_colored(sum == max_points ? ui::k_ok : ui::k_muted, "%s", adds.c_str());
    if (auto checked = rubric_of_draft(draft, max_points); !checked.ok())
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", checked.error().message.c_str());
}

// [SECTION] marking ----------------------------------------------------------

void fill_marking(RubricMarking& marking, const Rubric& rubric, const Json& rubric_marks)
{
    marking.marks.assign(rubric.criteria.size(), MarkDraft {});
    if (!rubric_marks.is_array())
        return;
    auto read = read_marks(rubric_marks);
    if (!read.ok())
        return;
    for (std::size_t i = 0; i < read.value().size() && i < marking.marks.size(); ++i) {
        const auto& m = read.value()[i];
        auto& d = marking.marks[i];
        d.level = m.level.value_or(-1);
        if (m.adjustment) {
            d.adjust = true;
            ui::copy_text(d.points, std::to_string(m.adjustment->points));
            ui::copy_text(d.reason, m.adjustment->reason);
        }
    }
}

std::optional<std::vector<CriterionMark>> marks_of(const RubricMarking& marking)
{
    std::vector<CriterionMark> marks;
    for (const auto& d : marking.marks) {
        CriterionMark m;
        if (d.level >= 0)
            m.level = d.level;
        if (d.adjust) {
            auto points = ui::whole_number(d.points, k_rubric_most_points);
            if (!points)
                return std::nullopt;
            m.adjustment = CriterionAdjustment { *points, d.reason };
        }
        marks.push_back(std::move(m));
    }
    return marks;
}

Result<int> draw_rubric_marking(AppState& state, RubricMarking& marking, const Rubric& rubric, int max_points)
{
    if (marking.marks.size() != rubric.criteria.size())
        marking.marks.resize(rubric.criteria.size());
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
        const auto& c = rubric.criteria[i];
        auto& d = marking.marks[i];
        const auto prefix = "marking." + std::to_string(static_cast<int>(i));
        ImGui::PushID(static_cast<int>(i));
        ui::heading((c.name + (c.bonus ? " (bonus, up to " : " (up to ") + std::to_string(c.max_points) + " points)").c_str(), 3);
        if (!c.description.empty())
            ui::text_colored(ui::k_muted, "%s", c.description.c_str());
        ui::begin_radio_group(c.name.c_str());
        for (std::size_t l = 0; l < c.levels.size(); ++l) {
            const auto& level = c.levels[l];
            auto label = std::to_string(level.points) + (level.points == 1 ? " point" : " points");
            if (!level.descriptor.empty())
                label += " \xC2\xB7 " + level.descriptor;
            if (ui::radio_button((label + "##l" + std::to_string(static_cast<int>(l))).c_str(), d.level == static_cast<int>(l)))
                d.level = static_cast<int>(l);
            ui::remember(state, prefix + ".level." + std::to_string(static_cast<int>(l)));
        }
        ui::end_radio_group();
        ui::checkbox("Give other points, with a reason", &d.adjust);
        ui::remember(state, prefix + ".adjust");
        if (d.adjust) {
            ImGui::Indent();
            ui::labelled_input(state, "Points given", std::to_string(c.max_points).c_str(), d.points, sizeof d.points,
                prefix + ".points", 4, ImGuiInputTextFlags_CharsDecimal);
            ui::labelled_input(state, "Reason", "such as an agreed extension", d.reason, sizeof d.reason,
                prefix + ".reason", 22);
            if (d.points[0] && !ui::whole_number(d.points, k_rubric_most_points))
                ui::text_colored(ui::k_error, "\xE2\x9C\x97 Type whole points, such as 3");
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    auto marks = marks_of(marking);
    if (!marks)
        return make_error(ErrorCode::InvalidArgument, "Type the points given as a whole number", "marks");
    auto score = score_rubric(rubric, *marks, max_points);
    if (!score.ok())
        return score.error();
    ui::text("Total: %s", score_for_people(score.value()).c_str());
    ui::remember(state, "marking.total");
    return rubric_grade(rubric, *marks, max_points);
}

// [SECTION] reading ----------------------------------------------------------

void draw_rubric_marks(AppState& state, const Rubric& rubric, const Json& rubric_marks, int max_points)
{
    auto marks = read_marks(rubric_marks);
    if (!marks.ok() || marks.value().size() != rubric.criteria.size())
        return;
    auto score = score_rubric(rubric, marks.value(), max_points);
    if (!score.ok())
        return;
    if (ui::begin_table("marks", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Criterion");
        ImGui::TableSetupColumn("Level");
        ImGui::TableSetupColumn("Points");
        ui::table_headers_row();
        for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
            const auto& c = rubric.criteria[i];
            const auto& m = marks.value()[i];
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted((c.name + (c.bonus ? " (bonus)" : "")).c_str());
            ui::table_next_column();
            if (m.level)
                ui::text_wrapped("%s", c.levels[static_cast<std::size_t>(*m.level)].descriptor.c_str());
            if (m.adjustment)
                ui::text_wrapped("Changed by your instructor: %s", m.adjustment->reason.c_str());
            ui::table_next_column();
            const auto points = score.value().points[i];
            ui::text_unformatted(
                ((points ? std::to_string(*points) : std::string("\xE2\x80\x93")) + " of " + std::to_string(c.max_points)).c_str());
        }
        ui::end_table();
    }
    ui::text("Total: %s", score_for_people(score.value()).c_str());
    ui::remember(state, "student.rubric_total");
}

void draw_rubric_outline(const Rubric& rubric, int max_points)
{
    ui::heading(("How it is marked (out of " + std::to_string(max_points) + ")").c_str(), 3);
    for (const auto& c : rubric.criteria) {
        std::string levels;
        for (const auto& l : c.levels)
            levels += (levels.empty() ? "" : " \xC2\xB7 ") + std::to_string(l.points) + " " + l.descriptor;
        ui::text_wrapped("\xE2\x80\xA2 %s%s, up to %d points: %s", c.name.c_str(), c.bonus ? " (bonus)" : "", c.max_points,
            levels.c_str());
    }
}

std::optional<Rubric> assignment_rubric(const Json& assignment)
{
    const auto& stored = field_of(assignment, "rubric");
    const int points = int_field(assignment, "max_points");
    if (!stored.is_object() || points <= 0)
        return std::nullopt;
    auto rubric = read_rubric(stored, points);
    if (!rubric.ok())
        return std::nullopt;
    return rubric.value();
}

} // namespace learnloop::client
