// Base58btc (base58.hpp).
#include "core/base58.hpp"

#include <algorithm>
#include <vector>

namespace learnloop {

namespace {

constexpr std::string_view k_alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

} // namespace

std::string base58btc_encode(std::string_view bytes)
{
    std::size_t zeros = 0;
    while (zeros < bytes.size() && bytes[zeros] == '\0')
        ++zeros;
    // The number in base 58, least significant digit first.
    std::vector<unsigned char> digits;
    for (std::size_t i = zeros; i < bytes.size(); ++i) {
        unsigned carry = static_cast<unsigned char>(bytes[i]);
        for (auto& digit : digits) {
            carry += static_cast<unsigned>(digit) << 8;
            digit = static_cast<unsigned char>(carry % 58);
            carry /= 58;
        }
        while (carry > 0) {
            digits.push_back(static_cast<unsigned char>(carry % 58));
            carry /= 58;
        }
    }
    std::string out(zeros, '1');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it)
        out += k_alphabet[*it];
    return out;
}

Result<std::string> base58btc_decode(std::string_view text, const std::string& field)
{
    if (text.size() > k_base58_most_characters)
        return make_error(ErrorCode::InvalidArgument, "Too long to be a key or a signature", field);
    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1')
        ++ones;
    // The number in base 256, least significant byte first.
    std::vector<unsigned char> bytes;
    for (std::size_t i = ones; i < text.size(); ++i) {
        const auto at = k_alphabet.find(text[i]);
        if (at == std::string_view::npos)
            return make_error(ErrorCode::InvalidArgument, "Not base58: the character at " + std::to_string(i + 1)
                + " is outside its alphabet", field);
        unsigned carry = static_cast<unsigned>(at);
        for (auto& byte : bytes) {
            carry += static_cast<unsigned>(byte) * 58;
            byte = static_cast<unsigned char>(carry & 0xFF);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.push_back(static_cast<unsigned char>(carry & 0xFF));
            carry >>= 8;
        }
    }
    std::string out(ones, '\0');
    for (auto it = bytes.rbegin(); it != bytes.rend(); ++it)
        out += static_cast<char>(*it);
    return out;
}

std::string multibase_base58btc(std::string_view bytes)
{
    return "z" + base58btc_encode(bytes);
}

Result<std::string> read_multibase_base58btc(std::string_view text, const std::string& field)
{
    if (text.empty() || text[0] != 'z')
        return make_error(ErrorCode::InvalidArgument, "Expected multibase base58btc text starting with z", field);
    return base58btc_decode(text.substr(1), field);
}

} // namespace learnloop
