// RFC 5545 text for a calendar feed: [SECTION] text, [SECTION] VTIMEZONE,
// [SECTION] events.
#include "tutoring/icalendar.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

namespace learnloop {

namespace {

// [SECTION] text -------------------------------------------------------------

std::string basic_time(const LocalDateTime& t)   // 20261207T160000
{
    char text[32];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return text;
}

std::string utc_time(std::int64_t unix_seconds) { return basic_time(from_unix_seconds(unix_seconds)) + "Z"; }

std::string offset_text(int seconds)   // +0100, -0330, +053328
{
    char sign = seconds < 0 ? '-' : '+';
    int a = seconds < 0 ? -seconds : seconds;
    char text[16];
    if (a % 60 != 0)
        std::snprintf(text, sizeof text, "%c%02d%02d%02d", sign, a / 3600, a / 60 % 60, a % 60);
    else
        std::snprintf(text, sizeof text, "%c%02d%02d", sign, a / 3600, a / 60 % 60);
    return text;
}

class Writer {
public:
    void line(std::string_view text) { m_out += fold_ical_line(text); }
    void line(std::string_view name, std::string_view value)
    {
        std::string text(name);
        text += ':';
        text += value;
        line(text);
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

// [SECTION] VTIMEZONE --------------------------------------------------------

// The yearly rule of a POSIX date "Mm.w.d" (week 5 is the last) as an RRULE,
// when the change falls on that day (its time is within the day); none
// for the day-number forms, which have no RRULE spelling.
std::optional<std::string> yearly_rule(const PosixDate& date)
{
    if (date.kind != PosixDate::Kind::MonthWeekDay || date.time < 0 || date.time >= 86400)
        return std::nullopt;
    // POSIX counts weekdays from Sunday (0), RFC 5545 from Monday.
    const auto weekday = static_cast<Weekday>((date.weekday + 6) % 7);
    return "FREQ=YEARLY;BYMONTH=" + std::to_string(date.month)
        + ";BYDAY=" + (date.week == 5 ? std::string("-1") : std::to_string(date.week)) + std::string(weekday_code(weekday));
}

// One observance per change of local time from a year before `from` to a
// year after `to` (and at least to the end of the zone's own table), each
// starting at the wall time before the change, as RFC 5545 section 3.6.5
// writes them; the first gives the time in effect before. The zone's
// yearly rule then goes on as two observances with an RRULE, so a calendar
// showing a lesson years ahead still puts it at the right hour.
void write_timezone(Writer& w, const ZoneRules& zone, std::int64_t from, std::int64_t to)
{
    constexpr std::int64_t year = 366 * 86400;
    const auto start = from - year;
    auto listed_to = to + year;
    if (!zone.transitions.empty())
        listed_to = std::max(listed_to, zone.transitions.back().at + 1);
    auto before = type_at(zone, start);
    w.line("BEGIN:VTIMEZONE");
    w.line("TZID", zone.name);
    auto observance = [&](const LocalTimeType& prior, const LocalTimeType& type, std::int64_t at,
                          const std::optional<std::string>& rule) {
        const char* kind = type.is_dst ? "DAYLIGHT" : "STANDARD";
        w.line("BEGIN", kind);
        w.line("DTSTART", basic_time(from_unix_seconds(at + prior.utc_offset)));
        if (rule)
            w.line("RRULE", *rule);
        w.line("TZOFFSETFROM", offset_text(prior.utc_offset));
        w.line("TZOFFSETTO", offset_text(type.utc_offset));
        if (!type.abbreviation.empty())
            w.line("TZNAME", escape_ical_text(type.abbreviation));
        w.line("END", kind);
    };
    observance(before, before, start, std::nullopt);
    for (const auto& change : transitions_between(zone, start, listed_to)) {
        observance(before, change.type, change.at, std::nullopt);
        before = change.type;
    }
    if (zone.posix && zone.posix->daylight) {
        auto starts = yearly_rule(zone.posix->start), ends = yearly_rule(zone.posix->end);
        auto next = transitions_between(zone, listed_to, listed_to + 2 * year);
        if (starts && ends && next.size() >= 2) {
            for (std::size_t i = 0; i < 2; ++i) {
                observance(before, next[i].type, next[i].at, next[i].type.is_dst ? starts : ends);
                before = next[i].type;
            }
        }
    }
    w.line("END:VTIMEZONE");
}

// [SECTION] events -----------------------------------------------------------

std::string zoned(const ZoneRules& zone, const LocalDateTime& t) { return ";TZID=" + zone.name + ":" + basic_time(t); }

std::string zoned_list(const ZoneRules& zone, const std::vector<LocalDateTime>& times)
{
    std::string out = ";TZID=" + zone.name + ":";
    for (std::size_t i = 0; i < times.size(); ++i)
        out += (i ? "," : "") + basic_time(times[i]);
    return out;
}

// RFC 5545: with a DTSTART in a zone, UNTIL is written in UTC.
std::string rule_for_feed(RecurrenceRule rule, const ZoneRules& zone)
{
    if (rule.until && rule.until->kind != UntilKind::Utc) {
        auto last = rule.until->value;
        if (rule.until->kind == UntilKind::Date)
            last = { last.year, last.month, last.day, 23, 59, 59 };
        rule.until = Until { from_unix_seconds(to_utc(last, zone)), UntilKind::Utc };
    }
    return rule.to_text();
}

struct EventTimes {
    LocalDateTime start;
    int minutes = 0;
};

// DTEND is where the session's length reaches: across a change of clocks
// that is not start + length on the clock (RFC 5545 gives every instance of
// a series the exact length from DTSTART to DTEND). A wall time that the
// clocks show twice (a fall-back hour) would be read as the first of the
// two, so such an end is written in UTC, which RFC 5545 allows beside a
// zoned DTSTART.
void write_times(Writer& w, const ZoneRules& zone, const EventTimes& times)
{
    const auto end = to_utc(times.start, zone) + std::int64_t { times.minutes } * 60;
    const auto local_end = to_local(end, zone);
    w.line("DTSTART" + zoned(zone, times.start));
    w.line(to_utc(local_end, zone) == end ? "DTEND" + zoned(zone, local_end) : "DTEND:" + utc_time(end));
}

void write_details(Writer& w, const SessionSeries& series, const std::string& summary, const OccurrenceChange* change)
{
    w.line("SUMMARY", escape_ical_text(summary));
    if (!series.room.empty())
        w.line("LOCATION", escape_ical_text(series.room));
    w.line("STATUS", change && change->cancelled ? "CANCELLED" : "CONFIRMED");
    if (change && !change->note.empty())
        w.line("DESCRIPTION", escape_ical_text(change->note));
}

void begin_event(Writer& w, const std::string& uid, std::int64_t stamp)
{
    w.line("BEGIN:VEVENT");
    w.line("UID", uid);
    w.line("DTSTAMP", utc_time(stamp));
}

// Whether a change makes its session differ from the series' own.
bool shows(const OccurrenceChange& c)
{
    return c.starts || c.duration_minutes || c.cancelled || !c.note.empty() || c.tutor_id || !c.attendance.empty();
}

void write_entry(Writer& w, const FeedEntry& entry, const ZoneRules& zone, const FeedOptions& options)
{
    const auto& series = entry.series;
    const auto uid = "series-" + std::to_string(series.id) + "@" + options.uid_domain;
    const bool theirs = !options.viewer_tutor || series.tutor_id == *options.viewer_tutor;
    auto handed_away = [&](const OccurrenceChange& c) {
        return options.viewer_tutor && c.tutor_id && *c.tutor_id != *options.viewer_tutor;
    };
    std::vector<const OccurrenceChange*> live;
    for (const auto& c : entry.changes) {
        if (is_occurrence(series.schedule, c.recurrence_id))
            live.push_back(&c);
    }
    if (!theirs) {
        // Another tutor's series: only the sessions handed to the viewer, each on its own.
        for (const auto* c : live) {
            if (!c->tutor_id || *c->tutor_id != *options.viewer_tutor)
                continue;
            begin_event(w, "series-" + std::to_string(series.id) + "-" + basic_time(c->recurrence_id) + "@"
                    + options.uid_domain,
                options.stamp_utc);
            write_times(w, zone, { c->starts.value_or(c->recurrence_id), c->duration_minutes.value_or(series.duration_minutes) });
            write_details(w, series, entry.summary, c);
            w.line("END:VEVENT");
        }
        return;
    }
    auto exdates = series.schedule.exdates;
    for (const auto* c : live) {
        if (handed_away(*c))
            exdates.push_back(c->recurrence_id);
    }
    std::sort(exdates.begin(), exdates.end());
    begin_event(w, uid, options.stamp_utc);
    write_times(w, zone, { series.schedule.dtstart, series.duration_minutes });
    if (series.schedule.rule)
        w.line("RRULE", rule_for_feed(*series.schedule.rule, zone));
    if (!series.schedule.rdates.empty())
        w.line("RDATE" + zoned_list(zone, series.schedule.rdates));
    if (!exdates.empty())
        w.line("EXDATE" + zoned_list(zone, exdates));
    write_details(w, series, entry.summary, nullptr);
    w.line("END:VEVENT");
    for (const auto* c : live) {
        if (handed_away(*c) || !shows(*c))
            continue;
        begin_event(w, uid, options.stamp_utc);
        w.line("RECURRENCE-ID" + zoned(zone, c->recurrence_id));
        write_times(w, zone, { c->starts.value_or(c->recurrence_id), c->duration_minutes.value_or(series.duration_minutes) });
        write_details(w, series, entry.summary, c);
        w.line("END:VEVENT");
    }
}

} // namespace

std::string escape_ical_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
            break;
        case '\n': out += "\\n"; break;
        default:
            // Other control characters are not allowed in TEXT; they are dropped.
            if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)
                out += c;
        }
    }
    return out;
}

