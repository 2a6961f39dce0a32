// Coupons against the real server and PostgreSQL: who makes them (the office
// for any course, an instructor for their own), their rules and bad input,
// trying one on a course's price, buying with one (the split is made on what
// is paid), usage limits held under concurrent checkouts and given back by
// an order given up, a coupon that takes the whole price off, ending one, and
// other tenants.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "platform/crypto.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <set>
#include <thread>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

const char* k_coupons = "/api/marketplace/coupons";

std::string price_path(std::int64_t course, const std::string& coupon)
{
    return "/api/marketplace/courses/" + str(course) + "/price?coupon=" + coupon;
}

std::string checkout_path(std::int64_t course)
{
    return "/api/marketplace/courses/" + str(course) + "/checkout";
}

} // namespace

TEST_CASE("coupons: the office's for any course, an instructor's for their own; bad ones are refused",
    "[api][marketplace][coupons]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_coupons_make", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto admin = f.token(D.admin);
    const auto teacher = f.token(D.teacher);
    const auto other_teacher = f.create_user("demo", "second.instructor@demo.learnloop.test", "Second Instructor",
        "teacher");
    const auto others_course = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, "
                                         "price_kind, price_minor, currency, price_band, published_at) VALUES ("
        + str(D.id) + ", 'Another course', " + str(other_teacher.id)
        + ", 'published', 'another-course', 'one_time', 2000, 'GBP', '20_50', now()) RETURNING id");

    // The office: 25% off everything until a day next year, 100 uses.
    auto audit = f.audit_count();
    auto spring = api.post(k_coupons, { { "code", " spring-25 " }, { "percent", 25 }, { "expires_on", "2030-03-31" },
                                          { "usage_limit", 100 } }, admin);
    INFO(describe(spring));
    REQUIRE(spring.status == 201);
    CHECK(spring.json["code"] == "SPRING-25");
    CHECK(spring.json["off_label"] == "25% off");
    CHECK(spring.json["state_label"] == "Active");
    CHECK(spring.json["used"] == 0);
    CHECK(spring.json["course_ids"].empty());
    CHECK(spring.json["message"] == "Coupon SPRING-25 made: 25% off");
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "coupon.create");
    // The last day ends at the midnight after it, in the tenant's zone.
    CHECK(f.sql_text("SELECT (expires_at AT TIME ZONE (SELECT time_zone FROM tenants WHERE id = " + str(D.id)
              + "))::text FROM coupons WHERE code = 'SPRING-25'")
        == "2030-04-01 00:00:00");

    // An instructor: an amount off one of their own courses.
    auto fiver = api.post(k_coupons, { { "code", "FIVER" }, { "amount_off", "5.00" }, { "currency", "GBP" },
                                         { "course_ids", { shop.paid } } }, teacher);
    INFO(describe(fiver));
    REQUIRE(fiver.status == 201);
    CHECK(fiver.json["off_label"] == "\xC2\xA3" "5.00 off");
    CHECK(fiver.json["amount_off"]["minor"] == 500);
    CHECK(fiver.json["course_titles"] == "Course paid-course");

    SECTION("an instructor's reach: their own courses, their own coupons")
    {
        check_error(api.post(k_coupons, { { "code", "ALL-MINE" }, { "percent", 10 } }, teacher), 400,
            "Invalid request", "Choose which of your courses it is for");
        check_error(api.post(k_coupons, { { "code", "NOT-MINE" }, { "percent", 10 },
                                            { "course_ids", { shop.paid, others_course } } }, teacher),
            400, "Invalid request", "A chosen course is not one of yours");
        check_error(api.post(k_coupons, { { "code", "NO-COURSE" }, { "percent", 10 }, { "course_ids", { 99999 } } },
                        admin),
            400, "Invalid request", "A chosen course is not in the catalog");
        // The instructor's list holds their coupon only; the office's both.
        auto mine = api.get(k_coupons, teacher);
        REQUIRE(mine.status == 200);
        CHECK(ids_of(mine.json) == std::vector<std::int64_t> { fiver.json["id"].get<std::int64_t>() });
        auto all = api.get(k_coupons, admin);
        CHECK(all.header("X-Total-Count") == "2");
        CHECK(all.json[0]["code"] == "FIVER");   // newest first
        // The courses each may choose: the office every one, the instructor their own.
        auto choosable = api.get(std::string(k_coupons) + "/courses", teacher);
        REQUIRE(choosable.status == 200);
        CHECK(choosable.json["currency"] == "GBP");
        CHECK(ids_of(choosable.json["courses"]).size() == 3);
        CHECK(!contains_id(choosable.json["courses"], others_course));
        CHECK(contains_id(api.get(std::string(k_coupons) + "/courses", admin).json["courses"], others_course));
        // Nobody else makes or lists coupons.
        for (const auto* person : { &D.student, &D.parent, &D.moderator }) {
            check_error(api.get(k_coupons, f.token(*person)), 403, "Unauthorized");
            check_error(api.post(k_coupons, { { "code", "SNEAKY" }, { "percent", 90 } }, f.token(*person)), 403,
                "Unauthorized");
        }
        // Another instructor cannot end this one: it is not there for them.
        check_error(api.post(std::string(k_coupons) + "/" + str(fiver.json["id"].get<std::int64_t>()) + "/end",
                        Json::object(), f.token(other_teacher)),
            404, "Coupon not found");
    }
    SECTION("bad input: clear errors, nothing written")
    {
        audit = f.audit_count();
        struct Bad {
            Json body;
            std::string field;
        };
        const std::vector<Bad> bad {
            { { { "code", "SPRING-25" }, { "percent", 10 } }, "code" },   // taken (409, below)
            { { { "code", "x" }, { "percent", 10 } }, "code" },
            { { { "code", "DROP TABLE" }, { "percent", 10 } }, "code" },
            { { { "code", "'; --" }, { "percent", 10 } }, "code" },
            { { { "code", std::string(33, 'A') }, { "percent", 10 } }, "code" },
            { { { "code", 7 }, { "percent", 10 } }, "code" },
            { { { "code", "HALF" } }, "percent" },
            { { { "code", "HALF" }, { "percent", 150 } }, "percent" },
            { { { "code", "HALF" }, { "percent", -5 } }, "percent" },
            { { { "code", "HALF" }, { "percent", 2.5 } }, "percent" },
            { { { "code", "HALF" }, { "percent", 10 }, { "amount_off", "1.00" }, { "currency", "GBP" } }, "percent" },
            { { { "code", "FIVE" }, { "amount_off", "5.005" }, { "currency", "GBP" } }, "amount_off" },
            { { { "code", "FIVE" }, { "amount_off", "-5.00" }, { "currency", "GBP" } }, "amount_off" },
            { { { "code", "FIVE" }, { "amount_off", "5.00" }, { "currency", "QQQ" } }, "currency" },
            { { { "code", "FIVE" }, { "amount_off", "5.00" } }, "currency" },
            { { { "code", "HALF" }, { "percent", 10 }, { "expires_on", "2020-01-01" } }, "expires_on" },
            { { { "code", "HALF" }, { "percent", 10 }, { "expires_on", "tomorrow" } }, "expires_on" },
            { { { "code", "HALF" }, { "percent", 10 }, { "usage_limit", -1 } }, "usage_limit" },
            { { { "code", "HALF" }, { "percent", 10 }, { "usage_limit", "many" } }, "usage_limit" },
            { { { "code", "HALF" }, { "percent", 10 }, { "course_ids", { "one" } } }, "course_ids[0]" },
            { { { "code", "HALF" }, { "percent", 10 }, { "colour", "red" } }, "colour" },
            // An amount off in euros for a course priced in pounds.
            { { { "code", "EURO-5" }, { "amount_off", "5.00" }, { "currency", "EUR" }, { "course_ids", { shop.paid } } },
                "currency" },
        };
        for (const auto& [body, field] : bad) {
            auto reply = api.post(k_coupons, body, admin);
            INFO(body.dump() << " -> " << describe(reply));
            CHECK((reply.status == 400 || reply.status == 409));
            CHECK(reply.field() == field);
        }
        check_error(api.post(k_coupons, { { "code", "spring-25" }, { "amount_off", "1.00" }, { "currency", "GBP" } },
                        admin),
            409, "Conflict", "There is already a coupon SPRING-25");
        check_error(api.send_text("POST", k_coupons, "{\"code\":", "application/json", admin), 400, "Invalid request");
        CHECK(f.audit_count() == audit);
        CHECK(f.sql_int("SELECT count(*) FROM coupons") == 2);
    }
    SECTION("another tenant's people see none of them and cannot use them")
    {
        auto theirs = api.get(k_coupons, f.token(f.other.admin));
        REQUIRE(theirs.status == 200);
        CHECK(theirs.json.empty());
        check_error(api.post(std::string(k_coupons) + "/" + str(spring.json["id"].get<std::int64_t>()) + "/end",
                        Json::object(), f.token(f.other.admin)),
            404, "Coupon not found");
        // The same code may be made there: codes are the tenant's own.
        auto same = api.post(k_coupons, { { "code", "SPRING-25" }, { "percent", 5 } }, f.token(f.other.admin));
        CHECK(same.status == 201);
        check_error(api.get(price_path(shop.paid, "SPRING-25"), f.token(f.other.student)), 404, "Course not found");
    }
}

