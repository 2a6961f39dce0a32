// Quizzes over the exam bank (quiz.hpp).
#include "academy/quiz.hpp"

#include "core/random.hpp"
#include "core/validation.hpp"

#include <algorithm>

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
    std::string what = draw.topic.empty() ? "questions" : "questions in " + draw.topic;
    if (!draw.skill.empty())
        what += " of skill " + draw.skill;
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

bool in_topic(std::string_view category, std::string_view topic)
{
    if (topic.empty())
        return true;
    return category.size() >= topic.size() && category.compare(0, topic.size(), topic) == 0
        && (category.size() == topic.size() || category[topic.size()] == '/');
}

std::vector<std::string> topics_of(std::string_view category)
{
    std::vector<std::string> topics;
    if (category.empty())
        return topics;
    for (auto slash = category.find('/'); slash != std::string_view::npos; slash = category.find('/', slash + 1))
        if (slash > 0)
            topics.emplace_back(category.substr(0, slash));
    topics.emplace_back(category);
    return topics;
}

int plan_question_count(const QuizPlan& plan)
{
    long long total = static_cast<long long>(plan.fixed.size());
    for (const auto& draw : plan.draws)
        total += std::max(0, draw.count);
    return static_cast<int>(std::min<long long>(total, 1 << 30));
}

Result<void> check_quiz_plan(const QuizPlan& plan)
{
    for (std::size_t d = 0; d < plan.draws.size(); ++d) {
        const auto& draw = plan.draws[d];
        const auto field = "draws[" + std::to_string(d) + "]";
        if (draw.count < 1 || draw.count > k_quiz_most_questions)
            return invalid(field, "a draw asks 1 to " + std::to_string(k_quiz_most_questions) + " questions");
        if (draw.min_difficulty < 1 || draw.max_difficulty > 5 || draw.min_difficulty > draw.max_difficulty)
            return invalid(field, "difficulty runs from 1 to 5, the lower first");
    }
    std::set<std::string_view> fixed;
    for (std::size_t f = 0; f < plan.fixed.size(); ++f)
        if (!fixed.insert(plan.fixed[f]).second)
            return invalid("fixed[" + std::to_string(f) + "]", plan.fixed[f] + " is asked twice");
    const auto total = plan_question_count(plan);
    if (total == 0)
        return invalid("questions", "a quiz asks at least one question");
    if (total > k_quiz_most_questions)
        return invalid("questions", "a quiz asks at most " + std::to_string(k_quiz_most_questions) + " questions");
    return {};
}

