// Internal to practice/: the expression language and "{placeholder}" text of
// task templates, shared by template decoding and task generation.
#pragma once

#include "core/result.hpp"
#include "practice/tasks.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::detail {

// [SECTION] Names and quoting

// "\"text\"", for messages that quote template text.
[[nodiscard]] std::string in_quotes(std::string_view text);
// A slot or variant name: letters, digits and _, not starting with a digit, at most 32 characters.
[[nodiscard]] bool is_slot_name(std::string_view text);

// [SECTION] Expressions
//
// A deliberately small language for derived numbers: + - * /, unary minus,
// parentheses, decimal literals and slot names. Only IEEE basic operations
// are used, which are exactly rounded, so results match bit for bit on every
// platform (no pow, fmod or library maths).

inline constexpr double k_powers_of_ten[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

struct Interval {
    double low = 0, high = 0;
};

// What a template's text may refer to while it is being validated.
struct NameInfo {
    bool is_number = false;
    Interval range;
    int decimals = -1;
};
using Scope = std::map<std::string, NameInfo, std::less<>>;

// Validates an expression used where a number is needed and returns the
// range it can take over every draw (an error on `path` otherwise).
//   check_expression("a/b", scope, "answer")   // error when b's range holds 0
[[nodiscard]] Result<Interval> check_expression(std::string_view source, const Scope& scope, const std::string& path);

// A slot's drawn value while a task is generated.
struct SlotValue {
    bool is_number = false;
    double number = 0;
    std::string text;
    int decimals = -1;
};
using Values = std::map<std::string, SlotValue, std::less<>>;

[[nodiscard]] Result<double> evaluate_source(std::string_view source, const Values& values);
[[nodiscard]] Result<double> evaluate_number_source(const NumberSource& source, const Values& values);

// Rounds half away from zero to `decimals` places (0-9), identically everywhere.
[[nodiscard]] double round_to(double value, int decimals);
// Formats without printf; decimals == -1 shows up to six places without trailing zeros.
//   format_number(2.50, -1) -> "2.5"
[[nodiscard]] std::string format_number(double value, int decimals);

// [SECTION] Placeholder text
//
// Text may contain "{name}" (a slot or variant value) or "{expression}"
// (computed and formatted); "{{" and "}}" are literal braces.

// Checks that every placeholder names a value in `scope` or is a valid expression over it.
[[nodiscard]] Result<void> check_placeholders(std::string_view text, const Scope& scope, const std::string& path);
//   render("{a} x {b} = {a*b}", values) -> "3 x 4 = 12"
[[nodiscard]] Result<std::string> render(std::string_view text, const Values& values);
[[nodiscard]] Result<std::vector<std::string>> render_all(const std::vector<std::string>& texts, const Values& values);
// A cloze gap is a run of three or more underscores: "a ___ b" -> {"a ", " b"}.
[[nodiscard]] std::vector<std::string> split_cloze(std::string_view text);

} // namespace learnloop::detail
