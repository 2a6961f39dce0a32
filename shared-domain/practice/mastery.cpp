// Mastery from answers: the BKT update, mastery levels, what-if previews,
// weak spots and the weekly summary for parents. Pure functions over plain
// data, run by the browser (previews) and the server (stored mastery).
// Fitting and evaluation are in knowledge_tracing.cpp.
#include "practice/mastery.hpp"

#include <algorithm>
#include <cmath>

namespace learnloop {

// [SECTION] BKT ------------------------------------------------------------

double bkt_predict(const BktParams& p, double known)
{
    return known * (1 - p.slip) + (1 - known) * p.guess;
}

double bkt_update(const BktParams& p, double known, bool correct)
{
    double posterior = correct ? known * (1 - p.slip) / bkt_predict(p, known)
                               : known * p.slip / (known * p.slip + (1 - known) * (1 - p.guess));
    return posterior + (1 - posterior) * p.learn;
}

double bkt_update_credit(const BktParams& p, double known, double credit)
{
    credit = std::clamp(credit, 0.0, 1.0);
    return credit * bkt_update(p, known, true) + (1 - credit) * bkt_update(p, known, false);
}

// [SECTION] levels ---------------------------------------------------------

std::string_view mastery_level_for_people(MasteryLevel level)
{
    switch (level) {
    case MasteryLevel::NotStarted: return "Not started";
    case MasteryLevel::Attempted: return "Attempted";
    case MasteryLevel::Familiar: return "Familiar";
    case MasteryLevel::Proficient: return "Proficient";
    case MasteryLevel::Mastered: return "Mastered";
    }
    return "Not started";
}

double level_threshold(MasteryLevel level)
{
    switch (level) {
    case MasteryLevel::NotStarted: return 0;
    case MasteryLevel::Attempted: return 0;
    case MasteryLevel::Familiar: return 0.5;
    case MasteryLevel::Proficient: return 0.8;
    case MasteryLevel::Mastered: return 0.95;
    }
    return 1;
}

MasteryLevel mastery_level(double known, int attempts)
{
    if (attempts <= 0)
        return MasteryLevel::NotStarted;
    if (known >= level_threshold(MasteryLevel::Mastered))
        return MasteryLevel::Mastered;
    if (known >= level_threshold(MasteryLevel::Proficient))
        return MasteryLevel::Proficient;
    if (known >= level_threshold(MasteryLevel::Familiar))
        return MasteryLevel::Familiar;
    return MasteryLevel::Attempted;
}

std::string_view mastery_level_name(MasteryLevel level)
{
    switch (level) {
    case MasteryLevel::NotStarted: return "not_started";
    case MasteryLevel::Attempted: return "attempted";
    case MasteryLevel::Familiar: return "familiar";
    case MasteryLevel::Proficient: return "proficient";
    case MasteryLevel::Mastered: return "mastered";
    }
    return "not_started";
}

int answers_to_reach(const BktParams& p, double known, MasteryLevel level)
{
    double threshold = level_threshold(level);
    for (int n = 0; n <= 50; ++n) {
        if (known >= threshold)
            return n;
        known = bkt_update(p, known, true);
    }
    return -1;
}

bool is_weak_spot(const TargetMastery& target, int min_attempts)
{
    return target.attempts >= min_attempts && target.known < level_threshold(MasteryLevel::Familiar);
}

std::vector<TargetMastery> weak_spots(std::vector<TargetMastery> targets, int min_attempts)
{
    std::erase_if(targets, [&](const TargetMastery& t) { return !is_weak_spot(t, min_attempts); });
    std::stable_sort(targets.begin(), targets.end(), [](const auto& a, const auto& b) { return a.known < b.known; });
    return targets;
}

std::string weekly_summary(std::string_view student_name, std::vector<PracticeAnswer> answers,
    const std::vector<TargetEstimate>& known_now, const std::vector<std::string>& weak_target_titles,
    std::int64_t now_unix, std::string_view noun)
{
    constexpr std::int64_t k_week = 7 * 86400;
    std::stable_sort(answers.begin(), answers.end(),
        [](const auto& a, const auto& b) { return a.answered_unix < b.answered_unix; });
    std::string name(student_name);
    int count = 0, right = 0;
    // Progress per target over the week: the estimate before the week's
    // first answer (after the last earlier one) to the estimate now.
    struct Progress {
        double before = -1, after = 0;
        bool this_week = false;
    };
    std::vector<std::pair<std::string, Progress>> progress;
    auto entry = [&](const std::string& title) -> Progress& {
        for (auto& [t, p] : progress)
            if (t == title)
                return p;
        progress.emplace_back(title, Progress {});
        return progress.back().second;
    };
    for (const auto& a : answers) {
        if (a.answered_unix > now_unix)
            continue;
        auto& p = entry(a.target_title);
        if (a.answered_unix <= now_unix - k_week) {
            p.before = a.known_after;
            continue;
        }
        ++count;
        right += a.correct ? 1 : 0;
        p.after = a.known_after;
        p.this_week = true;
    }
    if (count == 0)
        return name + " did no practice this week.";
    for (const auto& estimate : known_now)
        for (auto& [title, p] : progress)
            if (title == estimate.target_title)
                p.after = estimate.known;
    std::string text = "This week " + name + " answered " + std::to_string(count) + " " + std::string(noun)
        + (count == 1 ? "" : "s") + " and got " + std::to_string(right) + " right.";
    std::string best;
    double best_gain = 0.05;   // a step forward worth mentioning
    for (const auto& [title, p] : progress) {
        if (!p.this_week)
            continue;
        double gain = p.after - (p.before < 0 ? 0.2 : p.before);
        if (gain > best_gain) {
            best_gain = gain;
            best = title + " (now " + std::string(mastery_level_name(mastery_level(p.after, 1))) + ")";
        }
    }
    if (!best.empty())
        text += " Biggest step forward: " + best + ".";
    if (!weak_target_titles.empty()) {
        text += " Needs more practice: ";
        for (std::size_t i = 0; i < weak_target_titles.size() && i < 3; ++i)
            text += (i ? ", " : "") + weak_target_titles[i];
        text += ".";
    }
    return text;
}

Json to_json(const BktParams& p)
{
    return { { "prior", p.prior }, { "learn", p.learn }, { "guess", p.guess }, { "slip", p.slip } };
}

Result<BktParams> decode_bkt_params(const Json& json)
{
    BktParams p;
    double* fields[] = { &p.prior, &p.learn, &p.guess, &p.slip };
    const char* names[] = { "prior", "learn", "guess", "slip" };
    for (int i = 0; i < 4; ++i) {
        if (!json.is_object() || !json.contains(names[i]) || !json[names[i]].is_number())
            return make_error(ErrorCode::InvalidArgument, std::string(names[i]) + " must be a number", names[i]);
        double value = json[names[i]].get<double>();
        if (!(value > 0 && value < 1))
            return make_error(ErrorCode::InvalidArgument, std::string(names[i]) + " must be between 0 and 1", names[i]);
        *fields[i] = value;
    }
    return p;
}

} // namespace learnloop
