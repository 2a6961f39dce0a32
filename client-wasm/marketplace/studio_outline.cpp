// The course studio's outline (studio_parts.hpp): modules and lessons in
// their order, moved by the shared rules (move_lesson, move_module) and sent
// whole; a lesson's form with its files (chosen in the browser's chooser,
// checked by shared-domain marketplace/attachments before sending); and
// deleting a module, lesson or file after a confirmation.
#include "marketplace/studio_parts.hpp"

#include "core/numbers.hpp"
#include "marketplace/attachments.hpp"
#include "marketplace/course_editing.hpp"
#include "net/api.hpp"
#include "platform/files.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

const char* const k_lesson_kinds[] = { "text", "video", "quiz" };
const char* const k_lesson_kind_labels[] = { "Reading", "Video", "Quiz" };

// [SECTION] modules and lessons

Outline outline_of(const Json& course)
{
    Outline outline;
    for (const auto& module : field_of(course, "modules")) {
        OutlineModule part { id_field(module, "id"), {} };
        for (const auto& lesson : field_of(module, "lessons"))
            part.lessons.push_back(id_field(lesson, "id"));
        outline.push_back(std::move(part));
    }
    return outline;
}

void change_part(AppState& state, StudioTabState& tab, const char* method, const std::string& path, const Json& body)
{
    tab.part = { Phase::Loading, {}, false };
    api_call(state, method, path, body, [&tab, course = tab.open](AppState&, const ApiAnswer& answer) {
        if (tab.open != course)
            return;
        tab.part = outcome_of(answer, text_field(answer.body, "message"));
        if (!answer.ok()) {
            if (answer.body.is_object() && !text_field(answer.body, "field").empty())
                tab.part_errors.push_back(make_error(ErrorCode::InvalidArgument, text_field(answer.body, "details"),
                    text_field(answer.body, "field")));
            return;
        }
        tab.lesson_open = false;
        tab.renaming = 0;
        tab.new_module[0] = '\0';
        take_studio_page(tab, answer);
    });
}

void send_outline(AppState& state, StudioTabState& tab, const Outline& before, const Outline& after)
{
    if (after == before)
        return;
    change_part(state, tab, "PUT", studio_course_path(tab.open) + "/outline", outline_json(after));
}

void open_lesson_form(StudioTabState& tab, std::int64_t module_id, const Json* lesson)
{
    tab.lesson = {};
    tab.lesson.module_id = module_id;
    tab.lesson_open = true;
    tab.part_errors.clear();
    tab.part = tab.file = {};
    tab.file_errors.clear();
    tab.choosing_for = 0;
    if (!lesson)
        return;
    tab.lesson.lesson_id = id_field(*lesson, "id");
    ui::copy_text(tab.lesson.title, text_field(*lesson, "title"));
    const auto kind = text_field(*lesson, "kind");
    for (int i = 0; i < 3; ++i)
        if (kind == k_lesson_kinds[i])
            tab.lesson.kind = i;
    ui::copy_text(tab.lesson.minutes, std::to_string(int_field(*lesson, "minutes")));
    ui::copy_text(tab.lesson.body, text_field(*lesson, "body"));
    ui::copy_text(tab.lesson.video_url, text_field(*lesson, "video_url"));
    tab.lesson.quiz_id = id_field(*lesson, "quiz_id");
}

// [SECTION] a lesson's files

const Json* find_lesson_in(const Json& course, std::int64_t id)
{
    for (const auto& module : field_of(course, "modules"))
        for (const auto& lesson : field_of(module, "lessons"))
            if (id_field(lesson, "id") == id)
                return &lesson;
    return nullptr;
}

