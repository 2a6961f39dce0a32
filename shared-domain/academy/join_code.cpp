// A course's join code (see join_code.hpp).
#include "academy/join_code.hpp"

namespace learnloop {

Result<std::string> read_join_code(std::string_view typed)
{
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (code.size() == k_join_code_length || k_join_code_alphabet.find(c) == std::string_view::npos)
            return make_error(ErrorCode::InvalidArgument,
                "A join code is 8 letters and digits, like KQ7M-X2PA: check it with your instructor", "code");
        code.push_back(c);
    }
    if (code.size() != k_join_code_length)
        return make_error(ErrorCode::InvalidArgument,
            "A join code is 8 letters and digits, like KQ7M-X2PA: check it with your instructor", "code");
    return code;
}

std::string join_code_for_people(std::string_view code)
{
    if (code.size() != k_join_code_length)
        return std::string(code);
    return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

std::string make_join_code(std::uint64_t random_bits)
{
    // 31^8 is about 2^39.6, so taking digits base 31 of 64 random bits is
    // uniform to within one part in 2^24.
    std::string code;
    for (std::size_t i = 0; i < k_join_code_length; ++i) {
        code.push_back(k_join_code_alphabet[random_bits % k_join_code_alphabet.size()]);
        random_bits /= k_join_code_alphabet.size();
    }
    return code;
}

} // namespace learnloop
