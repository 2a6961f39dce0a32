// Tests for shared-domain/tutoring/conflicts.*: clashes by policy, availability and blocked dates.
#include "tutoring/conflicts.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

constexpr std::int64_t k_hour = 3600;
const std::int64_t k_monday_4pm = to_unix_seconds({ 2026, 12, 7, 16, 0, 0 });

BookedSession session(std::string key, std::int64_t tutor, std::int64_t student, std::string room, std::int64_t start,
    std::int64_t hours = 1)
{
    return { key, tutor, student, std::move(room), start, start + hours * k_hour, "Maths (" + key + ")" };
}

} // namespace

TEST_CASE("a conflict policy is read strictly and written back the same")
{
    auto policy = decode_conflict_policy({ { "tutor", "block" }, { "student", "off" }, { "room", "warn" } });
    REQUIRE(policy.ok());
    CHECK(policy.value() == ConflictPolicy { PolicyLevel::Block, PolicyLevel::Off, PolicyLevel::Warn });
    CHECK(decode_conflict_policy(to_json(policy.value())).value() == policy.value());
    CHECK(decode_conflict_policy({ { "tutor", "block" }, { "student", "off" } }).error().field == "room");
    CHECK(decode_conflict_policy({ { "tutor", "never" }, { "student", "off" }, { "room", "warn" } }).error().message
        == "tutor must be off, warn or block");
    CHECK_FALSE(decode_conflict_policy({ { "tutor", "block" }, { "student", "off" }, { "room", "warn" }, { "x", "y" } }).ok());
    CHECK_FALSE(decode_conflict_policy(Json::array()).ok());
}

TEST_CASE("clashes with the tutor, the student and the room, each at its policy's level")
{
    std::vector<BookedSession> booked {
        session("a", 2, 9, "", k_monday_4pm - k_hour / 2),             // same tutor, overlapping
        session("b", 3, 7, "", k_monday_4pm + k_hour / 2),             // same student
        session("c", 4, 8, " Room 1 ", k_monday_4pm),                  // same room, other spelling
        session("d", 2, 7, "Room 1", k_monday_4pm + k_hour),           // touches the end: no clash
        session("e", 2, 7, "Room 1", k_monday_4pm - k_hour),           // ends as it starts: no clash
    };
    auto proposed = session("new", 2, 7, "room 1", k_monday_4pm);
    auto report = find_conflicts(proposed, booked, {});
    REQUIRE(report.conflicts.size() == 3);
    CHECK(report.conflicts[0] == Conflict { ConflictCheck::Tutor, PolicyLevel::Block, "a", "The tutor already has Maths (a)" });
    CHECK(report.conflicts[1].check == ConflictCheck::Student);
    CHECK(report.conflicts[1].level == PolicyLevel::Warn);
    CHECK(report.conflicts[2].check == ConflictCheck::Room);
    CHECK(report.conflicts[2].message == "Room 1 already has Maths (c)");
    CHECK(report.blocked);
    // Tutor clashes off: warnings only, nothing blocks.
    auto relaxed = find_conflicts(proposed, booked, { PolicyLevel::Off, PolicyLevel::Warn, PolicyLevel::Warn });
    CHECK(relaxed.conflicts.size() == 2);
    CHECK_FALSE(relaxed.blocked);
    // A session being edited is not its own clash.
    booked.push_back(session("new", 2, 7, "room 1", k_monday_4pm));
    CHECK(find_conflicts(proposed, booked, {}).conflicts.size() == 3);
    // No room, no room clash.
    proposed.room = "  ";
    CHECK(find_conflicts(proposed, booked, {}).conflicts.size() == 2);
}

