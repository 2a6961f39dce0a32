// Mastery: Bayesian Knowledge Tracing per (student, target), mastery levels,
// what-if previews, weak spots and the weekly summary. Pure functions over
// plain data: the same code runs in the browser (previews) and on the server
// (stored mastery). Fitting the parameters is knowledge_tracing.hpp's job.
//
//   BktParams p { 0.2, 0.15, 0.2, 0.1 };
//   double known = p.prior;
//   known = bkt_update(p, known, /*correct=*/true);    // 0.2 -> about 0.59
//   answers_to_reach(p, known, MasteryLevel::Proficient) // -> 2
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] BKT

struct BktParams {
    double prior = 0.2;   // P(L0): knows the target before practice
    double learn = 0.1;   // P(T): learns it at an opportunity
    double guess = 0.2;   // P(G): right without knowing
    double slip = 0.1;    // P(S): wrong despite knowing

    bool operator==(const BktParams&) const = default;
};

// P(correct) for someone who knows the target with probability `known`.
[[nodiscard]] double bkt_predict(const BktParams& p, double known);
// The probability of knowing the target after one answer (posterior, then the learning step).
[[nodiscard]] double bkt_update(const BktParams& p, double known, bool correct);
// The same for an answer worth `credit` (0 to 1) of a right one — partly
// right, or right after hints: the two updates weighted by the credit, so 1
// is a right answer and 0 a wrong one.
//   bkt_update_credit(p, 0.2, 0.5) -> halfway between bkt_update(p, 0.2, false) and (..., true)
[[nodiscard]] double bkt_update_credit(const BktParams& p, double known, double credit);

// [SECTION] mastery levels

// Thresholds on P(known): attempted < 0.5 <= familiar < 0.8 <= proficient < 0.95 <= mastered.
enum class MasteryLevel { NotStarted, Attempted, Familiar, Proficient, Mastered };
[[nodiscard]] MasteryLevel mastery_level(double known, int attempts);
[[nodiscard]] std::string_view mastery_level_name(MasteryLevel level);   // "not_started", ...
[[nodiscard]] std::string_view mastery_level_for_people(MasteryLevel level);   // "Not started", "Familiar", ...
[[nodiscard]] double level_threshold(MasteryLevel level);

// How many correct answers in a row would lift `known` to `level` (0 when
// already there, -1 when 50 answers would not).
[[nodiscard]] int answers_to_reach(const BktParams& p, double known, MasteryLevel level);

struct TargetMastery {
    std::string target_id;
    double known = 0;
    int attempts = 0;
};
// A weak spot: attempted at least `min_attempts` times and still below Familiar.
[[nodiscard]] bool is_weak_spot(const TargetMastery& target, int min_attempts = 3);
// The weak spots among `targets`, weakest first.
[[nodiscard]] std::vector<TargetMastery> weak_spots(std::vector<TargetMastery> targets, int min_attempts = 3);

// A plain-language summary of a student's last seven days of practice, for
// parents: how much, how well, the biggest step forward, what needs work.
//   "This week Sam answered 12 practice tasks and got 9 right. Biggest step
//    forward: Apostrophes for possession (now proficient). Needs more
//    practice: Commas in lists."
struct PracticeAnswer {
    std::string target_title;
    bool correct = false;
    double known_after = 0;        // the target's estimate after this answer
    std::int64_t answered_unix = 0;
};
struct TargetEstimate {
    std::string target_title;
    double known = 0;
};
// `answers` in any order (sorted here by time; equal times keep the order
// given). `known_now` holds each target's estimate now: the step forward is
// measured to it and the level named is its level, because answers synced
// late from another device are applied after answers made later.
// `noun` names one answer ("practice task", "quiz question"; an s is added for more than one).
[[nodiscard]] std::string weekly_summary(std::string_view student_name, std::vector<PracticeAnswer> answers,
    const std::vector<TargetEstimate>& known_now, const std::vector<std::string>& weak_target_titles,
    std::int64_t now_unix, std::string_view noun = "practice task");

// [SECTION] JSON

[[nodiscard]] Json to_json(const BktParams& params);
[[nodiscard]] Result<BktParams> decode_bkt_params(const Json& json);

} // namespace learnloop