Result<std::vector<std::string>> draw_attempt(const QuizPlan& plan, const std::vector<BankEntry>& bank,
    const std::set<std::string>& seen, std::uint64_t seed)
{
    TRY(check_quiz_plan(plan));
    const auto total = static_cast<std::size_t>(plan_question_count(plan));

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
        asked.insert(found->second);
        codes.push_back(plan.fixed[f]);
    }
    for (std::size_t d = 0; d < plan.draws.size(); ++d) {
        const auto& draw = plan.draws[d];
        std::vector<std::size_t> unseen, again;
        for (std::size_t i = 0; i < bank.size(); ++i) {
            const auto& entry = bank[i];
            if (entry.difficulty < draw.min_difficulty || entry.difficulty > draw.max_difficulty
                || (!draw.skill.empty() && entry.skill != draw.skill) || !in_topic(entry.category, draw.topic)
                || asked.count(i))
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

// [SECTION] a quiz as its instructor sets it

std::string_view quiz_mode_name(QuizMode mode)
{
    return mode == QuizMode::Exam ? "exam" : "practice";
}

bool parse_quiz_mode(std::string_view name, QuizMode& mode)
{
    if (name == "practice")
        mode = QuizMode::Practice;
    else if (name == "exam")
        mode = QuizMode::Exam;
    else
        return false;
    return true;
}

std::string_view quiz_mode_for_people(QuizMode mode)
{
    return mode == QuizMode::Exam ? "Exam" : "Practice";
}

namespace {

Result<int> whole_in(const Json& json, const std::string& path, int low, int high)
{
    auto value = TRY(json_int_at(json, path));
    if (value < low || value > high)
        return make_error(ErrorCode::InvalidArgument,
            path + " must be a whole number from " + std::to_string(low) + " to " + std::to_string(high), path);
    return static_cast<int>(value);
}

Result<QuizPlan> read_plan(JsonObjectReader& reader)
{
    QuizPlan plan;
    if (const auto* fixed = reader.find("fixed")) {
        const auto* list = TRY(json_array_at(*fixed, "fixed", 0, k_quiz_most_questions));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto path = json_index_path("fixed", i);
            auto code = TRY(json_string_at((*list)[i], path));
            if (code.empty() || code.size() > 100)
                return make_error(ErrorCode::InvalidArgument, path + " must be a question's code", path);
            plan.fixed.push_back(std::move(code));
        }
    }
    if (const auto* draws = reader.find("draws")) {
        const auto* list = TRY(json_array_at(*draws, "draws", 0, 20));
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto path = json_index_path("draws", i);
            auto draw_reader = TRY(JsonObjectReader::open((*list)[i], path));
            QuestionDraw draw;
            if (const auto* topic = draw_reader.find("topic")) {
                draw.topic = TRY(json_string_at(*topic, json_path(path, "topic")));
                if (draw.topic.size() > 200)
                    return make_error(ErrorCode::InvalidArgument, json_path(path, "topic") + " is too long",
                        json_path(path, "topic"));
            }
            if (const auto* skill = draw_reader.find("skill")) {
                draw.skill = TRY(json_string_at(*skill, json_path(path, "skill")));
                if (draw.skill.size() > 100)
                    return make_error(ErrorCode::InvalidArgument, json_path(path, "skill") + " is too long",
                        json_path(path, "skill"));
            }
            if (const auto* low = draw_reader.find("min_difficulty"))
                draw.min_difficulty = TRY(whole_in(*low, json_path(path, "min_difficulty"), 1, 5));
            if (const auto* high = draw_reader.find("max_difficulty"))
                draw.max_difficulty = TRY(whole_in(*high, json_path(path, "max_difficulty"), 1, 5));
            draw.count = TRY(whole_in(*TRY(draw_reader.require("count")), json_path(path, "count"), 1,
                k_quiz_most_questions));
            TRY(draw_reader.reject_unknown(path));
            plan.draws.push_back(std::move(draw));
        }
    }
    if (const auto* shuffle = reader.find("shuffle")) {
        if (!shuffle->is_boolean())
            return json_error_at("shuffle", "must be true or false");
        plan.shuffle = shuffle->get<bool>();
    }
    TRY(check_quiz_plan(plan));
    return plan;
}

} // namespace

Result<QuizSettings> decode_quiz_settings(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    QuizSettings quiz;
    quiz.title = TRY(validate_text(TRY(json_string_at(*TRY(reader.require("title")), "title")), "title", "Title", 1,
        k_title_max_length, TextLines::Single));
    auto mode = TRY(json_string_at(*TRY(reader.require("mode")), "mode"));
    if (!parse_quiz_mode(mode, quiz.mode))
        return make_error(ErrorCode::InvalidArgument, "mode must be practice or exam", "mode");
    quiz.plan = TRY(read_plan(reader));
    if (const auto* limit = reader.find("time_limit_minutes"))
        quiz.time_limit_minutes = TRY(whole_in(*limit, "time_limit_minutes", 0, k_quiz_longest_minutes));
    if (const auto* attempts = reader.find("attempts_allowed"))
        quiz.attempts_allowed = TRY(whole_in(*attempts, "attempts_allowed", 0, k_quiz_most_attempts));
    if (const auto* tutor = reader.find("tutor")) {
        if (!tutor->is_boolean())
            return json_error_at("tutor", "must be true or false");
        quiz.tutor = tutor->get<bool>();
        if (quiz.tutor && quiz.mode == QuizMode::Exam)
            return make_error(ErrorCode::InvalidArgument, "tutor: the tutor helps in practice quizzes, not exams", "tutor");
    }
    TRY(reader.reject_unknown("a quiz"));
    return quiz;
}

