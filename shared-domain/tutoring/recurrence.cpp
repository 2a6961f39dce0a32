// RRULE text to RecurrenceRule and back ([SECTION] helpers, [SECTION] parts, [SECTION] create, [SECTION] to_text).
// The expansion lives in recurrence_expand.cpp.
#include "tutoring/recurrence.hpp"

#include "core/numbers.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

namespace learnloop {

namespace {

// [SECTION] helpers

constexpr std::array<std::string_view, 7> k_weekday_codes = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
// Longer text is not a rule anyone wrote by hand or by a calendar program; the
// cap keeps a hostile request from costing more than a glance.
constexpr std::size_t k_max_rule_length = 2048;

Error rule_error(std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), "rrule");
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// A decimal integer with an optional sign; at most 9 digits so it fits an int.
std::optional<int> parse_int(std::string_view text, bool allow_sign)
{
    bool negative = false;
    if (allow_sign && !text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    const auto value = whole_number(text);
    if (!value)
        return std::nullopt;
    return negative ? -*value : *value;
}

std::optional<Weekday> parse_weekday(std::string_view code)
{
    for (std::size_t i = 0; i < k_weekday_codes.size(); ++i)
        if (code == k_weekday_codes[i])
            return static_cast<Weekday>(i);
    return std::nullopt;
}

template<typename T>
void sort_unique(std::vector<T>& values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

// [SECTION] parts

// A list of integers in [low, high], optionally also [-high, -low]; zero is
// never allowed where negatives are (RFC 5545 has no "0th day").
struct IntRange {
    int low, high;
    bool negative_too;
    const char* meaning;   // "a day of the month is 1 to 31 or -31 to -1"
};

Result<std::vector<int>> parse_int_list(std::string_view name, std::string_view value, IntRange range)
{
    std::vector<int> out;
    for (auto item : split(value, ',')) {
        auto number = parse_int(item, range.negative_too);
        bool ok = number && ((*number >= range.low && *number <= range.high)
                                || (range.negative_too && *number <= -range.low && *number >= -range.high));
        if (!ok)
            return rule_error(std::string(name) + "=" + std::string(item) + ": " + range.meaning);
        out.push_back(*number);
    }
    sort_unique(out);
    return out;
}

Result<std::vector<WeekdayNum>> parse_by_day(std::string_view value)
{
    std::vector<WeekdayNum> out;
    for (auto item : split(value, ',')) {
        auto error = rule_error("BYDAY=" + std::string(item)
            + ": a day is MO, TU, WE, TH, FR, SA or SU, optionally after an ordinal 1 to 53 or -53 to -1 (2TU, -1FR)");
        if (item.size() < 2)
            return error;
        auto weekday = parse_weekday(item.substr(item.size() - 2));
        if (!weekday)
            return error;
        int ordinal = 0;
        if (item.size() > 2) {
            auto number = parse_int(item.substr(0, item.size() - 2), true);
            if (!number || *number == 0 || *number > 53 || *number < -53)
                return error;
            ordinal = *number;
        }
        out.push_back({ ordinal, *weekday });
    }
    sort_unique(out);
    return out;
}

// YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ (RFC 5545's DATE and DATE-TIME forms).
Result<Until> parse_until(std::string_view value)
{
    auto error = rule_error("UNTIL=" + std::string(value)
        + ": the end is a date (19971224), a date-time (19971224T090000) or a UTC date-time (19971224T140000Z)");
    Until until;
    if (value.size() == 8)
        until.kind = UntilKind::Date;
    else if (value.size() == 15 && value[8] == 'T')
        until.kind = UntilKind::Floating;
    else if (value.size() == 16 && value[8] == 'T' && value[15] == 'Z')
        until.kind = UntilKind::Utc;
    else
        return error;
    auto digits = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        return parse_int(value.substr(at, length), false);
    };
    auto year = digits(0, 4), month = digits(4, 2), day = digits(6, 2);
    if (!year || !month || !day || *year < 1 || *month < 1 || *month > 12 || *day < 1
        || *day > days_in_month(*year, *month))
        return error;
    until.value = { *year, *month, *day, 0, 0, 0 };
    if (until.kind != UntilKind::Date) {
        auto hour = digits(9, 2), minute = digits(11, 2), second = digits(13, 2);
        if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
            return error;
        until.value.hour = *hour;
        until.value.minute = *minute;
        until.value.second = *second;
    }
    return until;
}

// The combinations RFC 5545 section 3.3.10 forbids, checked once all parts are read.
Result<void> check_combinations(const RecurrenceRule& rule)
{
    bool has_ordinal = std::any_of(rule.by_day.begin(), rule.by_day.end(), [](auto d) { return d.ordinal != 0; });
    auto freq = rule.frequency;
    if (has_ordinal && freq != Frequency::Monthly && freq != Frequency::Yearly)
        return rule_error("BYDAY: an ordinal (2TU, -1FR) needs FREQ=MONTHLY or FREQ=YEARLY");
    if (has_ordinal && freq == Frequency::Yearly && !rule.by_week_no.empty())
        return rule_error("BYDAY: an ordinal (2TU, -1FR) cannot be combined with BYWEEKNO");
    if (!rule.by_month_day.empty() && freq == Frequency::Weekly)
        return rule_error("BYMONTHDAY cannot be used with FREQ=WEEKLY");
    if (!rule.by_year_day.empty() && freq != Frequency::Yearly)
        return rule_error("BYYEARDAY needs FREQ=YEARLY");
    if (!rule.by_week_no.empty() && freq != Frequency::Yearly)
        return rule_error("BYWEEKNO needs FREQ=YEARLY");
    bool other_by = !rule.by_second.empty() || !rule.by_minute.empty() || !rule.by_hour.empty() || !rule.by_day.empty()
        || !rule.by_month_day.empty() || !rule.by_year_day.empty() || !rule.by_week_no.empty() || !rule.by_month.empty();
    if (!rule.by_set_pos.empty() && !other_by)
        return rule_error("BYSETPOS needs another BYxxx part to choose from");
    return {};
}

} // namespace

// [SECTION] create

Result<RecurrenceRule> RecurrenceRule::create(std::string_view text)
{
    if (text.size() > k_max_rule_length)
        return rule_error("the rule is longer than " + std::to_string(k_max_rule_length) + " characters");
    auto normalised = upper(text);
    std::string_view rest = normalised;
    if (rest.substr(0, 6) == "RRULE:")
        rest.remove_prefix(6);
    // Calendar programs sometimes end the rule with a separator; nothing follows it.
    if (!rest.empty() && rest.back() == ';')
        rest.remove_suffix(1);
    if (rest.empty())
        return rule_error("the rule is empty; it needs at least FREQ, e.g. FREQ=WEEKLY");

    RecurrenceRule rule;
    bool has_freq = false;
    std::set<std::string, std::less<>> seen;
    for (auto part : split(rest, ';')) {
        auto equals = part.find('=');
        if (equals == std::string_view::npos || equals == 0 || equals + 1 == part.size())
            return rule_error(std::string(part).append(" is not a NAME=VALUE part"));
        auto name = part.substr(0, equals);
        auto value = part.substr(equals + 1);
        if (!seen.insert(std::string(name)).second)
            return rule_error(std::string(name) + " appears more than once");

        if (name == "FREQ") {
            has_freq = true;
            if (value == "DAILY")
                rule.frequency = Frequency::Daily;
            else if (value == "WEEKLY")
                rule.frequency = Frequency::Weekly;
            else if (value == "MONTHLY")
                rule.frequency = Frequency::Monthly;
            else if (value == "YEARLY")
                rule.frequency = Frequency::Yearly;
            else if (value == "SECONDLY" || value == "MINUTELY" || value == "HOURLY")
                return rule_error("FREQ=" + std::string(value)
                    + ": lessons repeat at most daily; use FREQ=DAILY with BYHOUR/BYMINUTE for several times a day");
            else
                return rule_error("FREQ=" + std::string(value) + ": the frequency is DAILY, WEEKLY, MONTHLY or YEARLY");
        } else if (name == "INTERVAL") {
            auto number = parse_int(value, false);
            if (!number || *number < 1 || *number > 10000)
                return rule_error("INTERVAL=" + std::string(value) + ": the interval is a whole number from 1 to 10000");
            rule.interval = *number;
        } else if (name == "COUNT") {
            auto number = parse_int(value, false);
            if (!number || *number < 1)
                return rule_error("COUNT=" + std::string(value) + ": the count is a whole number from 1 to 999999999");
            rule.count = *number;
        } else if (name == "UNTIL") {
            rule.until = TRY(parse_until(value));
        } else if (name == "BYSECOND") {
            // RFC 5545 allows 60 for a leap second; wall times here have none.
            rule.by_second = TRY(parse_int_list(name, value, { 0, 59, false, "a second is 0 to 59" }));
        } else if (name == "BYMINUTE") {
            rule.by_minute = TRY(parse_int_list(name, value, { 0, 59, false, "a minute is 0 to 59" }));
        } else if (name == "BYHOUR") {
            rule.by_hour = TRY(parse_int_list(name, value, { 0, 23, false, "an hour is 0 to 23" }));
        } else if (name == "BYDAY") {
            rule.by_day = TRY(parse_by_day(value));
        } else if (name == "BYMONTHDAY") {
            rule.by_month_day = TRY(parse_int_list(name, value, { 1, 31, true, "a day of the month is 1 to 31 or -31 to -1" }));
        } else if (name == "BYYEARDAY") {
            rule.by_year_day = TRY(parse_int_list(name, value, { 1, 366, true, "a day of the year is 1 to 366 or -366 to -1" }));
        } else if (name == "BYWEEKNO") {
            rule.by_week_no = TRY(parse_int_list(name, value, { 1, 53, true, "a week number is 1 to 53 or -53 to -1" }));
        } else if (name == "BYMONTH") {
            rule.by_month = TRY(parse_int_list(name, value, { 1, 12, false, "a month is 1 to 12" }));
        } else if (name == "BYSETPOS") {
            rule.by_set_pos = TRY(parse_int_list(name, value, { 1, 366, true, "a position is 1 to 366 or -366 to -1" }));
        } else if (name == "WKST") {
            auto weekday = parse_weekday(value);
            if (!weekday)
                return rule_error("WKST=" + std::string(value) + ": the week starts on MO, TU, WE, TH, FR, SA or SU");
            rule.week_start = *weekday;
        } else {
            return rule_error(std::string(name) + " is not a part of a recurrence rule this calendar knows");
        }
    }
    if (!has_freq)
        return rule_error("FREQ is required, e.g. FREQ=WEEKLY");
    if (rule.count && rule.until)
        return rule_error("COUNT and UNTIL cannot both end the same rule; keep one");
    TRY(check_combinations(rule));
    return rule;
}

// [SECTION] to_text

std::string RecurrenceRule::to_text() const
{
    static constexpr const char* k_frequencies[] = { "DAILY", "WEEKLY", "MONTHLY", "YEARLY" };
    std::string out = "FREQ=";
    out += k_frequencies[static_cast<int>(frequency)];
    auto add_list = [&](const char* name, const std::vector<int>& values) {
        if (values.empty())
            return;
        out += ";";
        out += name;
        out += "=";
        for (std::size_t i = 0; i < values.size(); ++i)
        {
            if (i)
                out += ',';
            out += std::to_string(values[i]);
        }
    };
    if (interval != 1)
        out += ";INTERVAL=" + std::to_string(interval);
    if (count)
        out += ";COUNT=" + std::to_string(*count);
    if (until) {
        char buffer[24];
        const auto& v = until->value;
        if (until->kind == UntilKind::Date)
            std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", v.year, v.month, v.day);
        else
            std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02d%s", v.year, v.month, v.day, v.hour, v.minute,
                v.second, until->kind == UntilKind::Utc ? "Z" : "");
        out += ";UNTIL=";
        out += buffer;
    }
    add_list("BYSECOND", by_second);
    add_list("BYMINUTE", by_minute);
    add_list("BYHOUR", by_hour);
    if (!by_day.empty()) {
        out += ";BYDAY=";
        for (std::size_t i = 0; i < by_day.size(); ++i) {
            if (i)
                out += ",";
            if (by_day[i].ordinal != 0)
                out += std::to_string(by_day[i].ordinal);
            out += weekday_code(by_day[i].weekday);
        }
    }
    add_list("BYMONTHDAY", by_month_day);
    add_list("BYYEARDAY", by_year_day);
    add_list("BYWEEKNO", by_week_no);
    add_list("BYMONTH", by_month);
    add_list("BYSETPOS", by_set_pos);
    if (week_start != Weekday::Monday) {
        out += ";WKST=";
        out += weekday_code(week_start);
    }
    return out;
}

std::string_view weekday_code(Weekday weekday)
{
    return k_weekday_codes[static_cast<std::size_t>(weekday)];
}

Weekday weekday_of(const LocalDateTime& value)
{
    // 1970-01-01 was a Thursday (index 3 counting from Monday).
    auto days = days_from_civil(value.year, value.month, value.day);
    return static_cast<Weekday>(((days % 7) + 7 + 3) % 7);
}

} // namespace learnloop
