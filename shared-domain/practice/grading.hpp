// Graders for every task kind: the browser grades for instant feedback, the
// server re-grades the same answer authoritatively with the same code.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "practice/tasks.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

enum class Verdict { Correct, Partial, Incorrect };
[[nodiscard]] std::string_view verdict_name(Verdict verdict);   // "correct", "partial", "incorrect"
// The verdict a browser reports ("correct", "partial", "incorrect");
// InvalidArgument naming `field` otherwise.
[[nodiscard]] Result<Verdict> parse_verdict(std::string_view name, const char* field = "client_verdict");

struct GradeResult {
    Verdict verdict = Verdict::Incorrect;
    double score = 0;            // 0..1; Partial exactly when 0 < score < 1
    std::string feedback;        // the wrong option's feedback, or a generic message
    // (The explanation shown after every answer is the task's own,
    // task.explanation; it is not copied into each result.)
    // Per-part correctness: one entry per option (multiple_select: was the
    // decision to pick or not pick it right), per gap (cloze) or per position
    // (ordering); empty for the other kinds.
    std::vector<bool> parts;

    bool operator==(const GradeResult&) const = default;
};
// The feedback to show after answering `task`: verdict, score, feedback,
// the task's explanation and the parts.
[[nodiscard]] Json to_json(const GradeResult& result, const Task& task);

// Longest answer text accepted, in code points; longer is an error, not a wrong answer.
inline constexpr std::size_t k_max_answer_length = 1000;

// A student's answer as the portal's widgets hold it; only the field of
// `kind` is used. encode_answer() writes the shapes listed at grade() below,
// decode_answer() reads and checks them against a task, so the browser that
// sends an answer and the server that re-grades it spell it the same way.
//   Answer answer { .kind = TaskKind::Ordering, .order = { 2, 0, 1 } };
//   encode_answer(answer)                   -> {"order": [2, 0, 1]}
//   decode_answer(task, encode_answer(answer)).value() == answer
struct Answer {
    TaskKind kind = TaskKind::SingleChoice;
    std::int64_t choice = -1;               // single_choice: an option index (-1: none picked)
    std::vector<std::size_t> choices;       // multiple_select: distinct option indices
    std::optional<double> value;            // numeric; empty when what was typed is not a number
    std::string text;                       // short_text
    std::vector<std::string> gaps;          // cloze: one entry per gap
    std::vector<std::size_t> order;         // ordering: item indices, first to last
    std::optional<Comparison> comparison;   // quantitative_comparison (empty: none picked)

    bool operator==(const Answer&) const = default;
};
// An answer that is not complete (nothing picked, text that is not a number)
// is still encoded, as a value the grader refuses with a message saying why.
[[nodiscard]] Json encode_answer(const Answer& answer);
// The answer to `task` in `json`; errors as for grade() below. `task` may be
// either view (the shapes do not depend on the answers).
[[nodiscard]] Result<Answer> decode_answer(const Task& task, const Json& json);

// Grades `answer` against `task` (which must be WithAnswers). Answer shapes:
//   single_choice            {"choice": 2}                  index into task.options
//   multiple_select          {"choices": [0, 3]}            distinct indices
//   numeric                  {"value": 12.5}                a finite JSON number
//   short_text               {"text": "Paris"}
//   cloze                    {"gaps": ["cat", "mat"]}       one string per gap
//   ordering                 {"order": [2, 0, 1]}           a permutation of item indices
//   quantitative_comparison  {"choice": "a_greater"}        or b_greater, equal, cannot_determine
// An answer of the wrong shape (missing or extra fields, wrong types, indices
// out of range or repeated, wrong gap count, non-finite numbers, text over
// k_max_answer_length) is an InvalidArgument error, never a wrong answer, so
// a broken client cannot silently lower a student's mastery.
// Partial credit: multiple_select (right picks - wrong picks, at least 0, over
// the number of correct options; none short of all right when the task is
// all_or_nothing), cloze (share of gaps right), ordering (share of items in
// the right position).
//   grade(task, {{"choice", 1}}) -> {verdict: incorrect, feedback: "You added instead of multiplying."}
[[nodiscard]] Result<GradeResult> grade(const Task& task, const Json& answer);

// How short_text and cloze answers are compared: curly quotes and apostrophes
// become straight, letters lower-case (ASCII, Latin-1, Latin Extended-A, Greek
// and Cyrillic, without locale), whitespace (including no-break spaces) is
// collapsed and trimmed, and trailing punctuation (. , ; : ! ? …) removed.
//   normalize_answer_text("  The  Cat. ") -> "the cat"
//   normalize_answer_text("It\u2019s")    -> "it's"
// Text that is not valid UTF-8 is returned with only ASCII rules applied.
[[nodiscard]] std::string normalize_answer_text(std::string_view text);

} // namespace learnloop
