// A course's students (see roster_panel.hpp).
#include "academy/roster_panel.hpp"

#include "net/api.hpp"
#include "net/remote.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

constexpr const char* k_leave_dialog = "Take this student out of the course?";
// Names offered at once; more are found by typing part of a name.
constexpr int k_candidates_shown = 8;

std::string course_path(std::int64_t course) { return "/api/academy/courses/" + std::to_string(course); }

void load_students(AppState& state, RosterState& roster)
{
    api_load(state, roster.students, course_path(roster.course) + "/students");
}

void load_candidates(AppState& state, RosterState& roster)
{
    roster.searched = roster.search;
    api_load(state, roster.candidates, course_path(roster.course) + "/candidates?limit="
        + std::to_string(k_candidates_shown) + "&q=" + query_escape(roster.searched));
}

void enrol(AppState& state, RosterState& roster, std::int64_t student)
{
    roster.enrol = { Phase::Loading, {}, false };
    api_call(state, "POST", course_path(roster.course) + "/students", { { "student_ids", { student } } },
        [&roster, course = roster.course](AppState& state, const ApiAnswer& answer) {
            if (course != roster.course)
                return;   // another course was opened meanwhile
            roster.enrol = outcome_of(answer, text_field(answer.body, "message"));
            if (answer.ok()) {
                load_students(state, roster);
                load_candidates(state, roster);
            }
        });
}

void take_out(AppState& state, RosterState& roster, std::int64_t& open)
{
    roster.remove = { Phase::Loading, {}, false };
    const auto student = roster.leaving;
    if (open == student)
        open = 0;
    api_call(state, "DELETE", course_path(roster.course) + "/students/" + std::to_string(student), nullptr,
        [&roster, course = roster.course](AppState& state, const ApiAnswer& answer) {
            if (course != roster.course)
                return;
            roster.remove = outcome_of(answer, text_field(answer.body, "message"));
            if (answer.ok()) {
                load_students(state, roster);
                load_candidates(state, roster);
            }
        });
}

void change_code(AppState& state, RosterState& roster, const char* method)
{
    roster.code = { Phase::Loading, {}, false };
    api_call(state, method, course_path(roster.course) + "/join-code", nullptr,
        [&roster, course = roster.course](AppState&, const ApiAnswer& answer) {
            if (course != roster.course)
                return;
            roster.code = outcome_of(answer, text_field(answer.body, "message"));
            if (answer.ok())
                roster.join_code = field_of(answer.body, "join_code");
        });
}

// Students of the academy enrol themselves with the code (My courses, "Join a course").
void draw_join_code(AppState& state, RosterState& roster)
{
    ImGui::BeginDisabled(roster.code.phase == Phase::Loading);
    if (roster.join_code.is_string()) {
        ui::text_unformatted(("Students join with the code " + roster.join_code.get<std::string>()
                                 + ": they type it under My courses, Join a course.")
                                 .c_str());
        if (ui::button(state, ICON_REPEAT " New code", "roster.code.new"))
            change_code(state, roster, "PUT");
        ImGui::SameLine();
        if (ui::button(state, ICON_BAN " Turn joining off", "roster.code.off"))
            change_code(state, roster, "DELETE");
    } else {
        ui::text_colored(ui::k_muted, "Students cannot join this course with a code.");
        if (ui::button(state, ICON_PLUS " Make a join code", "roster.code.make"))
            change_code(state, roster, "PUT");
    }
    ImGui::EndDisabled();
    ui::action_status(roster.code);
}

