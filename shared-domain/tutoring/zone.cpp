// Zone rules: POSIX TZ strings, TZif parsing and wall time <-> UTC
// ([SECTION] POSIX TZ, [SECTION] rules, [SECTION] TZif, [SECTION] conversions).
#include "tutoring/zone.hpp"

#include <algorithm>
#include <cctype>

namespace learnloop {

namespace {

constexpr std::int64_t k_day = 86400;
// RFC 8536 section 3.2: offsets a TZif reader must accept, about a day each way.
constexpr int k_min_offset = -89999, k_max_offset = 93599;

Error zone_error(std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), "zone");
}

// [SECTION] POSIX TZ

// Reads a POSIX TZ string left to right.
struct PosixReader {
    std::string_view text;
    std::size_t at = 0;

    bool done() const { return at >= text.size(); }
    char peek() const { return done() ? '\0' : text[at]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++at;
        return true;
    }

    // "GMT", or "<+10>" for names that are not letters.
    std::optional<std::string> name()
    {
        if (take('<')) {
            auto close = text.find('>', at);
            if (close == std::string_view::npos || close - at < 3)
                return std::nullopt;
            std::string out(text.substr(at, close - at));
            at = close + 1;
            return out;
        }
        std::size_t start = at;
        while (!done() && std::isalpha(static_cast<unsigned char>(peek())))
            ++at;
        if (at - start < 3)
            return std::nullopt;
        return std::string(text.substr(start, at - start));
    }

    // [+-]h[h[h]][:mm[:ss]] in seconds, hours at most `max_hours`.
    std::optional<int> clock(int max_hours)
    {
        int sign = 1;
        if (take('-'))
            sign = -1;
        else
            take('+');
        auto number = [&](int max_digits) -> std::optional<int> {
            int value = 0, digits = 0;
            while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && digits < max_digits) {
                value = value * 10 + (peek() - '0');
                ++at;
                ++digits;
            }
            return digits ? std::optional<int>(value) : std::nullopt;
        };
        auto hours = number(3);
        if (!hours || *hours > max_hours)
            return std::nullopt;
        int seconds = *hours * 3600;
        if (take(':')) {
            auto minutes = number(2);
            if (!minutes || *minutes > 59)
                return std::nullopt;
            seconds += *minutes * 60;
            if (take(':')) {
                auto secs = number(2);
                if (!secs || *secs > 59)
                    return std::nullopt;
                seconds += *secs;
            }
        }
        return sign * seconds;
    }

    std::optional<int> integer(int low, int high)
    {
        int value = 0, digits = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && digits < 4) {
            value = value * 10 + (peek() - '0');
            ++at;
            ++digits;
        }
        if (!digits || value < low || value > high)
            return std::nullopt;
        return value;
    }

    std::optional<PosixDate> date()
    {
        PosixDate out;
        if (take('J')) {
            out.kind = PosixDate::Kind::JulianNoLeap;
            auto day = integer(1, 365);
            if (!day)
                return std::nullopt;
            out.day = *day;
        } else if (take('M')) {
            out.kind = PosixDate::Kind::MonthWeekDay;
            auto month = integer(1, 12);
            if (!month || !take('.'))
                return std::nullopt;
            auto week = integer(1, 5);
            if (!week || !take('.'))
                return std::nullopt;
            auto weekday = integer(0, 6);
            if (!weekday)
                return std::nullopt;
            out.month = *month;
            out.week = *week;
            out.weekday = *weekday;
        } else {
            out.kind = PosixDate::Kind::ZeroBased;
            auto day = integer(0, 365);
            if (!day)
                return std::nullopt;
            out.day = *day;
        }
        if (take('/')) {
            auto time = clock(167);
            if (!time)
                return std::nullopt;
            out.time = *time;
        }
        return out;
    }
};

