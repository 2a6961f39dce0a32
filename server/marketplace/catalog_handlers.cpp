// A marketplace's catalog (catalog_handlers.hpp).
#include "marketplace/catalog_handlers.hpp"

#include "academy/progress.hpp"
#include "access/access.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/learning_handlers.hpp"
#include "marketplace/pricing.hpp"
#include "marketplace/progress.hpp"

#include <map>
#include <string>
#include <vector>

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
constexpr std::int64_t k_reviews_on_page = 10;

struct ShowSettings {
    bool ratings = true;
    bool enrollments = true;
};

// What the tenant shows of ratings and enrolment counts; a tenant without
// marketplace settings is not a marketplace and has no catalog.
Result<ShowSettings> catalog_settings(pqxx::work& txn)
{
    auto rows = exec_named(txn, "marketplace/settings");
    if (rows.empty())
        return make_error(ErrorCode::NotFound, "This organisation has no course catalog");
    return ShowSettings { rows[0]["show_ratings"].as<bool>(), rows[0]["show_enrollments"].as<bool>() };
}

// The fields a course shows on a card and on its page.
Json course_card(const pqxx::row& row, const ShowSettings& show)
{
    const auto price = price_of(row);
    Json card { { "id", row["id"].as<std::int64_t>() }, { "slug", row["slug"].as<std::string>() },
        { "title", row["title"].as<std::string>() }, { "subtitle", row["subtitle"].as<std::string>() },
        { "language", row["language"].as<std::string>() },
        { "language_label", std::string(language_for_people(row["language"].as<std::string>())) },
        { "price", price_to_json(price) }, { "price_label", price_for_people(price) },
        { "instructor_id", row["instructor_id"].as<std::int64_t>() },
        { "instructor_name", row["instructor_name"].as<std::string>() },
        { "category_slug", nullable_json<std::string>(row["category_slug"]) },
        { "category_name", nullable_json<std::string>(row["category_name"]) },
        { "published_at", nullable_json<std::string>(row["published_at"]) } };
    card["level"] = nullptr;
    card["level_label"] = nullptr;
    if (!row["level"].is_null()) {
        auto level = parse_course_level(row["level"].as<std::string>()).value();
        card["level"] = course_level_name(level);
        card["level_label"] = course_level_for_people(level);
    }
    if (show.ratings) {
        const auto count = row["rating_count"].as<std::int64_t>();
        card["rating_count"] = count;
        card["rating"] = count > 0 ? Json(rating_for_people(row["rating_sum"].as<std::int64_t>(), count)) : Json(nullptr);
    }
    if (show.enrollments)
        card["enrolled"] = row["enrolled"].as<std::int64_t>();
    return card;
}

Json facet_entry(std::string value, std::string label, std::int64_t courses)
{
    return { { "value", std::move(value) }, { "label", std::move(label) }, { "courses", courses } };
}

// The counts beside each filter, in a fixed order with people's words.
Json facets_json(pqxx::work& txn, const pqxx::result& rows, const ShowSettings& show)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> own;
    std::map<std::string, std::map<std::string, std::int64_t>> counts;
    for (const auto& row : rows) {
        const auto facet = row["facet"].as<std::string>();
        const auto value = row["value"].as<std::string>();
        const auto courses = row["courses"].as<std::int64_t>();
        if (facet == "category")
            own.emplace_back(std::stoll(value), courses);
        else
            counts[facet][value] = courses;
    }
    auto count_of = [&](const std::string& facet, const std::string& value) -> std::int64_t {
        auto f = counts.find(facet);
        if (f == counts.end())
            return 0;
        auto v = f->second.find(value);
        return v == f->second.end() ? 0 : v->second;
    };

    Json category = Json::array();
    for (const auto& c : roll_up_categories(marketplace_categories(txn), own))
        category.push_back({ { "value", c.slug }, { "label", c.name }, { "depth", c.depth }, { "courses", c.courses } });

    Json level = Json::array();
    for (auto l : { CourseLevel::Beginner, CourseLevel::Intermediate, CourseLevel::Advanced })
        level.push_back(facet_entry(std::string(course_level_name(l)), std::string(course_level_for_people(l)),
            count_of("level", std::string(course_level_name(l)))));
    // Languages with courses only: the list of possible ones is long.
    Json language = Json::array();
    if (auto found = counts.find("language"); found != counts.end())
        for (const auto& [tag, courses] : found->second)
            language.push_back(facet_entry(tag, std::string(language_for_people(tag)), courses));
    Json price = Json::array();
    for (auto band : { PriceBand::Free, PriceBand::Under20, PriceBand::From20To50, PriceBand::From50To100,
             PriceBand::From100 })
        price.push_back(facet_entry(std::string(price_band_name(band)), std::string(price_band_for_people(band)),
            count_of("price", std::string(price_band_name(band)))));
    Json facets { { "category", category }, { "level", level }, { "language", language }, { "price", price } };
    if (show.ratings) {
        Json rating = Json::array();
        for (int tenths : k_rating_thresholds)
            rating.push_back(facet_entry(rating_param_text(tenths), rating_threshold_for_people(tenths), count_of("rating", std::to_string(tenths))));
        facets["rating"] = rating;
    }
    return facets;
}