void draw_enrolled(AppState& state, RosterState& roster, std::int64_t& open, std::string& open_name)
{
    const auto& students = roster.students.data;
    if (!students.is_array() || students.empty()) {
        ui::empty_state(state, "No students yet",
            "Enrol the academy's students below: they see the course's quizzes and assignments at once.");
        return;
    }
    if (!ui::begin_table("course_roster", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Student", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Quizzes handed in", ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableSetupColumn("Last active", ImGuiTableColumnFlags_WidthFixed, em * 11);
    ImGui::TableSetupColumn("Enrolled", ImGuiTableColumnFlags_WidthFixed, em * 6);
    ImGui::TableSetupColumn("Actions", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ui::table_headers_row();
    bool asked = false;
    for (const auto& s : students) {
        const auto id = id_field(s, "id");
        const auto name = text_field(s, "name");
        ui::table_next_row();
        ui::table_next_column();
        if (ui::selectable((name + "##roster" + std::to_string(id)).c_str(), open == id)) {
            open = open == id ? 0 : id;   // a second press closes their plan
            open_name = name;
        }
        ui::table_next_column();
        ui::text("%d", int_field(s, "handed_in"));
        ui::table_next_column();
        const auto last = text_field(s, "last_active");
        if (last.empty())
            ui::text_colored(ui::k_muted, "Not yet");
        else
            ui::text_unformatted(ui::time_for_people(state, last).c_str());
        ui::table_next_column();
        ui::text_unformatted(ui::date_for_people(state, text_field(s, "enrolled_at")).c_str());
        ui::table_next_column();
        if (ui::button(state, ("Take out##" + std::to_string(id)).c_str(), "roster.remove." + name)) {
            roster.leaving = id;
            roster.leaving_name = name;
            asked = true;
        }
    }
    ui::end_table();
    // Opened outside the table, whose ids the dialog would otherwise be under.
    if (asked)
        ui::open_confirm(k_leave_dialog);
}

void draw_enrolment(AppState& state, RosterState& roster)
{
    ui::heading("Enrol students", 4);
    ui::input_text_with_hint("##roster_search", "Find a student by name", roster.search, sizeof roster.search);
    ui::remember(state, "roster.search");
    if (roster.searched != roster.search && roster.candidates.phase != Phase::Loading)
        load_candidates(state, roster);
    if (ui::remote_status(state, roster.candidates, "roster.candidates"))
        load_candidates(state, roster);
    const auto& candidates = roster.candidates.data;
    if (candidates.is_array() && candidates.empty()) {
        ui::note(roster.searched.empty() ? "Every student of the academy is enrolled."
                                         : "No student of the academy not yet enrolled has that in their name.");
    } else if (candidates.is_array()) {
        ImGui::BeginDisabled(roster.enrol.phase == Phase::Loading);
        if (ui::begin_table("roster_candidates", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Student", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
            ui::table_headers_row();
            for (const auto& c : candidates) {
                const auto id = id_field(c, "id");
                const auto name = text_field(c, "name");
                ui::table_next_row();
                ui::table_next_column();
                ui::text_unformatted(name.c_str());
                ui::table_next_column();
                if (ui::button(state, (ICON_PLUS " Enrol##" + std::to_string(id)).c_str(), "roster.enrol." + name))
                    enrol(state, roster, id);
            }
            ui::end_table();
        }
        ImGui::EndDisabled();
        if (candidates.size() >= static_cast<std::size_t>(k_candidates_shown))
            ui::note("Type part of a name to find others.");
    }
    ui::action_status(roster.enrol);
}

} // namespace

void draw_roster(AppState& state, RosterState& roster, std::int64_t course_id, const Json& listed_code,
    std::int64_t& open, std::string& open_name)
{
    if (roster.course != course_id || roster.students.phase == Phase::Idle) {
        roster = {};
        roster.course = course_id;
        roster.join_code = listed_code;
        load_students(state, roster);
        load_candidates(state, roster);
    }
    ui::heading("Students", 3);
    if (ui::remote_status(state, roster.students, "roster.students"))
        load_students(state, roster);
    if (roster.students.phase == Phase::Done)
        draw_enrolled(state, roster, open, open_name);
    ui::action_status(roster.remove);
    if (ui::confirm_dialog(state, k_leave_dialog,
            roster.leaving_name + " leaves the course's lists. Their quiz results and marked work stay, and they come "
                                  "back if you enrol them again.",
            "Take out"))
        take_out(state, roster, open);
    ui::vertical_space(ui::k_space_s);
    ui::heading("Joining with a code", 4);
    draw_join_code(state, roster);
    ui::vertical_space(ui::k_space_s);
    draw_enrolment(state, roster);
}

Json roster_summary(const RosterState& roster)
{
    Json enrolled = Json::array();
    if (roster.students.data.is_array())
        for (const auto& s : roster.students.data)
            enrolled.push_back({ { "name", text_field(s, "name") }, { "handed_in", int_field(s, "handed_in") } });
    Json offered = Json::array();
    if (roster.candidates.data.is_array())
        for (const auto& c : roster.candidates.data)
            offered.push_back(text_field(c, "name"));
    return { { "roster", enrolled }, { "roster_candidates", offered }, { "roster_enrol", roster.enrol.message },
        { "roster_remove", roster.remove.message }, { "join_code", roster.join_code },
        { "join_code_message", roster.code.message } };
}

} // namespace learnloop::client
