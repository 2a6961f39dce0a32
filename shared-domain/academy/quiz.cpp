// Quizzes over the exam bank (quiz.hpp).
#include "academy/quiz.hpp"

#include "core/random.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace learnloop {

namespace {

Error invalid(const std::string& field, const std::string& message)
{
    return make_error(ErrorCode::InvalidArgument, field + ": " + message, field);
}

std::string draw_words(const QuestionDraw& draw)
{
    std::string what = draw.skill.empty() ? "questions" : "questions of skill " + draw.skill;
    if (draw.min_difficulty == draw.max_difficulty)
        return what + " at difficulty " + std::to_string(draw.min_difficulty);
    return what + " at difficulty " + std::to_string(draw.min_difficulty) + " to " + std::to_string(draw.max_difficulty);
}

// Moves `count` entries chosen by `random` to the front of `pool` (a partial
// Fisher-Yates: one draw per entry chosen, whatever the pool's size).
void choose_front(std::vector<std::size_t>& pool, std::size_t count, SeededRandom& random)
{
    for (std::size_t i = 0; i < count && i + 1 < pool.size(); ++i)
        std::swap(pool[i], pool[i + static_cast<std::size_t>(random.below(pool.size() - i))]);
}

} // namespace

Result<std::vector<std::string>> draw_attempt(const QuizPlan& plan, const std::vector<BankEntry>& bank,
    const std::set<std::string>& seen, std::uint64_t seed)
{
    std::size_t total = plan.fixed.size();
    for (std::size_t d = 0; d < plan.draws.size(); ++d) {
        const auto& draw = plan.draws[d];
        const auto field = "draws[" + std::to_string(d) + "]";
        if (draw.count < 1 || draw.count > k_quiz_most_questions)
            return invalid(field, "a draw asks 1 to " + std::to_string(k_quiz_most_questions) + " questions");
        if (draw.min_difficulty < 1 || draw.max_difficulty > 5 || draw.min_difficulty > draw.max_difficulty)
            return invalid(field, "difficulty runs from 1 to 5, the lower first");
        total += static_cast<std::size_t>(draw.count);
    }
    if (total == 0)
        return invalid("questions", "a quiz asks at least one question");
    if (total > static_cast<std::size_t>(k_quiz_most_questions))
        return invalid("questions", "a quiz asks at most " + std::to_string(k_quiz_most_questions) + " questions");

    // Codes to places, only when there are fixed questions to find.
    std::unordered_map<std::string_view, std::size_t> by_code;
    if (!plan.fixed.empty()) {
        by_code.reserve(bank.size());
        for (std::size_t i = 0; i < bank.size(); ++i)
            by_code.emplace(bank[i].code, i);
    }
    std::unordered_set<std::size_t> asked;
    std::vector<std::string> codes;
    codes.reserve(total);
    for (std::size_t f = 0; f < plan.fixed.size(); ++f) {
        const auto field = "fixed[" + std::to_string(f) + "]";
        auto found = by_code.find(plan.fixed[f]);
        if (found == by_code.end())
            return invalid(field, "no question " + plan.fixed[f] + " in the bank");
        if (!asked.insert(found->second).second)
            return invalid(field, plan.fixed[f] + " is asked twice");
        codes.push_back(plan.fixed[f]);
    }
    for (std::size_t d = 0; d < plan.draws.size(); ++d) {
        const auto& draw = plan.draws[d];
        std::vector<std::size_t> unseen, again;
        for (std::size_t i = 0; i < bank.size(); ++i) {
            const auto& entry = bank[i];
            if (entry.difficulty < draw.min_difficulty || entry.difficulty > draw.max_difficulty
                || (!draw.skill.empty() && entry.skill != draw.skill) || asked.count(i))
                continue;
            (seen.count(entry.code) ? again : unseen).push_back(i);
        }
        const auto wanted = static_cast<std::size_t>(draw.count);
        if (unseen.size() + again.size() < wanted)
            return invalid("draws[" + std::to_string(d) + "]",
                "the bank has " + std::to_string(unseen.size() + again.size()) + " " + draw_words(draw)
                    + (asked.empty() ? "" : " not already asked") + ", not " + std::to_string(wanted));
        SeededRandom random(mix_seed(seed, d + 1));
        const auto from_unseen = std::min(wanted, unseen.size());
        choose_front(unseen, from_unseen, random);
        choose_front(again, wanted - from_unseen, random);
        for (std::size_t k = 0; k < wanted; ++k) {
            const auto index = k < from_unseen ? unseen[k] : again[k - from_unseen];
            asked.insert(index);
            codes.push_back(bank[index].code);
        }
    }
    if (plan.shuffle) {
        SeededRandom random(mix_seed(seed, 0));
        random.shuffle(codes);
    }
    return codes;
}

Result<void> may_start_attempt(int used, int allowed)
{
    if (allowed > 0 && used >= allowed)
        return make_error(ErrorCode::FailedPrecondition,
            allowed == 1 ? std::string("You have already taken this quiz: it allows one attempt")
                         : "You have used all " + std::to_string(allowed) + " attempts at this quiz",
            "attempts");
    return {};
}

bool in_time(std::int64_t started, std::int64_t now, int limit_minutes)
{
    return limit_minutes <= 0 || now <= started + std::int64_t { limit_minutes } * 60 + k_quiz_grace_seconds;
}

Result<AttemptResult> grade_attempt(const std::vector<Task>& tasks, const std::vector<Json>& answers)
{
    if (answers.size() > tasks.size())
        return make_error(ErrorCode::InvalidArgument,
            "the attempt has " + std::to_string(tasks.size()) + " questions, not " + std::to_string(answers.size()),
            "answers");
    AttemptResult result;
    result.questions.resize(tasks.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i].is_null())
            continue;
        auto graded = grade(tasks[i], answers[i]);
        if (!graded.ok()) {
            auto error = graded.error();
            error.message = "questions[" + std::to_string(i) + "]: " + error.message;
            error.field = "questions[" + std::to_string(i) + "]";
            return error;
        }
        result.score += graded.value().score;
        ++result.answered;
        result.correct += graded.value().verdict == Verdict::Correct ? 1 : 0;
        result.questions[i] = std::move(graded.value());
    }
    return result;
}

std::string attempt_score_for_people(const AttemptResult& result)
{
    const auto total = result.questions.size();
    char score[32];
    if (std::abs(result.score - std::round(result.score)) < 1e-9)
        std::snprintf(score, sizeof score, "%.0f", result.score);
    else
        std::snprintf(score, sizeof score, "%.1f", result.score);
    const auto percent = total == 0 ? 0 : static_cast<int>(std::lround(100 * result.score / static_cast<double>(total)));
    return std::string(score) + " of " + std::to_string(total) + " (" + std::to_string(percent) + "%)";
}

} // namespace learnloop