// The file the person chose, checked by the shared rule and sent; what is
// wrong with it is said on the form instead.
void send_picked_file(AppState& state, StudioTabState& tab, PickedFile picked)
{
    tab.file_errors.clear();
    tab.file = {};
    if (!picked.read) {
        auto size = check_attachment_size(picked.size);
        tab.file_errors.push_back(size.ok()
                ? make_error(ErrorCode::InvalidArgument, "The file could not be read: choose it again", "file")
                : size.error());
        return;
    }
    auto checked = check_attachment(picked.name, picked.content);
    if (!checked.ok()) {
        tab.file_errors.push_back(checked.error());
        return;
    }
    tab.file = { Phase::Loading, "Sending " + checked.value().file_name + "...", false };
    const auto path = "/api/marketplace/studio/lessons/" + std::to_string(tab.lesson.lesson_id)
        + "/attachments?name=" + query_escape(checked.value().file_name);
    api_upload(state, path, std::move(picked.content),
        [&tab, course = tab.open, lesson = tab.lesson.lesson_id](AppState& s, const ApiAnswer& answer) {
            if (tab.open != course)
                return;
            // The course's page, whichever lesson is open now; the words only for the lesson it was for.
            if (answer.ok())
                take_studio_page(tab, answer);
            else if (answer.status == 0)
                load_studio_course(s, tab);   // it may have arrived before the connection failed
            if (tab.lesson.lesson_id != lesson)
                return;
            tab.file = outcome_of(answer, text_field(answer.body, "message"));
            if (!answer.ok() && answer.body.is_object() && !text_field(answer.body, "field").empty()) {
                tab.file_errors.push_back(make_error(ErrorCode::InvalidArgument, text_field(answer.body, "details"),
                    text_field(answer.body, "field")));
                tab.file = {};
            }
        });
}

