// The tutoring calendar's API, black box against the real server and
// PostgreSQL: settings with the zone's table, booking (clashes, holidays),
// the calendar window in local time across DST, who sees which sessions,
// changing one session, "this and following" and "all", attendance (offline
// ids, the invoiced lock), and bad input that writes nothing.
#include "tutoring_support.hpp"

#include "core/calendar.hpp"
#include "tutoring/zone.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <set>

using namespace learnloop::test;

namespace {

const std::string k_series = "/api/tutoring/series";

Json weekly(const Person& tutor, const Person& student, const std::string& dtstart, const std::string& rrule,
    int minutes = 60, const std::string& subject = "Maths")
{
    return series_body(tutor, student, dtstart, rrule, minutes, subject);
}

std::int64_t book(ApiFixture& f, const Person& as, const Json& body) { return book_series(f, as, body); }

Json window(ApiFixture& f, const Person& as, const std::string& from, const std::string& to,
    const std::string& more = {})
{
    auto reply = f.api().get("/api/tutoring/occurrences?from=" + from + "&to=" + to + more, f.token(as));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json["occurrences"];
}

std::vector<std::string> field_of(const Json& list, const char* field, std::int64_t series_id = 0)
{
    std::vector<std::string> out;
    for (const auto& o : list) {
        if (series_id == 0 || o["series_id"] == series_id)
            out.push_back(o[field].get<std::string>());
    }
    return out;
}

std::string series_path(std::int64_t id, const std::string& rest = {})
{
    return k_series + "/" + std::to_string(id) + rest;
}

std::int64_t series_count(ApiFixture& f) { return f.sql_int("SELECT count(*) FROM session_series"); }

} // namespace

TEST_CASE("tutoring settings carry the business's zone table; amounts and billing shares go to administrators only",
    "[api][tutoring][settings]")
{
    ApiFixture f("tut_settings", { .moderators = true });
    auto& D = f.demo;
    auto admin = f.api().get("/api/tutoring/settings", f.token(D.admin));
    REQUIRE(admin.status == 200);
    CHECK(admin.json["time_zone"] == "Europe/London");
    CHECK(admin.json["currency"] == "GBP");
    CHECK(admin.json["attendance_statuses"][0]["billable_percent"] == 100);
    // The browser rebuilds the zone from this and converts as the server does.
    auto zone = learnloop::zone_from_json(admin.json["zone"].dump());
    REQUIRE(zone.ok());
    CHECK(learnloop::to_utc({ 2026, 7, 1, 16, 0, 0 }, zone.value()) == 1782918000);   // 15:00 UTC in summer time

    // A business that has changed nothing reads the same as a fresh settings row.
    auto before = admin.json;
    f.sql("INSERT INTO tutoring_settings (tenant_id) VALUES (" + std::to_string(D.id) + ")");
    auto after = f.api().get("/api/tutoring/settings", f.token(D.admin));
    CHECK(after.json == before);

    for (const auto* who : { &D.moderator, &D.teacher, &D.parent }) {
        auto reply = f.api().get("/api/tutoring/settings", f.token(*who));
        INFO(who->role << ": " << describe(reply));
        REQUIRE(reply.status == 200);
        CHECK_FALSE(reply.json.contains("currency"));
        CHECK_FALSE(reply.json.contains("tax_basis_points"));
        CHECK_FALSE(reply.json["attendance_statuses"][0].contains("billable_percent"));
        CHECK(reply.json["attendance_statuses"][1]["label"] == "No-show");
    }
}

TEST_CASE("a weekly 16:00 lesson stays at 16:00 local across the clock change and each role sees what it should",
    "[api][tutoring][occurrences]")
{
    ApiFixture f("tut_window", { .moderators = true });
    auto& D = f.demo;
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Søren Ødegård", "teacher");
    auto other_student = f.create_user("demo", "pupil2@demo.learnloop.test", "李华", "student");
    auto id = book(f, D.moderator, weekly(D.teacher, D.student, "2026-10-19T16:00:00", "FREQ=WEEKLY;COUNT=6"));
    auto other = book(f, D.admin, weekly(other_tutor, other_student, "2026-10-20T10:00:00", "FREQ=WEEKLY;COUNT=6", 45, "Piano"));

    auto all = window(f, D.admin, "2026-10-19", "2026-11-30");
    CHECK(all.size() == 12);
    auto starts = field_of(all, "start", id);
    CHECK(starts == std::vector<std::string> { "2026-10-19T16:00:00", "2026-10-26T16:00:00", "2026-11-02T16:00:00",
                        "2026-11-09T16:00:00", "2026-11-16T16:00:00", "2026-11-23T16:00:00" });
    auto utc = field_of(all, "start_utc", id);
    CHECK(utc[0] == "2026-10-19T15:00:00Z");   // British Summer Time
    CHECK(utc[1] == "2026-10-26T16:00:00Z");   // GMT from 25 October
    CHECK(all[0]["student_name"] == D.student.name);
    CHECK(all[0]["status"] == "scheduled");
    CHECK(all[0]["status_label"] == "Scheduled");
    CHECK(all[1]["tutor_name"] == "Søren Ødegård");
    CHECK(all[1]["student_name"] == "李华");

    // Each role's own: the tutor theirs, the student theirs, the parent their child's.
    for (const auto* who : { &D.teacher, &D.student, &D.parent }) {
        INFO(who->role);
        auto mine = window(f, *who, "2026-10-19", "2026-11-30");
        CHECK(mine.size() == 6);
        for (const auto& o : mine)
            CHECK(o["series_id"] == id);
    }
    CHECK(window(f, D.moderator, "2026-10-19", "2026-11-30", "&tutor_id=" + std::to_string(other_tutor.id)).size() == 6);
    CHECK(window(f, D.admin, "2026-10-19", "2026-11-30", "&student_id=" + std::to_string(D.student.id)).size() == 6);
    // Another tutor's, another child's: refused, not filtered to nothing.
    check_error(f.api().get("/api/tutoring/occurrences?from=2026-10-19&to=2026-11-01&tutor_id="
                    + std::to_string(other_tutor.id), f.token(D.teacher)),
        403, "Unauthorized", "Tutors see only their own sessions");
    check_error(f.api().get("/api/tutoring/occurrences?from=2026-10-19&to=2026-11-01&student_id="
                    + std::to_string(other_student.id), f.token(D.parent)),
        403, "Unauthorized", "Parents see only their children's sessions");
    // The series itself: its people see it; a stranger's reads as not there.
    CHECK(f.api().get(series_path(id), f.token(D.parent)).json["rrule"] == "FREQ=WEEKLY;COUNT=6");
    check_error(f.api().get(series_path(other), f.token(D.teacher)), 404, "Session not found");
}

