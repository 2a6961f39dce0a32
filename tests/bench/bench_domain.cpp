// Domain benchmark, compiled natively and to WebAssembly (run under node by
// scripts/bench-domain): BKT updates per second, and the time to fit and
// evaluate knowledge tracing on a response log. Prints one JSON object.
#include "mastery.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace learnloop;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv)
{
    Json result = Json::object();

    // BKT updates: a long alternating run, so nothing can be folded away.
    BktParams p { 0.2, 0.15, 0.2, 0.1 };
    const int updates = 20'000'000;
    double known = p.prior, checksum = 0;
    auto start = Clock::now();
    for (int i = 0; i < updates; ++i) {
        known = bkt_update(p, known, (i * 2654435761u) % 7 < 4);
        checksum += known;
    }
    double seconds = seconds_since(start);
    result["bkt_updates_per_second"] = updates / seconds;
    result["checksum"] = checksum;

    if (argc >= 3) {
        start = Clock::now();
        auto train = parse_response_log(read_file(argv[1]));
        auto test = parse_response_log(read_file(argv[2]), train.ok() ? &train.value() : nullptr);
        if (!train.ok() || !test.ok()) {
            std::fprintf(stderr, "cannot read the logs\n");
            return 1;
        }
        result["parse_seconds"] = seconds_since(start);
        start = Clock::now();
        auto skills = fit_bkt(train.value());
        result["fit_bkt_seconds"] = seconds_since(start);
        start = Clock::now();
        auto model = fit_bkt_items(train.value(), skills);
        result["fit_items_seconds"] = seconds_since(start);
        std::vector<bool> outcomes;
        for (const auto& r : test.value().responses)
            outcomes.push_back(r.correct);
        start = Clock::now();
        auto predictions = predict_log(test.value(), model, KtModel::BktItems);
        result["predict_seconds"] = seconds_since(start);
        result["auc_bkt_items"] = evaluate(predictions, outcomes).auc;
        result["auc_bkt"] = evaluate(predict_log(test.value(), model, KtModel::Bkt), outcomes).auc;
    }
    std::printf("%s\n", result.dump().c_str());
    return 0;
}
