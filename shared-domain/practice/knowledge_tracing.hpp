// Knowledge-tracing fitting and evaluation (the CLI's kt fit|eval|refit and
// the curriculum refit): response logs, EM fitting of BKT parameters per
// skill, the item-difficulty model and evaluation metrics.
//
//   auto log = TRY(parse_response_log(tsv));
//   auto skills = fit_bkt(log);
//   auto metrics = evaluate(predict_log(test_log, { skills }, KtModel::Bkt), outcomes);
#pragma once

#include "core/result.hpp"
#include "practice/mastery.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// [SECTION] response logs
// [SECTION] fitting
// [SECTION] evaluation

namespace learnloop {

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

} // namespace learnloop
