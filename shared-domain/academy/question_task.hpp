// A bank question as a practice task, so that quizzes show it with the
// practice widgets and score it with practice's graders (practice/grading):
// one grader per kind, whichever engine asked. The browser grades a
// practice-mode quiz with the same code the server re-grades it with.
//
//   auto task = TRY(question_task(question, attempt_seed));
//   grade(task, {{"choices", {0, 3}}}) -> partial credit, or 0 when all-or-nothing
#pragma once

#include "academy/gift.hpp"
#include "core/result.hpp"
#include "practice/tasks.hpp"

#include <cstdint>
#include <optional>

namespace learnloop {

// The task that asks `question`:
//   single choice -> single_choice (options shuffled by `seed`, as Moodle
//       shuffles them; a wrong answer's weight gives no credit here),
//   true/false    -> single_choice "True", "False" (never shuffled),
//   multiple select -> multiple_select (options with a weight above 0 are
//       right; scored by practice's rule, or all-or-nothing when the
//       question is tagged so), shuffled by `seed`,
//   numeric       -> numeric (the one answer worth 100%, with its tolerance;
//       answers worth less are mistakes scoring 0),
//   short text    -> short_text (answers worth 100% accepted, others are
//       mistakes with their feedback),
//   quantitative comparison -> quantitative_comparison (its "Quantity A: "
//       and "Quantity B: " lines as the two quantities, the rest as the
//       prompt; the four answers in their fixed order, never shuffled).
// The task's template_id is the question's id, its target_id the skill (or
// else the category), its difficulty the question's (1 when untagged).
// FailedPrecondition when no task can ask the question: a numeric question
// with more than one answer worth 100%, or a choice question that would
// break a task's limits (over k_max_options options).
[[nodiscard]] Result<Task> question_task(const BankQuestion& question, std::uint64_t seed);

// The task at `position` (0, 1, ...) of a quiz attempt shuffled by
// `attempt_seed`: the same options in the same order whenever the server
// rebuilds it to grade, review or regrade.
[[nodiscard]] Result<Task> attempt_question_task(const BankQuestion& question, std::uint64_t attempt_seed,
    std::size_t position);

// An answer given to `asked` (a question's earlier version, at its place in
// an attempt) as an answer to `fixed` (the new version at the same place),
// for a regrade: options are matched by their text, so a key fixed by
// moving its "=" re-scores the same picks; numbers, text and comparisons
// carry over as given. Nothing when a picked option no longer exists (the
// answer cannot be re-scored fairly); FailedPrecondition when the question
// changed kind.
[[nodiscard]] Result<std::optional<Json>> carry_answer(const Task& asked, const Task& fixed, const Json& answer);

} // namespace learnloop
