// The assignment editor (see assignment_editor.hpp).
#include "tracker/assignment_editor.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "net/api.hpp"
#include "ui/date_picker.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

const char* group_field(const AssignmentEditorState& e)
{
    return e.group == AssignmentGroup::Course ? "course_id" : "class_id";
}

const char* group_name_key(const AssignmentEditorState& e)
{
    return e.group == AssignmentGroup::Course ? "title" : "name";
}

bool valid_choice(const Remote& classes, int choice)
{
    return choice >= 0 && classes.data.is_array() && choice < static_cast<int>(classes.data.size());
}

// Validation of the editor with the shared rules, every frame.
std::vector<Error> editor_errors(const AssignmentEditorState& e, const Remote& classes)
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
    if (e.group == AssignmentGroup::Course) {
        if (!valid_choice(classes, e.class_choice))
            errors.push_back(make_error(ErrorCode::InvalidArgument, "Choose the course this work is for", "course_id"));
        auto points = ui::whole_number(e.max_points, 1000);
        if (!points || *points < 1)
            errors.push_back(make_error(ErrorCode::InvalidArgument, "Out of: type whole points from 1 to 1000",
                "max_points"));
        else if (e.rubric.on)
            if (auto r = rubric_of_draft(e.rubric, *points); !r.ok())
                errors.push_back(make_error(ErrorCode::InvalidArgument, r.error().message, "rubric"));
    }
    return errors;
}

void save_assignment(AppState& state, AssignmentEditorState& e, const Remote& classes, Remote& assignments)
{
    Json body = { { "title", e.title }, { "description", e.description }, { "due_date", e.due_date } };
    body[group_field(e)] = valid_choice(classes, e.class_choice) ? classes.data[e.class_choice]["id"] : Json(nullptr);
    if (e.group == AssignmentGroup::Course) {
        const int points = ui::whole_number(e.max_points, 1000).value_or(0);
        body["max_points"] = points;
        auto rubric = e.rubric.on ? rubric_of_draft(e.rubric, points) : Result<Rubric>(Rubric {});
        body["rubric"] = e.rubric.on && rubric.ok() ? rubric_json(rubric.value()) : Json(nullptr);
    }
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

// A course's work: the points it is out of, and the rubric that marks it.
void draw_marking_fields(AppState& state, AssignmentEditorState& e, const std::vector<Error>& errors)
{
    ui::labelled_input(state, "Out of (points)", "20", e.max_points, sizeof e.max_points, "teacher.max_points", 4,
        ImGuiInputTextFlags_CharsDecimal);
    ui::field_errors(errors, "max_points");
    const int points = ui::whole_number(e.max_points, 1000).value_or(0);
    bool on = e.rubric.on;
    if (ui::checkbox("Mark with a rubric", &on)) {
        if (on)
            start_rubric_draft(e.rubric, points > 0 ? points : 20);
        else
            e.rubric.on = false;
    }
    ui::remember(state, "teacher.rubric_on");
    if (e.rubric.on && points > 0)
        draw_rubric_builder(state, e.rubric, points);
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
    fill_rubric_draft(e.rubric, assignment ? field_of(*assignment, "rubric") : Json(nullptr));
    const int points = assignment ? int_field(*assignment, "max_points") : 0;
    ui::copy_text(e.max_points, std::to_string(points > 0 ? points : 20));
    if (assignment) {
        e.editing_id = assignment->value("id", std::int64_t(0));
        ui::copy_text(e.title, assignment->value("title", ""));
        ui::copy_text(e.description, assignment->value("description", ""));
        ui::copy_text(e.due_date, assignment->value("due_date", ""));
        if (const auto& group = field_of(*assignment, group_field(e)); classes.data.is_array() && group.is_number()) {
            for (std::size_t i = 0; i < classes.data.size(); ++i) {
                if (field_of(classes.data[i], "id") == group)
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
    auto errors = editor_errors(e, classes);
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

    const bool course = e.group == AssignmentGroup::Course;
    ui::text_unformatted(course ? "Course" : "Class");
    std::string current = course ? "Choose a course" : "No class (everyone)";
    if (valid_choice(classes, e.class_choice))
        current = classes.data[e.class_choice].value(group_name_key(e), "");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ui::begin_combo("##class", current.c_str())) {
        if (!course && ui::selectable("No class (everyone)", e.class_choice < 0))
            e.class_choice = -1;
        if (classes.data.is_array()) {
            for (std::size_t i = 0; i < classes.data.size(); ++i) {
                auto name = classes.data[i].value(group_name_key(e), "");
                if (ui::selectable((name + "##c" + std::to_string(i)).c_str(), e.class_choice == static_cast<int>(i)))
                    e.class_choice = static_cast<int>(i);
            }
        }
        ui::end_combo();
    }
    if (course) {
        if (e.attempted)
            ui::field_errors(errors, "course_id");
        draw_marking_fields(state, e, errors);
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
