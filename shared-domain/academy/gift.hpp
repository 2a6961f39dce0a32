// Exam-bank questions in Moodle's GIFT text format (docs.moodle.org/en/GIFT_format),
// read and written: the academies' shared bank (exam-bank/, conventions in
// its README) and any academy's own import ([SECTION] questions,
// [SECTION] reading, [SECTION] writing).
//
// A question is a block of lines between blank lines: Moodle comments
// first (ours carry "[id:...] [tag:...]" and "hint 1: ..."), then
// "::title::text{answers####explanation}". Escapes \~ \= \# \{ \} \: \\ and
// \n (a new line) are read in text.
//   auto read = parse_gift(file_text);
//   if (!read.problems.empty()) -> "line 12: ..." for each; import nothing
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] questions

enum class BankQuestionKind {
    SingleChoice,       // {=right ~wrong ...}
    MultipleSelect,     // {~%50%a ~%50%b ~%-100%c}: weighted choices, several right
    Numeric,            // {#12.5:0.01} or {#1..2}
    ShortText,          // {=word =other spelling}
    TrueFalse,          // {T} or {F}
    QuantComparison,    // single choice tagged qc, the four fixed answers in order, never shuffled
};

[[nodiscard]] std::string_view bank_question_kind_name(BankQuestionKind kind);   // "single_choice", ...
[[nodiscard]] bool parse_bank_question_kind(std::string_view name, BankQuestionKind& kind);
// "Single choice", "Multiple select", "Numeric entry", "Short answer",
// "True or false", "Quantitative comparison".
[[nodiscard]] std::string_view bank_question_kind_for_people(BankQuestionKind kind);

struct BankChoice {
    std::string text;
    double weight = 0;          // percent of the mark, -100 to 100 (a single choice's right one: 100)
    std::string feedback;
    bool operator==(const BankChoice&) const = default;
};

// A numeric answer accepts [value - tolerance, value + tolerance].
struct NumericAnswer {
    double value = 0;
    double tolerance = 0;
    double weight = 100;
    bool operator==(const NumericAnswer&) const = default;
};

struct BankQuestion {
    std::string id;             // [id:...], else the title
    std::string title;
    std::string category;       // the last $CATEGORY before it: "exam-bank/quant/arithmetic/percent"
    std::vector<std::string> tags;
    std::vector<std::string> hints;   // "hint 1:", "hint 2:", ... in order
    BankQuestionKind kind = BankQuestionKind::SingleChoice;
    std::string text;
    std::vector<BankChoice> choices;          // choice kinds and short text (its accepted answers)
    std::vector<NumericAnswer> numeric;
    bool truth = false;                       // TrueFalse
    std::string explanation;                  // ####
    int line = 0;                             // where its block starts in the file
    bool operator==(const BankQuestion&) const = default;
};

// The four answers of a quantitative comparison, in their fixed order.
[[nodiscard]] const std::vector<std::string>& quant_comparison_answers();
// The rules of choice questions whichever file they came from: the right
// answers of a multiple select weigh 100% together; a single choice tagged
// qc has the four fixed answers in order and becomes a QuantComparison.
// Answers what is wrong, or "" when nothing is.
[[nodiscard]] std::string settle_choice_question(BankQuestion& question);
[[nodiscard]] bool question_has_tag(const BankQuestion& question, std::string_view tag);
// A question's "skill-x" tag without its prefix ("x"); empty when it has none.
[[nodiscard]] std::string question_skill(const BankQuestion& question);
// A question's "difficulty-N" tag (1 to 5), 0 when it has none.
[[nodiscard]] int question_difficulty(const BankQuestion& question);

// [SECTION] reading

struct GiftProblem {
    int line = 0;
    std::string message;
    bool operator==(const GiftProblem&) const = default;
};

struct GiftParse {
    std::vector<BankQuestion> questions;
    std::vector<GiftProblem> problems;   // empty: every question was read
};

// Reads every question of a GIFT file. A question that cannot be read is a
// problem naming its line (a choice question with no right answer, weights
// of a multiple select that do not make 100, a number that is not one,
// braces that do not close, an id used twice, a qc question without the
// four answers in order, ...); the caller imports nothing when there is any.
[[nodiscard]] GiftParse parse_gift(std::string_view text);
// "line 12: ...; line 40: ..." (the first `most` problems).
[[nodiscard]] std::string problems_for_people(const std::vector<GiftProblem>& problems, std::size_t most = 10);

// [SECTION] writing

// Moodle's allowed fractions of a mark, in percent (100, 90, 83.33333, ... 5).
[[nodiscard]] const std::vector<double>& moodle_fractions();
// The allowed fraction nearest `weight`, keeping its sign.
[[nodiscard]] double snap_to_moodle_fraction(double weight);

// The questions as GIFT, grouped by category in order, each with its
// comments (id, tags, hints); weights snapped to Moodle's fractions. Reading
// it back gives the same questions (lines aside).
[[nodiscard]] std::string write_gift(const std::vector<BankQuestion>& questions);

} // namespace learnloop
