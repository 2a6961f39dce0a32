// One lesson of a marketplace course being taken: its text (paragraphs,
// **bold** words shown plain, "- " lines as bullets) or its video's address,
// the files it offers to download, "Mark as complete", and the lessons
// before and after it. Time spent, counted only while the page is in view,
// is sent with each mark; the server keeps the most it has heard, so a mark
// sent twice changes nothing. A mark made without a connection is kept on
// the device and sent later (progress_outbox). Used by the catalog and by
// My learning.
#pragma once

#include "app.hpp"
#include "marketplace/progress_outbox.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct LessonViewState {
    std::int64_t id = 0;          // 0: no lesson open
    Remote lesson;                // GET /api/marketplace/lessons/{id}
    double opened_ms = 0;         // when it arrived (visible_ms), for the time spent in view
    int seconds_before = 0;       // the time the server had already counted
    Outcome mark;                 // the last progress mark sent
    std::string certificate_url;  // the certificate that mark earned: its public page
    Outcome download;             // the last file asked for
};

void open_lesson(AppState& state, LessonViewState& view, std::int64_t id);
// Draws the open lesson; returns true when "Back to the course" was pressed.
// Marks made without a connection wait in `outbox` (shared by every lesson
// view), which this sends as it can.
bool draw_lesson_view(AppState& state, LessonViewState& view, ProgressOutbox& outbox);
// Sends what waits in `outbox`, updating `view` when its lesson's mark arrives.
void sync_progress(AppState& state, LessonViewState& view, ProgressOutbox& outbox);
[[nodiscard]] Json lesson_view_summary(const LessonViewState& view);

} // namespace learnloop::client
