// A tutor's hours (see availability_tab.hpp): [SECTION] loading, [SECTION]
// the list, [SECTION] the forms, [SECTION] the tab.
#include "tutoring/availability_tab.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "tutoring/money_fields.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <iterator>

namespace learnloop::client {

namespace {

// [SECTION] loading --------------------------------------------------------------------

std::string path_for(std::int64_t tutor)
{
    return "/api/tutoring/availability" + (tutor ? "?tutor_id=" + std::to_string(tutor) : std::string());
}

void reload(AppState& state, AvailabilityTabState& tab, std::int64_t tutor)
{
    tab.loaded_tutor = tutor;
    api_load(state, tab.windows, path_for(tutor));
}

// A change: its outcome, then the list read again.
auto after_change(AvailabilityTabState& tab, std::int64_t tutor)
{
    return [&tab, tutor](AppState& state, const ApiAnswer& answer) {
        tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Saved") : "");
        if (answer.ok())
            reload(state, tab, tutor);
    };
}

// [SECTION] the list -------------------------------------------------------------------

void draw_windows(AppState& state, AvailabilityTabState& tab)
{
    const auto& windows = tab.windows.data.value("windows", Json::array());
    if (windows.empty()) {
        ui::empty_state(state, "No hours set",
            "Any time can be booked. Add the weekly hours below, and days away as they come up.");
        return;
    }
    bool ask = false;
    for (const auto& w : windows) {
        const auto id = w.value("id", std::int64_t(0));
        const auto label = w.value("label", "");
        ImGui::PushID(static_cast<int>(id));
        ui::bullet_text("%s", label.c_str());
        ImGui::SameLine();
        if (ui::button(state, ("Remove " + label).c_str(), "hours.remove." + std::to_string(id))) {
            tab.remove_pending = id;
            tab.remove_label = label;
            ask = true;
        }
        ImGui::PopID();
    }
    if (ask)
        ui::open_confirm("Remove these hours?");
}

// [SECTION] the forms ------------------------------------------------------------------

void time_field(AppState& state, const char* label, char (&buffer)[6], const std::string& name)
{
    ui::labelled_input(state, label, "HH:MM", buffer, sizeof buffer, name, 4);
}

void draw_weekly_form(AppState& state, AvailabilityTabState& tab, std::int64_t tutor)
{
    ui::heading("Add weekly hours", 3);
    ui::text_unformatted("Every");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ui::begin_combo("##hours_weekday", std::string(weekday_name(tab.weekday)).c_str())) {
        for (int d = 0; d < 7; ++d)
            if (ui::selectable(std::string(weekday_name(d)).c_str(), tab.weekday == d))
                tab.weekday = d;
        ui::end_combo();
    }
    ui::remember(state, "hours.weekday");
    ImGui::SameLine();
    time_field(state, "from", tab.starts, "hours.starts");
    ImGui::SameLine();
    time_field(state, "until", tab.ends, "hours.ends");
    if (!ui::compact())
        ImGui::SameLine();
    if (ui::primary_button(state, ICON_PLUS " Add weekly hours", "hours.add_weekly")) {
        Json body { { "weekday", tab.weekday }, { "starts", tab.starts }, { "ends", tab.ends } };
        if (tutor)
            body["tutor_id"] = tutor;
        api_call(state, "POST", "/api/tutoring/availability", body, after_change(tab, tutor));
    }
}

void draw_day_form(AppState& state, AvailabilityTabState& tab, std::int64_t tutor)
{
    ui::heading("A day away, or extra time", 3);
    ui::note("For one date: time taken away from the weekly hours, or added to them.");
    date_field(state, "On", tab.day, "hours.day");
    ImGui::SameLine();
    time_field(state, "starting", tab.day_starts, "hours.day_starts");
    ImGui::SameLine();
    time_field(state, "ending", tab.day_ends, "hours.day_ends");
    ui::begin_radio_group("That day");
    ui::radio_button("Away", &tab.day_kind, 0);
    ImGui::SameLine();
    ui::radio_button("Extra time", &tab.day_kind, 1);
    ui::end_radio_group();
    if (!ui::compact())
        ImGui::SameLine();
    ImGui::BeginDisabled(!tab.day[0]);
    if (ui::primary_button(state, ICON_PLUS " Add this day", "hours.add_day") && tab.day[0]) {
        Json body { { "on_date", tab.day }, { "starts", tab.day_starts }, { "ends", tab.day_ends },
            { "available", tab.day_kind == 1 } };
        if (tutor)
            body["tutor_id"] = tutor;
        api_call(state, "POST", "/api/tutoring/availability", body, after_change(tab, tutor));
    }
    ImGui::EndDisabled();
}

} // namespace

// [SECTION] the tab ----------------------------------------------------------------------

void draw_availability_tab(AppState& state, AvailabilityTabState& tab, const Remote* people)
{
    std::int64_t tutor = 0;   // 0: the signed-in tutor's own
    if (people) {
        auto tutors = users_with_role(*people, Role::Teacher);
        ui::text_unformatted("Tutor");
        ImGui::SameLine();
        person_combo("##hours_tutor", tutors, tab.tutor);
        ui::remember(state, "hours.tutor");
        if (tab.tutor < 0 || tab.tutor >= static_cast<int>(tutors.size())) {
            ui::note("Pick a tutor to see and change their hours.");
            return;
        }
        tutor = tutors[static_cast<std::size_t>(tab.tutor)]->value("id", std::int64_t(0));
    }
    if (tab.loaded_tutor != tutor && tab.windows.phase != Phase::Loading)
        reload(state, tab, tutor);

    ui::heading(people ? "Their hours" : "My hours", 3);
    ui::note("Sessions booked outside these hours are flagged to whoever books them. No hours at all: any time can be booked.");
    if (ui::remote_status(state, tab.windows, "hours.retry"))
        reload(state, tab, tutor);
    if (tab.windows.data.is_object())
        draw_windows(state, tab);
    ImGui::Separator();
    draw_weekly_form(state, tab, tutor);
    ImGui::Separator();
    draw_day_form(state, tab, tutor);
    ui::action_status(tab.action);

    if (tab.remove_pending
        && ui::confirm_dialog(state, "Remove these hours?",
            "Remove " + tab.remove_label + "? Sessions already booked stay booked.", "Remove")) {
        const auto id = tab.remove_pending;
        tab.remove_pending = 0;
        api_call(state, "DELETE", "/api/tutoring/availability/" + std::to_string(id), nullptr, after_change(tab, tutor));
    }
}

Json availability_tab_summary(const AvailabilityTabState& tab)
{
    Json labels = Json::array();
    if (tab.windows.data.is_object())
        for (const auto& w : tab.windows.data.value("windows", Json::array()))
            labels.push_back(w.value("label", ""));
    return { { "hours",
        { { "windows", labels }, { "phase", tab.windows.phase == Phase::Done ? "done" : "loading" },
            { "tutor", tab.loaded_tutor }, { "action", tab.action.message }, { "action_failed", tab.action.failed } } } };
}

} // namespace learnloop::client
