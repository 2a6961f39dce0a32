// A tutoring business's settings tab (see settings_tab.hpp): [SECTION] the
// form from the server, [SECTION] clashes and weeks, [SECTION] attendance
// statuses, [SECTION] holidays and days off.
#include "tutoring/settings_tab.hpp"

#include "core/calendar.hpp"
#include "finance/billing.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

constexpr const char* k_policy_keys[] = { "off", "warn", "block" };
constexpr const char* k_policy_words[] = { "Allowed", "Allowed with a warning", "Refused" };
constexpr const char* k_checks[] = { "tutor", "student", "room" };
constexpr const char* k_check_words[] = { "A tutor booked twice at once", "A student booked twice at once",
    "A room booked twice at once" };
constexpr int k_percents[] = { 0, 25, 50, 75, 100 };

// [SECTION] the form from the server -------------------------------------------

enum class Part { Policy = 1, Statuses = 2, All = 3 };

// The form's `part` as the server has it (a section saved or undone leaves
// the other's unsaved edits alone).
void take_settings(SettingsTabState& tab, const Json& settings, Part part = Part::All)
{
    if (static_cast<int>(part) & static_cast<int>(Part::Policy)) {
        const auto& policy = settings.value("conflict_policy", Json::object());
        for (int i = 0; i < 3; ++i) {
            const auto level = policy.value(k_checks[i], "warn");
            for (int l = 0; l < 3; ++l)
                if (level == k_policy_keys[l])
                    tab.policy[i] = l;
        }
        tab.week_start = settings.value("week_start", 1);
    }
    if (!(static_cast<int>(part) & static_cast<int>(Part::Statuses)))
        return;
    tab.statuses.clear();
    for (const auto& s : settings.value("attendance_statuses", Json::array())) {
        StatusRow row;
        row.key = s.value("key", "");
        ui::copy_text(row.label, s.value("label", ""));
        row.percent = s.value("billable_percent", 0);
        tab.statuses.push_back(row);
    }
}

void reload(AppState& state, SettingsTabState& tab)
{
    tab.edited_from_load = false;
    api_load(state, tab.settings, "/api/tutoring/settings");
    api_load(state, tab.blocked, "/api/tutoring/blocked-dates");
}

void save(AppState& state, SettingsTabState& tab, Json body, Part part, const std::string& done)
{
    tab.action = { Phase::Loading, "Saving\xE2\x80\xA6" };
    api_call(state, "PUT", "/api/tutoring/settings", body, [&tab, part, done](AppState&, const ApiAnswer& answer) {
        tab.action = outcome_of(answer, done);
        if (answer.ok()) {
            tab.settings.data = answer.body;
            take_settings(tab, answer.body, part);
            tab.saved = true;
        }
    });
}

std::string percent_text(int percent)
{
    if (percent == 0)
        return "Not billed";
    if (percent == 100)
        return "Billed in full";
    return "Billed at " + std::to_string(percent) + "%";
}

// [SECTION] clashes and weeks -----------------------------------------------------

void draw_policy(AppState& state, SettingsTabState& tab)
{
    ui::heading("When a booking clashes", 3);
    ui::text_colored(ui::k_muted, "Checked for every new or moved session over the next twelve weeks.");
    for (int i = 0; i < 3; ++i) {
        ui::text_unformatted(k_check_words[i]);
        ImGui::SameLine(ImGui::GetFontSize() * 16);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
        const std::string id = std::string("##policy_") + k_checks[i];
        if (ui::begin_combo(id.c_str(), k_policy_words[tab.policy[i]])) {
            for (int l = 0; l < 3; ++l)
                if (ui::selectable(k_policy_words[l], tab.policy[i] == l))
                    tab.policy[i] = l;
            ui::end_combo();
        }
        ui::remember(state, std::string("settings.policy.") + k_checks[i]);
    }
    ui::text_unformatted("Weeks start on");
    ImGui::SameLine(ImGui::GetFontSize() * 16);
    ui::begin_radio_group("Weeks start on");
    ui::radio_button("Monday", &tab.week_start, 1);
    ImGui::SameLine();
    ui::radio_button("Sunday", &tab.week_start, 0);
    ui::end_radio_group();
    if (ui::primary_button(state, "Save clash rules and week", "settings.save_policy")) {
        Json policy;
        for (int i = 0; i < 3; ++i)
            policy[k_checks[i]] = k_policy_keys[tab.policy[i]];
        save(state, tab, { { "conflict_policy", policy }, { "week_start", tab.week_start } }, Part::Policy,
            "Clash rules and week saved");
    }
}

