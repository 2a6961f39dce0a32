// Instructors' earnings, statements and the monthly payouts through the API,
// against the real server and PostgreSQL: what is pending, available, due and
// paid equals the orders' shares; a month's run pays each instructor and
// currency once, above the threshold only, however many runs at once; bad
// months, references and people are refused with nothing written.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// A paid order of `course` by `learner`, paid at the SQL time `paid_at`,
// with the instructor's share `share` (of a gross `gross`, the rest split
// between processing and the platform) and `refunded` of that share given back.
std::int64_t paid_order(ApiFixture& f, std::int64_t course, std::int64_t learner, const std::string& paid_at,
    std::int64_t gross, std::int64_t share, std::int64_t refunded = 0, const std::string& currency = "GBP")
{
    const auto processing = (gross - share) / 4, platform = gross - share - processing;
    const auto back_processing = refunded > 0 ? 1 : 0, back_platform = refunded > 0 ? 1 : 0;
    return f.sql_int("INSERT INTO course_orders (tenant_id, learner_id, course_id, status, currency, gross_minor,"
                     " processing_fee_minor, platform_fee_minor, instructor_share_minor, platform_fee_bp, processing_bp,"
                     " processing_fixed_minor, provider, checkout_id, checkout_url, payment_id, created_at, paid_at,"
                     " refunded_gross_minor, refunded_processing_minor, refunded_platform_minor,"
                     " refunded_instructor_minor) VALUES (" + str(f.demo.id) + ", " + str(learner) + ", " + str(course)
        + ", '" + (refunded > 0 ? "partly_refunded" : "paid") + "', '" + currency + "', " + str(gross) + ", "
        + str(processing) + ", " + str(platform) + ", " + str(share) + ", 3000, 140, 20, 'sandbox', 'cs_' || md5(random()::text),"
        " '/x', 'pay_' || md5(random()::text), " + paid_at + ", " + paid_at + ", "
        + str(refunded > 0 ? refunded + back_processing + back_platform : 0) + ", " + str(back_processing) + ", "
        + str(back_platform) + ", " + str(refunded) + ") RETURNING id");
}

} // namespace

