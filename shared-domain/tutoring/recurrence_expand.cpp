// Expansion of a RecurrenceRule into local wall times, RFC 5545 section 3.3.10
// ([SECTION] days, [SECTION] plan, [SECTION] expand, [SECTION] series).
//
// The method: walk the rule's periods (a day, a week from WKST, a month or a
// year, every INTERVAL-th one); in each, keep the days every BYxxx day part
// accepts, cross them with the times of day, apply BYSETPOS, and emit those
// after DTSTART until COUNT, UNTIL, the window's end or the limit. Filtering
// whole periods gives RFC 5545's "expand" and "limit" semantics in one rule:
// an expanding part (BYDAY in a monthly rule) keeps the days it names, a
// limiting one (BYMONTH in a daily rule) drops the others.
#include "tutoring/recurrence.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace learnloop {

namespace {

// [SECTION] days

using DayNumber = std::int64_t;   // days since 1970-01-01

// Every period costs the days it looks at, every candidate one more step.
// Ten million steps is about a tenth of a second, covers a daily rule over
// 27 000 years, and is what any single request may spend.
constexpr std::int64_t k_step_budget = 10'000'000;
constexpr int k_last_year = 9999;
// However large the caller's limit, one expansion returns at most this many
// instances (a lesson a day for 270 years), so its memory is bounded too.
constexpr std::size_t k_max_occurrences = 100'000;

LocalDateTime date_of(DayNumber day)
{
    auto value = from_unix_seconds(day * 86400);
    return { value.year, value.month, value.day, 0, 0, 0 };
}

DayNumber day_number(const LocalDateTime& value)
{
    return days_from_civil(value.year, value.month, value.day);
}

int weekday_index(DayNumber day)
{
    return static_cast<int>(((day % 7) + 7 + 3) % 7);   // Monday 0; 1970-01-01 was a Thursday
}

int days_in_year(int year)
{
    return is_leap_year(year) ? 366 : 365;
}

// The first day of week 1 of `year` when weeks start on `week_start`: week 1
// is the first week with at least four days in the year (RFC 5545, ISO 8601).
DayNumber week_one_start(int year, int week_start)
{
    DayNumber jan1 = days_from_civil(year, 1, 1);
    int into_week = (weekday_index(jan1) - week_start + 7) % 7;
    return into_week <= 3 ? jan1 - into_week : jan1 + (7 - into_week);
}

// The week number of `day` within its week-numbering year and that year's
// number of weeks: 29 December may be in week 1 of the next year.
struct WeekPosition {
    int week, weeks_in_year;
};

WeekPosition week_position(DayNumber day, int calendar_year, int week_start)
{
    int year = calendar_year;
    if (day < week_one_start(year, week_start))
        --year;
    else if (day >= week_one_start(year + 1, week_start))
        ++year;
    DayNumber start = week_one_start(year, week_start);
    int weeks = static_cast<int>((week_one_start(year + 1, week_start) - start) / 7);
    return { static_cast<int>((day - start) / 7) + 1, weeks };
}

bool contains(const std::vector<int>& values, int value)
{
    return std::binary_search(values.begin(), values.end(), value);
}

// Whether the n-th entry of a list of `length` items counted from the start
// (n > 0) or the end (n < 0) is the one at 1-based `position`.
bool is_nth(int n, int position, int length)
{
    return n > 0 ? position == n : position == length + 1 + n;
}

// [SECTION] plan

// The rule with RFC 5545's implicit parts filled in from DTSTART: a monthly
// rule with no day part repeats on DTSTART's day of the month, a yearly one
// on DTSTART's month and day, a weekly one on DTSTART's weekday, and every
// rule at DTSTART's time of day unless BYHOUR/BYMINUTE/BYSECOND say otherwise.
struct Plan {
    const RecurrenceRule& rule;
    std::vector<int> by_month, by_month_day;
    std::vector<WeekdayNum> by_day;
    std::vector<int> hours, minutes, seconds;
    // Ordinals in BYDAY count within the month (monthly rules, and yearly ones
    // with BYMONTH) or within the year.
    bool ordinals_in_month = false;
    // Only plain weekdays pick the days (a weekly lesson, the common case):
    // a day matches by its weekday alone, with no date worked out.
    bool weekdays_only = false;

