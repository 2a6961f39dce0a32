// A marketplace course's catalog face and the catalog's search.
//
// Courses have a slug (their address), a level, a language, a category
// and a status that moves draft -> published -> archived (and an archived
// course may be published again). Searches are read here, so the browser
// says what is wrong with a filter before it asks, and the server refuses
// the same things.
#pragma once

#include "core/result.hpp"
#include "marketplace/pricing.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// 2 to 60 of a–z, 0–9 and single dashes, not at either end (error on `field`).
//   check_slug("python-for-data") -> ok;  check_slug("Python--x") -> error
[[nodiscard]] Result<std::string> check_slug(std::string_view slug, std::string_view field = "slug");

enum class CourseLevel { Beginner, Intermediate, Advanced };
[[nodiscard]] std::string_view course_level_name(CourseLevel level);             // "beginner", ...
[[nodiscard]] std::string_view course_level_for_people(CourseLevel level);       // "Beginner", ...
[[nodiscard]] Result<CourseLevel> parse_course_level(std::string_view name);     // error on field "level"

enum class CatalogStatus { Draft, Published, Archived };
[[nodiscard]] std::string_view catalog_status_name(CatalogStatus status);        // "draft", "published", "archived"
[[nodiscard]] Result<CatalogStatus> parse_catalog_status(std::string_view name); // error on field "status"
[[nodiscard]] std::string_view catalog_status_for_people(CatalogStatus status);  // "Draft", "Published", "Archived"
// Draft -> published, published -> archived, archived -> published; staying
// put is allowed. Anything else is a FailedPrecondition saying why.
[[nodiscard]] Result<void> check_status_change(CatalogStatus from, CatalogStatus to);

// The languages a course may be taught in, as BCP 47 primary tags, with
// their names in English: "en" English, "es" Spanish ...
[[nodiscard]] const std::vector<std::string_view>& catalog_languages();
[[nodiscard]] Result<std::string> check_language(std::string_view tag);          // error on field "language"
[[nodiscard]] std::string_view language_for_people(std::string_view tag);        // "Spanish"; the tag when unknown

enum class CatalogSort { Relevance, Newest, Rating, PriceLow, PriceHigh };
[[nodiscard]] std::string_view catalog_sort_name(CatalogSort sort);    // "relevance", "newest", "rating", "price_low", "price_high"
[[nodiscard]] std::string_view catalog_sort_for_people(CatalogSort sort);

inline constexpr std::size_t k_catalog_query_most = 200;   // characters of a search
inline constexpr int k_catalog_page_most = 50;             // courses on one page

// A search of the catalog, as a person asked for it. Empty strings mean
// "any"; filters combine with AND.
struct CatalogQuery {
    std::string text;                        // free words; operators are only words here
    std::string category;                    // a category's slug (its children count too)
    std::optional<CourseLevel> level;
    std::string language;
    std::optional<PriceBand> price;
    int min_rating_tenths = 0;               // 30, 35, 40 or 45: "3 stars and up" ...; 0: any
    CatalogSort sort = CatalogSort::Relevance;   // without text, relevance means newest
    int limit = 20;
    int offset = 0;
};

// Reads a search from its URL parameters (`param` gives one's value, or
// nothing when it was not sent): q, category, level, language, price,
// rating ("3", "3.5", "4" or "4.5": at least), sort, limit, offset.
// Errors name the parameter: a search over 200 characters or with control
// characters, a category that is not a slug, an unknown level, language,
// price band or sort, a limit outside 1–50, a negative offset.
using ParamLookup = std::function<std::optional<std::string>(std::string_view name)>;
[[nodiscard]] Result<CatalogQuery> read_catalog_query(const ParamLookup& param);

// The search's words as a PostgreSQL tsquery for type-ahead: every word a
// prefix, all of them required. Only letters and digits (any script) reach
// it, so whatever a person types — quotes, "&", "!", ":*", "<->" — is never
// an operator. Empty when there is no word.
// Each word is quoted, so no character in it can read as an operator.
//   prefix_tsquery("data  anal") -> "'data':* & 'anal':*"
//   prefix_tsquery("C++ & !rust") -> "'c':* & 'rust':*"
[[nodiscard]] std::string prefix_tsquery(std::string_view text);

// Whether the words use the web search's operators: a quoted phrase, a word
// left out ("-python"), or "or" between words. Such a search is not also
// read as type-ahead prefixes, which would undo them.
//   search_has_operators("python -snake") -> true; search_has_operators("e-mail") -> false
[[nodiscard]] bool search_has_operators(std::string_view text);

// The URL parameters that give this search back (for the address bar and
// the client's request), without the defaults: "q=python&level=beginner".
[[nodiscard]] std::string catalog_query_string(const CatalogQuery& query);

// The rating filters a catalog offers, highest first, in tenths of a star.
inline constexpr std::array<int, 4> k_rating_thresholds { 45, 40, 35, 30 };
// A threshold as its URL parameter and facet value: 45 -> "4.5", 40 -> "4".
[[nodiscard]] std::string rating_param_text(int tenths);
// The threshold a parameter names (one of k_rating_thresholds), or 0.
//   rating_param_tenths("3.5") -> 35; rating_param_tenths("3.7") -> 0
[[nodiscard]] int rating_param_tenths(std::string_view text);
// "4.5 stars and up" for a threshold of 45 tenths.
[[nodiscard]] std::string rating_threshold_for_people(int tenths);
// A course's average rating for people, "4.6", from its stars' sum and
// count (one decimal, rounded half up); "" when nobody has rated it.
[[nodiscard]] std::string rating_for_people(std::int64_t stars_sum, std::int64_t ratings);

// [SECTION] Categories

struct Category {
    std::int64_t id = 0;
    std::int64_t parent_id = 0;   // 0: a top category
    std::string slug;
    std::string name;
};

// A category beside a search: its courses and its children's, how deep it
// sits (0 at the top), in the tree's order (each parent before its children,
// siblings as given).
struct CategoryFacet {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
    int depth = 0;
    std::int64_t courses = 0;

    bool operator==(const CategoryFacet&) const = default;
};

// Adds each category's own count (`own`: id -> courses) to every category
// above it. Categories whose parent is missing, or that sit in a loop, are
// left out rather than counted twice.
[[nodiscard]] std::vector<CategoryFacet> roll_up_categories(const std::vector<Category>& categories,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& own);

} // namespace learnloop
