// Field validation rules and messages.
#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace learnloop {

namespace {

Error invalid(std::string message, std::string field)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_ascii_lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

bool is_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A domain label: 1-63 of letters, digits and inner hyphens (or any non-ASCII
// byte, which permits internationalised names without punycode).
bool is_valid_domain_label(std::string_view label)
{
    if (label.empty() || label.size() > 63)
        return false;
    if (label.front() == '-' || label.back() == '-')
        return false;
    return std::all_of(label.begin(), label.end(), [](char c) {
        return is_ascii_alnum(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    });
}

bool is_valid_local_part(std::string_view local)
{
    if (local.empty() || local.size() > 64)
        return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    static constexpr std::string_view allowed_symbols = "!#$%&'*+-/=?^_`{|}~.";
    return std::all_of(local.begin(), local.end(), [](char c) {
        return is_ascii_alnum(c) || allowed_symbols.find(c) != std::string_view::npos
            || static_cast<unsigned char>(c) >= 0x80;
    });
}

// Passwords that appear at the top of every breached-password list.
constexpr std::array<std::string_view, 20> k_common_passwords = {
    "password", "password1", "password12", "password123", "1234567890", "0123456789",
    "qwertyuiop", "iloveyou12", "letmein123", "welcome123", "abcdefghij", "abc1234567",
    "passw0rd12", "qwerty1234", "1q2w3e4r5t", "football12", "learnloop1", "school1234",
    "teacher123", "student123",
};

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

std::string_view trim(std::string_view text)
{
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

Result<std::string> validate_email(std::string_view raw)
{
    auto email = trim(raw);
    if (email.empty())
        return invalid("Email is required", "email");
    if (email.size() > k_email_max_length)
        return invalid("Email must be at most 254 characters", "email");
    if (!is_valid_utf8(email))
        return invalid("Email must be valid UTF-8 text", "email");

    static constexpr std::string_view shape_message = "Email must look like name@example.com";
    auto at = email.rfind('@');
    if (at == std::string_view::npos || email.find('@') != at)
        return invalid(std::string(shape_message), "email");
    auto local = email.substr(0, at);
    auto domain = email.substr(at + 1);
    if (!is_valid_local_part(local))
        return invalid(std::string(shape_message), "email");

    // The domain needs at least two labels ("example.com"), and its last label
    // must not be all digits, which rules out bare IP addresses.
    if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos)
        return invalid(std::string(shape_message), "email");
    std::size_t start = 0;
    std::string_view last_label;
    while (start <= domain.size()) {
        auto dot = domain.find('.', start);
        auto label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!is_valid_domain_label(label))
            return invalid(std::string(shape_message), "email");
        last_label = label;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    if (std::all_of(last_label.begin(), last_label.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return invalid(std::string(shape_message), "email");

    return to_ascii_lower(email);
}

Result<std::string> validate_display_name(std::string_view raw)
{
    auto name = trim(raw);
    if (name.empty())
        return invalid("Name is required", "name");
    if (!is_valid_utf8(name))
        return invalid("Name must be valid UTF-8 text", "name");
    if (utf8_length(name) > k_display_name_max_length)
        return invalid("Name must be at most 100 characters", "name");
    for (char c : name) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return invalid("Name must not contain control characters", "name");
    }
    return std::string(name);
}

Result<void> validate_new_password(std::string_view password, std::string_view email)
{
    if (password.empty())
        return invalid("Password is required", "password");
    if (!is_valid_utf8(password))
        return invalid("Password must be valid UTF-8 text", "password");
    auto length = utf8_length(password);
    if (length < k_password_min_length)
        return invalid("Password must be at least 10 characters", "password");
    if (length > k_password_max_length)
        return invalid("Password must be at most 128 characters", "password");
    if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); }))
        return invalid("Password must not be one character repeated", "password");

    auto lowered = to_ascii_lower(password);
    if (std::find(k_common_passwords.begin(), k_common_passwords.end(), lowered) != k_common_passwords.end())
        return invalid("Password is too common; choose a longer or less predictable one", "password");

    auto at = email.find('@');
    auto local = to_ascii_lower(trim(email.substr(0, at)));
    if (local.size() >= 4 && lowered.find(local) != std::string::npos)
        return invalid("Password must not contain your email name", "password");
    return {};
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

std::vector<Error> validate_sign_in(std::string_view email, std::string_view password)
{
    std::vector<Error> errors;
    if (auto result = validate_email(email); !result.ok())
        errors.push_back(result.error());
    if (password.empty())
        errors.push_back(invalid("Password is required", "password"));
    else if (utf8_length(password) > k_password_max_length)
        errors.push_back(invalid("Password must be at most 128 characters", "password"));
    return errors;
}

} // namespace learnloop