// [SECTION] attendance statuses ----------------------------------------------------

void draw_statuses(AppState& state, SettingsTabState& tab)
{
    ui::heading("Attendance statuses", 3);
    ui::text_colored(ui::k_muted, "What tutors can log for a session, and how much of it is billed.");
    int remove = -1;
    if (ui::begin_table("statuses", 3)) {
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Billing");
        ImGui::TableSetupColumn("Remove");
        ui::table_headers_row();
        for (std::size_t i = 0; i < tab.statuses.size(); ++i) {
            auto& row = tab.statuses[i];
            ImGui::PushID(static_cast<int>(i));
            ui::table_next_row();
            ui::table_next_column();
            ImGui::SetNextItemWidth(-1);
            ui::input_text(("##label_" + row.key).c_str(), row.label, sizeof row.label);
            ui::remember(state, "settings.status_label." + row.key);
            ui::table_next_column();
            ImGui::SetNextItemWidth(-1);
            if (ui::begin_combo(("##percent_" + row.key).c_str(), percent_text(row.percent).c_str())) {
                for (int p : k_percents)
                    if (ui::selectable(percent_text(p).c_str(), row.percent == p))
                        row.percent = p;
                ui::end_combo();
            }
            ui::table_next_column();
            if (tab.statuses.size() > 1 && ui::button(state, ("Remove " + std::string(row.label)).c_str(),
                                               "settings.status_remove." + row.key))
                remove = static_cast<int>(i);
            ImGui::PopID();
        }
        ui::end_table();
    }
    if (remove >= 0)
        tab.statuses.erase(tab.statuses.begin() + remove);
    ui::text_unformatted("New status");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ui::input_text_with_hint("##new_status", "Sick", tab.new_status, sizeof tab.new_status);
    ui::remember(state, "settings.new_status");
    ImGui::SameLine();
    if (ui::button(state, ICON_PLUS " Add status", "settings.add_status") && tab.new_status[0]) {
        std::vector<AttendanceStatus> existing;
        for (const auto& r : tab.statuses)
            existing.push_back({ r.key, r.label, r.percent });
        StatusRow row;
        row.key = attendance_key_for(tab.new_status, existing);
        ui::copy_text(row.label, tab.new_status);
        row.percent = 0;
        tab.statuses.push_back(row);
        tab.new_status[0] = '\0';
    }
    if (ui::primary_button(state, "Save statuses", "settings.save_statuses")) {
        Json list = Json::array();
        for (const auto& r : tab.statuses)
            list.push_back({ { "key", r.key }, { "label", r.label }, { "billable_percent", r.percent } });
        save(state, tab, { { "attendance_statuses", list } }, Part::Statuses, "Attendance statuses saved");
    }
    ImGui::SameLine();
    if (ui::button(state, "Undo changes", "settings.undo_statuses") && tab.settings.data.is_object())
        take_settings(tab, tab.settings.data, Part::Statuses);
}

// [SECTION] holidays and days off --------------------------------------------------

