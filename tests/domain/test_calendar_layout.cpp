// Tests for shared-domain/tutoring/calendar_layout.*: day, week and month views.
#include "tutoring/calendar_layout.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

CalendarEvent at(std::int64_t id, int day, int h0, int m0, int h1, int m1)
{
    return { id, { 2026, 12, day, h0, m0, 0 }, { 2026, 12, day, h1, m1, 0 }, false };
}

const PlacedEvent& placed(const DaysLayout& layout, std::int64_t id, int day = -1)
{
    for (const auto& p : layout.timed)
        if (p.id == id && (day < 0 || p.day == day))
            return p;
    FAIL("event " << id << " not placed");
    return layout.timed.front();
}

} // namespace

TEST_CASE("weeks start on the Monday (or Sunday) on or before a day")
{
    // 2026-12-05 is a Saturday.
    CHECK(start_of_week({ 2026, 12, 5, 15, 30, 0 }) == LocalDateTime { 2026, 11, 30, 0, 0, 0 });
    CHECK(start_of_week({ 2026, 12, 5, 0, 0, 0 }, 0) == LocalDateTime { 2026, 11, 29, 0, 0, 0 });
    CHECK(start_of_week({ 2026, 11, 30, 9, 0, 0 }) == LocalDateTime { 2026, 11, 30, 0, 0, 0 });
    CHECK(start_of_week({ 1970, 1, 1, 0, 0, 0 }) == LocalDateTime { 1969, 12, 29, 0, 0, 0 });
}

TEST_CASE("a day view places a session by the hours it shows")
{
    auto layout = layout_days({ at(1, 7, 16, 0, 17, 0) }, { 2026, 12, 7, 0, 0, 0 }, 1, 8, 20);
    REQUIRE(layout.days.size() == 1);
    REQUIRE(layout.timed.size() == 1);
    const auto& p = layout.timed[0];
    CHECK(p.top == Approx(8.0 / 12));
    CHECK(p.bottom == Approx(9.0 / 12));
    CHECK(p.column == 0);
    CHECK(p.columns == 1);
    // Before the shown hours: clamped to the top edge, still there.
    auto early = layout_days({ at(2, 7, 6, 0, 7, 0) }, { 2026, 12, 7, 0, 0, 0 }, 1, 8, 20);
    CHECK(early.timed[0].top == 0.0);
    CHECK(early.timed[0].bottom == 0.0);
}

TEST_CASE("overlapping sessions share the width in columns; the next group starts afresh")
{
    // 1 and 2 overlap; 3 overlaps 2 only, so the group needs 2 columns and 3
    // takes the column 1 left; 4 starts after them all: a group of its own.
    auto layout = layout_days({ at(1, 7, 9, 0, 10, 0), at(2, 7, 9, 30, 11, 0), at(3, 7, 10, 0, 10, 30),
                                  at(4, 7, 12, 0, 13, 0) },
        { 2026, 12, 7, 0, 0, 0 }, 1);
    CHECK(placed(layout, 1).column == 0);
    CHECK(placed(layout, 2).column == 1);
    CHECK(placed(layout, 3).column == 0);
    for (auto id : { 1, 2, 3 })
        CHECK(placed(layout, id).columns == 2);
    CHECK(placed(layout, 4).column == 0);
    CHECK(placed(layout, 4).columns == 1);
    // Three at once need three columns; back to back is not an overlap.
    auto three = layout_days({ at(1, 7, 9, 0, 10, 0), at(2, 7, 9, 0, 10, 0), at(3, 7, 9, 15, 9, 45), at(4, 7, 10, 0, 11, 0) },
        { 2026, 12, 7, 0, 0, 0 }, 1);
    CHECK(placed(three, 3).column == 2);
    CHECK(placed(three, 3).columns == 3);
    CHECK(placed(three, 4).columns == 1);
}

