// Task templates (curriculum as data) and the concrete micro-tasks generated
// from them: a task is a pure function of (template, seed), identical natively
// and in WebAssembly. The template format is documented in docs/curriculum-format.md.
// Implemented in tasks.cpp (names), task_template.cpp, task_generation.cpp and
// task_codec.cpp; the template text language in template_text.hpp.
#pragma once

#include "core/json_reader.hpp"
#include "core/random.hpp"
#include "core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

// [SECTION] Task kinds
// [SECTION] Task templates
// [SECTION] Concrete tasks
// [SECTION] Generation and JSON

namespace learnloop {

// Randomness is SeededRandom (core/random.hpp): the same draws on every platform.

// [SECTION] Task kinds

enum class TaskKind {
    SingleChoice,
    MultipleSelect,
    Numeric,
    ShortText,
    Cloze,
    Ordering,
    QuantitativeComparison,
};
// "single_choice", "multiple_select", "numeric", "short_text", "cloze",
// "ordering", "quantitative_comparison".
[[nodiscard]] std::string_view task_kind_name(TaskKind kind);
[[nodiscard]] Result<TaskKind> parse_task_kind(std::string_view name);

// The answer to a quantitative comparison.
enum class Comparison { AGreater, BGreater, Equal, CannotDetermine };
// "a_greater", "b_greater", "equal", "cannot_determine".
[[nodiscard]] std::string_view comparison_name(Comparison comparison);
[[nodiscard]] Result<Comparison> parse_comparison(std::string_view name);
// The comparisons as a student picks them, in this order: "A is greater",
// "B is greater", "They are equal", "It cannot be determined".
inline constexpr Comparison k_comparisons[] = { Comparison::AGreater, Comparison::BGreater, Comparison::Equal,
    Comparison::CannotDetermine };
[[nodiscard]] std::string_view comparison_for_people(Comparison comparison);

// Limits on templates, public so authoring tools can show them.
inline constexpr int k_min_difficulty = 1;
inline constexpr int k_max_difficulty = 5;
inline constexpr std::size_t k_max_options = 10;
inline constexpr std::size_t k_max_ordering_items = 10;
inline constexpr std::size_t k_max_cloze_gaps = 20;
inline constexpr std::size_t k_max_accepted_answers = 50;
inline constexpr std::size_t k_max_slots = 20;
inline constexpr std::size_t k_max_words = 500;
inline constexpr std::size_t k_max_variants = 500;
// Numbers in slots are integers in ±k_max_slot_number; every number a template
// can show or compare must stay within ±k_max_rendered_number.
inline constexpr std::int64_t k_max_slot_number = 1000000000;
inline constexpr double k_max_rendered_number = 1e12;

// [SECTION] Task templates
//
// A template is decoded from JSON by decode_task_template(), which checks every
// rule in docs/curriculum-format.md (including every "{...}" placeholder and
// expression), so a TaskTemplate that came through it always generates.

// A named value drawn for each task. Words and ranges are drawn by the seed;
// a computed slot is an expression over earlier number slots.
struct SlotSpec {
    enum class Type { Words, Range, Computed };
    std::string name;
    Type type = Type::Range;
    std::vector<std::string> words;               // Words
    std::int64_t min = 0, max = 0, step = 1;      // Range: min, min+step, ... <= max
    std::string expression;                       // Computed, e.g. "a*b"
    int decimals = -1;                            // Computed: round to this many decimals; -1 = as is

    bool operator==(const SlotSpec&) const = default;
};

// A value in a variant row: text, or a number usable in expressions.
using VariantValue = std::variant<std::string, double>;

// A number given either as a constant or as an expression over number slots.
using NumberSource = std::variant<double, std::string>;

struct TemplateOption {
    std::string text;
    bool correct = false;
    // single_choice: shown when this option is chosen (a hint on a wrong one,
    // a confirmation on the correct one). multiple_select: shown when the
    // student decides wrongly about it (picks a wrong one, misses a right one).
    std::string feedback;

    bool operator==(const TemplateOption&) const = default;
};

// A predictable wrong answer with its own feedback (numeric and short_text).
struct TemplateMistake {
    NumberSource value;   // numeric
    std::string text;     // short_text
    std::string feedback;

    bool operator==(const TemplateMistake&) const = default;
};

struct TaskTemplate {
    std::string id;          // e.g. "math.fractions.add.003"
    std::string target_id;   // the learning target it practises
    TaskKind kind = TaskKind::SingleChoice;
    int difficulty = 1;      // 1 (easiest) .. 5
    std::string prompt;
    std::string explanation;

    std::vector<std::map<std::string, VariantValue>> variants;   // one row drawn per task
    std::vector<SlotSpec> slots;                                 // drawn in order

