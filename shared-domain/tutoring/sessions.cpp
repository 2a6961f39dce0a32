// Series and their changed occurrences as a calendar shows them; the edits
// of a series ([SECTION] occurrences, [SECTION] what may be done to a session,
// [SECTION] students, [SECTION] edits).
#include "tutoring/sessions.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

namespace learnloop {

namespace {

constexpr std::int64_t k_day_seconds = 86400;
// Expansions here look one occurrence up, or one series through a window
// the server has already bounded; this only stops a rule gone wrong.
constexpr std::size_t k_expansion_cap = 100000;

// `start_utc`: where the session starts (after any move), already converted.
SessionOccurrence occurrence_of(const SessionSeries& series, const LocalDateTime& recurrence_id,
    const OccurrenceChange* change, std::int64_t start_utc, const ZoneWindow& zone)
{
    SessionOccurrence occurrence;
    occurrence.series_id = series.id;
    occurrence.recurrence_id = recurrence_id;
    occurrence.start = recurrence_id;
    occurrence.duration_minutes = series.duration_minutes;
    occurrence.tutor_id = series.tutor_id;
    occurrence.student_id = series.student_id;
    occurrence.subject = series.subject;
    occurrence.room = series.room;
    if (change) {
        if (change->starts) {
            occurrence.moved = *change->starts != recurrence_id;
            occurrence.start = *change->starts;
        }
        if (change->duration_minutes) {
            occurrence.moved = occurrence.moved || *change->duration_minutes != series.duration_minutes;
            occurrence.duration_minutes = *change->duration_minutes;
        }
        if (change->tutor_id)
            occurrence.tutor_id = *change->tutor_id;
        occurrence.cancelled = change->cancelled;
        occurrence.attendance = change->attendance;
        occurrence.note = change->note;
        occurrence.invoice_id = change->invoice_id;
        occurrence.change_id = change->id;
    }
    occurrence.start_utc = start_utc;
    occurrence.end_utc = occurrence.start_utc + std::int64_t { occurrence.duration_minutes } * 60;
    occurrence.end = zone.to_local(occurrence.end_utc);
    return occurrence;
}

bool rule_gives(const Series& schedule, const LocalDateTime& when)
{
    auto found = expand(schedule.dtstart, *schedule.rule, when, add_seconds(when, 1), 1);
    return found.ok() && !found.value().occurrences.empty();
}

LocalDateTime midnight(const std::string& day)
{
    auto parsed = parse_local_datetime(day + "T00:00:00", "day");
    return parsed.ok() ? parsed.value() : LocalDateTime {};
}

} // namespace

// [SECTION] occurrences ------------------------------------------------------

std::string SessionOccurrence::status() const
{
    if (!attendance.empty())
        return attendance;
    if (cancelled)
        return "cancelled";
    return moved ? "moved" : "scheduled";
}

LocalDateTime add_seconds(const LocalDateTime& value, std::int64_t seconds)
{
    return from_unix_seconds(to_unix_seconds(value) + seconds);
}

SeriesMove series_move(bool following, const LocalDateTime& slot, const LocalDateTime& first,
    const LocalDateTime& shown, const LocalDateTime& wanted)
{
    SeriesMove move;
    move.following = following && to_unix_seconds(slot) != to_unix_seconds(first);
    const auto shift = to_unix_seconds(wanted) - to_unix_seconds(shown);
    if (shift != 0)
        move.starts = add_seconds(move.following ? slot : first, shift);
    return move;
}

bool is_occurrence(const Series& schedule, const LocalDateTime& when)
{
    auto found = expand_series(schedule, when, add_seconds(when, 1), 1);
    return found.ok() && !found.value().occurrences.empty();
}

Result<std::vector<SessionOccurrence>> occurrences_between(const std::vector<SessionSeries>& series,
    const std::vector<OccurrenceChange>& changes, const ZoneRules& zone, std::int64_t from_utc, std::int64_t to_utc,
    std::size_t limit)
{
    if (to_utc <= from_utc)
        return make_error(ErrorCode::InvalidArgument, "The window must end after it starts", "to");
    std::map<std::int64_t, std::map<LocalDateTime, const OccurrenceChange*>> by_series;
    for (const auto& change : changes)
        by_series[change.series_id][change.recurrence_id] = &change;
    // Wall time differs from UTC by under a day; a day either side covers
    // every occurrence that can start in the window, and the UTC test keeps
    // exactly those.
    const auto local_from = add_seconds(to_local(from_utc, zone), -k_day_seconds);
    const auto local_to = add_seconds(to_local(to_utc, zone), k_day_seconds);
    const ZoneWindow converter(zone, from_utc - 3 * k_day_seconds, to_utc + 3 * k_day_seconds);

    // First the small facts of each session in the window (where it starts,
    // whose it is), sorted; then the sessions themselves, built once each in
    // their final place (a month of a business holds thousands).
    struct Found {
        std::int64_t start_utc;
        std::int64_t series_id;
        std::size_t series;
        LocalDateTime recurrence_id;
        const OccurrenceChange* change;
    };
    std::vector<Found> found;
    const std::map<LocalDateTime, const OccurrenceChange*> no_changes;
    auto start_of = [&](const LocalDateTime& when, const OccurrenceChange* change) {
        return converter.to_utc(change && change->starts ? *change->starts : when);
    };
    for (std::size_t index = 0; index < series.size(); ++index) {
        const auto& one = series[index];
        auto listed = by_series.find(one.id);
        const auto& series_changes = listed == by_series.end() ? no_changes : listed->second;
        auto expansion = TRY(expand_series(one.schedule, local_from, local_to, k_expansion_cap));
        const auto& expanded = expansion.occurrences;   // in order
        for (const auto& when : expanded) {
            auto change = series_changes.empty() ? series_changes.end() : series_changes.find(when);
            const OccurrenceChange* changed = change == series_changes.end() ? nullptr : change->second;
            auto start = start_of(when, changed);
            if (start >= from_utc && start < to_utc)
                found.push_back({ start, one.id, index, when, changed });
        }
        // Occurrences of other days moved into the window.
        for (const auto& [when, change] : series_changes) {
            if (!change->starts || std::binary_search(expanded.begin(), expanded.end(), when)
                || !is_occurrence(one.schedule, when))
                continue;
            auto start = start_of(when, change);
            if (start >= from_utc && start < to_utc)
                found.push_back({ start, one.id, index, when, change });
        }
        if (found.size() > limit)
            return make_error(ErrorCode::ResourceExhausted,
                "More than " + std::to_string(limit) + " sessions in this window; ask for a shorter one", "to");
    }
    // Sorted as small keys (start, series, place): moving 24 bytes, not the
    // whole record, is most of a sort's work, and a business's sessions
    // share their start times (every 16:00 lesson), so the series is in the key.
    struct Key {
        std::int64_t start_utc, series_id;
        std::uint32_t place;
    };
    std::vector<Key> order;
    order.reserve(found.size());
    for (std::size_t i = 0; i < found.size(); ++i)
        order.push_back({ found[i].start_utc, found[i].series_id, static_cast<std::uint32_t>(i) });
    std::sort(order.begin(), order.end(), [&](const Key& x, const Key& y) {
        if (x.start_utc != y.start_utc)
            return x.start_utc < y.start_utc;
        if (x.series_id != y.series_id)
            return x.series_id < y.series_id;
        return found[x.place].recurrence_id < found[y.place].recurrence_id;
    });
    std::vector<SessionOccurrence> list;
    list.reserve(found.size());
    for (const auto& key : order) {
        const auto& f = found[key.place];
        list.push_back(occurrence_of(series[f.series], f.recurrence_id, f.change, key.start_utc, converter));
    }
    return list;
}

// [SECTION] what may be done to a session ----------------------------------

bool is_booked(std::string_view status) { return status == "scheduled" || status == "moved"; }

Result<void> check_changeable(bool invoiced)
{
    if (invoiced)
        return headline_error(ErrorCode::Conflict, "Conflict",
            "This session is on an invoice; an administrator must void the invoice before it can change");
    return {};
}

Result<void> check_loggable(bool invoiced, std::int64_t start_utc, std::int64_t now_utc)
{
    TRY(check_changeable(invoiced));
    if (start_utc > now_utc)
        return make_error(ErrorCode::FailedPrecondition, "This session has not started yet", "recurrence_id");
    return {};
}

// [SECTION] students ---------------------------------------------------------

std::vector<StudentSessions> sessions_by_student(const std::vector<SessionOccurrence>& sessions, std::int64_t now_utc)
{
    std::map<std::int64_t, StudentSessions> by_student;
    std::vector<const SessionOccurrence*> ordered;
    for (const auto& o : sessions)
        ordered.push_back(&o);
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const SessionOccurrence* a, const SessionOccurrence* b) { return a->start_utc < b->start_utc; });
    for (const auto* o : ordered) {
        auto& s = by_student[o->student_id];
        s.student_id = o->student_id;
        if (std::find(s.subjects.begin(), s.subjects.end(), o->subject) == s.subjects.end())
            s.subjects.push_back(o->subject);
        if (std::find(s.tutor_ids.begin(), s.tutor_ids.end(), o->tutor_id) == s.tutor_ids.end())
            s.tutor_ids.push_back(o->tutor_id);
        const bool begun = o->start_utc <= now_utc;
        const auto status = o->status();
        if (!begun) {
            if (!o->cancelled && !s.next)
                s.next = *o;
            continue;
        }
        if (!o->cancelled)
            s.last = *o;
        if (!o->attendance.empty())
            ++s.logged;
        else if (is_booked(status) && !o->invoice_id)
            s.to_log.push_back(*o);
    }
    std::vector<StudentSessions> out;
    for (auto& [id, s] : by_student)
        out.push_back(std::move(s));
    return out;
}

