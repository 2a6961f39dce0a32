// A marketplace's catalog (see catalog_tab.hpp).
// [SECTION] searching, [SECTION] filters, [SECTION] results, [SECTION] a course, [SECTION] tab;
// My learning is learning_tab.cpp's. Over 600 lines because the search, its
// filters, its results and the open course's page (buying, enrolling,
// reviews) share one tab's state and its loaders (signed in or visiting).
#include "marketplace/catalog_tab.hpp"

#include "core/validation.hpp"
#include "marketplace/reviews.hpp"
#include "navigation.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/location.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

// Type-ahead asks once the typing pauses this long.
constexpr double k_typing_pause_ms = 350;

// [SECTION] searching ------------------------------------------------------------

// What the tab reads: a signed-in person's catalog, or a visitor's (the
// public API, with the marketplace named).
void load(AppState& state, const CatalogTabState& tab, Remote& remote, const std::string& path)
{
    if (tab.visiting.empty())
        api_load(state, remote, "/api/marketplace" + path);
    else
        api_load_public(state, remote, "/api/public" + path + (path.find('?') == std::string::npos ? "?" : "&")
            + "tenant=" + query_escape(tab.visiting));
}

void load_course(AppState& state, CatalogTabState& tab)
{
    load(state, tab, tab.course, "/courses/" + std::to_string(tab.selected));
}

void search(AppState& state, CatalogTabState& tab)
{
    tab.query.text = std::string(trim(tab.words));
    tab.asked = catalog_query_string(tab.query);
    tab.typed_ms = -1;
    load(state, tab, tab.results, "/catalog" + (tab.asked.empty() ? std::string() : "?" + tab.asked));
}

// A filter changed: the first page of the new search.
void search_again(AppState& state, CatalogTabState& tab)
{
    tab.query.offset = 0;
    search(state, tab);
}

void select_course(AppState& state, CatalogTabState& tab, std::int64_t id)
{
    tab.selected = id;
    tab.enrol = {};
    tab.replying_to = 0;
    tab.reply_text[0] = 0;
    tab.reply = {};
    forget(tab.course);
    if (id != 0)
        load_course(state, tab);
}

// [SECTION] filters --------------------------------------------------------------

// "Beginner (3)": a choice with the courses it would leave.
std::string with_count(const Json& entry)
{
    return entry.value("label", std::string()) + " (" + std::to_string(entry.value("courses", 0)) + ")";
}

// One filter as a labelled combo of its facet's choices; "" is "any".
// Returns the value picked this frame, if any.
std::optional<std::string> draw_facet(AppState& state, const Json& facets, const char* key, const char* label,
    const char* any, const std::string& current, float width_em)
{
    std::optional<std::string> picked;
    const Json& entries = field_of(facets, key);
    std::string preview = any;
    if (entries.is_array())
        for (const auto& e : entries)
            if (e.value("value", std::string()) == current)
                preview = e.value("label", std::string());
    ui::text_unformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * width_em));
    const std::string id = std::string("##market_") + key;
    if (ui::begin_combo(id.c_str(), preview.c_str())) {
        if (ui::selectable(any, current.empty()) && !current.empty())
            picked = std::string();
        if (entries.is_array())
            for (const auto& e : entries) {
                const auto value = e.value("value", std::string());
                const int depth = e.value("depth", 0);
                // Subcategories sit under their category, indented.
                const std::string text = std::string(static_cast<std::size_t>(depth) * 4, ' ') + with_count(e)
                    + "##" + value;
                ImGui::BeginDisabled(e.value("courses", 0) == 0 && value != current);
                if (ui::selectable(text.c_str(), value == current) && value != current)
                    picked = value;
                ImGui::EndDisabled();
            }
        ui::end_combo();
    }
    ui::remember(state, std::string("market.filter.") + key);
    return picked;
}

