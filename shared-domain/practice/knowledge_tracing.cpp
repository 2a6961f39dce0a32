// Knowledge-tracing fitting and evaluation, used by the CLI (kt fit, eval,
// refit) and the curriculum refit: response logs, EM fitting of BKT, the
// item-difficulty model and evaluation metrics. The browser only needs
// mastery.hpp; this stays out of its hot paths.
#include "practice/knowledge_tracing.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

// [SECTION] logs
// [SECTION] EM fitting
// [SECTION] item model
// [SECTION] evaluation

namespace learnloop {

namespace {

constexpr double k_epsilon = 1e-6;

double clamp_probability(double p)
{
    return std::min(1 - k_epsilon, std::max(k_epsilon, p));
}

double logit(double p)
{
    p = clamp_probability(p);
    return std::log(p / (1 - p));
}

double sigmoid(double x)
{
    return 1 / (1 + std::exp(-x));
}

} // namespace

// [SECTION] logs -----------------------------------------------------------

namespace {

class Interner {
public:
    explicit Interner(std::vector<std::string>& names)
        : m_names(names)
    {
        for (std::uint32_t i = 0; i < names.size(); ++i)
            m_index.emplace(names[i], i);
    }
    std::uint32_t operator()(std::string_view name)
    {
        auto [it, inserted] = m_index.emplace(std::string(name), static_cast<std::uint32_t>(m_names.size()));
        if (inserted)
            m_names.emplace_back(name);
        return it->second;
    }

private:
    std::vector<std::string>& m_names;
    std::unordered_map<std::string, std::uint32_t> m_index;
};

} // namespace

Result<ResponseLog> parse_response_log(std::string_view tsv, const ResponseLog* names_from)
{
    ResponseLog log;
    if (names_from) {
        log.items = names_from->items;
        log.skills = names_from->skills;
    }
    Interner students(log.students), items(log.items), skills(log.skills);
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < tsv.size()) {
        auto end = tsv.find('\n', start);
        if (end == std::string_view::npos)
            end = tsv.size();
        auto line = tsv.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        std::string_view fields[5];
        std::size_t count = 0, field_start = 0;
        while (count < 5) {
            auto tab = line.find('\t', field_start);
            fields[count++] = line.substr(field_start, tab == std::string_view::npos ? std::string_view::npos : tab - field_start);
            if (tab == std::string_view::npos)
                break;
            field_start = tab + 1;
        }
        auto where = "line " + std::to_string(line_number);
        if (count != 5)
            return make_error(ErrorCode::InvalidArgument, where + ": expected 5 tab-separated fields");
        if (line_number == 1 && fields[0] == "user_id")
            continue;   // the header
        Response r;
        r.student = students(fields[0]);
        r.item = items(fields[1]);
        r.skill = skills(fields[4]);
        std::int64_t timestamp = 0;
        for (char c : fields[2]) {
            if (c < '0' || c > '9')
                return make_error(ErrorCode::InvalidArgument, where + ": timestamp must be a whole number");
            timestamp = timestamp * 10 + (c - '0');
        }
        r.timestamp = timestamp;
        if (fields[3] != "0" && fields[3] != "1")
            return make_error(ErrorCode::InvalidArgument, where + ": correct must be 0 or 1");
        r.correct = fields[3] == "1";
        log.responses.push_back(r);
    }
    return log;
}

// [SECTION] EM fitting -----------------------------------------------------