TEST_CASE("earnings, a month's payouts and statements add up to the orders' shares", "[api][marketplace][payouts]")
{
    ApiFixture f("market_payouts", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto t = str(D.id);
    // A second instructor with a course of their own.
    const auto second = f.create_user("demo", "second.teacher@demo.learnloop.test", "Second Teacher", "teacher");
    const auto their_course = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, price_kind,"
        " price_minor, currency, price_band, published_at) VALUES (" + t + ", 'Theirs', " + str(second.id)
        + ", 'published', 'theirs', 'one_time', 2000, 'GBP', '20_50', now()) RETURNING id");
    const auto zone = f.sql_text("SELECT time_zone FROM tenants WHERE id = " + t);
    const auto last_month = f.sql_text("SELECT to_char(date_trunc('month', now() AT TIME ZONE '" + zone
        + "') - interval '1 day', 'YYYY-MM')");
    const auto this_month = f.sql_text("SELECT to_char(now() AT TIME ZONE '" + zone + "', 'YYYY-MM')");
    const std::string in_last_month = "date_trunc('month', now()) - interval '20 days'";

    // The teacher: two orders last month (one refunded £10.00 of its share),
    // one in euros, and one two days ago (still held). The second
    // instructor: one small order last month, under the £50.00 threshold.
    const auto learner = D.student.id;
    paid_order(f, shop.paid, learner, in_last_month, 4900, 3368);
    paid_order(f, shop.paid, learner, in_last_month + " + interval '1 day'", 4900, 3368, 1000);
    paid_order(f, shop.paid, learner, in_last_month, 3000, 2000, 0, "EUR");
    paid_order(f, shop.paid, learner, "now() - interval '2 days'", 4900, 3368);
    paid_order(f, their_course, learner, in_last_month, 2000, 1300);

    const auto teacher = f.token(D.teacher);
    const auto admin = f.token(D.admin);
    auto earnings = api.get("/api/marketplace/earnings", teacher);
    INFO(describe(earnings));
    REQUIRE(earnings.status == 200);
    CHECK(earnings.json["hold_days"] == 14);
    CHECK(earnings.json["threshold"]["text"] == "\xC2\xA3" "50.00");
    REQUIRE(earnings.json["currencies"].size() == 2);
    const auto& eur = earnings.json["currencies"][0];
    const auto& gbp = earnings.json["currencies"][1];
    CHECK(eur["currency"] == "EUR");
    CHECK(gbp["earned"]["minor"] == 3 * 3368);
    CHECK(gbp["refunded"]["minor"] == 1000);
    CHECK(gbp["pending"]["minor"] == 3368);
    CHECK(gbp["available"]["minor"] == 2 * 3368 - 1000);
    CHECK(gbp["due"]["minor"] == 0);
    REQUIRE(earnings.json["months"].size() == 2);
    CHECK(earnings.json["months"][0]["month"] == this_month);
    CHECK(earnings.json["months"][1]["orders"] == 3);

    // The office runs last month's payouts, four times at once: the teacher
    // is paid once in pounds (euros and the second instructor are under the
    // threshold), one audit row.
    auto audit = f.audit_count();
    std::vector<std::future<Reply>> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(std::async(std::launch::async,
            [&] { return api.post("/api/marketplace/payouts", { { "month", last_month } }, admin); }));
    int made = 0;
    for (auto& run : runs) {
        auto reply = run.get();
        INFO(describe(reply));
        CHECK((reply.status == 201 || reply.status == 200));
        if (reply.status == 201) {
            ++made;
            REQUIRE(reply.json["payouts"].size() == 1);
            CHECK(reply.json["payouts"][0]["amount"]["minor"] == 2 * 3368 - 1000);
            CHECK(reply.json["payouts"][0]["instructor_name"] == D.teacher.name);
        } else {
            CHECK(reply.json["payouts"].empty());
        }
    }
    CHECK(made == 1);
    CHECK(f.sql_int("SELECT count(*) FROM instructor_payouts") == 1);
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "payouts.run");

    earnings = api.get("/api/marketplace/earnings", teacher);
    CHECK(earnings.json["currencies"][1]["available"]["minor"] == 0);
    CHECK(earnings.json["currencies"][1]["due"]["minor"] == 2 * 3368 - 1000);
    REQUIRE(earnings.json["payouts"].size() == 1);
    const auto payout = earnings.json["payouts"][0]["id"].get<std::int64_t>();

    // Bad runs and people: nothing written.
    const auto moderator = f.token(D.moderator), student = f.token(D.student);   // signing in is audited
    audit = f.audit_count();
    for (const auto& month : { this_month, std::string("2026-13"), std::string("last month"), std::string("2099-01") }) {
        auto refused = api.post("/api/marketplace/payouts", { { "month", month } }, admin);
        INFO(month << ": " << describe(refused));
        CHECK(refused.status == 400);
        CHECK(refused.field() == "month");
    }
    check_error(api.post("/api/marketplace/payouts", { { "month", 202611 } }, admin), 400, "Invalid request");
    check_error(api.post("/api/marketplace/payouts", Json::object(), admin), 400, "Invalid request");
    check_error(api.post("/api/marketplace/payouts", { { "month", last_month } }, teacher), 403, "Unauthorized");
    check_error(api.get("/api/marketplace/earnings", moderator), 403, "Unauthorized");
    check_error(api.get("/api/marketplace/earnings", student), 403, "Unauthorized");
    // An instructor sees their own only; the office names one.
    check_error(api.get("/api/marketplace/earnings?instructor_id=" + str(second.id), teacher), 404, "Instructor not found");
    check_error(api.get("/api/marketplace/earnings", admin), 400, "Invalid request");
    check_error(api.get("/api/marketplace/earnings?instructor_id=" + str(D.student.id), admin), 404,
        "Instructor not found");
    check_error(api.get("/api/marketplace/earnings?instructor_id=" + str(f.other.teacher.id), admin), 404,
        "Instructor not found");
    auto theirs = api.get("/api/marketplace/earnings?instructor_id=" + str(second.id), admin);
    CHECK(theirs.status == 200);
    CHECK(theirs.json["currencies"][0]["available"]["minor"] == 1300);
    CHECK(f.audit_count() == audit);

    // Marking it sent, once; the list by state.
    check_error(api.put("/api/marketplace/payouts/" + str(payout) + "/paid", { { "reference", "" } }, admin), 400,
        "Invalid request");
    check_error(api.put("/api/marketplace/payouts/" + str(payout) + "/paid", { { "reference", "BACS 1" } }, teacher), 403,
        "Unauthorized");
    auto sent = api.put("/api/marketplace/payouts/" + str(payout) + "/paid", { { "reference", "BACS 2026-12 #41" } }, admin);
    INFO(describe(sent));
    REQUIRE(sent.status == 200);
    CHECK(sent.json["status_label"] == "Paid");
    CHECK(sent.json["reference"] == "BACS 2026-12 #41");
    CHECK(f.last_audit_action() == "payout.paid");
    check_error(api.put("/api/marketplace/payouts/" + str(payout) + "/paid", { { "reference", "again" } }, admin), 409,
        "Conflict", "This payout was marked paid already");
    check_error(api.put("/api/marketplace/payouts/99999/paid", { { "reference", "x" } }, admin), 404, "Payout not found");
    CHECK(api.get("/api/marketplace/payouts?status=paid", admin).json.size() == 1);
    CHECK(api.get("/api/marketplace/payouts?status=due", admin).json.empty());
    CHECK(api.get("/api/marketplace/payouts", f.token(second)).json.empty());
    CHECK(api.get("/api/marketplace/payouts", teacher).json.size() == 1);
    check_error(api.get("/api/marketplace/payouts?status=late", admin), 400, "Invalid request");
    CHECK(api.get("/api/marketplace/payouts", f.token(f.other.admin)).json.empty());   // another tenant's office

    // A refund after the payout: less than nothing available, taken from the next.
    f.sql("UPDATE course_orders SET refunded_instructor_minor = instructor_share_minor, refunded_gross_minor = gross_minor,"
          " refunded_processing_minor = processing_fee_minor, refunded_platform_minor = platform_fee_minor,"
          " status = 'refunded' WHERE id = (SELECT min(id) FROM course_orders)");
    earnings = api.get("/api/marketplace/earnings", teacher);
    CHECK(earnings.json["currencies"][1]["available"]["minor"] == -3368);

    // The statement of last month: a line per order paid in it and totals per currency.
    auto statement = api.get("/api/marketplace/earnings/statement?month=" + last_month, teacher);
    REQUIRE(statement.status == 200);
    CHECK(statement.header("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(statement.header("Content-Disposition") == "attachment; filename=\"earnings-" + last_month + ".csv\"");
    CHECK(statement.body.find("Paid,Order,Course,Currency,Price,Payment processing,Platform fee,Your share") != std::string::npos);
    CHECK(statement.body.find("Course paid-course,GBP,49.00") != std::string::npos);
    CHECK(statement.body.find("Total,,") != std::string::npos);
    CHECK(statement.body.find("Theirs") == std::string::npos);
    check_error(api.get("/api/marketplace/earnings/statement?month=12-2026", teacher), 400, "Invalid request");
    check_error(api.get("/api/marketplace/earnings/statement?month=" + last_month + "&instructor_id=" + str(second.id),
                    teacher),
        404, "Instructor not found");
}
