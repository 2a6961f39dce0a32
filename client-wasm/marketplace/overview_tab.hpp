// The marketplace's overview for an instructor (their own courses) and the
// office (every course): this month at a glance, what waits for them, sales
// and new learners by month as charts, and the best selling courses with how
// many learners finished them. GET /api/marketplace/dashboard.
#pragma once

#include "app.hpp"

namespace learnloop::client {

struct OverviewTabState {
    Remote dashboard;
    double loaded_at = 0;   // wall clock of the last load: asked again after a minute
};

void draw_overview_tab(AppState& state, OverviewTabState& tab);
[[nodiscard]] Json overview_tab_summary(const OverviewTabState& tab);

} // namespace learnloop::client
