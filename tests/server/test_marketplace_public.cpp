// The catalog for visitors against the real server and PostgreSQL: the same
// courses and counts as a signed-in search, without a session; drafts,
// learners' names and other organisations stay out of reach, and nothing
// can be written through it.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

} // namespace

TEST_CASE("public catalog: visitors find a marketplace's published courses and read their pages",
    "[api][marketplace][catalog][public]")
{
    ApiFixture f("market_public", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto draft = f.sql_int("INSERT INTO courses (tenant_id, title, instructor_id, status, slug) VALUES ("
        + str(D.id) + ", 'Secret draft', " + str(D.teacher.id) + ", 'draft', 'secret-draft') RETURNING id");
    f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) VALUES (" + str(D.id) + ", " + str(shop.paid)
        + ", " + str(D.student.id) + ")");
    f.sql("INSERT INTO course_reviews (tenant_id, course_id, learner_id, stars, body) VALUES (" + str(D.id) + ", "
        + str(shop.paid) + ", " + str(D.student.id) + ", 5, 'Clear and kind')");
    const auto tenant = "?tenant=" + D.slug;

    // The same search as a signed-in learner's, without a session.
    auto visitor = api.get("/api/public/catalog" + tenant + "&q=course&sort=newest");
    INFO(describe(visitor));
    REQUIRE(visitor.status == 200);
    auto learner = api.get("/api/marketplace/catalog?q=course&sort=newest", f.token(D.student));
    REQUIRE(learner.status == 200);
    CHECK(ids_of(visitor.json["courses"]) == ids_of(learner.json["courses"]));
    CHECK(visitor.json["facets"] == learner.json["facets"]);
    CHECK(visitor.json["total"] == 3);
    CHECK(visitor.json["marketplace_name"] == "Lumen & Co <Courses>");   // whose catalog, for the page's heading
    CHECK(learner.json.count("marketplace_name") == 0);
    // The X-Tenant header names it too.
    CHECK(api.get("/api/public/catalog", {}, { { "X-Tenant", D.slug } }).json["total"] == 3);

    // A course's page: its lessons' titles and reviews by short names, nothing of anyone's own.
    auto page = api.get("/api/public/courses/" + str(shop.paid) + tenant);
    REQUIRE(page.status == 200);
    CHECK(page.json["is_enrolled"] == false);
    CHECK(page.json["marketplace_name"] == "Lumen & Co <Courses>");
    CHECK(page.json["progress"].is_null());
    CHECK(page.json["may_review"] == false);
    CHECK(page.json["modules"][0]["lessons"][0]["title"] == "First");
    CHECK(page.json["modules"][0]["lessons"][0].count("body") == 0);
    REQUIRE(page.json["reviews"].size() == 1);
    CHECK(page.json["reviews"][0].count("learner_id") == 0);
    CHECK(page.json["reviews"][0]["body"] == "Clear and kind");

    // Drafts, lessons' text, other organisations and writes stay out of reach.
    check_error(api.get("/api/public/courses/" + str(draft) + tenant), 404, "Course not found");
    check_error(api.get("/api/public/courses/999999" + tenant), 404, "Course not found");
    CHECK(api.get("/api/public/courses/" + str(shop.paid) + "?tenant=" + f.other.slug).status == 404);
    CHECK(api.get("/api/public/catalog?tenant=" + f.other.slug).status == 404);   // a school: no catalog
    CHECK(api.get("/api/public/catalog?tenant=no-such-place").status == 404);
    auto unnamed = api.get("/api/public/catalog");
    CHECK(unnamed.status == 400);
    CHECK(unnamed.field() == "tenant");
    CHECK(api.get("/api/public/catalog" + tenant + "&level=guru").field() == "level");
    CHECK(api.get("/api/public/catalog" + tenant + "&q=" + std::string(300, 'a')).status == 400);
    CHECK(api.get("/api/marketplace/lessons/" + str(shop.lesson) + tenant).status == 401);
    CHECK(api.post("/api/public/catalog" + tenant, Json::object()).status == 405);
}