namespace {

// Each (student, skill) sequence of outcomes, in time order.
std::vector<std::vector<std::vector<bool>>> sequences_by_skill(const ResponseLog& log)
{
    std::vector<std::vector<std::vector<bool>>> by_skill(log.skills.size());
    std::unordered_map<std::uint64_t, std::size_t> open;   // (student, skill) -> index in by_skill[skill]
    for (const auto& r : log.responses) {
        auto key = (std::uint64_t(r.student) << 32) | r.skill;
        auto [it, inserted] = open.emplace(key, by_skill[r.skill].size());
        if (inserted)
            by_skill[r.skill].emplace_back();
        by_skill[r.skill][it->second].push_back(r.correct);
    }
    return by_skill;
}

// One skill's EM. A two-state hidden Markov model: unknown -> known with
// P(T) at each opportunity, never back; answers emitted with guess and slip.
//   forward:  a_t = P(known_t | answers 1..t), pred_t = P(known_t | answers 1..t-1)
//   backward: P(unknown_t | all) = T(1-a_t)/pred_{t+1} * g_{t+1}
//                                + (1-T)(1-a_t)/(1-pred_{t+1}) * (1-g_{t+1})
//   expected learning at t: xi_t = T(1-a_t)/pred_{t+1} * g_{t+1}
BktParams em_one_skill(const std::vector<std::vector<bool>>& sequences, BktParams p, const BktFitOptions& options)
{
    std::vector<double> filtered, predicted, smoothed;
    for (int iteration = 0; iteration < options.iterations; ++iteration) {
        double prior_known = 0;
        double learn_num = 0, learn_den = 0;
        double guess_num = 0, guess_den = 0, slip_num = 0, slip_den = 0;
        for (const auto& seq : sequences) {
            auto n = seq.size();
            filtered.assign(n, 0);
            predicted.assign(n, 0);
            smoothed.assign(n, 0);
            double known = p.prior;
            for (std::size_t t = 0; t < n; ++t) {
                predicted[t] = known;
                double joint_known = known * (seq[t] ? 1 - p.slip : p.slip);
                double joint_unknown = (1 - known) * (seq[t] ? p.guess : 1 - p.guess);
                filtered[t] = joint_known / std::max(1e-300, joint_known + joint_unknown);
                known = filtered[t] + (1 - filtered[t]) * p.learn;
            }
            smoothed[n - 1] = filtered[n - 1];
            for (std::size_t t = n - 1; t-- > 0;) {
                double next_known = smoothed[t + 1];
                double pred = predicted[t + 1];
                double to_known = pred > 0 ? p.learn * (1 - filtered[t]) / pred * next_known : 0;
                double to_unknown = pred < 1 ? (1 - p.learn) * (1 - filtered[t]) / (1 - pred) * (1 - next_known) : 0;
                smoothed[t] = 1 - (to_known + to_unknown);
                learn_num += to_known;
                learn_den += to_known + to_unknown;
            }
            prior_known += smoothed[0];
            for (std::size_t t = 0; t < n; ++t) {
                if (seq[t])
                    guess_num += 1 - smoothed[t];
                else
                    slip_num += smoothed[t];
                guess_den += 1 - smoothed[t];
                slip_den += smoothed[t];
            }
        }
        BktParams next = p;
        if (!sequences.empty())
            next.prior = clamp_probability(prior_known / sequences.size());
        if (learn_den > 0)
            next.learn = clamp_probability(learn_num / learn_den);
        if (guess_den > 0)
            next.guess = std::min(options.max_guess, clamp_probability(guess_num / guess_den));
        if (slip_den > 0)
            next.slip = std::min(options.max_slip, clamp_probability(slip_num / slip_den));
        double moved = std::max({ std::fabs(next.prior - p.prior), std::fabs(next.learn - p.learn),
            std::fabs(next.guess - p.guess), std::fabs(next.slip - p.slip) });
        p = next;
        if (moved < options.tolerance)
            break;
    }
    return p;
}

// Log-likelihood of the sequences under `p` (one-step-ahead predictions).
double log_likelihood(const std::vector<std::vector<bool>>& sequences, const BktParams& p)
{
    double total = 0;
    for (const auto& seq : sequences) {
        double known = p.prior;
        for (bool correct : seq) {
            double right = clamp_probability(bkt_predict(p, known));
            total += std::log(correct ? right : 1 - right);
            known = bkt_update(p, known, correct);
        }
    }
    return total;
}

} // namespace

std::vector<BktParams> fit_bkt(const ResponseLog& log, const BktFitOptions& options, const BktParams& defaults)
{
    auto by_skill = sequences_by_skill(log);
    std::vector<BktParams> params(log.skills.size(), defaults);
    // EM finds a local optimum: start from a few points, keep the likeliest.
    const BktParams starts[] = { defaults, { 0.5, 0.1, 0.15, 0.1 }, { 0.8, 0.05, 0.25, 0.15 }, { 0.3, 0.3, 0.1, 0.05 } };
    for (std::size_t skill = 0; skill < by_skill.size(); ++skill) {
        if (by_skill[skill].empty())
            continue;
        double best = -1e300;
        for (const auto& start : starts) {
            auto fitted = em_one_skill(by_skill[skill], start, options);
            double likelihood = log_likelihood(by_skill[skill], fitted);
            if (likelihood > best) {
                best = likelihood;
                params[skill] = fitted;
            }
        }
    }
    return params;
}

// [SECTION] item model -----------------------------------------------------

namespace {

// Walks a log in order, giving for each response the features known before it.
struct Features {
    double bkt_logit = 0;
    double ability_logit = 0;
    double bkt = 0;
};

template<typename Visit>
void walk(const ResponseLog& log, const std::vector<BktParams>& skills, Visit&& visit)
{
    std::unordered_map<std::uint64_t, double> known;                  // (student, skill) -> P(known)
    std::unordered_map<std::uint32_t, std::pair<int, int>> accuracy;  // student -> (right, answered)
    BktParams fallback;
    for (std::size_t i = 0; i < log.responses.size(); ++i) {
        const auto& r = log.responses[i];
        const auto& p = r.skill < skills.size() ? skills[r.skill] : fallback;
        auto key = (std::uint64_t(r.student) << 32) | r.skill;
        auto it = known.find(key);
        double k = it == known.end() ? p.prior : it->second;
        auto& [right, answered] = accuracy[r.student];
        Features f;
        f.bkt = bkt_predict(p, k);
        f.bkt_logit = logit(f.bkt);
        f.ability_logit = logit((right + 1.0) / (answered + 2.0));
        visit(i, r, f);
        known[key] = bkt_update(p, k, r.correct);
        right += r.correct ? 1 : 0;
        answered += 1;
    }
}

} // namespace

