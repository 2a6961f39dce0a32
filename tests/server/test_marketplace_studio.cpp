// The course studio against the real server and PostgreSQL: an instructor
// writes a course from nothing (its face and price, modules, lessons, their
// order), publishes it and learners find it; the office writes any course;
// other instructors, learners and other tenants reach none of it; bad input
// is refused field by field with nothing written, and every change is audited.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

const char* k_courses = "/api/marketplace/studio/courses";

std::string course_path(std::int64_t id) { return std::string(k_courses) + "/" + str(id); }
std::string module_path(std::int64_t id) { return "/api/marketplace/studio/modules/" + str(id); }
std::string lesson_path(std::int64_t id) { return "/api/marketplace/studio/lessons/" + str(id); }

Json new_course(const std::string& slug)
{
    return { { "title", "Café French for Travellers" }, { "slug", slug },
        { "subtitle", "Order, ask and chat in a week" }, { "description", "Day one.\n\nDay two." },
        { "level", "beginner" }, { "language", "fr" }, { "tags", { "French", "travel" } },
        { "price", { { "kind", "one_time" }, { "amount", "19.99" }, { "currency", "GBP" } } } };
}

// The course's outline as {module id: [lesson ids]} in order.
std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> outline_of(const Json& page)
{
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> outline;
    for (const auto& module : page["modules"])
        outline.push_back({ module["id"].get<std::int64_t>(), ids_of(module["lessons"]) });
    return outline;
}

Json outline_body(const std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>>& outline)
{
    Json modules = Json::array();
    for (const auto& [id, lessons] : outline)
        modules.push_back({ { "id", id }, { "lessons", lessons } });
    return { { "modules", modules } };
}

} // namespace

