// The marketplace area's routes: the catalog and its courses' pages.
#include "marketplace/routes.hpp"

#include "http/schema.hpp"
#include "marketplace/catalog_handlers.hpp"
#include "marketplace/certificates/certificate_handlers.hpp"
#include "marketplace/certificates/verify_page.hpp"
#include "marketplace/coupon_handlers.hpp"
#include "marketplace/dashboard_handlers.hpp"
#include "marketplace/learning_handlers.hpp"
#include "marketplace/order_handlers.hpp"
#include "marketplace/payout_handlers.hpp"
#include "marketplace/public_catalog.hpp"
#include "marketplace/payments/sandbox_provider.hpp"
#include "marketplace/review_handlers.hpp"
#include "marketplace/studio_handlers.hpp"

namespace learnloop::server {

AreaApi marketplace_api()
{
    AreaApi api { "marketplace",
        "A course marketplace: a catalog of instructors' published courses, searched with facets", {}, Json::object() };
    auto& s = api.schemas;
    const auto price = object_schema(
        { { "kind", enum_schema({ "free", "one_time", "subscription" }) },
            { "amount", string_schema("Decimal text in the currency's unit: \"49.00\"") },
            { "currency", string_schema("ISO 4217") }, { "period", enum_schema({ "monthly", "yearly" }) } },
        { "kind" });
    const auto level = nullable(enum_schema({ "beginner", "intermediate", "advanced" }));
    const std::initializer_list<std::pair<const char*, Json>> card_fields {
        { "id", id_schema() }, { "slug", string_schema("The course's address: small letters, digits and dashes") },
        { "title", string_schema() }, { "subtitle", string_schema() }, { "level", level },
        { "level_label", nullable(string_schema()) }, { "language", string_schema("BCP 47 primary tag: \"es\"") },
        { "language_label", string_schema("\"Spanish\"") }, { "price", price },
        { "price_label", string_schema("\"£12.00 a month\", \"Free\"") }, { "instructor_id", id_schema() },
        { "instructor_name", string_schema() }, { "category_slug", nullable(string_schema()) },
        { "category_name", nullable(string_schema()) }, { "published_at", nullable(utc_timestamp_schema()) },
        { "rating", nullable(string_schema("The average of its reviews, \"4.6\"; absent where ratings are hidden")) },
        { "rating_count", integer_schema("Absent where ratings are hidden") },
        { "enrolled", integer_schema("Learners enrolled; absent where the tenant hides it") },
        { "lessons", integer_schema() }, { "minutes", integer_schema("The lessons' minutes added up") } };
    s["CatalogCourse"] = object_schema(card_fields,
        { "id", "slug", "title", "subtitle", "level", "language", "price", "price_label", "instructor_name", "lessons",
            "minutes" });
    const auto facet = array_of(object_schema({ { "value", string_schema("The filter's parameter value") },
                                                  { "label", string_schema() }, { "courses", integer_schema() },
                                                  { "depth", integer_schema("Categories: 0 at the top") } },
        { "value", "label", "courses" }));
    auto recommended = object_schema(card_fields, {});
    recommended["properties"]["because"] = nullable(string_schema("The title of the learner's course that led to it"));
    recommended["properties"]["reason"] = string_schema("\"Because you take Python for Data Analysis\", "
                                                        "\"Popular with learners\"");
    recommended["required"] = { "id", "slug", "title", "price", "price_label", "instructor_name", "because", "reason" };
    s["Recommendations"] = array_of(std::move(recommended));
    s["Catalog"] = object_schema(
        { { "courses", array_of(schema_ref("CatalogCourse")) }, { "total", integer_schema("Courses found") },
            { "limit", integer_schema() }, { "offset", integer_schema() },
            { "query", string_schema("The search's parameters without defaults: \"q=python&level=beginner\"") },
            { "facets", object_schema({ { "category", facet }, { "level", facet }, { "language", facet },
                                            { "price", facet }, { "rating", facet } },
                            { "category", "level", "language", "price" }) },
            { "show_ratings", boolean_schema() }, { "show_enrollments", boolean_schema() },
            { "marketplace_name", string_schema("For visitors (/api/public/...): whose catalog it is") } },
        { "courses", "total", "limit", "offset", "query", "facets", "show_ratings", "show_enrollments" });
    auto page = object_schema(card_fields, {});
    const Json more = object_schema(
        { { "description", string_schema("Paragraphs separated by a blank line") },
            { "prerequisites", string_schema() }, { "status", enum_schema({ "draft", "published", "archived" }) },
            { "instructor_bio", string_schema() }, { "parent_category_name", nullable(string_schema()) },
            { "is_enrolled", boolean_schema("The caller is enrolled") }, { "tags", array_of(string_schema()) },
            { "modules", array_of(object_schema(
                             { { "title", string_schema() },
                                 { "lessons", array_of(object_schema(
                                                  { { "id", id_schema() }, { "title", string_schema() },
                                                      { "kind", enum_schema({ "text", "video", "quiz" }) },
                                                      { "kind_label", string_schema() }, { "minutes", integer_schema() } },
                                                  { "id", "title", "kind", "kind_label", "minutes" })) } },
                             { "title", "lessons" })) },
            { "reviews", array_of(object_schema(
                             { { "name", string_schema("Short: \"Mei C.\"") }, { "stars", integer_schema("1 to 5") },
                                 { "body", string_schema() }, { "updated_at", utc_timestamp_schema() },
                                 { "reply", nullable(string_schema("The instructor's")) },
                                 { "replied_at", nullable(utc_timestamp_schema()) },
                                 { "learner_id", id_schema() },
                                 { "hidden", boolean_schema("Moderators only: hidden from the catalog") } },
                             { "name", "stars", "body", "updated_at", "reply", "replied_at" })) } },
        {});
    page["properties"].update(more["properties"]);
    page["required"] = { "id", "slug", "title", "subtitle", "description", "status", "price", "price_label",
        "instructor_name", "modules", "reviews", "is_enrolled", "lessons", "minutes" };
    const auto progress = object_schema(
        { { "completed", integer_schema("Lessons done") }, { "total", integer_schema() },
            { "percent", integer_schema("Rounded down: 100 only when every lesson is done") },
            { "finished", boolean_schema() },
            { "continue_lesson_id", nullable(id_schema()) },
            { "continue_position", integer_schema("Seconds into it") },
            { "text", string_schema("\"3 of 12 lessons done (25%)\"") } },
        { "completed", "total", "percent", "finished", "continue_lesson_id", "text" });
    page["properties"]["progress"] = nullable(progress);
    page["properties"]["my_review"] = nullable(object_schema(
        { { "stars", integer_schema() }, { "body", string_schema() }, { "reply", nullable(string_schema()) } },
        { "stars", "body", "reply" }));
    page["properties"]["may_review"] = boolean_schema("The caller is enrolled and has done a lesson");
    page["properties"]["marketplace_name"] = string_schema("For visitors (/api/public/...): whose catalog it is");
    s["CatalogCoursePage"] = std::move(page);
    s["Enrolled"] = message_schema({ { "course_id", id_schema() } });
    s["Review"] = request_schema({ { "stars", integer_schema("1 to 5") },
                                     { "body", string_schema("Up to 4,000 characters, lines allowed; may be left out") } },
        { "stars" });
    s["ReviewSaved"] = message_schema({ { "rating", nullable(string_schema("The course's rating now: \"4.6\"")) },
        { "rating_count", integer_schema() } });
    s["ReviewReply"] = request_schema({ { "reply", string_schema("1 to 4,000 characters") } }, { "reply" });
    s["ReviewReplied"] = message_schema({ { "reply", string_schema() } });
    s["ReviewVisibility"] = request_schema({ { "hidden", boolean_schema() } }, { "hidden" });
    s["ReviewModerated"] = message_schema({ { "hidden", boolean_schema() },
        { "rating", nullable(string_schema()) }, { "rating_count", integer_schema() } });
    s["MyCourses"] = array_of(object_schema(
        { { "id", id_schema() }, { "slug", string_schema() }, { "title", string_schema() },
            { "subtitle", string_schema() }, { "instructor_name", string_schema() },
            { "enrolled_at", utc_timestamp_schema() }, { "last_active", nullable(utc_timestamp_schema()) },
            { "progress", progress },
            { "certificate_id", nullable(string_schema("The learner's certificate in force for it (a UUID)")) },
            { "certificate_left", array_of(string_schema("What the course's certificate still asks, for people: "
                                                         "\"3 more lessons\"; none: it can be had now")) } },
        { "id", "slug", "title", "instructor_name", "enrolled_at", "last_active", "progress", "certificate_id",
            "certificate_left" }));
    const auto mark = object_schema({ { "completed", boolean_schema() }, { "seconds_spent", integer_schema() },
                                        { "position_seconds", integer_schema() } },
        { "completed", "seconds_spent", "position_seconds" });
    s["Lesson"] = object_schema(
        { { "id", id_schema() }, { "title", string_schema() }, { "kind", enum_schema({ "text", "video", "quiz" }) },
            { "kind_label", string_schema() }, { "minutes", integer_schema() },
            { "body", string_schema("Paragraphs separated by a blank line; **bold** and lines starting \"- \"") },
            { "video_url", nullable(string_schema()) }, { "course_id", id_schema() }, { "course_title", string_schema() },
            { "module_title", string_schema() }, { "previous_lesson_id", nullable(id_schema()) },
            { "next_lesson_id", nullable(id_schema()) },
            { "attachments", array_of(schema_ref("LessonFile")) },
            { "progress", nullable(mark) } },
        { "id", "title", "kind", "body", "course_id", "course_title", "module_title", "previous_lesson_id",
            "next_lesson_id", "attachments", "progress" });
    s["LessonFile"] = object_schema({ { "id", id_schema() }, { "name", string_schema() },
                                        { "size_bytes", integer_schema() },
                                        { "size_text", string_schema("For people: \"24 KB\"") } },
        { "id", "name", "size_bytes", "size_text" });
    s["ProgressMark"] = request_schema(
        { { "completed", boolean_schema() },
            { "seconds_spent", integer_schema("Seconds in the lesson so far, 0 to 360000: the kept time only grows") },
            { "position_seconds", integer_schema("Where it was left, 0 to 360000") } },
        {});
    auto saved = mark;
    saved["properties"]["lesson_id"] = id_schema();
    saved["properties"]["message"] = string_schema();
    saved["properties"]["course_progress"] = progress;
    const auto certificate_made = message_schema({ { "id", string_schema("The certificate's UUID") },
        { "url", string_schema("Its public verification page: /verify/<id>") } });
    saved["properties"]["certificate"] = schema_ref("CertificateMade");
    s["ProgressSaved"] = std::move(saved);
    s["CertificateMade"] = certificate_made;
    const auto certificate = object_schema(
        { { "id", string_schema("A UUID") }, { "course_id", id_schema() }, { "course_title", string_schema() },
            { "course_slug", nullable(string_schema()) }, { "learner_id", id_schema() },
            { "learner_name", string_schema() }, { "issued_at", utc_timestamp_schema() },
            { "url", string_schema("Its public verification page") }, { "status", enum_schema({ "valid", "revoked" }) },
            { "status_label", string_schema("\"Valid\", \"Revoked\"") },
            { "revoked_at", nullable(utc_timestamp_schema()) }, { "revoked_reason", nullable(string_schema()) } },
        { "id", "course_id", "course_title", "learner_id", "learner_name", "issued_at", "url", "status",
            "status_label", "revoked_at", "revoked_reason" });
    s["Certificate"] = certificate;
    s["Certificates"] = array_of(schema_ref("Certificate"));
    auto revoked = certificate;
    revoked["properties"]["message"] = string_schema();
    s["CertificateRevoked"] = std::move(revoked);
    s["CertificateRevocation"] = request_schema({ { "reason", string_schema("1 to 500 characters, shown on its public page") } },
        { "reason" });
    s["AchievementCredential"] = object_schema({ { "@context", array_of(string_schema()) },
                                                   { "id", string_schema("urn:uuid:<the certificate's id>") },
                                                   { "type", array_of(string_schema()) },
                                                   { "proof", array_of(Json::object()) } },
        { "@context", "id", "type" });
    s["AchievementCredential"]["description"] = "An Open Badges 3.0 AchievementCredential with an eddsa-jcs-2022 proof";
    s["CertificateCheck"] = object_schema(
        { { "status", enum_schema({ "valid", "revoked", "invalid", "unknown_issuer", "unreadable" }) },
            { "status_label", string_schema() }, { "valid", boolean_schema() },
            { "problem", nullable(string_schema("For people, when not valid")) },
            { "certificate", object_schema({ { "id", nullable(string_schema()) }, { "learner_name", string_schema() },
                                               { "course_title", string_schema() },
                                               { "issued_at", utc_timestamp_schema() },
                                               { "issuer_name", string_schema() },
                                               { "issuer_key", string_schema("did:key:z6Mk…") },
                                               { "criteria", string_schema() } },
                                 {}) },
            { "issuer_known", boolean_schema("The key is one a Learnloop organisation signs with") },
            { "revoked", object_schema({ { "at", utc_timestamp_schema() }, { "reason", string_schema() } }, {}) } },
        { "status", "status_label", "valid", "problem" });

    const auto money = object_schema(
        { { "minor", integer_schema("In the currency's minor unit") }, { "text", string_schema("\"£49.00\"") } },
        { "minor", "text" });
    const auto split = object_schema({ { "gross", money }, { "processing_fee", money }, { "platform_fee", money },
                                         { "instructor_share", money } },
        { "gross", "processing_fee", "platform_fee", "instructor_share" });
    const auto status = enum_schema({ "pending", "paid", "partly_refunded", "refunded", "cancelled", "expired" });
    const std::initializer_list<std::pair<const char*, Json>> order_fields { { "id", id_schema() },
        { "course_id", id_schema() }, { "course_title", string_schema() }, { "status", status },
        { "status_label", string_schema("\"Awaiting payment\", \"Paid\", \"Partly refunded\", ...") },
        { "currency", string_schema("ISO 4217") }, { "amount", money }, { "refunded", money },
        { "discount", money }, { "coupon", nullable(string_schema("The coupon it was bought with")) },
        { "created_at", utc_timestamp_schema() },
        { "paid_at", nullable(utc_timestamp_schema()) },
        { "checkout_url", nullable(string_schema("Where to pay, while the order is waiting")) },
        { "learner_id", id_schema() }, { "learner_name", string_schema() },
        { "split", split }, { "refunded_split", split } };
    s["Order"] = object_schema(order_fields,
        { "id", "course_id", "course_title", "status", "status_label", "currency", "amount", "refunded", "created_at",
            "paid_at" });
    s["Orders"] = array_of(schema_ref("Order"));
    auto order_page = object_schema(order_fields, {});
    order_page["properties"]["course_slug"] = string_schema();
    order_page["properties"]["has_access"] = boolean_schema("The learner has the course through this order");
    order_page["properties"]["platform_fee_bp"] = integer_schema("Administrators only: the fee the split was made with");
    order_page["properties"]["refunds"] = array_of(object_schema(
        { { "id", id_schema() }, { "amount", money }, { "created_at", utc_timestamp_schema() },
            { "reason", string_schema("Not on a learner's own orders") }, { "refunded_by", string_schema() } },
        { "id", "amount", "created_at" }));
    order_page["properties"]["message"] = string_schema("After a refund");
    order_page["required"] = { "id", "course_id", "course_title", "course_slug", "status", "status_label", "amount",
        "refunded", "created_at", "paid_at", "has_access", "refunds" };
    s["OrderPage"] = std::move(order_page);
    s["Checkout"] = request_schema({ { "coupon", string_schema("A coupon code as typed; may be left out") } }, {});
    auto checkout_made = message_schema({ { "order_id", id_schema() },
        { "checkout_url", string_schema("The provider's checkout page: send the learner there (absent when a "
                                        "coupon took the whole price off)") },
        { "enrolled", boolean_schema("The learner has the course already: a coupon took the whole price off") } });
    checkout_made["required"] = { "message", "order_id", "enrolled" };
    s["CheckoutMade"] = std::move(checkout_made);
    s["CoursePrice"] = message_schema({ { "coupon", string_schema("The code as kept: \"SPRING-25\"") },
        { "off_label", string_schema("\"25% off\"") }, { "price", money }, { "pays", money },
        { "off", money } });
    const std::initializer_list<std::pair<const char*, Json>> coupon_fields { { "id", id_schema() },
        { "code", string_schema() }, { "kind", enum_schema({ "percent", "fixed" }) },
        { "percent", integer_schema("Percent coupons: 1 to 100") }, { "amount_off", money },
        { "off_label", string_schema("\"25% off\", \"£5.00 off\"") },
        { "expires_on", nullable(string_schema("The last day it works (YYYY-MM-DD, the tenant's zone)")) },
        { "usage_limit", integer_schema("0: any number of orders") },
        { "used", integer_schema("Orders made with it that were not given up") },
        { "course_ids", array_of(id_schema()) },
        { "course_titles", string_schema("\"; \"-separated; empty: every course") },
        { "state", enum_schema({ "active", "expired", "used_up", "ended" }) }, { "state_label", string_schema() },
        { "created_at", utc_timestamp_schema() }, { "created_by_name", string_schema() } };
    s["Coupon"] = object_schema(coupon_fields,
        { "id", "code", "kind", "off_label", "expires_on", "usage_limit", "used", "course_ids", "state", "state_label" });
    s["Coupons"] = array_of(schema_ref("Coupon"));
    s["CouponCourses"] = object_schema(
        { { "courses", array_of(object_schema({ { "id", id_schema() }, { "title", string_schema() },
                                                    { "price_label", string_schema("\"£49.00\"") },
                                                    { "currency", string_schema("ISO 4217; empty when free") } },
                           { "id", "title", "price_label", "currency" })) },
            { "currency", string_schema("The marketplace's: the usual one for an amount off") } },
        { "courses", "currency" });
    auto coupon_made = object_schema(coupon_fields, {});
    coupon_made["properties"]["message"] = string_schema();
    s["CouponMade"] = std::move(coupon_made);
    s["NewCoupon"] = request_schema(
        { { "code", string_schema("3 to 32 letters, digits and dashes; kept in capitals") },
            { "percent", integer_schema("1 to 100; or amount_off") },
            { "amount_off", string_schema("Decimal text: \"5.00\"; with currency") },
            { "currency", string_schema("ISO 4217, with amount_off") },
            { "expires_on", string_schema("The last day it works, YYYY-MM-DD, today or later; absent: never") },
            { "usage_limit", integer_schema("0 (any number) to 1,000,000") },
            { "course_ids", array_of(id_schema()) } },
        { "code" });
    s["CouponChange"] = request_schema(
        { { "expires_on", nullable(string_schema("The last day it works, YYYY-MM-DD, today or later; null: never")) },
            { "usage_limit", integer_schema("0 (any number) to 1,000,000, not below its uses so far") } },
        {});
    s["RefundRequest"] = request_schema(
        { { "amount", string_schema("Decimal text in the order's currency; absent: all that is left") },
            { "reason", string_schema("Up to 500 characters") } },
        {});
    s["PaymentEvent"] = object_schema(
        { { "id", string_schema("evt_<hex>") },
            { "type", enum_schema({ "checkout.completed", "checkout.cancelled", "checkout.expired" }) },
            { "created", integer_schema("Unix seconds") },
            { "data", object_schema({ { "checkout_id", string_schema() }, { "payment_id", string_schema() },
                                          { "amount_minor", integer_schema() }, { "currency", string_schema() },
                                          { "metadata", object_schema({ { "tenant_id", id_schema() },
                                                                          { "order_id", id_schema() } },
                                                            { "tenant_id", "order_id" }) } },
                          { "checkout_id", "amount_minor", "currency", "metadata" }) } },
        { "id", "type", "created", "data" });

    const auto payout = object_schema(
        { { "id", id_schema() }, { "instructor_id", id_schema() }, { "instructor_name", string_schema() },
            { "month", string_schema("YYYY-MM") }, { "month_label", string_schema("\"Nov 2026\"") },
            { "amount", money }, { "status", enum_schema({ "due", "paid" }) },
            { "status_label", string_schema("\"Due\", \"Paid\"") },
            { "reference", string_schema("The transfer's reference, once paid") },
            { "paid_at", nullable(utc_timestamp_schema()) } },
        { "id", "instructor_id", "instructor_name", "month", "month_label", "amount", "status", "status_label",
            "reference", "paid_at" });
    s["Payout"] = payout;
    s["Payouts"] = array_of(schema_ref("Payout"));
    auto paid_payout = payout;
    paid_payout["properties"]["message"] = string_schema();
    s["PayoutPaid"] = std::move(paid_payout);
    s["PayoutRun"] = request_schema({ { "month", string_schema("YYYY-MM: a month that is over") } }, { "month" });
    s["PayoutsMade"] = message_schema({ { "month", string_schema() }, { "payouts", array_of(schema_ref("Payout")) } });
    s["PayoutReference"] = request_schema({ { "reference", string_schema("1 to 100 characters") } }, { "reference" });
    s["Earnings"] = object_schema(
        { { "instructor_id", id_schema() }, { "instructor_name", string_schema() },
            { "hold_days", integer_schema("Days an order's share is held after payment (the refund window)") },
            { "threshold", money },
            { "currencies", array_of(object_schema({ { "currency", string_schema() }, { "earned", money },
                                                       { "refunded", money }, { "pending", money },
                                                       { "available", money }, { "due", money }, { "paid", money } },
                                { "currency", "earned", "refunded", "pending", "available", "due", "paid" })) },
            { "months", array_of(object_schema(
                            { { "month", string_schema() }, { "month_label", string_schema() },
                                { "orders", integer_schema() },
                                { "money", array_of(object_schema({ { "currency", string_schema() },
                                                                      { "sales", money }, { "share", money },
                                                                      { "refunded", money } },
                                               { "currency", "sales", "share", "refunded" })) } },
                            { "month", "month_label", "orders", "money" })) },
            { "payouts", array_of(schema_ref("Payout")) } },
        { "instructor_id", "instructor_name", "hold_days", "threshold", "currencies", "months", "payouts" });

    api.routes = {
        { Method::Get, "/api/marketplace/catalog", Action::CatalogRead, handle_search_catalog, nullptr,
            "Searches the published courses: words (type-ahead prefixes, any language), filters combined with AND, "
            "a sort and a page, with the count beside each filter",
            "", "Catalog", 200,
            { { "q", string_schema(), "Words to find (up to 200 characters; quotes, or and - as on the web)" },
                { "category", string_schema(), "A category's slug; its subcategories count too" },
                { "level", enum_schema({ "beginner", "intermediate", "advanced" }), "Only this level" },
                { "language", string_schema(), "Only courses taught in this language (\"es\")" },
                { "price", enum_schema({ "free", "under_20", "20_50", "50_100", "100_up" }), "Only this price band" },
                { "rating", enum_schema({ "3", "3.5", "4", "4.5" }), "Only courses rated at least this" },
                { "sort", enum_schema({ "relevance", "newest", "rating", "price_low", "price_high" }), "The order" },
                { "limit", integer_schema(), "Courses on a page, 1 to 50 (20)" },
                { "offset", integer_schema(), "Courses to skip" } } },
        { Method::Get, "/api/marketplace/courses/{id}", Action::CatalogRead, handle_catalog_course, nullptr,
            "A course's page: what it teaches, its modules and lessons (titles only), its instructor and newest "
            "reviews; drafts only to their instructor and administrators",
            "", "CatalogCoursePage", 200 },
        { Method::Post, "/api/marketplace/courses/{id}/enrol", Action::CourseEnrol, handle_enrol, nullptr,
            "Enrols the learner in a published free course (201), or says they already are (200); a paid course is "
            "bought instead (422)",
            "", "Enrolled", 201 },
        { Method::Get, "/api/marketplace/recommendations", Action::CourseEnrol, handle_recommendations, nullptr,
            "Courses for the learner to take next (up to `limit`, 1 to 12, 6 by default): first those in the "
            "categories of courses they take, then beside them, then the best rated; each with why",
            "", "Recommendations", 200,
            { { "limit", integer_schema(), "How many, 1 to 12 (6)" } } },
        { Method::Get, "/api/marketplace/my-courses", Action::CourseEnrol, handle_my_courses, nullptr,
            "The learner's courses, the latest worked in first, each with its progress and where to continue", "",
            "MyCourses", 200 },
        { Method::Get, "/api/marketplace/lessons/{id}", Action::LessonRead, handle_lesson, nullptr,
            "A lesson's text or video, with the lessons before and after it: for enrolled learners (403 for other "
            "learners), the course's instructor and the office",
            "", "Lesson", 200 },
        { Method::Get, "/api/marketplace/files/{id}", Action::LessonRead, handle_lesson_file, nullptr,
            "A lesson's file, to save (Content-Disposition: attachment): for those who may open the lesson",
            "", "", 200, {}, "application/octet-stream" },
        { Method::Put, "/api/marketplace/lessons/{id}/progress", Action::CourseEnrol, handle_lesson_progress, nullptr,
            "Marks the learner's progress in a lesson (completed, time spent, position); replaying a mark changes "
            "nothing",
            "ProgressMark", "ProgressSaved", 200 },
        { Method::Put, "/api/marketplace/courses/{id}/review", Action::ReviewWrite, handle_write_review, nullptr,
            "Writes (201) or edits (200) the learner's review of a course they have done a lesson of (422 before); "
            "the course's rating follows",
            "Review", "ReviewSaved", 201 },
        { Method::Put, "/api/marketplace/courses/{id}/reviews/{learner_id}/reply", Action::ReviewReply,
            handle_reply_review, nullptr, "The instructor's (or an administrator's) answer to a learner's review",
            "ReviewReply", "ReviewReplied", 200 },
        { Method::Put, "/api/marketplace/courses/{id}/reviews/{learner_id}/hidden", Action::ReviewModerate,
            handle_hide_review, nullptr,
            "Hides a review from the catalog (its stars leave the rating), or shows it again", "ReviewVisibility",
            "ReviewModerated", 200 },
        { Method::Post, "/api/marketplace/courses/{id}/checkout", Action::OrderCreate, handle_checkout, nullptr,
            "Buys a paid course: an order with its exact split and the provider's checkout to pay it at (201), or "
            "the order already waiting for payment (200); with a coupon, at its price, and a course it makes free "
            "is the learner's at once; 409 when the learner has the course",
            "Checkout", "CheckoutMade", 201 },
        { Method::Get, "/api/marketplace/courses/{id}/price", Action::OrderCreate, handle_course_price, nullptr,
            "What the learner would pay for a course with a coupon (400 on field coupon, in words, when it does not "
            "apply)",
            "", "CoursePrice", 200, { { "coupon", string_schema(), "The code as typed", true } } },
        { Method::Post, "/api/marketplace/webhooks/sandbox", std::nullopt, nullptr, handle_payment_webhook,
            "The payment provider's signed event (header Sandbox-Signature: t=<unix>,v1=<HMAC-SHA256 hex> of "
            "\"<t>.<body>\"): applied once; a replay changes nothing (200), a forged or stale one is 401",
            "PaymentEvent", "Message", 200 },
        { Method::Get, "/api/marketplace/orders", Action::OrderRead, handle_orders, nullptr,
            "Orders, newest first: a learner's own, an instructor's courses', every one for administrators (with "
            "each order's split)",
            "", "Orders", 200,
            { { "status", status, "Only orders in this state" }, page_limit_param(), page_offset_param() } },
        { Method::Get, "/api/marketplace/orders/{id}", Action::OrderRead, handle_order, nullptr,
            "An order (the learner's receipt once paid) with its refunds", "", "OrderPage", 200 },
        { Method::Post, "/api/marketplace/orders/{id}/refunds", Action::OrderRefund, handle_refund, nullptr,
            "Refunds part or all of a paid order: each part of its split gives back its share; a full refund "
            "takes the course away",
            "RefundRequest", "OrderPage", 201 },
    };
    const QueryParam instructor_param { "instructor_id", id_schema(),
        "The instructor (administrators: required; instructors: themselves)" };
    api.routes.insert(api.routes.end(), {
        { Method::Get, "/api/marketplace/earnings", Action::PayoutRead, handle_earnings, nullptr,
            "An instructor's earnings per currency (earned, refunded, pending in the hold period, available, due, "
            "paid), the last twelve months and their payouts",
            "", "Earnings", 200, { instructor_param } },
        { Method::Get, "/api/marketplace/earnings/statement", Action::PayoutRead, handle_statement, nullptr,
            "A month's statement as CSV: each order paid in it with its split and refunds, and totals", "", "", 200,
            { { "month", string_schema("YYYY-MM"), "The month", true }, instructor_param }, "text/csv" },
        { Method::Get, "/api/marketplace/payouts", Action::PayoutRead, handle_payouts, nullptr,
            "Payouts, newest month first: every instructor's for administrators, one's own for instructors", "",
            "Payouts", 200,
            { { "status", enum_schema({ "due", "paid" }), "Only these" }, page_limit_param(), page_offset_param() } },
        { Method::Post, "/api/marketplace/payouts", Action::PayoutManage, handle_run_payouts, nullptr,
            "Makes a month's payouts due: per instructor and currency, what cleared the hold period from orders paid "
            "up to the month's end, less earlier payouts, where it reaches the threshold (201; 200 when nothing more)",
            "PayoutRun", "PayoutsMade", 201 },
        { Method::Put, "/api/marketplace/payouts/{id}/paid", Action::PayoutManage, handle_payout_paid, nullptr,
            "Marks a due payout sent, with the transfer's reference (409 when it was already)", "PayoutReference",
            "PayoutPaid", 200 },
    });
    api.routes.insert(api.routes.end(), {
        { Method::Post, "/api/marketplace/courses/{id}/certificate", Action::CourseEnrol, handle_claim_certificate,
            nullptr,
            "Issues the learner's certificate for a course whose rule they meet (201), or gives the one they hold "
            "(200); 422 says what is left",
            "", "CertificateMade", 201 },
        { Method::Get, "/api/marketplace/certificates", Action::CertificateRead, handle_certificates, nullptr,
            "Certificates, newest first: a learner's own, an instructor's courses', every one for administrators", "",
            "Certificates", 200,
            { { "course_id", id_schema(), "Only this course's" },
                { "status", enum_schema({ "valid", "revoked" }), "Only these" }, page_limit_param(),
                page_offset_param() } },
        { Method::Get, "/api/marketplace/certificates/{uuid}/credential", Action::CertificateRead,
            handle_certificate_file, nullptr,
            "The certificate's file: its signed Open Badges 3.0 credential, exactly as issued", "", "", 200, {},
            "application/json" },
        { Method::Post, "/api/marketplace/certificates/{uuid}/revoke", Action::CertificateRevoke,
            handle_revoke_certificate, nullptr,
            "Revokes a certificate with a reason its public page shows (409 when it was already)",
            "CertificateRevocation", "CertificateRevoked", 200 },
    });
    api.routes.insert(api.routes.end(), {
        { Method::Get, "/api/marketplace/coupons", Action::CouponManage, handle_coupons, nullptr,
            "Coupons, newest first, with their uses and state: every one for administrators, one's own for "
            "instructors", "", "Coupons", 200, { page_limit_param(), page_offset_param() } },
        { Method::Get, "/api/marketplace/coupons/courses", Action::CouponManage, handle_coupon_courses, nullptr,
            "The courses a coupon may be for, by title (up to 500): every live course for administrators, their own for "
            "instructors; with the marketplace's currency",
            "", "CouponCourses", 200 },
        { Method::Post, "/api/marketplace/coupons", Action::CouponManage, handle_create_coupon, nullptr,
            "Makes a coupon: a percentage or an amount off, an optional last day and usage limit, for chosen courses "
            "(an instructor's: their own) or every course (409 when the code is taken)",
            "NewCoupon", "CouponMade", 201 },
        { Method::Put, "/api/marketplace/coupons/{id}", Action::CouponManage, handle_change_coupon, nullptr,
            "Changes a coupon's last day or usage limit (what it takes off, its code and courses stay); 422 for an "
            "ended coupon or a limit below its uses",
            "CouponChange", "CouponMade", 200 },
        { Method::Post, "/api/marketplace/coupons/{id}/end", Action::CouponManage, handle_end_coupon, nullptr,
            "Ends a coupon now: it can no longer be used (409 when it was ended already)", "", "CouponMade", 200 },
    });
    for (auto& route : sandbox_provider_routes())
        api.routes.push_back(std::move(route));
    for (auto& route : certificate_verify_routes())
        api.routes.push_back(std::move(route));
    add_studio_api(api);
    for (auto& route : public_catalog_routes())
        api.routes.push_back(std::move(route));
    s["Dashboard"] = object_schema(
        { { "currency", string_schema("The marketplace's; every amount is in it") },
            { "months", array_of(object_schema({ { "month", string_schema("YYYY-MM") }, { "month_label", string_schema() },
                                                   { "enrolments", integer_schema() }, { "orders", integer_schema("Paid") },
                                                   { "sales", money }, { "refunded", money } },
                            { "month", "month_label", "enrolments", "orders", "sales", "refunded" })) },
            { "courses", array_of(object_schema(
                             { { "id", id_schema() }, { "title", string_schema() },
                                 { "status", enum_schema({ "draft", "published", "archived" }) },
                                 { "status_label", string_schema() }, { "lessons", integer_schema() },
                                 { "enrolled", integer_schema() }, { "finished", integer_schema("Learners who did every lesson") },
                                 { "finished_percent", integer_schema("Rounded down") },
                                 { "net_sales", money },
                                 { "rating", nullable(string_schema("Absent where ratings are hidden")) },
                                 { "rating_count", integer_schema() } },
                             { "id", "title", "status", "enrolled", "finished", "finished_percent", "net_sales" })) },
            { "year_sales", money }, { "year_enrolments", integer_schema("The twelve months' enrolments") },
            { "drafts", integer_schema() }, { "published", integer_schema() },
            { "payouts_due", integer_schema() }, { "payouts_due_amount", money },
            { "hidden_reviews", integer_schema() }, { "unanswered_reviews", integer_schema() } },
        { "currency", "months", "courses", "drafts", "published", "payouts_due", "payouts_due_amount", "hidden_reviews",
            "unanswered_reviews" });
    api.routes.push_back({ Method::Get, "/api/marketplace/dashboard", Action::PayoutRead, handle_dashboard, nullptr,
        "The overview of the courses the caller runs (an instructor's own, every one for administrators): twelve "
        "months of enrolments, orders, sales and refunds, the best selling courses with how many learners finished "
        "them, and what waits (drafts, payouts due, reviews hidden or unanswered)",
        "", "Dashboard", 200 });
    return api;
}

} // namespace learnloop::server
