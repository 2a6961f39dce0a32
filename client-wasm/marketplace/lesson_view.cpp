// One lesson of a course being taken (see lesson_view.hpp).
#include "marketplace/lesson_view.hpp"

#include "core/validation.hpp"
#include "marketplace/progress.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/location.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

int seconds_spent(const LessonViewState& view)
{
    const double here = (monotonic_ms() - view.opened_ms) / 1000.0;
    return std::clamp(view.seconds_before + static_cast<int>(here), 0, k_progress_most_seconds);
}

void send_mark(AppState& state, LessonViewState& view, bool completed)
{
    ProgressUpdate update;
    update.completed = completed;
    update.seconds_spent = seconds_spent(view);
    view.mark = { Phase::Loading, {}, false };
    const auto id = view.id;
    api_call(state, "PUT", "/api/marketplace/lessons/" + std::to_string(id) + "/progress", progress_update_to_json(update),
        [&view, id](AppState&, const ApiAnswer& answer) {
            if (view.id != id)
                return;
            view.mark = outcome_of(answer, text_field(answer.body, "message"));
            if (!answer.ok() || !view.lesson.data.is_object())
                return;
            if (const auto url = text_field(field_of(answer.body, "certificate"), "url"); !url.empty())
                view.certificate_url = url;
            view.lesson.data["progress"] = { { "completed", bool_field(answer.body, "completed") },
                { "seconds_spent", int_field(answer.body, "seconds_spent") },
                { "position_seconds", int_field(answer.body, "position_seconds") } };
        });
}

} // namespace

void open_lesson(AppState& state, LessonViewState& view, std::int64_t id)
{
    view.id = id;
    view.mark = {};
    view.certificate_url.clear();
    forget(view.lesson);
    if (id == 0)
        return;
    api_call(state, "GET", "/api/marketplace/lessons/" + std::to_string(id), nullptr,
        [&view, id](AppState&, const ApiAnswer& answer) {
            if (view.id != id)
                return;
            if (!answer.ok()) {
                view.lesson.phase = Phase::Failed;
                view.lesson.error = answer.error_text();
                return;
            }
            view.lesson.phase = Phase::Done;
            view.lesson.data = answer.body;
            view.opened_ms = monotonic_ms();
            view.seconds_before = int_field(field_of(answer.body, "progress"), "seconds_spent");
        });
    view.lesson.phase = Phase::Loading;
}

bool draw_lesson_view(AppState& state, LessonViewState& view)
{
    bool back = false;
    if (ui::button(state, "Back to the course", "market.lesson.back"))
        back = true;
    if (ui::remote_status(state, view.lesson, "market.lesson"))
        open_lesson(state, view, view.id);
    const Json& l = view.lesson.data;
    if (!l.is_object())
        return back;
    ui::text_colored(ui::k_muted, "%s \xE2\x80\xBA %s", text_field(l, "course_title").c_str(),
        text_field(l, "module_title").c_str());
    ui::heading(text_field(l, "title").c_str(), 2);
    ui::text_colored(ui::k_muted, "%s \xC2\xB7 %d min", text_field(l, "kind_label").c_str(), int_field(l, "minutes"));
    if (const auto url = text_field(l, "video_url"); !url.empty()) {
        if (ui::link(state, "Watch the video", url, "market.lesson.video"))
            open_in_new_tab(url);
        ui::note("The video opens in a new tab.");
    }
    ui::paragraphs(text_field(l, "body"));
    ui::vertical_space(ui::k_space_s);

    const Json& progress = field_of(l, "progress");
    if (progress.is_object()) {
        const bool done = bool_field(progress, "completed");
        ImGui::BeginDisabled(view.mark.phase == Phase::Loading);
        if (done) {
            ui::text_colored(ui::k_accent, ICON_CHECK " Completed");
            ImGui::SameLine();
            if (ui::button(state, "Mark as not done", "market.lesson.undo"))
                send_mark(state, view, false);
        } else if (ui::primary_button(state, "Mark as complete", "market.lesson.complete")) {
            send_mark(state, view, true);
        }
        ImGui::EndDisabled();
        ui::action_status(view.mark);
        if (!view.certificate_url.empty()) {
            ui::text_colored(ui::k_ok, ICON_CHECK " You finished the course: your certificate is ready.");
            if (ui::primary_button(state, "View your certificate", "market.lesson.certificate"))
                open_in_new_tab(view.certificate_url);
            ui::note("It opens in a new tab, where you can share its address or download it.");
        }
    }
    const auto previous = id_field(l, "previous_lesson_id");
    const auto next = id_field(l, "next_lesson_id");
    if (previous != 0 && ui::button(state, "Previous lesson", "market.lesson.previous"))
        open_lesson(state, view, previous);
    if (previous != 0 && next != 0)
        ImGui::SameLine();
    if (next != 0 && ui::button(state, "Next lesson", "market.lesson.next")) {
        // Moving on from an unfinished lesson keeps the time spent in it.
        if (progress.is_object() && !bool_field(progress, "completed"))
            send_mark(state, view, false);
        open_lesson(state, view, next);
    }
    return back;
}

Json lesson_view_summary(const LessonViewState& view)
{
    const Json& l = view.lesson.data;
    return { { "lesson_id", view.id }, { "lesson_title", l.is_object() ? text_field(l, "title") : std::string() },
        { "lesson_completed", l.is_object() ? bool_field(field_of(l, "progress"), "completed") : false },
        { "lesson_mark", view.mark.message }, { "lesson_certificate", view.certificate_url } };
}

} // namespace learnloop::client
