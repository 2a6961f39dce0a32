// A student's progress as points, badges and a study streak, from their
// quiz answers and handed-in attempts: the rules every screen shows and the
// server computes on every read (nothing is stored, so nothing drifts).
//
//   XP: 10 for each question's first right answer (less after the tutor's
//   hints, as hinted_credit), never again for the same question, so
//   repeating an item earns nothing; 20 for each quiz's first hand-in and 30
//   more the first time a quiz is perfect.
//   Streak: days in a row with at least one answer, on the student's own
//   calendar (their zone, through DST); one missed day a week (Monday to
//   Sunday) is bridged by the week's freeze; today still counts until it ends.
//
//   auto p = study_progress(answers, quizzes, proficient_skills, zone, now);
//   p.xp -> 340; p.streak -> 6; p.badges[0].name -> "First quiz handed in"
#pragma once

#include "tutoring/zone.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

struct ProgressAnswer {
    std::string code;          // the bank question
    double score = 0;          // 0 to 1
    int hints = 0;
    std::int64_t answered_unix = 0;
};

struct ProgressQuiz {
    std::int64_t quiz_id = 0;
    double share = 0;          // the attempt's score over its questions, 0 to 1
    std::int64_t submitted_unix = 0;
};

struct Badge {
    std::string key;           // "first-perfect-quiz"
    std::string name;          // "First perfect quiz"
    std::string description;   // what earns it, in words
    bool earned = false;
    std::string progress;      // how far along, when not earned: "3 of 5 skills", "not yet"
};

struct StudyProgress {
    int xp = 0;
    int xp_this_week = 0;      // the last seven days
    int streak = 0;            // days, today included when studied
    int longest_streak = 0;
    bool studied_today = false;
    bool freeze_used_this_week = false;   // the current streak bridged a day of this week
    std::vector<Badge> badges;
};

inline constexpr int k_xp_per_question = 10;
inline constexpr int k_xp_per_quiz = 20;
inline constexpr int k_xp_perfect_quiz = 30;

// The progress of one student at `now_unix` on `zone`'s calendar.
// `proficient_skills` counts skills at proficient or above (academy/study).
[[nodiscard]] StudyProgress study_progress(std::vector<ProgressAnswer> answers, std::vector<ProgressQuiz> quizzes,
    int proficient_skills, const ZoneRules& zone, std::int64_t now_unix);

// "6 days", "1 day", "No streak yet".
[[nodiscard]] std::string streak_for_people(int days);

// [SECTION] a course's leaderboard

// The XP of the rule above (and no streak or badges): what a course's
// leaderboard counts from the answers and hand-ins in that course's quizzes.
struct EarnedXp {
    int xp = 0;
    int xp_this_week = 0;      // the last seven days
};
[[nodiscard]] EarnedXp earned_xp(std::vector<ProgressAnswer> answers, std::vector<ProgressQuiz> quizzes,
    std::int64_t now_unix);

struct LeaderboardEntry {
    std::int64_t student_id = 0;
    std::string name;          // in full
    EarnedXp earned;
};

struct LeaderboardRow {
    int rank = 0;              // 1, 2, 2, 4: equal XP share a rank
    std::int64_t student_id = 0;
    std::string name;
    int xp = 0;
    int xp_this_week = 0;
    bool you = false;          // the viewer's own row
};

// The board by XP, most first (equal XP by name). Students read classmates'
// names short ("Mei C.", name_on_leaderboard) and only the first `most` rows
// and their own; staff (`full_names`) read every row in full.
[[nodiscard]] std::vector<LeaderboardRow> rank_leaderboard(std::vector<LeaderboardEntry> entries, std::int64_t viewer,
    bool full_names, std::size_t most);

// A classmate's name on a student's leaderboard: the first name and the
// initial of the last ("Juan Pablo Ríos" -> "Juan R."; "Mei" -> "Mei").
[[nodiscard]] std::string name_on_leaderboard(std::string_view full_name);

} // namespace learnloop
