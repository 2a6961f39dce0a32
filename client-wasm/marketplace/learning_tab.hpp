// My learning: a learner's courses with their progress, each continued
// where it was left, a certificate to see or ask for, and courses
// recommended from the categories they take.
#pragma once

#include "app.hpp"
#include "marketplace/lesson_view.hpp"
#include "ui/route.hpp"

namespace learnloop::client {

struct LearningTabState {
    Remote courses;               // GET /api/marketplace/my-courses
    LessonViewState lesson;
    Outcome claim;                // POST /api/marketplace/courses/{id}/certificate
    int progress_synced = 0;      // marks sent from the outbox when the list was last loaded
    Remote recommended;           // GET /api/marketplace/recommendations: what to take next
};

void draw_learning_tab(AppState& state, LearningTabState& tab, ProgressOutbox& progress);
[[nodiscard]] Json learning_tab_summary(const LearningTabState& tab);
[[nodiscard]] ui::TabPlace learning_tab_place(const LearningTabState& tab);
bool open_learning_tab(AppState& state, LearningTabState& tab, const ui::Route& route);

} // namespace learnloop::client