void draw_lesson_files(AppState& state, StudioTabState& tab, const Json& course)
{
    ui::heading("Files for learners", 4);
    if (tab.lesson.lesson_id == 0) {
        ui::note("Add the lesson first; then change it to attach worksheets, slides or data for its learners.");
        return;
    }
    // A file chosen for this lesson is sent; one chosen for another is not.
    if (tab.choosing_for != 0) {
        if (auto picked = take_picked_file()) {
            const bool for_this = tab.choosing_for == tab.lesson.lesson_id;
            tab.choosing_for = 0;
            if (for_this)
                send_picked_file(state, tab, std::move(*picked));
        }
    }
    const auto* lesson = find_lesson_in(course, tab.lesson.lesson_id);
    const Json files = lesson ? field_of(*lesson, "attachments") : Json::array();
    if (files.empty())
        ui::note("No files yet. Learners download what you attach here, beside the lesson.");
    for (const auto& file : files) {
        const auto id = id_field(file, "id");
        const auto name = text_field(file, "name");
        ImGui::PushID(static_cast<int>(id));
        ui::text_unformatted((ICON_FILE_TEXT " " + name + " (" + text_field(file, "size_text") + ")").c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(tab.file.phase == Phase::Loading);
        if (ui::button(state, ("Delete " + name + "...").c_str(), "studio.file.delete." + name)) {
            tab.deleting = id;
            tab.deleting_part = StudioPart::File;
            tab.deleting_title = name;
            tab.ask_delete = true;
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ui::note((std::string("Up to 10 files of 8 MB or less: ") + attachment_kinds_for_people() + ".").c_str());
    ImGui::BeginDisabled(tab.file.phase == Phase::Loading || files.size() >= k_lesson_attachments_most);
    if (ui::button(state, ICON_UPLOAD " Attach a file...", "studio.file.attach")) {
        tab.file_errors.clear();
        tab.file = {};
        tab.choosing_for = tab.lesson.lesson_id;
        pick_file(attachment_accept(), static_cast<std::int64_t>(k_attachment_bytes_most));
    }
    ImGui::EndDisabled();
    ui::field_errors(tab.file_errors, "name");
    ui::field_errors(tab.file_errors, "file");
    ui::action_status(tab.file);
}

void draw_lesson_form(AppState& state, StudioTabState& tab, const Json& course)
{
    auto& lesson = tab.lesson;
    ui::heading(lesson.lesson_id == 0 ? "New lesson" : "Change lesson", 4);
    if (ui::labelled_input(state, "Lesson title", "Reading a CSV file", lesson.title, sizeof lesson.title,
            "studio.lesson.title", 20))
        tab.part_errors.clear();
    ui::field_errors(tab.part_errors, "title");
    const auto& quizzes = field_of(course, "quizzes");
    ui::text_unformatted("Kind");
    ui::begin_radio_group("Kind");
    for (int i = 0; i < 3; ++i) {
        if (i == 2 && quizzes.empty() && lesson.kind != 2)
            break;   // a quiz lesson needs one of the course's quizzes
        if (i > 0)
            ImGui::SameLine();
        ui::radio_button(k_lesson_kind_labels[i], &lesson.kind, i);
    }
    ui::end_radio_group();
    if (ui::labelled_input(state, "Minutes", "10", lesson.minutes, sizeof lesson.minutes, "studio.lesson.minutes", 4))
        tab.part_errors.clear();
    ui::field_errors(tab.part_errors, "minutes");
    if (lesson.kind == 1) {
        if (ui::labelled_input(state, "Video address", "https://", lesson.video_url, sizeof lesson.video_url,
                "studio.lesson.video", 20))
            tab.part_errors.clear();
        ui::field_errors(tab.part_errors, "video_url");
    }
    if (lesson.kind == 2) {
        std::string chosen = "Choose...";
        for (const auto& q : quizzes)
            if (id_field(q, "id") == lesson.quiz_id)
                chosen = text_field(q, "title");
        draw_studio_choice("Quiz", "##lesson_quiz", chosen, [&] {
            for (const auto& q : quizzes) {
                const auto id = id_field(q, "id");
                if (ui::selectable((text_field(q, "title") + "##quiz" + std::to_string(id)).c_str(),
                        lesson.quiz_id == id))
                    lesson.quiz_id = id;
            }
        });
        ui::field_errors(tab.part_errors, "quiz_id");
    }
    ui::text_unformatted(lesson.kind == 1 ? "Notes under the video (optional)" : "What it says");
    ui::input_text_multiline("##lesson_body", lesson.body, sizeof lesson.body,
        ImVec2(-1, ImGui::GetTextLineHeight() * 6));
    ui::remember(state, "studio.lesson.body");
    ui::field_errors(tab.part_errors, "body");

    ImGui::BeginDisabled(tab.part.phase == Phase::Loading);
    if (ui::primary_button(state, lesson.lesson_id == 0 ? "Add lesson" : "Save lesson", "studio.lesson.save")) {
        tab.part_errors.clear();
        Json body { { "title", lesson.title }, { "kind", k_lesson_kinds[lesson.kind] }, { "body", lesson.body } };
        const auto minutes = whole_number(lesson.minutes);
        if (lesson.minutes[0] != '\0' && !minutes)
            tab.part_errors.push_back(make_error(ErrorCode::InvalidArgument, "Type the minutes as a whole number",
                "minutes"));
        else
            body["minutes"] = minutes.value_or(0);
        if (lesson.kind == 1)
            body["video_url"] = lesson.video_url;
        if (lesson.kind == 2 && lesson.quiz_id > 0)
            body["quiz_id"] = lesson.quiz_id;
        if (tab.part_errors.empty()) {
            auto checked = read_lesson_draft(body);
            if (!checked.ok())
                tab.part_errors.push_back(checked.error());
            else if (lesson.lesson_id == 0)
                change_part(state, tab, "POST",
                    "/api/marketplace/studio/modules/" + std::to_string(lesson.module_id) + "/lessons",
                    lesson_draft_json(checked.value()));
            else
                change_part(state, tab, "PUT", "/api/marketplace/studio/lessons/" + std::to_string(lesson.lesson_id),
                    lesson_draft_json(checked.value()));
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, lesson.lesson_id == 0 ? "Cancel" : "Close", "studio.lesson.cancel")) {
        tab.lesson_open = false;
        tab.part_errors.clear();
    }
    draw_lesson_files(state, tab, course);
}

void ask_delete(StudioTabState& tab, std::int64_t id, StudioPart part, const std::string& title)
{
    tab.deleting = id;
    tab.deleting_part = part;
    tab.deleting_title = title;
    tab.ask_delete = true;   // opened outside the tables' ID scopes (draw_deleting)
}

void draw_lessons(AppState& state, StudioTabState& tab, const Json& module, const Outline& outline)
{
    const auto& lessons = field_of(module, "lessons");
    if (lessons.empty()) {
        ui::note("No lessons in this module yet.");
        return;
    }
    const auto table = "lessons" + std::to_string(id_field(module, "id"));
    if (!ui::begin_table(table.c_str(), 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Lesson", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Kind");
    ImGui::TableSetupColumn("Minutes");
    ImGui::TableSetupColumn("Actions", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ui::table_headers_row();
    for (const auto& lesson : lessons) {
        const auto id = id_field(lesson, "id");
        const auto title = text_field(lesson, "title");
        ImGui::PushID(static_cast<int>(id));
        ui::table_next_row();
        ui::table_next_column();
        ui::text_wrapped("%s", title.c_str());
        ui::table_next_column();
        ui::text_unformatted(text_field(lesson, "kind_label").c_str());
        ui::table_next_column();
        ui::text_unformatted(std::to_string(int_field(lesson, "minutes")).c_str());
        ui::table_next_column();
        ImGui::BeginDisabled(tab.part.phase == Phase::Loading);
        if (ui::button(state, "Change", "studio.lesson.change." + title))
            open_lesson_form(tab, id_field(module, "id"), &lesson);
        ImGui::SameLine();
        if (ui::button(state, "Up", "studio.lesson.up." + title))
            send_outline(state, tab, outline, move_lesson(outline, id, -1));
        ImGui::SameLine();
        if (ui::button(state, "Down", "studio.lesson.down." + title))
            send_outline(state, tab, outline, move_lesson(outline, id, 1));
        if (int_field(lesson, "learners") == 0) {
            ImGui::SameLine();
            if (ui::button(state, "Delete...", "studio.lesson.delete." + title))
                ask_delete(tab, id, StudioPart::Lesson, title);
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ui::end_table();
}

void draw_module(AppState& state, StudioTabState& tab, const Json& course, const Json& module, std::size_t index,
    const Outline& outline)
{
    const auto id = id_field(module, "id");
    const auto title = text_field(module, "title");
    ImGui::PushID(static_cast<int>(id));
    if (tab.renaming == id) {
        ui::labelled_input(state, "Module title", "Week 1", tab.rename, sizeof tab.rename, "studio.module.rename", 16);
        ui::field_errors(tab.part_errors, "title");
        if (ui::primary_button(state, "Save title", "studio.module.save")) {
            tab.part_errors.clear();
            auto checked = read_module_title({ { "title", tab.rename } });
            if (!checked.ok())
                tab.part_errors.push_back(checked.error());
            else
                change_part(state, tab, "PUT", "/api/marketplace/studio/modules/" + std::to_string(id),
                    { { "title", checked.value() } });
        }
        ImGui::SameLine();
        if (ui::button(state, "Cancel", "studio.module.cancel"))
            tab.renaming = 0;
    } else {
        ui::heading(("Module " + std::to_string(index + 1) + ": " + title).c_str(), 3);
    }
    ImGui::BeginDisabled(tab.part.phase == Phase::Loading);
    if (ui::button(state, ("Rename##module" + std::to_string(id)).c_str(), "studio.module.rename." + title)) {
        tab.renaming = id;
        ui::copy_text(tab.rename, title);
        tab.part_errors.clear();
    }
    ImGui::SameLine();
    if (index > 0) {
        if (ui::button(state, "Move module up", "studio.module.up." + title))
            send_outline(state, tab, outline, move_module(outline, id, -1));
        ImGui::SameLine();
    }
    if (index + 1 < outline.size()) {
        if (ui::button(state, "Move module down", "studio.module.down." + title))
            send_outline(state, tab, outline, move_module(outline, id, 1));
        ImGui::SameLine();
    }
    if (field_of(module, "lessons").empty()) {
        if (ui::button(state, "Delete module...", "studio.module.delete." + title))
            ask_delete(tab, id, StudioPart::Module, title);
        ImGui::SameLine();
    }
    if (ui::button(state, (ICON_PLUS " Add lesson to " + title).c_str(), "studio.module.add_lesson." + title))
        open_lesson_form(tab, id, nullptr);
    ImGui::EndDisabled();
    draw_lessons(state, tab, module, outline);
    ImGui::PopID();
    if (tab.lesson_open && tab.lesson.module_id == id)
        draw_lesson_form(state, tab, course);
    ImGui::Spacing();
}

void draw_deleting(AppState& state, StudioTabState& tab)
{
    const auto part = tab.deleting_part;
    const char* id = part == StudioPart::Module ? "Delete this module?"
        : part == StudioPart::Lesson            ? "Delete this lesson?"
                                                : "Delete this file?";
    if (tab.ask_delete) {
        tab.ask_delete = false;
        ui::open_confirm(id);
    }
    const auto question = part == StudioPart::Module
        ? "Delete the module " + tab.deleting_title + "? It has no lessons."
        : part == StudioPart::Lesson
        ? "Delete the lesson " + tab.deleting_title + "? What it says is gone for good. No learner has opened it yet."
        : "Delete " + tab.deleting_title + "? Learners can no longer download it.";
    if (!ui::confirm_dialog(state, id, question,
            part == StudioPart::Module ? "Delete module" : part == StudioPart::Lesson ? "Delete lesson" : "Delete file"))
        return;
    if (part == StudioPart::File) {
        tab.file = { Phase::Loading, {}, false };
        tab.file_errors.clear();
        api_call(state, "DELETE", "/api/marketplace/studio/attachments/" + std::to_string(tab.deleting), nullptr,
            [&tab, course = tab.open](AppState&, const ApiAnswer& answer) {
                if (tab.open != course)
                    return;
                tab.file = outcome_of(answer, text_field(answer.body, "message"));
                if (answer.ok())
                    take_studio_page(tab, answer);
            });
        return;
    }
    change_part(state, tab, "DELETE",
        std::string("/api/marketplace/studio/") + (part == StudioPart::Module ? "modules/" : "lessons/")
            + std::to_string(tab.deleting),
        nullptr);
}

} // namespace

void draw_studio_outline(AppState& state, StudioTabState& tab, const Json& course)
{
    ui::heading("Modules and lessons", 2);
    ui::note("Learners take the lessons in this order. \"Up\" and \"Down\" move a lesson, into the module before "
             "or after at either end.");
    const auto outline = outline_of(course);
    const auto& modules = field_of(course, "modules");
    if (modules.empty())
        ui::note("No modules yet: add the first one below, then its lessons.");
    std::size_t index = 0;
    for (const auto& module : modules)
        draw_module(state, tab, course, module, index++, outline);
    ui::action_status(tab.part);
    draw_deleting(state, tab);
    ui::labelled_input(state, "New module", "Week 1", tab.new_module, sizeof tab.new_module, "studio.module.new", 16);
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.part.phase == Phase::Loading);
    if (ui::button(state, ICON_PLUS " Add module", "studio.module.add")) {
        tab.part_errors.clear();
        auto checked = read_module_title({ { "title", tab.new_module } });
        if (!checked.ok()) {
            tab.part = { Phase::Failed, checked.error().message, true };
        } else {
            change_part(state, tab, "POST", studio_course_path(tab.open) + "/modules", { { "title", checked.value() } });
        }
    }
    ImGui::EndDisabled();
}

const Json* studio_lesson(const Json& course, std::int64_t id)
{
    return find_lesson_in(course, id);
}

} // namespace learnloop::client