TEST_CASE("studio: an instructor writes a course, orders it, publishes it, and learners find it",
    "[api][marketplace][studio]")
{
    ApiFixture f("market_studio_write");
    auto& api = f.api();
    auto& D = f.demo;
    make_shop(f);
    const auto teacher = f.token(D.teacher);
    const auto student = f.token(D.student);
    const auto languages = f.sql_int("INSERT INTO catalog_categories (tenant_id, slug, name) VALUES (" + str(D.id)
        + ", 'languages', 'Languages') RETURNING id");

    auto choices = api.get("/api/marketplace/studio/choices", teacher);
    REQUIRE(choices.status == 200);
    CHECK(choices.json["currency"] == "GBP");
    CHECK(ids_of(choices.json["categories"]) == std::vector<std::int64_t> { languages });
    CHECK(choices.json["instructors"].empty());   // only the office gives a course to someone

    auto audit = f.audit_count();
    auto body = new_course("cafe-french");
    body["category_id"] = languages;
    auto made = api.post(k_courses, body, teacher);
    INFO(describe(made));
    REQUIRE(made.status == 201);
    const auto id = made.json["id"].get<std::int64_t>();
    CHECK(made.json["status"] == "draft");
    CHECK(made.json["status_label"] == "Draft");
    CHECK(made.json["price_label"] == "\xC2\xA3" "19.99");
    CHECK(made.json["tags"] == Json { "french", "travel" });
    CHECK(made.json["instructor_name"] == D.teacher.name);
    CHECK(made.json["modules"].empty());
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "course.create");
    CHECK(f.sql_text("SELECT price_band FROM courses WHERE id = " + str(id)) == "under_20");
    // Its own list has it first; a draft is not in the catalog, nor open to learners.
    auto mine = api.get(k_courses, teacher);
    REQUIRE(mine.status == 200);
    CHECK(mine.json[0]["id"] == id);
    CHECK(api.get("/api/marketplace/courses/" + str(id), student).status == 404);

    // Nothing to publish yet.
    check_error(api.put(course_path(id) + "/status", { { "status", "published" } }, teacher), 422, "Failed precondition",
        "Add a lesson before you publish the course");

    auto week1 = api.post(course_path(id) + "/modules", { { "title", " Week 1 " } }, teacher);
    REQUIRE(week1.status == 201);
    const auto m1 = week1.json["module_id"].get<std::int64_t>();
    auto week2 = api.post(course_path(id) + "/modules", { { "title", "Week 2" } }, teacher);
    REQUIRE(week2.status == 201);
    const auto m2 = week2.json["module_id"].get<std::int64_t>();
    CHECK(week2.json["modules"][0]["title"] == "Week 1");

    auto reading = api.post(module_path(m1) + "/lessons",
        { { "title", "Ordering a coffee" }, { "kind", "text" }, { "minutes", 10 }, { "body", "Un café, s'il vous plaît." } },
        teacher);
    REQUIRE(reading.status == 201);
    const auto l1 = reading.json["lesson_id"].get<std::int64_t>();
    auto video = api.post(module_path(m1) + "/lessons",
        { { "title", "At the market" }, { "kind", "video" }, { "minutes", 7 },
            { "video_url", "https://video.example/market" } },
        teacher);
    REQUIRE(video.status == 201);
    const auto l2 = video.json["lesson_id"].get<std::int64_t>();
    CHECK(outline_of(video.json) == decltype(outline_of(video.json)) { { m1, { l1, l2 } }, { m2, {} } });
    CHECK(video.json["modules"][0]["lessons"][1]["kind_label"] == "Video");
    CHECK(video.json["lessons"] == 2);

    // Bad lessons: nothing written.
    audit = f.audit_count();
    auto no_video = api.post(module_path(m1) + "/lessons", { { "title", "Clip" }, { "kind", "video" } }, teacher);
    CHECK(no_video.status == 400);
    CHECK(no_video.field() == "video_url");
    auto script = api.post(module_path(m1) + "/lessons",
        { { "title", "Clip" }, { "kind", "video" }, { "video_url", "javascript:alert(1)" } }, teacher);
    CHECK(script.field() == "video_url");
    auto not_a_quiz = api.post(module_path(m1) + "/lessons",
        { { "title", "Check" }, { "kind", "quiz" }, { "quiz_id", 999999 } }, teacher);
    CHECK(not_a_quiz.status == 400);
    CHECK(not_a_quiz.field() == "quiz_id");
    CHECK(api.post(module_path(m1) + "/lessons", { { "title", "X" }, { "kind", "text" }, { "minutes", "ten" } }, teacher)
              .field()
        == "minutes");
    CHECK(f.audit_count() == audit);

    // The video moves to week 2, then week 2 moves first.
    auto moved = api.put(course_path(id) + "/outline", outline_body({ { m2, { l2 } }, { m1, { l1 } } }), teacher);
    INFO(describe(moved));
    REQUIRE(moved.status == 200);
    CHECK(outline_of(moved.json) == decltype(outline_of(moved.json)) { { m2, { l2 } }, { m1, { l1 } } });
    CHECK(f.last_audit_action() == "course.reorder");
    // An order that leaves a lesson out, or names another course's, changes nothing.
    const std::string changed = "The course's modules or lessons changed meanwhile; load it again and move them once more";
    check_error(api.put(course_path(id) + "/outline", outline_body({ { m2, {} }, { m1, { l1 } } }), teacher), 422,
        "Failed precondition", changed);
    check_error(api.put(course_path(id) + "/outline", outline_body({ { m2, { l2, 1 } }, { m1, { l1 } } }), teacher),
        422, "Failed precondition", changed);
    CHECK(api.put(course_path(id) + "/outline", { { "modules", "all" } }, teacher).status == 400);

    // Published, learners find it with its modules in the new order.
    auto published = api.put(course_path(id) + "/status", { { "status", "published" } }, teacher);
    REQUIRE(published.status == 200);
    CHECK(published.json["message"] == "Café French for Travellers is published: learners find it in the catalog");
    CHECK(f.last_audit_action() == "course.publish");
    auto page = api.get("/api/marketplace/courses/" + str(id), student);
    REQUIRE(page.status == 200);
    CHECK(page.json["modules"][0]["title"] == "Week 2");
    CHECK(page.json["modules"][0]["lessons"][0]["title"] == "At the market");
    auto found = api.get("/api/marketplace/catalog?q=caf", student);
    REQUIRE(found.status == 200);
    CHECK(ids_of(found.json["courses"]) == std::vector<std::int64_t> { id });

    // Its face changes: a new price and words the search finds.
    body = new_course("cafe-french");
    body["title"] = "Café French in Seven Days";
    body["price"] = { { "kind", "one_time" }, { "amount", "55.00" }, { "currency", "GBP" } };
    auto saved = api.put(course_path(id), body, teacher);
    REQUIRE(saved.status == 200);
    CHECK(saved.json["price_label"] == "\xC2\xA3" "55.00");
    CHECK(saved.json["category_id"].is_null());
    CHECK(f.sql_text("SELECT price_band FROM courses WHERE id = " + str(id)) == "50_100");
    CHECK(f.last_audit_action() == "course.update");
    CHECK(ids_of(api.get("/api/marketplace/catalog?q=seven", student).json["courses"])
        == std::vector<std::int64_t> { id });
    // Saving the same again changes and audits nothing.
    audit = f.audit_count();
    CHECK(api.put(course_path(id), body, teacher).json["message"] == "Nothing changed");
    CHECK(f.audit_count() == audit);
    // Another course's address is taken.
    body["slug"] = f.sql_text("SELECT slug FROM courses WHERE id <> " + str(id) + " AND slug IS NOT NULL LIMIT 1");
    auto taken = api.put(course_path(id), body, teacher);
    CHECK(taken.status == 409);
    CHECK(taken.field() == "slug");

    // A learner opens the reading: it stays; the module holding it stays.
    f.sql("INSERT INTO lesson_progress (tenant_id, course_id, lesson_id, learner_id) VALUES (" + str(D.id) + ", "
        + str(id) + ", " + str(l1) + ", " + str(D.student.id) + ")");
    check_error(api.del(lesson_path(l1), teacher), 422, "Failed precondition",
        "Learners have opened Ordering a coffee, so it stays: change what it says instead");
    check_error(api.del(module_path(m1), teacher), 422, "Failed precondition",
        "Module Week 1 still has lessons: move them to another module or delete them first");
    // The video goes; an empty module goes.
    auto gone = api.del(lesson_path(l2), teacher);
    REQUIRE(gone.status == 200);
    CHECK(f.last_audit_action() == "lesson.delete");
    auto empty = api.del(module_path(m2), teacher);
    REQUIRE(empty.status == 200);
    CHECK(outline_of(empty.json) == decltype(outline_of(empty.json)) { { m1, { l1 } } });
    // A published course keeps its one lesson.
    check_error(api.del(lesson_path(l1), teacher), 422, "Failed precondition",
        "A published course keeps one lesson at least: add another first, or archive the course");

    // Renamed, edited; archived (its learners keep it), published again.
    CHECK(api.put(module_path(m1), { { "title", "Getting started" } }, teacher).json["modules"][0]["title"]
        == "Getting started");
    auto edited = api.put(lesson_path(l1),
        { { "title", "Ordering a coffee" }, { "kind", "text" }, { "minutes", 12 }, { "body", "Deux cafés !" } }, teacher);
    REQUIRE(edited.status == 200);
    CHECK(edited.json["modules"][0]["lessons"][0]["minutes"] == 12);
    CHECK(f.last_audit_action() == "lesson.update");
    auto archived = api.put(course_path(id) + "/status", { { "status", "archived" } }, teacher);
    REQUIRE(archived.status == 200);
    CHECK(archived.json["status_label"] == "Archived");
    // A course once published never goes back to a draft.
    CHECK(api.put(course_path(id) + "/status", { { "status", "draft" } }, teacher).status == 422);
    CHECK(api.put(course_path(id) + "/status", { { "status", "published" } }, teacher).status == 200);
}

