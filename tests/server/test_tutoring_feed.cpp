// The private calendar feed (/ical/<token>.ics), read as a calendar program
// reads it: Debian's python3-icalendar parses it and
// python3-recurring-ical-events expands it (tests/server/ical_expand.py),
// and the sessions they find are exactly those GET /api/tutoring/occurrences
// lists, for the office, a tutor, another tutor and a parent: across a
// clock change, with a holiday, a moved, a cancelled, a handed-over and a
// noted session and a series split "this and following". Then the feed's
// life: regenerated, revoked, unknown tokens.
#include "tutoring_support.hpp"
#include "test_support.hpp"

#include "platform/time_zones.hpp"
#include "tutoring/sessions.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <set>
#include <tuple>

using namespace learnloop::test;
using learnloop::LocalDateTime;

namespace {

constexpr std::int64_t k_day = 86400;

struct Calendar {
    const learnloop::ZoneRules& zone;
    LocalDateTime today;   // local midnight

    std::string day(int offset) const { return at(offset, 0).substr(0, 10); }
    std::string at(int day_offset, int hour, int minute = 0) const
    {
        auto t = learnloop::add_seconds(today, day_offset * k_day + hour * 3600 + minute * 60);
        return learnloop::format_local_datetime(t);
    }
    std::int64_t utc(int day_offset) const { return learnloop::to_utc(learnloop::add_seconds(today, day_offset * k_day), zone); }
};

// (start, end, status) of each session, sorted: the two sides compared.
using Session = std::tuple<std::string, std::string, std::string>;

std::multiset<Session> from_api(ApiFixture& f, const Person& who, const Calendar& c, int first, int last)
{
    std::multiset<Session> out;
    for (int from = first; from < last; from += 60) {
        int to = std::min(from + 60, last);
        auto reply = f.api().get("/api/tutoring/occurrences?from=" + c.day(from) + "&to=" + c.day(to), f.token(who));
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        for (const auto& o : reply.json["occurrences"])
            out.insert({ o["start_utc"].get<std::string>(), o["end_utc"].get<std::string>(),
                o["cancelled"].get<bool>() ? "CANCELLED" : "CONFIRMED" });
    }
    return out;
}

std::multiset<Session> from_feed(const std::string& ics, const Calendar& c, int first, int last)
{
    TempDir dir("feed");
    auto path = dir.write("feed.ics", ics);
    auto result = run_process({ "/usr/bin/python3", source_dir() + "/tests/server/ical_expand.py", path,
        learnloop::format_utc_timestamp(c.utc(first)), learnloop::format_utc_timestamp(c.utc(last)) });
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::multiset<Session> out;
    for (const auto& e : Json::parse(result.out))
        out.insert({ e["start_utc"].get<std::string>(), e["end_utc"].get<std::string>(), e["status"].get<std::string>() });
    return out;
}

std::string feed_url(ApiFixture& f, const Person& who)
{
    auto reply = f.api().post("/api/tutoring/feed", Json::object(), f.token(who));
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
    return reply.json["url"].get<std::string>();
}

} // namespace

