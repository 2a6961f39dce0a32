// JSON Canonicalization Scheme (canonical_json.hpp).
#include "core/canonical_json.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace learnloop {

namespace {

constexpr std::int64_t k_largest_exact = 9007199254740992;   // 2^53: every whole number up to it is a double

// A member name as UTF-16 code units, the order RFC 8785 sorts by (it
// differs from UTF-8's byte order only between U+E000..U+FFFF and the
// characters beyond U+FFFF).
std::u16string utf16_of(const std::string& text)
{
    std::u16string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = decode_utf8_at(text, i);
        i += c.length;
        if (c.code_point >= 0x10000) {
            const char32_t v = c.code_point - 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(c.code_point));
        }
    }
    return out;
}

Result<void> write_string(std::string& out, const std::string& text, const std::string& path)
{
    if (!is_valid_utf8(text))
        return make_error(ErrorCode::InvalidArgument, "Text that is not UTF-8 has no canonical form", path);
    out += '"';
    for (const unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    return {};
}

std::string child_path(const std::string& path, const std::string& name)
{
    return path.empty() ? name : path + "." + name;
}

Result<void> write_value(std::string& out, const Json& value, const std::string& path)
{
    switch (value.type()) {
    case Json::value_t::null: out += "null"; return {};
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return {};
    case Json::value_t::string: return write_string(out, value.get_ref<const std::string&>(), path);
    case Json::value_t::number_integer: {
        const auto n = value.get<std::int64_t>();
        if (n > k_largest_exact || n < -k_largest_exact)
            break;
        out += std::to_string(n);
        return {};
    }
    case Json::value_t::number_unsigned: {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(k_largest_exact))
            break;
        out += std::to_string(n);
        return {};
    }
    case Json::value_t::array: {
        out += '[';
        std::size_t i = 0;
        for (const auto& item : value) {
            if (i > 0)
                out += ',';
            TRY(write_value(out, item, path + "[" + std::to_string(i) + "]"));
            ++i;
        }
        out += ']';
        return {};
    }
    case Json::value_t::object: {
        std::vector<std::pair<std::u16string, const std::string*>> names;
        for (auto it = value.begin(); it != value.end(); ++it)
            names.emplace_back(utf16_of(it.key()), &it.key());
        std::sort(names.begin(), names.end());
        out += '{';
        bool first = true;
        for (const auto& [order, name] : names) {
            if (!first)
                out += ',';
            first = false;
            TRY(write_string(out, *name, child_path(path, *name)));
            out += ':';
            TRY(write_value(out, value.at(*name), child_path(path, *name)));
        }
        out += '}';
        return {};
    }
    default: break;
    }
    return make_error(ErrorCode::InvalidArgument,
        "Only whole numbers up to 2^53 are written canonically here (no fractions)", path);
}

} // namespace

Result<std::string> canonical_json(const Json& value)
{
    std::string out;
    TRY(write_value(out, value, ""));
    return out;
}

} // namespace learnloop
