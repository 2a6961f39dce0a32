// A course's join code: what an instructor writes on the board and students
// type to enrol themselves. Eight letters and digits from an alphabet without
// the ones people mistake for each other (0 and O, 1, I and L), shown in two
// halves. The browser reads a typed code with the same rule the server does,
// so "abcd efgh" and "ABCD-EFGH" are the same code in both.
//   read_join_code(" kq7m-x2pa ") -> "KQ7MX2PA"
//   join_code_for_people("KQ7MX2PA") -> "KQ7M-X2PA"
//   make_join_code(random 64 bits) -> "R4T9BZ2C"
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace learnloop {

inline constexpr std::string_view k_join_code_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t k_join_code_length = 8;

// A code as typed: spaces and dashes dropped, letters raised to capitals.
// Refused, with a message for people on field `code`, when it is not eight
// of the alphabet's characters ("O" and "I" are read as the "0" and "1" a
// person meant, which the alphabet lacks, so they are refused too).
[[nodiscard]] Result<std::string> read_join_code(std::string_view typed);

// "KQ7MX2PA" -> "KQ7M-X2PA"; anything else as it is.
[[nodiscard]] std::string join_code_for_people(std::string_view code);

// A code from 64 random bits (the server draws them from the system's
// source): eight of the alphabet's 31 characters, about 8.5 × 10^11 codes.
[[nodiscard]] std::string make_join_code(std::uint64_t random_bits);

} // namespace learnloop
