// Month, week and day views (see calendar_layout.hpp). Wall times are
// compared as seconds of a uniform clock (local time read as if UTC): the
// views are grids of wall-clock hours, whatever the offset did that day.
#include "tutoring/calendar_layout.hpp"

#include <algorithm>
#include <tuple>

namespace learnloop {

namespace {

constexpr std::int64_t k_day = 86400;

LocalDateTime midnight(const LocalDateTime& t)
{
    return { t.year, t.month, t.day, 0, 0, 0 };
}

struct Span {
    std::int64_t start = 0, end = 0;   // seconds; end > start
};

// Rounds toward minus infinity (a day index before the grid is negative).
std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

Span span_of(const CalendarEvent& event)
{
    std::int64_t s = to_unix_seconds(event.start), e = to_unix_seconds(event.end);
    // A zero-length (or backwards) event still shows: as a minute.
    return { s, std::max(e, s + 60) };
}

// Gives each piece of one day a column: pieces that overlap, directly or
// through others, form a group whose width is the columns it needs; each
// piece takes the leftmost column free when it starts.
void assign_columns(std::vector<PlacedEvent>& pieces, const std::vector<Span>& spans)
{
    std::vector<std::size_t> order(pieces.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (spans[a].start != spans[b].start)
            return spans[a].start < spans[b].start;
        return spans[a].end > spans[b].end;   // the longer first, on the left
    });
    std::vector<std::int64_t> column_ends;    // of the group being built
    std::vector<std::size_t> group;
    std::int64_t group_end = 0;
    auto close_group = [&] {
        for (auto i : group)
            pieces[i].columns = static_cast<int>(column_ends.size());
        group.clear();
        column_ends.clear();
    };
    for (auto i : order) {
        if (!group.empty() && spans[i].start >= group_end)
            close_group();
        std::size_t column = 0;
        while (column < column_ends.size() && column_ends[column] > spans[i].start)
            ++column;
        if (column == column_ends.size())
            column_ends.push_back(spans[i].end);
        else
            column_ends[column] = spans[i].end;
        pieces[i].column = static_cast<int>(column);
        group.push_back(i);
        group_end = group.size() == 1 ? spans[i].end : std::max(group_end, spans[i].end);
    }
    close_group();
}

} // namespace

LocalDateTime start_of_week(const LocalDateTime& day, int week_start)
{
    std::int64_t days = days_from_civil(day.year, day.month, day.day);
    // 1970-01-01 was a Thursday (Sunday = 0).
    int weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
    int back = ((weekday - week_start) % 7 + 7) % 7;
    return from_unix_seconds((days - back) * k_day);
}

