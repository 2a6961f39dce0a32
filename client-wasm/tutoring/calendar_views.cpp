// The calendar's grids (see calendar_views.hpp): [SECTION] sessions,
// [SECTION] the week, [SECTION] the month.
#include "tutoring/calendar_views.hpp"

#include "tutoring/calendar_layout.hpp"
#include "ui/icons.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

namespace learnloop::client {

namespace {

// [SECTION] sessions ---------------------------------------------------------------

// The API's sessions as the layout's events; an event's id is its index in
// the list. The grid is wall time, so a session takes its length on it from
// its start: its clock end ("end") reads earlier than that when the clocks
// go back during it, later when they go forward.
std::vector<CalendarEvent> events_of(const Json& occurrences)
{
    std::vector<CalendarEvent> events;
    std::int64_t index = 0;
    for (const auto& o : occurrences) {
        auto start = read_local_datetime(o.value("start", ""));
        const std::int64_t minutes = o.value("duration_minutes", 0);
        if (start && minutes > 0)
            events.push_back({ index, *start, from_unix_seconds(to_unix_seconds(*start) + minutes * 60), false });
        ++index;
    }
    return events;
}

// "Mon 7 Dec" of a day.
std::string short_day(const LocalDateTime& day) { return day_for_people(day, false); }

ImU32 colour(const ImVec4& c) { return ImGui::GetColorU32(c); }

// "Maths: Zoë Student with Tomás Tutor, 16:00–17:00, Completed"
std::string spoken(const Json& o, const SessionTitle& title)
{
    return title(o) + ", " + clock_for_people(o.value("start", "")) + "\xE2\x80\x93" + clock_for_people(o.value("end", "")) + ", "
        + o.value("status_label", o.value("status", ""));
}

} // namespace

StatusLook look_of(const std::string& status)
{
    if (status == "scheduled")
        return { ICON_CIRCLE_OPEN, ui::k_muted, ui::k_muted_tint };
    if (status == "completed")
        return { ICON_CHECK, ui::k_ok, ui::k_ok_tint };
    if (status == "moved")
        return { ICON_REPEAT, ui::k_info, ui::k_info_tint };
    if (status == "no_show")
        return { ICON_EXCLAMATION, ui::k_warning, ui::k_warning_tint };
    if (status.find("cancel") != std::string::npos)
        return { ICON_BAN, ui::k_error, ui::k_error_tint };
    return { ICON_CIRCLE, ui::k_muted, ui::k_muted_tint };
}

std::string session_key(const Json& o)
{
    return std::to_string(o.value("series_id", std::int64_t(0))) + "@" + o.value("recurrence_id", "");
}

// [SECTION] the week ---------------------------------------------------------------

std::string draw_week_grid(AppState& state, const Json& occurrences, const LocalDateTime& first, int days,
    const std::string& selected, const SessionTitle& title)
{
    const float scale = state.ui_scale;
    const auto events = events_of(occurrences);
    // 08:00 to 18:00 at least, and every session's hours.
    int first_hour = 8, last_hour = 18;
    for (const auto& e : events) {
        first_hour = std::min(first_hour, e.start.hour);
        const bool next_day = local_day_text(e.end) != local_day_text(e.start);
        last_hour = std::max(last_hour, next_day ? 24 : e.end.hour + (e.end.minute > 0 ? 1 : 0));
    }
    last_hour = std::min(last_hour, 24);
    const auto layout = layout_days(events, first, days, first_hour, last_hour);

    const float gutter = 52 * scale, header = 28 * scale, hour_height = 44 * scale;
    const float width = std::max(ImGui::GetContentRegionAvail().x, gutter + days * 60 * scale);
    const float column = (width - gutter) / static_cast<float>(days);
    const float body = hour_height * static_cast<float>(last_hour - first_hour);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    auto* draw = ImGui::GetWindowDrawList();
    const auto today = state.local_now.substr(0, 10);

    // Days across, hours down.
    for (int d = 0; d < days; ++d) {
        const float x = origin.x + gutter + static_cast<float>(d) * column;
        const bool is_today = local_day_text(layout.days[static_cast<std::size_t>(d)]) == today;
        if (is_today)
            draw->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + column, origin.y + header + body), colour(ui::k_info_tint));
        draw->AddText(ImVec2(x + 6 * scale, origin.y + 5 * scale), colour(is_today ? ui::k_accent : ui::k_text),
            short_day(layout.days[static_cast<std::size_t>(d)]).c_str());
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + header + body), colour(ui::k_border));
    }
    for (int h = first_hour; h <= last_hour; ++h) {
        const float y = origin.y + header + static_cast<float>(h - first_hour) * hour_height;
        draw->AddLine(ImVec2(origin.x + gutter, y), ImVec2(origin.x + width, y), colour(ui::k_border));
        if (h < last_hour) {
            char label[8];
            std::snprintf(label, sizeof label, "%02d:00", h);
            draw->AddText(ImVec2(origin.x + 4 * scale, y + 2 * scale), colour(ui::k_muted), label);
        }
    }

    // Each session's piece, a button named with what, when and its status.
    std::string pressed;
    const float line = ImGui::GetTextLineHeight();
    for (const auto& piece : layout.timed) {
        const auto& o = occurrences[static_cast<std::size_t>(piece.id)];
        const float share = column / static_cast<float>(piece.columns);
        const float x0 = origin.x + gutter + static_cast<float>(piece.day) * column + static_cast<float>(piece.column) * share
            + 2 * scale;
        const float x1 = x0 + share - 4 * scale;
        const float y0 = origin.y + header + static_cast<float>(piece.top) * body + 1 * scale;
        const float y1 = std::max(y0 + line + 4 * scale, origin.y + header + static_cast<float>(piece.bottom) * body - 1 * scale);
        const auto key = session_key(o);
        const auto status = o.value("status", "");
        const auto look = look_of(status);
        const bool is_selected = key == selected;

        ImGui::SetCursorScreenPos(ImVec2(x0, y0));
        ImGui::PushID(key.c_str());
        ImGui::PushID(piece.day);
        bool clicked = ImGui::InvisibleButton("session", ImVec2(std::max(x1 - x0, 1.0f), y1 - y0));
        clicked |= ui::semantics::take_activation(ImGui::GetItemID());
        const bool hovered = ImGui::IsItemHovered();
        const ImVec2 min(x0, y0), max(x1, y1);
        draw->AddRectFilled(min, max, colour(look.tint), 4 * scale);
        draw->AddRectFilled(min, ImVec2(x0 + 3 * scale, y1), colour(look.text), 4 * scale);
        if (is_selected || hovered)
            draw->AddRect(min, max, colour(is_selected ? ui::k_accent : ui::k_muted), 4 * scale, 0, 2 * scale);
        draw->PushClipRect(min, max, true);
        // The status in words beside the time (and its colour down the side).
        const auto when = clock_for_people(o.value("start", "")) + " " + o.value("status_label", status);
        draw->AddText(ImVec2(x0 + 6 * scale, y0 + 2 * scale), colour(look.text), ui::drawn(when.c_str()));
        if (y1 - y0 > 2 * line)
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x0 + 6 * scale, y0 + 2 * scale + line),
                colour(ui::k_text), ui::drawn(title(o).c_str()), nullptr, x1 - x0 - 8 * scale);
        draw->PopClipRect();
        if (hovered)
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ui::semantics::add(ui::semantics::Role::Button,
            short_day(layout.days[static_cast<std::size_t>(piece.day)]) + ": " + spoken(o, title),
            is_selected ? ui::semantics::Selected : ui::semantics::None);
        ImGui::PopID();
        ImGui::PopID();
        if (clicked)
            pressed = key;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + header + body + 4 * scale));
    ImGui::Dummy(ImVec2(width, 1));
    return pressed;
}

