// The date and time field (see date_picker.hpp).
#include "ui/date_picker.hpp"

#include "core/calendar.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <cstdio>

namespace learnloop::client::ui {

namespace {

constexpr const char* k_month_names[] = { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" };
constexpr const char* k_day_names[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

// 0 for Monday .. 6 for Sunday (1970-01-01 was a Thursday).
int weekday_of(int year, int month, int day)
{
    auto days = days_from_civil(year, month, day);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

LocalDateTime parsed_or(const char* text, const std::string& fallback)
{
    if (auto parsed = parse_local_datetime(text); parsed.ok())
        return parsed.value();
    if (auto parsed = parse_local_datetime(fallback.substr(0, 19)); parsed.ok())
        return parsed.value();
    return {};
}

std::string day_label(int year, int month, int day)
{
    char text[64];
    std::snprintf(text, sizeof text, "%s %d %s %d", k_day_names[weekday_of(year, month, day)], day,
        k_month_names[month - 1], year);
    return text;
}

// One month of days; picking one sets the date and closes the popup.
bool draw_calendar(AppState& state, LocalDateTime& value, const LocalDateTime& today, ImGuiID month_key,
    const std::string& test_name)
{
    auto* storage = ImGui::GetStateStorage();
    int shown = storage->GetInt(month_key, value.year * 12 + value.month - 1);
    int year = shown / 12, month = shown % 12 + 1;
    bool picked = false;

    if (arrow_button("##earlier", ImGuiDir_Left, "Earlier month"))
        --shown;
    ImGui::SameLine();
    char title[32];
    std::snprintf(title, sizeof title, "%s %d", k_month_names[month - 1], year);
    const float width = ImGui::GetFrameHeight() * 7 + ImGui::GetStyle().ItemSpacing.x * 6;
    const float title_width = ImGui::CalcTextSize(title).x;
    const float arrows = ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - arrows - title_width) * 0.5f));
    heading(title, 3);
    ImGui::SameLine(width - ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.x);
    if (arrow_button("##later", ImGuiDir_Right, "Later month"))
        ++shown;
    storage->SetInt(month_key, shown);

    const float cell = ImGui::GetFrameHeight();
    static const char* short_days[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
    // Weekday initials over the columns: drawn only (each day's button says its weekday in full).
    for (int d = 0; d < 7; ++d) {
        if (d)
            ImGui::SameLine();
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(cell, ImGui::GetTextLineHeight()));
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + (cell - ImGui::CalcTextSize(short_days[d]).x) * 0.5f, at.y),
            colour(k_muted), short_days[d]);
    }
    auto grid = month_grid(year, month);
    for (int w = 0; w < grid.week_count; ++w) {
        for (int d = 0; d < 7; ++d) {
            if (d)
                ImGui::SameLine();
            int day = grid.weeks[w][d];
            if (day == 0) {
                ImGui::Dummy(ImVec2(cell, cell));
                continue;
            }
            char label[16];
            std::snprintf(label, sizeof label, "%d##d%d", day, day);
            const bool is_value = year == value.year && month == value.month && day == value.day;
            const bool is_today = year == today.year && month == today.month && day == today.day;
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
            if (is_value)
                ImGui::PushStyleColor(ImGuiCol_Header, k_accent);
            if (is_value)
                ImGui::PushStyleColor(ImGuiCol_Text, k_surface);
            bool pressed = ImGui::Selectable(label, is_value, 0, ImVec2(cell, cell));
            if (is_value)
                ImGui::PopStyleColor(2);
            ImGui::PopStyleVar();
            pressed |= semantics::take_activation(ImGui::GetItemID());
            std::string name = day_label(year, month, day) + (is_today ? ", today" : "");
            semantics::add(semantics::Role::Button, name, is_value ? semantics::Selected : semantics::None);
            char test_day[16];
            std::snprintf(test_day, sizeof test_day, "%04d-%02d-%02d", year, month, day);
            remember(state, test_name + ".day." + test_day);
            if (is_today) {
                ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
                ImGui::GetWindowDrawList()->AddRect(min, max, colour(k_accent), k_radius, 0, 1.5f);
            }
            if (pressed) {
                value.year = year;
                value.month = month;
                value.day = day;
                picked = true;
            }
        }
    }
    return picked;
}

} // namespace

MonthGrid month_grid(int year, int month)
{
    MonthGrid grid;
    grid.year = year;
    grid.month = month;
    int column = weekday_of(year, month, 1);
    int week = 0;
    for (int day = 1; day <= days_in_month(year, month); ++day) {
        grid.weeks[week][column] = day;
        if (++column == 7) {
            column = 0;
            ++week;
        }
    }
    grid.week_count = column == 0 ? week : week + 1;
    return grid;
}

bool date_time_picker(AppState& state, const char* id, char* value, std::size_t size, const std::string& today_text,
    const char* name, const std::string& test_name)
{
    ImGui::PushID(id);
    const LocalDateTime today = parsed_or("", today_text);
    LocalDateTime v = parsed_or(value, today_text);
    bool changed = false;

    // The date: a button showing it, opening the calendar.
    std::string date = format_for_people(v);              // "Fri 12 Dec 2026, 17:00"
    date = date.substr(0, date.find(','));                 // "Fri 12 Dec 2026"
    const std::string button_label = date + "##date";
    bool open = ImGui::Button(button_label.c_str(), ImVec2(ImGui::GetFontSize() * 9, 0));
    remember(state, test_name);
    open |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, std::string(name) + " date: " + day_label(v.year, v.month, v.day)
            + ". Choose another date");
    const ImGuiID month_key = ImGui::GetID("month");
    if (open) {
        ImGui::GetStateStorage()->SetInt(month_key, v.year * 12 + v.month - 1);
        ImGui::OpenPopup("calendar");
    }
    if (ImGui::BeginPopup("calendar")) {
        semantics::begin(semantics::Role::Dialog, std::string("Choose the ") + name + " date");
        if (draw_calendar(state, v, today, month_key, test_name)) {
            changed = true;
            ImGui::CloseCurrentPopup();
        }
        semantics::end_through(semantics::Role::Dialog);
        ImGui::EndPopup();
    }

    // The time: a list in quarter hours (the value's own time kept if it is not on one).
    ImGui::SameLine();
    // "at" for the eye; the list's name ("Due time") for a screen reader.
    ImGui::TextUnformatted("at");
    semantics::add(semantics::Role::Text, std::string(name) + " time");
    ImGui::SameLine();
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", v.hour, v.minute);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    const std::string time_name = std::string(name) + " time";
    ImGui::PushID("time");
    if (begin_combo(("##" + time_name).c_str(), time, ImGuiComboFlags_HeightLarge)) {
        for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
            const auto option = clock_text(minutes);
            const bool current = v.hour * 60 + v.minute == minutes;
            if (selectable(option.c_str(), current)) {
                v.hour = minutes / 60;
                v.minute = minutes % 60;
                v.second = 0;
                changed = true;
            }
            if (current && ImGui::IsWindowAppearing())
                ImGui::SetScrollHereY(0.4f);
        }
        end_combo();
    }
    ImGui::PopID();
    remember(state, test_name + ".time");
    ImGui::PopID();

    if (changed) {
        std::snprintf(value, size, "%s", format_local_datetime(v).c_str());
        return true;
    }
    return false;
}

} // namespace learnloop::client::ui
