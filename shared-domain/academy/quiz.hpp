// Quizzes over the exam bank: which questions an attempt asks (fixed ones
// and random draws by skill and difficulty, unseen questions first), whether
// another attempt may start, whether an answer is in time, and an attempt's
// score from practice's graders. The server decides with these; the
// browser shows the same rules before it asks.
//
//   auto codes = TRY(draw_attempt(plan, bank, seen_by_student, attempt_seed));
//   auto tasks = ... question_task(question, attempt_seed) for each code ...
//   auto result = grade_attempt(tasks, answers);   // "14 of 20 (70%)"
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "practice/grading.hpp"
#include "practice/tasks.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace learnloop {

// [SECTION] which questions

// `count` questions of one skill (empty: any) within a difficulty range,
// from one topic: a bank category and those under it ("exam-bank/quant"
// takes algebra, geometry, ...; empty: any).
struct QuestionDraw {
    std::string skill;
    int min_difficulty = 1;
    int max_difficulty = 5;
    int count = 1;
    std::string topic;
    bool operator==(const QuestionDraw&) const = default;
};

// Whether `category` is `topic` or lies under it ("a/b" is under "a", not under "a/").
[[nodiscard]] bool in_topic(std::string_view category, std::string_view topic);
// The topics a category lies in, widest first, itself last:
// "a/b/c" -> "a", "a/b", "a/b/c".
[[nodiscard]] std::vector<std::string> topics_of(std::string_view category);

struct QuizPlan {
    std::vector<std::string> fixed;     // question codes asked in every attempt
    std::vector<QuestionDraw> draws;    // then these, drawn afresh for each attempt
    bool shuffle = true;                // the attempt's order shuffled (else fixed, then draws in order)
    bool operator==(const QuizPlan&) const = default;
};

// What a draw needs to know of a bank question. Codes are unique within a
// bank, not across banks: the caller gives each code once (an academy's own
// question hides a shared one of the same code).
struct BankEntry {
    std::string code;
    std::string skill;
    int difficulty = 1;
    std::string category;
};

inline constexpr int k_quiz_most_questions = 200;

// The questions a plan asks in each attempt (fixed ones and every draw's count).
[[nodiscard]] int plan_question_count(const QuizPlan& plan);

// A plan that can be drawn from some bank: draws of 1 to 200 questions with
// a difficulty range within 1 to 5, no code fixed twice, 1 to 200 questions
// in all. InvalidArgument naming the part ("draws[1]: ...").
[[nodiscard]] Result<void> check_quiz_plan(const QuizPlan& plan);

// The codes one attempt asks: the fixed ones, then for each draw `count`
// questions matching it that the attempt does not already ask — those not
// in `seen` (the student's earlier attempts) first, seen ones only when the
// unseen run out — chosen by `seed` (the same seed, the same attempt on
// every platform); shuffled together when the plan says so.
// InvalidArgument naming the part for a plan that asks nothing or over
// k_quiz_most_questions, a fixed code not in the bank, or a draw the bank
// cannot fill ("draws[1]: the bank has 3 questions of skill percent at
// difficulty 4 to 5, not 5").
[[nodiscard]] Result<std::vector<std::string>> draw_attempt(const QuizPlan& plan, const std::vector<BankEntry>& bank,
    const std::set<std::string>& seen, std::uint64_t seed);

// [SECTION] a quiz as its instructor sets it

// Practice: each answer is graded at once, in the browser by the shared
// graders and again by the server (whose grade counts); the key travels
// with the questions. Exam: no key reaches the browser before the attempt
// is submitted; the server grades it then and the review shows the key and
// explanations.
enum class QuizMode { Practice, Exam };
[[nodiscard]] std::string_view quiz_mode_name(QuizMode mode);   // "practice", "exam"
[[nodiscard]] bool parse_quiz_mode(std::string_view name, QuizMode& mode);
[[nodiscard]] std::string_view quiz_mode_for_people(QuizMode mode);   // "Practice", "Exam"

inline constexpr int k_quiz_longest_minutes = 600;
inline constexpr int k_quiz_most_attempts = 100;

struct QuizSettings {
    std::string title;
    QuizMode mode = QuizMode::Practice;
    QuizPlan plan;
    int time_limit_minutes = 0;   // 0: none
    int attempts_allowed = 0;     // 0: any number
    bool tutor = false;           // practice only: the tutor's hints on every question (academy/tutor)
    bool operator==(const QuizSettings&) const = default;
};

