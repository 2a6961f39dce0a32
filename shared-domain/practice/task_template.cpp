// Task templates decoded from JSON and checked against every rule in
// docs/curriculum-format.md, so a TaskTemplate that came through always generates.
#include "practice/tasks.hpp"

#include "core/json_reader.hpp"
#include "core/validation.hpp"
#include "practice/grading.hpp"
#include "practice/template_text.hpp"

#include <algorithm>
#include <cmath>
#include <set>

// [SECTION] Reading template fields
// [SECTION] Template decoding

namespace learnloop {

namespace {

using namespace detail;

constexpr Comparison k_comparisons[] = {
    Comparison::AGreater, Comparison::BGreater, Comparison::Equal, Comparison::CannotDetermine
};

// [SECTION] Reading template fields

Result<std::string> read_text(const Json& value, const std::string& path, std::size_t max, TextLines lines)
{
    auto text = TRY(json_string_at(value, path));
    return validate_text(text, path, path, 1, max, lines);
}

Result<std::string> required_text(JsonObjectReader& reader, std::string_view key, std::size_t max, TextLines lines)
{
    auto* value = TRY(reader.require(key));
    return read_text(*value, reader.path(key), max, lines);
}

// Slot numbers are integers within ±k_max_slot_number (checked by the caller
// for negative values; huge unsigned ones are refused here before they wrap).
Result<std::int64_t> read_slot_int(const Json& value, const std::string& path)
{
    auto number = TRY(json_int_at(value, path));
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(k_max_slot_number))
        return json_error_at(path, "is too large");
    return number;
}

bool is_identifier(std::string_view text)
{
    if (text.empty() || text.size() > 100)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
            || c == '-';
    });
}

// [SECTION] Template decoding

constexpr std::size_t k_max_prompt_length = 2000;
constexpr std::size_t k_max_explanation_length = 4000;
constexpr std::size_t k_max_option_length = 500;
constexpr std::size_t k_max_feedback_length = 1000;
constexpr std::size_t k_max_short_answer_length = 200;
constexpr std::size_t k_max_unit_length = 30;

// Validates a text field and its placeholders, returning the trimmed text.
Result<std::string> template_text(const Json& value, const std::string& path, std::size_t max, TextLines lines,
    const Scope& scope)
{
    auto text = TRY(read_text(value, path, max, lines));
    TRY(check_placeholders(text, scope, path));
    return text;
}

Result<std::string> required_template_text(JsonObjectReader& reader, std::string_view key, std::size_t max,
    TextLines lines, const Scope& scope)
{
    auto* value = TRY(reader.require(key));
    return template_text(*value, reader.path(key), max, lines, scope);
}

Result<std::string> optional_template_text(JsonObjectReader& reader, std::string_view key, std::size_t max,
    const Scope& scope)
{
    auto* value = reader.find(key);
    if (!value)
        return std::string();
    return template_text(*value, reader.path(key), max, TextLines::Single, scope);
}

// A text answer must still mean something after normalisation (not just "...").
Result<std::string> answer_text(const Json& value, const std::string& path, const Scope& scope)
{
    auto text = TRY(template_text(value, path, k_max_short_answer_length, TextLines::Single, scope));
    if (normalize_answer_text(text).empty())
        return json_error_at(path, "is empty once punctuation and spaces are removed");
    return text;
}

Result<std::vector<std::string>> answer_list(const Json& value, const std::string& path, const Scope& scope)
{
    std::vector<std::string> answers;
    if (value.is_string()) {
        answers.push_back(TRY(answer_text(value, path, scope)));
        return answers;
    }
    auto* list = TRY(json_array_at(value, path, 1, k_max_accepted_answers));
    for (std::size_t i = 0; i < list->size(); ++i)
        answers.push_back(TRY(answer_text((*list)[i], json_index_path(path, i), scope)));
    return answers;
}

