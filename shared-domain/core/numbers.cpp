// Numbers as text (see numbers.hpp).
#include "core/numbers.hpp"

#include <cmath>
#include <cstdio>

namespace learnloop {

std::string format_number(double value, int decimals)
{
    if (!std::isfinite(value))
        return "\xE2\x80\x93";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    // Thousands grouped in the whole part.
    auto point = text.find('.');
    std::size_t whole_end = point == std::string::npos ? text.size() : point;
    std::size_t whole_start = text[0] == '-' ? 1 : 0;
    for (std::size_t i = whole_end; i > whole_start + 3; i -= 3)
        text.insert(i - 3, ",");
    return text;
}

std::string number_text(double value, int digits)
{
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    return text;
}

std::optional<int> whole_number(std::string_view text)
{
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace learnloop
