// Buying a marketplace course end to end against the real server and
// PostgreSQL: an order and its sandbox checkout, the checkout page, paying
// there (the sandbox posts its signed event back to the server over HTTP),
// enrolment, receipts by role, replayed, forged, stale and out-of-order
// events, double clicks, cancelling, partial and full refunds (a full one
// takes the course away), and bad input.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "platform/crypto.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <future>
#include <set>
#include <thread>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

// The token of a checkout URL ("/sandbox-pay/<64 hex>").
std::string token_of(const std::string& checkout_url)
{
    return checkout_url.substr(checkout_url.rfind('/') + 1);
}

httplib::Result sandbox_post(ApiFixture& f, const std::string& checkout_url, const std::string& what)
{
    auto client = f.server().client();
    return client.Post(checkout_url + "/" + what, "", "application/x-www-form-urlencoded");
}

// An event signed as the sandbox signs, with its secret, at time `t`.
Reply send_event(ApiFixture& f, const Json& event, std::int64_t t = 0, const std::string& secret_override = {})
{
    if (t == 0)
        t = static_cast<std::int64_t>(std::time(nullptr));
    const auto secret = secret_override.empty() ? f.sql_text("SELECT webhook_secret FROM sandbox_provider")
                                                : secret_override;
    const auto body = event.dump();
    const auto digest = learnloop::server::hmac_sha256_hex(secret, std::to_string(t) + "." + body);
    return f.api().send_text("POST", "/api/marketplace/webhooks/sandbox", body, "application/json", "",
        { { "Sandbox-Signature", "t=" + str(t) + ",v1=" + digest } });
}

std::int64_t count(ApiFixture& f, const std::string& query) { return f.sql_int(query); }

// The sandbox sends its events from a thread of its own: the order's status
// once it has arrived (or what it is after ten seconds).
std::string status_after_event(ApiFixture& f, std::int64_t order_id, const std::string& expected)
{
    std::string status;
    for (int i = 0; i < 200; ++i) {
        status = f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id));
        if (status == expected)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return status;
}

} // namespace