TEST_CASE("buying with a coupon: its price, the split on what is paid, limits held under concurrent checkouts",
    "[api][marketplace][coupons]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_coupons_buy", {});
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto admin = f.token(D.admin);
    const auto learner = f.token(D.student);
    REQUIRE(api.post(k_coupons, { { "code", "SPRING-25" }, { "percent", 25 } }, admin).status == 201);
    REQUIRE(api.post(k_coupons, { { "code", "ONCE" }, { "percent", 10 }, { "usage_limit", 1 } }, admin).status == 201);
    REQUIRE(api.post(k_coupons, { { "code", "GIFT" }, { "percent", 100 }, { "course_ids", { shop.paid } } }, admin)
                .status
        == 201);

    // Trying one: what the learner would pay, in words.
    auto price = api.get(price_path(shop.paid, "spring-25"), learner);
    INFO(describe(price));
    REQUIRE(price.status == 200);
    CHECK(price.json["pays"]["minor"] == 3675);
    CHECK(price.json["off"]["minor"] == 1225);
    CHECK(price.json["message"] == "SPRING-25: 25% off, so you pay \xC2\xA3" "36.75");
    check_error(api.get(price_path(shop.paid, "NOPE"), learner), 400, "Invalid request", "There is no coupon NOPE");
    check_error(api.get(price_path(shop.paid, "a%20b"), learner), 400, "Invalid request",
        "A coupon code is letters, digits and dashes");
    check_error(api.get(price_path(shop.free, "SPRING-25"), learner), 400, "Invalid request",
        "This course is free; it needs no coupon");
    check_error(api.get("/api/marketplace/courses/" + str(shop.paid) + "/price", learner), 400, "Invalid request",
        "Type a coupon code");
    check_error(api.get(price_path(shop.paid, "SPRING-25"), f.token(D.teacher)), 403, "Unauthorized");
    check_error(api.get(price_path(shop.monthly, "SPRING-25"), learner), 422, "Failed precondition",
        "Subscriptions are not on sale yet");

    check_error(api.post(checkout_path(shop.paid), { { "coupon", "NOPE" } }, learner), 400, "Invalid request",
        "There is no coupon NOPE");

    // Buying with it: the order is made at its price, split on what is paid.
    auto made = api.post(checkout_path(shop.paid), { { "coupon", "spring-25" } }, learner);
    INFO(describe(made));
    REQUIRE(made.status == 201);
    CHECK(made.json["enrolled"] == false);
    const auto order_id = made.json["order_id"].get<std::int64_t>();
    // 36.75: processing 20 + 1.4% = 71; platform 30% of 3604 = 1081; instructor 2523.
    CHECK(f.sql_text("SELECT concat_ws(' ', status, gross_minor, processing_fee_minor, platform_fee_minor, "
                     "instructor_share_minor, discount_minor) FROM course_orders WHERE id = " + str(order_id))
        == "pending 3675 71 1081 2523 1225");
    CHECK(f.sql_text("SELECT after->>'coupon' FROM audit_log WHERE action = 'order.create'") == "SPRING-25");
    auto receipt = api.get("/api/marketplace/orders/" + str(order_id), learner);
    CHECK(receipt.json["coupon"] == "SPRING-25");
    CHECK(receipt.json["discount"]["minor"] == 1225);
    CHECK(receipt.json["amount"]["minor"] == 3675);
    // A second press with the same coupon finds the same order. Without it,
    // or with another, the waiting order's checkout is still open (it could
    // still be paid), so the learner pays or cancels it first.
    auto again = api.post(checkout_path(shop.paid), { { "coupon", "SPRING-25" } }, learner);
    CHECK(again.status == 200);
    CHECK(again.json["order_id"] == order_id);
    check_error(api.post(checkout_path(shop.paid), Json::object(), learner), 409, "Conflict",
        "Your order of Course paid-course is waiting for payment with coupon SPRING-25: pay or cancel it at its "
        "checkout (Purchases) first");
    check_error(api.post(checkout_path(shop.paid), { { "coupon", "ONCE" } }, learner), 409, "Conflict");
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "pending");
    // Once its checkout has run out (24 hours), it is given up for one at the full price.
    f.sql("UPDATE course_orders SET created_at = now() - interval '25 hours' WHERE id = " + str(order_id));
    auto full = api.post(checkout_path(shop.paid), Json::object(), learner);
    REQUIRE(full.status == 201);
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "expired");
    CHECK(f.sql_int("SELECT gross_minor FROM course_orders WHERE id = " + str(full.json["order_id"].get<std::int64_t>()))
        == 4900);
    check_error(api.post(checkout_path(shop.paid), { { "coupon", 25 } }, learner), 400, "Invalid request");

    SECTION("a usage limit holds when learners check out at once, and an order given up gives its use back")
    {
        std::vector<Person> learners;
        for (int i = 0; i < 6; ++i)
            learners.push_back(f.create_user("demo", "buyer" + str(i) + "@demo.learnloop.test", "Buyer " + str(i),
                "student"));
        std::vector<std::future<Reply>> presses;
        for (const auto& person : learners) {
            const auto token = f.token(person);
            presses.push_back(std::async(std::launch::async,
                [&, token] { return api.post(checkout_path(shop.paid), { { "coupon", "ONCE" } }, token); }));
        }
        int made_count = 0, refused = 0;
        for (auto& press : presses) {
            auto reply = press.get();
            INFO(describe(reply));
            if (reply.status == 201)
                ++made_count;
            else if (reply.status == 400
                && reply.details() == "That coupon has been used as many times as it can be")
                ++refused;
        }
        CHECK(made_count == 1);
        CHECK(refused == 5);
        // The buyer pressing again finds their order: their own use does not refuse them.
        std::string buyer;
        for (const auto& person : learners)
            if (f.sql_int("SELECT count(*) FROM course_orders WHERE learner_id = " + str(person.id)) == 1)
                buyer = f.token(person);
        auto again = api.post(checkout_path(shop.paid), { { "coupon", "ONCE" } }, buyer);
        CHECK(again.status == 200);
        // An abandoned checkout (over 24 hours) holds its use no longer.
        f.sql("UPDATE course_orders SET created_at = now() - interval '25 hours' WHERE coupon_id = (SELECT id FROM "
              "coupons WHERE code = 'ONCE')");
        CHECK(api.get(price_path(shop.paid, "ONCE"), learner).status == 200);
        f.sql("UPDATE course_orders SET created_at = now() WHERE coupon_id = (SELECT id FROM coupons WHERE code = 'ONCE')");
        CHECK(f.sql_int("SELECT count(*) FROM course_orders o JOIN coupons k ON k.id = o.coupon_id "
                        "WHERE k.code = 'ONCE'") == 1);
        auto list = api.get(k_coupons, admin);
        for (const auto& item : list.json)
            if (item["code"] == "ONCE") {
                CHECK(item["used"] == 1);
                CHECK(item["state_label"] == "Used up");
            }
        // Cancelled at the checkout: its use is free again.
        f.sql("UPDATE course_orders SET status = 'cancelled' WHERE coupon_id = (SELECT id FROM coupons WHERE code = 'ONCE')");
        CHECK(api.get(price_path(shop.paid, "ONCE"), learner).status == 200);
    }
    SECTION("a coupon that takes the whole price off gives the course at once, and there is nothing to refund")
    {
        auto other = f.create_user("demo", "gifted@demo.learnloop.test", "Gifted Learner", "student");
        const auto token = f.token(other);
        check_error(api.get("/api/marketplace/lessons/" + str(shop.lesson), token), 403, "Forbidden");
        auto gift = api.post(checkout_path(shop.paid), { { "coupon", "gift" } }, token);
        INFO(describe(gift));
        REQUIRE(gift.status == 201);
        CHECK(gift.json["enrolled"] == true);
        CHECK(gift.json.contains("checkout_url") == false);
        CHECK(gift.json["message"] == "You have Course paid-course: GIFT took the whole price off");
        const auto gift_id = gift.json["order_id"].get<std::int64_t>();
        CHECK(f.sql_text("SELECT concat_ws(' ', status, gross_minor, provider, discount_minor, paid_at IS NOT NULL) "
                         "FROM course_orders WHERE id = " + str(gift_id))
            == "paid 0 none 4900 t");
        CHECK(api.get("/api/marketplace/lessons/" + str(shop.lesson), token).status == 200);
        check_error(api.post(checkout_path(shop.paid), { { "coupon", "GIFT" } }, token), 409, "Conflict");
        check_error(api.post("/api/marketplace/orders/" + str(gift_id) + "/refunds", Json::object(), admin), 422,
            "Failed precondition", "Nothing was paid for this order (a coupon took the whole price off)");
        // GIFT is for the paid course only.
        const auto second = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug, price_kind, "
                                      "price_minor, currency, price_band, published_at) VALUES (" + str(D.id)
            + ", 'Second course', " + str(D.teacher.id) + ", 'published', 'second-course', 'one_time', 2000, 'GBP', "
              "'20_50', now()) RETURNING id");
        check_error(api.get(price_path(second, "GIFT"), token), 400, "Invalid request",
            "That coupon is not for this course");
    }
    SECTION("an ended coupon can no longer be used; ending twice is refused")
    {
        const auto id = f.sql_int("SELECT id FROM coupons WHERE code = 'SPRING-25'");
        auto audit = f.audit_count();
        auto ended = api.post(std::string(k_coupons) + "/" + str(id) + "/end", Json::object(), admin);
        INFO(describe(ended));
        REQUIRE(ended.status == 200);
        CHECK(ended.json["state_label"] == "Ended");
        CHECK(ended.json["message"] == "Coupon SPRING-25 ended: it can no longer be used");
        CHECK(f.audit_count() == audit + 1);
        CHECK(f.last_audit_action() == "coupon.end");
        check_error(api.post(std::string(k_coupons) + "/" + str(id) + "/end", Json::object(), admin), 409, "Conflict",
            "Coupon SPRING-25 was ended already");
        check_error(api.get(price_path(shop.paid, "SPRING-25"), learner), 400, "Invalid request",
            "That coupon has ended");
        check_error(api.post(std::string(k_coupons) + "/99999/end", Json::object(), admin), 404, "Coupon not found");
        // The application may change nothing of a coupon but its end.
        CHECK_THROWS(f.sql("SET ROLE learnloop_app; UPDATE coupons SET percent = 90"));
    }
}

