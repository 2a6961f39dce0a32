// The wire form of tasks (docs/curriculum-format.md, "Tasks on the wire"):
// encoding in either view, decoding, and the invariants every task keeps.
#include "practice/tasks.hpp"

#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace learnloop {

namespace {

std::string_view view_name(TaskView view) { return view == TaskView::ForStudent ? "for_student" : "with_answers"; }

Error task_error(const std::string& what, std::string field = {})
{
    return make_error(ErrorCode::InvalidArgument, "Task " + what, std::move(field));
}

// The codec's readers: core/json_reader's, with every message prefixed "Task "
// (a task on the wire is one value, so its errors say whose field it is).
template<typename T>
Result<T> in_task(Result<T> result)
{
    if (result.ok())
        return result;
    auto error = result.release_error();
    return task_error(error.message, std::move(error.field));
}

Result<std::string> string_at(const Json& object, const std::string& key)
{
    return in_task(json_string_field(object, key));
}

Result<std::vector<std::string>> strings_at(const Json& value, const std::string& path)
{
    if (!value.is_array())
        return task_error(path + " must be an array of strings", path);
    std::vector<std::string> out;
    for (auto& item : value) {
        if (!item.is_string())
            return task_error(path + " must be an array of strings", path);
        out.push_back(item.get<std::string>());
    }
    return out;
}

Result<const Json*> array_at(const Json& object, const std::string& key)
{
    auto* value = TRY(in_task(json_field(object, key)));
    return in_task(json_array_at(*value, key, 0, std::numeric_limits<std::size_t>::max()));
}

Result<double> number_at(const Json& object, const std::string& key)
{
    auto* value = TRY(in_task(json_field(object, key)));
    return in_task(json_number_at(*value, key));
}

Result<std::uint64_t> parse_seed(const std::string& text)
{
    if (text.empty() || text.size() > 20)
        return task_error("seed must be a decimal string", "seed");
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return task_error("seed must be a decimal string", "seed");
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return task_error("seed is out of range", "seed");
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

Json to_json(const Task& task, TaskView view)
{
    // A task that itself lacks answers cannot be shown with them.
    bool answers = view == TaskView::WithAnswers && task.view == TaskView::WithAnswers;
    Json json = {
        { "template_id", task.template_id },
        { "target_id", task.target_id },
        { "kind", task_kind_name(task.kind) },
        { "difficulty", task.difficulty },
        // A string: JavaScript numbers cannot hold every 64-bit seed.
        { "seed", std::to_string(task.seed) },
        { "view", view_name(answers ? TaskView::WithAnswers : TaskView::ForStudent) },
        { "prompt", task.prompt },
    };
    if (answers)
        json["explanation"] = task.explanation;
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        Json options = Json::array();
        for (auto& option : task.options) {
            Json item = { { "text", option.text } };
            if (answers) {
                item["correct"] = option.correct;
                if (!option.feedback.empty())
                    item["feedback"] = option.feedback;
            }
            options.push_back(std::move(item));
        }
        json["options"] = std::move(options);
        if (task.all_or_nothing)
            json["all_or_nothing"] = true;   // both views: the student is told how it is scored
        break;
    }
    case TaskKind::Numeric:
        json["unit"] = task.unit;
        if (answers) {
            json["answer"] = task.answer;
            json["tolerance"] = task.tolerance;
            Json mistakes = Json::array();
            for (auto& mistake : task.numeric_mistakes)
                mistakes.push_back({ { "value", mistake.value }, { "feedback", mistake.feedback } });
            json["mistakes"] = std::move(mistakes);
        }
        break;
    case TaskKind::ShortText:
        if (answers) {
            json["answers"] = task.accepted_answers;
            Json mistakes = Json::array();
            for (auto& mistake : task.text_mistakes)
                mistakes.push_back({ { "text", mistake.text }, { "feedback", mistake.feedback } });
            json["mistakes"] = std::move(mistakes);
        }
        break;
    case TaskKind::Cloze:
        json["segments"] = task.segments;
        if (answers)
            json["gaps"] = task.gap_answers;
        break;
    case TaskKind::Ordering:
        json["items"] = task.items;
        if (answers)
            json["correct_order"] = task.correct_order;
        break;
    case TaskKind::QuantitativeComparison:
        json["quantity_a"] = task.quantity_a;
        json["quantity_b"] = task.quantity_b;
        if (answers) {
            json["answer"] = comparison_name(task.comparison);
            Json feedback = Json::object();
            for (auto& [comparison, text] : task.comparison_feedback)
                feedback[std::string(comparison_name(comparison))] = text;
            json["feedback"] = std::move(feedback);
        }
        break;
    }
    return json;
}