void draw_blocked(AppState& state, SettingsTabState& tab)
{
    ui::heading("Holidays and days off", 3);
    ui::text_colored(ui::k_muted, "New recurring sessions skip these days. Sessions already booked on them stay booked.");
    if (ui::remote_status(state, tab.blocked, "settings.blocked_retry"))
        api_load(state, tab.blocked, "/api/tutoring/blocked-dates");
    bool ask = false;
    if (tab.blocked.data.is_array()) {
        if (tab.blocked.data.empty())
            ui::text_colored(ui::k_muted, "No holidays yet.");
        for (const auto& b : tab.blocked.data) {
            const auto id = b.value("id", std::int64_t(0));
            const auto label = b.value("label", "");
            std::string who = b["tutor_name"].is_string() ? " (" + b["tutor_name"].get<std::string>() + ")" : "";
            ImGui::PushID(static_cast<int>(id));
            ui::bullet_text("%s: %s%s", label.c_str(),
                period_for_people(b.value("first_day", ""), b.value("last_day", "")).c_str(), who.c_str());
            ImGui::SameLine();
            const auto period = period_for_people(b.value("first_day", ""), b.value("last_day", ""));
            if (ui::button(state, ("Remove " + label + " (" + period + ")").c_str(), "settings.unblock." + std::to_string(id))) {
                tab.unblock_pending = id;
                tab.unblock_label = label;
                ask = true;
            }
            ImGui::PopID();
        }
    }
    if (ask)   // outside the rows' ids, where the dialog is drawn
        ui::open_confirm("Remove holiday?");
    auto field = [&](const char* text, const char* hint, char* buffer, std::size_t size, const char* name, float em) {
        ui::labelled_input(state, text, hint, buffer, size, std::string("settings.") + name, em);
    };
    field("Name", "Winter break", tab.block_label, sizeof tab.block_label, "block_label", 12);
    if (!ui::compact())
        ImGui::SameLine();
    field("From", "YYYY-MM-DD", tab.block_first, sizeof tab.block_first, "block_first", 7);
    ImGui::SameLine();
    field("to", "YYYY-MM-DD", tab.block_last, sizeof tab.block_last, "block_last", 7);
    if (ui::primary_button(state, ICON_PLUS " Add holiday", "settings.add_holiday")) {
        tab.affected.clear();
        tab.action = { Phase::Loading, "Saving\xE2\x80\xA6" };
        const std::string label = tab.block_label;
        api_call(state, "POST", "/api/tutoring/blocked-dates",
            { { "first_day", tab.block_first }, { "last_day", tab.block_last[0] ? tab.block_last : tab.block_first },
                { "label", tab.block_label } },
            [&tab, label](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, label + " added");
                if (!answer.ok())
                    return;
                for (const auto& a : answer.body.value("affected", Json::array()))
                    tab.affected.push_back(a.value("title", "") + ", " + due_for_people(a.value("start", "")));
                tab.block_label[0] = tab.block_first[0] = tab.block_last[0] = '\0';
                api_load(state, tab.blocked, "/api/tutoring/blocked-dates");
            });
    }
    if (!tab.affected.empty()) {
        ui::text_wrapped("%zu %s already booked on these days and %s booked; move or cancel %s from the calendar if need be:",
            tab.affected.size(), tab.affected.size() == 1 ? "session is" : "sessions are",
            tab.affected.size() == 1 ? "stays" : "stay", tab.affected.size() == 1 ? "it" : "them");
        for (std::size_t i = 0; i < tab.affected.size() && i < 20; ++i)
            ui::bullet_text("%s", tab.affected[i].c_str());
        if (tab.affected.size() > 20)
            ui::text_colored(ui::k_muted, "and %zu more", tab.affected.size() - 20);
    }
    if (tab.unblock_pending
        && ui::confirm_dialog(state, "Remove holiday?",
            "Remove " + tab.unblock_label + "? Recurring sessions booked from now on will no longer skip these days.",
            "Remove")) {
        const auto id = tab.unblock_pending;
        tab.unblock_pending = 0;
        api_call(state, "DELETE", "/api/tutoring/blocked-dates/" + std::to_string(id), nullptr,
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, tab.unblock_label + " removed");
                api_load(state, tab.blocked, "/api/tutoring/blocked-dates");
            });
    }
}

} // namespace

void draw_settings_tab(AppState& state, SettingsTabState& tab)
{
    if (tab.settings.phase == Phase::Idle)
        reload(state, tab);
    if (ui::remote_status(state, tab.settings, "settings.retry"))
        reload(state, tab);
    if (tab.settings.phase != Phase::Done)
        return;
    if (!tab.edited_from_load) {
        take_settings(tab, tab.settings.data);
        tab.edited_from_load = true;
    }
    ui::heading("Settings", 2);
    ui::action_status(tab.action);
    draw_policy(state, tab);
    ImGui::Separator();
    draw_statuses(state, tab);
    ImGui::Separator();
    draw_blocked(state, tab);
}

Json settings_tab_summary(const SettingsTabState& tab)
{
    Json statuses = Json::array();
    for (const auto& s : tab.statuses)
        statuses.push_back({ { "key", s.key }, { "label", s.label }, { "percent", s.percent } });
    return { { "settings_statuses", statuses }, { "settings_blocked", tab.blocked.data.is_array() ? tab.blocked.data.size() : 0 },
        { "settings_action", tab.action.message } };
}

} // namespace learnloop::client
