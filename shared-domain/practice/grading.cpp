// Graders for every task kind, answer-shape checks and text normalisation.
#include "practice/grading.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

// [SECTION] Text normalisation
// [SECTION] Answer codec
// [SECTION] Graders per kind

namespace learnloop {

// [SECTION] Text normalisation

namespace {

bool is_space_code_point(std::uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Lower-case by fixed tables rather than std::tolower/towlower, whose results
// depend on the C library and the current locale.
std::uint32_t to_lower_code_point(std::uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 0x20;
    if (cp < 0xC0)
        return cp;
    if (cp <= 0xDE && cp != 0xD7)
        return cp + 0x20;
    if (cp >= 0x100 && cp <= 0x137)
        return cp | 1;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1) ? cp + 1 : cp;
    if (cp >= 0x14A && cp <= 0x177)
        return cp | 1;
    if (cp == 0x178)
        return 0xFF;
    if (cp == 0x386)
        return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A)
        return cp + 0x25;
    if (cp == 0x38C)
        return 0x3CC;
    if (cp == 0x38E || cp == 0x38F)
        return cp + 0x3F;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    return cp;
}

// Maps typographic variants to what a keyboard types: curly quotes and
// apostrophes, primes, dashes and the minus sign. Returns 0 to drop the character.
std::uint32_t to_plain_code_point(std::uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:   // zero-width characters pasted from documents
        return 0;
    default:
        return to_lower_code_point(cp);
    }
}

bool is_trailing_punctuation(char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ' ';
}

} // namespace

namespace {

// normalize_answer_text into `out` (cleared first), so that graders comparing
// one answer with many accepted texts reuse one buffer instead of allocating.
void normalize_answer_text_into(std::string_view text, std::string& out)
{
    bool utf8 = is_valid_utf8(text);
    out.clear();
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t cp = static_cast<unsigned char>(text[i]);
        if (utf8) {
            const auto decoded = decode_utf8_at(text, i);
            cp = decoded.code_point;
            i += decoded.length;
        } else {
            ++i;
        }
        if (is_space_code_point(cp) && (utf8 || cp < 0x80)) {
            pending_space = !out.empty();
            continue;
        }
        auto plain = utf8 ? to_plain_code_point(cp) : (cp < 0x80 ? to_lower_code_point(cp) : cp);
        if (plain == 0)
            continue;
        if (pending_space)
            out += ' ';
        pending_space = false;
        if (!utf8)
            out += static_cast<char>(plain);
        else if (plain == 0x2026)   // an ellipsis is three dots
            out += "...";
        else
            append_utf8(out, plain);
    }
    while (!out.empty() && is_trailing_punctuation(out.back()))
        out.pop_back();
}

} // namespace

std::string normalize_answer_text(std::string_view text)
{
    std::string out;
    normalize_answer_text_into(text, out);
    return out;
}

Result<Verdict> parse_verdict(std::string_view name, const char* field)
{
    for (auto verdict : { Verdict::Correct, Verdict::Partial, Verdict::Incorrect })
        if (verdict_name(verdict) == name)
            return verdict;
    return make_error(ErrorCode::InvalidArgument, std::string(field) + " must be correct, partial or incorrect", field);
}

std::string_view verdict_name(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Correct:
        return "correct";
    case Verdict::Partial:
        return "partial";
    case Verdict::Incorrect:
        break;
    }
    return "incorrect";
}

Json to_json(const GradeResult& result, const Task& task)
{
    Json parts = Json::array();
    for (bool part : result.parts)
        parts.push_back(part);
    return {
        { "verdict", verdict_name(result.verdict) },
        { "score", result.score },
        { "feedback", result.feedback },
        { "explanation", task.explanation },
        { "parts", std::move(parts) },
    };
}

// [SECTION] Answer codec
//
// An answer is a JSON object with exactly one field, named after its kind.

