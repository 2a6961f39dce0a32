// Task templates and tasks: the names of task kinds and comparisons. The
// rest lives beside it: task_template.cpp (decoding), task_generation.cpp,
// task_codec.cpp (wire form), expression.cpp and placeholders.cpp.
#include "practice/tasks.hpp"

#include "core/numbers.hpp"

#include <cstdio>

namespace learnloop {

namespace {

constexpr std::pair<TaskKind, std::string_view> k_kind_names[] = {
    { TaskKind::SingleChoice, "single_choice" },
    { TaskKind::MultipleSelect, "multiple_select" },
    { TaskKind::Numeric, "numeric" },
    { TaskKind::ShortText, "short_text" },
    { TaskKind::Cloze, "cloze" },
    { TaskKind::Ordering, "ordering" },
    { TaskKind::QuantitativeComparison, "quantitative_comparison" },
};

constexpr std::pair<Comparison, std::string_view> k_comparison_names[] = {
    { Comparison::AGreater, "a_greater" },
    { Comparison::BGreater, "b_greater" },
    { Comparison::Equal, "equal" },
    { Comparison::CannotDetermine, "cannot_determine" },
};

} // namespace

std::string_view task_kind_name(TaskKind kind)
{
    for (auto& [value, name] : k_kind_names)
        if (value == kind)
            return name;
    return "single_choice";
}

Result<TaskKind> parse_task_kind(std::string_view name)
{
    for (auto& [value, kind_name] : k_kind_names)
        if (kind_name == name)
            return value;
    return make_error(ErrorCode::InvalidArgument,
        "kind must be one of single_choice, multiple_select, numeric, short_text, cloze, ordering, "
        "quantitative_comparison",
        "kind");
}

std::string_view comparison_name(Comparison comparison)
{
    for (auto& [value, name] : k_comparison_names)
        if (value == comparison)
            return name;
    return "equal";
}

std::string_view comparison_for_people(Comparison comparison)
{
    switch (comparison) {
    case Comparison::AGreater: return "A is greater";
    case Comparison::BGreater: return "B is greater";
    case Comparison::Equal: return "They are equal";
    case Comparison::CannotDetermine: return "It cannot be determined";
    }
    return "They are equal";
}

std::string answer_key_for_people(const Task& task)
{
    auto join = [](const std::vector<std::string>& parts, const char* between) {
        std::string out;
        for (const auto& part : parts)
            out += (out.empty() ? "" : between) + part;
        return out;
    };
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        std::vector<std::string> right;
        for (const auto& option : task.options)
            if (option.correct)
                right.push_back(option.text);
        return join(right, "; ");
    }
    case TaskKind::Numeric: {
        std::string out = number_text(task.answer, 10);
        if (task.tolerance > 0)
            out += " (\xC2\xB1 " + number_text(task.tolerance, 10) + ")";
        return task.unit.empty() ? out : out + " " + task.unit;
    }
    case TaskKind::ShortText: {
        if (task.accepted_answers.empty())
            return {};
        std::vector<std::string> others(task.accepted_answers.begin() + 1, task.accepted_answers.end());
        return others.empty() ? task.accepted_answers[0] : task.accepted_answers[0] + " (also: " + join(others, ", ") + ")";
    }
    case TaskKind::Cloze: {
        std::vector<std::string> gaps;
        for (const auto& accepted : task.gap_answers)
            gaps.push_back(accepted.empty() ? std::string() : accepted[0]);
        return join(gaps, " \xE2\x80\xA6 ");
    }
    case TaskKind::Ordering: {
        std::vector<std::string> items;
        for (auto index : task.correct_order)
            if (index < task.items.size())
                items.push_back(task.items[index]);
        return join(items, " \xE2\x86\x92 ");
    }
    case TaskKind::QuantitativeComparison: return std::string(comparison_for_people(task.comparison));
    }
    return {};
}

Result<Comparison> parse_comparison(std::string_view name)
{
    for (auto& [value, comparison] : k_comparison_names)
        if (comparison == name)
            return value;
    return make_error(ErrorCode::InvalidArgument, "must be one of a_greater, b_greater, equal, cannot_determine");
}

} // namespace learnloop
