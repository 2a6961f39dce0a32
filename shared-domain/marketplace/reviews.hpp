// Reviews of a marketplace course: one per learner, editable, from those
// who have done part of it; the instructor may reply; a moderator may hide
// one from the catalog (its stars then leave the course's rating).
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "marketplace/progress.hpp"

#include <string>

namespace learnloop {

inline constexpr std::size_t k_review_most_characters = 4000;

struct ReviewText {
    int stars = 0;       // 1 to 5
    std::string body;    // may be empty: stars alone are a review
};

// {"stars": 1-5, "body"?: up to 4000 characters, lines allowed}; errors name
// the field, in words for people.
[[nodiscard]] Result<ReviewText> read_review(const Json& body);

// A learner reviews a course once they have done at least one of its lessons
// (FailedPrecondition otherwise, saying so).
[[nodiscard]] Result<void> check_may_review(const CourseProgress& progress);

// {"reply": 1-4000 characters} (an instructor's answer to a review).
[[nodiscard]] Result<std::string> read_review_reply(const Json& body);

} // namespace learnloop
