// An instructor's course as they write it (marketplace/course_editing.hpp):
// the face, lessons and the order of modules and lessons.
#include "core/random.hpp"
#include "marketplace/course_editing.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop;

namespace {

Json face_json()
{
    return parse_json(R"({"title": "  Python for Data Analysis ", "slug": "python-for-data",
        "subtitle": "Tables, charts and answers", "description": "Week one.\n\nWeek two.",
        "category_id": 4, "level": "beginner", "language": "es", "tags": ["Python", "pandas", "python"],
        "prerequisites": "", "price": {"kind": "one_time", "amount": "49.00", "currency": "GBP"}})")
        .value();
}

Error face_error(Json json) { return read_course_face(json).error(); }

Error lesson_error(const char* text) { return read_lesson_draft(parse_json(text).value()).error(); }

std::set<std::int64_t> lessons_of(const Outline& outline)
{
    std::set<std::int64_t> ids;
    for (const auto& module : outline)
        ids.insert(module.lessons.begin(), module.lessons.end());
    return ids;
}

} // namespace

TEST_CASE("A course's face is read with its text trimmed and its tags in small letters, once each", "[editing]")
{
    const auto face = read_course_face(face_json()).value();
    CHECK(face.title == "Python for Data Analysis");
    CHECK(face.slug == "python-for-data");
    CHECK(face.category_id == 4);
    CHECK(face.level == CourseLevel::Beginner);
    CHECK(face.language == "es");
    CHECK(face.tags == std::vector<std::string> { "python", "pandas" });
    CHECK(face.description == "Week one.\n\nWeek two.");
    CHECK(face.price.amount == Money { 4900, "GBP" });
    // What it writes reads back the same.
    CHECK(read_course_face(course_face_json(face)).value() == face);
    // A course needs only a title, an address and a price.
    const auto least = read_course_face(
        parse_json(R"({"title": "Café für alle", "slug": "cafe", "price": {"kind": "free"}})").value()).value();
    CHECK(least.language == "en");
    CHECK_FALSE(least.level.has_value());
    CHECK(least.category_id == 0);
    CHECK(course_face_json(least)["category_id"].is_null());
}

TEST_CASE("A course's face is refused field by field", "[editing]")
{
    auto json = face_json();
    json["title"] = "   ";
    CHECK(face_error(json).field == "title");
    json = face_json();
    json["slug"] = "Python For Data";
    CHECK(face_error(json).field == "slug");
    json = face_json();
    json["subtitle"] = std::string(161, 'a');
    CHECK(face_error(json).field == "subtitle");
    json = face_json();
    json["description"] = std::string(4001, 'a');
    CHECK(face_error(json).field == "description");
    json = face_json();
    json["level"] = "expert";
    CHECK(face_error(json).field == "level");
    json = face_json();
    json["language"] = "xx";
    CHECK(face_error(json).field == "language");
    json = face_json();
    json["category_id"] = 0;
    CHECK(face_error(json).field == "category_id");
    json = face_json();
    json["tags"] = Json::array({ "ok", "line\nbreak" });
    CHECK(face_error(json).field == "tags[1]");
    json = face_json();
    json["tags"] = Json(std::vector<std::string>(11, "t"));
    CHECK(face_error(json).field == "tags");
    json = face_json();
    json["price"]["amount"] = "12.505";
    CHECK(face_error(json).field == "price.amount");
    json = face_json();
    json["price"] = { { "kind", "one_time" }, { "amount", "-1.00" }, { "currency", "GBP" } };
    CHECK(face_error(json).field == "price.amount");
    json = face_json();
    json["colour"] = "red";
    CHECK(face_error(json).field == "colour");
    json = face_json();
    json.erase("price");
    CHECK(face_error(json).field == "price");
    json = face_json();
    json["title"] = 7;
    CHECK(face_error(json).field == "title");
    // The instructor is the server's to read.
    json = face_json();
    json["instructor_id"] = 9;
    CHECK(read_course_face(json).ok());
}

