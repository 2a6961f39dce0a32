// Civil date arithmetic (Howard Hinnant's days_from_civil) and due status.
#include "core/calendar.hpp"

#include <algorithm>
#include <cstdio>

namespace learnloop {

bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && is_leap_year(year))
        return 29;
    return days[month - 1];
}

std::int64_t days_from_civil(int year, int month, int day)
{
    std::int64_t y = year - (month <= 2 ? 1 : 0);
    std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    std::int64_t yoe = y - era * 400;
    std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::int64_t to_unix_seconds(const LocalDateTime& v)
{
    return days_from_civil(v.year, v.month, v.day) * 86400 + v.hour * 3600 + v.minute * 60 + v.second;
}

LocalDateTime from_unix_seconds(std::int64_t seconds)
{
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t rest = seconds - days * 86400;
    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    LocalDateTime v;
    v.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    v.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    v.year = static_cast<int>(yoe + era * 400 + (v.month <= 2 ? 1 : 0));
    v.hour = static_cast<int>(rest / 3600);
    v.minute = static_cast<int>(rest % 3600 / 60);
    v.second = static_cast<int>(rest % 60);
    return v;
}

Result<LocalDateTime> parse_local_datetime(std::string_view text, std::string_view field)
{
    auto invalid = [&](std::string message) {
        return make_error(ErrorCode::InvalidArgument, std::move(message), std::string(field));
    };
    // Exactly YYYY-MM-DDTHH:MM:SS.
    static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd";
    if (text.size() != shape.size())
        return invalid(std::string(field) + " must be a date and time like 2026-09-30T17:00:00");
    for (std::size_t i = 0; i < shape.size(); ++i) {
        bool ok = shape[i] == 'd' ? (text[i] >= '0' && text[i] <= '9') : text[i] == shape[i];
        if (!ok)
            return invalid(std::string(field) + " must be a date and time like 2026-09-30T17:00:00");
    }
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    LocalDateTime v { number(0, 4), number(5, 2), number(8, 2), number(11, 2), number(14, 2), number(17, 2) };
    if (v.year < 1900 || v.year > 2999)
        return invalid(std::string(field) + " must have a year from 1900 to 2999");
    if (v.month < 1 || v.month > 12)
        return invalid(std::string(field) + " has no month " + std::to_string(v.month));
    if (v.day < 1 || v.day > days_in_month(v.year, v.month))
        return invalid(std::string(field) + " has no day " + std::to_string(v.day) + " in that month");
    if (v.hour > 23 || v.minute > 59 || v.second > 59)
        return invalid(std::string(field) + " has an impossible time of day");
    return v;
}

std::string format_local_datetime(const LocalDateTime& v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", v.year, v.month, v.day, v.hour, v.minute,
        v.second);
    return buffer;
}

std::string_view month_short_name(int month)
{
    static constexpr const char* k_months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec" };
    return k_months[std::clamp(month, 1, 12) - 1];
}

std::string day_for_people(const LocalDateTime& v, bool with_year)
{
    static constexpr const char* k_weekdays[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };   // 1970-01-01 was a Thursday
    auto days = days_from_civil(v.year, v.month, v.day);
    auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s %d %s", k_weekdays[weekday], v.day, std::string(month_short_name(v.month)).c_str());
    std::string text = buffer;
    if (with_year) {
        std::snprintf(buffer, sizeof buffer, " %04d", v.year);
        text += buffer;
    }
    return text;
}

std::string format_for_people(const LocalDateTime& v)
{
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", v.hour, v.minute);
    return day_for_people(v, true) + ", " + clock;
}

std::optional<LocalDateTime> read_local_datetime(std::string_view text)
{
    auto parsed = parse_local_datetime(text.substr(0, 19), "time");
    return parsed.ok() ? std::optional(parsed.value()) : std::nullopt;
}

std::optional<LocalDateTime> read_local_day(std::string_view text)
{
    if (text.size() < 10)
        return std::nullopt;
    return read_local_datetime(std::string(text.substr(0, 10)) + "T00:00:00");
}

std::string local_day_text(const LocalDateTime& value) { return format_local_datetime(value).substr(0, 10); }

Result<int> parse_clock(std::string_view text, std::string_view field)
{
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return make_error(ErrorCode::InvalidArgument, std::string(field) + " must be a time, HH:MM", std::string(field));
    const int hour = (text[0] - '0') * 10 + (text[1] - '0'), minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        return make_error(ErrorCode::InvalidArgument, std::string(field) + " must be a time of day, 00:00 to 24:00",
            std::string(field));
    return hour * 60 + minute;
}

std::string clock_text(int minute_of_day)
{
    const int minutes = std::clamp(minute_of_day, 0, 24 * 60);
    char text[24];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

std::string_view weekday_name(int weekday)
{
    static constexpr std::string_view k_names[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday" };
    return k_names[std::clamp(weekday, 0, 6)];
}

std::string clock_for_people(std::string_view local)
{
    return std::string(local.size() >= 16 ? local.substr(11, 5) : local);
}

std::string period_for_people(std::string_view from_day, std::string_view to_day)
{
    auto day = [](std::string_view text, bool year) {
        auto d = text.size() == 10 ? read_local_day(text) : std::nullopt;
        if (!d)
            return std::string(text);
        return std::to_string(d->day) + " " + std::string(month_short_name(d->month))
            + (year ? " " + std::to_string(d->year) : "");
    };
    if (from_day == to_day)
        return day(from_day, true);
    const bool same_year = from_day.substr(0, 4) == to_day.substr(0, 4);
    return day(from_day, !same_year) + " \xE2\x80\x93 " + day(to_day, true);
}

std::string due_for_people(std::string_view text)
{
    auto parsed = parse_local_datetime(text);
    return parsed.ok() ? format_for_people(parsed.value()) : std::string(text);
}

Result<std::int64_t> parse_utc_timestamp(std::string_view text)
{
    if (text.size() < 20 || text.back() != 'Z')
        return make_error(ErrorCode::InvalidArgument, "time must look like 2026-11-22T09:30:00Z");
    auto local = TRY(parse_local_datetime(text.substr(0, 19), "time"));
    return to_unix_seconds(local);
}

std::string format_utc_timestamp(std::int64_t unix_seconds)
{
    return format_local_datetime(from_unix_seconds(unix_seconds)) + "Z";
}

} // namespace learnloop