TEST_CASE("a learner buys a course: checkout, the sandbox's signed event, enrolment, receipts",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_buy", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    const auto course_path = "/api/marketplace/courses/" + str(shop.paid);

    // Before buying, the lessons are closed.
    check_error(api.get("/api/marketplace/lessons/" + str(shop.lesson), learner), 403, "Forbidden",
        "Enrol in this course to open its lessons");

    // The order: its checkout, audited with its split.
    auto audit = f.audit_count();
    auto made = api.post(course_path + "/checkout", Json::object(), learner);
    INFO(describe(made));
    REQUIRE(made.status == 201);
    const auto order_id = made.json["order_id"].get<std::int64_t>();
    const auto checkout_url = made.json["checkout_url"].get<std::string>();
    CHECK(checkout_url.rfind("/sandbox-pay/", 0) == 0);
    CHECK(token_of(checkout_url).size() == 64);
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "order.create");
    // 49.00: processing 20 + 1.4% = 89; platform 30% of 4811 = 1443; instructor 3368.
    CHECK(f.sql_text("SELECT concat_ws(' ', status, gross_minor, processing_fee_minor, platform_fee_minor, "
                     "instructor_share_minor) FROM course_orders WHERE id = " + str(order_id))
        == "pending 4900 89 1443 3368");

    // A second press finds the same order and checkout; nothing new is written.
    audit = f.audit_count();
    auto again = api.post(course_path + "/checkout", Json::object(), learner);
    CHECK(again.status == 200);
    CHECK(again.json["order_id"] == order_id);
    CHECK(again.json["checkout_url"] == checkout_url);
    CHECK(f.audit_count() == audit);

    // The sandbox's page: the merchant (escaped), the course and the amount.
    auto client = f.server().client();
    auto page = client.Get(checkout_url);
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    CHECK(page->body.find("Lumen &amp; Co &lt;Courses&gt;") != std::string::npos);
    CHECK(page->body.find("Course paid-course") != std::string::npos);
    CHECK(page->body.find("Pay \xC2\xA3" "49.00") != std::string::npos);
    CHECK(page->body.find("<Courses>") == std::string::npos);
    auto css = client.Get("/sandbox-pay/checkout.css");
    REQUIRE(css);
    CHECK(css->status == 200);

    // Paying: the sandbox sends checkout.completed to the server and sends
    // the learner back to their order.
    auto paid = sandbox_post(f, checkout_url, "pay");
    REQUIRE(paid);
    CHECK(paid->status == 303);
    CHECK(paid->get_header_value("Location") == "/#/learn/orders/" + str(order_id));
    CHECK(status_after_event(f, order_id, "paid") == "paid");
    CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid) + " AND student_id = "
              + str(D.student.id)) == 1);
    CHECK(f.sql_text("SELECT actor || ' ' || action FROM audit_log WHERE entity = 'order' AND entity_id = '"
                     + str(order_id) + "' ORDER BY id DESC LIMIT 1") == "provider:sandbox order.paid");
    auto lesson = api.get("/api/marketplace/lessons/" + str(shop.lesson), learner);
    CHECK(lesson.status == 200);
    CHECK(lesson.json["body"] == "Bought text");

    // A second click on "Pay", and "send the confirmation again" (the same
    // event: a replay), change nothing.
    audit = f.audit_count();
    auto twice = sandbox_post(f, checkout_url, "pay");
    REQUIRE(twice);
    CHECK(twice->status == 303);
    auto resent = sandbox_post(f, checkout_url, "resend");
    REQUIRE(resent);
    CHECK(resent->status == 303);
    // The replayed event reaches the server (its second delivery in the
    // request log) and is turned away.
    auto deliveries = [&] {
        int n = 0;
        for (const auto& line : f.server().log_entries())
            n += line.value("path", "") == "/api/marketplace/webhooks/sandbox" && line.value("status", 0) == 200;
        return n;
    };
    for (int i = 0; i < 200 && deliveries() < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(deliveries() == 2);
    CHECK(count(f, "SELECT count(*) FROM payment_events WHERE order_id = " + str(order_id)) == 1);
    CHECK(f.audit_count() == audit);
    page = client.Get(checkout_url);
    REQUIRE(page);
    CHECK(page->body.find("This checkout is paid.") != std::string::npos);

    // Having the course, buying it again is refused.
    check_error(api.post(course_path + "/checkout", Json::object(), learner), 409, "Conflict",
        "You already have Course paid-course");

    // The receipt: the learner sees what they paid, not the split; the
    // office and the course's instructor see the split, which adds up.
    auto mine = api.get("/api/marketplace/orders/" + str(order_id), learner);
    INFO(describe(mine));
    REQUIRE(mine.status == 200);
    CHECK(mine.json["status"] == "paid");
    CHECK(mine.json["status_label"] == "Paid");
    CHECK(mine.json["amount"]["text"] == "\xC2\xA3" "49.00");
    CHECK(mine.json["has_access"] == true);
    CHECK_FALSE(mine.json.contains("split"));
    CHECK_FALSE(mine.json["paid_at"].is_null());
    for (const auto* person : { &D.admin, &D.teacher }) {
        auto seen = api.get("/api/marketplace/orders/" + str(order_id), f.token(*person));
        INFO(person->role << ": " << describe(seen));
        REQUIRE(seen.status == 200);
        const auto& split = seen.json["split"];
        CHECK(split["gross"]["minor"] == 4900);
        CHECK(split["processing_fee"]["minor"].get<int>() + split["platform_fee"]["minor"].get<int>()
                + split["instructor_share"]["minor"].get<int>()
            == 4900);
        CHECK(split["instructor_share"]["text"] == "\xC2\xA3" "33.68");
        CHECK_FALSE(seen.json.contains("checkout_url"));
        CHECK(seen.json["learner_name"] == D.student.name);
    }
    auto list = api.get("/api/marketplace/orders?status=paid", f.token(D.admin));
    REQUIRE(list.status == 200);
    REQUIRE(list.json.size() == 1);
    CHECK(list.header("X-Total-Count") == "1");
    check_error(api.get("/api/marketplace/orders?status=sold", f.token(D.admin)), 400, "Invalid request");
    CHECK(api.get("/api/marketplace/orders", learner).json.size() == 1);
    // Moderators look after content, not money; parents buy nothing here.
    check_error(api.get("/api/marketplace/orders", f.token(D.moderator)), 403, "Unauthorized");

    // Another learner and another tenant find nothing.
    auto other = f.create_user("demo", "other.learner@demo.learnloop.test", "Other Learner", "student");
    check_error(api.get("/api/marketplace/orders/" + str(order_id), f.token(other)), 404, "Order not found");
    CHECK(api.get("/api/marketplace/orders", f.token(other)).json.empty());
    check_error(api.get("/api/marketplace/orders/" + str(order_id), f.token(f.other.admin)), 404, "Order not found");
    check_error(api.post(course_path + "/checkout", Json::object(), f.token(f.other.student)), 404, "Course not found");
}