DaysLayout layout_days(const std::vector<CalendarEvent>& events, const LocalDateTime& first_day, int day_count,
    int first_hour, int last_hour)
{
    DaysLayout layout;
    day_count = std::clamp(day_count, 1, 31);
    first_hour = std::clamp(first_hour, 0, 23);
    last_hour = std::clamp(last_hour, first_hour + 1, 24);
    layout.first_hour = first_hour;
    layout.last_hour = last_hour;
    const std::int64_t day0 = to_unix_seconds(midnight(first_day));
    for (int d = 0; d < day_count; ++d)
        layout.days.push_back(from_unix_seconds(day0 + d * k_day));
    const double shown = double(last_hour - first_hour) * 3600.0;

    for (int d = 0; d < day_count; ++d) {
        const std::int64_t ds = day0 + d * k_day, de = ds + k_day;
        std::vector<PlacedEvent> pieces;
        std::vector<Span> spans;
        for (const auto& event : events) {
            if (event.all_day)
                continue;
            auto span = span_of(event);
            if (span.end <= ds || span.start >= de)
                continue;
            Span piece { std::max(span.start, ds), std::min(span.end, de) };
            auto at = [&](std::int64_t t) {
                return std::clamp(double(t - ds - first_hour * 3600) / shown, 0.0, 1.0);
            };
            pieces.push_back({ event.id, d, at(piece.start), at(piece.end), 0, 1, span.start < ds, span.end > de });
            spans.push_back(piece);
        }
        assign_columns(pieces, spans);
        // By start, then column: the order a screen reader reads them in.
        std::vector<std::size_t> order(pieces.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return spans[a].start != spans[b].start ? spans[a].start < spans[b].start : pieces[a].column < pieces[b].column;
        });
        for (auto i : order)
            layout.timed.push_back(pieces[i]);
    }

    // All-day bars, stacked: each takes the lowest row free on all its days.
    std::vector<std::pair<AllDayBar, std::int64_t>> bars;   // with the event's start, for the order
    for (const auto& event : events) {
        if (!event.all_day)
            continue;
        auto span = span_of(event);
        const std::int64_t view_end = day0 + day_count * k_day;
        if (span.end <= day0 || span.start >= view_end)
            continue;
        auto first = static_cast<int>((std::max(span.start, day0) - day0) / k_day);
        auto last = static_cast<int>((std::min(span.end, view_end) - day0 - 1) / k_day);
        bars.push_back({ { event.id, first, last, 0 }, span.start });
    }
    std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) {
        if (a.first.first_day != b.first.first_day)
            return a.first.first_day < b.first.first_day;
        return a.first.last_day - a.first.first_day > b.first.last_day - b.first.first_day;
    });
    std::vector<std::vector<bool>> taken;   // [row][day]
    for (auto& [bar, start] : bars) {
        int row = 0;
        for (;; ++row) {
            if (row == static_cast<int>(taken.size()))
                taken.emplace_back(static_cast<std::size_t>(day_count), false);
            bool free = true;
            for (int d = bar.first_day; d <= bar.last_day && free; ++d)
                free = !taken[row][d];
            if (free)
                break;
        }
        for (int d = bar.first_day; d <= bar.last_day; ++d)
            taken[row][d] = true;
        bar.row = row;
        layout.all_day.push_back(bar);
    }
    return layout;
}

std::vector<MonthCell> layout_month(const std::vector<CalendarEvent>& events, int year, int month, int week_start,
    int per_cell)
{
    std::vector<MonthCell> cells;
    if (month < 1 || month > 12)
        return cells;
    const LocalDateTime first { year, month, 1, 0, 0, 0 };
    const std::int64_t grid0 = to_unix_seconds(start_of_week(first, week_start));
    const std::int64_t lead = (to_unix_seconds(first) - grid0) / k_day;
    const std::int64_t count = (lead + days_in_month(year, month) + 6) / 7 * 7;

    // Sorted by what the order needs, held in the key: a month's sessions
    // share start times (every 16:00 lesson), and following each tie to its
    // event was most of the sort's time. All-day events head the day's list;
    // the place in `events` keeps equal keys in their order.
    struct Key {
        bool timed;
        std::int64_t start, id;
        std::size_t place;
        Span span;
        bool operator<(const Key& o) const
        {
            return std::tie(timed, start, id, place) < std::tie(o.timed, o.start, o.id, o.place);
        }
    };
    std::vector<Key> sorted;
    sorted.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto span = span_of(events[i]);
        sorted.push_back({ !events[i].all_day, span.start, events[i].id, i, span });
    }
    std::sort(sorted.begin(), sorted.end());
    for (std::int64_t i = 0; i < count; ++i) {
        MonthCell cell;
        cell.day = from_unix_seconds(grid0 + i * k_day);
        cell.in_month = cell.day.month == month;
        cells.push_back(std::move(cell));
    }
    // Each event to the days it touches, in the sorted order (a month holds
    // thousands of sessions: one pass over them, not one per day).
    for (const auto& key : sorted) {
        const auto& span = key.span;
        const auto* event = &events[key.place];
        std::int64_t first = std::max<std::int64_t>(0, floor_div(span.start - grid0, k_day));
        std::int64_t last = std::min<std::int64_t>(count - 1, floor_div(span.end - 1 - grid0, k_day));
        for (std::int64_t i = first; i <= last; ++i) {
            auto& cell = cells[static_cast<std::size_t>(i)];
            if (static_cast<int>(cell.shown.size()) < per_cell)
                cell.shown.push_back(event->id);
            else
                ++cell.more;
        }
    }
    return cells;
}

} // namespace learnloop
