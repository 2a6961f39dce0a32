// Base58 with the Bitcoin alphabet, as multibase's "z" prefix marks it: the
// text form of keys (did:key) and signatures in verifiable credentials.
// Bytes are a std::string of any values.
//   base58btc_encode("\x00\x01") -> "12"
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace learnloop {

[[nodiscard]] std::string base58btc_encode(std::string_view bytes);
// Decoding takes time in the square of the text's length, so text longer
// than this is refused before any work (a key is 48 characters, a signature 88).
inline constexpr std::size_t k_base58_most_characters = 256;
// InvalidArgument (on `field`) for a character outside the alphabet, or text
// longer than k_base58_most_characters.
[[nodiscard]] Result<std::string> base58btc_decode(std::string_view text, const std::string& field = "base58");

// Multibase: "z" + base58btc; reading one refuses any other prefix.
[[nodiscard]] std::string multibase_base58btc(std::string_view bytes);
[[nodiscard]] Result<std::string> read_multibase_base58btc(std::string_view text, const std::string& field);

} // namespace learnloop
