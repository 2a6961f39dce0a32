// The teacher's Gradebook tab (see gradebook_tab.hpp).
#include "tracker/gradebook_tab.hpp"

#include "net/api.hpp"
#include "school/class_widgets.hpp"
#include "tracker/gradebook.hpp"
#include "ui/charts.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

void load_teacher_classes(AppState& state, Remote& classes)
{
    api_load(state, classes, "/api/classes");
}

void draw_gradebook_tab(AppState& state, GradebookTabState& tab, Remote& classes)
{
    if (ui::remote_status(state, classes, "teacher.classes"))
        load_teacher_classes(state, classes);
    if (!classes.data.is_array())
        return;
    if (classes.data.empty()) {
        ui::empty_state(state, "No classes yet",
            "Create a class in the Classes tab. Its students' grades for each assignment collect here.");
        return;
    }
    // A class opened from the address loads once it is known to be this teacher's.
    const bool known = find_by_id(classes, tab.class_id) != nullptr;
    if (known && tab.gradebook.phase == Phase::Idle)
        api_load(state, tab.gradebook, "/api/classes/" + std::to_string(tab.class_id) + "/gradebook");
    bool loaded = pick_class(state, classes, tab.class_id, tab.gradebook, "gradebook");
    if (tab.class_id && !known && classes.phase == Phase::Done) {
        if (ui::missing_item(state, "This class was not found, or you do not teach it.", "Choose another class",
                "teacher.gradebook_not_found"))
            tab.class_id = 0;
        return;
    }
    if (!loaded)
        return;
    const auto& book = tab.gradebook.data;
    // The spread of the class's grades first: how the class is doing at a glance.
    std::vector<double> grades;
    for (const auto& row : book["rows"])
        for (const auto& cell : row["cells"])
            if (cell["grade"].is_number())
                grades.push_back(cell["grade"].get<double>());
    if (!grades.empty()) {
        ui::vertical_space(ui::k_space_xs);
        ImGui::BeginGroup();
        ui::heading("Grades so far", 3);
        double sum = 0;
        for (double g : grades)
            sum += g;
        ui::text_colored(ui::k_muted, "%zu graded \xC2\xB7 average %s", grades.size(),
            ui::format_number(sum / static_cast<double>(grades.size()), 1).c_str());
        ImGui::EndGroup();
        if (!ui::compact())   // on a phone the chart goes below its heading
            ImGui::SameLine(0, ui::k_space_xl * state.ui_scale);
        ui::grade_distribution(state, "teacher.grade_distribution", grades, 360.0f, 110.0f);
        ui::vertical_space(ui::k_space_xs);
    }
    // A table holds at most 64 columns: the student, 61 assignments, the average.
    int columns = std::min(static_cast<int>(book["assignments"].size()) + 2, 63);
    float book_height = ImGui::GetFrameHeightWithSpacing() * (std::min<std::size_t>(book["rows"].size(), 20) + 1.5f);
    if (ui::begin_table("gradebook", columns,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
            ImVec2(0, book_height))) {
        ImGui::TableSetupColumn("Student");
        for (int i = 0; i + 2 < columns; ++i)
            ImGui::TableSetupColumn(book["assignments"][i].value("title", "").c_str());
        ImGui::TableSetupColumn("Average");
        ui::table_headers_row();
        for (const auto& row : book["rows"]) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(row.value("student_name", "").c_str());
            for (int i = 0; i + 2 < columns; ++i) {
                ui::table_next_column();
                const auto& cell = row["cells"][i];
                if (cell["grade"].is_number())
                    ui::text("%s", format_grade(cell["grade"].get<double>()).c_str());
                else
                    ui::status_chip(cell.value("status", "missing"));
            }
            ui::table_next_column();
            ui::text_unformatted(row["average"].is_number() ? format_grade(row["average"].get<double>()).c_str() : "\xE2\x80\x93");
        }
        ui::end_table();
    }
    if (book["rows"].empty())
        ui::empty_state(state, "No students in this class yet",
            "The school adds students to classes. Ask an administrator to add them; their work shows here.");
    else if (book["assignments"].empty())
        ui::empty_state(state, "No assignments for this class yet",
            "Set one in the Assignments tab and choose this class; every student gets a column here.");
}

ui::TabPlace gradebook_tab_place(const GradebookTabState& tab, const Remote& classes)
{
    const Json* shown = find_by_id(classes, tab.class_id);
    return { tab.class_id, {}, 0, shown ? shown->value("name", "") : "" };
}

bool open_gradebook_tab(GradebookTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id != tab.class_id) {
        tab.class_id = route.id;
        forget(tab.gradebook);
    }
    return true;
}

Json gradebook_tab_summary(const GradebookTabState& tab)
{
    return { { "gradebook", tab.gradebook.data } };
}

} // namespace learnloop::client
