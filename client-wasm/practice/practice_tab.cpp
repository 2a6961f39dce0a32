// The student's "Today's tasks" tab (see practice_tab.hpp); the set, grading
// and sync are in practice_set.cpp.
// [SECTION] screen, [SECTION] test hook
#include "practice/practice_tab.hpp"

#include "platform/clock.hpp"
#include "practice/answer_input.hpp"
#include "practice/practice_set.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <cstdio>

namespace learnloop::client {

namespace {

// Always one line, so the layout does not jump when the outbox empties.
void draw_sync_line(const PracticeTabState& p)
{
    const auto trouble = sync_trouble(p);
    if (!p.outbox.entries.empty() && !trouble.empty())
        ui::text_colored(ui::k_warning, "\xE2\x86\x91 %zu answer(s) waiting. %s", p.outbox.entries.size(), trouble.c_str());
    else if (!p.outbox.entries.empty())
        ui::text_colored(ui::k_muted, "\xE2\x86\x91 %zu answer(s) waiting to sync", p.outbox.entries.size());
    else
        ui::text_colored(ui::k_muted, "\xE2\x9C\x93 All answers saved");
    if (!p.sync_notice.empty()) {
        ImGui::SameLine();
        ui::text_colored(ui::k_warning, "! %s", p.sync_notice.c_str());
    }
}

// A set resumed from an earlier visit can be swapped for a fresh one.
void draw_replace_line(AppState& state, PracticeTabState& p)
{
    ImGui::BeginDisabled(p.replacing);
    if (ui::button(state, "Start a new set instead", "practice.new"))
        start_set(state, p);
    ImGui::EndDisabled();
    if (p.replacing) {
        ImGui::SameLine();
        ui::text_colored(ui::k_muted, "\xE2\x80\xA6 Choosing new tasks");
    } else if (!p.replace_error.empty()) {
        ImGui::SameLine();
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", p.replace_error.c_str());
    }
}

// The verdict, the explanation, how mastery moved and the button onwards.
void draw_feedback(AppState& state, PracticeTabState& p, const Task& task)
{
    if (p.verdict == "correct")
        ui::text_colored(ui::k_ok, "\xE2\x9C\x93 %s", p.feedback.c_str());
    else if (p.verdict == "partial")
        ui::text_colored(ui::k_warning, "\xE2\x97\x90 Partly right. %s", p.feedback.c_str());
    else
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", p.feedback.c_str());
    ImGui::PushTextWrapPos(0);
    ui::text_colored(ui::k_muted, "%s", p.explanation.c_str());
    ImGui::PopTextWrapPos();
    auto params = params_of(p, task.target_id);
    int needed = answers_to_reach(params, p.known_after, MasteryLevel::Proficient);
    ui::text("Mastery: %s \xE2\x86\x92 %s (%s)", ui::format_percent(p.known_before).c_str(),
        ui::format_percent(p.known_after).c_str(), std::string(ui::mastery_level_label(mastery_level(p.known_after, 1))).c_str());
    if (needed > 0)
        ui::text_colored(ui::k_info, "%d more right answer%s to reach Proficient", needed, needed == 1 ? "" : "s");
    if (ui::button(state, p.index + 1 < p.tasks.size() ? "Next" : "Finish", "practice.next")) {
        sync(state, p);
        p.resumed = false;   // from here on it is simply the current set
        if (p.index + 1 < p.tasks.size()) {
            ++p.index;
            auto next = decode_task(p.tasks[p.index]["task"]);
            if (next.ok())
                reset_answer(p, next.value());
        } else {
            p.finished = true;
        }
    }
}

} // namespace

// [SECTION] screen ---------------------------------------------------------------

void draw_practice_tab(AppState& state, PracticeTabState& p)
{
    // Answers left from an earlier visit come back from IndexedDB first.
    if (!p.outbox_requested) {
        p.outbox_requested = true;
        load_stored(state, p);
    }
    // Queued answers go out whenever the network allows, tried every two
    // seconds (by the clock: a still screen draws only a few frames a second).
    if (!p.outbox.entries.empty() && state.requests_in_flight == 0 && monotonic_ms() - p.last_sync_ms >= 2000.0) {
        p.last_sync_ms = monotonic_ms();
        sync(state, p);
    }

    if (p.phase == Phase::Idle || (p.finished && ui::button(state, "Start another set", "practice.again"))) {
        if (p.phase == Phase::Idle) {
            ui::heading("Today's tasks", 2);
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
            ui::text_colored(ui::k_muted, "A short set chosen for you from your learning targets, about ten minutes. "
                                          "Each answer is checked at once, and works offline too.");
            ImGui::PopTextWrapPos();
            ui::vertical_space(ui::k_space_xs);
        }
        if (p.phase == Phase::Idle && !ui::primary_button(state, "Start today's tasks", "practice.start"))
            return;
        start_set(state, p);
        return;
    }
    if (p.phase == Phase::Loading) {
        ui::text_colored(ui::k_muted, "\xE2\x80\xA6 Choosing your tasks");
        return;
    }
    if (p.phase == Phase::Failed) {
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", p.error.c_str());
        if (ui::button(state, "Try again", "practice.retry"))
            start_set(state, p);
        return;
    }
    if (p.tasks.empty()) {
        ui::text_wrapped("%s", p.message.empty() ? "Nothing to practise right now." : p.message.c_str());
        return;
    }
    draw_sync_line(p);

    if (p.finished) {
        ui::text_unformatted("Set complete. How your targets moved:");
        for (const auto& change : level_changes(p))
            ui::bullet_text("%s: %s \xE2\x86\x92 %s (%s \xE2\x86\x92 %s)", change.title.c_str(),
                std::string(ui::mastery_level_label(change.from)).c_str(), std::string(ui::mastery_level_label(change.to)).c_str(),
                ui::format_percent(change.before).c_str(), ui::format_percent(change.after).c_str());
        return;
    }

    if (p.resumed)
        draw_replace_line(state, p);
    auto decoded = decode_task(p.tasks[p.index]["task"]);
    if (!decoded.ok()) {
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 This task cannot be shown: %s", decoded.error().message.c_str());
        return;
    }
    const auto& task = decoded.value();
    ui::text("Task %zu of %zu \xC2\xB7 %s%s", p.index + 1, p.tasks.size(), title_of(p, task.target_id).c_str(),
        p.resumed ? " \xC2\xB7 resumed where you left off" : "");
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    ui::text_unformatted(task.prompt.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 6 * state.ui_scale));
    draw_answer_input(state, p.input, task, "practice", p.checked);
    ImGui::Dummy(ImVec2(0, 6 * state.ui_scale));