// [SECTION] edits ------------------------------------------------------------

bool storable_time(const LocalDateTime& value)
{
    return value.year >= 1900 && value.year <= 2999;
}

Result<void> check_storable(const Series& schedule)
{
    if (!storable_time(schedule.dtstart))
        return make_error(ErrorCode::InvalidArgument, "Sessions are between the years 1900 and 2999", "dtstart");
    if (schedule.rule && schedule.rule->until && !storable_time(schedule.rule->until->value))
        return make_error(ErrorCode::InvalidArgument, "rrule: UNTIL must be between the years 1900 and 2999", "rrule");
    for (const auto* dates : { &schedule.exdates, &schedule.rdates })
        for (const auto& d : *dates)
            if (!storable_time(d))
                return make_error(ErrorCode::InvalidArgument, "Sessions are between the years 1900 and 2999", "starts");
    return {};
}

Result<SeriesSplit> split_series(const Series& schedule, const LocalDateTime& at)
{
    if (!schedule.rule)
        return make_error(ErrorCode::InvalidArgument, "A single session has no following sessions to change", "scope");
    if (at <= schedule.dtstart)
        return make_error(ErrorCode::InvalidArgument,
            "The first session of a series starts all of it: change all sessions instead", "scope");
    if (!is_occurrence(schedule, at) || !rule_gives(schedule, at))
        return make_error(ErrorCode::InvalidArgument, "That time is not a session of this series", "recurrence_id");

    SeriesSplit split { schedule, schedule };
    split.after.dtstart = at;
    auto& before_rule = *split.before.rule;
    if (schedule.rule->count) {
        auto earlier = TRY(expand(schedule.dtstart, *schedule.rule, schedule.dtstart, at, k_expansion_cap));
        const int before_count = static_cast<int>(earlier.occurrences.size());
        before_rule.count = before_count;
        split.after.rule->count = *schedule.rule->count - before_count;
    } else {
        before_rule.until = Until { add_seconds(at, -1), UntilKind::Floating };
    }
    auto partition = [&](const std::vector<LocalDateTime>& all, std::vector<LocalDateTime>& before,
                         std::vector<LocalDateTime>& after) {
        before.clear();
        after.clear();
        for (const auto& when : all)
            (when < at ? before : after).push_back(when);
    };
    partition(schedule.rdates, split.before.rdates, split.after.rdates);
    partition(schedule.exdates, split.before.exdates, split.after.exdates);
    return split;
}

