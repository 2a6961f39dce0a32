// The course studio (studio_tab.hpp).
#include "marketplace/studio_tab.hpp"

#include "core/numbers.hpp"
#include "core/validation.hpp"
#include "marketplace/attachments.hpp"
#include "marketplace/course_editing.hpp"
#include "marketplace/office_view.hpp"
#include "net/api.hpp"
#include "platform/files.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <cctype>
#include <functional>

namespace learnloop::client {

namespace {

const char* const k_list_path = "/api/marketplace/studio/courses";
const char* const k_choices_path = "/api/marketplace/studio/choices";
const char* const k_levels[] = { "Any level", "Beginner", "Intermediate", "Advanced" };
const char* const k_level_names[] = { "", "beginner", "intermediate", "advanced" };
const char* const k_price_kinds[] = { "free", "one_time", "subscription" };
const char* const k_lesson_kinds[] = { "text", "video", "quiz" };
const char* const k_lesson_kind_labels[] = { "Reading", "Video", "Quiz" };

std::string course_path(std::int64_t id)
{
    return std::string(k_list_path) + "/" + std::to_string(id);
}

// A course's address from its title: small letters and digits, dashes between words.
std::string slug_from(const char* title)
{
    std::string slug;
    for (const char* c = title; *c && slug.size() < 60; ++c) {
        const auto u = static_cast<unsigned char>(*c);
        if (std::isalnum(u) && u < 0x80)
            slug += static_cast<char>(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

int language_index(const std::string& tag)
{
    const auto& languages = catalog_languages();
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (languages[i] == tag)
            return static_cast<int>(i);
    return 0;
}

// The form filled from a course's page (or emptied for a new course).
void fill_form(CourseForm& form, const Json& course)
{
    form = {};
    ui::copy_text(form.title, text_field(course, "title"));
    ui::copy_text(form.slug, text_field(course, "slug"));
    ui::copy_text(form.subtitle, text_field(course, "subtitle"));
    ui::copy_text(form.description, text_field(course, "description"));
    ui::copy_text(form.prerequisites, text_field(course, "prerequisites"));
    std::string tags;
    for (const auto& tag : field_of(course, "tags"))
        if (tag.is_string())
            tags += (tags.empty() ? "" : ", ") + tag.get<std::string>();
    ui::copy_text(form.tags, tags);
    const auto level = text_field(course, "level");
    for (int i = 1; i < 4; ++i)
        if (level == k_level_names[i])
            form.level = i;
    form.language = language_index(text_field(course, "language", "en"));
    form.category_id = id_field(course, "category_id");
    const auto& price = field_of(course, "price");
    const auto kind = text_field(price, "kind", "free");
    for (int i = 0; i < 3; ++i)
        if (kind == k_price_kinds[i])
            form.price_kind = i;
    ui::copy_text(form.amount, text_field(price, "amount"));
    ui::copy_text(form.currency, text_field(price, "currency"));
    form.period = text_field(price, "period") == "yearly" ? 1 : 0;
}

// The form as the API takes it, checked by the server's own rule.
Result<Json> face_request(const CourseForm& form, bool name_instructor)
{
    Json body { { "title", form.title }, { "slug", form.slug }, { "subtitle", form.subtitle },
        { "description", form.description }, { "prerequisites", form.prerequisites },
        { "language", catalog_languages()[static_cast<std::size_t>(form.language)] } };
    Json tags = Json::array();
    for (auto part : split(form.tags, ','))
        if (!trim(part).empty())
            tags.push_back(std::string(trim(part)));
    body["tags"] = std::move(tags);
    if (form.level > 0)
        body["level"] = k_level_names[form.level];
    if (form.category_id > 0)
        body["category_id"] = form.category_id;
    Json price { { "kind", k_price_kinds[form.price_kind] } };
    if (form.price_kind > 0) {
        price["amount"] = form.amount;
        price["currency"] = form.currency;
    }
    if (form.price_kind == 2)
        price["period"] = form.period == 0 ? "monthly" : "yearly";
    body["price"] = std::move(price);
    if (name_instructor) {
        if (form.instructor_id == 0)
            return make_error(ErrorCode::InvalidArgument, "Choose the instructor who teaches it", "instructor_id");
        body["instructor_id"] = form.instructor_id;
    }
    auto checked = read_course_face(body);
    if (!checked.ok())
        return checked.error();
    auto json = course_face_json(checked.value());
    if (name_instructor)
        json["instructor_id"] = form.instructor_id;
    return json;
}

void load_course(AppState& state, StudioTabState& tab)
{
    api_load(state, tab.course, course_path(tab.open));
}

// After a change the server answers with the course's page: shown as it
// is, unless another course was opened meanwhile.
void take_page(StudioTabState& tab, const ApiAnswer& answer)
{
    if (answer.ok() && answer.body.is_object() && id_field(answer.body, "id") == tab.open) {
        tab.course.data = answer.body;
        tab.course.phase = Phase::Done;
    }
}

void open_course(AppState& state, StudioTabState& tab, std::int64_t id)
{
    tab.open = id;
    tab.filled_for = 0;
    tab.making = false;
    tab.course = {};
    tab.errors.clear();
    tab.part_errors.clear();
    tab.save = tab.status = tab.part = tab.file = {};
    tab.file_errors.clear();
    tab.choosing_file = false;
    tab.lesson_open = false;
    tab.renaming = 0;
    tab.new_module[0] = '\0';
    load_course(state, tab);
}

void close_course(AppState& state, StudioTabState& tab)
{
    tab.open = 0;
    tab.course = {};
    ui::reload_page(state, tab.courses, k_list_path);
}

// [SECTION] the course's face

void draw_choice_combo(const char* label, const char* id, const std::string& preview,
    const std::function<void()>& items)
{
    ui::text_unformatted(label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::begin_combo(id, preview.c_str())) {
        items();
        ui::end_combo();
    }
}

void draw_face_form(AppState& state, StudioTabState& tab, bool is_new)
{
    auto& form = tab.form;
    const Json& choices = tab.choices.data;
    if (ui::labelled_input(state, "Title", "Python for Data Analysis", form.title, sizeof form.title,
            "studio.title", 20)) {
        tab.errors.clear();
        if (is_new)
            ui::copy_text(form.slug, slug_from(form.title));
    }
    ui::field_errors(tab.errors, "title");
    if (ui::labelled_input(state, "Address in the catalog", "python-for-data", form.slug, sizeof form.slug,
            "studio.slug", 20))
        tab.errors.clear();
    ui::field_errors(tab.errors, "slug");
    if (ui::labelled_input(state, "Subtitle (optional)", "What a learner will be able to do", form.subtitle,
            sizeof form.subtitle, "studio.subtitle", 20))
        tab.errors.clear();
    ui::field_errors(tab.errors, "subtitle");
    ui::text_unformatted("Description (optional)");
    ui::input_text_multiline("##course_description", form.description, sizeof form.description,
        ImVec2(-1, ImGui::GetTextLineHeight() * 5));
    ui::remember(state, "studio.description");
    ui::field_errors(tab.errors, "description");

    draw_choice_combo("Level", "##course_level", k_levels[form.level], [&] {
        for (int i = 0; i < 4; ++i)
            if (ui::selectable(k_levels[i], form.level == i))
                form.level = i;
    });
    const auto& languages = catalog_languages();
    draw_choice_combo("Language", "##course_language",
        std::string(language_for_people(languages[static_cast<std::size_t>(form.language)])), [&] {
            for (std::size_t i = 0; i < languages.size(); ++i)
                if (ui::selectable(std::string(language_for_people(languages[i])).c_str(),
                        form.language == static_cast<int>(i)))
                    form.language = static_cast<int>(i);
        });
    std::string category = "No category";
    for (const auto& c : field_of(choices, "categories"))
        if (id_field(c, "id") == form.category_id)
            category = text_field(c, "name");
    draw_choice_combo("Category", "##course_category", category, [&] {
        if (ui::selectable("No category", form.category_id == 0))
            form.category_id = 0;
        for (const auto& c : field_of(choices, "categories")) {
            const auto indent = std::string(static_cast<std::size_t>(int_field(c, "depth")) * 4, ' ');
            const auto id = id_field(c, "id");
            if (ui::selectable((indent + text_field(c, "name") + "##category" + std::to_string(id)).c_str(),
                    form.category_id == id))
                form.category_id = id;
        }
    });
    ui::field_errors(tab.errors, "category_id");
    if (ui::labelled_input(state, "Tags (optional, commas between)", "python, pandas", form.tags, sizeof form.tags,
            "studio.tags", 20))
        tab.errors.clear();
    for (const auto& error : tab.errors)
        if (error.field.rfind("tags", 0) == 0)
            ui::field_errors(tab.errors, error.field.c_str());
    ui::text_unformatted("What learners need first (optional)");
    ui::input_text_multiline("##course_prerequisites", form.prerequisites, sizeof form.prerequisites,
        ImVec2(-1, ImGui::GetTextLineHeight() * 2));
    ui::remember(state, "studio.prerequisites");
    ui::field_errors(tab.errors, "prerequisites");

    ui::text_unformatted("Price");
    ui::begin_radio_group("Price");
    ui::radio_button("Free", &form.price_kind, 0);
    ImGui::SameLine();
    ui::radio_button("One payment", &form.price_kind, 1);
    ImGui::SameLine();
    ui::radio_button("Subscription", &form.price_kind, 2);
    ui::end_radio_group();
    if (form.price_kind > 0) {
        if (form.currency[0] == '\0')
            ui::copy_text(form.currency, text_field(choices, "currency", "GBP"));
        if (ui::labelled_input(state, "Amount", "49.00", form.amount, sizeof form.amount, "studio.amount", 6))
            tab.errors.clear();
        ui::field_errors(tab.errors, "price.amount");
        if (ui::labelled_input(state, "Currency", "GBP", form.currency, sizeof form.currency, "studio.currency", 4))
            tab.errors.clear();
        ui::field_errors(tab.errors, "price.currency");
        if (form.price_kind == 2) {
            ui::begin_radio_group("Paid");
            ui::radio_button("Monthly", &form.period, 0);
            ImGui::SameLine();
            ui::radio_button("Yearly", &form.period, 1);
            ui::end_radio_group();
        }
    }
    if (is_new && office_view(state, Action::CourseManage)) {
        std::string instructor = "Choose...";
        for (const auto& i : field_of(choices, "instructors"))
            if (id_field(i, "id") == form.instructor_id)
                instructor = text_field(i, "name");
        draw_choice_combo("Instructor", "##course_instructor", instructor, [&] {
            for (const auto& i : field_of(choices, "instructors")) {
                const auto id = id_field(i, "id");
                if (ui::selectable((text_field(i, "name") + "##instructor" + std::to_string(id)).c_str(),
                        form.instructor_id == id))
                    form.instructor_id = id;
            }
        });
        ui::field_errors(tab.errors, "instructor_id");
    }
}

void send_face(AppState& state, StudioTabState& tab, bool is_new)
{
    tab.errors.clear();
    auto body = face_request(tab.form, is_new && office_view(state, Action::CourseManage));
    if (!body.ok()) {
        tab.errors.push_back(body.error());
        return;
    }
    tab.save = { Phase::Loading, {}, false };
    api_call(state, is_new ? "POST" : "PUT", is_new ? std::string(k_list_path) : course_path(tab.open), body.value(),
        [&tab, is_new, course = tab.open](AppState& s, const ApiAnswer& answer) {
            if (tab.open != course)
                return;   // another course is open now
            tab.save = outcome_of(answer, text_field(answer.body, "message"));
            if (!answer.ok()) {
                if (answer.body.is_object() && !text_field(answer.body, "field").empty())
                    tab.errors.push_back(make_error(ErrorCode::InvalidArgument, text_field(answer.body, "details"),
                        text_field(answer.body, "field")));
                return;
            }
            if (is_new) {
                const auto message = tab.save;
                open_course(s, tab, id_field(answer.body, "id"));
                tab.filled_for = tab.open;   // the form holds what was just made
                tab.save = message;
            }
            take_page(tab, answer);
        });
}

void draw_new_course(AppState& state, StudioTabState& tab)
{
    ui::heading("New course", 3);
    ui::note("A new course is a draft: only you and the office see it until you publish it.");
    if (ui::remote_status(state, tab.choices, "studio.choices.retry"))
        api_load(state, tab.choices, k_choices_path);
    draw_face_form(state, tab, true);
    ImGui::BeginDisabled(tab.save.phase == Phase::Loading);
    if (ui::primary_button(state, "Make draft", "studio.make"))
        send_face(state, tab, true);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "studio.cancel")) {
        tab.making = false;
        tab.save = {};
    }
}

// [SECTION] the course's status

void set_status(AppState& state, StudioTabState& tab, const char* status)
{
    tab.status = { Phase::Loading, {}, false };
    api_call(state, "PUT", course_path(tab.open) + "/status", { { "status", status } },
        [&tab, course = tab.open](AppState&, const ApiAnswer& answer) {
            if (tab.open != course)
                return;
            tab.status = outcome_of(answer, text_field(answer.body, "message"));
            take_page(tab, answer);
        });
}

// Where a course stands as a chip: a shape and a word, never colour alone.
void status_chip_of(const Json& course)
{
    const auto status = text_field(course, "status");
    const auto word = text_field(course, "status_label");
    if (status == "published")
        ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint);
    else if (status == "draft")
        ui::chip(ICON_PENCIL, word.c_str(), ui::k_info, ui::k_info_tint);
    else
        ui::chip(ICON_MINUS, word.c_str(), ui::k_muted, ui::k_muted_tint);
}

void draw_status(AppState& state, StudioTabState& tab, const Json& course)
{
    const auto status = text_field(course, "status");
    status_chip_of(course);
    ImGui::SameLine();
    ui::text_unformatted((text_field(course, "price_label") + " · " + std::to_string(int_field(course, "enrolled"))
        + (int_field(course, "enrolled") == 1 ? " learner" : " learners")).c_str());
    ImGui::BeginDisabled(tab.status.phase == Phase::Loading);
    if (status == "draft") {
        if (ui::primary_button(state, "Publish", "studio.publish"))
            set_status(state, tab, "published");
        ImGui::SameLine();
        ui::note("Publishing puts it in the catalog for learners to find.");
    } else if (status == "published") {
        if (ui::button(state, "Archive...", "studio.archive"))
            tab.ask_archive = true;
    } else {
        if (ui::primary_button(state, "Publish again", "studio.publish"))
            set_status(state, tab, "published");
    }
    ImGui::EndDisabled();
    ui::action_status(tab.status);
    if (tab.ask_archive) {
        tab.ask_archive = false;
        ui::open_confirm("Archive this course?");
    }
    if (ui::confirm_dialog(state, "Archive this course?",
            "Archive " + text_field(course, "title")
                + "? It leaves the catalog, so nobody new can enrol or buy it. Its learners keep it, and you can "
                  "publish it again.",
            "Archive course"))
        set_status(state, tab, "archived");
}

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
        take_page(tab, answer);
    });
}