TEST_CASE("booking: bad input is a 400 naming the field, clashes the policy blocks are a 409, nothing is half-written",
    "[api][tutoring][booking]")
{
    ApiFixture f("tut_booking", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    const auto& admin = f.token(D.admin);
    auto base = weekly(D.teacher, D.student, "2026-12-07T16:00:00", "FREQ=WEEKLY;BYDAY=MO");
    auto with = [&](const char* field, Json value) {
        auto body = base;
        if (value.is_discarded())
            body.erase(field);
        else
            body[field] = value;
        return body;
    };
    struct Bad {
        Json body;
        std::string field;
        std::string details;   // a part of it
    };
    const std::vector<Bad> bad {
        { with("rrule", "FREQ=WEEKLY;BYMONTHDAY=32"), "rrule", "BYMONTHDAY=32" },
        { with("rrule", "FREQ=SECONDLY"), "rrule", "FREQ" },
        { with("rrule", 7), "rrule", "" },
        { with("dtstart", "2026-02-30T16:00:00"), "dtstart", "" },
        { with("dtstart", "next monday"), "dtstart", "" },
        { with("duration_minutes", 0), "duration_minutes", "5 to 720" },
        { with("duration_minutes", "60"), "duration_minutes", "" },
        { with("subject", ""), "subject", "" },
        { with("subject", Json::value_t::discarded), "subject", "" },
        { with("tutor_id", D.student.id), "tutor_id", "tutors" },
        { with("student_id", D.teacher.id), "student_id", "students" },
        { with("student_id", f.other.student.id), "student_id", "students" },   // another tenant's
        { with("room", std::string(61, 'r')), "room", "" },
    };
    const auto before = series_count(f);
    const auto audit = f.sql_int("SELECT coalesce(max(id), 0) FROM audit_log");
    for (const auto& b : bad) {
        auto reply = api.post(k_series, b.body, admin);
        INFO(b.body.dump() << " -> " << describe(reply));
        CHECK(reply.status == 400);
        CHECK(reply.field() == b.field);
        CHECK(reply.details().find(b.details) != std::string::npos);
    }
    check_error(api.post(k_series, base, f.token(D.student)), 403, "Unauthorized");
    check_error(api.post(k_series, base, f.token(D.parent)), 403, "Unauthorized");
    // A tutor books for themselves only.
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Tutor Two", "teacher");
    check_error(api.post(k_series, weekly(other_tutor, D.student, "2026-12-07T16:00:00", ""), f.token(D.teacher)), 403,
        "Unauthorized", "Tutors book only their own sessions");
    CHECK(series_count(f) == before);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action LIKE 'series.%' AND id > " + std::to_string(audit)) == 0);

    // The tutor is booked on Mondays at 16:00: an overlapping series of the
    // same tutor is blocked (the default policy), listing the clashes.
    auto first = book(f, D.admin, base);
    auto clash = api.post(k_series, weekly(D.teacher, f.create_user("demo", "p3@demo.learnloop.test", "Ana", "student"),
                                                "2026-12-14T16:30:00", "FREQ=WEEKLY;COUNT=3"),
        admin);
    INFO(describe(clash));
    CHECK(clash.status == 409);
    CHECK(clash.error() == "Conflict");
    CHECK(clash.json["conflicts"].size() == 3);
    CHECK(clash.json["conflicts"][0]["check"] == "tutor");
    CHECK(clash.details().find("The tutor already has Maths with " + D.student.name) == 0);
    // The same student with another tutor at the same time: the student check warns.
    auto warned = api.post(k_series, weekly(other_tutor, D.student, "2026-12-07T16:00:00", ""), admin);
    REQUIRE(warned.status == 201);
    REQUIRE(warned.json["warnings"].size() == 1);
    CHECK(warned.json["warnings"][0].get<std::string>().find("The student already has") == 0);
    CHECK(series_count(f) == before + 2);
    CHECK(f.sql_text("SELECT action FROM audit_log WHERE entity = 'session_series' AND entity_id = '"
              + std::to_string(first) + "'")
        == "series.create");

    // Another tenant's administrator cannot read or change it.
    check_error(api.get(series_path(first), f.token(f.other.admin)), 404, "Session not found");
    check_error(api.put(series_path(first), { { "scope", "all" }, { "subject", "Taken" } }, f.token(f.other.admin)), 404,
        "Session not found");
}

TEST_CASE("a window is local days, at most 62 of them, from before to", "[api][tutoring][occurrences]")
{
    ApiFixture f("tut_bad_window");
    const auto& token = f.token(f.demo.admin);
    auto ask = [&](const std::string& query) { return f.api().get("/api/tutoring/occurrences" + query, token); };
    CHECK(ask("?from=2026-01-01&to=2027-01-01").field() == "to");
    CHECK(ask("?from=2026-01-01&to=2027-01-01").status == 400);
    CHECK(ask("?from=2026-01-08&to=2026-01-01").status == 400);
    CHECK(ask("?from=2026-01-08&to=2026-01-08").status == 400);
    CHECK(ask("?from=2026-02-30&to=2026-03-08").field() == "from");
    CHECK(ask("?from=2026-01-01T00:00:00&to=2026-01-08").status == 400);
    CHECK(ask("?to=2026-01-08").status == 400);
    CHECK(ask("?from=2026-01-01&to=2026-01-08&tutor_id=abc").status == 404);
    CHECK(ask("?from=2026-01-01&to=2026-03-04").status == 200);   // 62 days
}

TEST_CASE("holidays are skipped when a series is booked, and listed", "[api][tutoring][booking]")
{
    ApiFixture f("tut_holidays");
    auto& D = f.demo;
    f.sql("INSERT INTO blocked_dates (tenant_id, first_day, last_day, label) VALUES (" + std::to_string(D.id)
        + ", '2026-12-21', '2027-01-01', 'Christmas holidays')");
    auto reply = f.api().post(k_series, weekly(D.teacher, D.student, "2026-12-07T16:00:00", "FREQ=WEEKLY;COUNT=6"),
        f.token(D.admin));
    REQUIRE(reply.status == 201);
    CHECK(reply.json["skipped"] == Json { "2026-12-21T16:00:00", "2026-12-28T16:00:00" });
    auto list = window(f, D.admin, "2026-12-01", "2027-01-31");
    CHECK(field_of(list, "start")
        == std::vector<std::string> { "2026-12-07T16:00:00", "2026-12-14T16:00:00", "2027-01-04T16:00:00",
            "2027-01-11T16:00:00" });
}

TEST_CASE("one session is moved, cancelled or handed over; the calendar shows each, and tutors hand nothing over",
    "[api][tutoring][change]")
{
    ApiFixture f("tut_change", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Tutor Two", "teacher");
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=4"));
    auto change = [&](const Person& as, Json body) { return api.put(series_path(id, "/occurrence"), body, f.token(as)); };

    auto moved = change(D.teacher, { { "recurrence_id", "2026-11-09T16:00:00" }, { "starts", "2026-11-11T17:30:00" } });
    INFO(describe(moved));
    CHECK(moved.status == 200);
    CHECK(change(D.moderator, { { "recurrence_id", "2026-11-16T16:00:00" }, { "cancelled", true },
                                  { "note", "Student unwell" } })
              .status
        == 200);
    CHECK(change(D.admin, { { "recurrence_id", "2026-11-23T16:00:00" }, { "tutor_id", other_tutor.id } }).status == 200);
    check_error(change(D.teacher, { { "recurrence_id", "2026-11-02T16:00:00" }, { "tutor_id", other_tutor.id } }), 403,
        "Unauthorized");
    CHECK(change(D.admin, { { "recurrence_id", "2026-11-10T16:00:00" }, { "cancelled", true } }).field()
        == "recurrence_id");
    CHECK(change(D.admin, { { "recurrence_id", "2026-11-02T16:00:00" }, { "cancelled", "yes" } }).status == 400);

    auto list = window(f, D.admin, "2026-11-01", "2026-11-30");
    REQUIRE(list.size() == 4);
    CHECK(field_of(list, "status") == std::vector<std::string> { "scheduled", "moved", "cancelled", "scheduled" });
    CHECK(list[1]["start"] == "2026-11-11T17:30:00");
    CHECK(list[1]["recurrence_id"] == "2026-11-09T16:00:00");
    CHECK(list[2]["note"] == "Student unwell");
    CHECK(list[3]["tutor_name"] == "Tutor Two");
    // The tutor's week no longer holds the session handed over; Tutor Two's holds it.
    CHECK(window(f, D.teacher, "2026-11-01", "2026-11-30").size() == 3);
    CHECK(window(f, other_tutor, "2026-11-01", "2026-11-30").size() == 1);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'session.change'") == 3);

    // Moving it back to its own time restores it.
    CHECK(change(D.admin, { { "recurrence_id", "2026-11-09T16:00:00" }, { "starts", nullptr } }).status == 200);
    CHECK(window(f, D.admin, "2026-11-01", "2026-11-30")[1]["status"] == "scheduled");
}

TEST_CASE("this and following splits the series: the same number of sessions, the later ones at the new time",
    "[api][tutoring][edit]")
{
    ApiFixture f("tut_split");
    auto& D = f.demo;
    auto& api = f.api();
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=10"));
    // A cancelled session after the split point moves with it.
    REQUIRE(api.put(series_path(id, "/occurrence"), { { "recurrence_id", "2026-12-07T16:00:00" }, { "cancelled", true } },
                   f.token(D.admin))
                .status
        == 200);
    auto split = api.put(series_path(id),
        { { "scope", "following" }, { "recurrence_id", "2026-11-30T16:00:00" }, { "starts", "2026-11-30T17:00:00" },
            { "subject", "Further maths" } },
        f.token(D.teacher));
    INFO(describe(split));
    REQUIRE(split.status == 200);
    auto second = split.json["series_id"].get<std::int64_t>();
    CHECK(second != id);
    CHECK(f.api().get(series_path(id), f.token(D.admin)).json["rrule"] == "FREQ=WEEKLY;COUNT=4");
    auto after = f.api().get(series_path(second), f.token(D.admin)).json;
    CHECK(after["rrule"] == "FREQ=WEEKLY;COUNT=6");
    CHECK(after["dtstart"] == "2026-11-30T17:00:00");
    CHECK(after["split_from"] == id);

    auto list = window(f, D.admin, "2026-11-01", "2027-01-01");
    CHECK(list.size() == 9);   // 10 sessions, one of them (4 January) after the window
    CHECK(field_of(list, "start", id).size() == 4);
    auto later = field_of(list, "start", second);
    CHECK(later.front() == "2026-11-30T17:00:00");
    CHECK(field_of(list, "status", second)[1] == "cancelled");   // 7 December, moved with its series
    CHECK(field_of(list, "subject", second)[0] == "Further maths");
    CHECK(f.last_audit_action() == "series.split");
    // The first session cannot split a series (that is "all").
    CHECK(api.put(series_path(id), { { "scope", "following" }, { "recurrence_id", "2026-11-02T16:00:00" } },
                 f.token(D.admin))
              .field()
        == "scope");
}

TEST_CASE("all sessions: moved and cancelled ones follow the new time; those the new days lose need confirming",
    "[api][tutoring][edit]")
{
    ApiFixture f("tut_all");
    auto& D = f.demo;
    auto& api = f.api();
    const auto& admin = f.token(D.admin);
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=4"));
    REQUIRE(api.put(series_path(id, "/occurrence"), { { "recurrence_id", "2026-11-16T16:00:00" }, { "cancelled", true } },
                   admin)
                .status
        == 200);
    // An hour later: the cancelled session is still the third, now at 17:00.
    REQUIRE(api.put(series_path(id), { { "scope", "all" }, { "starts", "2026-11-02T17:00:00" } }, admin).status == 200);
    auto list = window(f, D.admin, "2026-11-01", "2026-12-01");
    CHECK(field_of(list, "start")
        == std::vector<std::string> { "2026-11-02T17:00:00", "2026-11-09T17:00:00", "2026-11-16T17:00:00",
            "2026-11-23T17:00:00" });
    CHECK(list[2]["status"] == "cancelled");
    // A day later, Tuesdays: the cancelled session moves with it.
    auto move_days = Json { { "scope", "all" }, { "starts", "2026-11-03T17:00:00" } };
    auto next_day = api.put(series_path(id), move_days, admin);
    INFO(describe(next_day));
    CHECK(next_day.status == 200);   // a shift of a whole day keeps every session's place
    // To Wednesdays: the cancelled Tuesday would be lost, so it must be confirmed.
    auto rule_change = Json { { "scope", "all" }, { "rrule", "FREQ=WEEKLY;COUNT=4;BYDAY=WE" } };
    auto needs_confirm = api.put(series_path(id), rule_change, admin);
    CHECK(needs_confirm.status == 409);
    CHECK(needs_confirm.field() == "drop_changes");
    CHECK(needs_confirm.json["dropped"] == Json { "2026-11-17T17:00:00" });
    rule_change["drop_changes"] = true;
    auto dropped = api.put(series_path(id), rule_change, admin);
    REQUIRE(dropped.status == 200);
    CHECK(dropped.json["dropped"] == 1);
    CHECK(f.sql_int("SELECT count(*) FROM session_occurrences") == 0);

    // Mondays and Wednesdays until the last Wednesday's lesson, moved to
    // Tuesday an hour later: Tuesdays and Thursdays, the last one kept, the
    // cancelled Wednesday now a cancelled Thursday, nothing to confirm.
    auto twice = book(f, D.admin, weekly(D.teacher, D.student, "2026-12-07T16:00:00", "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261216T160000"));
    REQUIRE(api.put(series_path(twice, "/occurrence"), { { "recurrence_id", "2026-12-09T16:00:00" }, { "cancelled", true } },
                   admin)
                .status
        == 200);
    auto weekdays = api.put(series_path(twice), { { "scope", "all" }, { "starts", "2026-12-08T17:00:00" } }, admin);
    INFO(describe(weekdays));
    REQUIRE(weekdays.status == 200);
    CHECK(weekdays.json["dropped"] == 0);
    CHECK(api.get(series_path(twice), admin).json["rrule"] == "FREQ=WEEKLY;UNTIL=20261217T170000;BYDAY=TU,TH");
    auto december = window(f, D.admin, "2026-12-01", "2027-01-01");
    CHECK(field_of(december, "start")
        == std::vector<std::string> { "2026-12-08T17:00:00", "2026-12-10T17:00:00", "2026-12-15T17:00:00",
            "2026-12-17T17:00:00" });
    CHECK(december[1]["status"] == "cancelled");
    // A rule that cannot move by days asks for the new one.
    auto last_day = book(f, D.admin, weekly(D.teacher, D.student, "2027-01-31T10:00:00", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3"));
    CHECK(api.put(series_path(last_day), { { "scope", "all" }, { "starts", "2027-02-01T10:00:00" } }, admin).field()
        == "rrule");
}

TEST_CASE("attendance: logged once per offline id, only for sessions begun, by their tutor, and never on an invoice",
    "[api][tutoring][attendance]")
{
    ApiFixture f("tut_attendance", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Tutor Two", "teacher");
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-01-05T16:00:00", "FREQ=WEEKLY;COUNT=3"));
    auto future = book(f, D.admin, weekly(D.teacher, D.student, "2031-01-06T16:00:00", ""));
    auto log = [&](const Person& as, Json body) { return api.post("/api/tutoring/attendance", body, f.token(as)); };
    Json first { { "series_id", id }, { "recurrence_id", "2026-01-05T16:00:00" }, { "status", "completed" },
        { "note", "Worked on fractions" }, { "client_id", "offline-1" } };

    auto logged = log(D.teacher, first);
    INFO(describe(logged));
    REQUIRE(logged.status == 200);
    CHECK(logged.json["status_label"] == "Completed");
    auto audit = f.audit_count();
    auto again = log(D.teacher, first);
    CHECK(again.status == 200);
    CHECK(again.json["duplicate"] == true);
    CHECK(f.audit_count() == audit);
    auto reused = first;
    reused["recurrence_id"] = "2026-01-12T16:00:00";
    check_error(log(D.teacher, reused), 409, "Conflict", "This client_id was used for another session");

    auto bad_status = first;
    bad_status.erase("client_id");
    bad_status["status"] = "asleep";
    CHECK(log(D.teacher, bad_status).field() == "status");
    CHECK(log(D.teacher, { { "series_id", future }, { "recurrence_id", "2031-01-06T16:00:00" }, { "status", "completed" } })
              .status
        == 422);
    check_error(log(other_tutor, { { "series_id", id }, { "recurrence_id", "2026-01-12T16:00:00" }, { "status", "no_show" } }),
        403, "Unauthorized", "You can log only your own sessions");
    check_error(log(D.student, { { "series_id", id }, { "recurrence_id", "2026-01-12T16:00:00" }, { "status", "no_show" } }),
        403, "Unauthorized");
    CHECK(log(D.moderator, { { "series_id", id }, { "recurrence_id", "2026-01-12T16:00:00" }, { "status", "late_cancel" } })
              .status
        == 200);
    auto list = window(f, D.teacher, "2026-01-01", "2026-02-01");
    CHECK(field_of(list, "status") == std::vector<std::string> { "completed", "late_cancel", "scheduled" });
    CHECK(list[1]["status_label"] == "Cancelled late");
    CHECK(list[0]["note"] == "Worked on fractions");

    // On an invoice, the session is locked: no log, no change, no edit of the series over it.
    f.sql("INSERT INTO invoices (tenant_id, family_id, period_from, period_to, currency, subtotal_minor, "
          "tax_basis_points, tax_minor, total_minor) VALUES ("
        + std::to_string(D.id) + ", " + std::to_string(D.parent.id) + ", '2026-01-01', '2026-01-31', 'GBP', 3000, 0, 0, 3000)");
    f.sql("UPDATE session_occurrences SET invoice_id = (SELECT max(id) FROM invoices) WHERE recurrence_id = '2026-01-05T16:00:00'");
    auto relog = first;
    relog.erase("client_id");
    check_error(log(D.admin, relog), 409, "Conflict");
    check_error(api.put(series_path(id, "/occurrence"), { { "recurrence_id", "2026-01-05T16:00:00" }, { "cancelled", true } },
                    f.token(D.admin)),
        409, "Conflict");
    check_error(api.put(series_path(id), { { "scope", "all" }, { "starts", "2026-01-05T17:00:00" } }, f.token(D.admin)), 409,
        "Conflict");
    // After the invoiced session, the rest of the series can still change.
    CHECK(api.put(series_path(id), { { "scope", "following" }, { "recurrence_id", "2026-01-19T16:00:00" },
                                       { "starts", "2026-01-19T17:00:00" } },
                 f.token(D.admin))
              .status
        == 200);
}

TEST_CASE("signing in names the tenant and its kind, which picks the portal: a school, or a tutoring business",
    "[api][tutoring][identity]")
{
    ApiFixture f("tut_kind");
    auto school = f.api().login(f.demo.teacher.email, k_demo_password);
    REQUIRE(school.status == 200);
    CHECK(school.json["tenant_kind"] == "school");
    auto tutoring = f.api().login("tutor@brightpath.learnloop.test", k_demo_password, "brightpath");
    INFO(describe(tutoring));
    REQUIRE(tutoring.status == 200);
    CHECK(tutoring.json["tenant_kind"] == "tutoring");
    CHECK(tutoring.json["tenant_name"] == "Brightpath Tutoring");
    auto me = f.api().get("/api/user", tutoring.json["token"].get<std::string>());
    CHECK(me.json["tenant_kind"] == "tutoring");
    CHECK(me.json["time_zone"] == "Europe/London");
    // The demo business's tutor sees their own week: the minimal demo's weekly lesson.
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto day = [](std::int64_t t) { return learnloop::format_utc_timestamp(t).substr(0, 10); };
    auto week = f.api().get("/api/tutoring/occurrences?from=" + day(now) + "&to=" + day(now + 8 * 86400),
        tutoring.json["token"].get<std::string>());
    REQUIRE(week.status == 200);
    CHECK(week.json["occurrences"].size() >= 1);
}

TEST_CASE("the administrator sets attendance statuses, the clash policy and the week; a status in use stays",
    "[api][tutoring][settings]")
{
    ApiFixture f("tut_settings_put", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    const auto& admin = f.token(D.admin);
    auto statuses = Json::array({ { { "key", "completed" }, { "label", "Taught" }, { "billable_percent", 100 } },
        { { "key", "no_show" }, { "label", "No-show" }, { "billable_percent", 100 } },
        { { "key", "sick" }, { "label", "Off sick" }, { "billable_percent", 0 } } });
    auto reply = api.put("/api/tutoring/settings",
        { { "attendance_statuses", statuses }, { "conflict_policy", { { "tutor", "block" }, { "student", "block" }, { "room", "off" } } },
            { "week_start", 0 }, { "tax_basis_points", 2000 }, { "invoice_prefix", "NB" } },
        admin);
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    CHECK(reply.json["attendance_statuses"][0]["label"] == "Taught");
    CHECK(reply.json["week_start"] == 0);
    CHECK(reply.json["tax_basis_points"] == 2000);
    CHECK(f.last_audit_action() == "tutoring_settings.update");
    CHECK(api.get("/api/tutoring/settings", f.token(D.teacher)).json["attendance_statuses"][2]["label"] == "Off sick");

    // The student check now blocks: the same student at the same time with another tutor is refused.
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Tutor Two", "teacher");
    REQUIRE(api.post("/api/tutoring/series", weekly(D.teacher, D.student, "2026-01-05T16:00:00", "FREQ=WEEKLY;COUNT=2"), admin)
                .status
        == 201);
    CHECK(api.post("/api/tutoring/series", weekly(other_tutor, D.student, "2026-01-05T16:30:00", ""), admin).status == 409);

    // A status used by a logged session cannot go; renaming it can.
    auto series = f.sql_int("SELECT max(id) FROM session_series");
    log_session(f, D.admin, series, "2026-01-05T16:00:00", "sick");
    auto without_sick = statuses;
    without_sick.erase(2);
    check_error(api.put("/api/tutoring/settings", { { "attendance_statuses", without_sick } }, admin), 409, "Conflict",
        "1 session is logged as \"Off sick\"; keep that status (you can rename it)");
    statuses[2]["label"] = "Ill";
    CHECK(api.put("/api/tutoring/settings", { { "attendance_statuses", statuses } }, admin).status == 200);

    // Bad values name their field; nothing changes.
    auto bad_key = statuses;
    bad_key[1]["key"] = "No Show";
    CHECK(api.put("/api/tutoring/settings", { { "attendance_statuses", bad_key } }, admin).field() == "attendance_statuses");
    CHECK(api.put("/api/tutoring/settings", { { "currency", "XYZ" } }, admin).field() == "currency");
    CHECK(api.put("/api/tutoring/settings", { { "tax_basis_points", 10001 } }, admin).field() == "tax_basis_points");
    CHECK(api.put("/api/tutoring/settings", { { "week_start", 3 } }, admin).field() == "week_start");
    CHECK(api.put("/api/tutoring/settings", { { "invoice_prefix", "inv-" } }, admin).field() == "invoice_prefix");
    CHECK(api.put("/api/tutoring/settings", { { "conflict_policy", { { "tutor", "never" } } } }, admin).field()
        == "conflict_policy");
    CHECK(api.get("/api/tutoring/settings", admin).json["attendance_statuses"][2]["label"] == "Ill");
    check_error(api.put("/api/tutoring/settings", { { "week_start", 1 } }, f.token(D.moderator)), 403, "Unauthorized");
}

TEST_CASE("holidays: blocked for everyone or one tutor; sessions already booked on them are listed and kept",
    "[api][tutoring][holidays]")
{
    ApiFixture f("tut_holidays_api", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    const auto& admin = f.token(D.admin);
    auto series = book(f, D.admin, weekly(D.teacher, D.student, "2026-12-07T16:00:00", "FREQ=WEEKLY;COUNT=6"));
    auto added = api.post("/api/tutoring/blocked-dates",
        { { "first_day", "2026-12-21" }, { "last_day", "2026-12-31" }, { "label", "Christmas holidays" } }, admin);
    INFO(describe(added));
    REQUIRE(added.status == 201);
    REQUIRE(added.json["affected"].size() == 2);
    CHECK(added.json["affected"][0]["start"] == "2026-12-21T16:00:00");
    CHECK(added.json["message"].get<std::string>().find("2 sessions are already booked") != std::string::npos);
    // Kept: the two sessions are still scheduled.
    auto list = window(f, D.admin, "2026-12-21", "2027-01-01");
    CHECK(field_of(list, "status", series) == std::vector<std::string> { "scheduled", "scheduled" });
    // A new series skips them.
    auto later = api.post("/api/tutoring/series", weekly(D.teacher, D.student, "2026-12-16T10:00:00", "FREQ=WEEKLY;COUNT=4"), admin);
    CHECK(later.json["skipped"] == Json { "2026-12-23T10:00:00", "2026-12-30T10:00:00" });

    auto holidays = api.get("/api/tutoring/blocked-dates", f.token(D.teacher));
    REQUIRE(holidays.status == 200);
    REQUIRE(holidays.json.size() == 1);
    CHECK(holidays.json[0]["label"] == "Christmas holidays");
    CHECK(holidays.json[0]["tutor_id"].is_null());

    CHECK(api.post("/api/tutoring/blocked-dates", { { "first_day", "2026-12-21" }, { "last_day", "2026-12-20" }, { "label", "x" } }, admin)
              .field()
        == "last_day");
    CHECK(api.post("/api/tutoring/blocked-dates", { { "first_day", "2026-01-01" }, { "last_day", "2027-06-01" }, { "label", "x" } }, admin)
              .field()
        == "last_day");
    CHECK(api.post("/api/tutoring/blocked-dates", { { "first_day", "21/12/2026" }, { "last_day", "2026-12-22" }, { "label", "x" } }, admin)
              .field()
        == "first_day");
    CHECK(api.post("/api/tutoring/blocked-dates",
                 { { "first_day", "2026-12-21" }, { "last_day", "2026-12-22" }, { "label", "x" }, { "tutor_id", D.student.id } }, admin)
              .field()
        == "tutor_id");
    check_error(api.post("/api/tutoring/blocked-dates", { { "first_day", "2026-12-21" }, { "last_day", "2026-12-22" }, { "label", "x" } },
                    f.token(D.moderator)),
        403, "Unauthorized");
    auto id = holidays.json[0]["id"].get<std::int64_t>();
    CHECK(api.del("/api/tutoring/blocked-dates/" + std::to_string(id), admin).status == 200);
    check_error(api.del("/api/tutoring/blocked-dates/" + std::to_string(id), admin), 404, "Blocked dates not found");
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action LIKE 'blocked_dates.%'") == 2);
}

TEST_CASE("edits that would store what cannot be read back are refused: years out of range, rules too dense",
    "[api][tutoring][booking]")
{
    ApiFixture f("tut_ranges");
    auto& D = f.demo;
    auto& api = f.api();
    const auto& admin = f.token(D.admin);
    // Year 1 in UTC is 31 December of year 0 in London's wall time.
    auto early = api.post(k_series, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;UNTIL=00010101T000000Z"), admin);
    CHECK(early.status == 400);
    CHECK(early.field() == "rrule");
    CHECK(api.post(k_series, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=DAILY;BYHOUR=6,7,8,9,10,11,12,13,14,15,16,17"), admin)
              .field()
        == "rrule");
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=4"));
    for (const char* when : { "2026-11-09T16:00:00", "2026-11-16T16:00:00" })
        REQUIRE(api.put(series_path(id, "/occurrence"), { { "recurrence_id", when }, { "note", "Noted" } }, admin).status == 200);
    // The changed sessions' keys would move into the year 3000.
    CHECK(api.put(series_path(id), { { "scope", "all" }, { "starts", "2999-12-30T16:00:00" } }, admin).field() == "starts");
    CHECK(api.put(series_path(id, "/occurrence"), { { "recurrence_id", "2026-11-09T16:00:00" }, { "starts", "3000-01-01T10:00:00" } },
                 admin)
              .status
        == 400);
    CHECK(api.get(series_path(id), admin).json["dtstart"] == "2026-11-02T16:00:00");

    // Moving a series by a whole week moves changes that sit a week apart
    // (each takes the place of the next one's old key).
    auto moved = api.put(series_path(id), { { "scope", "all" }, { "starts", "2026-11-09T16:00:00" } }, admin);
    INFO(describe(moved));
    CHECK(moved.status == 200);
    CHECK(f.sql_text("SELECT string_agg(to_char(recurrence_id, 'MM-DD'), ',' ORDER BY recurrence_id) FROM session_occurrences")
        == "11-16,11-23");
}

TEST_CASE("a session handed to another tutor is theirs to change, not the series' tutor's", "[api][tutoring][change]")
{
    ApiFixture f("tut_handed");
    auto& D = f.demo;
    auto& api = f.api();
    auto other_tutor = f.create_user("demo", "tutor2@demo.learnloop.test", "Tutor Two", "teacher");
    auto id = book(f, D.admin, weekly(D.teacher, D.student, "2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=4"));
    REQUIRE(api.put(series_path(id, "/occurrence"), { { "recurrence_id", "2026-11-09T16:00:00" }, { "tutor_id", other_tutor.id } },
                   f.token(D.admin))
                .status
        == 200);
    Json note { { "recurrence_id", "2026-11-09T16:00:00" }, { "note", "Bring the workbook" } };
    check_error(api.put(series_path(id, "/occurrence"), note, f.token(D.teacher)), 403, "Unauthorized",
        "You can change only your own sessions");
    CHECK(api.put(series_path(id, "/occurrence"), note, f.token(other_tutor)).status == 200);
    check_error(api.put(series_path(id), { { "scope", "all" }, { "starts", "2026-11-02T17:00:00" } }, f.token(D.teacher)), 403,
        "Unauthorized");
    CHECK(api.put(series_path(id), { { "scope", "all" }, { "starts", "2026-11-02T17:00:00" } }, f.token(D.admin)).status == 200);
}

TEST_CASE("a tutor's students: subjects, next and last session, logged and those still to log; the office's by tutor",
    "[api][tutoring][students]")
{
    ApiFixture f("tut_students", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto tutor2 = f.create_user("demo", "tutor2@demo.learnloop.test", "Søren Ødegård", "teacher");
    auto pupil2 = f.create_user("demo", "pupil2@demo.learnloop.test", "李华", "student");
    // Weekly from three weeks and an hour ago (the fourth began an hour ago),
    // and one session two hours from now: local times, from the database's clock.
    auto local = [&](const std::string& offset) {
        return f.sql_text("SELECT to_char(now() AT TIME ZONE 'Europe/London' " + offset + ", 'YYYY-MM-DD\"T\"HH24:MI:00')");
    };
    const auto first = local("- interval '21 days 1 hour'"), hour_ago = local("- interval '1 hour'"),
               soon = local("+ interval '2 hours'");
    auto weekly_maths = book(f, D.admin, weekly(D.teacher, D.student, first, "FREQ=WEEKLY;COUNT=6"));
    book(f, D.admin, weekly(D.teacher, D.student, soon, "", 30, "Physics"));
    book(f, D.admin, weekly(tutor2, pupil2, first, "FREQ=WEEKLY;COUNT=2", 45, "Piano"));
    log_session(f, D.teacher, weekly_maths, first, "completed");

    auto mine = api.get("/api/tutoring/students", f.token(D.teacher));
    INFO(describe(mine));
    REQUIRE(mine.status == 200);
    REQUIRE(mine.json["students"].size() == 1);
    const auto& sam = mine.json["students"][0];
    CHECK(sam["id"] == D.student.id);
    CHECK(sam["name"] == D.student.name);
    CHECK(sam["subjects"] == Json::array({ "Maths", "Physics" }));
    CHECK(sam["tutors"][0]["name"] == D.teacher.name);
    CHECK(sam["logged"] == 1);
    // Two weeks ago, last week and an hour ago have begun and wait to be logged.
    REQUIRE(sam["to_log"].size() == 3);
    CHECK(sam["to_log"][2]["start"] == hour_ago);
    CHECK(sam["last"]["start"] == hour_ago);
    CHECK(sam["next"]["start"] == soon);
    CHECK(sam["next"]["subject"] == "Physics");

    // The office: everyone's by name, or one tutor's.
    auto all = api.get("/api/tutoring/students", f.token(D.moderator));
    REQUIRE(all.status == 200);
    CHECK(all.json["students"].size() == 2);
    auto one = api.get("/api/tutoring/students?tutor_id=" + std::to_string(tutor2.id), f.token(D.admin));
    REQUIRE(one.json["students"].size() == 1);
    CHECK(one.json["students"][0]["name"] == "李华");
    CHECK(one.json["students"][0]["to_log"].size() == 2);
    CHECK(one.json["students"][0]["next"].is_null());

    // A tutor asks only for their own; families have no such list; bad ids are 404.
    check_error(api.get("/api/tutoring/students?tutor_id=" + std::to_string(tutor2.id), f.token(D.teacher)), 403,
        "Unauthorized", "Tutors see only their own students");
    CHECK(api.get("/api/tutoring/students", f.token(D.parent)).status == 403);
    CHECK(api.get("/api/tutoring/students", f.token(D.student)).status == 403);
    CHECK(api.get("/api/tutoring/students?tutor_id=abc", f.token(D.admin)).status == 404);
}