    // single_choice, multiple_select
    std::vector<TemplateOption> options;
    // numeric
    NumberSource answer = 0.0;
    double tolerance = 0;
    std::string unit;
    // short_text: accepted answers; cloze: unused
    std::vector<std::string> accepted_answers;
    // numeric, short_text
    std::vector<TemplateMistake> mistakes;
    // cloze: text with one "___" per gap, and each gap's accepted answers
    std::string cloze_text;
    std::vector<std::vector<std::string>> gap_answers;
    // ordering: the items in their correct order
    std::vector<std::string> items;
    // quantitative_comparison: either a fixed answer, or two expressions compared
    std::string quantity_a, quantity_b;
    Comparison comparison = Comparison::Equal;
    std::string compare_a, compare_b;   // both empty when the answer is fixed
    std::map<Comparison, std::string> comparison_feedback;

    bool operator==(const TaskTemplate&) const = default;
};

// Decodes and validates one template. Errors are InvalidArgument, name the
// template id when it is known, and carry the JSON path in `field`
// (e.g. "options[2].feedback"). Unknown fields are rejected, so a misspelt
// "explantion" is caught when the curriculum is loaded, not by a student.
//   decode_task_template(Json::parse(R"({"id": "t1", ...})"))
[[nodiscard]] Result<TaskTemplate> decode_task_template(const Json& json);

// [SECTION] Concrete tasks

// Which parts of a task its JSON carries.
//
// The browser grades locally, so the student portal receives tasks
// WithAnswers: a determined student can read the answers in the network
// traffic or in memory. That is by design — instant, offline feedback is
// worth more for practice than secrecy — and the server re-grades every
// submitted answer authoritatively from (template, seed), so a doctored
// client cannot award itself mastery. ForStudent is for contexts where the
// answers must not leave the server (e.g. a proctored quiz graded there).
enum class TaskView { ForStudent, WithAnswers };

struct TaskOption {
    std::string text;
    bool correct = false;
    std::string feedback;

    bool operator==(const TaskOption&) const = default;
};

struct NumericMistake {
    double value = 0;
    std::string feedback;

    bool operator==(const NumericMistake&) const = default;
};

struct TextMistake {
    std::string text;
    std::string feedback;

    bool operator==(const TextMistake&) const = default;
};

// A rendered task. Only the fields of its kind are used; with
// view == ForStudent the answer fields are empty and it cannot be graded.
struct Task {
    std::string template_id;
    std::string target_id;
    TaskKind kind = TaskKind::SingleChoice;
    int difficulty = 1;
    std::uint64_t seed = 0;
    TaskView view = TaskView::WithAnswers;
    std::string prompt;
    std::string explanation;

    // single_choice, multiple_select: in presented (shuffled) order
    std::vector<TaskOption> options;
    // multiple_select: anything short of every decision right scores 0
    // (an exam bank's "all-or-nothing" question); else partial credit.
    bool all_or_nothing = false;
    // numeric
    double answer = 0;
    double tolerance = 0;
    std::string unit;
    std::vector<NumericMistake> numeric_mistakes;
    // short_text
    std::vector<std::string> accepted_answers;
    std::vector<TextMistake> text_mistakes;
    // cloze: segments.size() == gap count + 1; text is segments[0] gap 0 segments[1] ...
    std::vector<std::string> segments;
    std::vector<std::vector<std::string>> gap_answers;
    // ordering: items in presented (shuffled) order; correct_order lists
    // indices into items in the correct sequence
    std::vector<std::string> items;
    std::vector<std::size_t> correct_order;
    // quantitative_comparison
    std::string quantity_a, quantity_b;
    Comparison comparison = Comparison::Equal;
    std::map<Comparison, std::string> comparison_feedback;

    bool operator==(const Task&) const = default;
};

// [SECTION] Generation and JSON

// Renders the template with slot values and option order drawn from `seed`.
// Deterministic: the same (template, seed) gives the same task on every
// platform. When a draw makes two options (or ordering items) read the same,
// the draw is repeated from a seed derived from (seed, attempt), so even that
// is deterministic; a template that keeps colliding is FailedPrecondition.
//   auto task = TRY(generate_task(tmpl, 12345));
[[nodiscard]] Result<Task> generate_task(const TaskTemplate& tmpl, std::uint64_t seed);

// A task's right answer as a student reads it in a review: the right
// option ("12%"), the right options ("(0, 0); (6, 0)"), "2.65 (± 0.01)",
// "Paris (also: paris)", the gaps in order, the items in order, "A is greater".
[[nodiscard]] std::string answer_key_for_people(const Task& task);

// The wire form of a task, documented in docs/curriculum-format.md ("Tasks on the wire").
[[nodiscard]] Json to_json(const Task& task, TaskView view);
// Rebuilds a task from either view, checking its invariants (a permutation
// for correct_order, exactly one correct single-choice option, ...), so a
// decoded task can always be graded without out-of-range access.
[[nodiscard]] Result<Task> decode_task(const Json& json);
// The same invariants for a task built in code.
[[nodiscard]] Result<void> validate_task(const Task& task);

} // namespace learnloop
