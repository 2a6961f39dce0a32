// The catalog's rules and search (catalog.hpp).
#include "marketplace/catalog.hpp"

#include "core/validation.hpp"

#include <array>
#include <charconv>
#include <map>
#include <set>

namespace learnloop {

namespace {

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

struct LanguageRow {
    std::string_view tag;
    std::string_view name;
};

constexpr std::array<LanguageRow, 12> k_languages { {
    { "ar", "Arabic" }, { "de", "German" }, { "en", "English" }, { "es", "Spanish" }, { "fr", "French" },
    { "hi", "Hindi" }, { "it", "Italian" }, { "ja", "Japanese" }, { "nl", "Dutch" }, { "pl", "Polish" },
    { "pt", "Portuguese" }, { "zh", "Chinese" },
} };

struct SortRow {
    CatalogSort sort;
    std::string_view name;
    std::string_view for_people;
};

constexpr std::array<SortRow, 5> k_sorts { {
    { CatalogSort::Relevance, "relevance", "Best match" },
    { CatalogSort::Newest, "newest", "Newest" },
    { CatalogSort::Rating, "rating", "Highest rated" },
    { CatalogSort::PriceLow, "price_low", "Price: low to high" },
    { CatalogSort::PriceHigh, "price_high", "Price: high to low" },
} };

// Punctuation and spaces outside ASCII that end a word: Latin-1's signs,
// general punctuation, and CJK punctuation. Every other code point above
// ASCII counts as part of a word (letters and digits of any script).
bool is_word_character(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c <= 0xBF || c == 0xD7 || c == 0xF7)
        return false;
    // Spaces outside the blocks below (PostgreSQL reads them as spaces too).
    if (c == 0x1680 || c == 0x180E || c == 0xFEFF)
        return false;
    if (c >= 0x2000 && c <= 0x206F)
        return false;
    if (c >= 0x3000 && c <= 0x303F)
        return false;
    if (c >= 0xFE30 && c <= 0xFE4F)
        return false;
    if (c >= 0xFF00 && c <= 0xFF0F)
        return false;
    return c != k_replacement_character;
}

Result<int> whole_number(const std::string& text, std::string_view field, int low, int high)
{
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high)
        return invalid(std::string(field),
            std::string(field) + " must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return value;
}

void append_encoded(std::string& out, std::string_view text)
{
    static constexpr char k_hex[] = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
}

} // namespace

Result<std::string> check_slug(std::string_view slug, std::string_view field)
{
    const std::string name(field);
    if (slug.size() < 2 || slug.size() > 60)
        return invalid(name, "An address is 2 to 60 characters: small letters, digits and dashes");
    for (std::size_t i = 0; i < slug.size(); ++i) {
        char c = slug[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok)
            return invalid(name, "An address has only small letters, digits and dashes");
        if (c == '-' && (i == 0 || i + 1 == slug.size() || slug[i - 1] == '-'))
            return invalid(name, "An address has single dashes between words, none at either end");
    }
    return std::string(slug);
}

std::string_view course_level_name(CourseLevel level)
{
    switch (level) {
    case CourseLevel::Beginner: return "beginner";
    case CourseLevel::Intermediate: return "intermediate";
    case CourseLevel::Advanced: return "advanced";
    }
    return "beginner";
}

std::string_view course_level_for_people(CourseLevel level)
{
    switch (level) {
    case CourseLevel::Beginner: return "Beginner";
    case CourseLevel::Intermediate: return "Intermediate";
    case CourseLevel::Advanced: return "Advanced";
    }
    return "Beginner";
}

Result<CourseLevel> parse_course_level(std::string_view name)
{
    for (auto level : { CourseLevel::Beginner, CourseLevel::Intermediate, CourseLevel::Advanced })
        if (name == course_level_name(level))
            return level;
    return invalid("level", "A level is beginner, intermediate or advanced");
}

std::string_view catalog_status_name(CatalogStatus status)
{
    switch (status) {
    case CatalogStatus::Draft: return "draft";
    case CatalogStatus::Published: return "published";
    case CatalogStatus::Archived: return "archived";
    }
    return "draft";
}

