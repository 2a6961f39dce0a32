// Concrete tasks generated from templates: a task is a pure function of
// (template, seed), identical natively and in WebAssembly.
#include "practice/tasks.hpp"

#include "core/random.hpp"
#include "practice/grading.hpp"
#include "practice/template_text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

namespace learnloop {

namespace {

using namespace detail;

constexpr int k_generation_attempts = 50;

Result<Values> draw_values(const TaskTemplate& tmpl, SeededRandom& rng)
{
    Values values;
    if (!tmpl.variants.empty()) {
        auto& row = tmpl.variants[static_cast<std::size_t>(rng.below(tmpl.variants.size()))];
        for (auto& [key, value] : row) {
            SlotValue slot;
            slot.is_number = std::holds_alternative<double>(value);
            if (slot.is_number)
                slot.number = std::get<double>(value);
            else
                slot.text = std::get<std::string>(value);
            values[key] = std::move(slot);
        }
    }
    for (auto& spec : tmpl.slots) {
        SlotValue slot;
        switch (spec.type) {
        case SlotSpec::Type::Words:
            if (spec.words.empty())
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has no words");
            slot.text = spec.words[static_cast<std::size_t>(rng.below(spec.words.size()))];
            break;
        case SlotSpec::Type::Range: {
            if (spec.step < 1 || spec.max < spec.min)
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has an empty range");
            auto count = static_cast<std::uint64_t>((spec.max - spec.min) / spec.step) + 1;
            slot.is_number = true;
            slot.number = static_cast<double>(spec.min + static_cast<std::int64_t>(rng.below(count)) * spec.step);
            break;
        }
        case SlotSpec::Type::Computed:
            if (spec.decimals < -1 || spec.decimals > 6)
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has decimals outside 0-6");
            slot.is_number = true;
            slot.number = TRY(evaluate_source(spec.expression, values));
            slot.decimals = spec.decimals;
            if (spec.decimals >= 0)
                slot.number = round_to(slot.number, spec.decimals);
            break;
        }
        values[spec.name] = std::move(slot);
    }
    return values;
}

bool all_distinct(const std::vector<std::string>& texts)
{
    std::set<std::string> seen;
    for (auto& text : texts)
        if (!seen.insert(normalize_answer_text(text)).second)
            return false;
    return true;
}

std::vector<std::size_t> identity_order(std::size_t count)
{
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i)
        order[i] = i;
    return order;
}

// One draw. Returns an empty optional when the draw made options collide.
Result<std::optional<Task>> generate_attempt(const TaskTemplate& tmpl, std::uint64_t draw_seed)
{
    // Separate streams, so adding a slot does not change the option order.
    SeededRandom slot_rng(mix_seed(draw_seed, 1));
    SeededRandom order_rng(mix_seed(draw_seed, 2));
    auto values = TRY(draw_values(tmpl, slot_rng));

    Task task;
    task.template_id = tmpl.id;
    task.target_id = tmpl.target_id;
    task.kind = tmpl.kind;
    task.difficulty = tmpl.difficulty;
    task.view = TaskView::WithAnswers;
    task.prompt = TRY(render(tmpl.prompt, values));
    task.explanation = TRY(render(tmpl.explanation, values));

    switch (tmpl.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        std::vector<TaskOption> rendered;
        std::vector<std::string> texts;
        for (auto& option : tmpl.options) {
            rendered.push_back(
                { TRY(render(option.text, values)), option.correct, TRY(render(option.feedback, values)) });
            texts.push_back(rendered.back().text);
        }
        if (!all_distinct(texts))
            return std::optional<Task>();
        auto order = identity_order(rendered.size());
        order_rng.shuffle(order);
        for (auto index : order)
            task.options.push_back(rendered[index]);
        break;
    }
    case TaskKind::Numeric:
        task.answer = TRY(evaluate_number_source(tmpl.answer, values));
        task.tolerance = tmpl.tolerance;
        task.unit = TRY(render(tmpl.unit, values));
        for (auto& mistake : tmpl.mistakes)
            task.numeric_mistakes.push_back(
                { TRY(evaluate_number_source(mistake.value, values)), TRY(render(mistake.feedback, values)) });
        break;
    case TaskKind::ShortText:
        task.accepted_answers = TRY(render_all(tmpl.accepted_answers, values));
        for (auto& mistake : tmpl.mistakes)
            task.text_mistakes.push_back({ TRY(render(mistake.text, values)), TRY(render(mistake.feedback, values)) });
        break;
    case TaskKind::Cloze:
        task.segments = TRY(render_all(split_cloze(tmpl.cloze_text), values));
        for (auto& answers : tmpl.gap_answers)
            task.gap_answers.push_back(TRY(render_all(answers, values)));
        break;
    case TaskKind::Ordering: {
        auto items = TRY(render_all(tmpl.items, values));
        if (!all_distinct(items))
            return std::optional<Task>();
        // Presenting the items already in order would give the answer away.
        auto order = identity_order(items.size());
        for (int shuffles = 0; shuffles < 8 && order == identity_order(items.size()); ++shuffles)
            order_rng.shuffle(order);
        if (order.size() >= 2 && order == identity_order(items.size()))
            std::rotate(order.begin(), order.begin() + 1, order.end());
        task.correct_order.resize(items.size());
        for (std::size_t position = 0; position < order.size(); ++position) {
            task.items.push_back(items[order[position]]);
            task.correct_order[order[position]] = position;
        }
        break;
    }
    case TaskKind::QuantitativeComparison:
        task.quantity_a = TRY(render(tmpl.quantity_a, values));
        task.quantity_b = TRY(render(tmpl.quantity_b, values));
        task.comparison = tmpl.comparison;
        if (!tmpl.compare_a.empty()) {
            double a = TRY(evaluate_source(tmpl.compare_a, values));
            double b = TRY(evaluate_source(tmpl.compare_b, values));
            // Equal up to rounding noise, so 0.1 + 0.2 compares equal to 0.3.
            double noise = 1e-9 * std::max({ 1.0, std::fabs(a), std::fabs(b) });
            task.comparison = std::fabs(a - b) <= noise ? Comparison::Equal
                : a > b                                 ? Comparison::AGreater
                                                        : Comparison::BGreater;
        }
        for (auto& [comparison, feedback] : tmpl.comparison_feedback)
            task.comparison_feedback[comparison] = TRY(render(feedback, values));
        break;
    }
    return std::optional<Task>(std::move(task));
}

} // namespace

Result<Task> generate_task(const TaskTemplate& tmpl, std::uint64_t seed)
{
    for (int attempt = 0; attempt < k_generation_attempts; ++attempt) {
        auto draw_seed = attempt == 0 ? seed : mix_seed(seed, static_cast<std::uint64_t>(attempt) + 1000);
        auto task = TRY(generate_attempt(tmpl, draw_seed));
        if (task) {
            task->seed = seed;
            TRY(validate_task(*task));
            return std::move(*task);
        }
    }
    return make_error(ErrorCode::FailedPrecondition,
        "options or items render the same text for every draw tried; make them differ for all slot values");
}

} // namespace learnloop
