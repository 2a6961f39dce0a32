// Tests for shared-domain/tutoring/sessions.*: occurrences with their
// changes across DST, "this and following" splits, holidays skipped, and
// the changes an edit of "all" would leave behind.
#include "tutoring/sessions.hpp"

#include "calendar_samples.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;
using learnloop::test::at;
using learnloop::test::zone;

namespace {

Series weekly(const char* dtstart, const char* rule)
{
    auto parsed = RecurrenceRule::create(rule);
    REQUIRE(parsed.ok());
    return Series { at(dtstart), parsed.value(), {}, {} };
}

SessionSeries lesson(std::int64_t id, Series schedule, int minutes = 60)
{
    return { id, 2, 7, "Maths", "", std::move(schedule), minutes };
}

std::int64_t utc(const char* text) { return to_unix_seconds(at(text)); }

std::vector<LocalDateTime> starts(const std::vector<SessionOccurrence>& occurrences)
{
    std::vector<LocalDateTime> out;
    for (const auto& o : occurrences)
        out.push_back(o.start);
    return out;
}

std::vector<LocalDateTime> all_of(const Series& schedule)
{
    auto expansion = expand_series(schedule, schedule.dtstart, at("2100-01-01T00:00:00"), 100000);
    REQUIRE(expansion.ok());
    return expansion.value().occurrences;
}

} // namespace

TEST_CASE("a weekly 16:00 lesson stays at 16:00 local across the clock change, in UTC an hour apart")
{
    const auto& london = zone("Europe/London");
    auto found = occurrences_between({ lesson(1, weekly("2026-10-19T16:00:00", "FREQ=WEEKLY")) }, {}, london,
        utc("2026-10-19T00:00:00"), utc("2026-11-03T00:00:00"), 100);
    REQUIRE(found.ok());
    REQUIRE(found.value().size() == 3);
    CHECK(found.value()[0].start_utc == utc("2026-10-19T15:00:00"));   // BST
    CHECK(found.value()[1].start_utc == utc("2026-10-26T16:00:00"));   // GMT after 25 October
    CHECK(found.value()[1].start == at("2026-10-26T16:00:00"));
    CHECK(found.value()[1].end_utc - found.value()[1].start_utc == 3600);
    CHECK(found.value()[2].status() == "scheduled");
}

TEST_CASE("a session across the clock change ends at the wall time its length reaches, not start + length")
{
    // Two hours from 00:30: London's clocks jump at 01:00 GMT, so it ends at 03:30 BST.
    auto spring = occurrences_between({ lesson(1, weekly("2026-03-22T00:30:00", "FREQ=WEEKLY;COUNT=2"), 120) }, {},
        zone("Europe/London"), utc("2026-03-21T00:00:00"), utc("2026-03-31T00:00:00"), 10);
    REQUIRE(spring.ok());
    REQUIRE(spring.value().size() == 2);
    CHECK(spring.value()[0].end == at("2026-03-22T02:30:00"));
    CHECK(spring.value()[1].end == at("2026-03-29T03:30:00"));
    CHECK(spring.value()[1].end_utc - spring.value()[1].start_utc == 7200);
    // New York falls back at 02:00 EDT: two hours from 00:30 end at 01:30 EST.
    auto autumn = occurrences_between({ lesson(1, weekly("2026-11-01T00:30:00", "FREQ=DAILY;COUNT=1"), 120) }, {},
        zone("America/New_York"), utc("2026-10-31T00:00:00"), utc("2026-11-03T00:00:00"), 10);
    REQUIRE(autumn.ok());
    REQUIRE(autumn.value().size() == 1);
    CHECK(autumn.value()[0].end == at("2026-11-01T01:30:00"));
}

