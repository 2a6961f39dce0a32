// The business's rates (see rates_panel.hpp): the list, most specific first,
// and the form that adds one.
#include "tutoring/rates_panel.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "tutoring/money_fields.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

// Who a rate is for, in words: "Everyone (the default)", "Zoë Student",
// "Tomás Tutor's sessions", "Zoë Student with Tomás Tutor".
std::string who_for(const Json& rate)
{
    const auto student = rate["student_name"].is_string() ? rate["student_name"].get<std::string>() : "";
    const auto tutor = rate["tutor_name"].is_string() ? rate["tutor_name"].get<std::string>() : "";
    if (!student.empty() && !tutor.empty())
        return student + " with " + tutor;
    if (!student.empty())
        return student;
    if (!tutor.empty())
        return tutor + "'s sessions";
    return "Everyone (the default)";
}

void draw_list(const RatesState& panel)
{
    if (!ui::begin_table("rates", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("For");
    ImGui::TableSetupColumn("From");
    ImGui::TableSetupColumn("Per hour");
    ui::table_headers_row();
    for (const auto& rate : panel.rates.data) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(who_for(rate).c_str());
        ui::table_next_column();
        const auto day = read_local_day(rate.value("effective_from", ""));
        ui::text_unformatted(day ? day_for_people(*day, true).c_str() : rate.value("effective_from", "").c_str());
        ui::table_next_column();
        ui::text_unformatted(money_text(rate, "per_hour").c_str());
    }
    ui::end_table();
}

void draw_form(AppState& state, RatesState& panel, const Remote& people)
{
    if (!panel.starting[0] && state.local_now.size() >= 10)
        ui::copy_text(panel.starting, state.local_now.substr(0, 10));
    auto students = users_with_role(people, Role::Student);
    auto tutors = users_with_role(people, Role::Teacher);
    ui::text_unformatted("For");
    ImGui::SameLine();
    person_combo("##rate_student", students, panel.student, "Any student");
    ui::remember(state, "rates.student");
    ImGui::SameLine();
    ui::text_unformatted("with");
    ImGui::SameLine();
    person_combo("##rate_tutor", tutors, panel.tutor, "Any tutor");
    ui::remember(state, "rates.tutor");
    if (!ui::compact())
        ImGui::SameLine();
    date_field(state, "Starting", panel.starting, "rates.starting");
    ImGui::SameLine();
    ui::labelled_input(state, "Per hour", "0.00", panel.per_hour, sizeof panel.per_hour, "rates.per_hour", 6,
        ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    const bool ready = panel.per_hour[0] && panel.starting[0];
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, ICON_PLUS " Add rate", "rates.add") && ready) {
        auto id_of = [](const std::vector<const Json*>& list, int choice) {
            return choice >= 0 && choice < static_cast<int>(list.size())
                ? Json(list[static_cast<std::size_t>(choice)]->value("id", std::int64_t(0)))
                : Json(nullptr);
        };
        Json body { { "student_id", id_of(students, panel.student) }, { "tutor_id", id_of(tutors, panel.tutor) },
            { "effective_from", panel.starting }, { "per_hour", panel.per_hour } };
        api_call(state, "POST", "/api/tutoring/rates", body, [&panel](AppState& state, const ApiAnswer& answer) {
            panel.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Rate added") : "");
            if (!answer.ok())
                return;
            panel.per_hour[0] = '\0';
            api_load(state, panel.rates, "/api/tutoring/rates");
        });
    }
    ImGui::EndDisabled();
    ui::action_status(panel.action);
}

} // namespace

void draw_rates_panel(AppState& state, RatesState& panel, const Remote& people)
{
    if (panel.rates.phase == Phase::Idle)
        api_load(state, panel.rates, "/api/tutoring/rates");
    ui::heading("Rates", 3);
    ui::note("A session is charged the most specific rate in effect on its day: the student's with that tutor, else the "
        "student's, else the tutor's, else the default. A new price starts on a date; earlier sessions keep theirs.");
    draw_form(state, panel, people);
    if (ui::remote_status(state, panel.rates, "rates.retry"))
        api_load(state, panel.rates, "/api/tutoring/rates");
    if (!panel.rates.data.is_array())
        return;
    if (panel.rates.data.empty()) {
        ui::text_colored(ui::k_warning, "%s", "No rates yet: add the default price per hour before making invoices.");
        return;
    }
    draw_list(panel);
}

Json rates_summary(const RatesState& panel)
{
    Json list = Json::array();
    if (panel.rates.data.is_array())
        for (const auto& rate : panel.rates.data)
            list.push_back({ { "for", who_for(rate) }, { "from", rate.value("effective_from", "") },
                { "per_hour", rate.value("per_hour", "") } });
    return { { "list", list }, { "phase", panel.rates.phase == Phase::Done ? "done" : "loading" },
        { "action", panel.action.message }, { "action_failed", panel.action.failed } };
}

} // namespace learnloop::client
