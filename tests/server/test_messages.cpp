// Messages through the API, black box against the real server and
// PostgreSQL: who may write to whom, each person's list and unread count,
// the poll's ETag (304 while nothing changed), broadcasts, system notices
// from the tutoring calendar and invoices, another tenant kept out, and bad
// input that writes nothing.
#include "api_client.hpp"
#include "tutoring_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

Reply send(ApiFixture& f, const Person& from, std::int64_t to, const std::string& body)
{
    return f.api().post("/api/messages", { { "recipient_id", to }, { "body", body } }, f.token(from));
}

Json messages_of(ApiFixture& f, const Person& who)
{
    auto reply = f.api().get("/api/messages", f.token(who));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json;
}

std::int64_t unread_of(ApiFixture& f, const Person& who)
{
    return f.api().get("/api/messages/unread", f.token(who)).json["unread"].get<std::int64_t>();
}

} // namespace

TEST_CASE("the office writes to anyone, everyone else to the office; each reads their own, unread until read",
    "[api][messages]")
{
    ApiFixture f("msg_direct", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();

    auto sent = send(f, D.moderator, D.parent.id, "Sam's Thursday lesson moves to 17:00 next week.");
    INFO(describe(sent));
    REQUIRE(sent.status == 201);
    CHECK(sent.json["message"] == "Message sent to " + D.parent.name);
    CHECK(unread_of(f, D.parent) == 1);
    auto inbox = messages_of(f, D.parent);
    REQUIRE(inbox.size() == 1);
    CHECK(inbox[0]["sender_name"] == D.moderator.name);
    CHECK(inbox[0]["read"] == false);
    CHECK(inbox[0]["mine"] == false);
    // The parent answers the office; they may not write to the tutor or another family.
    CHECK(send(f, D.parent, D.moderator.id, "Thank you — 17:00 works. مع الشكر").status == 201);
    check_error(send(f, D.parent, D.teacher.id, "Hello"), 403, "Unauthorized",
        "You can write to the office (administrators and moderators) only");
    check_error(send(f, D.student, D.parent.id, "Hi"), 403, "Unauthorized");
    auto contacts = api.get("/api/messages/contacts", f.token(D.parent));
    REQUIRE(contacts.status == 200);
    for (const auto& c : contacts.json)
        CHECK((c["role"] == "admin" || c["role"] == "moderator"));
    CHECK(api.get("/api/messages/contacts", f.token(D.admin)).json.size() >= 4);

    // The moderator sees both, newest first: their own and the reply.
    auto office = messages_of(f, D.moderator);
    REQUIRE(office.size() == 2);
    CHECK(office[0]["mine"] == false);
    CHECK(office[1]["mine"] == true);
    CHECK(office[1]["recipient_name"] == D.parent.name);

    // Reading up to the newest: nothing unread any more.
    auto read = api.post("/api/messages/read", { { "up_to_id", inbox[0]["id"] } }, f.token(D.parent));
    CHECK(read.status == 200);
    CHECK(read.json["unread"] == 0);
    CHECK(messages_of(f, D.parent)[1]["read"] == true);   // [0] is their own reply now

    // Another tenant: its people are not recipients, and it sees none of these.
    CHECK(send(f, f.other.admin, D.parent.id, "Hello from elsewhere").field() == "recipient_id");
    CHECK(messages_of(f, f.other.admin).empty());

    // Bad input writes nothing.
    auto rows = f.sql_int("SELECT count(*) FROM messages");
    auto audit = f.audit_count();
    CHECK(send(f, D.admin, D.parent.id, "   ").field() == "body");
    CHECK(send(f, D.admin, D.parent.id, std::string(4001, 'x')).field() == "body");
    CHECK(send(f, D.admin, D.admin.id, "Note to self").field() == "recipient_id");
    CHECK(send(f, D.admin, 999999, "Hello").field() == "recipient_id");
    CHECK(api.post("/api/messages", { { "recipient_id", "5" }, { "body", "Hi" } }, f.token(D.admin)).field() == "recipient_id");
    CHECK(api.post("/api/messages/read", { { "up_to_id", 0 } }, f.token(D.admin)).field() == "up_to_id");
    CHECK(f.sql_int("SELECT count(*) FROM messages") == rows);
    CHECK(f.audit_count() == audit);
}

TEST_CASE("a poll is answered 304 with no body while nothing changed, and 200 once a message arrives", "[api][messages]")
{
    ApiFixture f("msg_poll", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto first = api.get("/api/messages/unread", f.token(D.parent));
    REQUIRE(first.status == 200);
    const auto etag = first.header("ETag");
    REQUIRE_FALSE(etag.empty());
    CHECK(first.header("Cache-Control") == "private, no-cache");
    auto again = api.send("GET", "/api/messages/unread", nullptr, f.token(D.parent), { { "If-None-Match", etag } });
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    REQUIRE(send(f, D.admin, D.parent.id, "Invoices go out on the 1st.").status == 201);
    auto changed = api.send("GET", "/api/messages/unread", nullptr, f.token(D.parent), { { "If-None-Match", etag } });
    CHECK(changed.status == 200);
    CHECK(changed.json["unread"] == 1);
    CHECK(changed.header("ETag") != etag);
}

TEST_CASE("an administrator's broadcast reaches every active person of a role, once on their own list",
    "[api][messages]")
{
    ApiFixture f("msg_broadcast", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    const auto parents = f.sql_int("SELECT count(*) FROM users WHERE role = 'parent' AND deleted_at IS NULL AND tenant_id = "
        + std::to_string(D.id));
    auto sent = api.post("/api/messages/broadcast", { { "audience", "parent" }, { "body", "No sessions on 24 December." } },
        f.token(D.admin));
    INFO(describe(sent));
    REQUIRE(sent.status == 201);
    CHECK(sent.json["sent"] == parents);
    CHECK(unread_of(f, D.parent) == 1);
    CHECK(unread_of(f, D.student) == 0);
    auto own = messages_of(f, D.admin);
    REQUIRE(own.size() == 1);
    CHECK(own[0]["kind"] == "broadcast");
    CHECK(own[0]["reached"] == parents);
    check_error(api.post("/api/messages/broadcast", { { "audience", "parent" }, { "body", "Hi" } }, f.token(D.moderator)),
        403, "Unauthorized");
    CHECK(api.post("/api/messages/broadcast", { { "audience", "parents" }, { "body", "Hi" } }, f.token(D.admin)).field()
        == "audience");
}

TEST_CASE("a broadcast among one tutor's students, or one class, reaches them and their parents only",
    "[api][messages]")
{
    ApiFixture f("msg_broadcast_among", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto tia = f.create_user("demo", "tia@demo.learnloop.test", "Tia Tutor", "teacher");
    auto otto = f.create_user("demo", "otto@demo.learnloop.test", "Otto Other", "student");
    book_series(f, D.admin, series_body(D.teacher, D.student, "2026-01-05T16:00:00", "FREQ=WEEKLY;COUNT=2"));
    book_series(f, D.admin, series_body(tia, otto, "2026-01-05T17:00:00", "FREQ=WEEKLY;COUNT=2"));
    auto broadcast = [&](Json body) {
        body["body"] = "Lessons move to the new room next week.";
        return api.post("/api/messages/broadcast", body, f.token(D.admin));
    };

    // The families of the students Sam's tutor teaches: their parent, then student and parent.
    auto parents = broadcast({ { "audience", "parent" }, { "teacher_id", D.teacher.id } });
    INFO(describe(parents));
    REQUIRE(parents.status == 201);
    CHECK(parents.json["sent"] == 1);
    CHECK(unread_of(f, D.parent) == 1);
    CHECK(unread_of(f, otto) == 0);
    CHECK(broadcast({ { "audience", "everyone" }, { "teacher_id", D.teacher.id } }).json["sent"] == 2);
    CHECK(unread_of(f, otto) == 0);
    // Otto has no parent: nobody to reach.
    check_error(broadcast({ { "audience", "parent" }, { "teacher_id", tia.id } }), 409, "Conflict",
        "Nobody would receive this message");
    // A class: its students and their parents.
    const auto members = f.sql_int("SELECT count(*) FROM class_members WHERE class_id = " + std::to_string(D.class_id));
    CHECK(broadcast({ { "audience", "student" }, { "class_id", D.class_id } }).json["sent"] == members);

    const auto audit = f.audit_count();
    CHECK(broadcast({ { "audience", "parent" }, { "class_id", 99999999 } }).field() == "class_id");
    CHECK(broadcast({ { "audience", "parent" }, { "class_id", f.other.class_id } }).field() == "class_id");
    CHECK(broadcast({ { "audience", "parent" }, { "teacher_id", D.student.id } }).field() == "teacher_id");
    CHECK(broadcast({ { "audience", "parent" }, { "teacher_id", f.other.teacher.id } }).field() == "teacher_id");
    CHECK(broadcast({ { "audience", "parent" }, { "teacher_id", D.teacher.id }, { "class_id", D.class_id } }).field()
        == "teacher_id");
    CHECK(f.audit_count() == audit);
}

TEST_CASE("a cancelled or moved session and an issued invoice send notices to the people concerned",
    "[api][messages][tutoring]")
{
    ApiFixture f("msg_notices", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto series = api.post("/api/tutoring/series",
        { { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Maths" },
            { "dtstart", "2031-03-03T16:00:00" }, { "duration_minutes", 60 }, { "rrule", "FREQ=WEEKLY;COUNT=3" } },
        f.token(D.admin));
    REQUIRE(series.status == 201);
    const auto path = "/api/tutoring/series/" + std::to_string(series.json["series_id"].get<std::int64_t>()) + "/occurrence";
    REQUIRE(api.put(path, { { "recurrence_id", "2031-03-10T16:00:00" }, { "cancelled", true } }, f.token(D.moderator)).status
        == 200);
    for (const Person* who : { &D.student, &D.parent, &D.teacher }) {
        auto list = messages_of(f, *who);
        INFO(who->email);
        REQUIRE(list.size() == 1);
        CHECK(list[0]["kind"] == "system");
        CHECK(list[0]["sender_name"].is_null());
        CHECK(list[0]["body"].get<std::string>().find("Maths with " + D.teacher.name) == 0);
        CHECK(list[0]["body"].get<std::string>().ends_with("is cancelled."));
    }
    CHECK(messages_of(f, D.moderator).empty());   // who cancelled it is not told
    // The tutor moves a session: the student and parent hear, not the tutor.
    REQUIRE(api.put(path, { { "recurrence_id", "2031-03-17T16:00:00" }, { "starts", "2031-03-18T17:00:00" } },
                   f.token(D.teacher))
                .status
        == 200);
    CHECK(messages_of(f, D.parent)[0]["body"].get<std::string>().find("has moved to") != std::string::npos);
    CHECK(messages_of(f, D.teacher).size() == 1);
    // A note alone tells nobody.
    REQUIRE(api.put(path, { { "recurrence_id", "2031-03-03T16:00:00" }, { "note", "Bring a calculator" } }, f.token(D.admin))
                .status
        == 200);
    CHECK(messages_of(f, D.parent).size() == 2);

    // An invoice issued: the family hears.
    REQUIRE(api.post("/api/tutoring/rates", { { "effective_from", "2025-01-01" }, { "per_hour", "30" } }, f.token(D.admin)).status
        == 201);
    auto past = api.post("/api/tutoring/series",
        { { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Physics" },
            { "dtstart", "2026-01-05T16:00:00" }, { "duration_minutes", 60 } },
        f.token(D.admin));
    REQUIRE(past.status == 201);
    REQUIRE(api.post("/api/tutoring/attendance",
                   { { "series_id", past.json["series_id"] }, { "recurrence_id", "2026-01-05T16:00:00" }, { "status", "completed" } },
                   f.token(D.admin))
                .status
        == 200);
    auto draft = api.post("/api/tutoring/invoices", { { "family_id", D.parent.id }, { "from", "2026-01-01" }, { "to", "2026-01-31" } },
        f.token(D.admin));
    REQUIRE(draft.status == 201);
    auto issued = api.post("/api/tutoring/invoices/" + std::to_string(draft.json["id"].get<std::int64_t>()) + "/issue",
        Json::object(), f.token(D.admin));
    REQUIRE(issued.status == 200);
    auto newest = messages_of(f, D.parent)[0]["body"].get<std::string>();
    CHECK(newest == "Invoice " + issued.json["invoice"]["number"].get<std::string>() + " for £30.00 is ready.");
}

TEST_CASE("messages read as conversations: one per person, the notices and the announcements, each read on its own",
    "[api][messages]")
{
    ApiFixture f("msg_threads", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    REQUIRE(send(f, D.moderator, D.parent.id, "Could Sam come at 17:00?").status == 201);
    REQUIRE(send(f, D.parent, D.moderator.id, "Yes, 17:00 is fine.").status == 201);
    REQUIRE(send(f, D.moderator, D.parent.id, "Booked, thank you.").status == 201);
    REQUIRE(send(f, D.admin, D.parent.id, "Your invoice is attached to your account.").status == 201);
    f.sql("INSERT INTO messages (tenant_id, kind, recipient_id, body) VALUES (" + std::to_string(D.id) + ", 'system', "
        + std::to_string(D.parent.id) + ", 'Maths on Monday is cancelled.')");
    REQUIRE(api.post("/api/messages/broadcast", { { "audience", "parent" }, { "body", "No sessions on 24 December." } },
                   f.token(D.admin))
                .status
        == 201);

    // The parent's conversations, the latest first: the administrator's
    // (a direct message and the broadcast), the notices, the moderator's.
    auto threads = api.get("/api/messages/threads", f.token(D.parent));
    INFO(describe(threads));
    REQUIRE(threads.status == 200);
    REQUIRE(threads.json.size() == 3);
    CHECK(threads.json[0]["with"] == std::to_string(D.admin.id));
    CHECK(threads.json[0]["person"]["name"] == D.admin.name);
    CHECK(threads.json[0]["person"]["role"] == "admin");
    CHECK(threads.json[0]["messages"] == 2);
    CHECK(threads.json[0]["unread"] == 2);
    CHECK(threads.json[0]["last"]["kind"] == "broadcast");
    CHECK(threads.json[0]["last"]["body"] == "No sessions on 24 December.");
    CHECK(threads.json[1]["with"] == "notices");
    CHECK_FALSE(threads.json[1].contains("person"));
    CHECK(threads.json[1]["last"]["sender_name"].is_null());
    CHECK(threads.json[2]["with"] == std::to_string(D.moderator.id));
    CHECK(threads.json[2]["messages"] == 3);
    CHECK(threads.json[2]["unread"] == 2);
    CHECK(threads.json[2]["last"]["body"] == "Booked, thank you.");
    CHECK(threads.json[2]["last"]["mine"] == false);

    // One conversation, both ways, newest first; paged like every list.
    auto with_moderator = "/api/messages?with=" + std::to_string(D.moderator.id);
    auto talk = api.get(with_moderator, f.token(D.parent));
    REQUIRE(talk.status == 200);
    REQUIRE(talk.json.size() == 3);
    CHECK(talk.json[0]["body"] == "Booked, thank you.");
    CHECK(talk.json[1]["mine"] == true);
    auto first_page = api.get("/api/messages/threads?limit=1", f.token(D.parent));
    CHECK(first_page.json.size() == 1);
    CHECK(first_page.header("X-Total-Count") == "3");
    CHECK(api.get("/api/messages?with=notices", f.token(D.parent)).json.size() == 1);

    // The administrator's: the parent, and their own announcements.
    auto office = api.get("/api/messages/threads", f.token(D.admin)).json;
    REQUIRE(office.size() == 2);
    CHECK(office[0]["with"] == "announcements");
    CHECK(office[0]["last"]["mine"] == true);
    CHECK(office[0]["unread"] == 0);
    CHECK(office[1]["with"] == std::to_string(D.parent.id));

    // Reading one conversation leaves the others unread.
    auto read = api.post("/api/messages/read",
        { { "up_to_id", talk.json[0]["id"] }, { "with", std::to_string(D.moderator.id) } }, f.token(D.parent));
    INFO(describe(read));
    REQUIRE(read.status == 200);
    CHECK(read.json["marked"] == 2);
    CHECK(read.json["unread"] == 3);   // the administrator's two and the notice
    threads = api.get("/api/messages/threads", f.token(D.parent));
    CHECK(threads.json[2]["unread"] == 0);
    CHECK(threads.json[0]["unread"] == 2);

    // Someone who has left: their conversation stays readable and can be read, not answered.
    f.sql("UPDATE users SET deleted_at = now() WHERE id = " + std::to_string(D.moderator.id));
    threads = api.get("/api/messages/threads", f.token(D.parent));
    REQUIRE(threads.status == 200);
    CHECK(threads.json[2]["person"]["active"] == false);
    CHECK(threads.json[0]["person"]["active"] == true);
    CHECK(api.get(with_moderator, f.token(D.parent)).json.size() == 3);
    CHECK(api.post("/api/messages/read", { { "up_to_id", talk.json[0]["id"] }, { "with", std::to_string(D.moderator.id) } },
                 f.token(D.parent))
              .status
        == 200);

    // Bad input: a conversation that is not one, another business's person.
    auto rows = f.sql_int("SELECT count(*) FROM messages WHERE read_at IS NOT NULL");
    auto audit = f.audit_count();
    CHECK(api.get("/api/messages?with=everyone", f.token(D.parent)).field() == "with");
    CHECK(api.get("/api/messages?with=", f.token(D.parent)).field() == "with");
    check_error(api.get("/api/messages?with=999999", f.token(D.parent)), 404, "No such person in your school or business");
    check_error(api.get("/api/messages?with=" + std::to_string(f.other.admin.id), f.token(D.parent)), 404,
        "No such person in your school or business");
    CHECK(api.post("/api/messages/read", { { "up_to_id", 999999 }, { "with", D.admin.id } }, f.token(D.parent)).field()
        == "with");
    CHECK(api.post("/api/messages/read", { { "up_to_id", 999999 }, { "with", "nobody" } }, f.token(D.parent)).field()
        == "with");
    CHECK(f.sql_int("SELECT count(*) FROM messages WHERE read_at IS NOT NULL") == rows);
    CHECK(f.audit_count() == audit);
    // Another business sees none of these conversations.
    CHECK(api.get("/api/messages/threads", f.token(f.other.admin)).json.empty());
}