TEST_CASE("a session is available inside the weekly windows, with the date's exceptions")
{
    // Mondays 15:00-19:00; on 7 Dec 2026 (a Monday) 16:30-17:00 taken away;
    // on Tuesday 8 Dec 10:00-12:00 added.
    std::vector<AvailabilityWindow> windows { { 1, "", 15 * 60, 19 * 60, true },
        { std::nullopt, "2026-12-07", 16 * 60 + 30, 17 * 60, false },
        { std::nullopt, "2026-12-08", 10 * 60, 12 * 60, true } };
    CHECK(within_availability(windows, { 2026, 12, 14, 16, 0, 0 }, 60));        // another Monday
    CHECK(within_availability(windows, { 2026, 12, 14, 18, 0, 0 }, 60));        // ends as the window does
    CHECK_FALSE(within_availability(windows, { 2026, 12, 14, 18, 30, 0 }, 60)); // runs past it
    CHECK_FALSE(within_availability(windows, { 2026, 12, 7, 16, 0, 0 }, 60));   // the time taken away
    CHECK(within_availability(windows, { 2026, 12, 7, 15, 0, 0 }, 90));
    CHECK(within_availability(windows, { 2026, 12, 8, 10, 30, 0 }, 60));       // the added morning
    CHECK_FALSE(within_availability(windows, { 2026, 12, 15, 10, 30, 0 }, 60)); // not added on other Tuesdays
    CHECK_FALSE(within_availability(windows, { 2026, 12, 14, 23, 30, 0 }, 60)); // past midnight
    CHECK(within_availability({}, { 2026, 12, 14, 3, 0, 0 }, 60));              // no windows: not said
}

TEST_CASE("blocked dates are the business's holidays and a tutor's own days off, inclusive")
{
    std::vector<BlockedDates> blocked { { "2026-12-21", "2027-01-03", std::nullopt, "Christmas holidays" },
        { "2026-12-09", "2026-12-09", 2, "Training day" } };
    CHECK(blocked_on(blocked, "2026-12-21", 5)->label == "Christmas holidays");
    CHECK(blocked_on(blocked, "2027-01-03", 5)->label == "Christmas holidays");
    CHECK(blocked_on(blocked, "2027-01-04", 5) == nullptr);
    CHECK(blocked_on(blocked, "2026-12-09", 2)->label == "Training day");
    CHECK(blocked_on(blocked, "2026-12-09", 3) == nullptr);
}

TEST_CASE("an availability window is a weekday or a date with a start before its end, read as people say it")
{
    AvailabilityWindow monday { 1, "", 16 * 60, 20 * 60, true };
    CHECK(check_window(monday).ok());
    CHECK(window_for_people(monday) == "Mondays, 16:00–20:00");
    AvailabilityWindow away { std::nullopt, "2026-12-24", 10 * 60, 12 * 60, false };
    CHECK(check_window(away).ok());
    CHECK(window_for_people(away) == "Thu 24 Dec 2026: away 10:00–12:00");
    AvailabilityWindow extra { std::nullopt, "2026-12-27", 9 * 60, 12 * 60, true };
    CHECK(window_for_people(extra) == "Sun 27 Dec 2026: also 09:00–12:00");

    auto with = [](auto change) {
        AvailabilityWindow w { 1, "", 16 * 60, 20 * 60, true };
        change(w);
        return check_window(w);
    };
    CHECK(with([](AvailabilityWindow& w) { w.on_date = "2026-12-24"; }).error().field == "weekday");
    CHECK(with([](AvailabilityWindow& w) { w.weekday.reset(); }).error().field == "weekday");
    CHECK(with([](AvailabilityWindow& w) { w.weekday = 7; }).error().field == "weekday");
    CHECK(with([](AvailabilityWindow& w) {
        w.weekday.reset();
        w.on_date = "2026-02-30";
    }).error().field == "on_date");
    CHECK(with([](AvailabilityWindow& w) { w.end_minute = w.start_minute; }).error().field == "ends");
    CHECK(with([](AvailabilityWindow& w) { w.end_minute = 1441; }).error().field == "ends");
    CHECK(with([](AvailabilityWindow& w) { w.start_minute = -1; }).error().field == "starts");

    std::vector<AvailabilityWindow> list { extra, away, monday, { 0, "", 10 * 60, 11 * 60, true }, { 1, "", 9 * 60, 10 * 60, true } };
    sort_windows(list);
    CHECK(list[0].weekday == 0);
    CHECK(list[1].start_minute == 9 * 60);
    CHECK(list[2] == monday);
    CHECK(list[3] == away);
    CHECK(list[4] == extra);
}