void draw_filters(AppState& state, CatalogTabState& tab)
{
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 18));
    const bool enter = ui::input_text_with_hint("##market_words", "Search courses", tab.words, sizeof tab.words,
        ImGuiInputTextFlags_EnterReturnsTrue);
    ui::remember(state, "market.words");
    // Words the page typed in change the box without ImGui's edit flag:
    // compare with what was last seen instead.
    if (tab.words != tab.typed_seen) {
        tab.typed_seen = tab.words;
        tab.typed_ms = monotonic_ms();
    }
    ImGui::SameLine();
    if (ui::button(state, ICON_SEARCH " Search", "market.search") || enter)
        search_again(state, tab);
    // Type-ahead: a pause in typing asks, as a press of Search would.
    if (tab.typed_ms >= 0 && monotonic_ms() - tab.typed_ms >= k_typing_pause_ms) {
        tab.typed_ms = -1;
        if (trim(tab.words) != tab.query.text)
            search_again(state, tab);
    }

    // On a phone the filters fold under one button that counts those chosen.
    auto& q = tab.query;
    const int chosen = (q.category.empty() ? 0 : 1) + (q.level ? 1 : 0) + (q.language.empty() ? 0 : 1) + (q.price ? 1 : 0)
        + (q.min_rating_tenths > 0 ? 1 : 0);
    if (ui::compact()) {
        const std::string label = std::string(tab.filters_open ? "Hide filters" : "Filters and sort")
            + (chosen > 0 ? " (" + std::to_string(chosen) + " chosen)" : "");
        if (ui::button(state, label.c_str(), "market.filters"))
            tab.filters_open = !tab.filters_open;
        if (!tab.filters_open)
            return;
    }
    const Json& facets = field_of(tab.results.data, "facets");
    // Two filters a line on a wide screen; one under the other on a phone.
    auto beside = [] {
        if (!ui::compact())
            ImGui::SameLine(0, ImGui::GetFontSize());
    };
    if (auto v = draw_facet(state, facets, "category", "Category", "Any category", q.category, 14)) {
        q.category = *v;
        search_again(state, tab);
    }
    beside();
    const std::string level = q.level ? std::string(course_level_name(*q.level)) : std::string();
    if (auto v = draw_facet(state, facets, "level", "Level", "Any level", level, 10)) {
        q.level = v->empty() ? std::nullopt : std::optional<CourseLevel>(parse_course_level(*v).value_or(CourseLevel::Beginner));
        search_again(state, tab);
    }
    if (auto v = draw_facet(state, facets, "language", "Language", "Any language", q.language, 10)) {
        q.language = *v;
        search_again(state, tab);
    }
    beside();
    const std::string price = q.price ? std::string(price_band_name(*q.price)) : std::string();
    if (auto v = draw_facet(state, facets, "price", "Price", "Any price", price, 10)) {
        q.price = v->empty() ? std::nullopt : std::optional<PriceBand>(parse_price_band(*v).value_or(PriceBand::Free));
        search_again(state, tab);
    }
    const bool ratings = field_of(tab.results.data, "show_ratings").is_boolean()
        ? tab.results.data["show_ratings"].get<bool>()
        : true;
    if (ratings) {
        const std::string rating = q.min_rating_tenths == 0
            ? std::string()
            : rating_param_text(q.min_rating_tenths);
        if (auto v = draw_facet(state, facets, "rating", "Rating", "Any rating", rating, 11)) {
            q.min_rating_tenths = rating_param_tenths(*v);
            search_again(state, tab);
        }
        beside();
    }
    // The order: relevance only means something with words.
    ui::text_unformatted("Sort by");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 12));
    if (ui::begin_combo("##market_sort", std::string(catalog_sort_for_people(q.sort)).c_str())) {
        for (auto sort : { CatalogSort::Relevance, CatalogSort::Newest, CatalogSort::Rating, CatalogSort::PriceLow,
                 CatalogSort::PriceHigh }) {
            if (sort == CatalogSort::Rating && !ratings)
                continue;
            if (ui::selectable(std::string(catalog_sort_for_people(sort)).c_str(), q.sort == sort) && q.sort != sort) {
                q.sort = sort;
                search_again(state, tab);
            }
        }
        ui::end_combo();
    }
    ui::remember(state, "market.sort");
}

