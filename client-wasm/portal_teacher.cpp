// The teacher's portal: assignments (create, edit, delete), submissions with a
// grading panel (Ctrl+Enter saves and moves to the next), and class gradebooks.
#include "net/api.hpp"
#include "core/calendar.hpp"
#include "tracker/gradebook.hpp"
#include "ui/ui.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <functional>

namespace learnloop::client {

namespace {

void copy_text(char* target, std::size_t size, const std::string& text)
{
    std::snprintf(target, size, "%s", text.c_str());
}

void reload_assignments(AppState& state)
{
    api_load(state, state.teacher.assignments, "/api/assignments?limit=200");
}

void load_submissions(AppState& state, std::int64_t assignment_id)
{
    auto& t = state.teacher;
    t.selected_assignment = assignment_id;
    t.selected_submission = -1;
    t.grading = {};
    api_load(state, t.submissions, "/api/assignments/" + std::to_string(assignment_id) + "/submissions?limit=200");
}

// Validation of the editor with the shared rules, every frame.
std::vector<Error> editor_errors(const TeacherState& t)
{
    std::vector<Error> errors;
    if (auto r = validate_text(t.title, "title", "Title", 1, k_title_max_length, TextLines::Single); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_text(t.description, "description", "Description", 0, k_description_max_length,
            TextLines::Multiple);
        !r.ok())
        errors.push_back(r.error());
    if (auto r = parse_local_datetime(t.due_date, "due_date"); !r.ok())
        errors.push_back(r.error());
    return errors;
}

void open_editor(AppState& state, const Json* assignment)
{
    auto& t = state.teacher;
    t.editor_open = true;
    t.editor_attempted = false;
    t.save = {};
    t.class_choice = -1;
    if (assignment) {
        t.editing_id = assignment->value("id", std::int64_t(0));
        copy_text(t.title, sizeof t.title, assignment->value("title", ""));
        copy_text(t.description, sizeof t.description, assignment->value("description", ""));
        copy_text(t.due_date, sizeof t.due_date, assignment->value("due_date", ""));
        if (t.classes.data.is_array() && (*assignment)["class_id"].is_number()) {
            for (std::size_t i = 0; i < t.classes.data.size(); ++i) {
                if (t.classes.data[i]["id"] == (*assignment)["class_id"])
                    t.class_choice = static_cast<int>(i);
            }
        }
    } else {
        t.editing_id = 0;
        t.title[0] = t.description[0] = '\0';
        // A week from today at 17:00, as a starting point.
        auto due = from_unix_seconds(static_cast<std::int64_t>(state.wall_clock) + 7 * 86400);
        due.hour = 17;
        due.minute = due.second = 0;
        copy_text(t.due_date, sizeof t.due_date, format_local_datetime(due));
        if (t.classes.data.is_array() && !t.classes.data.empty())
            t.class_choice = 0;
    }
}

void save_assignment(AppState& state)
{
    auto& t = state.teacher;
    Json body = { { "title", t.title }, { "description", t.description }, { "due_date", t.due_date } };
    if (t.class_choice >= 0 && t.classes.data.is_array() && t.class_choice < static_cast<int>(t.classes.data.size()))
        body["class_id"] = t.classes.data[t.class_choice]["id"];
    else
        body["class_id"] = nullptr;
    t.save = { Phase::Loading, {}, false };
    bool creating = t.editing_id == 0;
    api_call(state, creating ? "POST" : "PUT",
        creating ? "/api/assignments" : "/api/assignments/" + std::to_string(t.editing_id), body,
        [creating](AppState& state, const ApiAnswer& answer) {
            auto& t = state.teacher;
            if (answer.ok()) {
                t.save = { Phase::Done, creating ? "Assignment created" : "Assignment saved", false };
                t.editor_open = false;
                reload_assignments(state);
            } else {
                t.save = { Phase::Failed, answer.error_text(), true };
            }
        });
}

void draw_editor(AppState& state)
{
    auto& t = state.teacher;
    auto errors = editor_errors(t);
    ImGui::TextUnformatted(t.editing_id ? "Edit assignment" : "New assignment");
    ImGui::TextUnformatted("Title");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##title", t.title, sizeof t.title);
    ui::remember(state, "teacher.title");
    if (t.editor_attempted || t.title[0])
        ui::field_errors(errors, "title");
    ImGui::TextUnformatted("Description");
    ImGui::InputTextMultiline("##description", t.description, sizeof t.description, ImVec2(-1, ImGui::GetTextLineHeight() * 6));
    ui::remember(state, "teacher.description");
    ui::field_errors(errors, "description");
    ImGui::TextUnformatted("Due (YYYY-MM-DDTHH:MM:SS, school time)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText("##due", t.due_date, sizeof t.due_date);
    ui::remember(state, "teacher.due_date");
    ui::field_errors(errors, "due_date");

    ImGui::TextUnformatted("Class");
    std::string current = "No class (everyone)";
    if (t.class_choice >= 0 && t.classes.data.is_array() && t.class_choice < static_cast<int>(t.classes.data.size()))
        current = t.classes.data[t.class_choice].value("name", "");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##class", current.c_str())) {
        if (ImGui::Selectable("No class (everyone)", t.class_choice < 0))
            t.class_choice = -1;
        if (t.classes.data.is_array()) {
            for (std::size_t i = 0; i < t.classes.data.size(); ++i) {
                auto name = t.classes.data[i].value("name", "");
                if (ImGui::Selectable((name + "##c" + std::to_string(i)).c_str(), t.class_choice == static_cast<int>(i)))
                    t.class_choice = static_cast<int>(i);
            }
        }
        ImGui::EndCombo();
    }

    ImGui::BeginDisabled(t.save.phase == Phase::Loading);
    if (ui::button(state, "Save", "teacher.save")) {
        t.editor_attempted = true;
        if (errors.empty())
            save_assignment(state);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "teacher.cancel"))
        t.editor_open = false;
    if (t.editor_attempted && !errors.empty())
        ImGui::TextColored(ui::k_error, "\xE2\x9C\x97 Fix the fields marked above");
    ui::action_status(t.save);
}

// Search the curriculum and assign learning targets to the student whose
// work is open (linked to the submission) or to the whole class.
void draw_target_picker(AppState& state, const Json& submission)
{
    auto& t = state.teacher;
    if (!ui::can(state, learnloop::Action::TargetAssign))
        return;
    ImGui::Separator();
    ImGui::TextUnformatted("Learning targets to practise");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    bool search = ImGui::InputTextWithHint("##target_query", "Search targets, e.g. apostrophe", t.target_query,
        sizeof t.target_query, ImGuiInputTextFlags_EnterReturnsTrue);
    ui::remember(state, "teacher.target_query");
    ImGui::SameLine();
    search |= ui::button(state, "Search", "teacher.target_search");
    if (search) {
        std::string query;
        for (char c : std::string(t.target_query)) {
            // Percent-encode anything but letters and digits for the query string.
            if (std::isalnum(static_cast<unsigned char>(c)))
                query += c;
            else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
                query += hex;
            }
        }
        api_load(state, t.target_results, "/api/curriculum/targets?limit=50&q=" + query);
    }
    // Browse by strand: the strands come from the curriculum itself.
    if (t.strands.phase == Phase::Idle)
        api_load(state, t.strands, "/api/curriculum/targets?limit=200");
    if (t.strands.data.is_array()) {
        std::vector<std::string> strands;
        for (const auto& target : t.strands.data) {
            auto strand = target.value("strand", "");
            if (std::find(strands.begin(), strands.end(), strand) == strands.end())
                strands.push_back(strand);
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##strand", t.strand.empty() ? "Browse a strand\xE2\x80\xA6" : t.strand.c_str())) {
            for (const auto& strand : strands) {
                if (ImGui::Selectable(strand.c_str(), strand == t.strand)) {
                    t.strand = strand;
                    api_load(state, t.target_results, "/api/curriculum/targets?limit=100&strand=" + strand);
                }
            }
            ImGui::EndCombo();
        }
        ui::remember(state, "teacher.strand");
    }
    if (ui::remote_status(state, t.target_results, "teacher.targets"))
        api_load(state, t.target_results, "/api/curriculum/targets?limit=50");
    if (t.target_results.phase == Phase::Done && t.target_results.data.empty())
        ImGui::TextColored(ui::k_muted, "No targets match.");
    if (t.target_results.data.is_array()) {
        for (const auto& target : t.target_results.data) {
            auto id = target.value("target_id", "");
            bool chosen = std::find(t.chosen_targets.begin(), t.chosen_targets.end(), id) != t.chosen_targets.end();
            if (ImGui::Checkbox((target.value("title", "") + "  (" + target.value("strand", "") + ")##" + id).c_str(), &chosen)) {
                if (chosen)
                    t.chosen_targets.push_back(id);
                else
                    std::erase(t.chosen_targets, id);
            }
            ui::remember(state, "teacher.target." + id);
        }
    }
    ImGui::BeginDisabled(t.chosen_targets.empty() || t.assign.phase == Phase::Loading);
    auto assign = [&](Json body, const char* done) {
        body["target_ids"] = t.chosen_targets;
        t.assign = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/target-assignments", body, [done](AppState& state, const ApiAnswer& answer) {
            auto& t = state.teacher;
            t.assign = answer.ok() ? Outcome { Phase::Done, done, false } : Outcome { Phase::Failed, answer.error_text(), true };
            if (answer.ok())
                t.chosen_targets.clear();
        });
    };
    if (ui::button(state, "Assign to this student", "teacher.assign_student"))
        assign({ { "student_id", submission["student_id"] }, { "submission_id", submission["id"] } }, "Targets assigned to the student");
    ImGui::SameLine();
    const Json* selected = nullptr;
    for (const auto& a : t.assignments.data)
        if (a.value("id", std::int64_t(0)) == t.selected_assignment)
            selected = &a;
    bool has_class = selected && (*selected)["class_id"].is_number();
    ImGui::BeginDisabled(!has_class);
    if (ui::button(state, "Assign to the whole class", "teacher.assign_class") && has_class)
        assign({ { "class_id", (*selected)["class_id"] } }, "Targets assigned to the class");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ui::action_status(t.assign);
}