Json quiz_plan_to_json(const QuizPlan& plan)
{
    Json draws = Json::array();
    for (const auto& d : plan.draws)
        draws.push_back({ { "topic", d.topic }, { "skill", d.skill }, { "min_difficulty", d.min_difficulty },
            { "max_difficulty", d.max_difficulty }, { "count", d.count } });
    return { { "fixed", plan.fixed }, { "draws", std::move(draws) }, { "shuffle", plan.shuffle } };
}

Result<QuizPlan> decode_quiz_plan(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, "plan"));
    auto plan = TRY(read_plan(reader));
    TRY(reader.reject_unknown("a quiz's plan"));
    return plan;
}

// [SECTION] attempts and time

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

std::int64_t attempt_deadline(std::int64_t started, int limit_minutes)
{
    return limit_minutes <= 0 ? 0 : started + std::int64_t { limit_minutes } * 60;
}

std::string time_left_for_people(std::int64_t deadline, std::int64_t now)
{
    const auto left = deadline - now;
    if (left <= 0)
        return "Time is up";
    if (left < 60)
        return std::to_string(left) + " s left";
    return std::to_string((left + 59) / 60) + " min left";
}

// [SECTION] scoring

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

double hinted_credit(double score, int hints)
{
    if (hints <= 0)
        return score;
    return score * std::max(0.25, 1.0 - 0.25 * hints);
}

std::string score_for_people(double score, std::size_t questions)
{
    char text[32];
    if (std::abs(score - std::round(score)) < 1e-9)
        std::snprintf(text, sizeof text, "%.0f", score);
    else
        std::snprintf(text, sizeof text, "%.1f", score);
    const auto percent = questions == 0 ? 0 : static_cast<int>(std::lround(100 * score / static_cast<double>(questions)));
    return std::string(text) + " of " + std::to_string(questions) + " (" + std::to_string(percent) + "%)";
}

std::string attempt_score_for_people(const AttemptResult& result)
{
    return score_for_people(result.score, result.questions.size());
}

// [SECTION] results per question

std::vector<ItemStats> item_analysis(const std::vector<AttemptItems>& attempts)
{
    std::vector<ItemStats> stats;
    std::unordered_map<std::string, std::size_t> place;
    // Per item: (its score, the rest of the attempt's score) in each attempt.
    std::vector<std::vector<std::pair<double, double>>> pairs;
    for (const auto& attempt : attempts) {
        double total = 0;
        for (const auto& [item, score] : attempt)
            total += score;
        for (const auto& [item, score] : attempt) {
            auto [it, added] = place.emplace(item, stats.size());
            if (added) {
                stats.push_back({ item });
                pairs.emplace_back();
            }
            pairs[it->second].emplace_back(score, total - score);
        }
    }
    for (std::size_t i = 0; i < stats.size(); ++i) {
        const auto& xy = pairs[i];
        const double n = static_cast<double>(xy.size());
        double sx = 0, sy = 0;
        for (const auto& [x, y] : xy) {
            sx += x;
            sy += y;
        }
        stats[i].asked = static_cast<int>(xy.size());
        stats[i].mean = sx / n;
        if (stats[i].asked < k_item_analysis_min_attempts)
            continue;
        const double mx = sx / n, my = sy / n;
        double cov = 0, vx = 0, vy = 0;
        for (const auto& [x, y] : xy) {
            cov += (x - mx) * (y - my);
            vx += (x - mx) * (x - mx);
            vy += (y - my) * (y - my);
        }
        if (vx > 1e-12 && vy > 1e-12)
            stats[i].discrimination = cov / std::sqrt(vx * vy);
    }
    return stats;
}

std::string item_flag_for_people(const ItemStats& stats)
{
    if (stats.asked < k_item_analysis_min_attempts)
        return {};
    if (stats.discrimination && *stats.discrimination < -0.1)
        return "Weaker students do better on it than stronger ones: check its key";
    if (stats.mean < 0.2)
        return "Most students miss it: check its key";
    if (stats.discrimination && *stats.discrimination < 0.1)
        return "Does not tell stronger from weaker students";
    return {};
}

} // namespace learnloop