TEST_CASE("changes show on their occurrence: moved in and out of the window, cancelled, logged, another tutor")
{
    const auto& new_york = zone("America/New_York");
    auto series = lesson(4, weekly("2026-12-01T17:00:00", "FREQ=WEEKLY;COUNT=10"), 45);
    std::vector<OccurrenceChange> changes {
        { 10, 4, at("2026-12-08T17:00:00"), at("2026-12-19T10:00:00"), std::nullopt, std::nullopt },   // out of the window
        { 11, 4, at("2026-12-22T17:00:00"), at("2026-12-10T09:30:00"), 60, 9 },                         // into it
        { 12, 4, at("2026-12-15T17:00:00"), std::nullopt, std::nullopt, std::nullopt, true },
        { 13, 4, at("2026-12-01T17:00:00"), std::nullopt, std::nullopt, std::nullopt, false, "completed", "Fractions", 77 },
        { 14, 4, at("2026-12-02T17:00:00"), at("2026-12-11T17:00:00") },   // not an occurrence: ignored
    };
    auto found = occurrences_between({ series }, changes, new_york, to_utc(at("2026-12-01T00:00:00"), new_york),
        to_utc(at("2026-12-18T00:00:00"), new_york), 100);
    REQUIRE(found.ok());
    const auto& list = found.value();
    CHECK(starts(list)
        == std::vector { at("2026-12-01T17:00:00"), at("2026-12-10T09:30:00"), at("2026-12-15T17:00:00") });
    CHECK(list[0].status() == "completed");
    CHECK(list[0].note == "Fractions");
    CHECK(list[0].invoice_id == 77);
    CHECK(list[0].change_id == 13);
    CHECK(list[1].moved);
    CHECK(list[1].status() == "moved");
    CHECK(list[1].recurrence_id == at("2026-12-22T17:00:00"));
    CHECK(list[1].tutor_id == 9);
    CHECK(list[1].duration_minutes == 60);
    CHECK(list[1].start_utc == utc("2026-12-10T14:30:00"));
    CHECK(list[2].cancelled);
    CHECK(list[2].status() == "cancelled");
}

TEST_CASE("a window holding more sessions than the limit is refused, and an empty window is an error")
{
    const auto& london = zone("Europe/London");
    auto daily = lesson(1, weekly("2026-01-01T08:00:00", "FREQ=DAILY"));
    auto found = occurrences_between({ daily }, {}, london, utc("2026-01-01T00:00:00"), utc("2026-03-01T00:00:00"), 30);
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().code == ErrorCode::ResourceExhausted);
    CHECK_FALSE(occurrences_between({ daily }, {}, london, 10, 10, 30).ok());
}

