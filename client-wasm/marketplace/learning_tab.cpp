// My learning (see learning_tab.hpp).
#include "marketplace/learning_tab.hpp"

#include "core/validation.hpp"
#include "marketplace/catalog_tab.hpp"
#include "marketplace/reviews.hpp"
#include "navigation.hpp"
#include "net/api.hpp"
#include "platform/location.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

// A course's certificate: to see once earned, or to ask for once its rule is
// met (a quiz passed after the last lesson; two last lessons marked at once).
void draw_certificate(AppState& state, LearningTabState& tab, const Json& c)
{
    const auto id = id_field(c, "id");
    if (const auto certificate = text_field(c, "certificate_id"); !certificate.empty()) {
        ui::chip(ICON_CHECK, "Certificate earned", ui::k_ok, ui::k_ok_tint);
        ImGui::SameLine();
        if (ui::button(state, "View certificate", "market.learning.certificate." + std::to_string(id)))
            open_in_new_tab("/verify/" + certificate);
        return;
    }
    const Json& left = field_of(c, "certificate_left");
    if (left.is_array() && !left.empty()) {
        // Finished the lessons but the rule asks more (a quiz's pass mark): say what.
        if (bool_field(field_of(c, "progress"), "finished")) {
            std::vector<std::string> items;
            for (const auto& item : left)
                if (item.is_string())
                    items.push_back(item.get<std::string>());
            ui::note(("For the certificate: " + list_for_people(items) + ".").c_str());
        }
        return;
    }
    ImGui::BeginDisabled(tab.claim.phase == Phase::Loading);
    if (ui::button(state, "Get your certificate", "market.learning.claim." + std::to_string(id))) {
        tab.claim = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/marketplace/courses/" + std::to_string(id) + "/certificate", Json::object(),
            [&tab](AppState& s, const ApiAnswer& answer) {
                tab.claim = outcome_of(answer, text_field(answer.body, "message"));
                if (answer.ok())
                    api_load(s, tab.courses, "/api/marketplace/my-courses");
            });
    }
    ImGui::EndDisabled();
}

// "Recommended for you": courses beside those the learner takes, each a link
// to its page in the Catalog, with why it is there.
void draw_recommendations(AppState& state, LearningTabState& tab)
{
    if (tab.recommended.phase == Phase::Idle)
        api_load(state, tab.recommended, "/api/marketplace/recommendations?limit=4");
    const Json& courses = tab.recommended.data;
    if (!courses.is_array() || courses.empty())
        return;   // (a failure here is not worth a learner's attention: the catalog is a tab away)
    ui::vertical_space(ui::k_space_s);
    ui::heading("Recommended for you", 3);
    for (const auto& c : courses) {
        const auto id = id_field(c, "id");
        ImGui::PushID(static_cast<int>(id));
        const auto address = "#/learn/catalog/" + std::to_string(id);
        if (ui::link(state, text_field(c, "title").c_str(), address, "market.recommended." + std::to_string(id)))
            follow_link(state, address);
        if (const auto subtitle = text_field(c, "subtitle"); !subtitle.empty())
            ui::text_wrapped("%s", subtitle.c_str());
        std::string facts = text_field(c, "instructor_name") + " \xC2\xB7 " + text_field(c, "price_label");
        if (const auto stars = catalog_stars_text(c); !stars.empty())
            facts += "   " + stars;
        ui::text_colored(ui::k_muted, "%s", facts.c_str());
        ui::text_colored(ui::k_muted, "%s", text_field(c, "reason").c_str());
        ui::vertical_space(ui::k_space_s);
        ImGui::PopID();
    }
}

} // namespace

void draw_learning_tab(AppState& state, LearningTabState& tab, ProgressOutbox& progress)
{
    if (tab.lesson.id != 0) {
        if (draw_lesson_view(state, tab.lesson, progress)) {
            tab.lesson = LessonViewState {};
            forget(tab.courses);   // their progress changed
        }
        return;
    }
    // Marks kept offline go as soon as they can; each one sent changes a course's progress.
    sync_progress(state, tab.lesson, progress);
    if (progress.outbox.synced != tab.progress_synced) {
        tab.progress_synced = progress.outbox.synced;
        forget(tab.courses);
    }
    if (tab.courses.phase == Phase::Idle) {
        api_load(state, tab.courses, "/api/marketplace/my-courses");
        forget(tab.recommended);   // what to take next follows what is taken
    }
    ui::heading("My learning", 2);
    if (const auto kept = progress_outbox_status(progress); !kept.empty())
        ui::note(kept.c_str());
    ui::action_status(tab.claim);
    if (ui::remote_status(state, tab.courses, "market.learning"))
        api_load(state, tab.courses, "/api/marketplace/my-courses");
    if (!tab.courses.data.is_array())
        return;
    if (tab.courses.data.empty()) {
        ui::empty_state(state, "No courses yet", "Find a course in the Catalog tab; free ones can be started at once.");
        draw_recommendations(state, tab);
        return;
    }
    for (const auto& c : tab.courses.data) {
        const auto id = id_field(c, "id");
        ImGui::PushID(static_cast<int>(id));
        ui::heading(text_field(c, "title").c_str(), 3);
        const Json& progress = field_of(c, "progress");
        ui::text_colored(ui::k_muted, "%s \xC2\xB7 %s", text_field(c, "instructor_name").c_str(),
            text_field(progress, "text").c_str());
        ImGui::ProgressBar(static_cast<float>(int_field(progress, "percent")) / 100.0f, ImVec2(ui::place(ImGui::GetFontSize() * 16), 0), "");
        if (const auto next = id_field(progress, "continue_lesson_id"); next != 0) {
            const std::string label = (int_field(progress, "completed") == 0 ? "Start " : "Continue ") + text_field(c, "title");
            if (ui::primary_button(state, label.c_str(), "market.learning.continue." + std::to_string(id)))
                open_lesson(state, tab.lesson, next);
        }
        draw_certificate(state, tab, c);
        ui::vertical_space(ui::k_space_s);
        ImGui::Separator();
        ImGui::PopID();
    }
    draw_recommendations(state, tab);
}

Json learning_tab_summary(const LearningTabState& tab)
{
    Json courses = Json::array();
    if (tab.courses.data.is_array())
        for (const auto& c : tab.courses.data)
            courses.push_back({ { "title", text_field(c, "title") },
                { "progress", text_field(field_of(c, "progress"), "text") },
                { "certificate", text_field(c, "certificate_id") } });
    Json recommended = Json::array();
    if (tab.recommended.data.is_array())
        for (const auto& c : tab.recommended.data)
            recommended.push_back({ { "title", text_field(c, "title") }, { "reason", text_field(c, "reason") } });
    return { { "learning", courses }, { "learning_lesson", lesson_view_summary(tab.lesson) },
        { "learning_claim", tab.claim.message }, { "recommended", recommended } };
}

// A lesson's address names its course: "#/learn/learning/7/lesson/31".
ui::TabPlace learning_tab_place(const LearningTabState& tab)
{
    const Json& lesson = tab.lesson.lesson.data;
    if (tab.lesson.id != 0 && lesson.is_object())
        return { id_field(lesson, "course_id"), "lesson", tab.lesson.id, text_field(lesson, "title") };
    return {};
}

bool open_learning_tab(AppState& state, LearningTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty() && route.detail != "lesson")
        return false;
    if (route.detail == "lesson" && route.detail_id != tab.lesson.id)
        open_lesson(state, tab.lesson, route.detail_id);
    if (route.detail.empty() && tab.lesson.id != 0)
        tab.lesson = LessonViewState {};
    return true;
}

} // namespace learnloop::client
