// The student's portal: assignments with their due status (worked out here by
// the shared rules, so it changes as the clock passes), submit and resubmit,
// and the grade and feedback once marked.
#include "net/api.hpp"
#include "core/calendar.hpp"
#include "tracker/due_status.hpp"
#include "tracker/gradebook.hpp"
#include "ui/ui.hpp"
#include "core/validation.hpp"

#include <cstdio>

namespace learnloop::client {

namespace {

void reload(AppState& state)
{
    api_load(state, state.student.assignments, "/api/assignments?limit=200");
}

// Seconds since the epoch of a "YYYY-MM-DDTHH:MM:SSZ" UTC time.

std::string status_of(const AppState& state, const Json& a)
{
    bool submitted = a["submission_id"].is_number();
    bool graded = a["grade"].is_number();
    return std::string(due_status_name(
        due_status(static_cast<std::int64_t>(state.wall_clock), parse_utc_timestamp(a.value("due_at", "")).value_or(0), submitted, graded)));
}

void select_assignment(AppState& state, std::int64_t id)
{
    auto& s = state.student;
    s.selected = id;
    s.submit = {};
    s.answer[0] = '\0';
    s.submission.phase = Phase::Loading;
    api_call(state, "GET", "/api/assignments/" + std::to_string(id) + "/submission", nullptr,
        [](AppState& state, const ApiAnswer& answer) {
            auto& s = state.student;
            if (answer.ok()) {
                s.submission.data = answer.body;
                s.submission.phase = Phase::Done;
                std::snprintf(s.answer, sizeof s.answer, "%s", answer.body.value("content", "").c_str());
            } else if (answer.status == 404) {
                s.submission.data = nullptr;   // nothing submitted yet
                s.submission.phase = Phase::Done;
            } else {
                s.submission.phase = Phase::Failed;
                s.submission.error = answer.error_text();
            }
        });
}

void submit(AppState& state)
{
    auto& s = state.student;
    s.submit = { Phase::Loading, {}, false };
    api_call(state, "POST", "/api/assignments/" + std::to_string(s.selected) + "/submit", { { "content", s.answer } },
        [](AppState& state, const ApiAnswer& answer) {
            auto& s = state.student;
            if (!answer.ok()) {
                s.submit = { Phase::Failed, answer.error_text(), true };
                return;
            }
            bool late = answer.body.value("late", false);
            s.submit = { Phase::Done, late ? "Submitted (after the due time)" : "Submitted", false };
            reload(state);
            select_assignment(state, s.selected);
            s.submit = { Phase::Done, late ? "Submitted (after the due time)" : "Submitted", false };
        });
}

} // namespace

void draw_student_assignments(AppState& state);

void draw_student_portal(AppState& state)
{
    if (ImGui::BeginTabBar("student_tabs")) {
        if (ui::tab(state, "Assignments", "student.tab.assignments")) {
            draw_student_assignments(state);
            ImGui::EndTabItem();
        }
        if (ui::tab(state, "Today's tasks", "student.tab.practice")) {
            draw_practice(state);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void draw_student_assignments(AppState& state)
{
    auto& s = state.student;
    if (s.assignments.phase == Phase::Idle)
        reload(state);

    ImGui::BeginChild("list", ImVec2(ImGui::GetContentRegionAvail().x * 0.45f, 0), false);
    ImGui::TextUnformatted("My assignments");
    ImGui::SameLine();
    if (ui::button(state, "Refresh", "student.refresh"))
        reload(state);
    if (ui::remote_status(state, s.assignments, "student.assignments"))
        reload(state);
    if (s.assignments.phase == Phase::Done && s.assignments.data.empty())
        ImGui::TextColored(ui::k_muted, "Nothing to do: you have no assignments.");
    if (s.assignments.data.is_array() && ImGui::BeginTable("assignments", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Title");
        ImGui::TableSetupColumn("Due");
        ImGui::TableSetupColumn("Status");
        ImGui::TableHeadersRow();
        for (const auto& a : s.assignments.data) {
            auto id = a.value("id", std::int64_t(0));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable((a.value("title", "") + "##a" + std::to_string(id)).c_str(), s.selected == id,
                    ImGuiSelectableFlags_SpanAllColumns))
                select_assignment(state, id);
            ui::remember(state, "student.assignment." + a.value("title", ""));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(due_for_people(a.value("due_date", "")).c_str());
            ImGui::TableNextColumn();
            ui::status_label(status_of(state, a));
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("detail", ImVec2(0, 0), true);
    const Json* selected = nullptr;
    if (s.assignments.data.is_array())
        for (const auto& a : s.assignments.data)
            if (a.value("id", std::int64_t(0)) == s.selected)
                selected = &a;
    if (!selected) {
        ImGui::TextColored(ui::k_muted, "Select an assignment to read it and hand in your work.");
        ImGui::EndChild();
        return;
    }
    ImGui::TextWrapped("%s", selected->value("title", "").c_str());
    ImGui::TextColored(ui::k_muted, "Due %s \xC2\xB7 set by %s", due_for_people(selected->value("due_date", "")).c_str(),
        selected->value("teacher_name", "").c_str());
    ui::status_label(status_of(state, *selected));
    ImGui::TextWrapped("%s", selected->value("description", "").c_str());
    ImGui::Separator();

    if (ui::remote_status(state, s.submission, "student.submission"))
        select_assignment(state, s.selected);
    if (s.submission.phase != Phase::Done) {
        ImGui::EndChild();
        return;
    }
    const auto& mine = s.submission.data;
    bool graded = mine.is_object() && mine["grade"].is_number();
    if (graded) {
        ImGui::TextColored(ui::k_ok, "\xE2\x9C\x93 Grade: %s", format_grade(mine["grade"].get<double>()).c_str());
        ui::remember(state, "student.grade");
        if (mine["feedback"].is_string() && !mine["feedback"].get<std::string>().empty())
            ImGui::TextWrapped("Feedback: %s", mine["feedback"].get<std::string>().c_str());
        ImGui::TextColored(ui::k_muted, "Your answer:");
        ImGui::TextWrapped("%s", mine.value("content", "").c_str());
    } else {
        if (mine.is_object())
            ImGui::TextColored(ui::k_info, "Submitted %s%s. You can change it until it is graded.",
                due_for_people(mine.value("submitted_at", "")).c_str(), mine.value("late", false) ? " (late)" : "");
        ImGui::TextUnformatted("Your answer");
        ImGui::InputTextMultiline("##answer", s.answer, sizeof s.answer, ImVec2(-1, ImGui::GetTextLineHeight() * 10));
        ui::remember(state, "student.answer");
        auto check = validate_text(s.answer, "content", "Your answer", 1, k_submission_max_length, TextLines::Multiple);
        ImGui::BeginDisabled(!check.ok() || s.submit.phase == Phase::Loading);
        if (ui::button(state, mine.is_object() ? "Resubmit" : "Submit", "student.submit"))
            submit(state);
        ImGui::EndDisabled();
    }
    ui::action_status(s.submit);
    ImGui::EndChild();
}

Json student_summary(const AppState& state)
{
    const auto& s = state.student;
    Json list = Json::array();
    if (s.assignments.data.is_array())
        for (const auto& a : s.assignments.data)
            list.push_back({ { "title", a.value("title", "") }, { "status", status_of(state, a) }, { "grade", a["grade"] } });
    return { { "assignments", list }, { "selected", s.selected }, { "submission", s.submission.data },
        { "submit", s.submit.message }, { "practice", practice_summary(state) } };
}

} // namespace learnloop::client
