// Coupons: made by administrators (any course) and instructors (their own
// courses), listed with their uses, ended by hand; a learner tries one on a
// course's price and buys with it. The rules are shared-domain
// marketplace/pricing (read_coupon_request, coupon_state, apply_coupon).
#pragma once

#include "http/api.hpp"
#include "marketplace/pricing.hpp"

namespace learnloop::server {

// A coupon a learner typed, applied to a course's price.
struct AppliedCoupon {
    std::int64_t id = 0;
    std::string code;
    std::string off_label;   // "25% off"
    Money pays;              // the price less what it takes off
    Money off;               // what it takes off
};

// Applies the coupon typed as `typed` to course `course_id`'s `price` now;
// refused on field "coupon", in words for the learner, when there is no such
// code or apply_coupon refuses it. Call lock_coupon first when an order is to
// be made with it.
[[nodiscard]] Result<AppliedCoupon> apply_typed_coupon(pqxx::work& txn, std::string_view typed,
    std::int64_t course_id, const Price& price);
// Locks the typed coupon's row (if there is one) until the transaction ends.
void lock_coupon(pqxx::work& txn, std::string_view typed);

// A coupon's rule from its row (marketplace/_coupon_columns.sql), with its
// uses counted.
[[nodiscard]] Coupon coupon_of(const pqxx::row& row);
// Writes a new coupon of tenant `tenant_id` made by `maker`, its last day's
// end in `time_zone`, with its chosen courses; none when its code is taken.
[[nodiscard]] std::optional<std::int64_t> insert_coupon(pqxx::work& txn, std::int64_t tenant_id,
    const CouponRequest& request, const std::string& time_zone, std::int64_t maker);

// GET /api/marketplace/coupons?limit&offset
[[nodiscard]] Result<ApiResponse> handle_coupons(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /api/marketplace/coupons/courses: the courses the caller may choose.
[[nodiscard]] Result<ApiResponse> handle_coupon_courses(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/coupons
[[nodiscard]] Result<ApiResponse> handle_create_coupon(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// PUT /api/marketplace/coupons/{id}: its last day and usage limit
[[nodiscard]] Result<ApiResponse> handle_change_coupon(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// POST /api/marketplace/coupons/{id}/end
[[nodiscard]] Result<ApiResponse> handle_end_coupon(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/courses/{id}/price?coupon=CODE: what the learner would pay.
[[nodiscard]] Result<ApiResponse> handle_course_price(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

} // namespace learnloop::server