Result<CatalogStatus> parse_catalog_status(std::string_view name)
{
    for (auto status : { CatalogStatus::Draft, CatalogStatus::Published, CatalogStatus::Archived })
        if (name == catalog_status_name(status))
            return status;
    return invalid("status", "A course is draft, published or archived");
}

std::string_view catalog_status_for_people(CatalogStatus status)
{
    switch (status) {
    case CatalogStatus::Draft: return "Draft";
    case CatalogStatus::Published: return "Published";
    case CatalogStatus::Archived: return "Archived";
    }
    return "Draft";
}

Result<void> check_status_change(CatalogStatus from, CatalogStatus to)
{
    if (from == to)
        return {};
    if ((from == CatalogStatus::Draft && to == CatalogStatus::Published)
        || (from == CatalogStatus::Published && to == CatalogStatus::Archived)
        || (from == CatalogStatus::Archived && to == CatalogStatus::Published))
        return {};
    if (to == CatalogStatus::Draft)
        return make_error(ErrorCode::FailedPrecondition,
            "A course that has been published cannot go back to draft; archive it to take it out of the catalog", "status");
    return make_error(ErrorCode::FailedPrecondition, "A draft is published before it can be archived", "status");
}

const std::vector<std::string_view>& catalog_languages()
{
    static const std::vector<std::string_view> tags = [] {
        std::vector<std::string_view> list;
        for (const auto& row : k_languages)
            list.push_back(row.tag);
        return list;
    }();
    return tags;
}

Result<std::string> check_language(std::string_view tag)
{
    for (const auto& row : k_languages)
        if (row.tag == tag)
            return std::string(tag);
    return invalid("language", "That language is not one the catalog offers");
}

std::string_view language_for_people(std::string_view tag)
{
    for (const auto& row : k_languages)
        if (row.tag == tag)
            return row.name;
    return tag;
}

std::string_view catalog_sort_name(CatalogSort sort) { return k_sorts[static_cast<std::size_t>(sort)].name; }
std::string_view catalog_sort_for_people(CatalogSort sort) { return k_sorts[static_cast<std::size_t>(sort)].for_people; }

Result<CatalogQuery> read_catalog_query(const ParamLookup& param)
{
    CatalogQuery query;
    if (auto q = param("q")) {
        auto text = validate_text(*q, "q", "A search", 0, k_catalog_query_most, TextLines::Single);
        if (!text.ok())
            return invalid("q", "A search is at most 200 characters on one line");
        query.text = text.value();
    }
    if (auto category = param("category"); category && !category->empty())
        query.category = TRY(check_slug(*category, "category"));
    if (auto level = param("level"); level && !level->empty())
        query.level = TRY(parse_course_level(*level));
    if (auto language = param("language"); language && !language->empty())
        query.language = TRY(check_language(*language));
    if (auto price = param("price"); price && !price->empty())
        query.price = TRY(parse_price_band(*price));
    if (auto rating = param("rating"); rating && !rating->empty()) {
        query.min_rating_tenths = rating_param_tenths(*rating);
        if (query.min_rating_tenths == 0)
            return invalid("rating", "A rating filter is 3, 3.5, 4 or 4.5 (stars and up)");
    }
    if (auto sort = param("sort"); sort && !sort->empty()) {
        bool found = false;
        for (const auto& row : k_sorts)
            if (row.name == *sort) {
                query.sort = row.sort;
                found = true;
            }
        if (!found)
            return invalid("sort", "Sort by relevance, newest, rating, price_low or price_high");
    }
    if (auto limit = param("limit"))
        query.limit = TRY(whole_number(*limit, "limit", 1, k_catalog_page_most));
    if (auto offset = param("offset"))
        query.offset = TRY(whole_number(*offset, "offset", 0, 1000000));
    return query;
}

