// The teacher's Gradebook tab (see gradebook_tab.hpp).
#include "tracker/gradebook_tab.hpp"

#include "net/api.hpp"
#include "school/class_widgets.hpp"
#include "tracker/gradebook.hpp"
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
        ui::text_colored(ui::k_muted, "You teach no classes yet.");
        return;
    }
    if (!pick_class(state, classes, tab.class_id, tab.gradebook, "gradebook"))
        return;
    const auto& book = tab.gradebook.data;
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
                    ui::status_label(cell.value("status", "missing"));
            }
            ui::table_next_column();
            ui::text_unformatted(row["average"].is_number() ? format_grade(row["average"].get<double>()).c_str() : "\xE2\x80\x93");
        }
        ui::end_table();
    }
    if (book["rows"].empty())
        ui::text_colored(ui::k_muted, "This class has no students yet.");
}

Json gradebook_tab_summary(const GradebookTabState& tab)
{
    return { { "gradebook", tab.gradebook.data } };
}

} // namespace learnloop::client
