// Knowledge tracing: Bayesian Knowledge Tracing per (student, target), fitted
// by EM; an item-difficulty extension; evaluation metrics; mastery levels and
// what-if previews. Pure functions over plain data: the same code runs in the
// browser (previews) and on the server (stored mastery, fitting).
//
//   BktParams p { 0.2, 0.15, 0.2, 0.1 };
//   double known = p.prior;
//   known = bkt_update(p, known, /*correct=*/true);    // 0.2 -> about 0.59
//   answers_to_reach(p, known, MasteryLevel::Proficient) // -> 2
#pragma once

#include "core/json.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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

// [SECTION] mastery levels

// Thresholds on P(known): attempted < 0.5 <= familiar < 0.8 <= proficient < 0.95 <= mastered.
enum class MasteryLevel { NotStarted, Attempted, Familiar, Proficient, Mastered };
[[nodiscard]] MasteryLevel mastery_level(double known, int attempts);
[[nodiscard]] std::string_view mastery_level_name(MasteryLevel level);   // "not_started", ...
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
[[nodiscard]] std::string weekly_summary(std::string_view student_name, std::vector<PracticeAnswer> answers,
    const std::vector<TargetEstimate>& known_now, const std::vector<std::string>& weak_target_titles,
    std::int64_t now_unix);

// [SECTION] response logs

struct Response {
    std::uint32_t student = 0;   // indices into ResponseLog's name tables
    std::uint32_t item = 0;
    std::uint32_t skill = 0;
    std::int64_t timestamp = 0;
    bool correct = false;
};

struct ResponseLog {
    std::vector<Response> responses;   // each student's responses in time order
    std::vector<std::string> students, items, skills;
};

// Parses the TSV of the knowledge-tracing benchmark (header
// user_id, item_id, timestamp, correct, skill_id). Names are interned in
// `names_from` when given (so a test log shares the train log's item and
// skill indices), and new names are appended. Errors name the line.
[[nodiscard]] Result<ResponseLog> parse_response_log(std::string_view tsv, const ResponseLog* names_from = nullptr);

// [SECTION] fitting

struct BktFitOptions {
    int iterations = 100;
    double tolerance = 1e-6;     // stop when no parameter moves more than this
    double max_guess = 0.5;      // keep the model identifiable: guessing and
    double max_slip = 0.5;       // slipping stay less likely than not
};

// Fits BKT parameters for every skill by expectation-maximisation
// (Baum-Welch on each student's sequence of answers to that skill), from a
// few starting points, keeping the likeliest. Skills with no data keep `defaults`.
[[nodiscard]] std::vector<BktParams> fit_bkt(const ResponseLog& log, const BktFitOptions& options = {},
    const BktParams& defaults = {});

// The item-difficulty extension: P(correct) = sigmoid(w_bkt * logit(BKT's
// prediction) + w_ability * logit(the student's smoothed running accuracy)
// + bias + b_item). Small enough to run in the browser.
struct BktItemModel {
    std::vector<BktParams> skills;
    std::vector<double> item_bias;   // per item index; 0 for unseen items
    double w_bkt = 1, w_ability = 0, bias = 0;
};

[[nodiscard]] BktItemModel fit_bkt_items(const ResponseLog& log, std::vector<BktParams> skills, int epochs = 30,
    double l2 = 1e-4);

// [SECTION] evaluation

enum class KtModel { Bkt, BktItems };

// Predicts every response of `log` before seeing it, from the model and that
// student's earlier responses only; returns one probability per response.
[[nodiscard]] std::vector<double> predict_log(const ResponseLog& log, const BktItemModel& model, KtModel which);

struct Metrics {
    double auc = 0;
    double rmse = 0;
    double log_loss = 0;
    std::size_t count = 0;
};
[[nodiscard]] Metrics evaluate(const std::vector<double>& predictions, const std::vector<bool>& outcomes);

[[nodiscard]] Json to_json(const BktParams& params);
[[nodiscard]] Result<BktParams> decode_bkt_params(const Json& json);

} // namespace learnloop
