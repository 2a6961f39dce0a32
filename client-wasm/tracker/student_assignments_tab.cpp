// The student's Assignments tab (see student_assignments_tab.hpp).
#include "tracker/student_assignments_tab.hpp"

#include "academy/rubric_panels.hpp"
#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "tracker/due_status.hpp"
#include "net/api.hpp"
#include "tracker/gradebook.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

void reload(AppState& state, StudentAssignmentsTabState& tab)
{
    api_load(state, tab.assignments, "/api/assignments?limit=200");
}

std::string status_of(const AppState& state, const Json& a)
{
    bool submitted = a["submission_id"].is_number();
    bool graded = a["grade"].is_number();
    return std::string(due_status_name(due_status(static_cast<std::int64_t>(state.wall_clock),
        parse_utc_timestamp(a.value("due_at", "")).value_or(0), submitted, graded)));
}

void select_assignment(AppState& state, StudentAssignmentsTabState& tab, std::int64_t id)
{
    tab.selected = id;
    tab.submit = {};
    tab.answer[0] = '\0';
    if (!id)
        return;
    tab.submission.phase = Phase::Loading;
    api_call(state, "GET", "/api/assignments/" + std::to_string(id) + "/submission", nullptr,
        [&tab](AppState&, const ApiAnswer& answer) {
            if (answer.ok()) {
                tab.submission.data = answer.body;
                tab.submission.phase = Phase::Done;
                ui::copy_text(tab.answer, answer.body.value("content", ""));
            } else if (answer.status == 404) {
                tab.submission.data = nullptr;   // nothing submitted yet
                tab.submission.phase = Phase::Done;
            } else {
                tab.submission.phase = Phase::Failed;
                tab.submission.error = answer.error_text();
            }
        });
}

void submit(AppState& state, StudentAssignmentsTabState& tab)
{
    tab.submit = { Phase::Loading, {}, false };
    api_call(state, "POST", "/api/assignments/" + std::to_string(tab.selected) + "/submit", { { "content", tab.answer } },
        [&tab](AppState& state, const ApiAnswer& answer) {
            if (!answer.ok()) {
                tab.submit = { Phase::Failed, answer.error_text(), true };
                return;
            }
            bool late = answer.body.value("late", false);
            reload(state, tab);
            select_assignment(state, tab, tab.selected);   // clears the outcome: set it after
            tab.submit = { Phase::Done, late ? "Submitted (after the due time)" : "Submitted", false };
        });
}

