// A marketplace's catalog, for everyone of the tenant: search by words as
// they are typed (after a short pause), filters with their counts beside
// each choice, a sort and pages of course cards; a course's page beside the
// list (or instead of it on a phone) with its outline, instructor and
// reviews. The search's rules (what a filter may be, the price bands) are
// shared-domain marketplace/catalog's, so the browser refuses what the
// server would.
#pragma once

#include "app.hpp"
#include "marketplace/lesson_view.hpp"
#include "marketplace/catalog.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct CatalogTabState {
    // A visitor's catalog (a marketplace's code): read through the public
    // API, and taking a course asks them to sign in first. Empty: the
    // signed-in person's own marketplace.
    std::string visiting;
    CatalogQuery query;           // the search as chosen (its words come from `words`)
    char words[201] = "";         // the search box as typed
    std::string asked;            // the parameters of the search last sent
    std::string typed_seen;       // the box's words as last seen, to notice a change
    double typed_ms = -1;         // when the words last changed; -1: asked (or nothing new)
    bool filters_open = false;    // on a phone the filters fold away under one button
    Remote results;               // GET /api/marketplace/catalog
    std::int64_t selected = 0;    // the course open
    Remote course;                // GET /api/marketplace/courses/{id}
    Outcome enrol;                // "Enrol for free"
    // A coupon typed on a paid course's page, and what it makes the price.
    char coupon[40] = "";
    std::int64_t coupon_course = 0;   // the course it was typed for
    std::string coupon_code;      // the code applied ("" none), as the server keeps it
    std::string coupon_pays;      // "£36.75"
    Outcome coupon_check;         // GET /api/marketplace/courses/{id}/price?coupon=
    // The learner's own review: its stars and words, filled from the page once.
    int review_stars = 0;
    char review_text[4001] = "";
    std::int64_t review_filled_for = 0;   // the course whose review the form holds
    Outcome review;
    // An instructor answering one review (by its learner), or the office hiding one.
    std::int64_t replying_to = 0;
    char reply_text[4001] = "";
    Outcome reply;
    LessonViewState lesson;       // a lesson of the open course, over its page
};

void draw_catalog_tab(AppState& state, CatalogTabState& tab, ProgressOutbox& progress);
[[nodiscard]] Json catalog_tab_summary(const CatalogTabState& tab);
[[nodiscard]] ui::TabPlace catalog_tab_place(const CatalogTabState& tab);
bool open_catalog_tab(AppState& state, CatalogTabState& tab, const ui::Route& route);

// "★ 4.7 (3 ratings)" for a course card or page, or "" when it has none (or
// the marketplace hides ratings).
[[nodiscard]] std::string catalog_stars_text(const Json& course);

} // namespace learnloop::client
