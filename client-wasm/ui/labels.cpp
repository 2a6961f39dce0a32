// Words for people (see labels.hpp).
#include "ui/labels.hpp"

#include "core/calendar.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace learnloop::client::ui {

namespace {

std::string capitalised(std::string_view name)
{
    std::string text(name);
    for (char& c : text)
        if (c == '_' || c == '.')
            c = ' ';
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

} // namespace

std::string role_label(std::string_view name, TenantKind kind)
{
    auto role = parse_role(name);
    return role.ok() ? std::string(role_title(role.value(), kind)) : capitalised(name);
}

std::string_view mastery_level_label(MasteryLevel level) { return mastery_level_for_people(level); }

std::string mastery_level_label(std::string_view name)
{
    for (auto level : { MasteryLevel::NotStarted, MasteryLevel::Attempted, MasteryLevel::Familiar,
             MasteryLevel::Proficient, MasteryLevel::Mastered })
        if (mastery_level_name(level) == name)
            return std::string(mastery_level_label(level));
    return capitalised(name);
}

std::string_view verdict_label(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Correct: return "Correct";
    case Verdict::Partial: return "Partly right";
    case Verdict::Incorrect: return "Not right yet";
    }
    return "Not right yet";
}

std::string verdict_label(std::string_view name)
{
    for (auto verdict : { Verdict::Correct, Verdict::Partial, Verdict::Incorrect })
        if (verdict_name(verdict) == name)
            return std::string(verdict_label(verdict));
    return capitalised(name);
}

std::string status_label_text(std::string_view status)
{
    struct Word {
        std::string_view status, label;
    };
    static constexpr Word words[] = {
        { "upcoming", "Upcoming" }, { "due_soon", "Due soon" }, { "overdue", "Overdue" }, { "missing", "Missing" },
        { "submitted", "Submitted" }, { "late", "Handed in late" }, { "graded", "Graded" },
    };
    for (const auto& word : words)
        if (word.status == status)
            return std::string(word.label);
    return capitalised(status);
}

std::string audit_action_label(std::string_view action)
{
    struct Word {
        std::string_view action, label;
    };
    // Verb phrases that follow a person's name: "Tara Teacher graded ...".
    static constexpr Word words[] = {
        { "assignment.create", "set the assignment" },
        { "assignment.update", "changed the assignment" },
        { "assignment.delete", "deleted the assignment" },
        { "submission.create", "handed in" },
        { "submission.update", "handed in again" },
        { "submission.grade", "graded" },
        { "class.create", "created the class" },
        { "class.add_member", "added a student to" },
        { "class.remove_member", "removed a student from" },
        { "user.create", "added the account of" },
        { "user.update", "changed the account of" },
        { "user.deactivate", "deactivated the account of" },
        { "user.approve", "approved the account of" },
        { "user.refuse", "refused the account of" },
        { "user.password_change", "changed their password" },
        { "session.create", "signed in" },
        { "session.refresh", "stayed signed in" },
        { "session.revoke", "signed out" },
        { "parent_link.create", "linked a parent" },
        { "parent_link.redeem", "linked their child with a code" },
        { "parent_link_code.create", "made a parent link code" },
        { "tenant.create", "created the school" },
        { "tenant.signup_policy", "changed who may sign up" },
        { "target.assign", "assigned learning targets" },
        { "task_set.create", "started a practice set" },
        { "task.answer", "answered a practice task" },
        { "curriculum.seed", "loaded the curriculum" },
        { "curriculum.target.create", "added a learning target" },
        { "curriculum.template.create", "added a task template" },
        { "kt.refit", "re-tuned the mastery estimates" },
        { "demo.seed", "set up the demo class" },
        { "demo.history", "made the demo's history" },
        { "series.create", "booked sessions" },
        { "series.update", "changed a series of sessions" },
        { "series.split", "changed sessions from a date on" },
        { "session.change", "changed a session" },
        { "attendance.log", "logged a session" },
        { "tutoring_settings.update", "changed the business's settings" },
        { "blocked_dates.create", "blocked dates" },
        { "blocked_dates.delete", "unblocked dates" },
        { "calendar_feed.create", "made a calendar feed" },
        { "calendar_feed.revoke", "turned off a calendar feed" },
        { "rate.create", "added a rate" },
        { "invoice.create", "drafted an invoice" },
        { "invoice.issue", "issued an invoice" },
        { "invoice.void", "voided an invoice" },
        { "payment.create", "recorded a payment" },
    };
    for (const auto& word : words)
        if (word.action == action)
            return std::string(word.label);
    std::string text = capitalised(action);
    if (!text.empty())
        text[0] = static_cast<char>(text[0] >= 'A' && text[0] <= 'Z' ? text[0] - 'A' + 'a' : text[0]);
    return text;
}

std::string format_percent(double share)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", std::round(share * 100));
    return buffer;
}

std::string when_for_people(std::string_view local, std::string_view today)
{
    auto at = read_local_datetime(local);
    if (!at)
        return std::string(local);
    const auto& t = *at;
    const auto clock = clock_for_people(local);
    if (auto day = read_local_day(today)) {
        auto days_ago = days_from_civil(day->year, day->month, day->day) - days_from_civil(t.year, t.month, t.day);
        if (days_ago == 0)
            return std::string("Today, ") + clock;
        if (days_ago == 1)
            return std::string("Yesterday, ") + clock;
    }
    return format_for_people(t);
}

std::string short_date(std::string_view local)
{
    auto at = read_local_datetime(local);
    return at ? day_for_people(*at, false) : std::string(local);
}

std::string in_form_words(std::string message,
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields)
{
    for (const auto& [field, label] : fields)
        if (message.rfind(field, 0) == 0)
            message = std::string(label) + message.substr(field.size());
    if (!message.empty() && message[0] >= 'a' && message[0] <= 'z')
        message[0] = static_cast<char>(message[0] - 'a' + 'A');
    return message;
}

std::optional<int> whole_number(const char* text, int most)
{
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 0 || value > most)
        return std::nullopt;
    return static_cast<int>(value);
}

} // namespace learnloop::client::ui