namespace {

Error bad_answer(const std::string& field, const std::string& message)
{
    return make_error(ErrorCode::InvalidArgument, message, field);
}

Result<const Json*> answer_field(const Json& answer, const char* key, std::string_view example)
{
    auto wrong_shape = [&] { return bad_answer(key, "Answer must be a JSON object like " + std::string(example)); };
    if (!answer.is_object())
        return wrong_shape();
    auto it = answer.find(key);
    if (it == answer.end())
        return wrong_shape();
    if (answer.size() != 1) {
        for (auto& [name, value] : answer.items()) {
            (void)value;
            if (name != key)
                return bad_answer(name.substr(0, 40), "Answer has an unexpected field \"" + name.substr(0, 40) + "\"");
        }
    }
    return &*it;
}

Result<std::size_t> read_index(const Json& value, std::size_t count, const std::string& field, std::string_view noun)
{
    if (!value.is_number_integer())
        return bad_answer(field, field + " must hold whole-number " + std::string(noun) + " indices");
    if (!value.is_number_unsigned() && value.get<std::int64_t>() < 0)
        return bad_answer(field, field + " must not hold negative indices");
    auto index = value.get<std::uint64_t>();
    if (index >= count)
        return bad_answer(field, field + " holds " + std::to_string(index) + ", but there are only "
                + std::to_string(count) + " " + std::string(noun) + "s (numbered from 0)");
    return static_cast<std::size_t>(index);
}

// A list of distinct indices below `count`; a Permutation must hold every one.
enum class IndexList { Subset, Permutation };

Result<std::vector<std::size_t>> read_indices(const Json& value, std::size_t count, const std::string& field,
    std::string_view noun, IndexList kind)
{
    bool permutation = kind == IndexList::Permutation;
    if (!value.is_array())
        return bad_answer(field, field + " must be an array of " + std::string(noun) + " indices");
    if (permutation ? value.size() != count : value.size() > count)
        return bad_answer(field, field + (permutation ? " must list each of the " : " has more entries than the ")
                + std::to_string(count) + " " + std::string(noun) + "s" + (permutation ? " exactly once" : ""));
    std::vector<std::size_t> indices;
    std::vector<bool> seen(count, false);
    for (auto& item : value) {
        auto index = TRY(read_index(item, count, field, noun));
        if (seen[index])
            return bad_answer(field, field + " repeats index " + std::to_string(index));
        seen[index] = true;
        indices.push_back(index);
    }
    return indices;
}

// The answer's text (a view into `value`), checked for length and encoding.
Result<std::string_view> read_answer_text(const Json& value, const std::string& field)
{
    if (!value.is_string())
        return bad_answer(field, field + " must be text");
    std::string_view text = value.get_ref<const std::string&>();
    auto too_long = [&] {
        return bad_answer(field, field + " must be at most " + std::to_string(k_max_answer_length) + " characters");
    };
    // The byte count first, so a 10 MB string is not scanned code point by code point.
    if (text.size() > 4 * k_max_answer_length)
        return too_long();
    if (!is_valid_utf8(text))
        return bad_answer(field, field + " must be valid UTF-8 text");
    if (utf8_length(text) > k_max_answer_length)
        return too_long();
    return text;
}

// Each kind's one answer field, and the example a wrong shape is told to follow.
struct AnswerShape {
    const char* key;
    std::string_view example;
};

AnswerShape answer_shape(TaskKind kind)
{
    switch (kind) {
    case TaskKind::SingleChoice: return { "choice", "{\"choice\": 0}" };
    case TaskKind::MultipleSelect: return { "choices", "{\"choices\": [0, 2]}" };
    case TaskKind::Numeric: return { "value", "{\"value\": 12.5}" };
    case TaskKind::ShortText: return { "text", "{\"text\": \"Paris\"}" };
    case TaskKind::Cloze: return { "gaps", "{\"gaps\": [\"first\", \"second\"]}" };
    case TaskKind::Ordering: return { "order", "{\"order\": [2, 0, 1]}" };
    case TaskKind::QuantitativeComparison: return { "choice", "{\"choice\": \"a_greater\"}" };
    }
    return { "choice", "{\"choice\": 0}" };
}

} // namespace

Result<Answer> decode_answer(const Task& task, const Json& json)
{
    // The task may come from the network or be built in code: the readers
    // check indices against its fields, so its invariants are checked first.
    TRY(validate_task(task));
    auto shape = answer_shape(task.kind);
    auto* value = TRY(answer_field(json, shape.key, shape.example));
    Answer answer;
    answer.kind = task.kind;
    switch (task.kind) {
    case TaskKind::SingleChoice: {
        answer.choice = static_cast<std::int64_t>(TRY(read_index(*value, task.options.size(), "choice", "option")));
        break;
    }
    case TaskKind::MultipleSelect: {
        answer.choices = TRY(read_indices(*value, task.options.size(), "choices", "option", IndexList::Subset));
        break;
    }
    case TaskKind::Numeric: {
        if (!value->is_number())
            return bad_answer("value", "value must be a number, not " + std::string(value->type_name()));
        answer.value = value->get<double>();
        if (!std::isfinite(*answer.value))
            return bad_answer("value", "value must be a finite number");
        break;
    }
    case TaskKind::ShortText: {
        answer.text = TRY(read_answer_text(*value, "text"));
        break;
    }
    case TaskKind::Cloze: {
        auto gap_count = task.segments.size() - 1;
        if (!value->is_array() || value->size() != gap_count)
            return bad_answer("gaps", "gaps must be an array of " + std::to_string(gap_count) + " strings, one per gap");
        for (auto& gap : *value)
            answer.gaps.emplace_back(TRY(read_answer_text(gap, "gaps")));
        break;
    }
    case TaskKind::Ordering: {
        answer.order = TRY(read_indices(*value, task.items.size(), "order", "item", IndexList::Permutation));
        break;
    }
    case TaskKind::QuantitativeComparison: {
        auto choice = value->is_string() ? parse_comparison(value->get_ref<const std::string&>())
                                         : Result<Comparison>(make_error(ErrorCode::InvalidArgument, ""));
        if (!choice.ok())
            return bad_answer("choice", "choice must be a_greater, b_greater, equal or cannot_determine");
        answer.comparison = choice.value();
        break;
    }
    }
    return answer;
}

