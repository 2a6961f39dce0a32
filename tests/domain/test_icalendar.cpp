// Tests for shared-domain/tutoring/icalendar.*: escaping, folding, the zone
// as a VTIMEZONE, a series with its changed sessions, and a tutor's view.
// (tests/server/test_tutoring_feed.cpp has a standard library expand it.)
#include "tutoring/icalendar.hpp"

#include "calendar_samples.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;
using learnloop::test::at;
using learnloop::test::zone;

namespace {

FeedEntry maths_entry()
{
    auto rule = RecurrenceRule::create("FREQ=WEEKLY;UNTIL=20261221T000000");
    REQUIRE(rule.ok());
    FeedEntry entry;
    entry.series = { 4, 2, 7, "Maths", "Room 1, upstairs", Series { at("2026-10-19T16:00:00"), rule.value(), {}, {} }, 60 };
    entry.series.schedule.exdates = { at("2026-11-02T16:00:00") };
    entry.summary = "Maths with Zoë; Year 9";
    entry.changes = {
        { 1, 4, at("2026-11-09T16:00:00"), at("2026-11-10T17:30:00") },
        { 2, 4, at("2026-11-16T16:00:00"), std::nullopt, std::nullopt, std::nullopt, true },
        { 3, 4, at("2026-11-23T16:00:00"), std::nullopt, std::nullopt, 9 },   // handed to tutor 9
        { 4, 4, at("2026-11-24T16:00:00"), at("2026-11-25T16:00:00") },        // not a session: left out
    };
    return entry;
}

FeedOptions options(std::optional<std::int64_t> viewer = std::nullopt)
{
    return { "Brightpath Tutoring", "brightpath.example", 1796083200, 1795000000, 1800000000, viewer };
}

std::size_t count(const std::string& text, const std::string& part)
{
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines, and drop other control characters")
{
    CHECK(escape_ical_text("a\\b;c,d\ne\r\nf\tg") == "a\\\\b\\;c\\,d\\ne\\nfg");
    CHECK(escape_ical_text("李华 Ødegård") == "李华 Ødegård");
}

TEST_CASE("long lines fold at 75 octets with CRLF and a space, never inside a UTF-8 character")
{
    CHECK(fold_ical_line("SUMMARY:short") == "SUMMARY:short\r\n");
    std::string line = "SUMMARY:" + std::string(67, 'a') + "é" + std::string(80, 'b');
    auto folded = fold_ical_line(line);
    auto first_break = folded.find("\r\n ");
    CHECK(first_break == 75);
    CHECK(folded.substr(0, 75).back() == 'a');   // é (2 octets) would straddle octet 75: it starts the next line
    std::string unfolded;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += folded[i];
    }
    CHECK(unfolded == line + "\r\n");
    for (std::size_t start = 0, end; (end = folded.find("\r\n", start)) != std::string::npos; start = end + 2)
        CHECK(end - start <= 75);
}

TEST_CASE("a feed: the zone as a VTIMEZONE, the series with RRULE and EXDATE in its zone, each change an override")
{
    const auto& london = zone("Europe/London");
    auto text = write_icalendar({ maths_entry() }, london, options());
    CHECK(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(text.find("END:VCALENDAR\r\n") == text.size() - 15);
    CHECK(text.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") != std::string::npos);
    // 25 October 2026, 02:00 BST -> 01:00 GMT: the observance starts at the wall time before the change.
    CHECK(text.find("BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\n")
        != std::string::npos);
    CHECK(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n")
        != std::string::npos);
    // After the listed changes the zone's yearly rule goes on, so a lesson years ahead keeps its hour.
    CHECK(count(text, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n") == 1);
    CHECK(count(text, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n") == 1);
    CHECK(text.find("DTSTART;TZID=Europe/London:20261019T160000\r\nDTEND;TZID=Europe/London:20261019T170000\r\n")
        != std::string::npos);
    // A floating UNTIL beside a zoned DTSTART is written in UTC (RFC 5545 3.3.10).
    CHECK(text.find("RRULE:FREQ=WEEKLY;UNTIL=20261221T000000Z\r\n") != std::string::npos);
    CHECK(text.find("EXDATE;TZID=Europe/London:20261102T160000\r\n") != std::string::npos);
    CHECK(text.find("SUMMARY:Maths with Zoë\\; Year 9\r\n") != std::string::npos);
    CHECK(text.find("LOCATION:Room 1\\, upstairs\r\n") != std::string::npos);
    CHECK(count(text, "UID:series-4@brightpath.example") == 4);   // the series and three changed sessions
    CHECK(text.find("RECURRENCE-ID;TZID=Europe/London:20261109T160000\r\nDTSTART;TZID=Europe/London:20261110T173000\r\n")
        != std::string::npos);
    CHECK(text.find("RECURRENCE-ID;TZID=Europe/London:20261116T160000\r\nDTSTART;TZID=Europe/London:20261116T160000\r\n"
                    "DTEND;TZID=Europe/London:20261116T170000\r\nSUMMARY:Maths with Zoë\\; Year 9\r\nLOCATION:Room 1\\, "
                    "upstairs\r\nSTATUS:CANCELLED\r\n")
        != std::string::npos);
    CHECK(text.find("20261124T160000") == std::string::npos);
    CHECK(count(text, "BEGIN:VEVENT") == count(text, "END:VEVENT"));
}

TEST_CASE("the VTIMEZONE reaches back to the earliest series' start; DTEND is where the length reaches on the clock")
{
    const auto& london = zone("Europe/London");
    auto entry = maths_entry();
    entry.series.schedule.dtstart = at("2019-03-30T23:30:00");
    entry.series.duration_minutes = 120;   // to 02:30 BST: the clocks jump at 01:00
    entry.changes.clear();
    auto text = write_icalendar({ entry }, london, options());
    CHECK(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20190331T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\n")
        != std::string::npos);
    CHECK(text.find("DTSTART;TZID=Europe/London:20190330T233000\r\nDTEND;TZID=Europe/London:20190331T023000\r\n")
        != std::string::npos);
}

TEST_CASE("a session ending in the hour the clocks show twice has its DTEND in UTC, so it cannot be read an hour early")
{
    const auto& london = zone("Europe/London");
    auto entry = maths_entry();
    entry.series.schedule = Series { at("2026-10-25T01:30:00"), std::nullopt, {}, {} };   // the first 01:30, BST
    entry.series.duration_minutes = 30;   // to 01:00 GMT, a wall time London shows twice that night
    entry.changes.clear();
    auto text = write_icalendar({ entry }, london, options());
    CHECK(text.find("DTSTART;TZID=Europe/London:20261025T013000\r\nDTEND:20261025T010000Z\r\n") != std::string::npos);
}

TEST_CASE("a tutor's feed leaves out a session handed away and holds one handed to them, on its own")
{
    const auto& london = zone("Europe/London");
    auto own = write_icalendar({ maths_entry() }, london, options(2));
    CHECK(own.find("EXDATE;TZID=Europe/London:20261102T160000,20261123T160000\r\n") != std::string::npos);
    CHECK(own.find("RECURRENCE-ID;TZID=Europe/London:20261123T160000") == std::string::npos);
    auto other = write_icalendar({ maths_entry() }, london, options(9));
    CHECK(count(other, "BEGIN:VEVENT") == 1);
    CHECK(other.find("UID:series-4-20261123T160000@brightpath.example\r\n") != std::string::npos);
    // The session stands alone: no event repeats (the only RRULEs are the zone's, before the first event).
    CHECK(other.find("RRULE", other.find("BEGIN:VEVENT")) == std::string::npos);
    CHECK(other.find("DTSTART;TZID=Europe/London:20261123T160000") != std::string::npos);
}
