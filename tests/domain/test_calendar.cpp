// Tests for shared-domain/core/calendar.*: civil dates, the due_date format and UTC timestamps.
#include "core/calendar.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("due dates parse in the contract's format and round-trip")
{
    auto parsed = parse_local_datetime("2026-09-30T17:05:09");
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == LocalDateTime { 2026, 9, 30, 17, 5, 9 });
    CHECK(format_local_datetime(parsed.value()) == "2026-09-30T17:05:09");
    CHECK(parse_local_datetime("2028-02-29T00:00:00").ok());
}

TEST_CASE("impossible or malformed due dates are errors on the field")
{
    const char* bad[] = { "", "2026-09-30", "2026-09-30 17:00:00", "2026-9-30T17:00:00", "2026-09-30T17:00:00Z",
        "2026-13-01T00:00:00", "2026-00-10T00:00:00", "2026-02-29T00:00:00", "2026-04-31T00:00:00",
        "2026-01-01T24:00:00", "2026-01-01T23:60:00", "1800-01-01T00:00:00", "abcd-ef-ghTij:kl:mn",
        "2026-01-01T00:00:00'; DROP TABLE assignments;--" };
    for (auto text : bad) {
        INFO(text);
        auto result = parse_local_datetime(text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().field == "due_date");
        CHECK(result.error().code == ErrorCode::InvalidArgument);
    }
    CHECK(parse_local_datetime("2026-02-30T00:00:00").error().message == "due_date has no day 30 in that month");
}

TEST_CASE("civil days and unix seconds agree with known dates")
{
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(to_unix_seconds({ 2026, 11, 22, 8, 45, 0 }) == 1795337100);
    for (std::int64_t s : { std::int64_t(0), std::int64_t(951782400), std::int64_t(1795337100), std::int64_t(-86401) })
        CHECK(to_unix_seconds(from_unix_seconds(s)) == s);
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(days_in_month(2024, 2) == 29);
}

TEST_CASE("UTC timestamps as the API writes them parse to unix seconds")
{
    CHECK(parse_utc_timestamp("1970-01-02T00:00:00Z").value() == 86400);
    CHECK(parse_utc_timestamp("2026-11-22T08:45:00Z").value() == 1795337100);
    CHECK(parse_utc_timestamp("2026-11-22T09:30:00.123456Z").value() == to_unix_seconds({ 2026, 11, 22, 9, 30, 0 }));
    CHECK(format_utc_timestamp(86400) == "1970-01-02T00:00:00Z");
    CHECK(format_utc_timestamp(1795337100) == "2026-11-22T08:45:00Z");
    CHECK(format_utc_timestamp(to_unix_seconds({ 2028, 2, 29, 23, 59, 59 })) == "2028-02-29T23:59:59Z");
    for (std::int64_t t : { std::int64_t(0), std::int64_t(951782400), std::int64_t(4102444799) })
        CHECK(parse_utc_timestamp(format_utc_timestamp(t)).value() == t);
    CHECK_FALSE(parse_utc_timestamp("2026-11-22T09:30:00").ok());
    CHECK_FALSE(parse_utc_timestamp("").ok());
    CHECK_FALSE(parse_utc_timestamp("2026-02-30T00:00:00Z").ok());
}

TEST_CASE("dates are written for people with the weekday, day, month, year and time")
{
    CHECK(format_for_people({ 2026, 11, 29, 17, 0, 0 }) == "Sun 29 Nov 2026, 17:00");
    CHECK(format_for_people({ 1970, 1, 1, 0, 0, 0 }) == "Thu 1 Jan 1970, 00:00");
    CHECK(format_for_people({ 1969, 12, 31, 23, 59, 59 }) == "Wed 31 Dec 1969, 23:59");   // before the epoch
    CHECK(format_for_people({ 2024, 2, 29, 8, 5, 0 }) == "Thu 29 Feb 2024, 08:05");
    CHECK(due_for_people("2026-11-29T17:00:00") == "Sun 29 Nov 2026, 17:00");
    CHECK(due_for_people("not a date") == "not a date");
    CHECK(due_for_people("") == "");
    CHECK(day_for_people({ 2026, 12, 7, 16, 0, 0 }, true) == "Mon 7 Dec 2026");
    CHECK(day_for_people({ 2026, 12, 7, 16, 0, 0 }, false) == "Mon 7 Dec");
    CHECK(clock_for_people("2026-12-07T16:05:00") == "16:05");
    CHECK(clock_for_people("16:0") == "16:0");
}

TEST_CASE("the API's local times and days read back, or give nothing")
{
    CHECK(read_local_datetime("2026-12-07T16:00:00") == LocalDateTime { 2026, 12, 7, 16, 0, 0 });
    CHECK(read_local_datetime("2026-12-07T16:00:00.5Z") == LocalDateTime { 2026, 12, 7, 16, 0, 0 });
    CHECK_FALSE(read_local_datetime("2026-02-30T16:00:00"));
    CHECK_FALSE(read_local_datetime("2026-12-07"));
    CHECK_FALSE(read_local_datetime(""));
    CHECK(read_local_day("2026-12-07T16:00:00") == LocalDateTime { 2026, 12, 7, 0, 0, 0 });
    CHECK(read_local_day("2026-12-07") == LocalDateTime { 2026, 12, 7, 0, 0, 0 });
    CHECK_FALSE(read_local_day("2026-12"));
    CHECK_FALSE(read_local_day("2026-13-01"));
    CHECK(local_day_text({ 2026, 12, 7, 16, 0, 0 }) == "2026-12-07");
}

TEST_CASE("months and periods of days are written for people")
{
    CHECK(month_short_name(1) == "Jan");
    CHECK(month_short_name(12) == "Dec");
    CHECK(month_short_name(0) == "Jan");   // clamped
    CHECK(period_for_people("2026-11-01", "2026-11-30") == "1 Nov \xE2\x80\x93 30 Nov 2026");
    CHECK(period_for_people("2026-12-15", "2027-01-14") == "15 Dec 2026 \xE2\x80\x93 14 Jan 2027");
    CHECK(period_for_people("2026-11-05", "2026-11-05") == "5 Nov 2026");
    CHECK(period_for_people("soon", "later") == "soon \xE2\x80\x93 later");
}

TEST_CASE("a clock time HH:MM is minutes of the day, 00:00 to 24:00, and back")
{
    CHECK(parse_clock("16:30", "starts").value() == 990);
    CHECK(parse_clock("00:00", "starts").value() == 0);
    CHECK(parse_clock("24:00", "ends").value() == 1440);
    for (auto bad : { "24:01", "7:30", "16.30", "16:60", "", "25:00", "ab:cd" }) {
        INFO(bad);
        CHECK(parse_clock(bad, "ends").error().field == "ends");
    }
    CHECK(clock_text(990) == "16:30");
    CHECK(clock_text(1440) == "24:00");
}

TEST_CASE("weekdays are named from Sunday, as weekday_of counts them")
{
    CHECK(weekday_name(0) == "Sunday");
    CHECK(weekday_name(1) == "Monday");
    CHECK(weekday_name(6) == "Saturday");
    CHECK(weekday_name(7) == "Saturday");   // clamped
}
