// A lesson's files against the real server and PostgreSQL: an instructor
// attaches a worksheet in the studio, its learners download it byte for
// byte as a file to save, and nobody else can; files of a kind not taken,
// renamed programs, empty and oversized bodies are refused with nothing
// written, and every change is audited.
#include "api_client.hpp"
#include "marketplace_shop.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <string>
#include <vector>

using namespace learnloop::test;

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

std::string attach_path(std::int64_t lesson, const std::string& encoded_name)
{
    return "/api/marketplace/studio/lessons/" + str(lesson) + "/attachments?name=" + encoded_name;
}

std::string file_path(std::int64_t id) { return "/api/marketplace/files/" + str(id); }

// A small PDF with a body: what a worksheet starts as.
std::string pdf(std::size_t size)
{
    std::string bytes = "%PDF-1.7\n";
    while (bytes.size() < size)
        bytes += static_cast<char>('0' + bytes.size() % 10);
    bytes.resize(size);
    return bytes;
}

const char* k_octets = "application/octet-stream";

} // namespace

TEST_CASE("files: an instructor attaches a worksheet, learners download it, nobody else reaches it",
    "[api][marketplace][studio][files]")
{
    ApiFixture f("market_files", { .other_tenant = true });
    auto& api = f.api();
    auto& D = f.demo;
    const auto shop = make_shop(f);
    const auto teacher = f.token(D.teacher);
    const auto student = f.token(D.student);
    const auto admin = f.token(D.admin);

    // "Fiche d'exercices — semaine 1.pdf": any script in a name, sent percent-encoded.
    const std::string name = "Fiche d\xE2\x80\x99" "exercices \xE2\x80\x94 semaine 1.pdf";
    const std::string encoded = "Fiche%20d%E2%80%99exercices%20%E2%80%94%20semaine%201.pdf";
    const auto worksheet = pdf(3000);
    auto audit = f.audit_count();
    auto made = api.send_text("POST", attach_path(shop.lesson, encoded), worksheet, k_octets, teacher);
    INFO(describe(made));
    REQUIRE(made.status == 201);
    CHECK(made.json["message"] == "Attached " + name);
    const auto id = made.json["attachment_id"].get<std::int64_t>();
    const auto& listed = made.json["modules"][0]["lessons"][0]["attachments"];
    REQUIRE(listed.size() == 1);
    CHECK(listed[0] == Json { { "id", id }, { "name", name }, { "size_bytes", 3000 }, { "size_text", "3 KB" } });
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "attachment.create");
    CHECK(f.sql_text("SELECT after->>'media_type' FROM audit_log ORDER BY id DESC LIMIT 1") == "application/pdf");
    CHECK(f.sql_text("SELECT length(after->>'sha256') FROM audit_log ORDER BY id DESC LIMIT 1") == "64");

    // Not enrolled: the file is the lesson's, so it is closed as the lesson is.
    check_error(api.get(file_path(id), student), 403, "Forbidden", "Enrol in this course to open its lessons");
    f.sql("INSERT INTO course_students (tenant_id, course_id, student_id) VALUES (" + str(D.id) + ", " + str(shop.paid)
        + ", " + str(D.student.id) + ")");
    auto lesson = api.get("/api/marketplace/lessons/" + str(shop.lesson), student);
    REQUIRE(lesson.status == 200);
    CHECK(lesson.json["attachments"] == listed);
    for (const auto* token : { &student, &teacher, &admin }) {
        auto file = api.get(file_path(id), *token);
        REQUIRE(file.status == 200);
        CHECK(file.body == worksheet);
        CHECK(file.header("Content-Type") == "application/pdf");
        CHECK(file.header("X-Content-Type-Options") == "nosniff");
        CHECK(file.header("Content-Security-Policy") == "sandbox");
    }
    // On the wire the name is percent-encoded UTF-8 beside an ASCII one (the
    // test client would decode it, so the bytes are read raw).
    auto raw = raw_get(api.port(), file_path(id), { "Authorization: Bearer " + student });
    CHECK(raw.status == 200);
    CHECK(raw.header("content-disposition")
        == "attachment; filename=\"Fiche d___exercices ___ semaine 1.pdf\"; filename*=UTF-8''" + encoded);

    // Larger than other requests may be (1 MiB), up to 8 MiB: the gate takes it for this route only.
    const auto slides = pdf(3 * 1024 * 1024);
    auto big = api.send_text("POST", attach_path(shop.lesson, "Slides.pdf"), slides, k_octets, teacher);
    REQUIRE(big.status == 201);
    CHECK(api.get(file_path(big.json["attachment_id"].get<std::int64_t>()), student).body == slides);
    check_error(api.send_text("POST", "/api/marketplace/studio/courses", "{\"title\": \"" + std::string(2 * 1024 * 1024, 'x')
        + "\"}", "application/json", teacher), 413, "Payload too large");
    // Only that route, by that method and path: not another method, nor a path dressed up as it.
    check_error(api.send_text("PUT", attach_path(shop.lesson, "Slides.pdf"), slides, k_octets, teacher), 413,
        "Payload too large");
    check_error(api.send_text("POST", "/api/marketplace/studio/lessons/" + str(shop.lesson) + "/attachments/?name=a.pdf",
                    slides, k_octets, teacher), 413, "Payload too large");

    SECTION("another instructor, another tenant and a stranger to the course reach none of it")
    {
        const auto second = f.token(f.create_user("demo", "second.files@demo.learnloop.test", "Second", "teacher"));
        for (const auto* person : { &f.other.admin, &f.other.teacher, &f.other.student })
            f.token(*person);   // signing in is audited: before counting
        const auto audit_before = f.audit_count();
        for (const auto* token : { &second, &f.token(f.other.admin), &f.token(f.other.teacher) }) {
            check_error(api.send_text("POST", attach_path(shop.lesson, "Mine.pdf"), pdf(100), k_octets, *token), 404,
                "Lesson not found");
            check_error(api.del("/api/marketplace/studio/attachments/" + str(id), *token), 404, "File not found");
        }
        check_error(api.get(file_path(id), f.token(f.other.student)), 404, "File not found");
        check_error(api.get(file_path(id), f.token(f.other.admin)), 404, "File not found");
        CHECK(f.audit_count() == audit_before);
        CHECK(f.sql_int("SELECT count(*) FROM lesson_attachments") == 2);
    }

    SECTION("a draft course's files stay with its writers")
    {
        f.sql("UPDATE courses SET status = 'draft' WHERE id = " + str(shop.paid));
        check_error(api.get(file_path(id), student), 404, "File not found");
        CHECK(api.get(file_path(id), teacher).status == 200);
    }

    SECTION("what is refused, in words on the field, with nothing written")
    {
        const auto audit_before = f.audit_count();
        auto refused = [&](const std::string& path, const std::string& body, int status, const std::string& field,
                           const std::string& details) {
            auto reply = api.send_text("POST", path, body, k_octets, teacher);
            check_error(reply, status, status == 413 ? "Payload too large" : "Invalid request", details);
            if (!field.empty())
                CHECK(reply.field() == field);
        };
        const auto kinds = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV";
        refused(attach_path(shop.lesson, "setup.exe"), "MZ\x90", 400, "name",
            std::string("Attach a file of one of these kinds: ") + kinds);
        refused(attach_path(shop.lesson, "page.html"), "<script>alert(1)</script>", 400, "name",
            std::string("Attach a file of one of these kinds: ") + kinds);
        refused(attach_path(shop.lesson, "worksheet.pdf"), "MZ\x90\x00 a program", 400, "file",
            "The file is not a PDF file, although its name says so");
        refused(attach_path(shop.lesson, "worksheet.pdf"), "", 400, "file", "The file is empty");
        refused(attach_path(shop.lesson, "..%2F..%2Fetc%2Fpasswd.txt"), "root", 400, "name",
            "Give the file's name without a folder");
        refused(attach_path(shop.lesson, "notes.txt"), "caf\xE9", 400, "file",
            "The file is not text: save it as UTF-8 text, or attach it as a PDF");
        refused("/api/marketplace/studio/lessons/" + str(shop.lesson) + "/attachments", pdf(10), 400, "name",
            "Give the file's name as ?name=");
        refused(attach_path(shop.lesson, "huge.pdf"), pdf(8 * 1024 * 1024 + 1), 413, "",
            "Request bodies are limited to 8388608 bytes");
        CHECK(f.audit_count() == audit_before);
        CHECK(f.sql_int("SELECT count(*) FROM lesson_attachments") == 2);
        // (A missing lesson is named as one.)
        check_error(api.send_text("POST", attach_path(999999, "a.pdf"), pdf(10), k_octets, teacher), 404,
            "Lesson not found");
    }

    SECTION("exactly 8 MiB is taken; one name once a lesson; two at once with one place left make one")
    {
        auto most = api.send_text("POST", attach_path(shop.lesson, "Most.pdf"), pdf(8 * 1024 * 1024), k_octets, teacher);
        REQUIRE(most.status == 201);
        CHECK(f.sql_int("SELECT size_bytes FROM lesson_attachments WHERE id = "
                  + str(most.json["attachment_id"].get<std::int64_t>()))
            == 8 * 1024 * 1024);
        auto again = api.send_text("POST", attach_path(shop.lesson, "Slides.pdf"), pdf(50), k_octets, teacher);
        CHECK(again.status == 409);
        CHECK(again.field() == "name");
        CHECK(again.details() == "This lesson has a file named Slides.pdf already: delete it first, or rename this one");
        for (int i = 4; i <= 9; ++i)
            REQUIRE(api.send_text("POST", attach_path(shop.lesson, "Sheet" + str(i) + ".csv"), "a\n", k_octets, teacher)
                        .status == 201);
        // Nine kept: two teachers' presses at once for the tenth place.
        std::vector<std::future<Reply>> presses;
        for (const char* name : { "Last%20A.csv", "Last%20B.csv" })
            presses.push_back(std::async(std::launch::async,
                [&, name] { return api.send_text("POST", attach_path(shop.lesson, name), "a\n", k_octets, teacher); }));
        int made = 0, refused = 0;
        for (auto& press : presses) {
            const auto reply = press.get();
            made += reply.status == 201;
            refused += reply.status == 422;
        }
        CHECK(made == 1);
        CHECK(refused == 1);
        CHECK(f.sql_int("SELECT count(*) FROM lesson_attachments WHERE lesson_id = " + str(shop.lesson)) == 10);
    }

    SECTION("ten files a lesson at most; deleting one is audited and it is gone")
    {
        for (int i = 3; i <= 10; ++i)
            REQUIRE(api.send_text("POST", attach_path(shop.lesson, "Sheet" + str(i) + ".csv"), "a,b\n1,2\n", k_octets,
                        teacher).status == 201);
        check_error(api.send_text("POST", attach_path(shop.lesson, "Sheet11.csv"), "a\n", k_octets, teacher), 422,
            "Failed precondition", "A lesson offers at most 10 files: delete one first");
        const auto audit_before = f.audit_count();
        auto deleted = api.del("/api/marketplace/studio/attachments/" + str(id), admin);
        REQUIRE(deleted.status == 200);
        CHECK(deleted.json["message"] == "Deleted " + name);
        CHECK(deleted.json["modules"][0]["lessons"][0]["attachments"].size() == 9);
        CHECK(f.audit_count() == audit_before + 1);
        CHECK(f.last_audit_action() == "attachment.delete");
        check_error(api.get(file_path(id), student), 404, "File not found");
        check_error(api.del("/api/marketplace/studio/attachments/" + str(id), admin), 404, "File not found");
    }

    SECTION("a lesson deleted before any learner opened it takes its files with it")
    {
        const auto module = f.sql_int("SELECT module_id FROM course_lessons WHERE id = " + str(shop.lesson));
        auto added = api.post("/api/marketplace/studio/modules/" + str(module) + "/lessons",
            { { "title", "Extra" }, { "kind", "text" } }, teacher);
        REQUIRE(added.status == 201);
        const auto extra = added.json["lesson_id"].get<std::int64_t>();
        REQUIRE(api.send_text("POST", attach_path(extra, "Extra.txt"), "More", k_octets, teacher).status == 201);
        REQUIRE(api.del("/api/marketplace/studio/lessons/" + str(extra), teacher).status == 200);
        CHECK(f.sql_int("SELECT count(*) FROM lesson_attachments WHERE lesson_id = " + str(extra)) == 0);
        // Its audit row names the files that went with it.
        CHECK(f.last_audit_action() == "lesson.delete");
        CHECK(f.sql_text("SELECT before->'attachments'->0->>'name' FROM audit_log ORDER BY id DESC LIMIT 1") == "Extra.txt");
    }
}