TEST_CASE("A lesson is a reading, a video with its https address or a quiz of the course", "[editing]")
{
    const auto text = read_lesson_draft(parse_json(R"({"title": "Reading a CSV", "kind": "text", "minutes": 12,
        "body": "Open the file.\n\nThen read it."})").value()).value();
    CHECK(text.kind == LessonKind::Text);
    CHECK(text.minutes == 12);
    CHECK(read_lesson_draft(lesson_draft_json(text)).value() == text);
    const auto video = read_lesson_draft(parse_json(R"({"title": "Charts", "kind": "video",
        "video_url": "https://video.example/charts"})").value()).value();
    CHECK(video.video_url == "https://video.example/charts");
    CHECK(read_lesson_draft(lesson_draft_json(video)).value() == video);
    const auto quiz = read_lesson_draft(parse_json(R"({"title": "Check", "kind": "quiz", "quiz_id": 5})").value()).value();
    CHECK(quiz.quiz_id == 5);
    CHECK(read_lesson_draft(lesson_draft_json(quiz)).value() == quiz);

    CHECK(lesson_error(R"({"title": "", "kind": "text"})").field == "title");
    CHECK(lesson_error(R"({"title": "A", "kind": "podcast"})").field == "kind");
    CHECK(lesson_error(R"({"title": "A", "kind": "text", "minutes": 601})").field == "minutes");
    CHECK(lesson_error(R"({"title": "A", "kind": "text", "minutes": -1})").field == "minutes");
    CHECK(lesson_error(R"({"title": "A", "kind": "video"})").field == "video_url");
    CHECK(lesson_error(R"({"title": "A", "kind": "video", "video_url": "http://x.example"})").field == "video_url");
    CHECK(lesson_error(R"j({"title": "A", "kind": "video", "video_url": "javascript:alert(1)"})j").field == "video_url");
    CHECK(lesson_error(R"({"title": "A", "kind": "text", "video_url": "https://x.example"})").field == "video_url");
    CHECK(lesson_error(R"({"title": "A", "kind": "quiz"})").field == "quiz_id");
    CHECK(lesson_error(R"({"title": "A", "kind": "text", "quiz_id": 3})").field == "quiz_id");
    CHECK(lesson_error(R"({"title": "A", "kind": "text", "extra": 1})").field == "extra");
    CHECK(read_module_title(parse_json(R"({"title": " Week 1 "})").value()).value() == "Week 1");
    CHECK(read_module_title(parse_json(R"({"title": ""})").value()).error().field == "title");
}

TEST_CASE("An order is taken only when it names exactly the course's modules and lessons", "[editing]")
{
    const Outline now { { 1, { 10, 11 } }, { 2, { 12 } }, { 3, {} } };
    CHECK(check_same_parts(now, now).ok());
    CHECK(check_same_parts(now, { { 3, {} }, { 2, { 12, 11 } }, { 1, { 10 } } }).ok());
    CHECK_FALSE(check_same_parts(now, { { 1, { 10, 11 } }, { 2, { 12 } } }).ok());           // a module left out
    CHECK_FALSE(check_same_parts(now, { { 1, { 10 } }, { 2, { 12 } }, { 3, {} } }).ok());    // a lesson left out
    CHECK_FALSE(check_same_parts(now, { { 1, { 10, 11, 11 } }, { 2, { 12 } }, { 3, {} } }).ok());   // twice
    CHECK_FALSE(check_same_parts(now, { { 1, { 10, 11 } }, { 2, { 99 } }, { 3, {} } }).ok());   // another's
    CHECK_FALSE(check_same_parts(now, { { 1, { 10, 11 } }, { 1, { 12 } }, { 3, {} } }).ok());   // a module twice
    const auto refused = check_same_parts(now, { { 4, { 10, 11 } }, { 2, { 12 } }, { 3, {} } });
    CHECK(refused.error().code == ErrorCode::FailedPrecondition);

    const auto read = read_outline(outline_json(now)).value();
    CHECK(read == now);
    CHECK(read_outline(parse_json(R"({"modules": [{"id": 1, "lessons": ["x"]}]})").value()).error().field
        == "modules[0].lessons[0]");
    CHECK(read_outline(parse_json(R"({"modules": [{"id": 1}]})").value()).error().field == "modules[0].lessons");
}

TEST_CASE("A lesson moves within its module, then across to the next one; a module moves with its lessons",
    "[editing]")
{
    const Outline start { { 1, { 10, 11 } }, { 2, {} }, { 3, { 12 } } };
    CHECK(move_lesson(start, 11, -1) == Outline { { 1, { 11, 10 } }, { 2, {} }, { 3, { 12 } } });
    CHECK(move_lesson(start, 11, 1) == Outline { { 1, { 10 } }, { 2, { 11 } }, { 3, { 12 } } });
    CHECK(move_lesson(start, 12, -1) == Outline { { 1, { 10, 11 } }, { 2, { 12 } }, { 3, {} } });
    CHECK(move_lesson(start, 10, -1) == start);   // first of all
    CHECK(move_lesson(start, 12, 1) == start);    // last of all
    CHECK(move_lesson(start, 99, 1) == start);
    CHECK(move_module(start, 3, -1) == Outline { { 1, { 10, 11 } }, { 3, { 12 } }, { 2, {} } });
    CHECK(move_module(start, 1, -1) == start);
    CHECK(move_module(start, 3, 1) == start);
    CHECK(check_publishable(0).error().code == ErrorCode::FailedPrecondition);
    CHECK(check_publishable(1).ok());
}

TEST_CASE("Any run of moves keeps every module and lesson once", "[editing][property]")
{
    SeededRandom random(20261207);
    for (int run = 0; run < 500; ++run) {
        Outline outline;
        std::int64_t next_lesson = 100;
        const int modules = 1 + static_cast<int>(random.below(5));
        for (int m = 0; m < modules; ++m) {
            OutlineModule module { m + 1, {} };
            const int lessons = static_cast<int>(random.below(4));
            for (int l = 0; l < lessons; ++l)
                module.lessons.push_back(next_lesson++);
            outline.push_back(module);
        }
        const auto before = outline;
        for (int step = 0; step < 20; ++step) {
            const int direction = random.below(2) == 0 ? -1 : 1;
            if (random.below(3) == 0)
                outline = move_module(outline, 1 + static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(modules))), direction);
            else if (next_lesson > 100)
                outline = move_lesson(outline, 100 + static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(next_lesson - 100))),
                    direction);
        }
        REQUIRE(check_same_parts(before, outline).ok());
        REQUIRE(lessons_of(outline) == lessons_of(before));
    }
}
