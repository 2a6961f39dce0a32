// Numbers as text, two ways: for people (thousands grouped, no trailing
// zeros) and for files (the %g text that reads back, as GIFT and Moodle XML
// write it).
//   format_number(11480) -> "11,480"; format_number(0.87654) -> "0.88"
//   number_text(2.5) -> "2.5"; number_text(0.1, 7) -> "0.1"
//   whole_number("42") -> 42; whole_number("4.2"), whole_number("") -> none
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace learnloop {

// At most `decimals` places, no trailing zeros, thousands grouped; "–" for
// a value that is not finite.
[[nodiscard]] std::string format_number(double value, int decimals = 2);

// The shortest text of at most `digits` significant digits ("%.*g").
[[nodiscard]] std::string number_text(double value, int digits = 15);

// A whole number a person typed: digits only (no sign, no spaces), at most
// nine of them so it fits an int; none for anything else.
[[nodiscard]] std::optional<int> whole_number(std::string_view text);

} // namespace learnloop