TEST_CASE("payment events: forged, stale, mismatched, replayed and out-of-order ones change nothing",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_events", {});
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    auto made = f.api().post("/api/marketplace/courses/" + str(shop.paid) + "/checkout", Json::object(), learner);
    REQUIRE(made.status == 201);
    const auto order_id = made.json["order_id"].get<std::int64_t>();
    const auto checkout_id = "cs_" + token_of(made.json["checkout_url"]);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    Json event { { "id", "evt_00000000000000000000000000000001" }, { "type", "checkout.completed" }, { "created", now },
        { "data", { { "checkout_id", checkout_id }, { "payment_id", "pay_00000000000000000000000000000001" },
                      { "amount_minor", 4900 }, { "currency", "GBP" },
                      { "metadata", { { "tenant_id", D.id }, { "order_id", order_id } } } } } };
    auto unchanged = [&] {
        CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "pending");
        CHECK(count(f, "SELECT count(*) FROM payment_events") == 0);
        CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid)) == 0);
    };
    auto audit = f.audit_count();

    // No signature, a malformed one, the wrong secret, a stale time, a
    // signature of another body: 401, nothing written.
    auto unsigned_reply = f.api().send_text("POST", "/api/marketplace/webhooks/sandbox", event.dump(), "application/json");
    check_error(unsigned_reply, 401, "Unauthorized");
    check_error(f.api().send_text("POST", "/api/marketplace/webhooks/sandbox", event.dump(), "application/json", "",
                    { { "Sandbox-Signature", "t=abc,v1=zz" } }),
        401, "Unauthorized");
    check_error(send_event(f, event, 0, std::string(64, 'a')), 401, "Unauthorized");
    check_error(send_event(f, event, now - 3600), 401, "Unauthorized");
    {
        const auto digest = learnloop::server::hmac_sha256_hex(
            f.sql_text("SELECT webhook_secret FROM sandbox_provider"), std::to_string(now) + "." + event.dump());
        auto tampered = event;
        tampered["data"]["amount_minor"] = 1;
        check_error(f.api().send_text("POST", "/api/marketplace/webhooks/sandbox", tampered.dump(),
                        "application/json", "", { { "Sandbox-Signature", "t=" + str(now) + ",v1=" + digest } }),
            401, "Unauthorized");
    }
    unchanged();

    // Signed but wrong: another amount (422), not an event (400), an order
    // that is not there (404).
    auto cheap = event;
    cheap["data"]["amount_minor"] = 100;
    check_error(send_event(f, cheap), 422, "Failed precondition");
    auto nonsense = event;
    nonsense["type"] = "charge.refunded";
    check_error(send_event(f, nonsense), 400, "Invalid request");
    auto nowhere = event;
    nowhere["data"]["metadata"]["order_id"] = order_id + 1000;
    check_error(send_event(f, nowhere), 404, "Order not found");
    unchanged();
    CHECK(f.audit_count() == audit);

    // The real event pays the order; the same event again, at once or later,
    // changes nothing.
    std::vector<std::future<Reply>> both;
    for (int i = 0; i < 4; ++i)
        both.push_back(std::async(std::launch::async, [&] { return send_event(f, event); }));
    for (auto& reply : both) {
        auto r = reply.get();
        INFO(describe(r));
        CHECK(r.status == 200);
    }
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "paid");
    CHECK(count(f, "SELECT count(*) FROM payment_events") == 1);
    CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid)) == 1);
    CHECK(f.audit_count() == audit + 1);
    auto replay = send_event(f, event);
    CHECK(replay.status == 200);
    CHECK(replay.json["message"] == "This event was applied before");

    // A cancellation arriving after the payment changes nothing.
    Json cancel = event;
    cancel["id"] = "evt_00000000000000000000000000000002";
    cancel["type"] = "checkout.cancelled";
    cancel["data"].erase("payment_id");
    auto late = send_event(f, cancel);
    CHECK(late.status == 200);
    CHECK(late.json["message"] == "Nothing to change");
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "paid");
    CHECK(f.audit_count() == audit + 1);
}