    if (!p.checked) {
        if (ui::button(state, "Check", "practice.check"))
            check(state, p, task);
        if (!p.invalid.empty())
            ui::text_colored(ui::k_warning, "! %s", p.invalid.c_str());
        return;
    }
    draw_feedback(state, p, task);
}

// [SECTION] test hook ------------------------------------------------------------

Json practice_summary(const PracticeTabState& p)
{
    Json known = Json::object();
    for (const auto& [target, value] : p.known)
        known[target] = value;
    Json queued = Json::array();   // when each waiting answer was made
    for (const auto& entry : p.outbox.entries)
        queued.push_back({ { "answered_at", entry.value("answered_at", "") } });
    Json levels = Json::array();   // the end-of-set summary
    for (const auto& change : level_changes(p))
        levels.push_back({ { "target_id", change.target }, { "from", mastery_level_name(change.from) },
            { "to", mastery_level_name(change.to) } });
    Json current = nullptr, current_id = nullptr;
    if (p.index < p.tasks.size() && p.tasks[p.index].is_object()) {
        current = p.tasks[p.index].value("task", Json());
        current_id = p.tasks[p.index].value("task_id", Json());
    }
    return { { "phase", static_cast<int>(p.phase) }, { "tasks", p.tasks.size() }, { "index", p.index },
        { "checked", p.checked }, { "verdict", p.verdict }, { "feedback", p.feedback }, { "invalid", p.invalid },
        { "known", known }, { "outbox", p.outbox.entries.size() }, { "queued", queued }, { "synced", p.outbox.synced },
        { "requests_during_check", p.requests_during_check }, { "finished", p.finished }, { "task", current },
        { "task_id", current_id }, { "outbox_loaded", p.outbox.loaded }, { "resumed", p.resumed },
        { "sync_notice", p.sync_notice }, { "sync_trouble", sync_trouble(p) }, { "levels", levels },
        { "message", p.message } };
}

} // namespace learnloop::client
