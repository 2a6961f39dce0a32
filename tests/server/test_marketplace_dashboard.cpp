// The marketplace's overview against the real server and PostgreSQL: an
// instructor's own courses, every course for the office; its months, courses
// and counts equal the same questions asked of the tables directly; learners
// and other tenants are refused.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

const char* k_dashboard = "/api/marketplace/dashboard";

} // namespace

TEST_CASE("dashboard: an instructor's courses and the office's, as the tables say", "[api][marketplace][dashboard]")
{
    ApiFixture f("market_dashboard", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto t = str(D.id);
    const auto second = f.create_user("demo", "second.instructor@demo.learnloop.test", "Second Instructor", "teacher");
    const auto theirs = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, price_kind, "
                                  "price_minor, currency, price_band, published_at) VALUES (" + t + ", 'Theirs', "
        + str(second.id) + ", 'published', 'theirs', 'one_time', 2000, 'GBP', '20_50', now()) RETURNING id");
    f.sql("INSERT INTO courses (tenant_id, title, instructor_id, status, slug) VALUES (" + t + ", 'Unfinished', "
        + str(D.teacher.id) + ", 'draft', 'unfinished')");
    // The student bought the paid course now and was refunded £10 of it; a
    // second learner bought the other instructor's course two months ago.
    auto order = [&](std::int64_t learner, std::int64_t course, std::int64_t gross, const std::string& when,
                     std::int64_t refunded) {
        const auto id = f.sql_int("INSERT INTO course_orders (tenant_id, learner_id, course_id, status, currency, "
            "gross_minor, processing_fee_minor, platform_fee_minor, instructor_share_minor, platform_fee_bp, "
            "processing_bp, processing_fixed_minor, provider, refunded_gross_minor, refunded_instructor_minor, payment_id, "
            "paid_at, created_at) VALUES (" + t
            + ", " + str(learner) + ", " + str(course) + ", '" + (refunded ? "partly_refunded" : "paid") + "', 'GBP', "
            + str(gross) + ", 0, 0, " + str(gross) + ", 0, 0, 0, 'sandbox', " + str(refunded) + ", " + str(refunded)
            + ", 'pay_" + str(learner) + "_" + str(course) + "', " + when + ", " + when
            + ") RETURNING id");
        f.sql("INSERT INTO course_students (tenant_id, course_id, student_id, enrolled_at) VALUES (" + t + ", "
            + str(course) + ", " + str(learner) + ", " + when + ")");
        if (refunded)
            f.sql("INSERT INTO order_refunds (tenant_id, order_id, gross_minor, processing_minor, platform_minor, "
                  "instructor_minor, refunded_by, provider_refund) VALUES (" + t + ", " + str(id) + ", "
                + str(refunded) + ", 0, 0, " + str(refunded) + ", " + str(D.admin.id) + ", 're_" + str(id) + "')");
    };
    order(D.student.id, shop.paid, 4900, "now()", 1000);
    const auto spare = f.create_user("demo", "spare.learner@demo.learnloop.test", "Spare Learner", "student");
    order(spare.id, theirs, 2000, "now() - interval '2 months'", 0);
    // The student finished the paid course's one lesson.
    f.sql("INSERT INTO lesson_progress (tenant_id, course_id, lesson_id, learner_id, completed_at) VALUES (" + t + ", "
        + str(shop.paid) + ", " + str(shop.lesson) + ", " + str(D.student.id) + ", now())");
    f.sql("INSERT INTO instructor_payouts (tenant_id, instructor_id, month, currency, amount_minor, created_by) VALUES ("
        + t + ", " + str(second.id) + ", '2026-01', 'GBP', 1500, " + str(D.admin.id) + ")");

    SECTION("the instructor's own courses")
    {
        auto mine = api.get(k_dashboard, f.token(D.teacher));
        INFO(describe(mine));
        REQUIRE(mine.status == 200);
        const auto& months = mine.json["months"];
        REQUIRE(months.size() == 12);
        CHECK(months[11]["month"] == f.sql_text("SELECT to_char(now() AT TIME ZONE (SELECT time_zone FROM tenants "
                                                "WHERE id = " + t + "), 'YYYY-MM')"));
        CHECK(months[11]["orders"] == 1);
        CHECK(months[11]["enrolments"] == 1);
        CHECK(months[11]["sales"]["minor"] == 4900);
        CHECK(months[11]["refunded"]["minor"] == 1000);
        CHECK(months[9]["orders"] == 0);   // the other instructor's sale is not theirs
        const auto& best = mine.json["courses"][0];
        CHECK(best["id"] == shop.paid);
        CHECK(best["net_sales"]["text"] == "\xC2\xA3" "39.00");
        CHECK(best["enrolled"] == 1);
        CHECK(best["finished"] == 1);
        CHECK(best["finished_percent"] == 100);
        CHECK(mine.json["courses"].size() == 4);   // three published and the draft
        CHECK(mine.json["drafts"] == 1);
        CHECK(mine.json["published"] == 3);
        CHECK(mine.json["payouts_due"] == 0);
        CHECK(mine.json["currency"] == "GBP");
    }

    SECTION("the office's: every course, equal to the tables")
    {
        auto all = api.get(k_dashboard, f.token(D.admin));
        REQUIRE(all.status == 200);
        std::int64_t sales = 0, orders = 0;
        for (const auto& month : all.json["months"]) {
            sales += month["sales"]["minor"].get<std::int64_t>();
            orders += month["orders"].get<std::int64_t>();
        }
        CHECK(sales == f.sql_int("SELECT sum(gross_minor) FROM course_orders WHERE tenant_id = " + t
                  + " AND paid_at > date_trunc('month', now()) - interval '11 months'"));
        CHECK(orders == 2);
        CHECK(all.json["year_sales"]["minor"] == sales);
        CHECK(all.json["year_enrolments"] == 2);
        CHECK(all.json["months"][9]["sales"]["minor"] == 2000);
        CHECK(all.json["courses"].size() == 5);
        CHECK(all.json["payouts_due"] == 1);
        CHECK(all.json["payouts_due_amount"]["minor"] == 1500);
    }

    SECTION("learners, moderators and other tenants are refused")
    {
        for (const auto* person : { &D.student, &D.parent, &D.moderator })
            CHECK(api.get(k_dashboard, f.token(*person)).status == 403);
        check_error(api.get(k_dashboard, f.token(f.other.admin)), 404, "This organisation has no course catalog");
        // The other tenant's instructor reaches none of these courses.
        f.sql("INSERT INTO marketplace_settings (tenant_id) VALUES (" + str(f.other.id) + ")");
        auto other = api.get(k_dashboard, f.token(f.other.teacher));
        REQUIRE(other.status == 200);
        CHECK(other.json["courses"].empty());
        CHECK(other.json["months"][11]["orders"] == 0);
    }
}
