// Tests for shared-domain/practice/knowledge_tracing.*: EM recovering known
// parameters, predictions from earlier answers only, metrics and log parsing.
#include "practice/knowledge_tracing.hpp"

#include "core/random.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace learnloop;

namespace {

// Uniform in [0, 1) from the domain's SplitMix64, identical natively and in WASM.
struct Random {
    SeededRandom rng;
    double uniform() { return static_cast<double>(rng.next() >> 11) * (1.0 / 9007199254740992.0); }
};

// Answers simulated from a known BKT model: `students` sequences of `length` on one skill.
std::string simulate_tsv(const BktParams& p, int students, int length, std::uint64_t seed)
{
    Random random { SeededRandom(seed) };
    std::string tsv = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";
    for (int s = 0; s < students; ++s) {
        bool known = random.uniform() < p.prior;
        for (int t = 0; t < length; ++t) {
            bool correct = known ? random.uniform() >= p.slip : random.uniform() < p.guess;
            tsv += std::to_string(s) + "\titem" + std::to_string(t % 5) + "\t" + std::to_string(t) + "\t"
                + (correct ? "1" : "0") + "\tskill\n";
            if (!known && random.uniform() < p.learn)
                known = true;
        }
    }
    return tsv;
}

} // namespace

TEST_CASE("EM recovers the parameters of data generated with known parameters")
{
    BktParams truth { 0.3, 0.2, 0.2, 0.1 };
    auto log = parse_response_log(simulate_tsv(truth, 3000, 12, 42));
    REQUIRE(log.ok());
    auto fitted = fit_bkt(log.value());
    REQUIRE(fitted.size() == 1);
    INFO(to_json(fitted[0]).dump());
    // Stated tolerance: within 0.04 of each true parameter on 36,000 answers.
    CHECK(fitted[0].prior == Approx(truth.prior).margin(0.04));
    CHECK(fitted[0].learn == Approx(truth.learn).margin(0.04));
    CHECK(fitted[0].guess == Approx(truth.guess).margin(0.04));
    CHECK(fitted[0].slip == Approx(truth.slip).margin(0.04));
}

TEST_CASE("predictions use only earlier answers, and the item model beats plain BKT on items of mixed difficulty")
{
    // Item 0 is much harder than the others whatever the student knows.
    Random random { SeededRandom(7) };
    std::string tsv = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";
    for (int s = 0; s < 400; ++s) {
        for (int t = 0; t < 10; ++t) {
            int item = t % 3;
            double p = item == 0 ? 0.15 : 0.85;
            tsv += std::to_string(s) + "\t" + std::to_string(item) + "\t" + std::to_string(t) + "\t"
                + (random.uniform() < p ? "1" : "0") + "\tk\n";
        }
    }
    auto log = parse_response_log(tsv).value();
    auto model = fit_bkt_items(log, fit_bkt(log), 10);
    std::vector<bool> outcomes;
    for (const auto& r : log.responses)
        outcomes.push_back(r.correct);
    auto plain = evaluate(predict_log(log, model, KtModel::Bkt), outcomes);
    auto items = evaluate(predict_log(log, model, KtModel::BktItems), outcomes);
    CHECK(items.auc > plain.auc + 0.1);
    CHECK(items.auc > 0.8);
    CHECK(items.log_loss < plain.log_loss);
}

TEST_CASE("AUC, RMSE and log-loss on small known cases")
{
    auto perfect = evaluate({ 0.1, 0.2, 0.8, 0.9 }, { false, false, true, true });
    CHECK(perfect.auc == Approx(1.0));
    auto inverted = evaluate({ 0.9, 0.8, 0.2, 0.1 }, { false, false, true, true });
    CHECK(inverted.auc == Approx(0.0));
    auto ties = evaluate({ 0.5, 0.5, 0.5, 0.5 }, { false, true, false, true });
    CHECK(ties.auc == Approx(0.5));
    // The positive is ranked above one of the two negatives.
    auto mixed = evaluate({ 0.3, 0.6, 0.4 }, { false, false, true });
    CHECK(mixed.auc == Approx(0.5));
    CHECK(perfect.rmse == Approx(std::sqrt((0.01 + 0.04 + 0.04 + 0.01) / 4)));
    CHECK(ties.log_loss == Approx(std::log(2.0)));
    CHECK(evaluate({}, {}).count == 0);
}

TEST_CASE("response logs reject malformed lines with the line number")
{
    CHECK(parse_response_log("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t3\t4\n").error().message
        == "line 2: expected 5 tab-separated fields");
    CHECK(parse_response_log("1\t2\tx\t1\ts\n").error().message == "line 1: timestamp must be a whole number");
    CHECK(parse_response_log("1\t2\t3\tyes\ts\n").error().message == "line 1: correct must be 0 or 1");
    auto train = parse_response_log("a\ti1\t0\t1\ts1\nb\ti2\t0\t0\ts2\n").value();
    auto test = parse_response_log("c\ti2\t0\t1\ts2\nc\ti9\t1\t1\ts9\n", &train).value();
    CHECK(test.responses[0].item == 1);   // shares the train log's item index
    CHECK(test.responses[0].skill == 1);
    CHECK(test.items.size() == 3);        // a new item is appended
}