// A row of radio buttons over the teacher's classes; choosing one loads
// /api/classes/<id>/<view><query> into `remote` (and calls `on_choose`
// first). Returns true once it has loaded.
bool pick_class(AppState& state, std::int64_t& chosen, Remote& remote, const std::string& view,
    const std::function<std::string()>& query = {}, const std::function<void()>& on_choose = {})
{
    auto& t = state.teacher;
    auto load = [&] {
        api_load(state, remote, "/api/classes/" + std::to_string(chosen) + "/" + view + (query ? query() : ""));
    };
    for (const auto& c : t.classes.data) {
        auto id = c.value("id", std::int64_t(0));
        if (&c != &t.classes.data.front())
            ImGui::SameLine();
        if (ImGui::RadioButton((c.value("name", "") + "##" + view + std::to_string(id)).c_str(), chosen == id)) {
            chosen = id;
            if (on_choose)
                on_choose();
            load();
        }
        ui::remember(state, "teacher." + view + "_class." + c.value("name", ""));
    }
    if (ui::remote_status(state, remote, "teacher." + view))
        load();
    return remote.phase == Phase::Done;
}

// The class heatmap: students × targets, colour plus level label.
void draw_mastery_tab(AppState& state)
{
    auto& t = state.teacher;
    if (!t.classes.data.is_array() || t.classes.data.empty()) {
        ImGui::TextColored(ui::k_muted, "You teach no classes yet.");
        return;
    }
    constexpr int k_students_per_page = 50;
    auto query = [&t] {
        return "?limit=" + std::to_string(k_students_per_page) + "&offset=" + std::to_string(t.heatmap_offset);
    };
    auto reset = [&t] {
        t.heatmap_offset = 0;
        t.heatmap_first_target = 0;
        t.drill_student = 0;
    };
    if (!pick_class(state, t.mastery_class, t.heatmap, "mastery", query, reset))
        return;
    const auto& map = t.heatmap.data;
    if (map["targets"].empty()) {
        ImGui::TextColored(ui::k_muted, "No learning targets are assigned in this class yet.");
        return;
    }
    // Pages of students (from the server) and of target columns (a table
    // holds at most 64 columns; 30 at a time stay readable).
    constexpr int k_targets_per_page = 30;
    const int target_count = static_cast<int>(map["targets"].size());
    const auto total_students = map.value("total_students", std::int64_t(0));
    t.heatmap_first_target = std::clamp(t.heatmap_first_target, 0, std::max(0, target_count - 1));
    const int first = t.heatmap_first_target;
    const int shown = std::min(k_targets_per_page, target_count - first);
    auto load_page = [&](std::int64_t offset) {
        t.heatmap_offset = offset;
        t.drill_student = 0;   // the drill-down names a student of the page shown
        api_load(state, t.heatmap, "/api/classes/" + std::to_string(t.mastery_class) + "/mastery" + query());
    };
    if (total_students > k_students_per_page) {
        ImGui::Text("Students %lld\xE2\x80\x93%lld of %lld", static_cast<long long>(t.heatmap_offset + 1),
            static_cast<long long>(std::min<std::int64_t>(t.heatmap_offset + k_students_per_page, total_students)),
            static_cast<long long>(total_students));
        ImGui::SameLine();
        ImGui::BeginDisabled(t.heatmap_offset == 0);
        if (ui::button(state, "\xE2\x97\x80 Earlier students", "teacher.heatmap.students_prev"))
            load_page(std::max<std::int64_t>(0, t.heatmap_offset - k_students_per_page));
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(t.heatmap_offset + k_students_per_page >= total_students);
        if (ui::button(state, "More students \xE2\x96\xB6", "teacher.heatmap.students_next"))
            load_page(t.heatmap_offset + k_students_per_page);
        ImGui::EndDisabled();
    }
    if (target_count > k_targets_per_page) {
        ImGui::Text("Targets %d\xE2\x80\x93%d of %d", first + 1, first + shown, target_count);
        ImGui::SameLine();
        ImGui::BeginDisabled(first == 0);
        if (ui::button(state, "\xE2\x97\x80 Earlier targets", "teacher.heatmap.targets_prev"))
            t.heatmap_first_target = std::max(0, first - k_targets_per_page);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(first + shown >= target_count);
        if (ui::button(state, "More targets \xE2\x96\xB6", "teacher.heatmap.targets_next"))
            t.heatmap_first_target = first + k_targets_per_page;
        ImGui::EndDisabled();
    }
    int columns = shown + 1;
    // As tall as its rows (up to 12), so the drill-down below stays in view.
    float heatmap_height = ImGui::GetFrameHeightWithSpacing() * (std::min<std::size_t>(map["rows"].size(), 12) + 1.5f);
    if (ImGui::BeginTable("heatmap", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
            ImVec2(0, heatmap_height))) {
        ImGui::TableSetupColumn("Student");
        for (int i = 0; i < shown; ++i)
            ImGui::TableSetupColumn(map["targets"][first + i].value("title", "").c_str());
        ImGui::TableHeadersRow();
        for (const auto& row : map["rows"]) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            auto student_id = row.value("student_id", std::int64_t(0));
            if (ImGui::Selectable((row.value("student_name", "") + "##drill" + std::to_string(student_id)).c_str(),
                    t.drill_student == student_id)) {
                t.drill_student = student_id;
                api_load(state, t.drill, "/api/mastery?student_id=" + std::to_string(student_id));
            }
            ui::remember(state, "teacher.drill." + row.value("student_name", ""));
            for (int i = 0; i < shown; ++i) {
                ImGui::TableNextColumn();
                const auto& cell = row["cells"][first + i];
                if (cell.is_null()) {
                    ImGui::TextColored(ui::k_muted, "â");
                    continue;
                }
                // Colour runs red → amber → green with the estimate; the label says the level.
                float known = cell.value("known", 0.0f);
                ImVec4 colour(0.95f - 0.6f * known, 0.55f + 0.35f * known, 0.55f, 1.0f);
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(colour));
                ImGui::Text("%s %.0f%%", cell.value("level", "").c_str(), known * 100);
            }
        }
        ImGui::EndTable();
    }
    if (t.drill_student) {
        ImGui::Separator();
        if (ui::remote_status(state, t.drill, "teacher.drill"))
            api_load(state, t.drill, "/api/mastery?student_id=" + std::to_string(t.drill_student));
        if (t.drill.phase == Phase::Done) {
            std::string student_name;
            for (const auto& row : map["rows"])
                if (row.value("student_id", std::int64_t(0)) == t.drill_student)
                    student_name = row.value("student_name", "");
            ImGui::Text("Recent answers of %s (newest first):", student_name.c_str());
            ui::recent_answers(t.drill.data, 15);
        }
    }
    if (!map["needs_help"].empty()) {
        ImGui::TextUnformatted("Needs help:");
        for (const auto& s : map["needs_help"])
            ImGui::BulletText("%s (%d weak target%s)", s.value("student_name", "").c_str(), s.value("weak_targets", 0),
                s.value("weak_targets", 0) == 1 ? "" : "s");
    }
}