Result<Task> decode_task(const Json& json)
{
    // Unknown fields are ignored here (unlike templates): a client cached by
    // the service worker must keep working when the server adds a field.
    if (!json.is_object())
        return task_error("must be a JSON object");
    Task task;
    task.template_id = TRY(string_at(json, "template_id"));
    task.target_id = TRY(string_at(json, "target_id"));
    auto kind = parse_task_kind(TRY(string_at(json, "kind")));
    if (!kind.ok())
        return task_error("kind is not a known task kind", "kind");
    task.kind = kind.value();
    auto difficulty = json.find("difficulty");
    if (difficulty == json.end() || !difficulty->is_number_integer())
        return task_error("difficulty must be an integer", "difficulty");
    task.difficulty = static_cast<int>(std::clamp<std::int64_t>(difficulty->get<std::int64_t>(), -1, 99));
    task.seed = TRY(parse_seed(TRY(string_at(json, "seed"))));
    auto view = TRY(string_at(json, "view"));
    if (view != "for_student" && view != "with_answers")
        return task_error("view must be for_student or with_answers", "view");
    task.view = view == "with_answers" ? TaskView::WithAnswers : TaskView::ForStudent;
    bool answers = task.view == TaskView::WithAnswers;
    task.prompt = TRY(string_at(json, "prompt"));
    if (answers)
        task.explanation = TRY(string_at(json, "explanation"));

    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect:
        for (auto& item : *TRY(array_at(json, "options"))) {
            if (!item.is_object())
                return task_error("options must be objects", "options");
            TaskOption option;
            option.text = TRY(string_at(item, "text"));
            if (answers) {
                auto correct = item.find("correct");
                if (correct == item.end() || !correct->is_boolean())
                    return task_error("options[].correct must be true or false", "options");
                option.correct = correct->get<bool>();
                if (item.contains("feedback"))
                    option.feedback = TRY(string_at(item, "feedback"));
            }
            task.options.push_back(std::move(option));
        }
        if (auto all = json.find("all_or_nothing"); all != json.end()) {
            if (!all->is_boolean() || task.kind != TaskKind::MultipleSelect)
                return task_error("all_or_nothing must be true or false, on a multiple_select task", "all_or_nothing");
            task.all_or_nothing = all->get<bool>();
        }
        break;
    case TaskKind::Numeric:
        task.unit = TRY(string_at(json, "unit"));
        if (answers) {
            task.answer = TRY(number_at(json, "answer"));
            task.tolerance = TRY(number_at(json, "tolerance"));
            for (auto& item : *TRY(array_at(json, "mistakes"))) {
                if (!item.is_object())
                    return task_error("mistakes must be objects", "mistakes");
                task.numeric_mistakes.push_back({ TRY(number_at(item, "value")), TRY(string_at(item, "feedback")) });
            }
        }
        break;
    case TaskKind::ShortText:
        if (answers) {
            task.accepted_answers = TRY(strings_at(*TRY(array_at(json, "answers")), "answers"));
            for (auto& item : *TRY(array_at(json, "mistakes"))) {
                if (!item.is_object())
                    return task_error("mistakes must be objects", "mistakes");
                task.text_mistakes.push_back({ TRY(string_at(item, "text")), TRY(string_at(item, "feedback")) });
            }
        }
        break;
    case TaskKind::Cloze:
        task.segments = TRY(strings_at(*TRY(array_at(json, "segments")), "segments"));
        if (answers)
            for (auto& gap : *TRY(array_at(json, "gaps")))
                task.gap_answers.push_back(TRY(strings_at(gap, "gaps[]")));
        break;
    case TaskKind::Ordering:
        task.items = TRY(strings_at(*TRY(array_at(json, "items")), "items"));
        if (answers)
            for (auto& index : *TRY(array_at(json, "correct_order"))) {
                if (!index.is_number_integer() || index.get<std::int64_t>() < 0
                    || index.get<std::uint64_t>() >= task.items.size())
                    return task_error("correct_order must hold item indices", "correct_order");
                task.correct_order.push_back(static_cast<std::size_t>(index.get<std::uint64_t>()));
            }
        break;
    case TaskKind::QuantitativeComparison:
        task.quantity_a = TRY(string_at(json, "quantity_a"));
        task.quantity_b = TRY(string_at(json, "quantity_b"));
        if (answers) {
            auto comparison = parse_comparison(TRY(string_at(json, "answer")));
            if (!comparison.ok())
                return task_error("answer " + comparison.error().message, "answer");
            task.comparison = comparison.value();
            auto feedback = json.find("feedback");
            if (feedback != json.end()) {
                if (!feedback->is_object())
                    return task_error("feedback must be an object", "feedback");
                for (auto& [name, text] : feedback->items()) {
                    auto key = parse_comparison(name);
                    if (!key.ok() || !text.is_string())
                        return task_error("feedback must map a_greater, b_greater, equal or cannot_determine to text",
                            "feedback");
                    task.comparison_feedback[key.value()] = text.get<std::string>();
                }
            }
        }
        break;
    }
    TRY(validate_task(task));
    return task;
}