Result<NumberSource> number_source(const Json& value, const std::string& path, const Scope& scope)
{
    if (value.is_string()) {
        auto source = value.get<std::string>();
        TRY(check_expression(source, scope, path));
        return NumberSource(std::move(source));
    }
    if (!value.is_number())
        return json_error_at(path, "must be a number or an expression string such as \"a*b\"");
    auto number = TRY(json_number_at(value, path));
    if (std::fabs(number) > k_max_rendered_number)
        return json_error_at(path, "must be within ±10^12");
    return NumberSource(number);
}

Result<void> decode_variants(JsonObjectReader& root, TaskTemplate& tmpl, Scope& scope)
{
    auto* json = root.find("variants");
    if (!json)
        return {};
    auto* rows = TRY(json_array_at(*json, "variants", 1, k_max_variants));
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto path = json_index_path("variants", i);
        auto& row_json = (*rows)[i];
        if (!row_json.is_object() || row_json.empty() || row_json.size() > k_max_slots)
            return json_error_at(path, "must be a JSON object of 1 to 20 name: value pairs");
        std::map<std::string, VariantValue> row;
        for (auto& [key, value] : row_json.items()) {
            auto value_path = json_path(path, key);
            if (!is_slot_name(key))
                return json_error_at(value_path, "is not a valid name (letters, digits and _, not starting with a digit)");
            if (value.is_string()) {
                row[key] = TRY(read_text(value, value_path, k_max_short_answer_length, TextLines::Single));
            } else if (value.is_number()) {
                double number = TRY(json_number_at(value, value_path));
                if (std::fabs(number) > static_cast<double>(k_max_slot_number))
                    return json_error_at(value_path, "must be within ±10^9");
                row[key] = number;
            } else {
                return json_error_at(value_path, "must be a string or a number");
            }
        }
        if (i > 0) {
            auto& first = tmpl.variants.front();
            for (auto& [key, value] : row)
                if (!first.contains(key) || first.at(key).index() != value.index())
                    return json_error_at(json_path(path, key), "must appear, with the same type, in every variant");
            if (row.size() != first.size())
                return json_error_at(path, "must have the same names as variants[0]");
        }
        tmpl.variants.push_back(std::move(row));
    }
    for (auto& [key, first_value] : tmpl.variants.front()) {
        NameInfo info;
        info.is_number = std::holds_alternative<double>(first_value);
        if (info.is_number) {
            info.range = { std::get<double>(first_value), std::get<double>(first_value) };
            for (auto& row : tmpl.variants) {
                double number = std::get<double>(row.at(key));
                info.range.low = std::min(info.range.low, number);
                info.range.high = std::max(info.range.high, number);
            }
        }
        scope[key] = info;
    }
    return {};
}