void send_outline(AppState& state, StudioTabState& tab, const Outline& before, const Outline& after)
{
    if (after == before)
        return;
    change_part(state, tab, "PUT", course_path(tab.open) + "/outline", outline_json(after));
}

void open_lesson_form(StudioTabState& tab, std::int64_t module_id, const Json* lesson)
{
    tab.lesson = {};
    tab.lesson.module_id = module_id;
    tab.lesson_open = true;
    tab.part_errors.clear();
    tab.part = tab.file = {};
    tab.file_errors.clear();
    tab.choosing_file = false;
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

const Json* find_lesson(const Json& course, std::int64_t id)
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
        [&tab, course = tab.open, lesson = tab.lesson.lesson_id](AppState&, const ApiAnswer& answer) {
            if (tab.open != course || tab.lesson.lesson_id != lesson)
                return;
            tab.file = outcome_of(answer, text_field(answer.body, "message"));
            if (!answer.ok()) {
                if (answer.body.is_object() && !text_field(answer.body, "field").empty()) {
                    tab.file_errors.push_back(make_error(ErrorCode::InvalidArgument,
                        text_field(answer.body, "details"), text_field(answer.body, "field")));
                    tab.file = {};
                }
                return;
            }
            take_page(tab, answer);
        });
}

void draw_lesson_files(AppState& state, StudioTabState& tab, const Json& course)
{
    ui::heading("Files for learners", 4);
    if (tab.lesson.lesson_id == 0) {
        ui::note("Add the lesson first; then change it to attach worksheets, slides or data for its learners.");
        return;
    }
    if (tab.choosing_file) {
        if (auto picked = take_picked_file()) {
            tab.choosing_file = false;
            send_picked_file(state, tab, std::move(*picked));
        }
    }
    const auto* lesson = find_lesson(course, tab.lesson.lesson_id);
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
        tab.choosing_file = true;
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
        draw_choice_combo("Quiz", "##lesson_quiz", chosen, [&] {
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
                    take_page(tab, answer);
            });
        return;
    }
    change_part(state, tab, "DELETE",
        std::string("/api/marketplace/studio/") + (part == StudioPart::Module ? "modules/" : "lessons/")
            + std::to_string(tab.deleting),
        nullptr);
}