TEST_CASE("buying: double clicks make one order, cancelling enrols nobody, bad requests are refused",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_clicks", {});
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    const auto course_path = "/api/marketplace/courses/" + str(shop.paid);

    // Eight presses at once: one order, one checkout.
    std::vector<std::future<Reply>> presses;
    for (int i = 0; i < 8; ++i)
        presses.push_back(std::async(std::launch::async,
            [&] { return api.post(course_path + "/checkout", Json::object(), learner); }));
    std::set<std::int64_t> orders;
    for (auto& press : presses) {
        auto reply = press.get();
        INFO(describe(reply));
        CHECK((reply.status == 201 || reply.status == 200));
        if (reply.status < 300)
            orders.insert(reply.json["order_id"].get<std::int64_t>());
    }
    CHECK(orders.size() == 1);
    CHECK(count(f, "SELECT count(*) FROM course_orders") == 1);
    CHECK(count(f, "SELECT count(*) FROM sandbox_checkouts") == 1);
    CHECK(count(f, "SELECT count(*) FROM audit_log WHERE action = 'order.create'") == 1);

    // Cancelling at the checkout: back to the order, cancelled, not enrolled.
    const auto order_id = *orders.begin();
    const auto url = f.sql_text("SELECT checkout_url FROM course_orders WHERE id = " + str(order_id));
    auto cancelled = sandbox_post(f, url, "cancel");
    REQUIRE(cancelled);
    CHECK(cancelled->status == 303);
    CHECK(status_after_event(f, order_id, "cancelled") == "cancelled");
    CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid)) == 0);
    auto receipt = api.get("/api/marketplace/orders/" + str(order_id), learner);
    CHECK(receipt.json["status_label"] == "Cancelled");
    CHECK(receipt.json["has_access"] == false);
    // Paying a cancelled checkout does nothing; a new press makes a new order.
    auto late = sandbox_post(f, url, "pay");
    REQUIRE(late);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(order_id)) == "cancelled");
    auto fresh = api.post(course_path + "/checkout", Json::object(), learner);
    CHECK(fresh.status == 201);
    CHECK(fresh.json["order_id"] != order_id);

    // An unknown checkout's page.
    auto client = f.server().client();
    auto missing = client.Get("/sandbox-pay/" + std::string(64, 'f'));
    REQUIRE(missing);
    CHECK(missing->status == 404);

    // What cannot be bought, and who cannot buy.
    check_error(api.post("/api/marketplace/courses/" + str(shop.free) + "/checkout", Json::object(), learner), 422,
        "Failed precondition", "This course is free: enrol instead");
    check_error(api.post("/api/marketplace/courses/" + str(shop.monthly) + "/checkout", Json::object(), learner), 422,
        "Failed precondition", "Subscriptions are not on sale yet");
    check_error(api.post("/api/marketplace/courses/99999/checkout", Json::object(), learner), 404, "Course not found");
    check_error(api.post(course_path + "/checkout", { { "price", "0.01" } }, learner), 400, "Invalid request");
    check_error(api.post(course_path + "/checkout", Json::object(), f.token(D.admin)), 403, "Unauthorized");
    check_error(api.post(course_path + "/checkout", Json::object(), f.token(D.teacher)), 403, "Unauthorized");
    f.sql("UPDATE courses SET status = 'draft' WHERE id = " + str(shop.paid));
    check_error(api.post(course_path + "/checkout", Json::object(), f.token(f.create_user("demo",
                    "late.learner@demo.learnloop.test", "Late Learner", "student"))),
        404, "Course not found");
}