std::vector<LocalDateTime> skip_blocked_dates(Series& schedule, std::int64_t tutor_id,
    const std::vector<BlockedDates>& blocked)
{
    std::vector<LocalDateTime> skipped;
    for (const auto& block : blocked) {
        if (block.tutor_id && *block.tutor_id != tutor_id)
            continue;
        auto from = midnight(block.first_day);
        auto to = add_seconds(midnight(block.last_day), k_day_seconds);
        auto expansion = expand_series(schedule, from, to, k_expansion_cap);
        if (!expansion.ok())
            continue;
        for (const auto& when : expansion.value().occurrences) {
            schedule.exdates.push_back(when);
            skipped.push_back(when);
        }
    }
    std::sort(schedule.exdates.begin(), schedule.exdates.end());
    schedule.exdates.erase(std::unique(schedule.exdates.begin(), schedule.exdates.end()), schedule.exdates.end());
    std::sort(skipped.begin(), skipped.end());
    return skipped;
}

std::vector<OccurrenceChange> orphaned_changes(const Series& schedule, const std::vector<OccurrenceChange>& changes,
    std::int64_t shift_seconds)
{
    std::vector<OccurrenceChange> orphaned;
    for (const auto& change : changes) {
        if (!is_occurrence(schedule, add_seconds(change.recurrence_id, shift_seconds)))
            orphaned.push_back(change);
    }
    return orphaned;
}