void draw_outline(AppState& state, StudioTabState& tab, const Json& course)
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
            change_part(state, tab, "POST", course_path(tab.open) + "/modules", { { "title", checked.value() } });
        }
    }
    ImGui::EndDisabled();
}

void draw_course(AppState& state, StudioTabState& tab)
{
    if (ui::button(state, office_view(state, Action::CourseManage) ? "Back to courses" : "Back to my courses", "studio.back")) {
        close_course(state, tab);
        return;
    }
    if (ui::remote_status(state, tab.course, "studio.course.retry"))
        load_course(state, tab);
    const Json& course = tab.course.data;
    if (tab.course.phase != Phase::Done || !course.is_object())
        return;
    if (tab.choices.phase == Phase::Idle)
        api_load(state, tab.choices, k_choices_path);
    // The form is filled once for each course opened; what is typed stays.
    if (tab.filled_for != tab.open) {
        fill_form(tab.form, course);
        tab.filled_for = tab.open;
    }
    ui::heading(text_field(course, "title").c_str(), 2);
    ui::text_unformatted(("By " + text_field(course, "instructor_name")).c_str());
    draw_status(state, tab, course);
    draw_outline(state, tab, course);

    ui::heading("Details", 2);
    ui::note("What the catalog shows of the course, and its price.");
    draw_face_form(state, tab, false);
    ImGui::BeginDisabled(tab.save.phase == Phase::Loading);
    if (ui::primary_button(state, "Save details", "studio.save"))
        send_face(state, tab, false);
    ImGui::EndDisabled();
    ui::action_status(tab.save);
}

