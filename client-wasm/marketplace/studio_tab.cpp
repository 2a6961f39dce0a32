// The course studio (studio_tab.hpp): [SECTION] the course's face,
// [SECTION] the course's status, [SECTION] the list; its modules, lessons and
// files are studio_outline.cpp's.
#include "marketplace/studio_tab.hpp"

#include "marketplace/studio_parts.hpp"

#include "core/validation.hpp"
#include "marketplace/course_editing.hpp"
#include "marketplace/office_view.hpp"
#include "net/api.hpp"
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

} // namespace

std::string studio_course_path(std::int64_t id)
{
    return std::string(k_list_path) + "/" + std::to_string(id);
}

void load_studio_course(AppState& state, StudioTabState& tab)
{
    api_load(state, tab.course, studio_course_path(tab.open));
}

void take_studio_page(StudioTabState& tab, const ApiAnswer& answer)
{
    if (answer.ok() && answer.body.is_object() && id_field(answer.body, "id") == tab.open) {
        tab.course.data = answer.body;
        tab.course.phase = Phase::Done;
    }
}

void draw_studio_choice(const char* label, const char* id, const std::string& preview,
    const std::function<void()>& items)
{
    ui::text_unformatted(label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::begin_combo(id, preview.c_str())) {
        items();
        ui::end_combo();
    }
}

namespace {

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
    tab.choosing_for = 0;
    tab.lesson_open = false;
    tab.renaming = 0;
    tab.new_module[0] = '\0';
    load_studio_course(state, tab);
}

void close_course(AppState& state, StudioTabState& tab)
{
    tab.open = 0;
    tab.course = {};
    ui::reload_page(state, tab.courses, k_list_path);
}

// [SECTION] the course's face


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

    draw_studio_choice("Level", "##course_level", k_levels[form.level], [&] {
        for (int i = 0; i < 4; ++i)
            if (ui::selectable(k_levels[i], form.level == i))
                form.level = i;
    });
    const auto& languages = catalog_languages();
    draw_studio_choice("Language", "##course_language",
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
    draw_studio_choice("Category", "##course_category", category, [&] {
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
        draw_studio_choice("Instructor", "##course_instructor", instructor, [&] {
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
    api_call(state, is_new ? "POST" : "PUT", is_new ? std::string(k_list_path) : studio_course_path(tab.open), body.value(),
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
            take_studio_page(tab, answer);
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
    api_call(state, "PUT", studio_course_path(tab.open) + "/status", { { "status", status } },
        [&tab, course = tab.open](AppState&, const ApiAnswer& answer) {
            if (tab.open != course)
                return;
            tab.status = outcome_of(answer, text_field(answer.body, "message"));
            take_studio_page(tab, answer);
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

void draw_course(AppState& state, StudioTabState& tab)
{
    if (ui::button(state, office_view(state, Action::CourseManage) ? "Back to courses" : "Back to my courses", "studio.back")) {
        close_course(state, tab);
        return;
    }
    if (ui::remote_status(state, tab.course, "studio.course.retry"))
        load_studio_course(state, tab);
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
    draw_studio_outline(state, tab, course);

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
        if (const auto* lesson = studio_lesson(tab.course.data, tab.lesson.lesson_id))
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
