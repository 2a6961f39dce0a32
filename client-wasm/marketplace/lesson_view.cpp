// One lesson of a course being taken (see lesson_view.hpp).
#include "marketplace/lesson_view.hpp"

#include "core/validation.hpp"
#include "marketplace/progress.hpp"
#include "marketplace/progress_outbox.hpp"
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
    const double here = (visible_ms() - view.opened_ms) / 1000.0;
    return std::clamp(view.seconds_before + static_cast<int>(here), 0, k_progress_most_seconds);
}

// The lesson's mark as the server answered it (now, or later from the outbox).
void take_answer(LessonViewState& view, const ApiAnswer& answer)
{
    if (const auto url = text_field(field_of(answer.body, "certificate"), "url"); !url.empty())
        view.certificate_url = url;
    view.lesson.data["progress"] = { { "completed", bool_field(answer.body, "completed") },
        { "seconds_spent", int_field(answer.body, "seconds_spent") },
        { "position_seconds", int_field(answer.body, "position_seconds") } };
}

// Without a connection (or while earlier marks wait) the mark is kept on
// the device and shown as made; the outbox sends it when it can.
void keep_offline(AppState& state, LessonViewState& view, ProgressOutbox& outbox, const ProgressUpdate& update)
{
    progress_outbox_queue(outbox, state, view.id, text_field(view.lesson.data, "title"), update);
    auto& progress = view.lesson.data["progress"];
    progress["completed"] = update.completed.value_or(false);
    progress["seconds_spent"] = update.seconds_spent.value_or(0);
    view.mark = { Phase::Done, "Saved on this device", false };   // the outbox's note below says when it goes
}

void send_mark(AppState& state, LessonViewState& view, ProgressOutbox& outbox, bool completed)
{
    ProgressUpdate update;
    update.completed = completed;
    update.seconds_spent = seconds_spent(view);
    if (progress_outbox_waiting(outbox) > 0) {   // behind the marks already waiting, in order
        keep_offline(state, view, outbox, update);
        return;
    }
    view.mark = { Phase::Loading, {}, false };
    const auto id = view.id;
    api_call(state, "PUT", "/api/marketplace/lessons/" + std::to_string(id) + "/progress", progress_update_to_json(update),
        [&view, &outbox, id, update](AppState& s, const ApiAnswer& answer) {
            if (view.id != id || !view.lesson.data.is_object())
                return;
            if (answer.transient()) {
                keep_offline(s, view, outbox, update);
                return;
            }
            view.mark = outcome_of(answer, text_field(answer.body, "message"));
            if (answer.ok())
                take_answer(view, answer);
        });
}

} // namespace

void open_lesson(AppState& state, LessonViewState& view, std::int64_t id)
{
    view.id = id;
    view.mark = view.download = {};
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
            view.opened_ms = visible_ms();
            view.seconds_before = int_field(field_of(answer.body, "progress"), "seconds_spent");
        });
    view.lesson.phase = Phase::Loading;
}

void sync_progress(AppState& state, LessonViewState& view, ProgressOutbox& outbox)
{
    progress_outbox_load(state, outbox);
    progress_outbox_sync(state, outbox, [&view](AppState&, const Json& entry, const ApiAnswer& answer) {
        if (!answer.ok() || view.id != entry.value("lesson_id", std::int64_t(0)) || !view.lesson.data.is_object())
            return;
        take_answer(view, answer);
        view.mark = outcome_of(answer, "Sent: " + text_field(answer.body, "message"));
    });
}

// The files the lesson offers, each saved by the browser when asked for.
void draw_files(AppState& state, LessonViewState& view, const Json& files)
{
    if (!files.is_array() || files.empty())
        return;
    ui::heading("Files", 3);
    ImGui::BeginDisabled(view.download.phase == Phase::Loading);
    for (const auto& file : files) {
        const auto id = id_field(file, "id");
        const auto name = text_field(file, "name");
        ImGui::PushID(static_cast<int>(id));
        if (ui::button(state, (ICON_DOWNLOAD " " + name + " (" + text_field(file, "size_text") + ")").c_str(),
                "market.lesson.file." + name)) {
            view.download = { Phase::Loading, {}, false };
            api_download(state, "/api/marketplace/files/" + std::to_string(id), name,
                [&view, lesson = view.id, name](AppState&, const ApiAnswer& answer) {
                    if (view.id == lesson)
                        view.download = outcome_of(answer, "Downloaded " + name);
                });
        }
        ImGui::PopID();
    }
    ImGui::EndDisabled();
    ui::action_status(view.download);
    ui::vertical_space(ui::k_space_s);
}

bool draw_lesson_view(AppState& state, LessonViewState& view, ProgressOutbox& outbox)
{
    sync_progress(state, view, outbox);
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
    draw_files(state, view, field_of(l, "attachments"));

    const Json& progress = field_of(l, "progress");
    if (progress.is_object()) {
        const bool done = bool_field(progress, "completed");
        ImGui::BeginDisabled(view.mark.phase == Phase::Loading);
        if (done) {
            ui::text_colored(ui::k_accent, ICON_CHECK " Completed");
            ImGui::SameLine();
            if (ui::button(state, "Mark as not done", "market.lesson.undo"))
                send_mark(state, view, outbox, false);
        } else if (ui::primary_button(state, "Mark as complete", "market.lesson.complete")) {
            send_mark(state, view, outbox, true);
        }
        ImGui::EndDisabled();
        ui::action_status(view.mark);
        if (const auto waiting = progress_outbox_status(outbox); !waiting.empty())
            ui::note(waiting.c_str());
        if (!outbox.notice.empty())
            ui::alert_text(ui::k_error, "%s", outbox.notice.c_str());
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
            send_mark(state, view, outbox, false);
        open_lesson(state, view, next);
    }
    return back;
}

Json lesson_view_summary(const LessonViewState& view)
{
    const Json& l = view.lesson.data;
    return { { "lesson_id", view.id }, { "lesson_title", l.is_object() ? text_field(l, "title") : std::string() },
        { "lesson_completed", l.is_object() ? bool_field(field_of(l, "progress"), "completed") : false },
        { "lesson_mark", view.mark.message }, { "lesson_certificate", view.certificate_url },
        { "lesson_download", view.download.message } };
}

} // namespace learnloop::client