TEST_CASE("studio: whose courses each person writes, bad input, and races", "[api][marketplace][studio]")
{
    ApiFixture f("market_studio_reach", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto admin = f.token(D.admin);
    const auto teacher = f.token(D.teacher);
    const auto second = f.create_user("demo", "second.instructor@demo.learnloop.test", "Second Instructor", "teacher");
    const auto other_teacher = f.token(second);
    const auto module = f.sql_int("SELECT module_id FROM course_lessons WHERE id = " + str(shop.lesson));

    SECTION("another instructor, a learner and another tenant reach none of it")
    {
        const std::vector<std::string> strangers { other_teacher, f.token(f.other.admin), f.token(f.other.teacher) };
        for (const auto* person : { &D.student, &D.parent, &D.moderator })
            f.token(*person);
        const auto audit = f.audit_count();
        for (const auto* token : { &strangers[0], &strangers[1], &strangers[2] }) {
            check_error(api.get(course_path(shop.paid), *token), 404, "Course not found");
            check_error(api.put(course_path(shop.paid), new_course("taken-over"), *token), 404, "Course not found");
            check_error(api.put(course_path(shop.paid) + "/status", { { "status", "archived" } }, *token), 404,
                "Course not found");
            check_error(api.post(course_path(shop.paid) + "/modules", { { "title", "Mine now" } }, *token), 404,
                "Course not found");
            check_error(api.put(module_path(module), { { "title", "Mine now" } }, *token), 404, "Module not found");
            check_error(api.del(module_path(module), *token), 404, "Module not found");
            check_error(api.post(module_path(module) + "/lessons", { { "title", "X" }, { "kind", "text" } }, *token),
                404, "Module not found");
            check_error(api.put(lesson_path(shop.lesson), { { "title", "X" }, { "kind", "text" } }, *token), 404,
                "Lesson not found");
            check_error(api.del(lesson_path(shop.lesson), *token), 404, "Lesson not found");
            check_error(api.put(course_path(shop.paid) + "/outline", { { "modules", Json::array() } }, *token), 404,
                "Course not found");
        }
        auto theirs = api.get(k_courses, other_teacher);
        REQUIRE(theirs.status == 200);
        CHECK(theirs.json.empty());
        // The other tenant is a school: it has no catalog to write for.
        check_error(api.get(k_courses, f.token(f.other.admin)), 404, "This organisation has no course catalog");
        check_error(api.post(k_courses, new_course("school-course"), f.token(f.other.teacher)), 404,
            "This organisation has no course catalog");
        for (const auto* person : { &D.student, &D.parent, &D.moderator })
            CHECK(api.get(k_courses, f.token(*person)).status == 403);
        CHECK(api.post(k_courses, new_course("learner-course"), f.token(D.student)).status == 403);
        CHECK(f.audit_count() == audit);
    }

    SECTION("the office writes any course and names the instructor of a new one")
    {
        auto all = api.get(k_courses, admin);
        REQUIRE(all.status == 200);
        CHECK(all.json.size() == 3);
        CHECK(all.header("X-Total-Count") == "3");
        auto choices = api.get("/api/marketplace/studio/choices", admin);
        CHECK(ids_of(choices.json["instructors"]).size() == 2);
        auto unnamed = api.post(k_courses, new_course("office-course"), admin);
        CHECK(unnamed.status == 400);
        CHECK(unnamed.field() == "instructor_id");
        auto body = new_course("office-course");
        body["instructor_id"] = D.student.id;
        CHECK(api.post(k_courses, body, admin).field() == "instructor_id");
        body["instructor_id"] = second.id;
        auto made = api.post(k_courses, body, admin);
        REQUIRE(made.status == 201);
        CHECK(made.json["instructor_name"] == "Second Instructor");
        // It is the second instructor's to write now, not the first's.
        CHECK(api.get(course_path(made.json["id"]), other_teacher).status == 200);
        CHECK(api.get(course_path(made.json["id"]), teacher).status == 404);
        CHECK(api.put(module_path(module), { { "title", "Renamed by the office" } }, admin).status == 200);
        // An instructor gives no course to anyone else.
        body = new_course("given-away");
        body["instructor_id"] = second.id;
        CHECK(api.post(k_courses, body, teacher).field() == "instructor_id");
    }

    SECTION("bad input is refused field by field, and nothing is written")
    {
        const auto audit = f.audit_count();
        const auto courses = f.sql_int("SELECT count(*) FROM courses");
        CHECK(api.send_text("POST", k_courses, "{\"title\": ", "application/json", teacher).status == 400);
        const std::vector<std::pair<std::pair<const char*, Json>, const char*>> cases {
            { { "title", std::string(201, 'x') }, "title" },
            { { "title", "Line\nbreak" }, "title" },
            { { "slug", "Café" }, "slug" },
            { { "slug", "../../etc" }, "slug" },
            { { "level", "guru" }, "level" },
            { { "language", "klingon" }, "language" },
            { { "category_id", 99999999 }, "category_id" },
            { { "price", { { "kind", "one_time" }, { "amount", "-5.00" }, { "currency", "GBP" } } }, "price.amount" },
            { { "price", { { "kind", "one_time" }, { "amount", "5.005" }, { "currency", "GBP" } } }, "price.amount" },
            { { "price", { { "kind", "one_time" }, { "amount", 5 }, { "currency", "GBP" } } }, "price.amount" },
            { { "price", { { "kind", "one_time" }, { "amount", "5.00" }, { "currency", "XYZ" } } }, "price.currency" },
            { { "tags", Json(std::vector<std::string>(11, "x")) }, "tags" },
            { { "price", { { "kind", "one_time" }, { "amount", "5.00" }, { "currency", "EUR" } } }, "price.currency" },
            { { "owner", "me" }, "owner" },
        };
        for (const auto& [change, field] : cases) {
            auto body = new_course("bad-course");
            body[change.first] = change.second;
            auto reply = api.post(k_courses, body, teacher);
            INFO(describe(reply));
            CHECK(reply.status == 400);
            CHECK(reply.field() == field);
        }
        // Another tenant's category is not one of ours.
        const auto theirs = f.sql_int("INSERT INTO catalog_categories (tenant_id, slug, name) VALUES ("
            + str(f.other.id) + ", 'theirs', 'Theirs') RETURNING id");
        auto body = new_course("bad-course");
        body["category_id"] = theirs;
        CHECK(api.post(k_courses, body, teacher).field() == "category_id");
        CHECK(f.sql_int("SELECT count(*) FROM courses") == courses);
        CHECK(f.audit_count() == audit);
    }

    SECTION("two requests at once for one address make one course")
    {
        std::vector<std::future<Reply>> replies;
        for (int i = 0; i < 4; ++i)
            replies.push_back(std::async(std::launch::async, [&f, &teacher] {
                ApiClient client(f.server().port());
                return client.post(k_courses, new_course("same-address"), teacher);
            }));
        int made = 0, refused = 0;
        for (auto& reply : replies) {
            const auto r = reply.get();
            INFO(describe(r));
            made += r.status == 201;
            refused += r.status == 409;
        }
        CHECK(made == 1);
        CHECK(refused == 3);
        CHECK(f.sql_int("SELECT count(*) FROM courses WHERE slug = 'same-address'") == 1);
    }

    SECTION("two deletes at once leave a published course its one lesson")
    {
        const auto second_lesson = f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, "
            "title, kind) VALUES (" + str(D.id) + ", " + str(shop.paid) + ", " + str(module)
            + ", 1, 'Second', 'text') RETURNING id");
        std::vector<std::future<Reply>> replies;
        for (auto lesson : { shop.lesson, second_lesson })
            replies.push_back(std::async(std::launch::async, [&f, &teacher, lesson] {
                ApiClient client(f.server().port());
                return client.del(lesson_path(lesson), teacher);
            }));
        int deleted = 0, kept = 0;
        for (auto& reply : replies) {
            const auto r = reply.get();
            INFO(describe(r));
            deleted += r.status == 200;
            kept += r.status == 422;
        }
        CHECK(deleted == 1);
        CHECK(kept == 1);
        CHECK(f.sql_int("SELECT count(*) FROM course_lessons WHERE course_id = " + str(shop.paid)) == 1);
    }

    SECTION("lessons added at once each get a place, and a reorder meanwhile is refused, not half-made")
    {
        std::vector<std::future<Reply>> replies;
        for (int i = 0; i < 6; ++i)
            replies.push_back(std::async(std::launch::async, [&f, &teacher, module, i] {
                ApiClient client(f.server().port());
                return client.post(module_path(module) + "/lessons",
                    { { "title", "Lesson " + std::to_string(i) }, { "kind", "text" } }, teacher);
            }));
        for (auto& reply : replies)
            CHECK(reply.get().status == 201);
        CHECK(f.sql_int("SELECT count(DISTINCT position) FROM course_lessons WHERE module_id = " + str(module)) == 7);
    }
}
