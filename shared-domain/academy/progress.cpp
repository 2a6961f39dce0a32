// Points, badges and the study streak (see progress.hpp).
#include "academy/progress.hpp"

#include "academy/quiz.hpp"
#include "core/calendar.hpp"
#include "core/numbers.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace learnloop {

namespace {

std::int64_t local_day(std::int64_t unix_seconds, const ZoneRules& zone)
{
    const auto local = to_local(unix_seconds, zone);
    return days_from_civil(local.year, local.month, local.day);
}

// Weeks from Monday to Sunday, numbered (day 0, 1 Jan 1970, was a Thursday).
std::int64_t week_of(std::int64_t day)
{
    const auto shifted = day + 3;
    return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7;
}

// Study streaks, walked forward day by day from the first study day to
// today: a study day adds one; a missed day is bridged by its week's freeze
// when a streak is running and the freeze is unspent, else the streak ends;
// today, not over yet, neither adds nor breaks.
struct Streaks {
    int current = 0;
    int longest = 0;
    std::set<std::int64_t> frozen_weeks;   // every week whose freeze is spent
    std::set<std::int64_t> frozen_now;     // those spent within the current streak
};
Streaks walk_streaks(const std::set<std::int64_t>& days, std::int64_t today)
{
    Streaks s;
    if (days.empty())
        return s;
    for (auto d = *days.begin(); d <= today; ++d) {
        if (days.count(d))
            ++s.current;
        else if (d == today)
            continue;
        else if (s.current > 0 && s.frozen_weeks.insert(week_of(d)).second) {
            s.frozen_now.insert(week_of(d));
            continue;   // bridged
        } else {
            s.current = 0;
            s.frozen_now.clear();
        }
        s.longest = std::max(s.longest, s.current);
    }
    return s;
}

int xp_of(double credit) { return static_cast<int>(std::lround(k_xp_per_question * std::clamp(credit, 0.0, 1.0))); }

// XP over answers and hand-ins (each sorted by time): each question's best
// credit counted once (the gain when it rises); a quiz's first hand-in and
// its first perfect one. With what the badges read.
struct XpWalk {
    EarnedXp earned;
    bool handed_in_any = false;
    bool any_perfect = false;
};

XpWalk walk_xp(const std::vector<ProgressAnswer>& answers, const std::vector<ProgressQuiz>& quizzes,
    std::int64_t now_unix)
{
    XpWalk walk;
    auto& e = walk.earned;
    const auto week_ago = now_unix - 7 * 86400;
    std::map<std::string, double> best;
    for (const auto& a : answers) {
        if (a.answered_unix > now_unix)
            continue;
        const double credit = hinted_credit(a.score, a.hints);
        auto& so_far = best[a.code];
        const int gain = xp_of(credit) - xp_of(so_far);
        if (gain > 0) {
            e.xp += gain;
            if (a.answered_unix >= week_ago)
                e.xp_this_week += gain;
            so_far = credit;
        }
    }
    std::set<std::int64_t> handed_in, perfect;
    for (const auto& q : quizzes) {
        if (q.submitted_unix > now_unix)
            continue;
        int gain = 0;
        if (handed_in.insert(q.quiz_id).second)
            gain += k_xp_per_quiz;
        if (q.share >= 1.0 - 1e-9) {
            walk.any_perfect = true;
            if (perfect.insert(q.quiz_id).second)
                gain += k_xp_perfect_quiz;
        }
        e.xp += gain;
        if (q.submitted_unix >= week_ago)
            e.xp_this_week += gain;
    }
    walk.handed_in_any = !handed_in.empty();
    return walk;
}

void sort_by_time(std::vector<ProgressAnswer>& answers, std::vector<ProgressQuiz>& quizzes)
{
    std::stable_sort(answers.begin(), answers.end(),
        [](const auto& a, const auto& b) { return a.answered_unix < b.answered_unix; });
    std::stable_sort(quizzes.begin(), quizzes.end(),
        [](const auto& a, const auto& b) { return a.submitted_unix < b.submitted_unix; });
}

} // namespace