Result<void> decode_slots(JsonObjectReader& root, TaskTemplate& tmpl, Scope& scope)
{
    auto* json = root.find("slots");
    if (!json)
        return {};
    auto* list = TRY(json_array_at(*json, "slots", 0, k_max_slots));
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = json_index_path("slots", i);
        auto reader = TRY(JsonObjectReader::open((*list)[i], path));
        SlotSpec slot;
        auto* name = TRY(reader.require("name"));
        if (!name->is_string() || !is_slot_name(name->get<std::string>()))
            return json_error_at(reader.path("name"),
                "must be a name of letters, digits and _ (not starting with a digit, at most 32 characters)");
        slot.name = name->get<std::string>();
        if (scope.contains(slot.name))
            return json_error_at(reader.path("name"), in_quotes(slot.name) + " is already defined");
        NameInfo info;
        auto* words = reader.find("words");
        auto* expression = reader.find("expr");
        auto* min = reader.find("min");
        int kinds = (words ? 1 : 0) + (expression ? 1 : 0) + (min ? 1 : 0);
        if (kinds != 1)
            return json_error_at(path, "must have exactly one of \"words\", \"min\"/\"max\" or \"expr\"");
        if (words) {
            slot.type = SlotSpec::Type::Words;
            auto words_path = reader.path("words");
            auto* items = TRY(json_array_at(*words, words_path, 1, k_max_words));
            for (std::size_t w = 0; w < items->size(); ++w)
                slot.words.push_back(TRY(
                    read_text((*items)[w], json_index_path(words_path, w), k_max_short_answer_length, TextLines::Single)));
        } else if (min) {
            slot.type = SlotSpec::Type::Range;
            slot.min = TRY(read_slot_int(*min, reader.path("min")));
            slot.max = TRY(read_slot_int(*TRY(reader.require("max")), reader.path("max")));
            if (auto* step = reader.find("step"))
                slot.step = TRY(read_slot_int(*step, reader.path("step")));
            if (std::abs(slot.min) > k_max_slot_number || std::abs(slot.max) > k_max_slot_number)
                return json_error_at(path, "min and max must be within ±10^9");
            if (slot.min > slot.max)
                return json_error_at(reader.path("max"), "must not be less than min");
            if (slot.step < 1)
                return json_error_at(reader.path("step"), "must be at least 1");
            std::int64_t last = slot.min + (slot.max - slot.min) / slot.step * slot.step;
            info.is_number = true;
            info.range = { static_cast<double>(slot.min), static_cast<double>(last) };
        } else {
            slot.type = SlotSpec::Type::Computed;
            auto expr_path = reader.path("expr");
            if (!expression->is_string())
                return json_error_at(expr_path, "must be an expression string such as \"a*b\"");
            slot.expression = expression->get<std::string>();
            info.range = TRY(check_expression(slot.expression, scope, expr_path));
            if (auto* decimals = reader.find("decimals")) {
                auto places = TRY(read_slot_int(*decimals, reader.path("decimals")));
                if (places < 0 || places > 6)
                    return json_error_at(reader.path("decimals"), "must be from 0 to 6");
                slot.decimals = static_cast<int>(places);
                // Rounding can move the value by half a unit in the last place.
                double half = 0.5 / k_powers_of_ten[slot.decimals];
                info.range = { info.range.low - half, info.range.high + half };
            }
            info.is_number = true;
            info.decimals = slot.decimals;
        }
        TRY(reader.reject_unknown("a slot"));
        scope[slot.name] = info;
        tmpl.slots.push_back(std::move(slot));
    }
    return {};
}

Result<void> decode_options(JsonObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    auto* list = TRY(json_array_at(*TRY(root.require("options")), "options", 2, k_max_options));
    std::set<std::string> seen;
    std::size_t correct = 0;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = json_index_path("options", i);
        auto reader = TRY(JsonObjectReader::open((*list)[i], path));
        TemplateOption option;
        option.text = TRY(required_template_text(reader, "text", k_max_option_length, TextLines::Single, scope));
        if (auto* flag = reader.find("correct")) {
            if (!flag->is_boolean())
                return json_error_at(reader.path("correct"), "must be true or false");
            option.correct = flag->get<bool>();
        }
        option.feedback = TRY(optional_template_text(reader, "feedback", k_max_feedback_length, scope));
        TRY(reader.reject_unknown("an option"));
        if (!seen.insert(normalize_answer_text(option.text)).second)
            return json_error_at(path, "repeats the text of an earlier option");
        correct += option.correct ? 1 : 0;
        tmpl.options.push_back(std::move(option));
    }
    if (tmpl.kind == TaskKind::SingleChoice && correct != 1)
        return json_error_at("options",
            "must have exactly one option with \"correct\": true (found " + std::to_string(correct) + ")");
    if (tmpl.kind == TaskKind::MultipleSelect && correct == 0)
        return json_error_at("options", "must have at least one option with \"correct\": true");
    return {};
}

Result<void> decode_mistakes(JsonObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    auto* json = root.find("mistakes");
    if (!json)
        return {};
    auto* list = TRY(json_array_at(*json, "mistakes", 0, k_max_accepted_answers));
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = json_index_path("mistakes", i);
        auto reader = TRY(JsonObjectReader::open((*list)[i], path));
        TemplateMistake mistake;
        auto* answer = TRY(reader.require("answer"));
        if (tmpl.kind == TaskKind::Numeric)
            mistake.value = TRY(number_source(*answer, reader.path("answer"), scope));
        else
            mistake.text = TRY(answer_text(*answer, reader.path("answer"), scope));
        mistake.feedback = TRY(
            required_template_text(reader, "feedback", k_max_feedback_length, TextLines::Single, scope));
        TRY(reader.reject_unknown("a mistake"));
        tmpl.mistakes.push_back(std::move(mistake));
    }
    return {};
}

