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
        ImGui::TextColored(ui::k_muted, "You teach no classes yet.");
        return;
    }
    if (!pick_class(state, classes, tab.class_id, tab.gradebook, "gradebook"))
        return;
    const auto& book = tab.gradebook.data;
    // A table holds at most 64 columns: the student, 61 assignments, the average.
    int columns = std::min(static_cast<int>(book["assignments"].size()) + 2, 63);
    float book_height = ImGui::GetFrameHeightWithSpacing() * (std::min<std::size_t>(book["rows"].size(), 20) + 1.5f);
    if (ImGui::BeginTable("gradebook", columns,
            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
            ImVec2(0, book_height))) {
        ImGui::TableSetupColumn("Student");
        for (int i = 0; i + 2 < columns; ++i)
            ImGui::TableSetupColumn(book["assignments"][i].value("title", "").c_str());
        ImGui::TableSetupColumn("Average");
        ImGui::TableHeadersRow();
        for (const auto& row : book["rows"]) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.value("student_name", "").c_str());
            for (int i = 0; i + 2 < columns; ++i) {
                ImGui::TableNextColumn();
                const auto& cell = row["cells"][i];
                if (cell["grade"].is_number())
                    ImGui::Text("%s", format_grade(cell["grade"].get<double>()).c_str());
                else
                    ui::status_label(cell.value("status", "missing"));
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row["average"].is_number() ? format_grade(row["average"].get<double>()).c_str() : "\xE2\x80\x93");
        }
        ImGui::EndTable();
    }
    if (book["rows"].empty())
        ImGui::TextColored(ui::k_muted, "This class has no students yet.");
}

Json gradebook_tab_summary(const GradebookTabState& tab)
{
    return { { "gradebook", tab.gradebook.data } };
}

} // namespace learnloop::client
