// Task templates and tasks: the names of task kinds and comparisons. The
// rest lives beside it: task_template.cpp (decoding), task_generation.cpp,
// task_codec.cpp (wire form), expression.cpp and placeholders.cpp.
#include "practice/tasks.hpp"

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

Result<Comparison> parse_comparison(std::string_view name)
{
    for (auto& [value, comparison] : k_comparison_names)
        if (comparison == name)
            return value;
    return make_error(ErrorCode::InvalidArgument, "must be one of a_greater, b_greater, equal, cannot_determine");
}

} // namespace learnloop