TEST_CASE("this and following: the two series together give exactly the old occurrences")
{
    for (const char* rule : { "FREQ=WEEKLY;COUNT=12", "FREQ=WEEKLY;UNTIL=20270301T000000Z", "FREQ=WEEKLY;INTERVAL=2;COUNT=9",
             "FREQ=MONTHLY;BYDAY=-1FR;COUNT=8", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=15" }) {
        CAPTURE(rule);
        auto schedule = weekly("2026-11-02T16:00:00", rule);
        schedule.exdates = { all_of(schedule)[2], all_of(schedule)[6] };
        schedule.rdates = { at("2026-11-04T10:00:00") };
        const auto old_occurrences = all_of(schedule);
        const auto split_at = old_occurrences[4];
        auto split = split_series(schedule, split_at);
        REQUIRE(split.ok());
        auto before = all_of(split.value().before);
        auto after = all_of(split.value().after);
        CHECK(before.back() < split_at);
        CHECK(after.front() == split_at);
        before.insert(before.end(), after.begin(), after.end());
        CHECK(before == old_occurrences);
        if (schedule.rule->count)
            CHECK(*split.value().before.rule->count + *split.value().after.rule->count == *schedule.rule->count);
    }
}

TEST_CASE("a split is refused at the first session, at a time that is not a session, and for a one-off")
{
    auto schedule = weekly("2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=5");
    CHECK(split_series(schedule, at("2026-11-02T16:00:00")).error().field == "scope");
    CHECK(split_series(schedule, at("2026-11-10T16:00:00")).error().field == "recurrence_id");
    CHECK(split_series(Series { at("2026-11-02T16:00:00"), std::nullopt, {}, {} }, at("2026-11-09T16:00:00"))
              .error()
              .message
        == "A single session has no following sessions to change");
}

TEST_CASE("holidays are skipped for the business and for the tutor whose days off they are")
{
    auto schedule = weekly("2026-12-01T16:00:00", "FREQ=WEEKLY;BYDAY=TU,TH");
    std::vector<BlockedDates> blocked { { "2026-12-21", "2027-01-01", std::nullopt, "Christmas holidays" },
        { "2026-12-10", "2026-12-10", 2, "Tutor's day off" }, { "2026-12-03", "2026-12-03", 5, "Another tutor's" } };
    auto skipped = skip_blocked_dates(schedule, 2, blocked);
    CHECK(skipped
        == std::vector { at("2026-12-10T16:00:00"), at("2026-12-22T16:00:00"), at("2026-12-24T16:00:00"),
            at("2026-12-29T16:00:00"), at("2026-12-31T16:00:00") });
    CHECK(schedule.exdates == skipped);
    CHECK(is_occurrence(schedule, at("2026-12-03T16:00:00")));
    CHECK_FALSE(is_occurrence(schedule, at("2026-12-22T16:00:00")));
    CHECK(skip_blocked_dates(schedule, 2, blocked).size() == 0);   // already skipped
}

TEST_CASE("an edit of all names the changed occurrences it would leave behind")
{
    std::vector<OccurrenceChange> changes { { 1, 4, at("2026-12-07T16:00:00") }, { 2, 4, at("2026-12-09T16:00:00") } };
    auto mondays = weekly("2026-12-07T17:00:00", "FREQ=WEEKLY;BYDAY=MO");
    // Moved an hour later: Monday's change follows its session; Wednesday's
    // was never a Monday.
    auto orphaned = orphaned_changes(mondays, changes, 3600);
    REQUIRE(orphaned.size() == 1);
    CHECK(orphaned[0].id == 2);
    CHECK(orphaned_changes(mondays, changes, 0).size() == 2);
}

TEST_CASE("moving every session moves the rule with them: UNTIL, the weekdays and the days of the month")
{
    auto rule = [](const char* text) {
        auto parsed = RecurrenceRule::create(text);
        REQUIRE(parsed.ok());
        return parsed.value();
    };
    // Mondays and Wednesdays at 16:00 until the last Monday's lesson, moved to
    // Tuesday 17:00: Tuesdays and Thursdays, and the last lesson is kept.
    const auto monday = at("2026-11-02T16:00:00"), tuesday = at("2026-11-03T17:00:00");
    auto moved = shift_rule(rule("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261130T160000"), monday, tuesday);
    REQUIRE(moved.ok());
    CHECK(moved.value().to_text() == "FREQ=WEEKLY;UNTIL=20261201T170000;BYDAY=TU,TH");
    const Series before { monday, rule("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261130T160000"), {}, {} };
    const Series after { tuesday, moved.value(), {}, {} };
    auto old_sessions = all_of(before), new_sessions = all_of(after);
    REQUIRE(old_sessions.size() == new_sessions.size());
    for (std::size_t i = 0; i < old_sessions.size(); ++i)
        CHECK(add_seconds(old_sessions[i], 25 * 3600) == new_sessions[i]);
    // A later time on the same day: only UNTIL moves (a date UNTIL not at all).
    CHECK(shift_rule(rule("FREQ=WEEKLY;UNTIL=20261130T160000"), monday, at("2026-11-02T17:30:00")).value().to_text()
        == "FREQ=WEEKLY;UNTIL=20261130T173000");
    CHECK(shift_rule(rule("FREQ=WEEKLY;UNTIL=20261130"), monday, at("2026-11-02T18:00:00")).value().to_text()
        == "FREQ=WEEKLY;UNTIL=20261130");
    // Every session moves by as much, and none is gained or lost: checked on
    // the sessions themselves, not the rule's text.
    auto moves_every_session = [&](const char* text, const char* first, const char* moved_to) {
        INFO(text);
        const auto from = at(first), to = at(moved_to);
        auto shifted = shift_rule(rule(text), from, to);
        REQUIRE(shifted.ok());
        auto old_sessions = all_of(Series { from, rule(text), {}, {} });
        auto new_sessions = all_of(Series { to, shifted.value(), {}, {} });
        REQUIRE(old_sessions.size() == new_sessions.size());
        const auto by = to_unix_seconds(to) - to_unix_seconds(from);
        for (std::size_t i = 0; i < old_sessions.size(); ++i)
            CHECK(add_seconds(old_sessions[i], by) == new_sessions[i]);
        return shifted.value().to_text();
    };
    CHECK(moves_every_session("FREQ=WEEKLY;BYDAY=SA;COUNT=8", "2026-11-07T10:00:00", "2026-11-09T10:00:00")
        == "FREQ=WEEKLY;COUNT=8;BYDAY=MO");
    // Every other week, Mondays and Fridays, moved from Friday to Monday: the pairs of weeks move too.
    CHECK(moves_every_session("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=12", "2026-11-06T16:00:00", "2026-11-09T16:00:00")
        == "FREQ=WEEKLY;INTERVAL=2;COUNT=12;BYDAY=MO,TH;WKST=TH");
    CHECK(moves_every_session("FREQ=MONTHLY;BYMONTHDAY=15,-3;COUNT=12", "2026-11-15T10:00:00", "2026-11-16T10:00:00")
        == "FREQ=MONTHLY;COUNT=12;BYMONTHDAY=-2,16");
    moves_every_session("FREQ=YEARLY;BYYEARDAY=100;COUNT=4", "2026-04-10T10:00:00", "2026-04-11T10:00:00");
    moves_every_session("FREQ=MONTHLY;BYDAY=MO;COUNT=20", "2026-11-02T10:00:00", "2026-11-03T10:00:00");
    // The first Saturday two days later is not the first Monday; the 28th a day later is not in every February;
    // every Monday of November a day later would lose Tuesday 1 December.
    CHECK(shift_rule(rule("FREQ=MONTHLY;BYDAY=1SA"), at("2026-11-07T10:00:00"), at("2026-11-09T10:00:00")).error().field
        == "rrule");
    CHECK(shift_rule(rule("FREQ=MONTHLY;BYMONTHDAY=28"), at("2026-11-28T10:00:00"), at("2026-11-29T10:00:00"))
              .error()
              .field
        == "rrule");
    CHECK(shift_rule(rule("FREQ=YEARLY;BYMONTH=11;BYDAY=MO"), monday, at("2026-11-03T16:00:00")).error().field
        == "rrule");
    // What cannot move by days asks for the new rule.
    const auto later = at("2026-11-03T16:00:00");
    CHECK(shift_rule(rule("FREQ=MONTHLY;BYMONTHDAY=31"), monday, later).error().field == "rrule");
    CHECK(shift_rule(rule("FREQ=MONTHLY;BYMONTHDAY=-1"), monday, later).error().field == "rrule");
    CHECK(shift_rule(rule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"), monday, later).error().field == "rrule");
    CHECK(shift_rule(rule("FREQ=YEARLY;BYWEEKNO=20"), monday, later).error().field == "rrule");
    CHECK(shift_rule(rule("FREQ=DAILY;BYHOUR=16,18"), monday, at("2026-11-02T17:00:00")).error().field == "rrule");
    CHECK(shift_rule(rule("FREQ=YEARLY;BYMONTH=11"), at("2026-11-30T16:00:00"), at("2026-12-01T16:00:00"))
              .error()
              .field
        == "rrule");
    // Within the month, BYMONTH stays; a time change leaves BYHOUR-free rules alone.
    CHECK(shift_rule(rule("FREQ=YEARLY;BYMONTH=11"), monday, later).value().to_text() == "FREQ=YEARLY;BYMONTH=11");
}

TEST_CASE("a series is storable only with every date from 1900 to 2999, UNTIL included")
{
    auto schedule = weekly("2026-11-02T16:00:00", "FREQ=WEEKLY;COUNT=5");
    CHECK(check_storable(schedule).ok());
    auto early = weekly("2026-11-02T16:00:00", "FREQ=WEEKLY;UNTIL=00010101T000000Z");
    early.rule = localize_until(*early.rule, zone("America/New_York"));   // 31 December of year 0
    CHECK(check_storable(early).error().field == "rrule");
    schedule.exdates = { at("2026-11-09T16:00:00") };
    schedule.exdates[0].year = 3000;
    CHECK(check_storable(schedule).error().field == "starts");
    schedule.exdates.clear();
    schedule.dtstart.year = 1899;
    CHECK(check_storable(schedule).error().field == "dtstart");
}

TEST_CASE("moving one session of a series moves the series' slot by as much, for its scope")
{
    const auto first = at("2026-09-01T16:00:00"), slot = at("2026-09-08T16:00:00");
    // Moved on its own to 17:00 earlier; now to 18:00 for it and the following: the slot moves an hour.
    auto move = series_move(true, slot, first, at("2026-09-08T17:00:00"), at("2026-09-08T18:00:00"));
    CHECK(move.following);
    REQUIRE(move.starts);
    CHECK(*move.starts == at("2026-09-08T17:00:00"));
    // Every session: the first moves by as much (a day and an hour here).
    move = series_move(false, slot, first, at("2026-09-08T16:00:00"), at("2026-09-09T17:00:00"));
    CHECK_FALSE(move.following);
    CHECK(*move.starts == at("2026-09-02T17:00:00"));
    // The time untouched (the room changed): no start sent, even for a session moved alone.
    move = series_move(true, slot, first, at("2026-09-08T17:00:00"), at("2026-09-08T17:00:00"));
    CHECK_FALSE(move.starts);
    // "This and following" from the first session is every session.
    move = series_move(true, first, first, first, at("2026-09-01T15:00:00"));
    CHECK_FALSE(move.following);
    CHECK(*move.starts == at("2026-09-01T15:00:00"));
}

TEST_CASE("a session is logged once begun and changed while on no invoice; booked ones are offered both")
{
    CHECK(is_booked("scheduled"));
    CHECK(is_booked("moved"));
    CHECK_FALSE(is_booked("cancelled"));
    CHECK_FALSE(is_booked("completed"));
    CHECK(check_changeable(false).ok());
    auto locked = check_changeable(true);
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().code == ErrorCode::Conflict);
    CHECK(check_loggable(false, 1000, 1000).ok());   // the minute it begins
    CHECK(check_loggable(false, 1000, 5000).ok());
    auto early = check_loggable(false, 1001, 1000);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == ErrorCode::FailedPrecondition);
    CHECK(early.error().field == "recurrence_id");
    CHECK(check_loggable(true, 1000, 5000).error().code == ErrorCode::Conflict);
}

TEST_CASE("each student's sessions come to their subjects, tutors, next and last session, logged and to log")
{
    auto session = [](std::int64_t student, std::int64_t tutor, std::int64_t start, std::string subject) {
        SessionOccurrence o;
        o.series_id = student * 10;
        o.student_id = student;
        o.tutor_id = tutor;
        o.start_utc = start;
        o.end_utc = start + 3600;
        o.subject = std::move(subject);
        return o;
    };
    const std::int64_t now = 100'000;
    auto logged = session(1, 7, now - 30'000, "Maths");
    logged.attendance = "completed";
    auto unlogged = session(1, 7, now - 20'000, "Maths");
    auto invoiced = session(1, 7, now - 25'000, "Maths");
    invoiced.invoice_id = 3;
    auto cancelled_past = session(1, 8, now - 10'000, "Physics");
    cancelled_past.cancelled = true;
    auto cancelled_next = session(1, 7, now + 5'000, "Maths");
    cancelled_next.cancelled = true;
    auto next = session(1, 7, now + 9'000, "Maths");
    auto later = session(1, 7, now + 90'000, "Maths");
    auto other = session(2, 7, now + 1'000, "Piano");
    // Given out of order: the summary reads them by time.
    auto summary = sessions_by_student({ later, other, next, cancelled_next, cancelled_past, unlogged, invoiced, logged }, now);
    REQUIRE(summary.size() == 2);
    const auto& first = summary[0];
    CHECK(first.student_id == 1);
    CHECK(first.subjects == std::vector<std::string> { "Maths", "Physics" });
    CHECK(first.tutor_ids == std::vector<std::int64_t> { 7, 8 });
    REQUIRE(first.next);
    CHECK(first.next->start_utc == now + 9'000);
    REQUIRE(first.last);
    CHECK(first.last->start_utc == now - 20'000);   // the cancelled one after it is not "last"
    CHECK(first.logged == 1);
    REQUIRE(first.to_log.size() == 1);               // the invoiced one is locked, not "to log"
    CHECK(first.to_log[0].start_utc == now - 20'000);
    CHECK(summary[1].student_id == 2);
    CHECK_FALSE(summary[1].last);
    CHECK(summary[1].to_log.empty());
    CHECK(sessions_by_student({}, now).empty());
}