TEST_CASE("a week view puts each session on its day; one past midnight shows on both days")
{
    CalendarEvent late { 9, { 2026, 12, 1, 23, 0, 0 }, { 2026, 12, 2, 1, 0, 0 }, false };
    auto week = layout_days({ at(1, 3, 16, 0, 17, 0), late, at(2, 20, 9, 0, 10, 0) }, { 2026, 11, 30, 0, 0, 0 }, 7);
    REQUIRE(week.days.size() == 7);
    CHECK(week.days[6] == LocalDateTime { 2026, 12, 6, 0, 0, 0 });
    CHECK(placed(week, 1).day == 3);
    const auto& evening = placed(week, 9, 1);
    CHECK(evening.continues_after);
    CHECK_FALSE(evening.continues_before);
    CHECK(evening.bottom == 1.0);
    const auto& morning = placed(week, 9, 2);
    CHECK(morning.continues_before);
    CHECK(morning.top == 0.0);
    CHECK(week.timed.size() == 3);   // event 2 is on the 20th, outside the week
}

TEST_CASE("all-day events are bars over their days, stacked where they meet")
{
    CalendarEvent holiday { 1, { 2026, 12, 21, 0, 0, 0 }, { 2027, 1, 4, 0, 0, 0 }, true };
    CalendarEvent inset { 2, { 2026, 12, 22, 0, 0, 0 }, { 2026, 12, 23, 0, 0, 0 }, true };
    CalendarEvent after { 3, { 2026, 12, 24, 0, 0, 0 }, { 2026, 12, 25, 0, 0, 0 }, true };
    auto week = layout_days({ inset, holiday, after }, { 2026, 12, 21, 0, 0, 0 }, 7);
    REQUIRE(week.all_day.size() == 3);
    CHECK(week.all_day[0] == AllDayBar { 1, 0, 6, 0 });   // clamped to the week
    CHECK(week.all_day[1] == AllDayBar { 2, 1, 1, 1 });
    CHECK(week.all_day[2] == AllDayBar { 3, 3, 3, 1 });
    CHECK(week.timed.empty());
}

TEST_CASE("a month is whole weeks; each day lists its sessions by start, the rest counted")
{
    std::vector<CalendarEvent> events { at(3, 7, 17, 0, 18, 0), at(1, 7, 9, 0, 10, 0), at(2, 7, 12, 0, 13, 0),
        at(4, 7, 19, 0, 20, 0), at(5, 31, 9, 0, 10, 0) };
    // December 2026 begins on a Tuesday: the grid starts Monday 30 November
    // and ends Sunday 3 January, five weeks.
    auto cells = layout_month(events, 2026, 12);
    REQUIRE(cells.size() == 35);
    CHECK(cells[0].day == LocalDateTime { 2026, 11, 30, 0, 0, 0 });
    CHECK_FALSE(cells[0].in_month);
    CHECK(cells[1].in_month);
    CHECK(cells[34].day == LocalDateTime { 2027, 1, 3, 0, 0, 0 });
    const auto& seventh = cells[7];
    CHECK(seventh.day == LocalDateTime { 2026, 12, 7, 0, 0, 0 });
    CHECK(seventh.shown == std::vector<std::int64_t> { 1, 2, 3 });
    CHECK(seventh.more == 1);
    CHECK(cells[31].shown == std::vector<std::int64_t> { 5 });
    // A month starting on Monday with 28 days fills exactly four weeks; six when it spills.
    CHECK(layout_month({}, 2027, 2).size() == 28);
    CHECK(layout_month({}, 2026, 8).size() == 42);
    CHECK(layout_month({}, 2026, 2, 0).size() == 28);   // February 2026 begins on a Sunday
    CHECK(layout_month({}, 2026, 2).size() == 35);
    CHECK(layout_month({}, 2026, 13).empty());
}

TEST_CASE("laying out a month of 200 weekly series stays in order and within the view")
{
    std::vector<CalendarEvent> events;
    for (int s = 0; s < 200; ++s)
        for (int d = 1 + s % 7; d <= 31; d += 7)
            events.push_back(at(s * 100 + d, d, 8 + s % 11, 0, 9 + s % 11, 0));
    auto cells = layout_month(events, 2026, 12);
    int counted = 0;
    for (const auto& cell : cells)
        counted += static_cast<int>(cell.shown.size()) + cell.more;
    CHECK(counted == static_cast<int>(events.size()));
    auto week = layout_days(events, { 2026, 12, 7, 0, 0, 0 }, 7, 7, 21);
    CHECK(week.timed.size() == 200);
    for (const auto& p : week.timed) {
        CHECK(p.column < p.columns);
        CHECK(p.top <= p.bottom);
    }
}
