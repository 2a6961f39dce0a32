// Clashes, availability and blocked dates (see conflicts.hpp).
#include "tutoring/conflicts.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace learnloop {

namespace {

std::string_view level_name(PolicyLevel level)
{
    switch (level) {
    case PolicyLevel::Off: return "off";
    case PolicyLevel::Warn: return "warn";
    case PolicyLevel::Block: return "block";
    }
    return "off";
}

Result<PolicyLevel> parse_level(const Json& json, std::string_view key)
{
    auto text = TRY(json_string_field(json, key));
    for (auto level : { PolicyLevel::Off, PolicyLevel::Warn, PolicyLevel::Block })
        if (level_name(level) == text)
            return level;
    return make_error(ErrorCode::InvalidArgument, std::string(key) + " must be off, warn or block", std::string(key));
}

std::string normalised_room(std::string_view room)
{
    std::string text(trim(room));
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int weekday_of(const LocalDateTime& t)
{
    std::int64_t days = days_from_civil(t.year, t.month, t.day);
    return static_cast<int>(((days + 4) % 7 + 7) % 7);   // 1970-01-01 was a Thursday
}

std::string date_text(const LocalDateTime& t)
{
    return format_local_datetime(t).substr(0, 10);
}

} // namespace

Result<ConflictPolicy> decode_conflict_policy(const Json& json)
{
    if (!json.is_object())
        return make_error(ErrorCode::InvalidArgument, "conflict_policy must be an object", "conflict_policy");
    TRY(json_only_fields(json, { "tutor", "student", "room" }));
    return ConflictPolicy { TRY(parse_level(json, "tutor")), TRY(parse_level(json, "student")),
        TRY(parse_level(json, "room")) };
}

Json to_json(const ConflictPolicy& policy)
{
    return { { "tutor", level_name(policy.tutor) }, { "student", level_name(policy.student) },
        { "room", level_name(policy.room) } };
}

ConflictReport find_conflicts(const BookedSession& proposed, const std::vector<BookedSession>& booked,
    const ConflictPolicy& policy)
{
    ConflictReport report;
    const std::string room = normalised_room(proposed.room);
    for (const auto& other : booked) {
        if (other.key == proposed.key || other.end <= proposed.start || other.start >= proposed.end)
            continue;
        auto add = [&](ConflictCheck check, PolicyLevel level, std::string who) {
            if (level == PolicyLevel::Off)
                return;
            report.conflicts.push_back({ check, level, other.key, who + " already has " + other.label });
            report.blocked = report.blocked || level == PolicyLevel::Block;
        };
        if (other.tutor_id == proposed.tutor_id)
            add(ConflictCheck::Tutor, policy.tutor, "The tutor");
        if (other.student_id == proposed.student_id)
            add(ConflictCheck::Student, policy.student, "The student");
        if (!room.empty() && normalised_room(other.room) == room)
            add(ConflictCheck::Room, policy.room, std::string(trim(other.room)));
    }
    return report;
}

Result<void> check_window(const AvailabilityWindow& window)
{
    if (!window.weekday && window.on_date.empty())
        return make_error(ErrorCode::InvalidArgument, "Give a weekday or a date", "weekday");
    if (window.weekday && !window.on_date.empty())
        return make_error(ErrorCode::InvalidArgument, "Give a weekday or a date, not both", "weekday");
    if (window.weekday && (*window.weekday < 0 || *window.weekday > 6))
        return make_error(ErrorCode::InvalidArgument, "weekday is 0 (Sunday) to 6 (Saturday)", "weekday");
    if (!window.weekday
        && (window.on_date.size() != 10 || !parse_local_datetime(window.on_date + "T00:00:00", "on_date").ok()))
        return make_error(ErrorCode::InvalidArgument, "on_date must be a date, YYYY-MM-DD", "on_date");
    if (window.start_minute < 0 || window.start_minute >= 24 * 60)
        return make_error(ErrorCode::InvalidArgument, "starts must be a time of day", "starts");
    if (window.end_minute <= window.start_minute || window.end_minute > 24 * 60)
        return make_error(ErrorCode::InvalidArgument, "ends must be after starts, on the same day", "ends");
    return {};
}

std::string window_for_people(const AvailabilityWindow& window)
{
    const auto span = clock_text(window.start_minute) + "\xE2\x80\x93" + clock_text(window.end_minute);
    if (window.weekday)
        return std::string(weekday_name(*window.weekday)) + "s, " + span;
    auto day = read_local_day(window.on_date);
    return (day ? day_for_people(*day, true) : window.on_date) + (window.available ? ": also " : ": away ") + span;
}

void sort_windows(std::vector<AvailabilityWindow>& windows)
{
    std::stable_sort(windows.begin(), windows.end(), [](const AvailabilityWindow& a, const AvailabilityWindow& b) {
        if (a.weekday.has_value() != b.weekday.has_value())
            return a.weekday.has_value();
        if (a.weekday && *a.weekday != *b.weekday)
            return *a.weekday < *b.weekday;
        if (a.on_date != b.on_date)
            return a.on_date < b.on_date;
        return a.start_minute < b.start_minute;
    });
}

bool within_availability(const std::vector<AvailabilityWindow>& windows, const LocalDateTime& start, int minutes)
{
    if (windows.empty())
        return true;
    const int from = start.hour * 60 + start.minute;
    const int to = from + minutes;
    if (to > 24 * 60)
        return false;   // windows are within a day; a session past midnight is outside them
    const int weekday = weekday_of(start);
    const std::string date = date_text(start);
    // The day's free minutes: weekly windows, plus the date's added time,
    // less the date's removed time.
    std::vector<bool> free(24 * 60, false);
    auto mark = [&](const AvailabilityWindow& w, bool value) {
        for (int m = std::max(0, w.start_minute); m < std::min(24 * 60, w.end_minute); ++m)
            free[m] = value;
    };
    for (const auto& w : windows)
        if (w.weekday && *w.weekday == weekday && w.available)
            mark(w, true);
    for (const auto& w : windows)
        if (!w.weekday && w.on_date == date && w.available)
            mark(w, true);
    for (const auto& w : windows)
        if (!w.weekday && w.on_date == date && !w.available)
            mark(w, false);
    for (int m = from; m < to; ++m)
        if (!free[m])
            return false;
    return true;
}

const BlockedDates* blocked_on(const std::vector<BlockedDates>& blocked, std::string_view day, std::int64_t tutor_id)
{
    for (const auto& b : blocked)
        if (day >= b.first_day && day <= b.last_day && (!b.tutor_id || *b.tutor_id == tutor_id))
            return &b;
    return nullptr;
}

} // namespace learnloop