// [SECTION] results --------------------------------------------------------------

// "12 lessons · 3 h 20 min"
std::string length_for_people(std::int64_t lessons, std::int64_t minutes)
{
    std::string text = std::to_string(lessons) + (lessons == 1 ? " lesson" : " lessons");
    if (minutes >= 60)
        text += " \xC2\xB7 " + std::to_string(minutes / 60) + " h" + (minutes % 60 ? " " + std::to_string(minutes % 60) + " min" : "");
    else if (minutes > 0)
        text += " \xC2\xB7 " + std::to_string(minutes) + " min";
    return text;
}


void draw_card(AppState& state, CatalogTabState& tab, const Json& c)
{
    const auto id = id_field(c, "id");
    ImGui::PushID(static_cast<int>(id));
    const std::string title = text_field(c, "title");
    if (ui::selectable((title + "##course").c_str(), tab.selected == id))
        select_course(state, tab, id);
    ui::remember(state, "market.course." + std::to_string(id));
    if (const auto subtitle = text_field(c, "subtitle"); !subtitle.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::k_muted);
        ui::text_unformatted(subtitle.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    std::string facts = text_field(c, "instructor_name");
    if (const auto level = text_field(c, "level_label"); !level.empty())
        facts += " \xC2\xB7 " + level;
    facts += " \xC2\xB7 " + text_field(c, "language_label");
    facts += " \xC2\xB7 " + length_for_people(int_field(c, "lessons"), int_field(c, "minutes"));
    ui::text_colored(ui::k_muted, "%s", facts.c_str());
    std::string price = text_field(c, "price_label");
    if (const auto stars = catalog_stars_text(c); !stars.empty())
        price += "   " + stars;
    if (field_of(c, "enrolled").is_number())
        price += "   " + std::to_string(int_field(c, "enrolled")) + " enrolled";
    ui::text("%s", price.c_str());
    ui::vertical_space(ui::k_space_s);
    ImGui::Separator();
    ImGui::PopID();
}

void draw_paging(AppState& state, CatalogTabState& tab)
{
    const int total = int_field(tab.results.data, "total");
    const int shown = static_cast<int>(field_of(tab.results.data, "courses").size());
    if (total <= shown && tab.query.offset == 0)
        return;
    const int first = tab.query.offset + 1, last = tab.query.offset + shown;
    ui::text_colored(ui::k_muted, "Showing %d\xE2\x80\x93%d of %d", first, last, total);
    ImGui::BeginDisabled(tab.query.offset == 0);
    if (ui::button(state, "Previous page", "market.previous")) {
        tab.query.offset = std::max(0, tab.query.offset - tab.query.limit);
        search(state, tab);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(last >= total);
    if (ui::button(state, "Next page", "market.next")) {
        tab.query.offset += tab.query.limit;
        search(state, tab);
    }
    ImGui::EndDisabled();
}

void draw_results(AppState& state, CatalogTabState& tab)
{
    ui::heading("Find a course", 2);
    draw_filters(state, tab);
    ui::vertical_space(ui::k_space_s);
    if (ui::remote_status(state, tab.results, "market.results"))
        search(state, tab);
    const Json& courses = field_of(tab.results.data, "courses");
    if (!courses.is_array())
        return;
    const int total = int_field(tab.results.data, "total");
    if (courses.empty()) {
        const bool filtered = !tab.asked.empty();
        if (ui::empty_state(state, filtered ? "No courses match" : "No courses yet",
                filtered ? "Try other words, or clear the filters to see every course."
                         : "Courses appear here as soon as instructors publish them.",
                filtered ? "Clear the search and filters" : nullptr, "market.clear")) {
            tab.query = CatalogQuery {};
            tab.words[0] = 0;
            search(state, tab);
        }
        return;
    }
    ui::text_colored(ui::k_muted, "%d %s", total, total == 1 ? "course" : "courses");
    for (const auto& c : courses)
        draw_card(state, tab, c);
    draw_paging(state, tab);
}

// [SECTION] a course -------------------------------------------------------------

// Enrolled learners, the course's instructor and the office read its lessons
// (the matrix's lesson.read: the office's reach is the whole tenant).
bool may_open_lessons(const AppState& state, const Json& course)
{
    if (bool_field(course, "is_enrolled") || id_field(course, "instructor_id") == state.session.user_id)
        return true;
    return state.session.signed_in
        && permission_scope(state.session.role, Action::LessonRead, state.session.approval) == Scope::Tenant;
}

void reload_course(AppState& state, CatalogTabState& tab);

// "Coupon code [    ] Apply": what the learner would pay with it, checked by
// the server (which knows the coupon); the code's form is checked here first.
void draw_coupon(AppState& state, CatalogTabState& tab)
{
    if (tab.coupon_course != tab.selected) {
        tab.coupon_course = tab.selected;
        tab.coupon[0] = '\0';
        tab.coupon_code.clear();
        tab.coupon_check = {};
    }
    ui::labelled_input(state, "Coupon code", "SPRING-25", tab.coupon, sizeof tab.coupon, "market.coupon", 9);
    // Typing another code drops the price the last one gave.
    if (!tab.coupon_code.empty()) {
        auto typed = read_coupon_code(tab.coupon);
        if (!typed.ok() || typed.value() != tab.coupon_code) {
            tab.coupon_code.clear();
            tab.coupon_check = {};
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.coupon[0] == '\0' || tab.coupon_check.phase == Phase::Loading);
    if (ui::button(state, "Apply", "market.coupon_apply")) {
        auto code = read_coupon_code(tab.coupon);
        if (!code.ok()) {
            tab.coupon_check = { Phase::Failed, code.error().message, true };
        } else {
            tab.coupon_check = { Phase::Loading, {}, false };
            const auto id = tab.selected;
            api_call(state, "GET",
                "/api/marketplace/courses/" + std::to_string(id) + "/price?coupon=" + query_escape(code.value()),
                nullptr, [&tab, id](AppState&, const ApiAnswer& answer) {
                    if (tab.selected != id)
                        return;
                    tab.coupon_check = outcome_of(answer, text_field(answer.body, "message"));
                    if (answer.ok()) {
                        tab.coupon_code = text_field(answer.body, "coupon");
                        tab.coupon_pays = text_field(field_of(answer.body, "pays"), "text");
                    }
                });
        }
    }
    ImGui::EndDisabled();
    ui::action_status(tab.coupon_check);
}

// A visitor signs in (or makes an account) to take a course: the sign-in
// screen knows the marketplace, and opens the course once signed in.
void draw_visitor_taking(AppState& state, CatalogTabState& tab, const Json& c)
{
    const bool free = text_field(field_of(c, "price"), "kind") == "free";
    if (ui::primary_button(state, free ? "Sign in to enrol for free" : "Sign in to buy", "market.visitor.sign_in")) {
        ui::copy_text(state.sign_in.tenant, tab.visiting);
        state.sign_in.tenant_recalled = true;
        state.sign_in.phase = Phase::Idle;
        state.sign_in.message.clear();
        state.navigation.after_sign_in = "/learn/catalog/" + std::to_string(tab.selected);
        state.screen = AppState::Screen::SignIn;
    }
    ui::note("No account yet? Choose \"Create an account\" on the next screen.");
}

// Enrolling, or how far along one is and where to go on.
void draw_taking(AppState& state, CatalogTabState& tab, const Json& c)
{
    if (bool_field(c, "is_enrolled")) {
        const Json& progress = field_of(c, "progress");
        ui::text_colored(ui::k_accent, "You are enrolled. %s", text_field(progress, "text").c_str());
        if (const auto next = id_field(progress, "continue_lesson_id"); next != 0) {
            const char* label = int_field(progress, "completed") == 0 ? "Start the course" : "Continue where you left off";
            if (ui::primary_button(state, label, "market.continue"))
                open_lesson(state, tab.lesson, next);
        }
        return;
    }
    if (!tab.visiting.empty()) {
        draw_visitor_taking(state, tab, c);
        return;
    }
    if (!ui::can(state, Action::CourseEnrol) || text_field(c, "status") != "published")
        return;
    const auto kind = text_field(field_of(c, "price"), "kind");
    if (kind == "subscription") {
        ui::note("Subscriptions are not on sale yet.");
        return;
    }
    if (kind != "free") {
        // Paid: an order, then the payment provider's checkout page, which
        // sends the learner back to the order (Purchases) when done.
        draw_coupon(state, tab);
        const auto price = tab.coupon_code.empty() ? text_field(c, "price_label") : tab.coupon_pays;
        ImGui::BeginDisabled(tab.enrol.phase == Phase::Loading || !ui::can(state, Action::OrderCreate));
        if (ui::primary_button(state, ("Buy for " + price).c_str(), "market.buy")) {
            tab.enrol = { Phase::Loading, {}, false };
            const auto id = tab.selected;
            const Json body = tab.coupon_code.empty() ? Json::object() : Json { { "coupon", tab.coupon_code } };
            api_call(state, "POST", "/api/marketplace/courses/" + std::to_string(id) + "/checkout", body,
                [&tab, id](AppState& s, const ApiAnswer& answer) {
                    if (tab.selected != id)
                        return;
                    // A coupon that took the whole price off: the course is the learner's now.
                    if (answer.ok() && bool_field(answer.body, "enrolled")) {
                        tab.enrol = outcome_of(answer, text_field(answer.body, "message"));
                        reload_course(s, tab);
                        return;
                    }
                    tab.enrol = outcome_of(answer, answer.ok() ? "Taking you to the payment page..." : "");
                    if (answer.ok())
                        leave_for(text_field(answer.body, "checkout_url"));
                });
        }
        ImGui::EndDisabled();
        ui::note("You pay on the payment provider's page and come back here; the course opens once the payment "
                 "is confirmed.");
        ui::action_status(tab.enrol);
        return;
    }
    ImGui::BeginDisabled(tab.enrol.phase == Phase::Loading);
    if (ui::primary_button(state, "Enrol for free", "market.enrol")) {
        tab.enrol = { Phase::Loading, {}, false };
        const auto id = tab.selected;
        api_call(state, "POST", "/api/marketplace/courses/" + std::to_string(id) + "/enrol", Json::object(),
            [&tab, id](AppState& s, const ApiAnswer& answer) {
                if (tab.selected != id)
                    return;
                tab.enrol = outcome_of(answer, text_field(answer.body, "message"));
                if (answer.ok())
                    load_course(s, tab);
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.enrol);
}

void reload_course(AppState& state, CatalogTabState& tab)
{
    load_course(state, tab);
}

// The learner's own review: stars and words, written once they have done a
// lesson, and edited after. Checked with the shared rule before it is sent.
void draw_my_review(AppState& state, CatalogTabState& tab, const Json& c)
{
    if (!bool_field(c, "is_enrolled") || !ui::can(state, Action::ReviewWrite))
        return;
    const Json& mine = field_of(c, "my_review");
    if (tab.review_filled_for != tab.selected) {
        tab.review_filled_for = tab.selected;
        tab.review_stars = int_field(mine, "stars");
        ui::copy_text(tab.review_text, text_field(mine, "body"));
        tab.review = {};
    }
    ui::heading(mine.is_object() ? "Your review" : "Review this course", 3);
    if (!bool_field(c, "may_review")) {
        ui::note("Finish a lesson of this course, then tell others what you thought of it.");
        return;
    }
    ui::begin_radio_group("Stars");
    for (int stars = 1; stars <= 5; ++stars) {
        const std::string label = std::to_string(stars) + (stars == 1 ? " star" : " stars");
        if (ui::radio_button(label.c_str(), tab.review_stars == stars))
            tab.review_stars = stars;
        ui::remember(state, "market.review.stars." + std::to_string(stars));
        if (stars < 5)
            ImGui::SameLine();
    }
    ui::end_radio_group();
    ui::text_unformatted("What did you think? (optional)");
    ui::input_text_multiline("##review_text", tab.review_text, sizeof tab.review_text,
        ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ui::remember(state, "market.review.text");
    ImGui::BeginDisabled(tab.review_stars == 0 || tab.review.phase == Phase::Loading);
    if (ui::primary_button(state, mine.is_object() ? "Update your review" : "Post your review", "market.review.save")) {
        const Json body { { "stars", tab.review_stars }, { "body", std::string(trim(tab.review_text)) } };
        if (auto checked = read_review(body); !checked.ok()) {
            tab.review = { Phase::Failed, checked.error().message, true };
        } else {
            tab.review = { Phase::Loading, {}, false };
            const auto id = tab.selected;
            api_call(state, "PUT", "/api/marketplace/courses/" + std::to_string(id) + "/review", body,
                [&tab, id](AppState& s, const ApiAnswer& answer) {
                    if (tab.selected != id)
                        return;
                    tab.review = outcome_of(answer, text_field(answer.body, "message"));
                    if (answer.ok())
                        reload_course(s, tab);
                });
        }
    }
    ImGui::EndDisabled();
    if (tab.review_stars == 0)
        ui::note("Choose from 1 to 5 stars.");
    ui::action_status(tab.review);
}

// Others' reviews; the instructor answers them here, and the office hides
// or shows them.
void draw_reviews(AppState& state, CatalogTabState& tab, const Json& c)
{
    const Json& reviews = field_of(c, "reviews");
    if (!reviews.is_array() || reviews.empty())
        return;
    ui::heading("What learners say", 3);
    const bool answers = ui::can(state, Action::ReviewReply)
        && (id_field(c, "instructor_id") == state.session.user_id
            || permission_scope(state.session.role, Action::ReviewReply, state.session.approval) == Scope::Tenant);
    const bool moderates = ui::can(state, Action::ReviewModerate);
    for (const auto& r : reviews) {
        const auto learner = id_field(r, "learner_id");
        ImGui::PushID(static_cast<int>(learner));
        const int stars = int_field(r, "stars");
        // Drawn as stars, read as words (icons are never spoken).
        std::string line = text_field(r, "name") + " \xC2\xB7 ";
        for (int i = 0; i < 5; ++i)
            line += i < stars ? ICON_STAR : ICON_STAR_O;
        line += " " + std::to_string(stars) + " of 5 \xC2\xB7 " + ui::date_for_people(state, text_field(r, "updated_at"));
        if (bool_field(r, "hidden"))
            line += " \xC2\xB7 hidden from the catalog";
        ui::text_colored(ui::k_muted, "%s", line.c_str());
        ui::paragraphs(text_field(r, "body"));
        if (const auto reply = text_field(r, "reply"); !reply.empty()) {
            ImGui::Indent();
            ui::text_colored(ui::k_muted, "The instructor replied:");
            ui::paragraphs(reply);
            ImGui::Unindent();
        }
        const auto course = tab.selected;
        if (answers && learner != 0) {
            if (tab.replying_to == learner) {
                ui::text_unformatted("Your reply");
                ui::input_text_multiline("##reply_text", tab.reply_text, sizeof tab.reply_text,
                    ImVec2(-1, ImGui::GetTextLineHeight() * 3));
                ImGui::BeginDisabled(!tab.reply_text[0] || tab.reply.phase == Phase::Loading);
                if (ui::primary_button(state, "Publish reply", "market.reply.save")) {
                    tab.reply = { Phase::Loading, {}, false };
                    api_call(state, "PUT",
                        "/api/marketplace/courses/" + std::to_string(course) + "/reviews/" + std::to_string(learner) + "/reply",
                        { { "reply", std::string(trim(tab.reply_text)) } },
                        [&tab, course](AppState& s, const ApiAnswer& answer) {
                            tab.reply = outcome_of(answer, text_field(answer.body, "message"));
                            if (answer.ok() && tab.selected == course) {
                                tab.replying_to = 0;
                                reload_course(s, tab);
                            }
                        });
                }
                ImGui::EndDisabled();
                ImGui::SameLine();
                if (ui::button(state, "Cancel", "market.reply.cancel"))
                    tab.replying_to = 0;
            } else if (ui::button(state, text_field(r, "reply").empty() ? "Reply" : "Edit reply",
                           "market.reply." + std::to_string(learner))) {
                tab.replying_to = learner;
                tab.reply = {};
                ui::copy_text(tab.reply_text, text_field(r, "reply"));
            }
        }
        if (moderates && learner != 0) {
            if (answers)
                ImGui::SameLine();
            const bool hidden = bool_field(r, "hidden");
            if (ui::button(state, hidden ? "Show in the catalog" : "Hide from the catalog",
                    "market.review.hide." + std::to_string(learner))) {
                api_call(state, "PUT",
                    "/api/marketplace/courses/" + std::to_string(course) + "/reviews/" + std::to_string(learner) + "/hidden",
                    { { "hidden", !hidden } }, [&tab, course](AppState& s, const ApiAnswer& answer) {
                        tab.reply = outcome_of(answer, text_field(answer.body, "message"));
                        if (answer.ok() && tab.selected == course)
                            reload_course(s, tab);
                    });
            }
        }
        ui::vertical_space(ui::k_space_s);
        ImGui::PopID();
    }
    ui::action_status(tab.reply);
}

void draw_course(AppState& state, CatalogTabState& tab)
{
    if (tab.selected == 0) {
        ui::empty_state(state, "Choose a course", "Pick a course to see what it teaches, its lessons and its reviews.");
        return;
    }
    if (ui::remote_status(state, tab.course, "market.course"))
        select_course(state, tab, tab.selected);
    const Json& c = tab.course.data;
    if (!c.is_object())
        return;
    ui::heading(text_field(c, "title").c_str(), 2);
    if (const auto subtitle = text_field(c, "subtitle"); !subtitle.empty())
        ui::paragraphs(subtitle);
    if (text_field(c, "status") != "published")
        ui::alert_text(ui::k_warning, "%s", text_field(c, "status") == "draft"
                ? "A draft: only its instructor and administrators see it."
                : "Archived: no longer in the catalog.");
    std::string facts = text_field(c, "price_label");
    if (const auto stars = catalog_stars_text(c); !stars.empty())
        facts += "   " + stars;
    ui::text("%s", facts.c_str());
    draw_taking(state, tab, c);
    std::string where = text_field(c, "category_name");
    if (const auto parent = text_field(c, "parent_category_name"); !parent.empty())
        where = parent + " \xE2\x80\xBA " + where;
    if (const auto level = text_field(c, "level_label"); !level.empty())
        where += " \xC2\xB7 " + level;
    where += " \xC2\xB7 " + text_field(c, "language_label") + " \xC2\xB7 "
        + length_for_people(int_field(c, "lessons"), int_field(c, "minutes"));
    ui::text_colored(ui::k_muted, "%s", where.c_str());

    ui::heading("About this course", 3);
    ui::paragraphs(text_field(c, "description"));
    if (const auto needs = text_field(c, "prerequisites"); !needs.empty()) {
        ui::heading("What you need first", 3);
        ui::paragraphs(needs);
    }

    ui::heading("What it covers", 3);
    const Json& modules = field_of(c, "modules");
    if (!modules.is_array() || modules.empty())
        ui::note("The instructor has not added lessons yet.");
    int number = 0;
    for (const auto& m : modules.is_array() ? modules : Json::array()) {
        ++number;
        ui::heading((std::to_string(number) + ". " + text_field(m, "title")).c_str(), 4);
        for (const auto& lesson : field_of(m, "lessons")) {
            const std::string line = text_field(lesson, "title") + " \xE2\x80\x94 " + text_field(lesson, "kind_label")
                + ", " + std::to_string(int_field(lesson, "minutes")) + " min";
            // Those who may open the lessons open them from here.
            if (may_open_lessons(state, c)) {
                const auto id = id_field(lesson, "id");
                if (ui::selectable((line + "##lesson" + std::to_string(id)).c_str()))
                    open_lesson(state, tab.lesson, id);
            } else {
                ui::bullet_text("%s", line.c_str());
            }
        }
    }

    ui::heading(("Your instructor: " + text_field(c, "instructor_name")).c_str(), 3);
    if (const auto bio = text_field(c, "instructor_bio"); !bio.empty())
        ui::paragraphs(bio);

    draw_my_review(state, tab, c);
    draw_reviews(state, tab, c);
}

} // namespace

std::string catalog_stars_text(const Json& course)
{
    const Json& rating = field_of(course, "rating");
    if (!rating.is_string())
        return "";
    const int count = int_field(course, "rating_count");
    return ICON_STAR " " + rating.get<std::string>() + " (" + std::to_string(count) + (count == 1 ? " rating)" : " ratings)");
}

// [SECTION] tab ------------------------------------------------------------------

void draw_catalog_tab(AppState& state, CatalogTabState& tab, ProgressOutbox& progress)
{
    if (tab.lesson.id != 0) {
        if (draw_lesson_view(state, tab.lesson, progress)) {
            tab.lesson = LessonViewState {};
            select_course(state, tab, tab.selected);   // its progress changed
        }
        return;
    }
    if (tab.results.phase == Phase::Idle)
        search(state, tab);
    if (ui::list_detail(state, "market.layout", tab.selected != 0, 0.5f, [&] { draw_results(state, tab); },
            [&] { draw_course(state, tab); }))
        select_course(state, tab, 0);
}

ui::TabPlace catalog_tab_place(const CatalogTabState& tab)
{
    const auto course = tab.course.data.is_object() ? text_field(tab.course.data, "title") : std::string();
    if (tab.lesson.id != 0)
        return { tab.selected, "lesson", tab.lesson.id,
            tab.lesson.lesson.data.is_object() ? text_field(tab.lesson.lesson.data, "title") : course };
    return { tab.selected, {}, 0, course };
}

bool open_catalog_tab(AppState& state, CatalogTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty() && route.detail != "lesson")
        return false;
    if (route.id != tab.selected)
        select_course(state, tab, route.id);
    if (route.detail == "lesson" && route.detail_id != tab.lesson.id)
        open_lesson(state, tab.lesson, route.detail_id);
    if (route.detail.empty() && tab.lesson.id != 0)
        tab.lesson = LessonViewState {};
    return true;
}

Json catalog_tab_summary(const CatalogTabState& tab)
{
    Json titles = Json::array();
    for (const auto& c : field_of(tab.results.data, "courses"))
        titles.push_back(text_field(c, "title"));
    // While a search is on its way the results shown are the last one's:
    // the total is -1 until this one's arrive.
    const bool arrived = tab.results.phase == Phase::Done;
    return { { "catalog_asked", tab.asked }, { "catalog_total", arrived ? int_field(tab.results.data, "total", -1) : -1 },
        { "catalog_courses", titles }, { "catalog_selected", tab.selected },
        { "catalog_course", tab.course.data.is_object() ? text_field(tab.course.data, "title") : std::string() },
        { "catalog_enrolled", bool_field(tab.course.data, "is_enrolled") },
        { "catalog_progress", text_field(field_of(tab.course.data, "progress"), "text") },
        { "catalog_enrol", tab.enrol.message }, { "catalog_lesson", lesson_view_summary(tab.lesson) },
        { "catalog_review", tab.review.message },
        { "catalog_my_stars", int_field(field_of(tab.course.data, "my_review"), "stars") } };
}

} // namespace learnloop::client