Result<void> decode_kind_fields(JsonObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    switch (tmpl.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect:
        return decode_options(root, tmpl, scope);
    case TaskKind::Numeric: {
        tmpl.answer = TRY(number_source(*TRY(root.require("answer")), "answer", scope));
        if (auto* tolerance = root.find("tolerance")) {
            tmpl.tolerance = TRY(json_number_at(*tolerance, "tolerance"));
            if (tmpl.tolerance < 0)
                return json_error_at("tolerance", "must not be negative");
        }
        tmpl.unit = TRY(optional_template_text(root, "unit", k_max_unit_length, scope));
        return decode_mistakes(root, tmpl, scope);
    }
    case TaskKind::ShortText:
        tmpl.accepted_answers = TRY(answer_list(*TRY(root.require("answers")), "answers", scope));
        return decode_mistakes(root, tmpl, scope);
    case TaskKind::Cloze: {
        tmpl.cloze_text = TRY(read_text(*TRY(root.require("text")), "text", k_max_prompt_length, TextLines::Multiple));
        auto segments = split_cloze(tmpl.cloze_text);
        for (auto& segment : segments)
            TRY(check_placeholders(segment, scope, "text"));
        auto* gaps = TRY(json_array_at(*TRY(root.require("gaps")), "gaps", 1, k_max_cloze_gaps));
        if (gaps->size() != segments.size() - 1)
            return json_error_at("gaps",
                "has " + std::to_string(gaps->size()) + " entries but text has " + std::to_string(segments.size() - 1)
                    + " gaps (a gap is ___)");
        for (std::size_t i = 0; i < gaps->size(); ++i)
            tmpl.gap_answers.push_back(TRY(answer_list((*gaps)[i], json_index_path("gaps", i), scope)));
        return {};
    }
    case TaskKind::Ordering: {
        auto* items = TRY(json_array_at(*TRY(root.require("items")), "items", 2, k_max_ordering_items));
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            auto path = json_index_path("items", i);
            auto item = TRY(template_text((*items)[i], path, k_max_option_length, TextLines::Single, scope));
            if (!seen.insert(normalize_answer_text(item)).second)
                return json_error_at(path, "repeats an earlier item");
            tmpl.items.push_back(std::move(item));
        }
        return {};
    }
    case TaskKind::QuantitativeComparison: {
        tmpl.quantity_a = TRY(
            required_template_text(root, "quantity_a", k_max_option_length, TextLines::Single, scope));
        tmpl.quantity_b = TRY(
            required_template_text(root, "quantity_b", k_max_option_length, TextLines::Single, scope));
        auto* answer = root.find("answer");
        auto* compare = root.find("compare");
        if (!answer && !compare)
            return json_error_at("answer", "is required (or \"compare\" to compute it)");
        if (answer && compare)
            return json_error_at("compare", "cannot be given together with answer");
        if (answer) {
            if (!answer->is_string())
                return json_error_at("answer", "must be a string");
            auto comparison = parse_comparison(answer->get<std::string>());
            if (!comparison.ok())
                return json_error_at("answer", comparison.error().message);
            tmpl.comparison = comparison.value();
        } else {
            auto reader = TRY(JsonObjectReader::open(*compare, "compare"));
            for (auto [key, target] : { std::pair { "a", &tmpl.compare_a }, std::pair { "b", &tmpl.compare_b } }) {
                auto* expression = TRY(reader.require(key));
                if (!expression->is_string())
                    return json_error_at(reader.path(key), "must be an expression string such as \"a*b\"");
                *target = expression->get<std::string>();
                TRY(check_expression(*target, scope, reader.path(key)));
            }
            TRY(reader.reject_unknown("compare"));
        }
        if (auto* feedback = root.find("feedback")) {
            auto reader = TRY(JsonObjectReader::open(*feedback, "feedback"));
            for (auto comparison : k_comparisons) {
                auto text = TRY(optional_template_text(reader, comparison_name(comparison), k_max_feedback_length, scope));
                if (!text.empty())
                    tmpl.comparison_feedback[comparison] = std::move(text);
            }
            TRY(reader.reject_unknown("feedback (use a_greater, b_greater, equal or cannot_determine)"));
        }
        return {};
    }
    }
    return {};
}