// The variant of a catalog statement for a search with words or without.
std::string catalog_statement(const char* name, const std::string& text)
{
    return variant_name(name, text.empty() ? "all" : "words");
}

} // namespace

std::vector<Category> marketplace_categories(pqxx::work& txn)
{
    std::vector<Category> categories;
    for (const auto& row : exec_named(txn, "marketplace/categories"))
        categories.push_back({ row["id"].as<std::int64_t>(),
            row["parent_id"].is_null() ? 0 : row["parent_id"].as<std::int64_t>(), row["slug"].as<std::string>(),
            row["name"].as<std::string>() });
    return categories;
}

Price price_of(const pqxx::row& row)
{
    Price price;
    price.kind = parse_price_kind(row["price_kind"].as<std::string>()).value();
    price.amount = { row["price_minor"].as<std::int64_t>(),
        row["currency"].is_null() ? std::string() : row["currency"].as<std::string>() };
    if (!row["billing_period"].is_null())
        price.period = parse_billing_period(row["billing_period"].as<std::string>()).value();
    return price;
}

void add_marketplace_variants()
{
    add_variants("marketplace/search_catalog", "words", { "all", "words" });
    add_variants("marketplace/catalog_facets", "words", { "all", "words" });
}

Result<ApiResponse> handle_search_catalog(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto query = TRY(read_catalog_query([&](std::string_view name) -> std::optional<std::string> {
        const std::string key(name);
        if (!req.has_param(key))
            return std::nullopt;
        return req.get_param_value(key);
    }));
    const auto show = TRY(catalog_settings(txn));
    if (!show.ratings && (query.min_rating_tenths > 0 || query.sort == CatalogSort::Rating))
        return make_error(ErrorCode::InvalidArgument, "This catalog does not show ratings", "rating");

    const auto level = query.level ? std::string(course_level_name(*query.level)) : std::string();
    const auto band = query.price ? std::string(price_band_name(*query.price)) : std::string();
    // No letter or digit in the words ("!!!"): nothing can match them, and
    // the search is the same as none. Words with the web search's operators
    // ("-python", a quoted phrase) are not also read as prefixes, which
    // would undo them.
    const auto prefixes = prefix_tsquery(query.text);
    const auto text = prefixes.empty() ? std::string() : query.text;
    const auto words = search_has_operators(query.text) ? std::string() : prefixes;
    const auto search = catalog_statement("marketplace/search_catalog", text);
    auto rows = exec_named(txn, search, text, words, query.category, level, query.language, band,
        query.min_rating_tenths, std::string(catalog_sort_name(query.sort)), query.limit, query.offset);
    std::int64_t total = rows.empty() ? 0 : rows[0]["total"].as<std::int64_t>();
    Json courses = Json::array();
    for (const auto& row : rows) {
        auto card = course_card(row, show);
        card["lessons"] = row["lessons"].as<std::int64_t>();
        card["minutes"] = row["minutes"].as<std::int64_t>();
        courses.push_back(std::move(card));
    }
    auto facet_rows = exec_named(txn, catalog_statement("marketplace/catalog_facets", text), text, words, query.category, level, query.language,
        band, query.min_rating_tenths);
    if (rows.empty() && query.offset > 0) {
        // A page past the end: the total is still the search's.
        auto first = exec_named(txn, search, text, words, query.category, level, query.language,
            band, query.min_rating_tenths, std::string(catalog_sort_name(query.sort)), 1, 0);
        total = first.empty() ? 0 : first[0]["total"].as<std::int64_t>();
    }
    Json body { { "courses", courses }, { "total", total }, { "limit", query.limit }, { "offset", query.offset },
        { "query", catalog_query_string(query) }, { "facets", facets_json(txn, facet_rows, show) },
        { "show_ratings", show.ratings }, { "show_enrollments", show.enrollments } };
    return json_response(200, std::move(body));
}