Result<RecurrenceRule> shift_rule(const RecurrenceRule& rule, const LocalDateTime& from, const LocalDateTime& to)
{
    const auto seconds = to_unix_seconds(to) - to_unix_seconds(from);
    const auto days = days_from_civil(to.year, to.month, to.day) - days_from_civil(from.year, from.month, from.day);
    const bool new_time = to.hour != from.hour || to.minute != from.minute || to.second != from.second;
    auto refuse = [](std::string_view part) {
        return make_error(ErrorCode::InvalidArgument,
            "Moving these sessions changes their rule's " + std::string(part) + "; send the new rule too", "rrule");
    };
    RecurrenceRule moved = rule;
    if (moved.until) {
        auto& until = moved.until->value;
        until = moved.until->kind == UntilKind::Date ? from_unix_seconds(to_unix_seconds(until) + days * 86400)
                                                     : add_seconds(until, seconds);
    }
    if (new_time && !(rule.by_hour.empty() && rule.by_minute.empty() && rule.by_second.empty()))
        return refuse("time of day (BYHOUR, BYMINUTE or BYSECOND)");
    if (days == 0)
        return moved;
    if (!rule.by_week_no.empty())
        return refuse("weeks of the year (BYWEEKNO)");
    if (!rule.by_set_pos.empty())
        return refuse("positions (BYSETPOS)");
    // A month named with days in it loses the sessions that cross its end
    // (every Monday of November, moved a day, loses Tuesday 1 December).
    const bool named_days = !rule.by_day.empty() || !rule.by_month_day.empty() || !rule.by_year_day.empty();
    if (!rule.by_month.empty() && (named_days || to.month != from.month || to.year != from.year))
        return refuse("months (BYMONTH)");
    // "The first Saturday" a day or two later is not "the first Monday"
    // (1 November 2027 is a Monday, the first Saturday is the 6th).
    if (std::any_of(rule.by_day.begin(), rule.by_day.end(), [](const WeekdayNum& d) { return d.ordinal != 0; }))
        return refuse("numbered weekdays (BYDAY)");
    const int week_days = static_cast<int>(((days % 7) + 7) % 7);
    for (auto& entry : moved.by_day)
        entry.weekday = static_cast<Weekday>((static_cast<int>(entry.weekday) + week_days) % 7);
    // Every other week: the weeks move too, or Friday moved to Monday would
    // fall in the next week of the pair.
    if (rule.frequency == Frequency::Weekly && rule.interval > 1)
        moved.week_start = static_cast<Weekday>((static_cast<int>(rule.week_start) + week_days) % 7);
    // Days of the month (or year) move only while every month (year) has
    // them, before and after: the 30th moved to the 31st would lose April.
    // A day counted from the end moves the same way and keeps its sign.
    auto move_days = [&](std::vector<int>& list, int every) {
        for (auto& value : list) {
            const auto next = value + days;
            if (std::abs(value) > every || next == 0 || std::abs(next) > every || (value > 0) != (next > 0))
                return false;
            value = static_cast<int>(next);
        }
        return true;
    };
    if (!move_days(moved.by_month_day, 28))
        return refuse("days of the month (BYMONTHDAY)");
    if (!move_days(moved.by_year_day, 365))
        return refuse("days of the year (BYYEARDAY)");
    // Sorted and free of duplicates again, as every rule is.
    return RecurrenceRule::create(moved.to_text());
}

} // namespace learnloop