// A quiz from its wire form, checked:
//   {"title": "Percent drill", "mode": "practice" | "exam",
//    "fixed": ["q-percent-1"], "draws": [{"topic": "exam-bank/quant/arithmetic",
//    "skill": "percent", "min_difficulty": 1, "max_difficulty": 3, "count": 5}], "shuffle": true,
//    "time_limit_minutes": 20, "attempts_allowed": 2, "tutor": false}
// "fixed", "draws", "shuffle" (true), the limit and attempts (0) and tutor
// (false; practice quizzes only) may be left out. InvalidArgument naming the
// field for anything else out of place.
[[nodiscard]] Result<QuizSettings> decode_quiz_settings(const Json& json);
// The plan as decode_quiz_settings reads it ("fixed", "draws", "shuffle").
[[nodiscard]] Json quiz_plan_to_json(const QuizPlan& plan);
[[nodiscard]] Result<QuizPlan> decode_quiz_plan(const Json& json);

// [SECTION] attempts and time

// Whether a student who has used `used` attempts may start another
// (`allowed` 0: any number); FailedPrecondition in words when not.
[[nodiscard]] Result<void> may_start_attempt(int used, int allowed);

// Answers arriving this long after the time limit still count: the network
// and a slow phone, not extra thinking time.
inline constexpr std::int64_t k_quiz_grace_seconds = 30;

// Whether an answer or a submission at `now` (UTC seconds) counts for an
// attempt started at `started` with a limit of `limit_minutes` (0: none).
[[nodiscard]] bool in_time(std::int64_t started, std::int64_t now, int limit_minutes);

// When an attempt's time is up as the student is told (without the grace);
// 0 when the quiz has no limit.
[[nodiscard]] std::int64_t attempt_deadline(std::int64_t started, int limit_minutes);

// "12 min left", "45 s left", "Time is up".
[[nodiscard]] std::string time_left_for_people(std::int64_t deadline, std::int64_t now);

// [SECTION] scoring

struct AttemptResult {
    std::vector<std::optional<GradeResult>> questions;   // empty: not answered
    double score = 0;      // the sum of the questions' scores (0 to 1 each)
    int answered = 0;
    int correct = 0;
    bool operator==(const AttemptResult&) const = default;
};

// Grades each answer (null or absent: not answered) against its task with
// practice's graders. A malformed answer is the grader's InvalidArgument
// error naming the question ("questions[3]: ..."), not a wrong answer.
[[nodiscard]] Result<AttemptResult> grade_attempt(const std::vector<Task>& tasks, const std::vector<Json>& answers);

// The credit a graded answer earns after the tutor gave `hints` hints on
// its question: each hint takes a quarter of it, down to a quarter (a
// right answer reached with help still counts for something); no hints,
// the grader's score as it is.
//   hinted_credit(1.0, 2) -> 0.5;  hinted_credit(1.0, 5) -> 0.25;  hinted_credit(0.0, 1) -> 0
inline constexpr int k_quiz_most_hints = 10;
[[nodiscard]] double hinted_credit(double score, int hints);

// "14 of 20 (70%)"; "12.5 of 20 (63%)" with partial credit.
[[nodiscard]] std::string attempt_score_for_people(const AttemptResult& result);
[[nodiscard]] std::string score_for_people(double score, std::size_t questions);

// [SECTION] results per question

// One handed-in attempt: each question it asked (by code) and its score.
using AttemptItems = std::vector<std::pair<std::string, double>>;

struct ItemStats {
    std::string item;                       // the question's code
    int asked = 0;                          // attempts that asked it
    double mean = 0;                        // its average score, 0 to 1: the share who got it (its easiness)
    std::optional<double> discrimination;   // how its score follows the rest of the attempt (-1 to 1)
    bool operator==(const ItemStats&) const = default;
};

inline constexpr int k_item_analysis_min_attempts = 5;

// Classical item analysis over handed-in attempts, in order of the items'
// first appearance: each question's average score, and its discrimination
// as the correlation of its score with the attempt's score on the other
// questions (a question strong students get and weak ones miss is near 1;
// one that does the opposite is negative, usually a wrong key). No
// discrimination under k_item_analysis_min_attempts attempts, or when
// everyone scored alike.
[[nodiscard]] std::vector<ItemStats> item_analysis(const std::vector<AttemptItems>& attempts);

// What an instructor should look at: "Most students miss it: check its key",
// "Weaker students do better on it than stronger ones: check its key",
// "Does not tell stronger from weaker students", or empty.
[[nodiscard]] std::string item_flag_for_people(const ItemStats& stats);

} // namespace learnloop