    std::size_t times_per_day() const { return hours.size() * minutes.size() * seconds.size(); }

    LocalDateTime at(LocalDateTime value, std::size_t time_index) const
    {
        std::size_t per_hour = minutes.size() * seconds.size();
        value.hour = hours[time_index / per_hour];
        value.minute = minutes[time_index % per_hour / seconds.size()];
        value.second = seconds[time_index % seconds.size()];
        return value;
    }
};

Plan make_plan(const RecurrenceRule& rule, const LocalDateTime& dtstart)
{
    Plan plan { rule, rule.by_month, rule.by_month_day, rule.by_day, rule.by_hour, rule.by_minute, rule.by_second };
    bool no_day_part = rule.by_day.empty() && rule.by_month_day.empty() && rule.by_year_day.empty()
        && rule.by_week_no.empty();
    if (no_day_part) {
        if (rule.frequency == Frequency::Weekly)
            plan.by_day = { { 0, weekday_of(dtstart) } };
        if (rule.frequency == Frequency::Monthly)
            plan.by_month_day = { dtstart.day };
        if (rule.frequency == Frequency::Yearly) {
            plan.by_month_day = { dtstart.day };
            if (plan.by_month.empty())
                plan.by_month = { dtstart.month };
        }
    }
    if (plan.hours.empty())
        plan.hours = { dtstart.hour };
    if (plan.minutes.empty())
        plan.minutes = { dtstart.minute };
    if (plan.seconds.empty())
        plan.seconds = { dtstart.second };
    plan.ordinals_in_month = rule.frequency == Frequency::Monthly || !rule.by_month.empty();
    plan.weekdays_only = plan.by_month.empty() && plan.by_month_day.empty() && rule.by_year_day.empty()
        && rule.by_week_no.empty() && !plan.by_day.empty()
        && std::all_of(plan.by_day.begin(), plan.by_day.end(), [](const WeekdayNum& entry) { return entry.ordinal == 0; });
    return plan;
}

bool day_matches(const Plan& plan, DayNumber day)
{
    if (plan.weekdays_only) {
        auto weekday = static_cast<Weekday>(weekday_index(day));
        return std::any_of(plan.by_day.begin(), plan.by_day.end(),
            [&](const WeekdayNum& entry) { return entry.weekday == weekday; });
    }
    const auto& rule = plan.rule;
    auto date = date_of(day);
    if (!plan.by_month.empty() && !contains(plan.by_month, date.month))
        return false;
    int month_length = days_in_month(date.year, date.month);
    int year_length = days_in_year(date.year);
    int year_day = static_cast<int>(day - days_from_civil(date.year, 1, 1)) + 1;
    if (!rule.by_week_no.empty()) {
        auto position = week_position(day, date.year, static_cast<int>(rule.week_start));
        bool any = std::any_of(rule.by_week_no.begin(), rule.by_week_no.end(),
            [&](int n) { return is_nth(n, position.week, position.weeks_in_year); });
        if (!any)
            return false;
    }
    if (!rule.by_year_day.empty()) {
        bool any = std::any_of(rule.by_year_day.begin(), rule.by_year_day.end(),
            [&](int n) { return is_nth(n, year_day, year_length); });
        if (!any)
            return false;
    }
    if (!plan.by_month_day.empty()) {
        bool any = std::any_of(plan.by_month_day.begin(), plan.by_month_day.end(),
            [&](int n) { return is_nth(n, date.day, month_length); });
        if (!any)
            return false;
    }
    if (!plan.by_day.empty()) {
        auto weekday = static_cast<Weekday>(weekday_index(day));
        // The n-th Tuesday of a month is the one whose day falls in the n-th
        // run of seven days; from the end, likewise counted backwards.
        int position = plan.ordinals_in_month ? (date.day - 1) / 7 + 1 : (year_day - 1) / 7 + 1;
        int from_end = plan.ordinals_in_month ? (month_length - date.day) / 7 + 1 : (year_length - year_day) / 7 + 1;
        bool any = std::any_of(plan.by_day.begin(), plan.by_day.end(), [&](const WeekdayNum& entry) {
            if (entry.weekday != weekday)
                return false;
            if (entry.ordinal == 0)
                return true;
            return entry.ordinal > 0 ? position == entry.ordinal : from_end == -entry.ordinal;
        });
        if (!any)
            return false;
    }
    return true;
}

// The first and last day of the k-th period after DTSTART's (k counted in
// INTERVALs).
struct Period {
    DayNumber first, last;
};

Period period_at(const RecurrenceRule& rule, const LocalDateTime& dtstart, std::int64_t k)
{
    std::int64_t step = k * rule.interval;
    switch (rule.frequency) {
    case Frequency::Daily: {
        DayNumber day = day_number(dtstart) + step;
        return { day, day };
    }
    case Frequency::Weekly: {
        DayNumber start = day_number(dtstart);
        start -= (weekday_index(start) - static_cast<int>(rule.week_start) + 7) % 7;
        start += 7 * step;
        return { start, start + 6 };
    }
    case Frequency::Monthly: {
        std::int64_t months = std::int64_t(dtstart.year) * 12 + (dtstart.month - 1) + step;
        int year = static_cast<int>(months / 12), month = static_cast<int>(months % 12) + 1;
        if (year > k_last_year)
            return { days_from_civil(k_last_year + 1, 1, 1), days_from_civil(k_last_year + 1, 1, 1) };
        return { days_from_civil(year, month, 1), days_from_civil(year, month, days_in_month(year, month)) };
    }
    case Frequency::Yearly:
    default: {
        std::int64_t year = dtstart.year + step;
        if (year > k_last_year)
            year = k_last_year + 1;
        return { days_from_civil(static_cast<int>(year), 1, 1), days_from_civil(static_cast<int>(year), 12, 31) };
    }
    }
}

// The first period that can hold an instance at or after `from`: without
// COUNT nothing before the window matters, so those periods are skipped.
std::int64_t first_period_for(const RecurrenceRule& rule, const LocalDateTime& dtstart, const LocalDateTime& from)
{
    if (rule.count || from <= dtstart)
        return 0;
    std::int64_t distance = 0;
    switch (rule.frequency) {
    case Frequency::Daily:
        distance = day_number(from) - day_number(dtstart);
        break;
    case Frequency::Weekly:
        distance = (day_number(from) - period_at(rule, dtstart, 0).first) / 7;
        break;
    case Frequency::Monthly:
        distance = (std::int64_t(from.year) * 12 + from.month) - (std::int64_t(dtstart.year) * 12 + dtstart.month);
        break;
    case Frequency::Yearly:
        distance = from.year - dtstart.year;
        break;
    }
    return std::max<std::int64_t>(0, distance / rule.interval);
}

bool valid_local(const LocalDateTime& v)
{
    return v.year >= 1 && v.year <= k_last_year && v.month >= 1 && v.month <= 12 && v.day >= 1
        && v.day <= days_in_month(v.year, v.month) && v.hour >= 0 && v.hour <= 23 && v.minute >= 0 && v.minute <= 59
        && v.second >= 0 && v.second <= 59;
}

bool after_until(const RecurrenceRule& rule, const LocalDateTime& value)
{
    if (!rule.until)
        return false;
    if (rule.until->kind == UntilKind::Date)
        return LocalDateTime { value.year, value.month, value.day, 0, 0, 0 } > rule.until->value;
    return value > rule.until->value;
}

} // namespace