std::string fold_ical_line(std::string_view line)
{
    std::string out;
    std::size_t taken = 0;
    std::size_t limit = 75;   // octets on the first line; 74 after the leading space of a continuation
    while (line.size() - taken > limit) {
        std::size_t cut = taken + limit;
        while (cut > taken && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;   // never inside a UTF-8 character
        out.append(line.substr(taken, cut - taken));
        out += "\r\n ";
        taken = cut;
        limit = 74;
    }
    out.append(line.substr(taken));
    out += "\r\n";
    return out;
}

std::string write_icalendar(const std::vector<FeedEntry>& entries, const ZoneRules& zone, const FeedOptions& options)
{
    Writer w;
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//Learnloop//Tutoring calendar//EN");
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.line("X-WR-CALNAME", escape_ical_text(options.calendar_name));
    w.line("X-WR-TIMEZONE", zone.name);
    // From the earliest series' start too: a calendar reads DTSTART in the zone.
    auto from = options.from_utc;
    for (const auto& entry : entries)
        from = std::min(from, to_utc(entry.series.schedule.dtstart, zone));
    write_timezone(w, zone, from, options.to_utc);
    for (const auto& entry : entries)
        write_entry(w, entry, zone, options);
    w.line("END:VCALENDAR");
    return w.take();
}

} // namespace learnloop