// [SECTION] the list

void draw_rows(AppState& state, StudioTabState& tab)
{
    const bool office = office_view(state, Action::CourseManage);
    if (!ui::begin_table("studio_courses", office ? 6 : 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Course", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    if (office)
        ImGui::TableSetupColumn("Instructor", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Status");
    ImGui::TableSetupColumn("Price");
    ImGui::TableSetupColumn("Lessons");
    ImGui::TableSetupColumn("Learners");
    ui::table_headers_row();
    std::int64_t chosen = 0;
    for (const auto& c : tab.courses.remote.data) {
        const auto id = id_field(c, "id");
        const auto title = text_field(c, "title");
        ImGui::PushID(static_cast<int>(id));
        ui::table_next_row();
        ui::table_next_column();
        // The title opens the course: its name is the button's.
        if (ui::button(state, title.c_str(), "studio.open." + title))
            chosen = id;
        if (office) {
            ui::table_next_column();
            ui::text_unformatted(text_field(c, "instructor_name").c_str());
        }
        ui::table_next_column();
        status_chip_of(c);
        ui::table_next_column();
        ui::text_unformatted(text_field(c, "price_label").c_str());
        ui::table_next_column();
        ui::text_unformatted(std::to_string(int_field(c, "lessons")).c_str());
        ui::table_next_column();
        ui::text_unformatted(std::to_string(int_field(c, "enrolled")).c_str());
        ImGui::PopID();
    }
    ui::end_table();
    if (chosen != 0) {
        tab.form = {};
        open_course(state, tab, chosen);
    }
}

} // namespace

void draw_studio_tab(AppState& state, StudioTabState& tab)
{
    if (tab.open != 0) {
        draw_course(state, tab);
        return;
    }
    const bool office = office_view(state, Action::CourseManage);
    ui::heading(office ? "Courses" : "My courses", 2);
    ui::note(office ? "Every course of the marketplace, drafts and archived ones too. Open one to change it."
                    : "Write a course here: its details and price, then its modules and lessons. Publish it when it "
                      "is ready, and learners find it in the catalog.");
    if (tab.making) {
        draw_new_course(state, tab);
        ui::action_status(tab.save);
        return;
    }
    if (ui::primary_button(state, ICON_PLUS " New course", "studio.new")) {
        tab.making = true;
        tab.form = {};
        tab.form.language = language_index("en");
        tab.errors.clear();
        tab.save = {};
        if (tab.choices.phase == Phase::Idle)
            api_load(state, tab.choices, k_choices_path);
    }
    if (ui::paged_list_begin(state, tab.courses, k_list_path, "studio", "No courses yet",
            "Make one with \"New course\": it stays a draft until you publish it."))
        draw_rows(state, tab);
    ui::paged_list_end(state, tab.courses, k_list_path, "studio");
}

ui::TabPlace studio_tab_place(const StudioTabState& tab)
{
    if (tab.open == 0)
        return {};
    return { tab.open, "", 0, tab.course.data.is_object() ? text_field(tab.course.data, "title") : std::string() };
}

bool open_studio_tab(AppState& state, StudioTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id == 0 && tab.open != 0)
        close_course(state, tab);
    else if (route.id != 0 && route.id != tab.open) {
        tab.form = {};
        open_course(state, tab, route.id);
    }
    return true;
}

Json studio_tab_summary(const StudioTabState& tab)
{
    Json rows = Json::array();
    if (tab.courses.remote.data.is_array())
        for (const auto& c : tab.courses.remote.data)
            rows.push_back({ { "id", id_field(c, "id") }, { "title", text_field(c, "title") },
                { "status", text_field(c, "status") } });
    Json modules = Json::array();
    if (tab.open != 0 && tab.course.data.is_object())
        for (const auto& m : field_of(tab.course.data, "modules")) {
            Json lessons = Json::array();
            for (const auto& l : field_of(m, "lessons"))
                lessons.push_back(text_field(l, "title"));
            modules.push_back({ { "title", text_field(m, "title") }, { "lessons", lessons } });
        }
    Json files = Json::array();
    if (tab.lesson_open && tab.course.data.is_object())
        if (const auto* lesson = find_lesson(tab.course.data, tab.lesson.lesson_id))
            for (const auto& f : field_of(*lesson, "attachments"))
                files.push_back(text_field(f, "name"));
    Json errors = Json::array();
    for (const auto* list : { &tab.errors, &tab.part_errors, &tab.file_errors })
        for (const auto& error : *list)
            errors.push_back({ { "field", error.field }, { "message", error.message } });
    return { { "studio_courses", rows }, { "studio_open", tab.open },
        { "studio_status", tab.open != 0 ? text_field(tab.course.data, "status") : std::string() },
        { "studio_modules", modules }, { "studio_save", tab.save.message }, { "studio_part", tab.part.message },
        { "studio_files", files }, { "studio_file", tab.file.message }, { "studio_errors", errors } };
}

} // namespace learnloop::client