void save_grade(AppState& state, bool move_to_next)
{
    auto& t = state.teacher;
    if (t.selected_submission < 0 || !t.submissions.data.is_array())
        return;
    auto submission = t.submissions.data[t.selected_submission];
    double grade = std::atof(t.grade);
    t.grading = { Phase::Loading, {}, false };
    api_call(state, "PUT", "/api/submissions/" + std::to_string(submission.value("id", std::int64_t(0))) + "/grade",
        { { "grade", grade }, { "feedback", t.feedback } },
        [move_to_next, index = t.selected_submission, grade](AppState& state, const ApiAnswer& answer) {
            auto& t = state.teacher;
            if (!answer.ok()) {
                t.grading = { Phase::Failed, answer.error_text(), true };
                return;
            }
            t.grading = { Phase::Done, "Grade saved", false };
            if (t.submissions.data.is_array() && index < static_cast<int>(t.submissions.data.size())) {
                t.submissions.data[index]["grade"] = grade;
                t.submissions.data[index]["feedback"] = t.feedback;
            }
            if (move_to_next && t.submissions.data.is_array() && index + 1 < static_cast<int>(t.submissions.data.size())) {
                t.selected_submission = index + 1;
                const auto& next = t.submissions.data[index + 1];
                copy_text(t.grade, sizeof t.grade, next["grade"].is_number() ? format_grade(next["grade"].get<double>()) : "");
                copy_text(t.feedback, sizeof t.feedback, next["feedback"].is_string() ? next["feedback"].get<std::string>() : "");
            }
        });
}