TEST_CASE("coupons change their last day and usage limit, never what they take off; uses so far are kept",
    "[api][marketplace][coupons]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_coupons_change", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto admin = f.token(D.admin);
    const auto teacher = f.token(D.teacher);
    const auto learner = f.token(D.student);
    const auto second = f.token(f.create_user("demo", "second.coupons@demo.learnloop.test", "Second", "teacher"));
    const auto others = f.token(f.other.admin);

    auto made = api.post(k_coupons, { { "code", "TWO-USES" }, { "percent", 20 }, { "usage_limit", 2 },
                                         { "course_ids", { shop.paid } } }, teacher);
    REQUIRE(made.status == 201);
    const auto id = made.json["id"].get<std::int64_t>();
    const auto path = std::string(k_coupons) + "/" + str(id);
    // One use so far: a learner's order with it.
    REQUIRE(api.post(checkout_path(shop.paid), { { "coupon", "TWO-USES" } }, learner).status == 201);

    auto audit = f.audit_count();
    auto changed = api.put(path, { { "expires_on", "2030-06-30" }, { "usage_limit", 50 } }, teacher);
    INFO(describe(changed));
    REQUIRE(changed.status == 200);
    CHECK(changed.json["message"] == "Coupon TWO-USES changed");
    CHECK(changed.json["expires_on"] == "2030-06-30");
    CHECK(changed.json["usage_limit"] == 50);
    CHECK(changed.json["used"] == 1);
    CHECK(changed.json["off_label"] == "20% off");
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "coupon.update");
    CHECK(f.sql_text("SELECT before::text FROM audit_log ORDER BY id DESC LIMIT 1")
        == R"({"expires_on": null, "usage_limit": 2})");
    CHECK(f.sql_text("SELECT (expires_at AT TIME ZONE (SELECT time_zone FROM tenants WHERE id = " + str(D.id)
              + "))::text FROM coupons WHERE id = " + str(id))
        == "2030-07-01 00:00:00");
    // The same again writes nothing; no last day again (null) is a change.
    CHECK(api.put(path, { { "usage_limit", 50 } }, teacher).json["message"] == "Nothing changed");
    CHECK(f.audit_count() == audit + 1);
    auto open_ended = api.put(path, { { "expires_on", nullptr } }, admin);   // the office may change any
    REQUIRE(open_ended.status == 200);
    CHECK(open_ended.json["expires_on"].is_null());
    CHECK(f.sql_text("SELECT (expires_at IS NULL)::text FROM coupons WHERE id = " + str(id)) == "true");

    // A second learner's order: two uses. A limit below them is refused, in
    // words on the field; 0 (any number) is not.
    const auto another = f.token(f.create_user("demo", "another.learner@demo.learnloop.test", "Another", "student"));
    REQUIRE(api.post(checkout_path(shop.paid), { { "coupon", "TWO-USES" } }, another).status == 201);
    audit = f.audit_count();
    auto below = api.put(path, { { "usage_limit", 1 } }, teacher);
    check_error(below, 400, "Invalid request", "It has been used 2 times: allow 2 or more, or any number (0)");
    CHECK(below.field() == "usage_limit");
    check_error(api.put(path, { { "expires_on", "2020-01-01" } }, teacher), 400, "Invalid request");
    check_error(api.put(path, { { "percent", 90 } }, teacher), 400, "Invalid request");
    check_error(api.put(path, Json::object(), teacher), 400, "Invalid request");
    check_error(api.put(path, { { "usage_limit", "ten" } }, teacher), 400, "Invalid request");
    CHECK(f.audit_count() == audit);
    CHECK(api.put(path, { { "usage_limit", 0 } }, teacher).status == 200);
    // Another instructor and another tenant do not reach it.
    check_error(api.put(path, { { "usage_limit", 9 } }, second), 404, "Coupon not found");
    check_error(api.put(path, { { "usage_limit", 9 } }, others), 404, "Coupon not found");
    check_error(api.put(std::string(k_coupons) + "/999999", { { "usage_limit", 9 } }, admin), 404, "Coupon not found");
    // An ended coupon stays ended.
    REQUIRE(api.post(path + "/end", Json::object(), teacher).status == 200);
    audit = f.audit_count();
    check_error(api.put(path, { { "usage_limit", 9 } }, teacher), 422, "Failed precondition",
        "Coupon TWO-USES has ended: make a new one instead");
    CHECK(f.audit_count() == audit);
}