Json encode_answer(const Answer& answer)
{
    const char* key = answer_shape(answer.kind).key;
    switch (answer.kind) {
    case TaskKind::SingleChoice:
        return { { key, answer.choice } };
    case TaskKind::MultipleSelect:
        return { { key, answer.choices } };
    case TaskKind::Numeric:
        // Text that is not a number is sent as it is refused: the grader
        // (and the server's copy of it) explains what is wrong.
        if (!answer.value)
            return { { key, "not a number" } };
        return { { key, *answer.value } };
    case TaskKind::ShortText:
        return { { key, answer.text } };
    case TaskKind::Cloze:
        return { { key, answer.gaps } };
    case TaskKind::Ordering:
        return { { key, answer.order } };
    case TaskKind::QuantitativeComparison:
        return { { key, answer.comparison ? comparison_name(*answer.comparison) : "" } };
    }
    return nullptr;
}

namespace {

// [SECTION] Graders per kind

constexpr std::string_view k_correct_feedback = "Correct!";
constexpr std::string_view k_incorrect_feedback = "Not quite.";

GradeResult scored(double score, std::string feedback, std::vector<bool> parts = {})
{
    GradeResult result;
    result.score = std::clamp(score, 0.0, 1.0);
    result.verdict = result.score >= 1 ? Verdict::Correct : result.score <= 0 ? Verdict::Incorrect : Verdict::Partial;
    result.feedback = std::move(feedback);
    result.parts = std::move(parts);
    return result;
}

std::string or_default(const std::string& specific, std::string_view fallback)
{
    return specific.empty() ? std::string(fallback) : specific;
}

// "2 of 3 gaps are right."
std::string count_feedback(std::size_t right, std::size_t total, std::string_view what)
{
    return std::to_string(right) + " of " + std::to_string(total) + " " + std::string(what);
}

// Whether any of `accepted`, normalised, equals `normalized`; `scratch` is
// the caller's buffer, reused across comparisons.
bool matches_any(const std::string& normalized, const std::vector<std::string>& accepted, std::string& scratch)
{
    return std::any_of(accepted.begin(), accepted.end(), [&](const std::string& text) {
        normalize_answer_text_into(text, scratch);
        return scratch == normalized;
    });
}

GradeResult grade_single_choice(const Task& task, const Answer& answer)
{
    auto& option = task.options[static_cast<std::size_t>(answer.choice)];
    if (option.correct)
        return scored(1, or_default(option.feedback, k_correct_feedback));
    return scored(0, or_default(option.feedback, k_incorrect_feedback));
}

GradeResult grade_multiple_select(const Task& task, const Answer& answer)
{
    std::vector<bool> picked(task.options.size(), false);
    for (auto index : answer.choices)
        picked[index] = true;

    std::size_t correct_total = 0, right_picks = 0, wrong_picks = 0;
    std::vector<bool> parts;
    std::string feedback;
    for (std::size_t i = 0; i < task.options.size(); ++i) {
        auto& option = task.options[i];
        correct_total += option.correct ? 1 : 0;
        right_picks += (picked[i] && option.correct) ? 1 : 0;
        wrong_picks += (picked[i] && !option.correct) ? 1 : 0;
        bool decided_right = picked[i] == option.correct;
        parts.push_back(decided_right);
        // Each option's feedback speaks to a wrong decision about it.
        if (!decided_right && !option.feedback.empty())
            feedback += (feedback.empty() ? "" : "\n") + option.feedback;
    }
    double score = right_picks > wrong_picks
        ? static_cast<double>(right_picks - wrong_picks) / static_cast<double>(correct_total)
        : 0.0;
    if (task.all_or_nothing && score < 1)
        score = 0;
    if (score >= 1)
        feedback = k_correct_feedback;
    else if (feedback.empty())
        feedback = "You picked " + std::to_string(right_picks) + " of " + std::to_string(correct_total)
            + " correct options and " + std::to_string(wrong_picks) + " wrong " + (wrong_picks == 1 ? "one." : "ones.");
    return scored(score, std::move(feedback), std::move(parts));
}

GradeResult grade_numeric(const Task& task, const Answer& answer)
{
    double number = answer.value.value_or(0);
    // A hair of slack for answers like 0.1 + 0.2 that no student types exactly.
    auto close = [&task](double a, double b) {
        return std::fabs(a - b) <= task.tolerance + 1e-9 * std::max(1.0, std::fabs(b));
    };
    if (close(number, task.answer))
        return scored(1, std::string(k_correct_feedback));
    for (auto& mistake : task.numeric_mistakes)
        if (close(number, mistake.value))
            return scored(0, mistake.feedback);
    return scored(0, std::string(k_incorrect_feedback));
}

GradeResult grade_short_text(const Task& task, const Answer& answer)
{
    auto normalized = normalize_answer_text(answer.text);
    std::string scratch;
    if (!normalized.empty() && matches_any(normalized, task.accepted_answers, scratch))
        return scored(1, std::string(k_correct_feedback));
    for (auto& mistake : task.text_mistakes) {
        normalize_answer_text_into(mistake.text, scratch);
        if (!normalized.empty() && scratch == normalized)
            return scored(0, mistake.feedback);
    }
    return scored(0, std::string(k_incorrect_feedback));
}

GradeResult grade_cloze(const Task& task, const Answer& answer)
{
    auto gap_count = task.gap_answers.size();
    std::vector<bool> parts;
    parts.reserve(gap_count);
    std::size_t right = 0;
    std::string normalized, scratch;
    for (std::size_t i = 0; i < gap_count; ++i) {
        normalize_answer_text_into(answer.gaps[i], normalized);
        bool ok = !normalized.empty() && matches_any(normalized, task.gap_answers[i], scratch);
        right += ok ? 1 : 0;
        parts.push_back(ok);
    }
    double score = static_cast<double>(right) / static_cast<double>(gap_count);
    auto feedback = right == gap_count ? std::string(k_correct_feedback)
        : right == 0                   ? std::string(k_incorrect_feedback)
                                       : count_feedback(right, gap_count, "gaps are right.");
    return scored(score, std::move(feedback), std::move(parts));
}

GradeResult grade_ordering(const Task& task, const Answer& answer)
{
    auto& order = answer.order;
    std::vector<bool> parts;
    std::size_t right = 0;
    for (std::size_t position = 0; position < order.size(); ++position) {
        bool ok = order[position] == task.correct_order[position];
        right += ok ? 1 : 0;
        parts.push_back(ok);
    }
    double score = static_cast<double>(right) / static_cast<double>(order.size());
    auto feedback = right == order.size()
        ? std::string(k_correct_feedback)
        : count_feedback(right, order.size(), "items are in the right place.");
    return scored(score, std::move(feedback), std::move(parts));
}

GradeResult grade_comparison(const Task& task, const Answer& answer)
{
    auto choice = answer.comparison.value_or(Comparison::CannotDetermine);
    if (choice == task.comparison)
        return scored(1, std::string(k_correct_feedback));
    auto feedback = task.comparison_feedback.find(choice);
    return scored(0,
        feedback == task.comparison_feedback.end() ? std::string(k_incorrect_feedback) : feedback->second);
}

} // namespace

Result<GradeResult> grade(const Task& task, const Json& json)
{
    if (task.view != TaskView::WithAnswers)
        return make_error(
            ErrorCode::FailedPrecondition, "This task was sent without its answers and cannot be graded here");
    // Decoding checks the task's invariants and the answer's shape against
    // it, so the graders below index safely.
    auto answer = TRY(decode_answer(task, json));
    switch (task.kind) {
    case TaskKind::SingleChoice:
        return grade_single_choice(task, answer);
    case TaskKind::MultipleSelect:
        return grade_multiple_select(task, answer);
    case TaskKind::Numeric:
        return grade_numeric(task, answer);
    case TaskKind::ShortText:
        return grade_short_text(task, answer);
    case TaskKind::Cloze:
        return grade_cloze(task, answer);
    case TaskKind::Ordering:
        return grade_ordering(task, answer);
    case TaskKind::QuantitativeComparison:
        return grade_comparison(task, answer);
    }
    return make_error(ErrorCode::Internal, "Unknown task kind");
}

} // namespace learnloop