// The local date (days since the epoch) a POSIX rule date falls on in `year`.
std::int64_t posix_day(const PosixDate& date, int year)
{
    std::int64_t jan1 = days_from_civil(year, 1, 1);
    switch (date.kind) {
    case PosixDate::Kind::JulianNoLeap:
        return jan1 + date.day - 1 + ((is_leap_year(year) && date.day >= 60) ? 1 : 0);
    case PosixDate::Kind::ZeroBased:
        return jan1 + date.day;
    case PosixDate::Kind::MonthWeekDay:
    default: {
        std::int64_t first = days_from_civil(year, date.month, 1);
        int first_weekday = static_cast<int>(((first % 7) + 7 + 4) % 7);   // Sunday 0; 1970-01-01 was a Thursday
        std::int64_t day = first + (date.weekday - first_weekday + 7) % 7 + 7 * (date.week - 1);
        std::int64_t last = days_from_civil(year, date.month, days_in_month(year, date.month));
        while (day > last)   // week 5 means the last such weekday
            day -= 7;
        return day;
    }
    }
}

// The footer's two changes in `year`, in order of time.
std::vector<ZoneTransition> posix_transitions(const PosixZone& zone, int year)
{
    if (!zone.daylight)
        return {};
    // Daylight time starts at a wall time read in standard time, and ends at
    // one read in daylight time.
    std::int64_t start = posix_day(zone.start, year) * k_day + zone.start.time - zone.standard.utc_offset;
    std::int64_t end = posix_day(zone.end, year) * k_day + zone.end.time - zone.daylight->utc_offset;
    std::vector<ZoneTransition> out = { { start, *zone.daylight }, { end, zone.standard } };
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    return out;
}

int utc_year(std::int64_t unix_seconds)
{
    return from_unix_seconds(unix_seconds).year;
}

LocalTimeType posix_type_at(const PosixZone& zone, std::int64_t t)
{
    if (!zone.daylight)
        return zone.standard;
    // The previous and next years' changes cover rules whose dates or times
    // cross the new year (southern zones, "all year daylight" v3 footers).
    int year = utc_year(t);
    std::optional<ZoneTransition> latest;
    for (int y = year - 1; y <= year + 1; ++y)
        for (const auto& change : posix_transitions(zone, y))
            if (change.at <= t && (!latest || change.at >= latest->at))
                latest = change;
    return latest ? latest->type : zone.standard;
}

bool valid_type(const LocalTimeType& type)
{
    return type.utc_offset >= k_min_offset && type.utc_offset <= k_max_offset;
}

} // namespace

Result<PosixZone> parse_posix_tz(std::string_view text)
{
    auto error = zone_error(std::string(text).append(" is not a POSIX TZ rule like GMT0BST,M3.5.0/1,M10.5.0"));
    PosixReader in { text };
    PosixZone zone;
    auto std_name = in.name();
    if (!std_name)
        return error;
    // POSIX offsets count hours west of Greenwich; ours count seconds east.
    auto std_offset = in.clock(24);
    if (!std_offset)
        return error;
    zone.standard = { -*std_offset, false, *std_name };
    if (in.done())
        return zone;
    auto dst_name = in.name();
    if (!dst_name)
        return error;
    LocalTimeType daylight { zone.standard.utc_offset + 3600, true, *dst_name };
    if (in.peek() != ',' && !in.done()) {
        auto dst_offset = in.clock(24);
        if (!dst_offset)
            return error;
        daylight.utc_offset = -*dst_offset;
    }
    zone.daylight = daylight;
    if (in.done()) {
        // POSIX leaves the default dates to the implementation; this is the
        // United States' rule, as glibc and the tz code use.
        zone.start = { PosixDate::Kind::MonthWeekDay, 0, 3, 2, 0, 7200 };
        zone.end = { PosixDate::Kind::MonthWeekDay, 0, 11, 1, 0, 7200 };
        return zone;
    }
    if (!in.take(','))
        return error;
    auto start = in.date();
    if (!start || !in.take(','))
        return error;
    auto end = in.date();
    if (!end || !in.done())
        return error;
    zone.start = *start;
    zone.end = *end;
    return zone;
}

// [SECTION] rules