// [SECTION] expand

Result<Expansion> expand(const LocalDateTime& dtstart, const RecurrenceRule& rule, const LocalDateTime& from,
    const LocalDateTime& to, std::size_t limit)
{
    if (!valid_local(dtstart))
        return make_error(ErrorCode::InvalidArgument, "dtstart is not a valid date and time (years 1 to 9999)", "dtstart");
    if (to < from)
        return make_error(ErrorCode::InvalidArgument, "the window ends before it starts", "to");

    limit = std::min(limit, k_max_occurrences);
    Expansion out;
    std::int64_t produced = 0;   // instances so far, DTSTART included, for COUNT
    auto emit = [&](const LocalDateTime& value) {
        ++produced;
        if (value >= from && value < to) {
            if (out.occurrences.size() == limit) {
                out.end = ExpansionEnd::Limit;
                return false;
            }
            out.occurrences.push_back(value);
        }
        return true;
    };
    if (!emit(dtstart) || dtstart >= to)
        return out;

    Plan plan = make_plan(rule, dtstart);
    std::size_t per_day = plan.times_per_day();
    std::int64_t steps = 0;
    std::vector<LocalDateTime> days;   // the period's matching days, as dates
    std::vector<std::size_t> picks;   // indexes into the period's days x times, in order
    DayNumber last_day = day_number(to);
    for (std::int64_t k = first_period_for(rule, dtstart, from);; ++k) {
        auto period = period_at(rule, dtstart, k);
        if (period.first > last_day || date_of(period.first).year > k_last_year)
            return out;
        days.clear();
        for (DayNumber day = period.first; day <= period.last; ++day)
            if (day_matches(plan, day))
                days.push_back(date_of(day));
        steps += period.last - period.first + 1;

        // The period's instances are days x times in order, so BYSETPOS picks
        // positions arithmetically instead of listing up to 366 x 86400 of them.
        std::size_t total = days.size() * per_day;
        picks.clear();
        if (rule.by_set_pos.empty()) {
            for (std::size_t i = 0; i < total; ++i)
                picks.push_back(i);
        } else {
            for (int position : rule.by_set_pos) {
                std::int64_t index = position > 0 ? position - 1 : std::int64_t(total) + position;
                if (index >= 0 && index < std::int64_t(total))
                    picks.push_back(static_cast<std::size_t>(index));
            }
            std::sort(picks.begin(), picks.end());
            picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        }
        for (auto index : picks) {
            if (++steps > k_step_budget) {
                out.end = ExpansionEnd::IterationCap;
                return out;
            }
            auto value = plan.at(days[index / per_day], index % per_day);
            if (value <= dtstart)
                continue;   // DTSTART was emitted first; earlier days of its period are not instances
            if (after_until(rule, value) || value >= to)
                return out;
            if (rule.count && produced >= *rule.count)
                return out;
            if (!emit(value))
                return out;
        }
        if (steps > k_step_budget) {
            out.end = ExpansionEnd::IterationCap;
            return out;
        }
    }
}

