// An instructor's course as they write it: its catalog face and price, its
// modules and lessons, and their order. The browser's forms and the server
// read the same requests here, so both refuse the same things in the same
// words; the browser also moves lessons and modules with the rules here
// before it sends the new order.
//   {"title": "Python for Data Analysis", "slug": "python-for-data-analysis",
//    "subtitle": "...", "description": "...", "category_id": 4, "level": "beginner",
//    "language": "en", "tags": ["python", "pandas"], "prerequisites": "",
//    "price": {"kind": "one_time", "amount": "49.00", "currency": "GBP"}}
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/pricing.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

inline constexpr std::size_t k_course_subtitle_most = 160;
inline constexpr std::size_t k_course_description_most = 4000;
inline constexpr std::size_t k_course_prerequisites_most = 500;
inline constexpr std::size_t k_course_tags_most = 10;
inline constexpr std::size_t k_course_tag_most = 30;   // characters of one tag
inline constexpr std::size_t k_lesson_body_most = 20000;
inline constexpr std::size_t k_video_url_most = 500;
inline constexpr int k_lesson_minutes_most = 600;
inline constexpr std::size_t k_course_modules_most = 100;
inline constexpr std::size_t k_module_lessons_most = 200;

// What the catalog shows of a course, as its instructor writes it.
struct CourseFace {
    std::string title;                  // 1 to 200 characters, one line
    std::string slug;                   // check_slug
    std::string subtitle;               // up to 160, one line
    std::string description;            // up to 4,000, paragraphs
    std::int64_t category_id = 0;       // 0: none
    std::optional<CourseLevel> level;   // none: any level
    std::string language = "en";        // check_language
    std::vector<std::string> tags;      // up to 10 distinct, each 1 to 30 characters, one line, lower-cased
    std::string prerequisites;          // up to 500, paragraphs
    Price price;                        // read_price

    bool operator==(const CourseFace&) const = default;
};

// Reads a course's face; errors name the field ("tags[2]", "price.amount").
// Text is trimmed; unknown fields are refused. `instructor_id` is read
// elsewhere (the server's), so it is let through here.
[[nodiscard]] Result<CourseFace> read_course_face(const Json& json);
[[nodiscard]] Json course_face_json(const CourseFace& face);

// A module's title: 1 to 200 characters, one line (error on "title").
[[nodiscard]] Result<std::string> read_module_title(const Json& json);

enum class LessonKind { Text, Video, Quiz };
[[nodiscard]] std::string_view lesson_kind_name(LessonKind kind);          // "text", "video", "quiz"
[[nodiscard]] Result<LessonKind> parse_lesson_kind(std::string_view name); // error on field "kind"

// A lesson as written: a title, a kind, the minutes it takes (0 to 600), a
// text (up to 20,000 characters, paragraphs; a video's notes), a video's
// https address (video lessons only, required there), and a quiz of the
// course (quiz lessons only, required there).
struct LessonDraft {
    std::string title;
    LessonKind kind = LessonKind::Text;
    int minutes = 0;
    std::string body;
    std::string video_url;
    std::int64_t quiz_id = 0;

    bool operator==(const LessonDraft&) const = default;
};
[[nodiscard]] Result<LessonDraft> read_lesson_draft(const Json& json);
[[nodiscard]] Json lesson_draft_json(const LessonDraft& draft);

// [SECTION] The order of modules and lessons

struct OutlineModule {
    std::int64_t id = 0;
    std::vector<std::int64_t> lessons;   // in order

    bool operator==(const OutlineModule&) const = default;
};
using Outline = std::vector<OutlineModule>;   // modules in order

// {"modules": [{"id": 3, "lessons": [10, 11]}, {"id": 4, "lessons": []}]}
[[nodiscard]] Result<Outline> read_outline(const Json& json);
[[nodiscard]] Json outline_json(const Outline& outline);

// Whether `asked` orders exactly the modules and lessons of `now`: each
// module once, each lesson once, none added or left out (lessons may move
// between modules). FailedPrecondition when the course changed meanwhile.
[[nodiscard]] Result<void> check_same_parts(const Outline& now, const Outline& asked);

// A lesson one place up (-1) or down (+1): past its module's first or last
// lesson it moves to the end of the module before or the start of the one
// after. Unchanged when it cannot move further or is not there.
[[nodiscard]] Outline move_lesson(Outline outline, std::int64_t lesson_id, int step);
// A module one place up (-1) or down (+1), with its lessons.
[[nodiscard]] Outline move_module(Outline outline, std::int64_t module_id, int step);

// Whether a course may be published with `lessons` lessons: it needs one at
// least (FailedPrecondition saying so).
[[nodiscard]] Result<void> check_publishable(std::int64_t lessons);

} // namespace learnloop