StudyProgress study_progress(std::vector<ProgressAnswer> answers, std::vector<ProgressQuiz> quizzes,
    int proficient_skills, const ZoneRules& zone, std::int64_t now_unix)
{
    StudyProgress p;
    sort_by_time(answers, quizzes);

    const auto walk = walk_xp(answers, quizzes, now_unix);
    p.xp = walk.earned.xp;
    p.xp_this_week = walk.earned.xp_this_week;
    const bool any_perfect = walk.any_perfect;
    std::set<std::int64_t> days;
    for (const auto& a : answers)
        if (a.answered_unix <= now_unix)
            days.insert(local_day(a.answered_unix, zone));

    // The streak, on the student's calendar.
    const auto today = local_day(now_unix, zone);
    p.studied_today = days.count(today) > 0;
    const auto streaks = walk_streaks(days, today);
    p.streak = streaks.current;
    p.longest_streak = streaks.longest;
    p.freeze_used_this_week = p.streak > 0 && streaks.frozen_now.count(week_of(today)) > 0;

    auto badge = [&](std::string key, std::string name, std::string description, bool earned, std::string progress) {
        p.badges.push_back({ std::move(key), std::move(name), std::move(description), earned,
            earned ? std::string() : std::move(progress) });
    };
    badge("first-quiz", "First quiz handed in", "Hand in any quiz", walk.handed_in_any, "not yet");
    badge("first-perfect-quiz", "First perfect quiz", "Every question of a quiz right", any_perfect, "not yet");
    badge("five-proficient", "Five skills proficient", "Five skills at proficient or above", proficient_skills >= 5,
        std::to_string(std::min(proficient_skills, 5)) + " of 5 skills");
    badge("week-streak", "Seven-day streak", "Study seven days in a row (a week's freeze may bridge a day)",
        p.longest_streak >= 7, "longest so far: " + streak_for_people(p.longest_streak));
    badge("xp-100", "100 XP", "Earn 100 points", p.xp >= 100, format_number(p.xp, 0) + " of 100 XP");
    badge("xp-1000", "1,000 XP", "Earn 1,000 points", p.xp >= 1000, format_number(p.xp, 0) + " of 1,000 XP");
    return p;
}

std::string streak_for_people(int days)
{
    if (days <= 0)
        return "No streak yet";
    return std::to_string(days) + (days == 1 ? " day" : " days");
}

// [SECTION] a course's leaderboard --------------------------------------------

EarnedXp earned_xp(std::vector<ProgressAnswer> answers, std::vector<ProgressQuiz> quizzes, std::int64_t now_unix)
{
    sort_by_time(answers, quizzes);
    return walk_xp(answers, quizzes, now_unix).earned;
}

std::vector<LeaderboardRow> rank_leaderboard(std::vector<LeaderboardEntry> entries, std::int64_t viewer,
    bool full_names, std::size_t most)
{
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        if (a.earned.xp != b.earned.xp)
            return a.earned.xp > b.earned.xp;
        if (a.name != b.name)
            return a.name < b.name;
        return a.student_id < b.student_id;
    });
    std::vector<LeaderboardRow> rows;
    int rank = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (i == 0 || e.earned.xp != entries[i - 1].earned.xp)
            rank = static_cast<int>(i + 1);
        const bool you = e.student_id == viewer;
        if (!full_names && i >= most && !you)
            continue;
        rows.push_back({ rank, e.student_id, full_names ? e.name : name_on_leaderboard(e.name), e.earned.xp,
            e.earned.xp_this_week, you });
    }
    return rows;
}

std::string name_on_leaderboard(std::string_view full_name)
{
    auto words = std::vector<std::string_view> {};
    std::size_t at = 0;
    while (at < full_name.size()) {
        auto end = full_name.find(' ', at);
        if (end == std::string_view::npos)
            end = full_name.size();
        if (end > at)
            words.push_back(full_name.substr(at, end - at));
        at = end + 1;
    }
    if (words.size() < 2)
        return std::string(full_name);
    const auto last = words.back();
    const auto initial = decode_utf8_at(last, 0);
    return std::string(words.front()) + " " + std::string(last.substr(0, initial.length)) + ".";
}

} // namespace learnloop
