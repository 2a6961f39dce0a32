// Reviews of a marketplace course (review_handlers.hpp).
#include "marketplace/review_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/learning_handlers.hpp"
#include "marketplace/reviews.hpp"

namespace learnloop::server {

namespace {

const char* k_course_not_found = "Course not found";
const char* k_review_not_found = "Review not found";

// The course a review route names, as the caller may see it (a live course
// of the tenant: published, or theirs to manage).
Result<pqxx::row> course_of(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto id = TRY(parse_id(req.matches[1], k_course_not_found));
    const auto manage = reach_for(caller, Action::CourseManage);
    auto rows = exec_named(txn, "marketplace/catalog_course", id, caller.user_id, manage.scope_name());
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_course_not_found);
    return rows[0];
}

Json review_json(const pqxx::row& row)
{
    return { { "stars", row["stars"].as<int>() }, { "body", row["body"].as<std::string>() },
        { "reply", nullable_json<std::string>(row["reply"]) },
        { "hidden", row["hidden"].as<bool>() } };
}

Json rating_json(pqxx::work& txn, std::int64_t course)
{
    const auto row = exec_named(txn, "marketplace/course_rating", course)[0];
    const auto count = row["rating_count"].as<std::int64_t>();
    return { { "rating", count > 0 ? Json(rating_for_people(row["rating_sum"].as<std::int64_t>(), count)) : Json(nullptr) },
        { "rating_count", count } };
}

} // namespace

Result<ApiResponse> handle_write_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto course = TRY(course_of(req, txn, caller));
    const auto review = TRY(read_review(TRY(parse_json_body(req))));
    const auto id = course["id"].as<std::int64_t>();
    if (!course["is_enrolled"].as<bool>())
        return make_error(ErrorCode::PermissionDenied, "Enrol in this course and take part of it to review it");
    TRY(check_may_review(learner_progress(txn, id, caller.user_id)));
    auto before = exec_named(txn, "marketplace/review_of", id, caller.user_id);
    exec_named(txn, "marketplace/save_review", caller.tenant_id, id, caller.user_id, review.stars, review.body);
    append_audit(txn, { caller.tenant_id, caller.actor(), "review.write", "course", std::to_string(id),
                          before.empty() ? Json(nullptr) : review_json(before[0]),
                          { { "stars", review.stars }, { "body", review.body } } });
    Json body = rating_json(txn, id);
    body["message"] = before.empty() ? "Thank you for your review" : "Your review is updated";
    return json_response(before.empty() ? 201 : 200, std::move(body));
}

Result<ApiResponse> handle_reply_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto course = TRY(course_of(req, txn, caller));
    const auto learner = TRY(parse_id(req.matches[2], k_review_not_found));
    const auto reply = TRY(read_review_reply(TRY(parse_json_body(req))));
    const auto id = course["id"].as<std::int64_t>();
    if (reach_for(caller, Action::ReviewReply).scope != Scope::Tenant
        && course["instructor_id"].as<std::int64_t>() != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "Only the course's instructor answers its reviews");
    auto before = exec_named(txn, "marketplace/review_of", id, learner);
    if (before.empty())
        return make_error(ErrorCode::NotFound, k_review_not_found);
    exec_named(txn, "marketplace/reply_review", id, learner, reply);
    append_audit(txn, { caller.tenant_id, caller.actor(), "review.reply", "course", std::to_string(id),
                          { { "learner_id", learner }, { "reply", review_json(before[0])["reply"] } },
                          { { "learner_id", learner }, { "reply", reply } } });
    return json_response(200, { { "message", "Your reply is published" }, { "reply", reply } });
}

Result<ApiResponse> handle_hide_review(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto course = TRY(course_of(req, txn, caller));
    const auto learner = TRY(parse_id(req.matches[2], k_review_not_found));
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "hidden" }));
    const auto hidden = TRY(json_bool_field(body, "hidden"));
    const auto id = course["id"].as<std::int64_t>();
    auto before = exec_named(txn, "marketplace/review_of", id, learner);
    if (before.empty())
        return make_error(ErrorCode::NotFound, k_review_not_found);
    exec_named(txn, "marketplace/hide_review", id, learner, hidden);
    append_audit(txn, { caller.tenant_id, caller.actor(), "review.moderate", "course", std::to_string(id),
                          { { "learner_id", learner }, { "hidden", before[0]["hidden"].as<bool>() } },
                          { { "learner_id", learner }, { "hidden", hidden } } });
    Json answer = rating_json(txn, id);
    answer["message"] = hidden ? "The review is hidden from the catalog" : "The review is shown again";
    answer["hidden"] = hidden;
    return json_response(200, std::move(answer));
}

} // namespace learnloop::server
