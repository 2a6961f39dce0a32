// Prepaid hours on the money tab (see packages_panel.hpp): [SECTION] the
// list, [SECTION] the office's sale form, [SECTION] the panel.
#include "tutoring/packages_panel.hpp"

#include "core/calendar.hpp"
#include "finance/billing.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "tutoring/money_fields.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

// [SECTION] the list ------------------------------------------------------------------

// A package's state as a chip: a shape and a word, never colour alone.
void state_chip(const Json& package)
{
    const auto state = package.value("state", "");
    const auto word = package.value("state_label", "");
    if (state == "active")
        ui::chip(ICON_CIRCLE, word.c_str(), ui::k_ok, ui::k_ok_tint);
    else if (state == "expired")
        ui::chip(ICON_MINUS, word.c_str(), ui::k_warning, ui::k_warning_tint);
    else if (state == "void")
        ui::chip(ICON_BAN, word.c_str(), ui::k_muted, ui::k_muted_tint);
    else
        ui::chip(ICON_CHECK, word.c_str(), ui::k_muted, ui::k_muted_tint);   // used up
}

// "Mon 7 Dec 2026" of a package's day.
std::string day_text(const Json& package, const char* key)
{
    const auto day = package[key].is_string() ? read_local_day(package[key].get<std::string>()) : std::nullopt;
    return day ? day_for_people(*day, true) : std::string("\xE2\x80\x94");
}

void draw_list(const PackagesState& panel, bool office)
{
    const auto& list = panel.packages.data;
    if (!ui::begin_table("packages", office ? 7 : 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Student");
    ImGui::TableSetupColumn("Hours");
    ImGui::TableSetupColumn("Left");
    if (office) {
        ImGui::TableSetupColumn("Price");
        ImGui::TableSetupColumn("Invoice");
    }
    ImGui::TableSetupColumn("From");
    ImGui::TableSetupColumn("State");
    ui::table_headers_row();
    for (const auto& package : list) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(package.value("student_name", "").c_str());
        ui::table_next_column();
        ui::text_unformatted(package.value("hours", "").c_str());
        ui::table_next_column();
        ui::text_unformatted(package.value("left", "").c_str());
        if (office) {
            ui::table_next_column();
            ui::text_unformatted(money_text(package, "price").c_str());
            ui::table_next_column();
            ui::text_unformatted(package["invoice_number"].is_string() ? package["invoice_number"].get<std::string>().c_str()
                                                                      : "Draft");
        }
        ui::table_next_column();
        auto from = day_text(package, "purchased_on");
        if (package["expires_on"].is_string())
            from += " to " + day_text(package, "expires_on");
        ui::text_unformatted(from.c_str());
        ui::table_next_column();
        state_chip(package);
    }
    ui::end_table();
}

// [SECTION] the office's sale form ------------------------------------------------------

void draw_sale_form(AppState& state, PackagesState& panel, const Remote& people,
    const std::function<void(AppState&, std::int64_t)>& sold)
{
    if (!panel.bought[0] && state.local_now.size() >= 10)
        ui::copy_text(panel.bought, state.local_now.substr(0, 10));
    auto students = users_with_role(people, Role::Student);
    ui::text_unformatted("Student");
    ImGui::SameLine();
    person_combo("##package_student", students, panel.student);
    ui::remember(state, "packages.student");
    if (!ui::compact())
        ImGui::SameLine();
    ui::labelled_input(state, "Hours", "10", panel.hours, sizeof panel.hours, "packages.hours", 4,
        ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ui::labelled_input(state, "Price", "0.00", panel.price, sizeof panel.price, "packages.price", 6,
        ImGuiInputTextFlags_CharsDecimal);
    date_field(state, "First day", panel.bought, "packages.bought");
    ImGui::SameLine();
    date_field(state, "Last day (optional)", panel.last_day, "packages.last_day");

    const auto minutes = parse_hours(panel.hours);
    const bool picked = panel.student >= 0 && panel.student < static_cast<int>(students.size());
    const bool ready = picked && minutes.ok() && panel.price[0] && panel.bought[0];
    if (panel.hours[0] && !minutes.ok())
        ui::text_colored(ui::k_error, "%s", minutes.error().message.c_str());
    if (!ui::compact())
        ImGui::SameLine();
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, "Sell hours", "packages.sell") && ready) {
        Json body { { "student_id", students[static_cast<std::size_t>(panel.student)]->value("id", std::int64_t(0)) },
            { "minutes", minutes.value() }, { "price", panel.price }, { "purchased_on", panel.bought } };
        if (panel.last_day[0])
            body["expires_on"] = panel.last_day;
        api_call(state, "POST", "/api/tutoring/packages", body, [&panel, sold](AppState& state, const ApiAnswer& answer) {
            panel.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Hours sold") : "");
            if (!answer.ok())
                return;
            panel.hours[0] = panel.price[0] = panel.last_day[0] = '\0';
            reload_packages(state, panel);
            sold(state, answer.body.value("invoice_id", std::int64_t(0)));
        });
    }
    ImGui::EndDisabled();
    ui::action_status(panel.action);
}

} // namespace

// [SECTION] the panel -----------------------------------------------------------------

void reload_packages(AppState& state, PackagesState& panel) { api_load(state, panel.packages, "/api/tutoring/packages"); }

void draw_packages_panel(AppState& state, PackagesState& panel, const Remote* people,
    const std::function<void(AppState&, std::int64_t)>& sold)
{
    const bool office = people != nullptr;
    if (panel.packages.phase == Phase::Idle)
        reload_packages(state, panel);
    // A parent sees the section only when their family has prepaid hours.
    if (!office && !(panel.packages.data.is_array() && !panel.packages.data.empty()))
        return;
    ui::heading("Prepaid hours", 3);
    if (office) {
        ui::note("Hours a family pays for ahead, on an invoice of their own. The student's sessions from that day draw on "
            "them before anything is charged.");
        draw_sale_form(state, panel, *people, sold);
    } else {
        ui::note("Sessions from the first day are paid from these hours until they are used up.");
    }
    if (ui::remote_status(state, panel.packages, "packages.retry"))
        reload_packages(state, panel);
    if (!panel.packages.data.is_array())
        return;
    if (panel.packages.data.empty()) {
        ui::note("No hours have been sold ahead yet.");
        return;
    }
    draw_list(panel, office);
}

Json packages_summary(const PackagesState& panel)
{
    Json list = Json::array();
    if (panel.packages.data.is_array())
        for (const auto& p : panel.packages.data)
            list.push_back({ { "id", p.value("id", std::int64_t(0)) }, { "student", p.value("student_name", "") },
                { "left", p.value("left", "") }, { "state", p.value("state", "") },
                { "invoice_id", p.value("invoice_id", std::int64_t(0)) } });
    return { { "list", list }, { "phase", panel.packages.phase == Phase::Done ? "done" : "loading" },
        { "action", panel.action.message }, { "action_failed", panel.action.failed } };
}

} // namespace learnloop::client