// [SECTION] series

Result<Expansion> expand_series(const Series& series, const LocalDateTime& from, const LocalDateTime& to,
    std::size_t limit)
{
    auto is_excluded = [&](const LocalDateTime& value) {
        return std::find(series.exdates.begin(), series.exdates.end(), value) != series.exdates.end();
    };
    // Each EXDATE removes at most one instance, so asking the rule for that
    // many more still leaves `limit` after the removals.
    std::size_t wanted = limit + series.exdates.size();
    Expansion out;
    if (series.rule) {
        out = TRY(expand(series.dtstart, *series.rule, from, to, wanted));
    } else if (series.dtstart >= from && series.dtstart < to) {
        out.occurrences.push_back(series.dtstart);
    }
    // When the rule stopped early, an RDATE after its last instance would
    // jump over instances it did not get to list, so such RDATEs wait too.
    std::optional<LocalDateTime> cut;
    if (out.end != ExpansionEnd::Complete && !out.occurrences.empty())
        cut = out.occurrences.back();
    for (const auto& rdate : series.rdates) {
        if (!valid_local(rdate))
            return make_error(ErrorCode::InvalidArgument, "an RDATE is not a valid date and time", "rdate");
        if (rdate >= from && rdate < to && (!cut || rdate <= *cut))
            out.occurrences.push_back(rdate);
    }
    // The rule's own instances come sorted and distinct; only RDATEs can
    // break that, and only EXDATEs remove any.
    if (!series.rdates.empty()) {
        std::sort(out.occurrences.begin(), out.occurrences.end());
        out.occurrences.erase(std::unique(out.occurrences.begin(), out.occurrences.end()), out.occurrences.end());
    }
    if (!series.exdates.empty())
        out.occurrences.erase(std::remove_if(out.occurrences.begin(), out.occurrences.end(), is_excluded),
            out.occurrences.end());
    if (out.occurrences.size() > limit) {
        out.occurrences.resize(limit);
        out.end = ExpansionEnd::Limit;
    }
    return out;
}

} // namespace learnloop
