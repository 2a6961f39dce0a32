// Submissions and grading (see grading_panel.hpp).
#include "tracker/grading_panel.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "net/api.hpp"
#include "tracker/gradebook.hpp"
#include "ui/widgets.hpp"

#include <cstdlib>

namespace learnloop::client {

namespace {

// Fills the grading fields from submission `s` (empty when not graded yet).
void fill_grading_fields(GradingState& g, const Json& s, const std::optional<Rubric>& rubric)
{
    ui::copy_text(g.grade, s["grade"].is_number() ? format_grade(s["grade"].get<double>()) : "");
    ui::copy_text(g.feedback, s["feedback"].is_string() ? s["feedback"].get<std::string>() : "");
    if (rubric)
        fill_marking(g.marking, *rubric, field_of(s, "rubric_marks"));
}

// Saves `grade`, or with a rubric the marks that give it.
void save_grade(AppState& state, GradingState& g, bool move_to_next, double grade, const std::optional<Rubric>& rubric)
{
    if (g.selected_submission < 0 || !g.submissions.data.is_array())
        return;
    auto submission = g.submissions.data[g.selected_submission];
    Json body = { { "feedback", g.feedback } };
    Json marks = nullptr;
    if (rubric) {
        marks = marks_json(marks_of(g.marking).value_or(std::vector<CriterionMark> {}));
        body["marks"] = marks;
    } else {
        body["grade"] = grade;
    }
    g.grading = { Phase::Loading, {}, false };
    api_call(state, "PUT", "/api/submissions/" + std::to_string(submission.value("id", std::int64_t(0))) + "/grade", body,
        [&g, move_to_next, index = g.selected_submission, grade, marks, rubric](AppState&, const ApiAnswer& answer) {
            if (!answer.ok()) {
                g.grading = { Phase::Failed, answer.error_text(), true };
                return;
            }
            g.grading = { Phase::Done, "Grade saved", false };
            auto& rows = g.submissions.data;
            if (rows.is_array() && index < static_cast<int>(rows.size())) {
                rows[index]["grade"] = grade;
                rows[index]["feedback"] = g.feedback;
                rows[index]["rubric_marks"] = marks;
            }
            if (move_to_next && rows.is_array() && index + 1 < static_cast<int>(rows.size())) {
                g.selected_submission = index + 1;
                fill_grading_fields(g, rows[index + 1], rubric);
            }
        });
}

} // namespace

void load_submissions(AppState& state, GradingState& g, std::int64_t assignment_id)
{
    g.selected_submission = -1;
    g.grading = {};
    api_load(state, g.submissions, "/api/assignments/" + std::to_string(assignment_id) + "/submissions?limit=200");
}

const Json* draw_submissions(AppState& state, GradingState& g, const Json& assignment)
{
    const auto assignment_id = assignment.value("id", std::int64_t(0));
    const auto rubric = assignment_rubric(assignment);
    const int max_points = int_field(assignment, "max_points");
    ui::text_unformatted("Submissions");
    if (ui::remote_status(state, g.submissions, "teacher.submissions"))
        load_submissions(state, g, assignment_id);
    if (g.submissions.phase != Phase::Done)
        return nullptr;
    if (g.submissions.data.empty()) {
        ui::text_colored(ui::k_muted, "No one has handed in work yet. Students see it in their list until it is due.");
        return nullptr;
    }
    if (ui::begin_table("submissions", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Student");
        ImGui::TableSetupColumn("Submitted");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Grade");
        ui::table_headers_row();
        for (std::size_t i = 0; i < g.submissions.data.size(); ++i) {
            const auto& s = g.submissions.data[i];
            ui::table_next_row();
            ui::table_next_column();
            if (ui::selectable((s.value("student_name", "") + "##s" + std::to_string(i)).c_str(),
                    g.selected_submission == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns)) {
                g.selected_submission = static_cast<int>(i);
                g.grading = {};
                fill_grading_fields(g, s, rubric);
            }
            ui::remember(state, "teacher.submission." + std::to_string(i));
            ui::table_next_column();
            ui::text_unformatted(due_for_people(s.value("submitted_at", "")).c_str());
            ui::table_next_column();
            ui::status_label(s["grade"].is_number() ? "graded" : s.value("late", false) ? "late" : "submitted");
            ui::table_next_column();
            ui::text_unformatted(s["grade"].is_number() ? format_grade(s["grade"].get<double>()).c_str() : "\xE2\x80\x93");
        }
        ui::end_table();
    }

    if (g.selected_submission < 0 || g.selected_submission >= static_cast<int>(g.submissions.data.size()))
        return nullptr;
    const auto& s = g.submissions.data[g.selected_submission];
    ImGui::Separator();
    ui::text("Grading: %s", s.value("student_name", "").c_str());
    ImGui::BeginChild("answer", ImVec2(0, ImGui::GetTextLineHeight() * 6), true);
    ui::text_wrapped("%s", s.value("content", "").c_str());
    ImGui::EndChild();
    Result<double> grade_check = make_error(ErrorCode::InvalidArgument, "Grade is required", "grade");
    if (rubric) {
        auto marked = draw_rubric_marking(state, g.marking, *rubric, max_points);
        if (marked.ok())
            grade_check = static_cast<double>(marked.value());
        else
            ui::text_colored(ui::k_muted, "%s", marked.error().message.c_str());
    } else {
        ui::text_unformatted(max_points > 0 ? ("Grade (0-" + std::to_string(max_points) + ")").c_str() : "Grade (0-1000)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ui::input_text("##grade", g.grade, sizeof g.grade, ImGuiInputTextFlags_CharsDecimal);
        ui::remember(state, "teacher.grade");
        if (g.grade[0])
            grade_check = validate_grade(std::atof(g.grade));
        if (grade_check.ok() && max_points > 0 && grade_check.value() > max_points)
            grade_check = make_error(ErrorCode::InvalidArgument,
                "The grade can be at most " + std::to_string(max_points) + ", what the work is out of", "grade");
        if (!grade_check.ok() && g.grade[0])
            ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", grade_check.error().message.c_str());
    }
    ui::text_unformatted("Feedback");
    ui::input_text_multiline("##feedback", g.feedback, sizeof g.feedback, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ui::remember(state, "teacher.feedback");
    bool shortcut = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::BeginDisabled(!grade_check.ok() || g.grading.phase == Phase::Loading);
    bool save = ui::primary_button(state, "Save grade", "teacher.save_grade");
    ImGui::SameLine();
    bool save_next = ui::button(state, "Save and next (Ctrl+Enter)", "teacher.save_next");
    ImGui::EndDisabled();
    if (grade_check.ok() && g.grading.phase != Phase::Loading && (save || save_next || shortcut))
        save_grade(state, g, save_next || shortcut, grade_check.value(), rubric);
    ui::action_status(g.grading);
    return &s;
}

Json grading_summary(const GradingState& g)
{
    Json submissions = Json::array();
    if (g.submissions.data.is_array())
        for (const auto& s : g.submissions.data)
            submissions.push_back({ { "student", s.value("student_name", "") }, { "grade", s["grade"] } });
    return { { "submissions", submissions }, { "grading", g.grading.message } };
}

} // namespace learnloop::client
