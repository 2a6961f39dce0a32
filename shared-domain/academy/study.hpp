// Weak spots, study plans and the parent's summary for an academy's
// students, from their quiz answers and the mastery engine's estimates
// (practice/mastery's knowledge tracing per skill, not a second model).
// The server computes them on every read, so a plan follows the latest
// results; the browser shows them and previews the plan while a student
// edits the exam date.
//
//   auto skills = estimate_skills(answers, BktParams {}, now - 7 * 86400);
//   auto weak = study_weak_spots(skills);                  // weakest first
//   auto plan = plan_study(skills, "2026-12-07", StudyGoal { "2027-01-09", 30 }, BktParams {});
//   plan.days[0] -> Mon 7 Dec: Percent change, 8 questions; Circles, 7 questions
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "practice/mastery.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] estimates

// One answered quiz question: its skill and category in the bank, its score
// (0 to 1) and the tutor's hints taken before it.
struct SkillAnswer {
    std::string skill;
    std::string category;
    double score = 0;
    int hints = 0;
    std::int64_t answered_unix = 0;
};

struct SkillEstimate {
    std::string skill;
    std::string category;   // of its latest answer
    double known = 0;       // P(known) now
    double known_before = 0;   // at `since` (the prior when it was first answered later)
    int attempts = 0;
    int attempts_since = 0;
    [[nodiscard]] MasteryLevel level() const { return mastery_level(known, attempts); }
};

// Each skill's estimate after its answers in time order (equal times keep
// the order given), each worth its hinted credit (a right answer after two
// hints counts half). Answers without a skill are left out. By skill.
[[nodiscard]] std::vector<SkillEstimate> estimate_skills(std::vector<SkillAnswer> answers, const BktParams& params,
    std::int64_t since_unix);

// A skill and a bank category in words:
//   skill_for_people("linear-systems") -> "Linear systems"
//   topic_for_people("exam-bank/quant/algebra/linear-equations") -> "Linear equations"
[[nodiscard]] std::string skill_for_people(std::string_view skill);
[[nodiscard]] std::string topic_for_people(std::string_view category);

// The weak spots: answered at least three times and still below familiar, weakest first.
[[nodiscard]] std::vector<SkillEstimate> study_weak_spots(const std::vector<SkillEstimate>& skills);

// [SECTION] goal

// The exam the student studies for and the minutes a day they can give.
struct StudyGoal {
    std::string exam_day;     // "2027-02-20"
    int minutes_per_day = 30;
    bool operator==(const StudyGoal&) const = default;
};
inline constexpr int k_study_least_minutes = 10;
inline constexpr int k_study_most_minutes = 300;
inline constexpr int k_study_most_days_ahead = 730;

// {"exam_day": "2027-02-20", "minutes_per_day": 30}: a real day from
// `today` to two years on, whole minutes from 10 to 300. Errors name the field.
[[nodiscard]] Result<StudyGoal> read_study_goal(const Json& json, std::string_view today);

// [SECTION] plan

inline constexpr int k_minutes_per_question = 2;   // a GRE section's pace, about 1.75 minutes a question
inline constexpr int k_plan_most_days = 28;        // shown ahead; the plan is made afresh every day
inline constexpr int k_plan_skills_per_day = 3;    // skills mixed in one day (interleaved practice)
inline constexpr int k_plan_most_skills_per_day = 6;   // more when three leave the day's time unused
inline constexpr int k_plan_review_questions = 5;  // a skill kept fresh: a few questions, not a day's worth

struct StudyItem {
    std::string skill;
    int questions = 0;
    bool review = false;   // a skill already proficient, kept fresh
    bool operator==(const StudyItem&) const = default;
};
struct StudyDay {
    std::string day;   // "2026-12-07"
    std::vector<StudyItem> items;
    bool operator==(const StudyDay&) const = default;
};
struct StudyPlan {
    std::vector<StudyDay> days;
    std::string summary;   // in words, for the student
    int skills_to_raise = 0;
    bool fits = true;      // every weak skill reaches proficient before the exam
};

// A plan from `today` (the student's local day) to the day before the exam
// (at most 28 days shown; 14 days at the goal's minutes when there is no
// exam day). The skills below proficient come first, weakest first, each
// given about twice the right answers the mastery engine says it needs to
// reach proficient, three skills a day in turn so they recur across days
// (up to six while three leave the day's time unused); time to spare, the
// last day before the exam and any day left over review what is proficient
// (at most five questions a skill). Deterministic: the same estimates and
// goal give the same plan.
[[nodiscard]] StudyPlan plan_study(const std::vector<SkillEstimate>& skills, std::string_view today,
    const std::optional<StudyGoal>& goal, const BktParams& params);

// "Mon 7 Dec: Percent change (8 questions), Circles (7 questions) — 30 minutes"
[[nodiscard]] std::string study_day_for_people(const StudyDay& day);

// [SECTION] parents

// What a parent reads about a child: what was studied and what improved
// (practice/mastery's weekly summary over quiz questions), what needs work
// (the weak spots) and what is coming (the exam and the plan's next day).
// Counts and skills only: never the child's answers or tutor conversations.
struct ParentSummary {
    std::string week;       // "This week Mei answered 34 quiz questions and got 26 right. Biggest step forward: ..."
    std::vector<std::string> needs_work;   // skills in words, weakest first
    std::string upcoming;   // "Exam on Sat 20 Feb 2027, in 76 days. Next: Mon 7 Dec: ..."
};
[[nodiscard]] ParentSummary summary_for_parents(std::string_view child_name, std::vector<SkillAnswer> answers,
    const std::optional<StudyGoal>& goal, std::string_view today, std::int64_t now_unix, const BktParams& params);

} // namespace learnloop
