// Reviews of a marketplace course (reviews.hpp).
#include "marketplace/reviews.hpp"

#include "core/validation.hpp"

namespace learnloop {

Result<ReviewText> read_review(const Json& body)
{
    auto reader = TRY(JsonObjectReader::open(body, ""));
    ReviewText review;
    const auto* stars = TRY(reader.require("stars"));
    if (!stars->is_number_integer() || stars->get<std::int64_t>() < 1 || stars->get<std::int64_t>() > 5)
        return make_error(ErrorCode::InvalidArgument, "Give the course 1 to 5 stars", "stars");
    review.stars = stars->get<int>();
    if (const auto* text = reader.find("body")) {
        if (!text->is_string())
            return make_error(ErrorCode::InvalidArgument, "body must be text", "body");
        review.body = TRY(validate_text(text->get<std::string>(), "body", "A review", 0, k_review_most_characters,
            TextLines::Multiple));
    }
    TRY(reader.reject_unknown("a review"));
    return review;
}

Result<void> check_may_review(const CourseProgress& progress)
{
    if (progress.completed == 0)
        return make_error(ErrorCode::FailedPrecondition, "Finish a lesson of this course before reviewing it");
    return {};
}

Result<std::string> read_review_reply(const Json& body)
{
    auto reader = TRY(JsonObjectReader::open(body, ""));
    const auto* text = TRY(reader.require("reply"));
    TRY(reader.reject_unknown("a reply"));
    if (!text->is_string())
        return make_error(ErrorCode::InvalidArgument, "reply must be text", "reply");
    return validate_text(text->get<std::string>(), "reply", "A reply", 1, k_review_most_characters, TextLines::Multiple);
}

} // namespace learnloop