Result<ZoneRules> ZoneRules::create(std::string name, LocalTimeType initial, std::vector<ZoneTransition> transitions,
    std::string_view footer)
{
    if (!valid_type(initial))
        return zone_error("the initial UTC offset " + std::to_string(initial.utc_offset) + " s is out of range");
    for (std::size_t i = 0; i < transitions.size(); ++i) {
        if (!valid_type(transitions[i].type))
            return zone_error("transition " + std::to_string(i) + " has an out-of-range UTC offset");
        if (i > 0 && transitions[i].at <= transitions[i - 1].at)
            return zone_error("transition " + std::to_string(i) + " is not later than the one before it");
    }
    ZoneRules zone { std::move(name), std::move(initial), std::move(transitions), std::string(footer), std::nullopt };
    if (!footer.empty()) {
        zone.posix = TRY(parse_posix_tz(footer));
        if (!valid_type(zone.posix->standard) || (zone.posix->daylight && !valid_type(*zone.posix->daylight)))
            return zone_error("the footer's UTC offsets are out of range");
    }
    return zone;
}

// [SECTION] TZif

namespace {

// Big-endian reads with bounds checks: every count in the file is untrusted.
struct ByteReader {
    std::string_view bytes;
    std::size_t at = 0;

    bool has(std::uint64_t n) const { return n <= bytes.size() - at; }
    std::uint64_t unsigned_be(std::size_t n)
    {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < n; ++i)
            value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
        at += n;
        return value;
    }
    std::int64_t signed_be(std::size_t n)
    {
        auto value = unsigned_be(n);
        if (n == 4)
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
        return static_cast<std::int64_t>(value);
    }
};

struct TzifHeader {
    char version = 0;
    std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    std::uint64_t data_size(std::uint64_t time_size) const
    {
        return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt;
    }
};

// `for_data`: the block after this header is the one read. The 32-bit block
// of a version 2+ file is skipped, and writers may leave it empty.
Result<TzifHeader> read_header(ByteReader& in, bool for_data)
{
    if (!in.has(44) || in.bytes.substr(in.at, 4) != "TZif")
        return zone_error("not a TZif file (it must start with \"TZif\")");
    in.at += 4;
    TzifHeader header;
    header.version = in.bytes[in.at];
    if (header.version != '\0' && header.version != '2' && header.version != '3' && header.version != '4')
        return zone_error("unknown TZif version");
    in.at += 16;
    header.isutcnt = in.unsigned_be(4);
    header.isstdcnt = in.unsigned_be(4);
    header.leapcnt = in.unsigned_be(4);
    header.timecnt = in.unsigned_be(4);
    header.typecnt = in.unsigned_be(4);
    header.charcnt = in.unsigned_be(4);
    if (for_data && (header.typecnt == 0 || header.typecnt > 256 || header.charcnt == 0))
        return zone_error("a TZif file needs 1 to 256 local time types and their abbreviations");
    if ((header.isutcnt != 0 && header.isutcnt != header.typecnt)
        || (header.isstdcnt != 0 && header.isstdcnt != header.typecnt))
        return zone_error("TZif standard/UT indicator counts do not match the type count");
    if (header.leapcnt != 0)
        return zone_error("TZif files with leap seconds (the right/ zones) are not supported");
    return header;
}

struct TzifBlock {
    std::vector<ZoneTransition> transitions;
    LocalTimeType first_type;
};

