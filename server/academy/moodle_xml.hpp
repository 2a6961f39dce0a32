// Exam-bank questions in Moodle XML (docs.moodle.org/en/Moodle_XML_format),
// read and written with pugixml: multichoice (one right answer, several, or
// a quantitative comparison tagged qc), truefalse, numerical and
// shortanswer. Ids come from <idnumber> (else <name>), tags from <tags>,
// hints from <hint>, the explanation from <generalfeedback>, categories
// from the category pseudo-questions. HTML text is read as plain text (tags
// dropped, <br> and paragraphs as new lines, entities decoded). The XML
// lives on the server only: the CLI imports files, the browser never does.
#pragma once

#include "academy/gift.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace learnloop::server {

// Every question of a Moodle XML file; a question that cannot be read (an
// unsupported type such as essay or matching, a choice question with no
// right answer, a number that is not one ...) or XML that does not parse is
// a problem naming its line, and the caller imports nothing.
[[nodiscard]] GiftParse parse_moodle_xml(std::string_view text);

// The questions as Moodle XML, grouped by category in order; weights
// snapped to Moodle's fractions, text as plain_text. Reading it back gives
// the same questions (lines aside).
[[nodiscard]] std::string write_moodle_xml(const std::vector<BankQuestion>& questions);

} // namespace learnloop::server