void draw_submissions(AppState& state)
{
    auto& t = state.teacher;
    ImGui::TextUnformatted("Submissions");
    if (ui::remote_status(state, t.submissions, "teacher.submissions"))
        load_submissions(state, t.selected_assignment);
    if (t.submissions.phase != Phase::Done)
        return;
    if (t.submissions.data.empty()) {
        ImGui::TextColored(ui::k_muted, "No submissions yet.");
        return;
    }
    if (ImGui::BeginTable("submissions", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Student");
        ImGui::TableSetupColumn("Submitted");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Grade");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < t.submissions.data.size(); ++i) {
            const auto& s = t.submissions.data[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable((s.value("student_name", "") + "##s" + std::to_string(i)).c_str(),
                    t.selected_submission == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns)) {
                t.selected_submission = static_cast<int>(i);
                t.grading = {};
                copy_text(t.grade, sizeof t.grade, s["grade"].is_number() ? format_grade(s["grade"].get<double>()) : "");
                copy_text(t.feedback, sizeof t.feedback, s["feedback"].is_string() ? s["feedback"].get<std::string>() : "");
            }
            ui::remember(state, "teacher.submission." + std::to_string(i));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(due_for_people(s.value("submitted_at", "")).c_str());
            ImGui::TableNextColumn();
            ui::status_label(s["grade"].is_number() ? "graded" : s.value("late", false) ? "late" : "submitted");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s["grade"].is_number() ? format_grade(s["grade"].get<double>()).c_str() : "\xE2\x80\x93");
        }
        ImGui::EndTable();
    }

    if (t.selected_submission < 0 || t.selected_submission >= static_cast<int>(t.submissions.data.size()))
        return;
    const auto& s = t.submissions.data[t.selected_submission];
    ImGui::Separator();
    ImGui::Text("Grading: %s", s.value("student_name", "").c_str());
    ImGui::BeginChild("answer", ImVec2(0, ImGui::GetTextLineHeight() * 6), true);
    ImGui::TextWrapped("%s", s.value("content", "").c_str());
    ImGui::EndChild();
    ImGui::TextUnformatted("Grade (0-1000)");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    ImGui::InputText("##grade", t.grade, sizeof t.grade, ImGuiInputTextFlags_CharsDecimal);
    ui::remember(state, "teacher.grade");
    auto grade_check = t.grade[0] ? validate_grade(std::atof(t.grade))
                                  : Result<double>(make_error(ErrorCode::InvalidArgument, "Grade is required", "grade"));
    if (!grade_check.ok() && t.grade[0])
        ImGui::TextColored(ui::k_error, "\xE2\x9C\x97 %s", grade_check.error().message.c_str());
    ImGui::TextUnformatted("Feedback");
    ImGui::InputTextMultiline("##feedback", t.feedback, sizeof t.feedback, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ui::remember(state, "teacher.feedback");
    bool shortcut = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    ImGui::BeginDisabled(!grade_check.ok() || t.grading.phase == Phase::Loading);
    bool save = ui::button(state, "Save grade", "teacher.save_grade");
    ImGui::SameLine();
    bool save_next = ui::button(state, "Save and next (Ctrl+Enter)", "teacher.save_next");
    ImGui::EndDisabled();
    if (grade_check.ok() && t.grading.phase != Phase::Loading && (save || save_next || shortcut))
        save_grade(state, save_next || shortcut);
    ui::action_status(t.grading);
    draw_target_picker(state, s);
}

