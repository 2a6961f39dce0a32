// Exam-bank questions in Moodle's Aiken format (docs.moodle.org/en/Aiken_format):
// single-choice questions in plain text, one after another.
//
//   What is 15% of 80?
//   A. 8
//   B) 12
//   C. 15
//   ANSWER: B
//
// The question is one line; each option is a capital letter, "." or ")", a
// space and its text, in order A, B, C, ...; "ANSWER: X" names the right one.
// Blank lines between questions are optional. Aiken carries no ids: a
// question's id is "aiken-" and 12 hex digits of a hash of its text, so
// importing the same file again finds the same questions.
#pragma once

#include "academy/gift.hpp"

#include <string_view>

namespace learnloop {

// Every question of an Aiken file, as single-choice bank questions; a
// question that cannot be read is a problem naming its line (an option out
// of order, no ANSWER line, an answer naming no option, fewer than two
// options, text that is not UTF-8 ...). The caller imports nothing when
// there is any problem.
[[nodiscard]] GiftParse parse_aiken(std::string_view text);

} // namespace learnloop
