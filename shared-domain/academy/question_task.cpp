// A bank question as a practice task (question_task.hpp).
#include "academy/question_task.hpp"

#include "core/random.hpp"
#include "practice/grading.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace learnloop {

namespace {

constexpr double k_full_weight = 100;

Error cannot_ask(const BankQuestion& question, const std::string& why)
{
    return make_error(ErrorCode::FailedPrecondition, "question " + question.id + ": " + why, "question");
}

// "Quantity A: x" and "Quantity B: y" lines out of a comparison's text; the
// other lines stay the prompt. Without both, the whole text is the prompt.
void split_quantities(const std::string& text, Task& task)
{
    std::string prompt, a, b;
    for (auto line : split(text, '\n')) {
        if (line.rfind("Quantity A:", 0) == 0)
            a = std::string(trim(line.substr(11)));
        else if (line.rfind("Quantity B:", 0) == 0)
            b = std::string(trim(line.substr(11)));
        else
            prompt += (prompt.empty() ? "" : "\n") + std::string(line);
    }
    if (a.empty() || b.empty()) {
        task.prompt = text;
        return;
    }
    task.prompt = std::move(prompt);
    task.quantity_a = std::move(a);
    task.quantity_b = std::move(b);
}

Result<void> choices_as_options(const BankQuestion& question, Task& task, bool right_when_positive)
{
    if (question.choices.size() > k_max_options)
        return cannot_ask(question, "a quiz shows at most " + std::to_string(k_max_options) + " options");
    for (const auto& choice : question.choices) {
        const bool right = right_when_positive ? choice.weight > 0 : choice.weight >= k_full_weight;
        task.options.push_back({ choice.text, right, choice.feedback });
    }
    return {};
}

} // namespace

Result<Task> question_task(const BankQuestion& question, std::uint64_t seed)
{
    Task task;
    task.template_id = question.id;
    task.target_id = question_skill(question);
    if (task.target_id.empty())
        task.target_id = question.category.empty() ? question.id : question.category;
    task.difficulty = std::max(1, question_difficulty(question));
    task.seed = seed;
    task.view = TaskView::WithAnswers;
    task.prompt = question.text;
    task.explanation = question.explanation;
    bool shuffle = false;
    switch (question.kind) {
    case BankQuestionKind::SingleChoice:
        task.kind = TaskKind::SingleChoice;
        TRY(choices_as_options(question, task, false));
        shuffle = true;
        break;
    case BankQuestionKind::MultipleSelect:
        task.kind = TaskKind::MultipleSelect;
        TRY(choices_as_options(question, task, true));
        task.all_or_nothing = question_has_tag(question, "all-or-nothing");
        shuffle = true;
        break;
    case BankQuestionKind::TrueFalse:
        task.kind = TaskKind::SingleChoice;
        task.options = { { "True", question.truth, {} }, { "False", !question.truth, {} } };
        break;
    case BankQuestionKind::Numeric: {
        task.kind = TaskKind::Numeric;
        const auto full = std::count_if(question.numeric.begin(), question.numeric.end(),
            [](const NumericAnswer& n) { return n.weight >= k_full_weight; });
        if (full != 1)
            return cannot_ask(question, "a quiz needs exactly one numeric answer worth 100%");
        for (const auto& answer : question.numeric) {
            if (answer.weight >= k_full_weight) {
                task.answer = answer.value;
                task.tolerance = answer.tolerance;
            } else {
                task.numeric_mistakes.push_back({ answer.value, {} });
            }
        }
        break;
    }
    case BankQuestionKind::ShortText:
        task.kind = TaskKind::ShortText;
        for (const auto& choice : question.choices) {
            if (choice.weight >= k_full_weight)
                task.accepted_answers.push_back(choice.text);
            else
                task.text_mistakes.push_back({ choice.text, choice.feedback });
        }
        break;
    case BankQuestionKind::QuantComparison: {
        task.kind = TaskKind::QuantitativeComparison;
        split_quantities(question.text, task);
        // parse_gift has checked the four answers in their order and one right.
        static constexpr Comparison in_order[] = { Comparison::AGreater, Comparison::BGreater, Comparison::Equal,
            Comparison::CannotDetermine };
        for (std::size_t i = 0; i < question.choices.size() && i < 4; ++i) {
            if (question.choices[i].weight >= k_full_weight)
                task.comparison = in_order[i];
            if (!question.choices[i].feedback.empty())
                task.comparison_feedback[in_order[i]] = question.choices[i].feedback;
        }
        break;
    }
    }
    if (shuffle) {
        SeededRandom random(mix_seed(seed, hash_text(question.id)));
        random.shuffle(task.options);
    }
    if (auto valid = validate_task(task); !valid.ok())
        return cannot_ask(question, valid.error().message);
    return task;
}

Result<Task> attempt_question_task(const BankQuestion& question, std::uint64_t attempt_seed, std::size_t position)
{
    return question_task(question, mix_seed(attempt_seed, static_cast<std::uint64_t>(position)));
}

Result<std::optional<Json>> carry_answer(const Task& asked, const Task& fixed, const Json& answer)
{
    if (asked.kind != fixed.kind)
        return make_error(ErrorCode::FailedPrecondition, "the question changed kind; its answers cannot be re-scored");
    auto given = TRY(decode_answer(asked, answer));
    auto place_of = [&](std::size_t index) -> std::optional<std::size_t> {
        if (index >= asked.options.size())
            return std::nullopt;
        for (std::size_t i = 0; i < fixed.options.size(); ++i)
            if (fixed.options[i].text == asked.options[index].text)
                return i;
        return std::nullopt;
    };
    Answer carried = given;
    if (asked.kind == TaskKind::SingleChoice) {
        auto place = place_of(static_cast<std::size_t>(std::max<std::int64_t>(0, given.choice)));
        if (!place)
            return std::optional<Json> {};
        carried.choice = static_cast<std::int64_t>(*place);
    } else if (asked.kind == TaskKind::MultipleSelect) {
        carried.choices.clear();
        for (auto index : given.choices) {
            auto place = place_of(index);
            if (!place)
                return std::optional<Json> {};
            carried.choices.push_back(*place);
        }
    }
    return std::optional<Json>(encode_answer(carried));
}

} // namespace learnloop