void draw_assignments_tab(AppState& state)
{
    auto& t = state.teacher;
    ImGui::BeginChild("list", ImVec2(ImGui::GetContentRegionAvail().x * 0.45f, 0), false);
    if (ui::can(state, learnloop::Action::AssignmentCreate)) {
        if (ui::button(state, "New assignment", "teacher.new"))
            open_editor(state, nullptr);
        ImGui::SameLine();
    }
    if (ui::button(state, "Refresh", "teacher.refresh"))
        reload_assignments(state);
    if (ui::remote_status(state, t.assignments, "teacher.assignments"))
        reload_assignments(state);
    if (t.assignments.phase == Phase::Done && t.assignments.data.empty())
        ImGui::TextColored(ui::k_muted, "No assignments yet. Create one with \"New assignment\".");
    if (t.assignments.data.is_array() && ImGui::BeginTable("assignments", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Title");
        ImGui::TableSetupColumn("Due");
        ImGui::TableHeadersRow();
        for (const auto& a : t.assignments.data) {
            auto id = a.value("id", std::int64_t(0));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable((a.value("title", "") + "##a" + std::to_string(id)).c_str(), t.selected_assignment == id,
                    ImGuiSelectableFlags_SpanAllColumns))
                load_submissions(state, id);
            ui::remember(state, "teacher.assignment." + a.value("title", ""));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(due_for_people(a.value("due_date", "")).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail", ImVec2(0, 0), true);
    if (t.editor_open) {
        draw_editor(state);
    } else if (t.selected_assignment) {
        const Json* selected = nullptr;
        for (const auto& a : t.assignments.data)
            if (a.value("id", std::int64_t(0)) == t.selected_assignment)
                selected = &a;
        if (selected) {
            ImGui::TextWrapped("%s", selected->value("title", "").c_str());
            ImGui::TextColored(ui::k_muted, "Due %s", due_for_people(selected->value("due_date", "")).c_str());
            ImGui::TextWrapped("%s", selected->value("description", "").c_str());
            if (ui::button(state, "Edit", "teacher.edit"))
                open_editor(state, selected);
            ImGui::SameLine();
            if (ui::button(state, "Delete", "teacher.delete")) {
                t.confirm_delete_id = t.selected_assignment;
                ui::open_confirm("Delete assignment?");
            }
            ImGui::Separator();
            draw_submissions(state);
        }
    } else {
        ImGui::TextColored(ui::k_muted, "Select an assignment to see its submissions.");
        ui::action_status(t.save);
    }
    if (ui::confirm_dialog(state, "Delete assignment?", "The assignment and its submissions will be hidden.", "Delete")) {
        api_call(state, "DELETE", "/api/assignments/" + std::to_string(t.confirm_delete_id), nullptr,
            [](AppState& state, const ApiAnswer& answer) {
                auto& t = state.teacher;
                t.save = answer.ok() ? Outcome { Phase::Done, "Assignment deleted", false }
                                     : Outcome { Phase::Failed, answer.error_text(), true };
                t.selected_assignment = 0;
                reload_assignments(state);
            });
    }
    ImGui::EndChild();
}

void draw_gradebook_tab(AppState& state)
{
    auto& t = state.teacher;
    if (ui::remote_status(state, t.classes, "teacher.classes"))
        api_load(state, t.classes, "/api/classes");
    if (!t.classes.data.is_array())
        return;
    if (t.classes.data.empty()) {
        ImGui::TextColored(ui::k_muted, "You teach no classes yet.");
        return;
    }
    if (!pick_class(state, t.gradebook_class, t.gradebook, "gradebook"))
        return;
    const auto& book = t.gradebook.data;
    int columns = static_cast<int>(book["assignments"].size()) + 2;
    if (columns > 63)
        columns = 63;
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

void draw_classes_tab(AppState& state)
{
    auto& t = state.teacher;
    if (ui::remote_status(state, t.classes, "teacher.classes"))
        api_load(state, t.classes, "/api/classes");
    if (t.classes.data.is_array()) {
        if (t.classes.data.empty())
            ImGui::TextColored(ui::k_muted, "You teach no classes yet. Create one below; the school adds its students.");
        for (const auto& c : t.classes.data) {
            auto id = c.value("id", std::int64_t(0));
            if (ImGui::Selectable((c.value("name", "") + " \xC2\xB7 " + std::to_string(c.value("member_count", 0))
                                      + " students##tc" + std::to_string(id))
                                      .c_str(),
                    t.members_class == id)) {
                t.members_class = id;
                api_load(state, t.members, "/api/classes/" + std::to_string(id) + "/members?limit=200");
            }
        }
    }
    if (t.members_class) {
        ImGui::Separator();
        if (ui::remote_status(state, t.members, "teacher.members"))
            api_load(state, t.members, "/api/classes/" + std::to_string(t.members_class) + "/members?limit=200");
        if (t.members.data.is_array()) {
            if (t.members.data.empty())
                ImGui::TextColored(ui::k_muted, "No students in this class yet.");
            for (const auto& m : t.members.data)
                ImGui::BulletText("%s  (%s)", m.value("name", "").c_str(), m.value("email", "").c_str());
        }
    }
    if (!ui::can(state, learnloop::Action::ClassManage))
        return;
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputTextWithHint("##class_name", "New class name", t.class_name, sizeof t.class_name);
    ImGui::SameLine();
    auto check = validate_text(t.class_name, "name", "Name", 1, 100, TextLines::Single);
    ImGui::BeginDisabled(!check.ok() || t.create_class.phase == Phase::Loading);
    if (ui::button(state, "Create class", "teacher.create_class")) {
        t.create_class = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/classes", { { "name", t.class_name } }, [](AppState& state, const ApiAnswer& answer) {
            auto& t = state.teacher;
            t.create_class = answer.ok() ? Outcome { Phase::Done, "Class created", false } : Outcome { Phase::Failed, answer.error_text(), true };
            if (answer.ok())
                t.class_name[0] = '\0';
            api_load(state, t.classes, "/api/classes");
        });
    }
    ImGui::EndDisabled();
    ui::action_status(t.create_class);
}

} // namespace

void draw_teacher_portal(AppState& state)
{
    auto& t = state.teacher;
    if (t.assignments.phase == Phase::Idle)
        reload_assignments(state);
    if (t.classes.phase == Phase::Idle)
        api_load(state, t.classes, "/api/classes");
    if (ImGui::BeginTabBar("teacher_tabs")) {
        struct Tab {
            const char* label;
            const char* name;
            void (*draw)(AppState&);
        };
        static const Tab tabs[] = {
            { "Assignments", "teacher.tab.assignments", draw_assignments_tab },
            { "Classes", "teacher.tab.classes", draw_classes_tab },
            { "Mastery", "teacher.tab.mastery", draw_mastery_tab },
            { "Gradebook", "teacher.tab.gradebook", draw_gradebook_tab },
        };
        for (const auto& tab : tabs) {
            if (ui::tab(state, tab.label, tab.name)) {
                tab.draw(state);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
}

Json teacher_summary(const AppState& state)
{
    const auto& t = state.teacher;
    Json titles = Json::array();
    if (t.assignments.data.is_array())
        for (const auto& a : t.assignments.data)
            titles.push_back(a.value("title", ""));
    Json submissions = Json::array();
    if (t.submissions.data.is_array())
        for (const auto& s : t.submissions.data)
            submissions.push_back({ { "student", s.value("student_name", "") }, { "grade", s["grade"] } });
    return { { "assignments", titles }, { "assignments_phase", static_cast<int>(t.assignments.phase) },
        { "editor_open", t.editor_open }, { "save", t.save.message }, { "selected_assignment", t.selected_assignment },
        { "submissions", submissions }, { "grading", t.grading.message }, { "gradebook", t.gradebook.data },
        { "assign", t.assign.message }, { "heatmap", t.heatmap.data }, { "target_results", t.target_results.data },
        { "drill", t.drill.data } };
}

} // namespace learnloop::client
