// A marketplace's catalog for visitors, before they sign in: the Catalog as
// learners have it (search, filters, course pages with outlines and
// reviews), read through the public API of the marketplace named by its code,
// with "Sign in to enrol" where learners buy or enrol. Opened from the
// sign-in screen's "Browse courses" (the code typed there), or by its
// address: "#/visit/lumen", "#/visit/lumen/7" for a course.
#pragma once

#include "app.hpp"
#include "marketplace/catalog_tab.hpp"
#include "marketplace/progress_outbox.hpp"

#include <string>

namespace learnloop::client {

struct VisitState {
    CatalogTabState catalog;      // catalog.visiting: the marketplace's code
    ProgressOutbox progress;      // (a visitor opens no lesson: stays empty)
};

// Shows the catalog of the marketplace named `code` (lower case), with the
// course `course_id` open (0: none).
void open_visit(AppState& state, const std::string& code, std::int64_t course_id = 0);
void draw_visit(AppState& state);
// The visit's address and the page's title.
[[nodiscard]] ui::Route visit_route(const AppState& state);
[[nodiscard]] std::string visit_title(const AppState& state);
[[nodiscard]] Json visit_summary(const AppState& state);

} // namespace learnloop::client
