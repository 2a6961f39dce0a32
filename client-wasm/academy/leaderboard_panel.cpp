// A course's leaderboard (see leaderboard_panel.hpp).
#include "academy/leaderboard_panel.hpp"

#include "net/api.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace learnloop::client {

namespace {

std::string board_path(std::int64_t course) { return "/api/academy/courses/" + std::to_string(course) + "/leaderboard"; }

void switch_board(AppState& state, LeaderboardState& panel, bool enabled)
{
    panel.toggle = { Phase::Loading, {}, false };
    api_call(state, "PUT", board_path(panel.course), { { "enabled", enabled } },
        [&panel, enabled, course = panel.course](AppState&, const ApiAnswer& answer) {
            if (course != panel.course)
                return;   // another course was opened meanwhile
            panel.toggle = outcome_of(answer, answer.body.value("message", std::string()));
            if (answer.ok() && panel.board.data.is_object())
                panel.board.data["enabled"] = enabled;
        });
}

} // namespace

void draw_leaderboard(AppState& state, LeaderboardState& panel, std::int64_t course_id, bool manage)
{
    if (panel.course != course_id || panel.board.phase == Phase::Idle) {
        panel.course = course_id;
        panel.toggle = {};
        api_load(state, panel.board, board_path(course_id));
    }
    ui::heading("Leaderboard", 3);
    if (ui::remote_status(state, panel.board, "leaderboard"))
        api_load(state, panel.board, board_path(course_id));
    if (!panel.board.data.is_object())
        return;
    const bool enabled = panel.board.data.value("enabled", false);
    if (manage) {
        bool on = enabled;
        ImGui::BeginDisabled(panel.toggle.phase == Phase::Loading);
        if (ui::checkbox("Students see this leaderboard", &on))
            switch_board(state, panel, on);
        ImGui::EndDisabled();
        ui::remember(state, "leaderboard.switch");
        ui::action_status(panel.toggle);
    } else if (!enabled) {
        ui::note("Your instructor has turned the leaderboard off for this course.");
        return;
    }
    const auto& rows = panel.board.data["rows"];
    if (!rows.is_array() || rows.empty()) {
        ui::note("No one is enrolled yet.");
        return;
    }
    ui::note("Points from this course's quizzes: 10 for each question first answered right, 20 for each quiz handed "
             "in, 30 more for a perfect one.");
    if (ui::begin_table("leaderboard", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableSetupColumn("Student", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("XP", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableSetupColumn("This week", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ui::table_headers_row();
        int last_rank = 0;
        for (const auto& r : rows) {
            const int rank = r.value("rank", 0);
            ui::table_next_row();
            ui::table_next_column();
            // A student's own row may come after a gap in the places.
            const auto place = (rank > last_rank + 1 && last_rank > 0 ? "\xE2\x80\xA6 " : "") + std::to_string(rank);
            ui::text_unformatted(place.c_str());
            last_rank = rank;
            ui::table_next_column();
            const bool you = r.value("you", false);
            auto name = r.value("name", std::string()) + (you ? " (you)" : "");
            if (you)
                ui::text_colored(ui::k_info, "%s", name.c_str());
            else
                ui::text_unformatted(name.c_str());
            ui::table_next_column();
            ui::text("%d", r.value("xp", 0));
            ui::table_next_column();
            ui::text("%d", r.value("xp_this_week", 0));
        }
        ui::end_table();
    }
}

Json leaderboard_summary(const LeaderboardState& panel)
{
    Json rows = Json::array();
    if (panel.board.data.is_object())
        for (const auto& r : panel.board.data.value("rows", Json::array()))
            rows.push_back({ { "rank", r.value("rank", 0) }, { "name", r.value("name", std::string()) },
                { "xp", r.value("xp", 0) }, { "you", r.value("you", false) } });
    return { { "leaderboard_enabled", panel.board.data.is_object() ? panel.board.data.value("enabled", false) : false },
        { "leaderboard", rows }, { "leaderboard_switch", panel.toggle.message } };
}

} // namespace learnloop::client