Result<TzifBlock> read_block(ByteReader& in, const TzifHeader& header, std::size_t time_size)
{
    if (!in.has(header.data_size(time_size)))
        return zone_error("the TZif file is shorter than its header says");
    std::vector<std::int64_t> times(header.timecnt);
    for (auto& t : times)
        t = in.signed_be(time_size);
    std::vector<std::size_t> indexes(header.timecnt);
    for (auto& index : indexes) {
        index = static_cast<std::size_t>(in.unsigned_be(1));
        if (index >= header.typecnt)
            return zone_error("a TZif transition names a local time type that does not exist");
    }
    struct RawType {
        std::int64_t offset;
        bool dst;
        std::size_t designation;
    };
    std::vector<RawType> raw(header.typecnt);
    for (auto& type : raw) {
        type.offset = in.signed_be(4);
        auto dst = in.unsigned_be(1);
        type.designation = static_cast<std::size_t>(in.unsigned_be(1));
        if (dst > 1 || type.designation >= header.charcnt || type.offset < k_min_offset || type.offset > k_max_offset)
            return zone_error("a TZif local time type is malformed");
        type.dst = dst == 1;
    }
    auto chars = in.bytes.substr(in.at, header.charcnt);
    in.at += header.charcnt;
    in.at += header.isstdcnt + header.isutcnt;   // only needed by POSIX-TZ-less readers of old files
    std::vector<LocalTimeType> types;
    for (const auto& type : raw) {
        auto end = chars.find('\0', type.designation);
        if (end == std::string_view::npos)
            return zone_error("a TZif abbreviation is not terminated");
        types.push_back({ static_cast<int>(type.offset), type.dst, std::string(chars.substr(type.designation,
            end - type.designation)) });
    }
    TzifBlock block { {}, types[0] };
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (i > 0 && times[i] <= times[i - 1])
            return zone_error("TZif transition times are not in increasing order");
        block.transitions.push_back({ times[i], types[indexes[i]] });
    }
    return block;
}

} // namespace

Result<ZoneRules> parse_tzif(std::string_view bytes, std::string name)
{
    ByteReader in { bytes };
    auto header = TRY(read_header(in, false));
    if (header.version == '\0') {
        in.at = 0;
        header = TRY(read_header(in, true));
        auto block = TRY(read_block(in, header, 4));
        return ZoneRules::create(std::move(name), block.first_type, std::move(block.transitions), "");
    }
    // Version 2 and later repeat the data with 64-bit times after the 32-bit
    // block; only the second is read, as RFC 8536 recommends.
    if (!in.has(header.data_size(4)))
        return zone_error("the TZif file is shorter than its header says");
    in.at += header.data_size(4);
    auto header64 = TRY(read_header(in, true));
    auto block = TRY(read_block(in, header64, 8));
    if (!in.has(1) || in.bytes[in.at] != '\n')
        return zone_error("the TZif footer is missing");
    auto close = bytes.find('\n', in.at + 1);
    if (close == std::string_view::npos)
        return zone_error("the TZif footer is not terminated");
    auto footer = bytes.substr(in.at + 1, close - in.at - 1);
    return ZoneRules::create(std::move(name), block.first_type, std::move(block.transitions), footer);
}

// [SECTION] conversions

LocalTimeType type_at(const ZoneRules& zone, std::int64_t t)
{
    const auto& list = zone.transitions;
    if (list.empty())
        return zone.posix ? posix_type_at(*zone.posix, t) : zone.initial;
    if (t < list.front().at)
        return zone.initial;
    if (t >= list.back().at && zone.posix)
        return posix_type_at(*zone.posix, t);
    auto after = std::upper_bound(list.begin(), list.end(), t, [](std::int64_t v, const auto& x) { return v < x.at; });
    return std::prev(after)->type;
}

