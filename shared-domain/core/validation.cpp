// Generic field rules: UTF-8, trimming, free text and grades, with their messages.
#include "core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace learnloop {

namespace {

Error invalid(std::string message, std::string field)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

} // namespace

bool is_valid_utf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t code_point = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code_point = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code_point = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code_point = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            code_point = (code_point << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        static constexpr std::uint32_t min_for_length[] = { 0, 0x80, 0x800, 0x10000 };
        if (code_point < min_for_length[extra] || code_point > 0x10FFFF
            || (code_point >= 0xD800 && code_point <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::size_t utf8_length(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string list_for_people(const std::vector<std::string>& items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return text;
}

std::string utf8_prefix(std::string_view text, std::size_t characters)
{
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++seen > characters)
            return std::string(text.substr(0, i));
    return std::string(text);
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

std::string_view trim(std::string_view text)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

Result<std::string> validate_text(std::string_view raw, std::string_view field, std::string_view label,
    std::size_t min, std::size_t max, TextLines lines)
{
    std::string field_name(field), label_text(label);
    if (!is_valid_utf8(raw))
        return invalid(label_text + " must be valid UTF-8 text", field_name);
    auto text = trim(raw);
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        bool allowed_space = lines == TextLines::Multiple && (c == '\n' || c == '\r' || c == '\t');
        if ((u < 0x20 && !allowed_space) || u == 0x7F)
            return invalid(label_text + " must not contain control characters", field_name);
    }
    auto length = utf8_length(text);
    if (length < min)
        return invalid(min == 1 ? label_text + " is required"
                                : label_text + " must be at least " + std::to_string(min) + " characters",
            field_name);
    if (length > max)
        return invalid(label_text + " must be at most " + std::to_string(max) + " characters", field_name);
    return std::string(text);
}

Result<double> validate_grade(double grade)
{
    if (!std::isfinite(grade) || grade < 0 || grade > 1000)
        return invalid("Grade must be a number from 0 to 1000", "grade");
    double hundredths = grade * 100;
    if (std::fabs(hundredths - std::round(hundredths)) > 1e-6)
        return invalid("Grade must have at most two decimal places", "grade");
    return std::round(hundredths) / 100;
}

Utf8Char decode_utf8_at(std::string_view text, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80)
        return { lead, 1 };
    std::size_t length = 0;
    char32_t code_point = 0;
    unsigned char low = 0x80, high = 0xBF;   // what the second byte may be: no overlong forms, surrogates or > U+10FFFF
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0F;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= text.size())
            return { k_replacement_character, k };
        const auto byte = static_cast<unsigned char>(text[at + k]);
        if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF))
            return { k_replacement_character, k };
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    return { code_point, length };
}


void append_utf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace learnloop
