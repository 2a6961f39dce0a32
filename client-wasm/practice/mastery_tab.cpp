// The teacher's Mastery tab (see mastery_tab.hpp).
// [SECTION] paging, [SECTION] heatmap, [SECTION] tab
#include "practice/mastery_tab.hpp"

#include "net/api.hpp"
#include "practice/heatmap.hpp"
#include "practice/mastery_history.hpp"
#include "school/class_widgets.hpp"
#include "ui/charts.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

constexpr int k_students_per_page = 50;
// A table holds at most 64 columns; 30 at a time stay readable.
constexpr int k_targets_per_page = 30;

std::string page_query(const MasteryTabState& tab)
{
    return "?limit=" + std::to_string(k_students_per_page) + "&offset=" + std::to_string(tab.student_offset);
}

void load_drill(AppState& state, MasteryTabState& tab)
{
    api_load(state, tab.drill, "/api/mastery?student_id=" + std::to_string(tab.drill_student));
}

void load_heatmap(AppState& state, MasteryTabState& tab)
{
    api_load(state, tab.heatmap, "/api/classes/" + std::to_string(tab.class_id) + "/mastery" + page_query(tab));
}

const HeatmapStudent* find_student(const ClassHeatmap& map, std::int64_t student_id)
{
    for (const auto& row : map.rows)
        if (row.student_id == student_id)
            return &row;
    return nullptr;
}

// [SECTION] paging -------------------------------------------------------------

// Pages of students (from the server) and of target columns (here).
void draw_paging(AppState& state, MasteryTabState& tab, int target_count, std::int64_t total_students)
{
    auto load_page = [&](std::int64_t offset) {
        tab.student_offset = offset;
        tab.drill_student = 0;   // the drill-down names a student of the page shown
        load_heatmap(state, tab);
    };
    if (total_students > k_students_per_page) {
        ui::text("Students %lld\xE2\x80\x93%lld of %lld", static_cast<long long>(tab.student_offset + 1),
            static_cast<long long>(std::min<std::int64_t>(tab.student_offset + k_students_per_page, total_students)),
            static_cast<long long>(total_students));
        ImGui::SameLine();
        ImGui::BeginDisabled(tab.student_offset == 0);
        if (ui::button(state, "\xE2\x86\x90 Earlier students", "teacher.heatmap.students_prev"))
            load_page(std::max<std::int64_t>(0, tab.student_offset - k_students_per_page));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(tab.student_offset + k_students_per_page >= total_students);
        if (ui::button(state, "More students \xE2\x86\x92", "teacher.heatmap.students_next"))
            load_page(tab.student_offset + k_students_per_page);
        ImGui::EndDisabled();
    }
    const int first = tab.first_target;
    const int shown = std::min(k_targets_per_page, target_count - first);
    if (target_count > k_targets_per_page) {
        ui::text("Targets %d\xE2\x80\x93%d of %d", first + 1, first + shown, target_count);
        ImGui::SameLine();
        ImGui::BeginDisabled(first == 0);
        if (ui::button(state, "\xE2\x86\x90 Earlier targets", "teacher.heatmap.targets_prev"))
            tab.first_target = std::max(0, first - k_targets_per_page);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(first + shown >= target_count);
        if (ui::button(state, "More targets \xE2\x86\x92", "teacher.heatmap.targets_next"))
            tab.first_target = first + k_targets_per_page;
        ImGui::EndDisabled();
    }
}

// [SECTION] heatmap ------------------------------------------------------------

// Target columns [first, first + shown) of the page's students.
void draw_heatmap(AppState& state, MasteryTabState& tab, const ClassHeatmap& map, int first, int shown)
{
    int columns = shown + 1;
    // As tall as its rows (up to 12), so the drill-down below stays in view.
    float heatmap_height = ImGui::GetFrameHeightWithSpacing() * (std::min<std::size_t>(map.rows.size(), 12) + 1.5f);
    if (!ui::begin_table("heatmap", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
            ImVec2(0, heatmap_height)))
        return;
    ImGui::TableSetupColumn("Student");
    for (int i = 0; i < shown; ++i)
        ImGui::TableSetupColumn(map.targets[first + i].title.c_str());
    ui::table_headers_row();
    for (const auto& row : map.rows) {
        ui::table_next_row();
        ui::table_next_column();
        if (ui::selectable((row.student_name + "##drill" + std::to_string(row.student_id)).c_str(),
                tab.drill_student == row.student_id)) {
            tab.drill_student = row.student_id;
            load_drill(state, tab);
        }
        ui::remember(state, "teacher.drill." + row.student_name);
        for (int i = 0; i < shown; ++i) {
            ui::table_next_column();
            const auto index = static_cast<std::size_t>(first + i);
            const auto& cell = index < row.cells.size() ? row.cells[index] : std::nullopt;
            if (!cell) {
                // A dash people see, words a screen reader says.
                ImGui::TextColored(ui::k_muted, "\xE2\x80\x93");
                ui::semantics::add(ui::semantics::Role::Text, "Not assigned");
                continue;
            }
            ui::table_cell_background(ImGui::GetColorU32(ui::mastery_colour(static_cast<float>(cell->known))));
            // No answers yet: the estimate is only the starting guess, not a score.
            if (cell->level == learnloop::MasteryLevel::NotStarted)
                ui::text_unformatted(std::string(ui::mastery_level_label(cell->level)).c_str());
            else
                ui::text("%s %s", std::string(ui::mastery_level_label(cell->level)).c_str(),
                    ui::format_percent(cell->known).c_str());
        }
    }
    ui::end_table();
}

} // namespace

