// Weak spots, study plans and the parent's summary (see study.hpp).
#include "academy/study.hpp"

#include "academy/quiz.hpp"
#include "core/calendar.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <map>

namespace learnloop {

namespace {

constexpr std::int64_t k_day_seconds = 86400;

std::optional<std::int64_t> day_number(std::string_view text)
{
    auto day = read_local_day(text);
    if (!day)
        return std::nullopt;
    return days_from_civil(day->year, day->month, day->day);
}

LocalDateTime day_of_number(std::int64_t number) { return from_unix_seconds(number * k_day_seconds); }

std::string plural(int count, std::string_view one, std::string_view many)
{
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// Words from a code: hyphens and underscores as spaces, the first letter capital (ASCII only; other scripts as written).
std::string words_of_code(std::string_view code)
{
    std::string text;
    for (char c : code)
        text += (c == '-' || c == '_') ? ' ' : c;
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

} // namespace

// [SECTION] estimates ------------------------------------------------------

namespace {

// Replays `answers` (sorted by time here) through each skill's knowledge
// tracing, each answer worth its hinted credit; `seen` gets every answer with
// a skill and its skill's estimate after it.
template <typename Seen> void trace_skills(std::vector<SkillAnswer>& answers, const BktParams& params, Seen seen)
{
    std::stable_sort(answers.begin(), answers.end(),
        [](const SkillAnswer& a, const SkillAnswer& b) { return a.answered_unix < b.answered_unix; });
    std::map<std::string, double> known;
    for (const auto& answer : answers) {
        if (answer.skill.empty())
            continue;
        auto [it, fresh] = known.try_emplace(answer.skill, params.prior);
        it->second = bkt_update_credit(params, it->second, hinted_credit(answer.score, answer.hints));
        seen(answer, it->second);
    }
}

} // namespace

std::vector<SkillEstimate> estimate_skills(std::vector<SkillAnswer> answers, const BktParams& params,
    std::int64_t since_unix)
{
    std::map<std::string, SkillEstimate> by_skill;
    trace_skills(answers, params, [&](const SkillAnswer& answer, double known) {
        auto [it, fresh] = by_skill.try_emplace(answer.skill);
        auto& estimate = it->second;
        if (fresh) {
            estimate.skill = answer.skill;
            estimate.known_before = params.prior;
        }
        estimate.category = answer.category;
        estimate.known = known;
        ++estimate.attempts;
        if (answer.answered_unix >= since_unix)
            ++estimate.attempts_since;
        else
            estimate.known_before = known;
    });
    std::vector<SkillEstimate> skills;
    for (auto& [skill, estimate] : by_skill)
        skills.push_back(std::move(estimate));
    return skills;
}

std::string skill_for_people(std::string_view skill) { return words_of_code(skill); }

std::string topic_for_people(std::string_view category)
{
    auto slash = category.rfind('/');
    return words_of_code(slash == std::string_view::npos ? category : category.substr(slash + 1));
}

std::vector<SkillEstimate> study_weak_spots(const std::vector<SkillEstimate>& skills)
{
    std::vector<TargetMastery> targets;
    for (const auto& s : skills)
        targets.push_back({ s.skill, s.known, s.attempts });
    std::vector<SkillEstimate> weak;
    for (const auto& target : weak_spots(std::move(targets)))
        for (const auto& s : skills)
            if (s.skill == target.target_id)
                weak.push_back(s);
    return weak;
}

// [SECTION] goal -----------------------------------------------------------

Result<StudyGoal> read_study_goal(const Json& json, std::string_view today)
{
    if (!json.is_object())
        return make_error(ErrorCode::InvalidArgument, "The goal must be a JSON object");
    TRY(json_only_fields(json, { "exam_day", "minutes_per_day" }));
    StudyGoal goal;
    goal.exam_day = TRY(json_string_field(json, "exam_day"));
    auto exam = day_number(goal.exam_day);
    if (!exam || goal.exam_day.size() != 10)
        return make_error(ErrorCode::InvalidArgument, "exam_day must be a day such as 2027-02-20", "exam_day");
    auto now = day_number(today);
    if (now && *exam < *now)
        return make_error(ErrorCode::InvalidArgument, "The exam day has passed; choose today or a later day",
            "exam_day");
    if (now && *exam > *now + k_study_most_days_ahead)
        return make_error(ErrorCode::InvalidArgument, "The exam day must be within two years", "exam_day");
    auto minutes = TRY(json_int_field(json, "minutes_per_day"));
    if (minutes < k_study_least_minutes || minutes > k_study_most_minutes)
        return make_error(ErrorCode::InvalidArgument,
            "minutes_per_day must be from " + std::to_string(k_study_least_minutes) + " to "
                + std::to_string(k_study_most_minutes),
            "minutes_per_day");
    goal.minutes_per_day = static_cast<int>(minutes);
    return goal;
}

// [SECTION] plan -----------------------------------------------------------

StudyPlan plan_study(const std::vector<SkillEstimate>& skills, std::string_view today,
    const std::optional<StudyGoal>& goal, const BktParams& params)
{
    StudyPlan plan;
    const auto first = day_number(today);
    if (!first)
        return plan;
    const int minutes = goal ? goal->minutes_per_day : 30;
    const int per_day = std::max(1, minutes / k_minutes_per_question);
    std::int64_t end = *first + 14;   // exclusive
    std::optional<std::int64_t> exam;
    if (goal)
        exam = day_number(goal->exam_day);
    if (exam)
        end = *exam;
    if (exam && *exam <= *first) {
        plan.summary = *exam == *first ? "The exam is today. Good luck!" : "The exam day has passed; set the next one.";
        return plan;
    }
    if (skills.empty()) {
        plan.summary = "Take a quiz first: the plan is made from quiz answers.";
        return plan;
    }

    // The skills to raise, weakest first, each with the questions it needs.
    struct Need {
        const SkillEstimate* skill;
        int left;
    };
    std::vector<Need> needs;
    std::vector<const SkillEstimate*> review;
    for (const auto& s : skills) {
        if (s.known >= level_threshold(MasteryLevel::Proficient)) {
            review.push_back(&s);
            continue;
        }
        int right = answers_to_reach(params, s.known, MasteryLevel::Proficient);
        if (right < 0)
            right = 10;
        needs.push_back({ &s, std::clamp(2 * right, 3, 20) });
    }
    auto weaker = [](const SkillEstimate* a, const SkillEstimate* b) {
        return a->known != b->known ? a->known < b->known : a->skill < b->skill;
    };
    std::sort(needs.begin(), needs.end(), [&](const Need& a, const Need& b) { return weaker(a.skill, b.skill); });
    std::sort(review.begin(), review.end(), weaker);
    plan.skills_to_raise = static_cast<int>(needs.size());

    const std::int64_t last = std::min(end, *first + k_plan_most_days);   // exclusive
    std::size_t turn = 0, review_turn = 0;
    // Review items for `capacity` questions from `pool` in turn, at most
    // k_plan_review_questions a skill, up to the day's three skills.
    auto add_review = [&](StudyDay& day, std::vector<const SkillEstimate*> pool, int capacity) {
        std::erase_if(pool, [&](const SkillEstimate* s) {
            return std::any_of(day.items.begin(), day.items.end(), [&](const StudyItem& i) { return i.skill == s->skill; });
        });
        const auto room = k_plan_skills_per_day - std::min<std::size_t>(day.items.size(), k_plan_skills_per_day);
        const auto count = std::min<std::size_t>(pool.size(), room);
        for (std::size_t k = 0; k < count && capacity > 0; ++k) {
            const auto* s = pool[(review_turn + k) % pool.size()];
            const int share = std::min(k_plan_review_questions,
                (capacity + static_cast<int>(count - k) - 1) / static_cast<int>(count - k));
            capacity -= share;
            day.items.push_back({ s->skill, share, true });
        }
        review_turn += count;
    };
    for (std::int64_t d = *first; d < last; ++d) {
        StudyDay day { local_day_text(day_of_number(d)), {} };
        const bool eve = exam && d == *exam - 1 && d != *first;
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < needs.size(); ++i)
            if (needs[i].left > 0)
                open.push_back(i);
        int capacity = per_day;
        if (!eve && !open.empty()) {
            // Three skills in turn, more (up to six) while their questions
            // leave the day's time unused; the day's questions shared between them.
            std::vector<std::size_t> chosen;
            int wanted = 0;
            while (chosen.size() < open.size() && chosen.size() < static_cast<std::size_t>(k_plan_most_skills_per_day)
                && (chosen.size() < static_cast<std::size_t>(k_plan_skills_per_day) || wanted < capacity)) {
                chosen.push_back(open[(turn + chosen.size()) % open.size()]);
                wanted += needs[chosen.back()].left;
            }
            turn += chosen.size();
            std::sort(chosen.begin(), chosen.end());
            for (std::size_t k = 0; k < chosen.size() && capacity > 0; ++k) {
                auto& need = needs[chosen[k]];
                const int share = (capacity + static_cast<int>(chosen.size() - k) - 1)
                    / static_cast<int>(chosen.size() - k);
                const int take = std::min(need.left, share);
                need.left -= take;
                capacity -= take;
                day.items.push_back({ need.skill->skill, take, false });
            }
            add_review(day, review, capacity);   // time to spare keeps the proficient skills fresh
        } else {
            // Review: the proficient skills, and on the eve (or with nothing
            // proficient) the ones being raised too, least known first.
            std::vector<const SkillEstimate*> pool = review;
            if (eve || pool.empty())
                for (const auto& need : needs)
                    pool.push_back(need.skill);
            std::sort(pool.begin(), pool.end(), weaker);
            add_review(day, pool, eve ? std::max(1, per_day / 2) : per_day);
        }
        plan.days.push_back(std::move(day));
    }
    for (const auto& need : needs)
        if (need.left > 0)
            plan.fits = false;

    std::string text;
    if (exam) {
        const auto days = *exam - *first;
        text = plural(static_cast<int>(days), "day", "days") + " to the exam on "
            + day_for_people(day_of_number(*exam), true) + ", " + std::to_string(minutes) + " minutes a day. ";
    } else {
        text = "The next two weeks at " + std::to_string(minutes) + " minutes a day (set the exam day to plan up to it). ";
    }
    if (needs.empty())
        text += "Every skill practised so far is proficient: the plan keeps them fresh.";
    else if (!plan.fits)
        text += plural(plan.skills_to_raise, "skill", "skills") + " to bring up to proficient; not all fit before "
            + (exam ? "the exam" : "the end of the plan") + ", so the weakest come first.";
    else
        text += plural(plan.skills_to_raise, "skill", "skills") + " to bring up to proficient, weakest first, then review.";
    plan.summary = text;
    return plan;
}

std::string study_day_for_people(const StudyDay& day)
{
    std::string text;
    if (auto at = read_local_day(day.day))
        text = day_for_people(*at, false) + ": ";
    int questions = 0;
    std::vector<std::string> parts;
    for (const auto& item : day.items) {
        questions += item.questions;
        parts.push_back(skill_for_people(item.skill) + " (" + plural(item.questions, "question", "questions")
            + (item.review ? ", review" : "") + ")");
    }
    text += parts.empty() ? std::string("rest") : list_for_people(parts);
    if (questions > 0)
        text += " \xE2\x80\x94 about " + std::to_string(questions * k_minutes_per_question) + " minutes";
    return text;
}

// [SECTION] parents --------------------------------------------------------

ParentSummary summary_for_parents(std::string_view child_name, std::vector<SkillAnswer> answers,
    const std::optional<StudyGoal>& goal, std::string_view today, std::int64_t now_unix, const BktParams& params)
{
    ParentSummary summary;
    std::vector<PracticeAnswer> practice;   // the weekly summary's answers, each with its skill's estimate after it
    trace_skills(answers, params, [&](const SkillAnswer& a, double known) {
        practice.push_back({ skill_for_people(a.skill), a.score >= 1.0, known, a.answered_unix });
    });
    const auto skills = estimate_skills(answers, params, now_unix - 7 * k_day_seconds);
    std::vector<std::string> weak;
    for (const auto& s : study_weak_spots(skills))
        weak.push_back(skill_for_people(s.skill));
    summary.needs_work = weak;
    summary.week = weekly_summary(child_name, practice, {}, weak, now_unix, "quiz question");

    std::string upcoming;
    const auto first = day_number(today);
    const auto exam = goal ? day_number(goal->exam_day) : std::nullopt;
    if (exam && first && *exam >= *first) {
        const auto days = *exam - *first;
        upcoming = "Exam on " + day_for_people(day_of_number(*exam), true)
            + (days == 0 ? ", today." : ", in " + plural(static_cast<int>(days), "day", "days") + ".");
        upcoming += " The study plan asks " + std::to_string(goal->minutes_per_day) + " minutes a day.";
    } else {
        upcoming = "No exam day set yet.";
    }
    auto plan = plan_study(skills, today, goal, params);
    if (!plan.days.empty() && !plan.days.front().items.empty())
        upcoming += " Next: " + study_day_for_people(plan.days.front()) + ".";
    summary.upcoming = upcoming;
    return summary;
}

} // namespace learnloop