void draw_list(AppState& state, StudentAssignmentsTabState& tab)
{
    ui::text_unformatted("My assignments");
    ImGui::SameLine();
    if (ui::button(state, "Refresh", "student.refresh"))
        reload(state, tab);
    if (ui::remote_status(state, tab.assignments, "student.assignments"))
        reload(state, tab);
    if (tab.assignments.phase == Phase::Done && tab.assignments.data.empty())
        ui::empty_state(state, "No assignments yet",
            state.session.tenant_kind == TenantKind::Academy
                ? "When your instructors set work in your courses, it appears here with its due date and how it is marked."
                : "When your teachers set work, it appears here with its due date. Meanwhile, try Today's tasks.");
    if (tab.assignments.data.is_array()
        && ui::begin_table("assignments", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Title");
        ImGui::TableSetupColumn("Due");
        ImGui::TableSetupColumn("Status");
        ui::table_headers_row();
        for (const auto& a : tab.assignments.data) {
            auto id = a.value("id", std::int64_t(0));
            ui::table_next_row();
            ui::table_next_column();
            if (ui::selectable((a.value("title", "") + "##a" + std::to_string(id)).c_str(), tab.selected == id,
                    ImGuiSelectableFlags_SpanAllColumns))
                select_assignment(state, tab, id);
            ui::remember(state, "student.assignment." + a.value("title", ""));
            ui::table_next_column();
            ui::text_unformatted(due_for_people(a.value("due_date", "")).c_str());
            ui::table_next_column();
            ui::status_label(status_of(state, a));
        }
        ui::end_table();
    }
}

void draw_detail(AppState& state, StudentAssignmentsTabState& tab)
{
    const Json* selected = find_by_id(tab.assignments, tab.selected);
    if (!selected) {
        if (!tab.selected || tab.assignments.phase != Phase::Done)
            ui::empty_state(state, "Choose an assignment",
                "Pick one from the list to read it, write your answer and hand it in.");
        else if (ui::missing_item(state,
                     "This assignment was not found. It may have been removed, or it is not one of yours.",
                     "Show all assignments", "student.not_found"))
            select_assignment(state, tab, 0);
        return;
    }
    // The assignment's title heads its page (a link opens it, a screen reader jumps to it).
    ImGui::PushTextWrapPos(0.0f);
    ui::heading(selected->value("title", "").c_str(), 2);
    ImGui::PopTextWrapPos();
    ui::text_colored(ui::k_muted, "Due %s \xC2\xB7 set by %s", due_for_people(selected->value("due_date", "")).c_str(),
        selected->value("teacher_name", "").c_str());
    ui::status_label(status_of(state, *selected));
    ui::text_wrapped("%s", selected->value("description", "").c_str());
    const auto rubric = assignment_rubric(*selected);
    if (rubric && !field_of(*selected, "rubric_marks").is_array())
        draw_rubric_outline(*rubric, int_field(*selected, "max_points"));
    ImGui::Separator();

    if (ui::remote_status(state, tab.submission, "student.submission"))
        select_assignment(state, tab, tab.selected);
    if (tab.submission.phase != Phase::Done)
        return;
    const auto& mine = tab.submission.data;
    bool graded = mine.is_object() && mine["grade"].is_number();
    if (graded) {
        ui::text_colored(ui::k_ok, "\xE2\x9C\x93 Grade: %s", format_grade(mine["grade"].get<double>()).c_str());
        ui::remember(state, "student.grade");
        if (rubric && field_of(mine, "rubric_marks").is_array())
            draw_rubric_marks(state, *rubric, field_of(mine, "rubric_marks"), int_field(*selected, "max_points"));
        if (mine["feedback"].is_string() && !mine["feedback"].get<std::string>().empty())
            ui::text_wrapped("Feedback: %s", mine["feedback"].get<std::string>().c_str());
        ui::text_colored(ui::k_muted, "Your answer:");
        ui::text_wrapped("%s", mine.value("content", "").c_str());
    } else {
        if (mine.is_object())
            ui::text_colored(ui::k_info, "Submitted %s%s. You can change it until it is graded.",
                due_for_people(mine.value("submitted_at", "")).c_str(), mine.value("late", false) ? " (late)" : "");
        ui::text_unformatted("Your answer");
        ui::input_text_multiline("##answer", tab.answer, sizeof tab.answer, ImVec2(-1, ImGui::GetTextLineHeight() * 10));
        ui::remember(state, "student.answer");
        auto check = validate_text(tab.answer, "content", "Your answer", 1, k_submission_max_length, TextLines::Multiple);
        ImGui::BeginDisabled(!check.ok() || tab.submit.phase == Phase::Loading);
        if (ui::primary_button(state, mine.is_object() ? "Resubmit" : "Submit", "student.submit"))
            submit(state, tab);
        ImGui::EndDisabled();
    }
    ui::action_status(tab.submit);
}

} // namespace

void draw_student_assignments_tab(AppState& state, StudentAssignmentsTabState& tab)
{
    if (tab.assignments.phase == Phase::Idle)
        reload(state, tab);
    if (ui::list_detail(state, "student.assignments", tab.selected != 0, 0.45f, [&] { draw_list(state, tab); },
            [&] { draw_detail(state, tab); }))
        tab.selected = 0;
}

ui::TabPlace student_assignments_place(const StudentAssignmentsTabState& tab)
{
    const Json* selected = find_by_id(tab.assignments, tab.selected);
    return { tab.selected, {}, 0, selected ? selected->value("title", "") : "" };
}

bool open_student_assignments(AppState& state, StudentAssignmentsTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id != tab.selected)
        select_assignment(state, tab, route.id);
    return true;
}

Json student_assignments_summary(const AppState& state, const StudentAssignmentsTabState& tab)
{
    Json list = Json::array();
    if (tab.assignments.data.is_array())
        for (const auto& a : tab.assignments.data)
            list.push_back({ { "title", a.value("title", "") }, { "status", status_of(state, a) }, { "grade", a["grade"] } });
    return { { "assignments", list }, { "selected", tab.selected }, { "submission", tab.submission.data },
        { "submit", tab.submit.message } };
}

} // namespace learnloop::client