// [SECTION] the month --------------------------------------------------------------

std::optional<LocalDateTime> draw_month_grid(AppState& state, const Json& occurrences, int year, int month,
    int week_start, const SessionTitle& title)
{
    static constexpr const char* k_weekdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    const float scale = state.ui_scale;
    const bool compact = ui::compact();
    const auto events = events_of(occurrences);
    const auto cells = layout_month(events, year, month, week_start, 3);
    const float width = ImGui::GetContentRegionAvail().x;
    const float cell_w = width / 7.0f, header = 24 * scale;
    const float line = ImGui::GetTextLineHeight();
    const float cell_h = compact ? line * 2 + 14 * scale : line * 5 + 12 * scale;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    auto* draw = ImGui::GetWindowDrawList();
    const auto today = state.local_now.substr(0, 10);

    for (int i = 0; i < 7; ++i)
        draw->AddText(ImVec2(origin.x + static_cast<float>(i) * cell_w + 6 * scale, origin.y + 3 * scale),
            colour(ui::k_muted), k_weekdays[(week_start + i) % 7]);

    // Every session of each day, for the day's accessible name.
    std::map<std::string, std::vector<std::size_t>> by_day;
    for (const auto& e : events)
        by_day[local_day_text(e.start)].push_back(static_cast<std::size_t>(e.id));

    std::optional<LocalDateTime> pressed;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto& cell = cells[i];
        const float x0 = origin.x + static_cast<float>(i % 7) * cell_w;
        const float y0 = origin.y + header + static_cast<float>(i / 7) * cell_h;
        const ImVec2 min(x0, y0), max(x0 + cell_w, y0 + cell_h);
        const auto key = local_day_text(cell.day);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(key.c_str());
        bool clicked = ImGui::InvisibleButton("day", ImVec2(cell_w, cell_h));
        clicked |= ui::semantics::take_activation(ImGui::GetItemID());
        const bool hovered = ImGui::IsItemHovered();
        draw->AddRectFilled(min, max, colour(key == today ? ui::k_info_tint : cell.in_month ? ui::k_surface : ui::k_muted_tint));
        draw->AddRect(min, max, colour(hovered ? ui::k_accent : ui::k_border));
        draw->AddText(ImVec2(x0 + 6 * scale, y0 + 4 * scale), colour(cell.in_month ? ui::k_text : ui::k_muted),
            std::to_string(cell.day.day).c_str());
        const auto& all = by_day[key];
        draw->PushClipRect(min, max, true);
        if (compact) {
            if (!all.empty())
                draw->AddText(ImVec2(x0 + 6 * scale, y0 + 6 * scale + line), colour(ui::k_accent),
                    ("\xE2\x80\xA2 " + std::to_string(all.size())).c_str());
        } else {
            float y = y0 + 6 * scale + line;
            for (auto id : cell.shown) {
                const auto& o = occurrences[static_cast<std::size_t>(id)];
                const auto look = look_of(o.value("status", ""));
                const auto text = clock_for_people(o.value("start", "")) + " " + o.value("subject", "");
                draw->AddText(ImVec2(x0 + 6 * scale, y), colour(look.text), ui::drawn(text.c_str()));
                y += line;
            }
            if (cell.more > 0)
                draw->AddText(ImVec2(x0 + 6 * scale, y), colour(ui::k_muted), ("+" + std::to_string(cell.more) + " more").c_str());
        }
        draw->PopClipRect();
        if (hovered)
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        std::string name = short_day(cell.day) + ", ";
        if (all.empty())
            name += "no sessions";
        else {
            name += std::to_string(all.size()) + (all.size() == 1 ? " session: " : " sessions: ");
            for (std::size_t k = 0; k < all.size(); ++k)
                name += (k ? "; " : "") + spoken(occurrences[all[k]], title);
        }
        ui::semantics::add(ui::semantics::Role::Button, name);
        ImGui::PopID();
        if (clicked)
            pressed = cell.day;
    }
    const float rows = static_cast<float>((cells.size() + 6) / 7);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + header + rows * cell_h + 4 * scale));
    ImGui::Dummy(ImVec2(width, 1));
    return pressed;
}

} // namespace learnloop::client
