// Tests for shared-domain/tutoring/recurrence.*: RFC 5545's own RRULE examples
// as data, invalid rules, COUNT/UNTIL/window semantics and bounded expansion
// ([SECTION] helpers, [SECTION] RFC 5545 examples, [SECTION] semantics, [SECTION] rules).
#include "calendar_samples.hpp"
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

using namespace learnloop;
using learnloop::test::at;
using learnloop::test::zone;

namespace {

// [SECTION] helpers

// RFC 5545's compact form "19970902T090000".
LocalDateTime basic(const char* text)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    REQUIRE(std::sscanf(text, "%4d%2d%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) == 6);
    return { y, mo, d, h, mi, s };
}

RecurrenceRule rule(const char* text)
{
    auto parsed = RecurrenceRule::create(text);
    INFO(text);
    REQUIRE(parsed.ok());
    return parsed.value();
}

// The RFC's lists, month by month: "1997-09 2-30 4 10-20/2" means the 2nd to
// the 30th of September 1997, the 4th, and every other day from the 10th to
// the 20th, all at `time`.
std::vector<LocalDateTime> days(const std::vector<const char*>& months, const LocalDateTime& time)
{
    std::vector<LocalDateTime> out;
    for (const char* line : months) {
        std::istringstream in(line);
        std::string month, item;
        in >> month;
        int year = std::stoi(month.substr(0, 4)), mon = std::stoi(month.substr(5, 2));
        while (in >> item) {
            int first = 0, last = 0, step = 1;
            if (std::sscanf(item.c_str(), "%d-%d/%d", &first, &last, &step) < 2)
                last = first;
            for (int day = first; day <= last; day += step)
                out.push_back({ year, mon, day, time.hour, time.minute, time.second });
        }
    }
    return out;
}

std::vector<std::string> texts(const std::vector<LocalDateTime>& values)
{
    std::vector<std::string> out;
    for (const auto& v : values)
        out.push_back(format_local_datetime(v));
    return out;
}

const ZoneRules& new_york()
{
    return zone("America/New_York");
}

// [SECTION] RFC 5545 examples

enum class Ends { Finite, Forever };

struct RfcExample {
    const char* title;
    const char* dtstart;
    const char* rrule;
    Ends ends;
    std::vector<const char*> expected;
    const char* exdate = nullptr;
};

// RFC 5545 section 3.8.5.3, in its order. Its DTSTARTs are in America/New_York;
// the expected lists are that zone's wall times (9:00 AM throughout, EDT or EST).
// For rules that go on forever the RFC lists a beginning, which is compared.
const std::vector<RfcExample> k_rfc_examples = {
    { "Daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10", Ends::Finite, { "1997-09 2-11" } },
    { "Daily until December 24, 1997", "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z", Ends::Finite,
        { "1997-09 2-30", "1997-10 1-25 26-31", "1997-11 1-30", "1997-12 1-23" } },
    { "Every other day - forever", "19970902T090000", "FREQ=DAILY;INTERVAL=2", Ends::Forever,
        { "1997-09 2-30/2", "1997-10 2-24/2 26-30/2", "1997-11 1-29/2", "1997-12 1 3" } },
    { "Every 10 days, 5 occurrences", "19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5", Ends::Finite,
        { "1997-09 2 12 22", "1997-10 2 12" } },
    { "Every day in January, for 3 years (yearly)", "19980101T090000",
        "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", Ends::Finite,
        { "1998-01 1-31", "1999-01 1-31", "2000-01 1-31" } },
    { "Every day in January, for 3 years (daily)", "19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
        Ends::Finite, { "1998-01 1-31", "1999-01 1-31", "2000-01 1-31" } },
    { "Weekly for 10 occurrences", "19970902T090000", "FREQ=WEEKLY;COUNT=10", Ends::Finite,
        { "1997-09 2 9 16 23 30", "1997-10 7 14 21 28", "1997-11 4" } },
    { "Weekly until December 24, 1997", "19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z", Ends::Finite,
        { "1997-09 2 9 16 23 30", "1997-10 7 14 21 28", "1997-11 4 11 18 25", "1997-12 2 9 16 23" } },
    { "Every other week - forever", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", Ends::Forever,
        { "1997-09 2 16 30", "1997-10 14 28", "1997-11 11 25", "1997-12 9 23", "1998-01 6 20", "1998-02 3 17" } },
    { "Weekly on Tuesday and Thursday for five weeks (UNTIL)", "19970902T090000",
        "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", Ends::Finite,
        { "1997-09 2 4 9 11 16 18 23 25 30", "1997-10 2" } },
    { "Weekly on Tuesday and Thursday for five weeks (COUNT)", "19970902T090000",
        "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", Ends::Finite, { "1997-09 2 4 9 11 16 18 23 25 30", "1997-10 2" } },
    { "Every other week on Monday, Wednesday, and Friday until December 24, 1997", "19970901T090000",
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", Ends::Finite,
        { "1997-09 1 3 5 15 17 19 29", "1997-10 1 3 13 15 17 27 29 31", "1997-11 10 12 14 24 26 28",
            "1997-12 8 10 12 22" } },
    { "Every other week on Tuesday and Thursday, for 8 occurrences", "19970902T090000",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", Ends::Finite, { "1997-09 2 4 16 18 30", "1997-10 2 14 16" } },
    { "Monthly on the first Friday for 10 occurrences", "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
        Ends::Finite,
        { "1997-09 5", "1997-10 3", "1997-11 7", "1997-12 5", "1998-01 2", "1998-02 6", "1998-03 6", "1998-04 3",
            "1998-05 1", "1998-06 5" } },
    { "Monthly on the first Friday until December 24, 1997", "19970905T090000",
        "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", Ends::Finite,
        { "1997-09 5", "1997-10 3", "1997-11 7", "1997-12 5" } },
    { "Every other month on the first and last Sunday of the month for 10 occurrences", "19970907T090000",
        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", Ends::Finite,
        { "1997-09 7 28", "1997-11 2 30", "1998-01 4 25", "1998-03 1 29", "1998-05 3 31" } },
    { "Monthly on the second-to-last Monday of the month for 6 months", "19970922T090000",
        "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", Ends::Finite,
        { "1997-09 22", "1997-10 20", "1997-11 17", "1997-12 22", "1998-01 19", "1998-02 16" } },
    { "Monthly on the third-to-the-last day of the month, forever", "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3",
        Ends::Forever, { "1997-09 28", "1997-10 29", "1997-11 28", "1997-12 29", "1998-01 29", "1998-02 26" } },
    { "Monthly on the 2nd and 15th of the month for 10 occurrences", "19970902T090000",
        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", Ends::Finite,
        { "1997-09 2 15", "1997-10 2 15", "1997-11 2 15", "1997-12 2 15", "1998-01 2 15" } },
    { "Monthly on the first and last day of the month for 10 occurrences", "19970930T090000",
        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", Ends::Finite,
        { "1997-09 30", "1997-10 1 31", "1997-11 1 30", "1997-12 1 31", "1998-01 1 31", "1998-02 1" } },
    { "Every 18 months on the 10th thru 15th of the month for 10 occurrences", "19970910T090000",
        "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", Ends::Finite,
        { "1997-09 10-15", "1999-03 10-13" } },
    { "Every Tuesday, every other month", "19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", Ends::Forever,
        { "1997-09 2 9 16 23 30", "1997-11 4 11 18 25", "1998-01 6 13 20 27", "1998-03 3 10 17 24 31" } },
    { "Yearly in June and July for 10 occurrences", "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
        Ends::Finite,
        { "1997-06 10", "1997-07 10", "1998-06 10", "1998-07 10", "1999-06 10", "1999-07 10", "2000-06 10",
            "2000-07 10", "2001-06 10", "2001-07 10" } },
    { "Every other year on January, February, and March for 10 occurrences", "19970310T090000",
        "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", Ends::Finite,
        { "1997-03 10", "1999-01 10", "1999-02 10", "1999-03 10", "2001-01 10", "2001-02 10", "2001-03 10",
            "2003-01 10", "2003-02 10", "2003-03 10" } },
    { "Every third year on the 1st, 100th, and 200th day for 10 occurrences", "19970101T090000",
        "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", Ends::Finite,
        { "1997-01 1", "1997-04 10", "1997-07 19", "2000-01 1", "2000-04 9", "2000-07 18", "2003-01 1", "2003-04 10",
            "2003-07 19", "2006-01 1" } },
    { "Every 20th Monday of the year, forever", "19970519T090000", "FREQ=YEARLY;BYDAY=20MO", Ends::Forever,
        { "1997-05 19", "1998-05 18", "1999-05 17" } },
    { "Monday of week number 20, forever", "19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", Ends::Forever,
        { "1997-05 12", "1998-05 11", "1999-05 17" } },
    { "Every Thursday in March, forever", "19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", Ends::Forever,
        { "1997-03 13 20 27", "1998-03 5 12 19 26", "1999-03 4 11 18 25" } },
    { "Every Thursday, but only during June, July, and August, forever", "19970605T090000",
        "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", Ends::Forever,
        { "1997-06 5 12 19 26", "1997-07 3 10 17 24 31", "1997-08 7 14 21 28", "1998-06 4 11 18 25",
            "1998-07 2 9 16 23 30", "1998-08 6 13 20 27", "1999-06 3 10 17 24", "1999-07 1 8 15 22 29",
            "1999-08 5 12 19 26" } },
    { "Every Friday the 13th, forever", "19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", Ends::Forever,
        { "1998-02 13", "1998-03 13", "1998-11 13", "1999-08 13", "2000-10 13" }, "19970902T090000" },
    { "The first Saturday that follows the first Sunday of the month, forever", "19970913T090000",
        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", Ends::Forever,
        { "1997-09 13", "1997-10 11", "1997-11 8", "1997-12 13", "1998-01 10", "1998-02 7", "1998-03 7", "1998-04 11",
            "1998-05 9", "1998-06 13" } },
    { "Every 4 years, the first Tuesday after a Monday in November, forever", "19961105T090000",
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", Ends::Forever,
        { "1996-11 5", "2000-11 7", "2004-11 2" } },
    { "The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months",
        "19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", Ends::Finite,
        { "1997-09 4", "1997-10 7", "1997-11 6" } },
    { "The second-to-last weekday of the month", "19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
        Ends::Forever,
        { "1997-09 29", "1997-10 30", "1997-11 27", "1997-12 30", "1998-01 29", "1998-02 26", "1998-03 30" } },
    { "The days generated make a difference because of WKST=MO", "19970805T090000",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", Ends::Finite, { "1997-08 5 10 19 24" } },
    { "Changing only WKST from MO to SU yields different results", "19970805T090000",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", Ends::Finite, { "1997-08 5 17 19 31" } },
    { "An invalid date (February 30) is ignored", "20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
        Ends::Finite, { "2007-01 15 30", "2007-02 15", "2007-03 15 30" } },
};

} // namespace

TEST_CASE("RFC 5545's recurrence examples expand to the RFC's lists")
{
    REQUIRE(k_rfc_examples.size() >= 25);
    for (const auto& example : k_rfc_examples) {
        INFO(example.title << "\n  RRULE:" << example.rrule);
        auto dtstart = basic(example.dtstart);
        // The RFC's UNTILs are in UTC; the series is in New York.
        Series series { dtstart, localize_until(rule(example.rrule), new_york()), {}, {} };
        if (example.exdate)
            series.exdates.push_back(basic(example.exdate));
        auto expected = days(example.expected, dtstart);
        // A finite rule must stop by itself; for an endless one the limit stops it.
        std::size_t limit = example.ends == Ends::Finite ? 10000 : expected.size();
        auto result = expand_series(series, at("1990-01-01T00:00:00"), at("2100-01-01T00:00:00"), limit);
        REQUIRE(result.ok());
        CHECK(texts(result.value().occurrences) == texts(expected));
        CHECK(result.value().end == (example.ends == Ends::Finite ? ExpansionEnd::Complete : ExpansionEnd::Limit));
    }
}

TEST_CASE("RFC 5545's every-20-minutes example: the times of a day are crossed with its days")
{
    auto dtstart = basic("19970902T090000");
    auto r = rule("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40");
    auto result = expand(dtstart, r, dtstart, at("1997-09-04T00:00:00"), 1000).value();
    REQUIRE(result.occurrences.size() == 48);
    CHECK(format_local_datetime(result.occurrences[0]) == "1997-09-02T09:00:00");
    CHECK(format_local_datetime(result.occurrences[1]) == "1997-09-02T09:20:00");
    CHECK(format_local_datetime(result.occurrences[23]) == "1997-09-02T16:40:00");
    CHECK(format_local_datetime(result.occurrences[24]) == "1997-09-03T09:00:00");
    CHECK(format_local_datetime(result.occurrences[47]) == "1997-09-03T16:40:00");
}

// [SECTION] semantics

TEST_CASE("COUNT counts from DTSTART even when the window starts later")
{
    auto dtstart = at("1997-09-02T09:00:00");
    auto result = expand(dtstart, rule("FREQ=DAILY;COUNT=10"), at("1997-09-08T00:00:00"), at("1998-01-01T00:00:00"), 100);
    REQUIRE(result.ok());
    CHECK(texts(result.value().occurrences)
        == std::vector<std::string> { "1997-09-08T09:00:00", "1997-09-09T09:00:00", "1997-09-10T09:00:00",
            "1997-09-11T09:00:00" });
}

TEST_CASE("DTSTART is the first instance and counts toward COUNT even when the rule does not match it")
{
    // 2 September 1997 was a Tuesday, not the first Friday.
    auto result = expand(at("1997-09-02T09:00:00"), rule("FREQ=MONTHLY;BYDAY=1FR;COUNT=3"), at("1997-01-01T00:00:00"),
        at("1999-01-01T00:00:00"), 100);
    CHECK(texts(result.value().occurrences)
        == std::vector<std::string> { "1997-09-02T09:00:00", "1997-09-05T09:00:00", "1997-10-03T09:00:00" });
}

TEST_CASE("dates that do not exist are skipped, not moved")
{
    auto leap = expand(at("2024-02-29T10:00:00"), rule("FREQ=YEARLY;COUNT=3"), at("2024-01-01T00:00:00"),
        at("2100-01-01T00:00:00"), 100);
    CHECK(texts(leap.value().occurrences)
        == std::vector<std::string> { "2024-02-29T10:00:00", "2028-02-29T10:00:00", "2032-02-29T10:00:00" });
    auto month_end = expand(at("2026-01-31T17:00:00"), rule("FREQ=MONTHLY;COUNT=4"), at("2026-01-01T00:00:00"),
        at("2100-01-01T00:00:00"), 100);
    CHECK(texts(month_end.value().occurrences)
        == std::vector<std::string> { "2026-01-31T17:00:00", "2026-03-31T17:00:00", "2026-05-31T17:00:00",
            "2026-07-31T17:00:00" });
}

TEST_CASE("the window is half-open: an instance at its start is in, one at its end is out")
{
    auto dtstart = at("2026-09-07T16:00:00");
    auto r = rule("FREQ=WEEKLY");
    auto result = expand(dtstart, r, at("2026-09-14T16:00:00"), at("2026-09-28T16:00:00"), 100).value();
    CHECK(texts(result.occurrences) == std::vector<std::string> { "2026-09-14T16:00:00", "2026-09-21T16:00:00" });
    CHECK(result.end == ExpansionEnd::Complete);
    CHECK(expand(dtstart, r, at("2026-09-14T16:00:01"), at("2026-09-14T16:00:01"), 100).value().occurrences.empty());
    CHECK_FALSE(expand(dtstart, r, at("2026-09-15T00:00:00"), at("2026-09-14T00:00:00"), 100).ok());
}

TEST_CASE("UNTIL is inclusive: a date includes its whole day, a date-time its exact second")
{
    auto dtstart = at("2026-09-07T16:00:00");
    auto window_end = at("2100-01-01T00:00:00");
    CHECK(expand(dtstart, rule("FREQ=DAILY;UNTIL=20260909"), dtstart, window_end, 100).value().occurrences.size() == 3);
    CHECK(expand(dtstart, rule("FREQ=DAILY;UNTIL=20260909T160000"), dtstart, window_end, 100).value().occurrences.size()
        == 3);
    CHECK(expand(dtstart, rule("FREQ=DAILY;UNTIL=20260909T155959"), dtstart, window_end, 100).value().occurrences.size()
        == 2);
}

TEST_CASE("an endless rule is expanded only up to the window's end, or the limit")
{
    auto dtstart = at("2026-09-01T16:00:00");
    auto r = rule("FREQ=DAILY");
    auto september = expand(dtstart, r, at("2026-09-01T00:00:00"), at("2026-10-01T00:00:00"), 1000).value();
    CHECK(september.occurrences.size() == 30);
    CHECK(september.end == ExpansionEnd::Complete);
    auto limited = expand(dtstart, r, dtstart, LocalDateTime { 9999, 1, 1, 0, 0, 0 }, 5).value();
    CHECK(limited.occurrences.size() == 5);
    CHECK(limited.end == ExpansionEnd::Limit);
    // Far from DTSTART, without COUNT, the periods before the window are skipped, not walked.
    auto later = expand(dtstart, rule("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TU"), at("2900-01-01T00:00:00"),
        at("2900-02-01T00:00:00"), 100).value();
    REQUIRE_FALSE(later.occurrences.empty());
    for (const auto& v : later.occurrences) {
        auto weeks = (days_from_civil(v.year, v.month, v.day) - days_from_civil(2026, 8, 31)) / 7;   // Monday of DTSTART's week
        CHECK(weeks % 3 == 0);
    }
    // A huge limit is capped: one call never returns more than 100 000 instances.
    auto capped = expand(dtstart, rule("FREQ=DAILY;BYHOUR=8,9,10,11,12,13,14,15,16,17"), dtstart,
        LocalDateTime { 9999, 1, 1, 0, 0, 0 }, 1'000'000'000).value();
    CHECK(capped.occurrences.size() == 100'000);
    CHECK(capped.end == ExpansionEnd::Limit);
}

TEST_CASE("a rule that never or rarely matches stops at the iteration cap, never loops forever")
{
    auto dtstart = at("2026-01-01T09:00:00");
    // February 30 never exists: the whole range up to year 9999 is walked within the budget.
    auto never = expand(dtstart, rule("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31"), dtstart, LocalDateTime { 9999, 12, 31, 0, 0, 0 }, 100);
    REQUIRE(never.ok());
    CHECK(texts(never.value().occurrences) == std::vector<std::string> { "2026-01-01T09:00:00" });
    // COUNT forces counting from DTSTART, through 86 400 instances a day, to a
    // window two centuries away: the budget runs out first and says so.
    auto far = expand(dtstart,
        rule("FREQ=DAILY;COUNT=999999999;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;"
             "BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,"
             "35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59;BYSECOND=0,30"),
        at("2226-01-01T00:00:00"), at("2227-01-01T00:00:00"), 100);
    REQUIRE(far.ok());
    CHECK(far.value().occurrences.empty());
    CHECK(far.value().end == ExpansionEnd::IterationCap);
}

TEST_CASE("BYSETPOS picks from each period's instances, times of day included")
{
    // The last weekday of each month at 08:00 or 18:00, whichever is later: the last of the period's instances.
    auto result = expand(at("2026-01-30T08:00:00"), rule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,18;BYSETPOS=-1"),
        at("2026-01-01T00:00:00"), at("2026-04-01T00:00:00"), 100);
    CHECK(texts(result.value().occurrences)
        == std::vector<std::string> { "2026-01-30T08:00:00", "2026-01-30T18:00:00", "2026-02-27T18:00:00",
            "2026-03-31T18:00:00" });
}

TEST_CASE("BYDAY ordinals count within the month when a yearly rule names months, else within the year")
{
    auto window_start = at("2026-01-01T00:00:00"), window_end = at("2029-01-01T00:00:00");
    // US Thanksgiving, the fourth Thursday of November.
    auto thanksgiving = expand(at("2026-11-26T12:00:00"), rule("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"), window_start,
        window_end, 100);
    CHECK(texts(thanksgiving.value().occurrences)
        == std::vector<std::string> { "2026-11-26T12:00:00", "2027-11-25T12:00:00", "2028-11-23T12:00:00" });
    // The day the UK's clocks go forward, the last Sunday of March.
    auto spring = expand(at("2026-03-29T01:00:00"), rule("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), window_start, window_end, 100);
    CHECK(texts(spring.value().occurrences)
        == std::vector<std::string> { "2026-03-29T01:00:00", "2027-03-28T01:00:00", "2028-03-26T01:00:00" });
    // Without BYMONTH, -1SU is the year's last Sunday.
    auto last_sunday = expand(at("2026-12-27T10:00:00"), rule("FREQ=YEARLY;BYDAY=-1SU"), window_start, window_end, 100);
    CHECK(texts(last_sunday.value().occurrences)
        == std::vector<std::string> { "2026-12-27T10:00:00", "2027-12-26T10:00:00", "2028-12-31T10:00:00" });
}

TEST_CASE("week numbers follow WKST and may start in the previous year")
{
    // Week 1 of 1998 starts on Monday 29 December 1997 (1998 began on a Thursday);
    // 1998 has 53 weeks, so week 1 of 1999 starts on 4 January 1999.
    auto result = expand(at("1997-12-29T09:00:00"), rule("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO"), at("1997-01-01T00:00:00"),
        at("2001-01-01T00:00:00"), 100);
    CHECK(texts(result.value().occurrences)
        == std::vector<std::string> { "1997-12-29T09:00:00", "1999-01-04T09:00:00", "2000-01-03T09:00:00" });
    auto last_week = expand(at("1998-12-28T09:00:00"), rule("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO"), at("1998-01-01T00:00:00"),
        at("2000-01-01T00:00:00"), 100);
    CHECK(texts(last_week.value().occurrences)
        == std::vector<std::string> { "1998-12-28T09:00:00", "1999-12-27T09:00:00" });
}

TEST_CASE("a series adds RDATEs and removes EXDATEs, DTSTART included")
{
    Series series { at("2026-09-07T16:00:00"), rule("FREQ=WEEKLY;COUNT=4"), {}, {} };
    series.exdates = { at("2026-09-14T16:00:00"), at("2026-09-07T16:00:00") };
    series.rdates = { at("2026-09-16T17:30:00"), at("2026-09-21T16:00:00") };   // the second duplicates an instance
    auto result = expand_series(series, at("2026-09-01T00:00:00"), at("2026-12-01T00:00:00"), 100);
    CHECK(texts(result.value().occurrences)
        == std::vector<std::string> { "2026-09-16T17:30:00", "2026-09-21T16:00:00", "2026-09-28T16:00:00" });
    auto first_two = expand_series(series, at("2026-09-01T00:00:00"), at("2026-12-01T00:00:00"), 2).value();
    CHECK(texts(first_two.occurrences) == std::vector<std::string> { "2026-09-16T17:30:00", "2026-09-21T16:00:00" });
    CHECK(first_two.end == ExpansionEnd::Limit);
}

// [SECTION] rules

TEST_CASE("rules print as canonical text and parse back to the same rule")
{
    CHECK(rule("rrule:freq=weekly;byday=th,tu;interval=1;wkst=mo").to_text() == "FREQ=WEEKLY;BYDAY=TU,TH");
    CHECK(rule("FREQ=MONTHLY;BYDAY=-1FR,2TU;COUNT=6;").to_text() == "FREQ=MONTHLY;COUNT=6;BYDAY=-1FR,2TU");
    CHECK(rule("FREQ=YEARLY;BYMONTH=3,1,3;UNTIL=20301231").to_text() == "FREQ=YEARLY;UNTIL=20301231;BYMONTH=1,3");
    CHECK(rule("FREQ=DAILY;UNTIL=20301231T235959Z;BYSECOND=5;BYMINUTE=30;BYHOUR=9").to_text()
        == "FREQ=DAILY;UNTIL=20301231T235959Z;BYSECOND=5;BYMINUTE=30;BYHOUR=9");
    CHECK(rule("FREQ=YEARLY;BYWEEKNO=-1,20;BYYEARDAY=-1;BYSETPOS=1;WKST=SU").to_text()
        == "FREQ=YEARLY;BYYEARDAY=-1;BYWEEKNO=-1,20;BYSETPOS=1;WKST=SU");
    for (const auto& example : k_rfc_examples) {
        auto parsed = rule(example.rrule);
        CHECK(rule(parsed.to_text().c_str()) == parsed);
    }
}

TEST_CASE("invalid rules are errors that name the part")
{
    struct Bad {
        const char* text;
        const char* message;
    };
    const Bad bad[] = {
        { "FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32: a day of the month is 1 to 31 or -31 to -1" },
        { "FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0: a day of the month is 1 to 31 or -31 to -1" },
        { "FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32: a day of the month is 1 to 31 or -31 to -1" },
        { "FREQ=HOURLY;INTERVAL=3", "FREQ=HOURLY: lessons repeat at most daily" },
        { "FREQ=MINUTELY", "FREQ=MINUTELY: lessons repeat at most daily" },
        { "FREQ=SECONDLY", "FREQ=SECONDLY: lessons repeat at most daily" },
        { "FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY: the frequency is DAILY, WEEKLY, MONTHLY or YEARLY" },
        { "FREQ=DAILY;COUNT=5;UNTIL=20260101", "COUNT and UNTIL cannot both end the same rule" },
        { "FREQ=DAILY;COLOR=RED", "COLOR is not a part of a recurrence rule" },
        { "BYDAY=MO", "FREQ is required" },
        { "", "the rule is empty" },
        { "FREQ=DAILY;FREQ=WEEKLY", "FREQ appears more than once" },
        { "FREQ=DAILY;INTERVAL=0", "INTERVAL=0: the interval is a whole number" },
        { "FREQ=DAILY;COUNT=-1", "COUNT=-1: the count is a whole number" },
        { "FREQ=DAILY;UNTIL=20260230", "UNTIL=20260230: the end is a date" },
        { "FREQ=DAILY;UNTIL=2026-01-01", "UNTIL=2026-01-01: the end is a date" },
        { "FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX: a day is MO, TU" },
        { "FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO: a day is MO, TU" },
        { "FREQ=MONTHLY;BYDAY=54MO", "BYDAY=54MO: a day is MO, TU" },
        { "FREQ=WEEKLY;BYDAY=2TU", "BYDAY: an ordinal (2TU, -1FR) needs FREQ=MONTHLY or FREQ=YEARLY" },
        { "FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "BYDAY: an ordinal (2TU, -1FR) cannot be combined with BYWEEKNO" },
        { "FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with FREQ=WEEKLY" },
        { "FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY needs FREQ=YEARLY" },
        { "FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO needs FREQ=YEARLY" },
        { "FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO=54: a week number is 1 to 53 or -53 to -1" },
        { "FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY=367: a day of the year is 1 to 366 or -366 to -1" },
        { "FREQ=YEARLY;BYMONTH=13", "BYMONTH=13: a month is 1 to 12" },
        { "FREQ=YEARLY;BYMONTH=-1", "BYMONTH=-1: a month is 1 to 12" },
        { "FREQ=DAILY;BYHOUR=24", "BYHOUR=24: an hour is 0 to 23" },
        { "FREQ=DAILY;BYMINUTE=60", "BYMINUTE=60: a minute is 0 to 59" },
        { "FREQ=DAILY;BYSECOND=60", "BYSECOND=60: a second is 0 to 59" },
        { "FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BYxxx part" },
        { "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS=0: a position is 1 to 366 or -366 to -1" },
        { "FREQ=WEEKLY;WKST=XX", "WKST=XX: the week starts on MO" },
        { "FREQ=WEEKLY;;BYDAY=MO", "is not a NAME=VALUE part" },
        { "FREQ=WEEKLY;BYDAY=", "is not a NAME=VALUE part" },
        { "FREQ=WEEKLY;BYDAY=MO,,TU", "BYDAY=: a day is MO" },
    };
    for (const auto& b : bad) {
        INFO(b.text);
        auto result = RecurrenceRule::create(b.text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(result.error().field == "rrule");
        CHECK_THAT(result.error().message, Catch::StartsWith(b.message) || Catch::Contains(b.message));
    }
    CHECK_FALSE(RecurrenceRule::create(std::string(3000, 'A')).ok());
}