BktItemModel fit_bkt_items(const ResponseLog& log, std::vector<BktParams> skills, int epochs, double l2)
{
    BktItemModel model;
    model.skills = std::move(skills);
    model.item_bias.assign(log.items.size(), 0);

    // The features do not depend on the weights being fitted: compute them once.
    struct Row {
        std::uint32_t item;
        double x_bkt, x_ability;
        bool y;
    };
    std::vector<Row> rows;
    rows.reserve(log.responses.size());
    walk(log, model.skills, [&](std::size_t, const Response& r, const Features& f) {
        rows.push_back({ r.item, f.bkt_logit, f.ability_logit, r.correct });
    });

    // Full-batch gradient descent with Adam on the logistic loss.
    std::size_t n_params = 3 + model.item_bias.size();
    std::vector<double> m(n_params, 0), v(n_params, 0), grad(n_params, 0);
    const double rate = 0.05, beta1 = 0.9, beta2 = 0.999;
    for (int epoch = 1; epoch <= epochs * 10; ++epoch) {
        std::fill(grad.begin(), grad.end(), 0);
        for (const auto& row : rows) {
            double z = model.w_bkt * row.x_bkt + model.w_ability * row.x_ability + model.bias + model.item_bias[row.item];
            double error = sigmoid(z) - (row.y ? 1 : 0);
            grad[0] += error * row.x_bkt;
            grad[1] += error * row.x_ability;
            grad[2] += error;
            grad[3 + row.item] += error;
        }
        double scale = 1.0 / std::max<std::size_t>(1, rows.size());
        for (std::size_t j = 0; j < n_params; ++j) {
            double w = j == 0 ? model.w_bkt : j == 1 ? model.w_ability : j == 2 ? model.bias : model.item_bias[j - 3];
            double g = grad[j] * scale + (j >= 3 ? l2 * w : 0);
            m[j] = beta1 * m[j] + (1 - beta1) * g;
            v[j] = beta2 * v[j] + (1 - beta2) * g * g;
            double m_hat = m[j] / (1 - std::pow(beta1, epoch));
            double v_hat = v[j] / (1 - std::pow(beta2, epoch));
            double step = rate * m_hat / (std::sqrt(v_hat) + 1e-8);
            if (j == 0)
                model.w_bkt -= step;
            else if (j == 1)
                model.w_ability -= step;
            else if (j == 2)
                model.bias -= step;
            else
                model.item_bias[j - 3] -= step;
        }
    }
    return model;
}

// [SECTION] evaluation -----------------------------------------------------

std::vector<double> predict_log(const ResponseLog& log, const BktItemModel& model, KtModel which)
{
    std::vector<double> predictions(log.responses.size());
    walk(log, model.skills, [&](std::size_t i, const Response& r, const Features& f) {
        if (which == KtModel::Bkt) {
            predictions[i] = f.bkt;
            return;
        }
        double bias = r.item < model.item_bias.size() ? model.item_bias[r.item] : 0;
        predictions[i] = sigmoid(model.w_bkt * f.bkt_logit + model.w_ability * f.ability_logit + model.bias + bias);
    });
    return predictions;
}

Metrics evaluate(const std::vector<double>& predictions, const std::vector<bool>& outcomes)
{
    Metrics metrics;
    metrics.count = predictions.size();
    if (predictions.empty() || predictions.size() != outcomes.size())
        return metrics;
    double squared = 0, loss = 0;
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        double p = clamp_probability(predictions[i]);
        double y = outcomes[i] ? 1 : 0;
        squared += (p - y) * (p - y);
        loss -= y * std::log(p) + (1 - y) * std::log(1 - p);
    }
    metrics.rmse = std::sqrt(squared / predictions.size());
    metrics.log_loss = loss / predictions.size();

    // AUC by ranks (Mann-Whitney), ties sharing their average rank.
    std::vector<std::size_t> order(predictions.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return predictions[a] < predictions[b]; });
    double positive_rank_sum = 0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && predictions[order[j]] == predictions[order[i]])
            ++j;
        double average_rank = (i + 1 + j) / 2.0;   // ranks i+1..j
        for (std::size_t k = i; k < j; ++k) {
            if (outcomes[order[k]]) {
                positive_rank_sum += average_rank;
                ++positives;
            }
        }
        i = j;
    }
    std::size_t negatives = predictions.size() - positives;
    if (positives > 0 && negatives > 0)
        metrics.auc = (positive_rank_sum - positives * (positives + 1) / 2.0) / (double(positives) * negatives);
    return metrics;
}

} // namespace learnloop