std::vector<ZoneTransition> transitions_between(const ZoneRules& zone, std::int64_t from, std::int64_t to)
{
    std::vector<ZoneTransition> out;
    auto first = std::lower_bound(zone.transitions.begin(), zone.transitions.end(), from,
        [](const auto& x, std::int64_t v) { return x.at < v; });
    for (auto it = first; it != zone.transitions.end() && it->at < to; ++it)
        out.push_back(*it);
    if (!zone.posix || !zone.posix->daylight || from >= to)
        return out;
    // The footer takes over after the last listed transition; a change it
    // computes that leaves the type as it was is not a transition.
    std::int64_t start = zone.transitions.empty() ? from : std::max(from, zone.transitions.back().at + 1);
    if (start >= to)
        return out;
    std::vector<ZoneTransition> computed;
    for (int year = utc_year(start) - 1; year <= utc_year(to) + 1; ++year)
        for (const auto& change : posix_transitions(*zone.posix, year))
            if (change.at >= start && change.at < to)
                computed.push_back(change);
    // A year's end and the next year's start can fall on the same instant (a
    // v3 "daylight all year" footer); the later one in rule order wins.
    std::stable_sort(computed.begin(), computed.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    auto current = type_at(zone, start - 1);
    for (std::size_t i = 0; i < computed.size(); ++i) {
        if (i + 1 < computed.size() && computed[i + 1].at == computed[i].at)
            continue;
        if (computed[i].type == current)
            continue;
        out.push_back(computed[i]);
        current = computed[i].type;
    }
    return out;
}

LocalDateTime to_local(std::int64_t unix_seconds, const ZoneRules& zone)
{
    return from_unix_seconds(unix_seconds + type_at(zone, unix_seconds).utc_offset);
}

std::int64_t to_utc(const LocalDateTime& local, const ZoneRules& zone)
{
    std::int64_t wall = to_unix_seconds(local);
    // Offsets are within 26 hours, so every instant that could show this wall
    // time lies within two days of it.
    std::int64_t window_start = wall - 2 * k_day, window_end = wall + 2 * k_day;
    auto changes = transitions_between(zone, window_start, window_end);
    std::vector<int> offsets = { type_at(zone, window_start).utc_offset };
    for (const auto& change : changes)
        offsets.push_back(change.type.utc_offset);
    std::optional<std::int64_t> earliest;
    for (int offset : offsets) {
        std::int64_t t = wall - offset;
        if (type_at(zone, t).utc_offset == offset && (!earliest || t < *earliest))
            earliest = t;
    }
    if (earliest)
        return *earliest;
    // No instant shows this wall time: it is in a gap. Read it with the
    // offset from before the gap, which lands after the gap by as much.
    auto before = type_at(zone, window_start).utc_offset;
    for (const auto& change : changes) {
        if (change.at + before <= wall && wall < change.at + change.type.utc_offset)
            return wall - before;
        before = change.type.utc_offset;
    }
    return wall - type_at(zone, wall).utc_offset;   // unreachable for consistent rules
}

ZoneWindow::ZoneWindow(const ZoneRules& zone, std::int64_t from, std::int64_t to)
    : m_zone(&zone)
    , m_from(from)
    , m_to(to)
    , m_before(type_at(zone, from).utc_offset)
    , m_changes(transitions_between(zone, from, to))
{
}

int ZoneWindow::offset_at(std::int64_t unix_seconds) const
{
    auto next = std::upper_bound(m_changes.begin(), m_changes.end(), unix_seconds,
        [](std::int64_t v, const auto& x) { return v < x.at; });
    return next == m_changes.begin() ? m_before : std::prev(next)->type.utc_offset;
}

bool ZoneWindow::changes_within(std::int64_t from, std::int64_t to) const
{
    auto next = std::lower_bound(m_changes.begin(), m_changes.end(), from,
        [](const auto& x, std::int64_t v) { return x.at < v; });
    return next != m_changes.end() && next->at < to;
}

std::int64_t ZoneWindow::to_utc(const LocalDateTime& local) const
{
    const std::int64_t wall = to_unix_seconds(local);
    constexpr std::int64_t reach = 2 * k_day;   // as learnloop::to_utc looks around a wall time
    if (wall - reach < m_from || wall + reach > m_to || changes_within(wall - reach, wall + reach))
        return learnloop::to_utc(local, *m_zone);   // near the window's edge or a change: the careful way
    // No change within two days: one offset holds all around.
    return wall - offset_at(wall - reach);
}

LocalDateTime ZoneWindow::to_local(std::int64_t unix_seconds) const
{
    if (unix_seconds < m_from || unix_seconds >= m_to)
        return learnloop::to_local(unix_seconds, *m_zone);
    return from_unix_seconds(unix_seconds + offset_at(unix_seconds));
}

RecurrenceRule localize_until(const RecurrenceRule& rule, const ZoneRules& zone)
{
    RecurrenceRule out = rule;
    if (out.until && out.until->kind == UntilKind::Utc)
        out.until = Until { to_local(to_unix_seconds(out.until->value), zone), UntilKind::Floating };
    return out;
}

} // namespace learnloop