TEST_CASE("refunds: part then the rest, each part of the split reversed; a full refund takes the course away",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_refunds", {});
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    const auto admin = f.token(D.admin);
    auto made = api.post("/api/marketplace/courses/" + str(shop.paid) + "/checkout", Json::object(), learner);
    REQUIRE(made.status == 201);
    const auto order_id = made.json["order_id"].get<std::int64_t>();
    const auto refunds = "/api/marketplace/orders/" + str(order_id) + "/refunds";

    // Not paid yet: nothing to refund.
    check_error(api.post(refunds, Json::object(), admin), 422, "Failed precondition", "Only a paid order can be refunded");
    REQUIRE(sandbox_post(f, made.json["checkout_url"], "pay"));
    REQUIRE(status_after_event(f, order_id, "paid") == "paid");

    // Bad amounts and reasons, and people who may not refund: nothing written.
    const auto instructor = f.token(D.teacher);   // signing in is audited: before counting
    auto audit = f.audit_count();
    check_error(api.post(refunds, { { "amount", "-1.00" } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "amount", "12.505" } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "amount", 10 } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "amount", "0" } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "amount", "49.01" } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "reason", std::string(501, 'x') } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, { { "everything", true } }, admin), 400, "Invalid request");
    check_error(api.post(refunds, Json::object(), instructor), 403, "Unauthorized");
    check_error(api.post(refunds, Json::object(), learner), 403, "Unauthorized");
    check_error(api.post("/api/marketplace/orders/99999/refunds", Json::object(), admin), 404, "Order not found");
    CHECK(f.audit_count() == audit);
    CHECK(count(f, "SELECT count(*) FROM order_refunds") == 0);

    // £10.00 back: each part gives back its share; the course stays.
    auto part = api.post(refunds, { { "amount", "10.00" }, { "reason", "Came late to the course" } }, admin);
    INFO(describe(part));
    REQUIRE(part.status == 201);
    CHECK(part.json["status"] == "partly_refunded");
    CHECK(part.json["message"] == "\xC2\xA3" "10.00 refunded");
    CHECK(part.json["has_access"] == true);
    const auto& back = part.json["refunded_split"];
    CHECK(back["gross"]["minor"] == 1000);
    CHECK(back["processing_fee"]["minor"].get<int>() + back["platform_fee"]["minor"].get<int>()
            + back["instructor_share"]["minor"].get<int>()
        == 1000);
    CHECK(part.json["refunds"].size() == 1);
    CHECK(part.json["refunds"][0]["reason"] == "Came late to the course");
    CHECK(f.last_audit_action() == "order.refund");
    CHECK(f.sql_text("SELECT refunded_minor FROM sandbox_checkouts") == "1000");
    CHECK(api.get("/api/marketplace/lessons/" + str(shop.lesson), learner).status == 200);

    // The rest (no amount: all that is left): refunded, the course taken away.
    auto rest = api.post(refunds, Json::object(), admin);
    INFO(describe(rest));
    REQUIRE(rest.status == 201);
    CHECK(rest.json["status"] == "refunded");
    CHECK(rest.json["has_access"] == false);
    CHECK(rest.json["refunded"]["minor"] == 4900);
    CHECK(rest.json["message"] == "\xC2\xA3" "39.00 refunded: the learner no longer has the course");
    CHECK(f.sql_text("SELECT (refunded_processing_minor = processing_fee_minor AND refunded_platform_minor = "
                     "platform_fee_minor AND refunded_instructor_minor = instructor_share_minor)::text "
                     "FROM course_orders WHERE id = " + str(order_id))
        == "true");
    CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid)) == 0);
    check_error(api.get("/api/marketplace/lessons/" + str(shop.lesson), learner), 403, "Forbidden");
    check_error(api.post(refunds, Json::object(), admin), 422, "Failed precondition",
        "This order has been refunded in full already");

    // The learner's receipt lists the refunds without the office's notes.
    auto receipt = api.get("/api/marketplace/orders/" + str(order_id), learner);
    CHECK(receipt.json["status_label"] == "Refunded");
    REQUIRE(receipt.json["refunds"].size() == 2);
    CHECK_FALSE(receipt.json["refunds"][0].contains("reason"));
    // And they may buy it again.
    CHECK(api.post("/api/marketplace/courses/" + str(shop.paid) + "/checkout", Json::object(), learner).status == 201);
}