Result<TaskTemplate> decode_template_fields(const Json& json, std::string id)
{
    auto root = TRY(JsonObjectReader::open(json, ""));
    root.find("id");
    TaskTemplate tmpl;
    tmpl.id = std::move(id);
    auto target = TRY(required_text(root, "target_id", 100, TextLines::Single));
    if (!is_identifier(target))
        return json_error_at("target_id", "must be 1-100 letters, digits, dots, dashes or underscores");
    tmpl.target_id = std::move(target);
    auto* kind = TRY(root.require("kind"));
    if (!kind->is_string())
        return json_error_at("kind", "must be a string");
    tmpl.kind = TRY(parse_task_kind(kind->get<std::string>()));
    auto difficulty = TRY(read_slot_int(*TRY(root.require("difficulty")), "difficulty"));
    if (difficulty < k_min_difficulty || difficulty > k_max_difficulty)
        return json_error_at("difficulty", "must be an integer from 1 to 5");
    tmpl.difficulty = static_cast<int>(difficulty);

    Scope scope;
    TRY(decode_variants(root, tmpl, scope));
    TRY(decode_slots(root, tmpl, scope));
    tmpl.prompt = TRY(required_template_text(root, "prompt", k_max_prompt_length, TextLines::Multiple, scope));
    tmpl.explanation = TRY(
        required_template_text(root, "explanation", k_max_explanation_length, TextLines::Multiple, scope));
    TRY(decode_kind_fields(root, tmpl, scope));
    TRY(root.reject_unknown(std::string(task_kind_name(tmpl.kind)) + " templates"));
    return tmpl;
}

} // namespace

Result<TaskTemplate> decode_task_template(const Json& json)
{
    if (!json.is_object())
        return make_error(ErrorCode::InvalidArgument, "A task template must be a JSON object");
    auto id_json = json.find("id");
    if (id_json == json.end())
        return make_error(ErrorCode::InvalidArgument, "id is required", "id");
    if (!id_json->is_string() || !is_identifier(id_json->get<std::string>()))
        return make_error(ErrorCode::InvalidArgument, "id must be 1-100 letters, digits, dots, dashes or underscores",
            "id");
    auto id = id_json->get<std::string>();
    // Every later message names the template, so one bad file among hundreds is easy to find.
    auto named = [&id](Error error) {
        error.message = "Template " + id + ": " + error.message;
        return error;
    };
    auto decoded = decode_template_fields(json, id);
    if (!decoded.ok())
        return named(decoded.release_error());
    // Static checks cannot see that two options always render alike (say
    // "{a*2}" and "{a+a}"); trying a few seeds catches such templates here.
    // The same dry run catches numeric answers like 10/3 with no tolerance,
    // which no student could type exactly.
    auto& tmpl = decoded.value();
    for (std::uint64_t seed = 0; seed < 4; ++seed) {
        auto task = generate_task(tmpl, seed);
        if (!task.ok())
            return named(make_error(ErrorCode::InvalidArgument, task.error().message, task.error().field));
        double answer = task.value().answer;
        if (tmpl.kind == TaskKind::Numeric
            && std::fabs(round_to(answer, 6) - answer) > tmpl.tolerance + 1e-9 * std::max(1.0, std::fabs(answer)))
            return named(json_error_at("tolerance",
                "must be given: the answer can be " + format_number(answer, -1)
                    + "..., which cannot be typed exactly (a tolerance such as 0.01 accepts rounded answers)"));
    }
    return decoded;
}

} // namespace learnloop
