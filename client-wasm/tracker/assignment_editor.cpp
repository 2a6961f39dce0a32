// The assignment editor (see assignment_editor.hpp).
#include "tracker/assignment_editor.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "net/api.hpp"
#include "ui/date_picker.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

// Validation of the editor with the shared rules, every frame.
std::vector<Error> editor_errors(const AssignmentEditorState& e)
{
    std::vector<Error> errors;
    if (auto r = validate_text(e.title, "title", "Title", 1, k_title_max_length, TextLines::Single); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_text(e.description, "description", "Description", 0, k_description_max_length,
            TextLines::Multiple);
        !r.ok())
        errors.push_back(r.error());
    if (auto r = parse_local_datetime(e.due_date, "due_date"); !r.ok())
        errors.push_back(r.error());
    return errors;
}

bool valid_choice(const Remote& classes, int choice)
{
    return choice >= 0 && classes.data.is_array() && choice < static_cast<int>(classes.data.size());
}

void save_assignment(AppState& state, AssignmentEditorState& e, const Remote& classes, Remote& assignments)
{
    Json body = { { "title", e.title }, { "description", e.description }, { "due_date", e.due_date } };
    body["class_id"] = valid_choice(classes, e.class_choice) ? classes.data[e.class_choice]["id"] : Json(nullptr);
    e.save = { Phase::Loading, {}, false };
    bool creating = e.editing_id == 0;
    api_call(state, creating ? "POST" : "PUT",
        creating ? "/api/assignments" : "/api/assignments/" + std::to_string(e.editing_id), body,
        [creating, &e, &assignments](AppState& state, const ApiAnswer& answer) {
            e.save = outcome_of(answer, creating ? "Assignment created" : "Assignment saved");
            if (answer.ok()) {
                e.open = false;
                reload_assignments(state, assignments);
            }
        });
}

} // namespace

void reload_assignments(AppState& state, Remote& assignments)
{
    api_load(state, assignments, "/api/assignments?limit=200");
}

void open_editor(AppState& state, AssignmentEditorState& e, const Remote& classes, const Json* assignment)
{
    e.open = true;
    e.attempted = false;
    e.save = {};
    e.class_choice = -1;
    if (assignment) {
        e.editing_id = assignment->value("id", std::int64_t(0));
        ui::copy_text(e.title, assignment->value("title", ""));
        ui::copy_text(e.description, assignment->value("description", ""));
        ui::copy_text(e.due_date, assignment->value("due_date", ""));
        if (classes.data.is_array() && (*assignment)["class_id"].is_number()) {
            for (std::size_t i = 0; i < classes.data.size(); ++i) {
                if (classes.data[i]["id"] == (*assignment)["class_id"])
                    e.class_choice = static_cast<int>(i);
            }
        }
    } else {
        e.editing_id = 0;
        e.title[0] = e.description[0] = '\0';
        // A week from today (on the school's clock) at 17:00, as a starting point.
        auto today = parse_local_datetime(state.local_now);
        auto due = from_unix_seconds((today.ok() ? to_unix_seconds(today.value()) : static_cast<std::int64_t>(state.wall_clock))
            + 7 * 86400);
        due.hour = 17;
        due.minute = due.second = 0;
        ui::copy_text(e.due_date, format_local_datetime(due));
        if (classes.data.is_array() && !classes.data.empty())
            e.class_choice = 0;
    }
}

void draw_editor(AppState& state, AssignmentEditorState& e, const Remote& classes, Remote& assignments)
{
    auto errors = editor_errors(e);
    ui::heading(e.editing_id ? "Edit assignment" : "New assignment", 2);
    ui::text_unformatted("Title");
    ImGui::SetNextItemWidth(-1);
    ui::input_text("##title", e.title, sizeof e.title);
    ui::remember(state, "teacher.title");
    if (e.attempted || e.title[0])
        ui::field_errors(errors, "title");
    ui::text_unformatted("Description");
    ui::input_text_multiline("##description", e.description, sizeof e.description,
        ImVec2(-1, ImGui::GetTextLineHeight() * 6));
    ui::remember(state, "teacher.description");
    ui::field_errors(errors, "description");
    ui::text_unformatted("Due");
    ui::date_time_picker(state, "due", e.due_date, sizeof e.due_date, state.local_now, "Due", "teacher.due_date");
    if (!state.time_zone.empty()) {
        ImGui::SameLine();
        ui::text_colored(ui::k_muted, "school time (%s)", state.time_zone.c_str());
    }
    ui::field_errors(errors, "due_date");

    ui::text_unformatted("Class");
    std::string current = "No class (everyone)";
    if (valid_choice(classes, e.class_choice))
        current = classes.data[e.class_choice].value("name", "");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ui::begin_combo("##class", current.c_str())) {
        if (ui::selectable("No class (everyone)", e.class_choice < 0))
            e.class_choice = -1;
        if (classes.data.is_array()) {
            for (std::size_t i = 0; i < classes.data.size(); ++i) {
                auto name = classes.data[i].value("name", "");
                if (ui::selectable((name + "##c" + std::to_string(i)).c_str(), e.class_choice == static_cast<int>(i)))
                    e.class_choice = static_cast<int>(i);
            }
        }
        ui::end_combo();
    }

    ImGui::BeginDisabled(e.save.phase == Phase::Loading);
    if (ui::primary_button(state, "Save", "teacher.save")) {
        e.attempted = true;
        if (errors.empty())
            save_assignment(state, e, classes, assignments);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "teacher.cancel"))
        e.open = false;
    if (e.attempted && !errors.empty())
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 Fix the fields marked above");
    ui::action_status(e.save);
}

} // namespace learnloop::client