TEST_CASE("refunds: a request sent again (a retry, a second press) refunds once, by its Idempotency-Key",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_refund_keys", {});
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    const auto admin = f.token(D.admin);
    auto made = api.post("/api/marketplace/courses/" + str(shop.paid) + "/checkout", Json::object(), learner);
    REQUIRE(made.status == 201);
    const auto order_id = made.json["order_id"].get<std::int64_t>();
    const auto refunds = "/api/marketplace/orders/" + str(order_id) + "/refunds";
    REQUIRE(sandbox_post(f, made.json["checkout_url"], "pay"));
    REQUIRE(status_after_event(f, order_id, "paid") == "paid");
    const httplib::Headers key { { "Idempotency-Key", "r0123456789abcdef0123" } };
    const Json ten { { "amount", "10.00" }, { "reason", "Came late" } };

    // Four presses at once with one key: one refund of £10.00; the others are told so.
    std::vector<std::future<Reply>> presses;
    for (int i = 0; i < 4; ++i)
        presses.push_back(std::async(std::launch::async, [&] { return api.post(refunds, ten, admin, key); }));
    int made_now = 0;
    for (auto& press : presses) {
        const auto reply = press.get();
        INFO(describe(reply));
        REQUIRE((reply.status == 201 || reply.status == 200));
        made_now += reply.status == 201 ? 1 : 0;
        if (reply.status == 200)
            CHECK(reply.json["message"] == "\xC2\xA3" "10.00 was refunded already");
        CHECK(reply.json["refunded"]["minor"] == 1000);
    }
    CHECK(made_now == 1);
    CHECK(count(f, "SELECT count(*) FROM order_refunds") == 1);
    CHECK(f.sql_text("SELECT refunded_minor FROM sandbox_checkouts") == "1000");
    CHECK(count(f, "SELECT count(*) FROM audit_log WHERE action = 'order.refund'") == 1);

    // The key again without an amount (as the form sends "all that is left"
    // the first time): the refund it made. With another amount: refused, in words.
    CHECK(api.post(refunds, Json::object(), admin, key).status == 200);
    check_error(api.post(refunds, { { "amount", "5.00" } }, admin, key), 422, "Failed precondition",
        "This request was a refund of \xC2\xA3" "10.00; send another for a new refund");
    // Another key is another refund; a key of the wrong shape is refused.
    auto rest = api.post(refunds, Json::object(), admin, { { "Idempotency-Key", "r-second-refund-0001" } });
    REQUIRE(rest.status == 201);
    CHECK(rest.json["status"] == "refunded");
    // The first key still finds its own refund after the order is refunded in full.
    CHECK(api.post(refunds, ten, admin, key).status == 200);
    for (const auto* bad : { "short", "has spaces in it here", "\xC3\xA9-not-ascii-but-long-enough" }) {
        auto refused = api.post(refunds, ten, admin, { { "Idempotency-Key", bad } });
        CHECK(refused.status == 400);
        CHECK(refused.field() == "Idempotency-Key");
    }
    CHECK(count(f, "SELECT count(*) FROM order_refunds") == 2);
}

