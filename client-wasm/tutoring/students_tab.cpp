// A tutor's students (see students_tab.hpp).
#include "tutoring/students_tab.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

// "Mon 7 Dec, 16:00, Maths" of a session; empty for none.
std::string session_words(const Json& o)
{
    if (!o.is_object())
        return {};
    auto start = read_local_datetime(o.value("start", ""));
    if (!start)
        return {};
    return day_for_people(*start, false) + ", " + clock_for_people(o.value("start", "")) + ", " + o.value("subject", "");
}

std::string joined(const Json& list, const char* field = nullptr)
{
    std::string out;
    for (const auto& item : list) {
        const auto text = field ? item.value(field, "") : (item.is_string() ? item.get<std::string>() : "");
        if (!text.empty())
            out += (out.empty() ? "" : ", ") + text;
    }
    return out;
}

void draw_student(const Json& s)
{
    const auto name = s.value("name", "");
    const auto to_log = s.value("to_log", Json::array()).size();
    const auto key = "student." + std::to_string(s.value("id", std::int64_t(0)));
    ui::semantics::begin(ui::semantics::Role::Group, name, ImGui::GetID(key.c_str()));
    ui::heading(name.c_str(), 3);
    if (to_log > 0) {
        ImGui::SameLine();
        ui::chip(ICON_EXCLAMATION, (std::to_string(to_log) + " to log").c_str(), ui::k_warning, ui::k_warning_tint);
    }
    ImGui::PushTextWrapPos(0.0f);
    const auto logged = s.value("logged", 0);
    ui::text_colored(ui::k_muted, "%s \xC2\xB7 %d %s logged in the last four weeks",
        joined(s.value("subjects", Json::array())).c_str(), logged, logged == 1 ? "session" : "sessions");
    const auto next = session_words(s.value("next", Json()));
    ui::text_unformatted(("Next: " + (next.empty() ? std::string("nothing booked") : next)).c_str());
    const auto last = session_words(s.value("last", Json()));
    if (!last.empty()) {
        // Beside the next on a wide screen; under it on a phone.
        if (!ui::compact())
            ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2);
        ui::text_unformatted(("Last: " + last + " (" + s["last"].value("status_label", "") + ")").c_str());
    }
    ImGui::PopTextWrapPos();
    ui::semantics::end();
    ImGui::Separator();
}

} // namespace

void draw_students_tab(AppState& state, StudentsTabState& tab)
{
    if (tab.students.phase == Phase::Idle)
        api_load(state, tab.students, "/api/tutoring/students");
    ui::heading("My students", 2);
    if (ui::button(state, "Refresh", "students.refresh"))
        forget(tab.students);
    if (ui::remote_status(state, tab.students, "students.retry"))
        forget(tab.students);
    if (tab.students.phase != Phase::Done || !tab.students.data.is_object())
        return;
    const auto& list = tab.students.data.value("students", Json::array());
    if (list.empty()) {
        ui::empty_state(state, "No students in these weeks",
            "Students you teach in the last four weeks or the next eight appear here once the office books them.");
        return;
    }
    for (const auto& s : list)
        draw_student(s);
}

Json students_tab_summary(const StudentsTabState& tab)
{
    Json students = Json::array();
    if (tab.students.data.is_object())
        for (const auto& s : tab.students.data.value("students", Json::array()))
            students.push_back({ { "id", s.value("id", std::int64_t(0)) }, { "name", s.value("name", "") },
                { "to_log", s.value("to_log", Json::array()).size() } });
    return { { "students", students }, { "students_phase", tab.students.phase == Phase::Done ? "done" : "loading" } };
}

} // namespace learnloop::client