TEST_CASE("a calendar program expands each person's feed to exactly the sessions the API lists",
    "[api][tutoring][feed]")
{
    ApiFixture f("tut_feed", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    const auto zone = learnloop::server::system_zone("Europe/London");
    REQUIRE(zone.ok());
    const Calendar c { *zone.value(),
        [&] {
            auto now = learnloop::to_local(static_cast<std::int64_t>(std::time(nullptr)), *zone.value());
            return LocalDateTime { now.year, now.month, now.day, 0, 0, 0 };
        }() };
    auto tutor2 = f.create_user("demo", "tutor2@demo.learnloop.test", "Søren Ødegård", "teacher");
    auto student2 = f.create_user("demo", "pupil2@demo.learnloop.test", "李华", "student");
    const auto& admin = f.token(D.admin);
    f.sql("INSERT INTO blocked_dates (tenant_id, first_day, last_day, label) VALUES (" + std::to_string(D.id) + ", '"
        + c.day(41) + "', '" + c.day(43) + "', 'Half-term, with a comma; and a semicolon')");

    // Weekly for 30 weeks from a week ago (a clock change lies in any six months of London).
    auto book = [&](const Json& body) { return book_series(f, D.admin, body); };
    auto weekly = book({ { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Maths, higher" },
        { "room", "Room 1" }, { "dtstart", c.at(-7, 16) }, { "duration_minutes", 60 },
        { "rrule", "FREQ=WEEKLY;COUNT=30" } });
    book({ { "tutor_id", tutor2.id }, { "student_id", student2.id }, { "subject", "Piano" }, { "dtstart", c.at(-3, 10) },
        { "duration_minutes", 45 }, { "rrule", "FREQ=WEEKLY;INTERVAL=2" } });
    book({ { "tutor_id", D.teacher.id }, { "student_id", D.student.id }, { "subject", "Exam practice" },
        { "dtstart", c.at(3, 12) }, { "duration_minutes", 90 } });

    auto change = [&](int week, Json body) {
        body["recurrence_id"] = c.at(-7 + 7 * week, 16);
        auto reply = api.put("/api/tutoring/series/" + std::to_string(weekly) + "/occurrence", body, admin);
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
    };
    change(1, { { "note", "Bring the calculator;\nchapter 4, exercises 1–3" } });
    change(2, { { "starts", c.at(8, 17, 30) }, { "duration_minutes", 45 } });
    change(4, { { "cancelled", true } });
    change(5, { { "tutor_id", tutor2.id } });
    log_session(f, D.admin, weekly, c.at(-7, 16), "completed");
    auto split = api.put("/api/tutoring/series/" + std::to_string(weekly),
        { { "scope", "following" }, { "recurrence_id", c.at(-7 + 7 * 10, 16) }, { "starts", c.at(-7 + 7 * 10, 17) } },
        admin);
    INFO(describe(split));
    REQUIRE(split.status == 200);

    const int first = -13, last = 180;   // inside the feed's two weeks back and six months ahead
    for (const auto* who : { &D.admin, &D.teacher, &tutor2, &D.parent, &D.moderator }) {
        INFO("the feed of " << who->email);
        auto url = feed_url(f, *who);
        auto feed = api.get(url);
        REQUIRE(feed.status == 200);
        CHECK(feed.header("Content-Type") == "text/calendar; charset=utf-8");
        auto expected = from_api(f, *who, c, first, last);
        auto found = from_feed(feed.body, c, first, last);
        CHECK(found == expected);
        CHECK(expected.size() > (who == &tutor2 ? 10u : 25u));
    }
}

TEST_CASE("a feed's URL is its only credential: regenerated, the old one stops; revoked, it is gone",
    "[api][tutoring][feed]")
{
    ApiFixture f("tut_feed_life", { .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    CHECK(api.get("/api/tutoring/feed", f.token(D.student)).json["active"] == false);
    auto first = feed_url(f, D.student);
    CHECK(first.size() == std::string("/ical/.ics").size() + 64);
    CHECK(api.get(first).status == 200);
    CHECK(api.get("/api/tutoring/feed", f.token(D.student)).json["active"] == true);
    // The request log keeps the feed's path without its token.
    auto logged = f.server().wait_for_log([](const Json& e) { return e.value("path", "").rfind("/ical/", 0) == 0; });
    REQUIRE(logged);
    CHECK((*logged)["path"] == "/ical/[token].ics");
    // Only the token's hash is kept.
    CHECK(f.sql_int("SELECT count(*) FROM calendar_feeds WHERE encode(token_hash, 'hex') = '" + first.substr(6, 64) + "'")
        == 0);

    auto second = feed_url(f, D.student);
    CHECK(second != first);
    check_error(api.get(first), 404, "Calendar feed not found");
    CHECK(api.get(second).status == 200);
    CHECK(api.del("/api/tutoring/feed", f.token(D.student)).status == 200);
    check_error(api.get(second), 404, "Calendar feed not found");
    check_error(api.del("/api/tutoring/feed", f.token(D.student)), 404, "Calendar feed not found");
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action LIKE 'calendar_feed.%'") == 3);

    // Tokens that are not one: unknown, upper case, short, with a path in it.
    check_error(api.get("/ical/" + std::string(64, 'a') + ".ics"), 404, "Calendar feed not found");
    CHECK(api.get("/ical/" + std::string(64, 'A') + ".ics").status == 404);
    CHECK(api.get("/ical/abc.ics").status == 404);
    CHECK(raw_get(f.server().port(), "/ical/..%2F..%2Fetc%2Fpasswd.ics").status == 404);
    // Another tenant's user has a feed of their own tenant's sessions only.
    auto other = feed_url(f, f.other.admin);
    auto other_feed = api.get(other);
    REQUIRE(other_feed.status == 200);
    CHECK(other_feed.body.find("BEGIN:VEVENT") == std::string::npos);
}
