// Generic field rules (UTF-8, trimming, free text, grades) and their messages,
// shared by the client's instant form feedback and the server. Identity
// fields (email, name, password) are identity/user_fields.hpp's.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

[[nodiscard]] bool is_valid_utf8(std::string_view text);
// Number of code points in valid UTF-8 text.
[[nodiscard]] std::size_t utf8_length(std::string_view text);
// The first `characters` code points of UTF-8 text (all of it when shorter):
//   utf8_prefix("Zoë Student", 3) -> "Zoë"
[[nodiscard]] std::string utf8_prefix(std::string_view text, std::size_t characters);
inline constexpr char32_t k_replacement_character = 0xFFFD;
struct Utf8Char {
    char32_t code_point = k_replacement_character;
    std::size_t length = 1;
};
// The code point at `at` (< text.size()). A malformed sequence reads as one
// U+FFFD over its maximal subpart, the bytes that could still have begun a
// well-formed character (the Unicode Standard's recommended practice, §3.9,
// and what browsers do), and never fewer than one byte, so a caller always
// moves on:  "\xE2\x82" -> one U+FFFD;  "\xC0\xAF" -> two (C0 can begin nothing).
[[nodiscard]] Utf8Char decode_utf8_at(std::string_view text, std::size_t at);
// Appends one code point (U+0000 to U+10FFFF) as UTF-8.
void append_utf8(std::string& out, char32_t code_point);
// Items as a list in words: {"a"} -> "a", {"a", "b"} -> "a and b",
// {"a", "b", "c"} -> "a, b and c"; {} -> "".
[[nodiscard]] std::string list_for_people(const std::vector<std::string>& items);
// Strips ASCII whitespace at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);
// The parts of `text` between every `separator`, empty ones included:
//   split("a,,b", ',') -> {"a", "", "b"}; split("", ',') -> {""}
[[nodiscard]] std::vector<std::string_view> split(std::string_view text, char separator);

// Free text such as a title or a description: valid UTF-8, trimmed, between
// `min` and `max` code points, no control characters except, when
// `multiline`, newlines and tabs. Messages name the field by `label`.
//   validate_text("  Essay 1 ", "title", "Title", 1, 200, TextLines::Single) -> "Essay 1"
enum class TextLines { Single, Multiple };
[[nodiscard]] Result<std::string> validate_text(std::string_view text, std::string_view field, std::string_view label,
    std::size_t min, std::size_t max, TextLines lines);

inline constexpr std::size_t k_title_max_length = 200;
inline constexpr std::size_t k_description_max_length = 20000;
inline constexpr std::size_t k_submission_max_length = 100000;
inline constexpr std::size_t k_feedback_max_length = 20000;

// A grade: a finite number from 0 to 1000 with at most two decimals (error on "grade").
[[nodiscard]] Result<double> validate_grade(double grade);

} // namespace learnloop