Result<ApiResponse> handle_recommendations(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto show = TRY(catalog_settings(txn));
    const auto limit = req.has_param("limit") ? TRY(parse_number_param(req, "limit", 1, 12, 6)) : std::int64_t { 6 };
    Json courses = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/recommendations", caller.user_id, limit)) {
        auto card = course_card(row, show);
        const auto because = nullable_json<std::string>(row["because"]);
        card["because"] = because;
        card["reason"] = because.is_null() ? std::string("Popular with learners")
                                           : "Because you take " + because.get<std::string>();
        courses.push_back(std::move(card));
    }
    return json_response(200, std::move(courses));
}

Result<ApiResponse> handle_catalog_course(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto show = TRY(catalog_settings(txn));
    // Drafts and archived courses: their instructor and those who manage every course.
    const auto manage = reach_for(caller, Action::CourseManage);
    auto rows = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, manage.scope_name());
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    const auto& row = rows[0];
    auto course = course_card(row, show);
    course["description"] = row["description"].as<std::string>();
    course["prerequisites"] = row["prerequisites"].as<std::string>();
    course["status"] = row["status"].as<std::string>();
    course["instructor_bio"] = row["instructor_bio"].as<std::string>();
    course["parent_category_name"] = nullable_json<std::string>(row["parent_category_name"]);
    course["is_enrolled"] = row["is_enrolled"].as<bool>();
    course["progress"] = course["is_enrolled"].get<bool>() ? course_progress_json(txn, id, caller.user_id) : Json(nullptr);
    course["tags"] = Json::parse(row["tags_json"].as<std::string>());

    Json modules = Json::array();
    std::int64_t module_id = 0, lessons = 0, minutes = 0;
    for (const auto& lesson : exec_named(txn, "marketplace/course_outline", id)) {
        if (lesson["module_id"].as<std::int64_t>() != module_id) {
            module_id = lesson["module_id"].as<std::int64_t>();
            modules.push_back({ { "title", lesson["module_title"].as<std::string>() }, { "lessons", Json::array() } });
        }
        if (lesson["lesson_id"].is_null())
            continue;
        const auto kind = lesson["kind"].as<std::string>();
        const auto lesson_minutes = lesson["minutes"].as<std::int64_t>();
        modules.back()["lessons"].push_back({ { "id", lesson["lesson_id"].as<std::int64_t>() },
            { "title", lesson["lesson_title"].as<std::string>() }, { "kind", kind },
            { "kind_label", lesson_kind_for_people(kind) },
            { "minutes", lesson_minutes } });
        ++lessons;
        minutes += lesson_minutes;
    }
    course["modules"] = modules;
    course["lessons"] = lessons;
    course["minutes"] = minutes;

    // Staff read who wrote each review (to answer it, or to hide it); the
    // office also the hidden ones. Everyone else reads short names only.
    const bool answers = row["instructor_id"].as<std::int64_t>() == caller.user_id
        || reach_for(caller, Action::ReviewReply).scope == Scope::Tenant;
    const bool moderates = is_allowed(caller.role, Action::ReviewModerate, caller.approval);
    Json reviews = Json::array();
    if (show.ratings || moderates)
        for (const auto& review : exec_named(txn, "marketplace/course_reviews", id, k_reviews_on_page, moderates)) {
            Json entry { { "name", name_on_leaderboard(review["learner_name"].as<std::string>()) },
                { "stars", review["stars"].as<int>() }, { "body", review["body"].as<std::string>() },
                { "updated_at", review["updated_at"].as<std::string>() }, { "reply", nullable_json<std::string>(review["reply"]) },
                { "replied_at", nullable_json<std::string>(review["replied_at"]) } };
            if (answers || moderates)
                entry["learner_id"] = review["learner_id"].as<std::int64_t>();
            if (moderates)
                entry["hidden"] = review["hidden"].as<bool>();
            reviews.push_back(std::move(entry));
        }
    course["reviews"] = reviews;
    // The caller's own review, to edit, and whether they may write one.
    course["my_review"] = nullptr;
    course["may_review"] = false;
    if (course["is_enrolled"].get<bool>() && is_allowed(caller.role, Action::ReviewWrite, caller.approval)) {
        for (const auto& mine : exec_named(txn, "marketplace/learner_review", id, caller.user_id))
            course["my_review"] = { { "stars", mine["stars"].as<int>() }, { "body", mine["body"].as<std::string>() },
                { "reply", nullable_json<std::string>(mine["reply"]) } };
        course["may_review"] = course["progress"].is_object() && course["progress"]["completed"].get<int>() > 0;
    }
    return json_response(200, std::move(course));
}

} // namespace learnloop::server