Result<void> validate_task(const Task& task)
{
    if (task.template_id.empty() || task.target_id.empty())
        return task_error("needs a template_id and a target_id");
    if (task.difficulty < k_min_difficulty || task.difficulty > k_max_difficulty)
        return task_error("difficulty must be from 1 to 5", "difficulty");
    bool answers = task.view == TaskView::WithAnswers;
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        if (task.options.size() < 2 || task.options.size() > k_max_options)
            return task_error("must have 2 to 10 options", "options");
        auto correct = std::count_if(task.options.begin(), task.options.end(), [](auto& o) { return o.correct; });
        if (answers && task.kind == TaskKind::SingleChoice && correct != 1)
            return task_error("must have exactly one correct option", "options");
        if (answers && task.kind == TaskKind::MultipleSelect && correct < 1)
            return task_error("must have at least one correct option", "options");
        break;
    }
    case TaskKind::Numeric:
        if (answers && (!std::isfinite(task.answer) || !std::isfinite(task.tolerance) || task.tolerance < 0))
            return task_error("needs a finite answer and a non-negative tolerance", "answer");
        for (auto& mistake : task.numeric_mistakes)
            if (!std::isfinite(mistake.value))
                return task_error("mistakes must be finite numbers", "mistakes");
        break;
    case TaskKind::ShortText:
        if (answers && task.accepted_answers.empty())
            return task_error("needs at least one accepted answer", "answers");
        break;
    case TaskKind::Cloze:
        if (task.segments.size() < 2 || task.segments.size() > k_max_cloze_gaps + 1)
            return task_error("must have 1 to 20 gaps", "segments");
        if (answers && task.gap_answers.size() != task.segments.size() - 1)
            return task_error("needs accepted answers for each gap", "gaps");
        for (auto& answers_for_gap : task.gap_answers)
            if (answers_for_gap.empty())
                return task_error("needs accepted answers for each gap", "gaps");
        break;
    case TaskKind::Ordering: {
        if (task.items.size() < 2 || task.items.size() > k_max_ordering_items)
            return task_error("must have 2 to 10 items", "items");
        if (!answers)
            break;
        // A permutation: every index below the item count exactly once
        // (checked without allocating: grading calls this for every answer).
        static_assert(k_max_ordering_items <= 32, "the seen-mask below has 32 bits");
        std::uint32_t seen = 0;
        bool permutation = task.correct_order.size() == task.items.size();
        for (std::size_t index : task.correct_order) {
            permutation = permutation && index < task.items.size() && !(seen >> index & 1u);
            if (permutation)
                seen |= 1u << index;
        }
        if (!permutation)
            return task_error("correct_order must be a permutation of the item indices", "correct_order");
        break;
    }
    case TaskKind::QuantitativeComparison:
        break;
    }
    return {};
}

} // namespace learnloop