std::string prefix_tsquery(std::string_view text)
{
    std::string out, word;
    auto finish_word = [&] {
        if (word.empty())
            return;
        if (!out.empty())
            out += " & ";
        // Quoted, so that nothing inside can read as an operator or a space.
        out += '\'';
        out += word;
        out += "':*";
        word.clear();
    };
    for (std::size_t at = 0; at < text.size();) {
        auto c = decode_utf8_at(text, at);
        if (is_word_character(c.code_point)) {
            if (c.code_point >= 'A' && c.code_point <= 'Z')
                word += static_cast<char>(c.code_point - 'A' + 'a');
            else
                append_utf8(word, c.code_point);
        } else {
            finish_word();
        }
        at += c.length;
    }
    finish_word();
    return out;
}

bool search_has_operators(std::string_view text)
{
    if (text.find('"') != std::string_view::npos)
        return true;
    bool word_start = true;
    std::string word;
    auto is_or = [&] { return word == "or" || word == "OR" || word == "Or" || word == "oR"; };
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            if (is_or())
                return true;
            word.clear();
            word_start = true;
            continue;
        }
        if (c == '-' && word_start)
            return true;
        word_start = false;
        word += c;
    }
    return false;
}

std::string catalog_query_string(const CatalogQuery& query)
{
    std::string out;
    auto add = [&](std::string_view name, std::string_view value) {
        if (value.empty())
            return;
        if (!out.empty())
            out += '&';
        out += name;
        out += '=';
        append_encoded(out, value);
    };
    add("q", query.text);
    add("category", query.category);
    if (query.level)
        add("level", course_level_name(*query.level));
    add("language", query.language);
    if (query.price)
        add("price", price_band_name(*query.price));
    if (query.min_rating_tenths > 0)
        add("rating", rating_param_text(query.min_rating_tenths));
    if (query.sort != CatalogSort::Relevance)
        add("sort", catalog_sort_name(query.sort));
    if (query.limit != 20)
        add("limit", std::to_string(query.limit));
    if (query.offset != 0)
        add("offset", std::to_string(query.offset));
    return out;
}

std::string rating_param_text(int tenths)
{
    auto whole = std::to_string(tenths / 10);
    return tenths % 10 == 0 ? whole : whole + "." + std::to_string(tenths % 10);
}

int rating_param_tenths(std::string_view text)
{
    for (int tenths : k_rating_thresholds)
        if (text == rating_param_text(tenths))
            return tenths;
    return 0;
}

std::string rating_threshold_for_people(int tenths)
{
    return rating_param_text(tenths) + " stars and up";
}

std::string rating_for_people(std::int64_t stars_sum, std::int64_t ratings)
{
    if (ratings <= 0)
        return "";
    // Tenths, rounded half up: (sum × 10 + count / 2) / count, integers only.
    const auto tenths = (stars_sum * 10 + ratings / 2) / ratings;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// [SECTION] Categories

std::vector<CategoryFacet> roll_up_categories(const std::vector<Category>& categories,
    const std::vector<std::pair<std::int64_t, std::int64_t>>& own)
{
    std::map<std::int64_t, const Category*> by_id;
    std::map<std::int64_t, std::vector<const Category*>> children;
    for (const auto& c : categories)
        by_id[c.id] = &c;
    std::vector<const Category*> tops;
    for (const auto& c : categories) {
        if (c.parent_id == 0)
            tops.push_back(&c);
        else if (by_id.count(c.parent_id))
            children[c.parent_id].push_back(&c);
    }
    std::map<std::int64_t, std::int64_t> counts;
    for (const auto& [id, n] : own)
        counts[id] += n;

    std::vector<CategoryFacet> out;
    std::set<std::int64_t> seen;
    // Depth first from each top category: a category reached twice (a loop)
    // is not walked again.
    auto walk = [&](auto&& self, const Category* c, int depth) -> std::int64_t {
        if (!seen.insert(c->id).second)
            return 0;
        auto at = out.size();
        out.push_back({ c->id, c->slug, c->name, depth, 0 });
        std::int64_t total = counts.count(c->id) ? counts[c->id] : 0;
        for (const auto* child : children[c->id])
            total += self(self, child, depth + 1);
        out[at].courses = total;
        return total;
    };
    for (const auto* top : tops)
        walk(walk, top, 0);
    return out;
}

} // namespace learnloop
