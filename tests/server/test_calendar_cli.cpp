// Black-box tests of `learnloop calendar expand`: the real CLI binary, with a
// database URL that points nowhere, since the command must not need one.
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

// A port nothing listens on: any attempt to connect would fail the command.
const std::string k_no_database = "host=127.0.0.1 port=1 dbname=none connect_timeout=1";

} // namespace

TEST_CASE("calendar expand prints local times one a line in the half-open window, without a database", "[cli][calendar]")
{
    auto result = run_cli({ "calendar", "expand", "--dtstart", "1997-09-02T09:00:00", "--rrule",
                              "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "--from", "1997-09-04T09:00:00",
                              "--to", "1997-10-14T09:00:00" },
        k_no_database);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out
        == "1997-09-04T09:00:00\n1997-09-16T09:00:00\n1997-09-18T09:00:00\n1997-09-30T09:00:00\n1997-10-02T09:00:00\n");
}

TEST_CASE("calendar expand stops at --limit and says more follow", "[cli][calendar]")
{
    auto result = run_cli({ "calendar", "expand", "--dtstart", "2026-09-07T16:00:00", "--rrule", "FREQ=DAILY", "--limit",
                              "3" },
        k_no_database);
    CHECK(result.exit_code == 0);
    CHECK(result.out == "2026-09-07T16:00:00\n2026-09-08T16:00:00\n2026-09-09T16:00:00\n");
    CHECK(result.err.find("limit of 3") != std::string::npos);
}

TEST_CASE("calendar expand reads an UNTIL in UTC in the --zone given", "[cli][calendar]")
{
    // 12:00 UTC on 5 September 1997 is 08:00 in New York: the 09:00 lesson
    // that day comes after it. Read as wall time, 12:00 would let it in.
    std::vector<std::string> args = { "calendar", "expand", "--dtstart", "1997-09-02T09:00:00", "--rrule",
        "FREQ=DAILY;UNTIL=19970905T120000Z" };
    auto wall = run_cli(args, k_no_database);
    CHECK(wall.exit_code == 0);
    CHECK(wall.out == "1997-09-02T09:00:00\n1997-09-03T09:00:00\n1997-09-04T09:00:00\n1997-09-05T09:00:00\n");
    args.insert(args.end(), { "--zone", "America/New_York" });
    auto zoned = run_cli(args, k_no_database);
    INFO(zoned.err);
    CHECK(zoned.exit_code == 0);
    CHECK(zoned.out == "1997-09-02T09:00:00\n1997-09-03T09:00:00\n1997-09-04T09:00:00\n");
    for (const char* zone : { "Mars/Olympus_Mons", "../../etc/passwd", "/usr/share/zoneinfo/UTC" }) {
        INFO(zone);
        auto bad = run_cli({ "calendar", "expand", "--dtstart", "1997-09-02T09:00:00", "--rrule", "FREQ=DAILY;COUNT=2",
                               "--zone", zone },
            k_no_database);
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.find("is not a time zone of this system") != std::string::npos);
    }
}

TEST_CASE("calendar expand refuses bad input with the error and a non-zero status", "[cli][calendar]")
{
    struct Bad {
        std::vector<std::string> args;
        const char* message;
    };
    const Bad bad[] = {
        { { "--dtstart", "2026-09-07T16:00:00", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=32" },
            "BYMONTHDAY=32: a day of the month is 1 to 31 or -31 to -1" },
        { { "--dtstart", "2026-09-07T16:00:00", "--rrule", "FREQ=HOURLY" }, "FREQ=HOURLY" },
        { { "--dtstart", "2026-09-07", "--rrule", "FREQ=DAILY" }, "--dtstart must be a date and time" },
        { { "--rrule", "FREQ=DAILY" }, "needs --dtstart" },
        { { "--dtstart", "2026-09-07T16:00:00", "--rrule", "FREQ=DAILY", "--limit", "0" }, "--limit takes" },
        { { "--dtstart", "2026-09-07T16:00:00", "--rrule", "FREQ=DAILY", "--from", "2026-10-01T00:00:00", "--to",
              "2026-09-01T00:00:00" },
            "the window ends before it starts" },
    };
    for (const auto& b : bad) {
        std::vector<std::string> args = { "calendar", "expand" };
        args.insert(args.end(), b.args.begin(), b.args.end());
        auto result = run_cli(args, k_no_database);
        INFO(b.message);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.find(b.message) != std::string::npos);
    }
}