// [SECTION] tab ----------------------------------------------------------------

void draw_mastery_tab(AppState& state, MasteryTabState& tab, const Remote& classes)
{
    if (!classes.data.is_array())
        return;   // loading or failed: the Gradebook and Classes tabs say so
    if (classes.data.empty()) {
        ui::empty_state(state, "No classes yet",
            "Create a class in the Classes tab. Once the school adds its students and you assign learning targets, "
            "each student's mastery of each target shows here.");
        return;
    }
    auto query = [&tab] { return page_query(tab); };
    auto reset = [&tab] {
        tab.student_offset = 0;
        tab.first_target = 0;
        tab.drill_student = 0;
    };
    // A class opened from the address loads once it is known to be this teacher's.
    const bool known = find_by_id(classes, tab.class_id) != nullptr;
    if (known && tab.heatmap.phase == Phase::Idle)
        load_heatmap(state, tab);
    bool loaded = pick_class(state, classes, tab.class_id, tab.heatmap, "mastery", query, reset);
    if (tab.class_id && !known && classes.phase == Phase::Done) {
        if (ui::missing_item(state, "This class was not found, or you do not teach it.", "Choose another class",
                "teacher.mastery_not_found"))
            tab.class_id = 0;
        return;
    }
    if (!loaded)
        return;
    // Read through the shared DTO (the server builds it with the same code);
    // decoded each frame, like everything drawn here: a page is small.
    auto decoded = decode_class_heatmap(tab.heatmap.data);
    if (!decoded.ok()) {
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 The heatmap cannot be shown: %s", decoded.error().message.c_str());
        return;
    }
    const ClassHeatmap& map = decoded.value();
    if (map.targets.empty()) {
        ui::empty_state(state, "No learning targets in this class yet",
            "Open a marked piece of work in Assignments and pick the targets the student should practise. "
            "The map fills in as students answer their daily tasks.");
        return;
    }
    const int target_count = static_cast<int>(map.targets.size());
    tab.first_target = std::clamp(tab.first_target, 0, std::max(0, target_count - 1));
    // Read before the paging buttons move it: this frame draws the page it started with.
    const int first = tab.first_target;
    const int shown = std::min(k_targets_per_page, target_count - first);
    draw_paging(state, tab, target_count, static_cast<std::int64_t>(map.total_students));
    ui::mastery_legend();
    draw_heatmap(state, tab, map, first, shown);
    if (tab.drill_student) {
        ImGui::Separator();
        // A student opened from the address must be one of this page of the class.
        if (const auto* student = find_student(map, tab.drill_student)) {
            if (tab.drill.phase == Phase::Idle)
                load_drill(state, tab);
            if (ui::remote_status(state, tab.drill, "teacher.drill"))
                load_drill(state, tab);
            if (tab.drill.phase == Phase::Done) {
                ui::text("Recent answers of %s (newest first):", student->student_name.c_str());
                draw_recent_answers(tab.drill.data, 15);
            }
        } else if (ui::missing_item(state, "This student was not found in this class.", "Close",
                       "teacher.drill_not_found")) {
            tab.drill_student = 0;
        }
    }
    if (!map.needs_help.empty()) {
        ui::text_unformatted("Needs help:");
        for (const auto& s : map.needs_help)
            ui::bullet_text("%s (%d weak target%s)", s.student_name.c_str(), s.weak_targets, s.weak_targets == 1 ? "" : "s");
    }
}

ui::TabPlace mastery_tab_place(const MasteryTabState& tab, const Remote& classes)
{
    if (!tab.class_id)
        return {};
    const Json* shown = find_by_id(classes, tab.class_id);
    std::string name = shown ? shown->value("name", "") : "";
    if (!tab.drill_student)
        return { tab.class_id, {}, 0, name };
    // The student's name, from the heatmap's rows (its JSON, as the server sent it).
    if (tab.heatmap.data.is_object() && tab.heatmap.data.contains("rows"))
        for (const auto& row : tab.heatmap.data["rows"])
            if (row.value("student_id", std::int64_t(0)) == tab.drill_student)
                name = row.value("student_name", "") + (name.empty() ? "" : ", " + name);
    return { tab.class_id, "students", tab.drill_student, name };
}

bool open_mastery_tab(MasteryTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty() && (route.detail != "students" || !route.detail_id))
        return false;
    if (route.id != tab.class_id) {
        tab.class_id = route.id;
        tab.student_offset = 0;
        tab.first_target = 0;
        forget(tab.heatmap);
    }
    if (route.detail_id != tab.drill_student) {
        tab.drill_student = route.detail_id;
        forget(tab.drill);
    }
    return true;
}

Json mastery_tab_summary(const MasteryTabState& tab)
{
    return { { "heatmap", tab.heatmap.data }, { "drill", tab.drill.data } };
}

} // namespace learnloop::client