TEST_CASE("a late payment: a lost event, an expired order and another checkout; events name their checkout",
    "[api][marketplace][orders]")
{
    learnloop::server::init_crypto();
    ApiFixture f("market_orders_late", {});
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto learner = f.token(D.student);
    const auto course_path = "/api/marketplace/courses/" + str(shop.paid);
    auto first = api.post(course_path + "/checkout", Json::object(), learner);
    REQUIRE(first.status == 201);
    const auto a = first.json["order_id"].get<std::int64_t>();
    const auto a_checkout = "cs_" + token_of(first.json["checkout_url"]);

    // An event naming another checkout than the order's is refused.
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    Json event { { "id", "evt_000000000000000000000000000000aa" }, { "type", "checkout.completed" }, { "created", now },
        { "data", { { "checkout_id", "cs_" + std::string(64, '9') }, { "payment_id", "pay_" + std::string(32, '1') },
                      { "amount_minor", 4900 }, { "currency", "GBP" },
                      { "metadata", { { "tenant_id", D.id }, { "order_id", a } } } } } };
    check_error(send_event(f, event), 422, "Failed precondition", "The event's checkout is not the order's");

    // The learner paid order A, but its event was lost; a day later A looks
    // stale. Pressing Buy asks the provider first and waits for A.
    f.sql("UPDATE sandbox_checkouts SET status = 'paid', payment_id = 'pay_" + std::string(32, '1')
        + "', completed_at = now() WHERE id = '" + a_checkout + "'");
    f.sql("UPDATE course_orders SET created_at = now() - interval '25 hours' WHERE id = " + str(a));
    auto again = api.post(course_path + "/checkout", Json::object(), learner);
    CHECK(again.status == 200);
    CHECK(again.json["message"] == "Your payment is being confirmed");
    CHECK(again.json["order_id"] == a);

    // Had it not been paid, A expires and B is made; then A's payment
    // arrives after all: A is paid (the money was taken), B given up.
    f.sql("UPDATE sandbox_checkouts SET status = 'open', payment_id = NULL, completed_at = NULL WHERE id = '" + a_checkout
        + "'");
    auto second = api.post(course_path + "/checkout", Json::object(), learner);
    REQUIRE(second.status == 201);
    const auto b = second.json["order_id"].get<std::int64_t>();
    CHECK(b != a);
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(a)) == "expired");
    event["data"]["checkout_id"] = a_checkout;
    auto late = send_event(f, event);
    INFO(describe(late));
    CHECK(late.status == 200);
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(a)) == "paid");
    CHECK(f.sql_text("SELECT status FROM course_orders WHERE id = " + str(b)) == "cancelled");
    CHECK(count(f, "SELECT count(*) FROM course_students WHERE course_id = " + str(shop.paid)) == 1);

    // A second, different payment for a paid order is kept on record for the office.
    auto twice = event;
    twice["id"] = "evt_000000000000000000000000000000bb";
    twice["data"]["payment_id"] = "pay_" + std::string(32, '2');
    CHECK(send_event(f, twice).status == 200);
    CHECK(f.last_audit_action() == "order.second_payment");
    CHECK(f.sql_text("SELECT payment_id FROM course_orders WHERE id = " + str(a)) == "pay_" + std::string(32, '1'));
}

TEST_CASE("with payments off nothing can be bought and the sandbox is closed", "[api][marketplace][orders]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_PAYMENTS"] = "off";
    ApiFixture f("market_orders_off", options);
    auto& D = f.demo;
    const auto shop = make_shop(f);
    auto audit = f.audit_count();
    const auto learner = f.token(D.student);
    audit = f.audit_count();
    check_error(f.api().post("/api/marketplace/courses/" + str(shop.paid) + "/checkout", Json::object(), learner), 422,
        "Failed precondition", "Buying courses is not open on this server");
    check_error(f.api().send_text("POST", "/api/marketplace/webhooks/sandbox", "{}", "application/json"), 404,
        "Payments are off on this server");
    auto page = f.server().client().Get("/sandbox-pay/" + std::string(64, 'a'));
    REQUIRE(page);
    CHECK(page->status == 404);
    CHECK(count(f, "SELECT count(*) FROM course_orders") == 0);
    CHECK(f.audit_count() == audit);
}
