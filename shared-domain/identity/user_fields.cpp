// Identity field rules (email, display name, password, sign-in) and their
// messages, shared by the client's instant form feedback and the server.
#include "identity/user_fields.hpp"

#include "core/validation.hpp"

#include <algorithm>

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

} // namespace

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
