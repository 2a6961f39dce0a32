// Parsing and field readers for untrusted JSON, with field-named errors.
#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>

namespace learnloop {

Result<Json> parse_json(std::string_view text)
{
    // Copying or dumping a value recurses once per level: bound the nesting.
    constexpr int k_max_depth = 64;
    bool too_deep = false;
    auto json = Json::parse(text.begin(), text.end(),
        [&too_deep](int depth, Json::parse_event_t, Json&) {
            too_deep = too_deep || depth > k_max_depth;
            return !too_deep;
        },
        /*allow_exceptions=*/false);
    if (too_deep)
        return make_error(ErrorCode::InvalidArgument, "Request body is nested too deeply");
    if (json.is_discarded())
        return make_error(ErrorCode::InvalidArgument, "Request body is not valid JSON");
    return json;
}

// [SECTION] Fields of a flat object

Result<const Json*> json_field(const Json& object, std::string_view name)
{
    if (!object.is_object())
        return make_error(ErrorCode::InvalidArgument, "Expected a JSON object");
    auto it = object.find(std::string(name));
    if (it == object.end())
        return json_error_at(std::string(name), "is required");
    return &*it;
}

Result<std::string> json_string_field(const Json& object, std::string_view name)
{
    return json_string_at(*TRY(json_field(object, name)), std::string(name));
}

Result<bool> json_bool_field(const Json& object, std::string_view name)
{
    auto field = TRY(json_field(object, name));
    if (!field->is_boolean())
        return json_error_at(std::string(name), "must be true or false");
    return field->get<bool>();
}

Result<std::int64_t> json_int_field(const Json& object, std::string_view name)
{
    return json_int_at(*TRY(json_field(object, name)), std::string(name));
}

Result<void> json_only_fields(const Json& object, std::initializer_list<std::string_view> known)
{
    if (!object.is_object())
        return make_error(ErrorCode::InvalidArgument, "The body must be a JSON object");
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end())
            return make_error(ErrorCode::InvalidArgument, "Unknown field " + key.substr(0, 64), key.substr(0, 64));
    }
    return {};
}

// [SECTION] Values at a path in a nested document

Error json_error_at(const std::string& path, const std::string& what)
{
    return make_error(ErrorCode::InvalidArgument, path + " " + what, path);
}

std::string json_path(std::string_view base, std::string_view key)
{
    return base.empty() ? std::string(key) : std::string(base) + "." + std::string(key);
}

std::string json_index_path(std::string_view base, std::size_t index)
{
    return std::string(base) + "[" + std::to_string(index) + "]";
}

Result<std::string> json_string_at(const Json& value, const std::string& path)
{
    if (!value.is_string())
        return json_error_at(path, "must be a string");
    return value.get_ref<const std::string&>();
}

Result<std::int64_t> json_int_at(const Json& value, const std::string& path)
{
    if (!value.is_number_integer())
        return json_error_at(path, "must be an integer");
    // An unsigned value above int64's range wraps (as it always has for ids:
    // a wrapped id is simply not found); bounded readers check the range.
    return value.get<std::int64_t>();
}

Result<double> json_number_at(const Json& value, const std::string& path)
{
    if (!value.is_number())
        return json_error_at(path, "must be a number");
    double number = value.get<double>();
    if (!std::isfinite(number))
        return json_error_at(path, "must be a finite number");
    return number;
}

Result<const Json*> json_array_at(const Json& value, const std::string& path, std::size_t min, std::size_t max)
{
    if (!value.is_array())
        return json_error_at(path, "must be an array");
    if (value.size() < min || value.size() > max)
        return json_error_at(path, "must have " + std::to_string(min) + " to " + std::to_string(max) + " entries");
    return &value;
}

Result<JsonObjectReader> JsonObjectReader::open(const Json& json, std::string path)
{
    if (!json.is_object()) {
        if (path.empty())
            return make_error(ErrorCode::InvalidArgument, "Expected a JSON object");
        return json_error_at(path, "must be a JSON object");
    }
    return JsonObjectReader(json, std::move(path));
}

const Json* JsonObjectReader::find(std::string_view key)
{
    std::string name(key);
    auto it = m_json->find(name);
    if (it == m_json->end())
        return nullptr;
    m_read.insert(std::move(name));
    return &*it;
}

Result<const Json*> JsonObjectReader::require(std::string_view key)
{
    if (auto* value = find(key))
        return value;
    return json_error_at(path(key), "is required");
}

Result<void> JsonObjectReader::reject_unknown(std::string_view context) const
{
    for (auto& [key, value] : m_json->items()) {
        (void)value;
        if (!m_read.contains(key))
            return json_error_at(path(key), "is not a field of " + std::string(context));
    }
    return {};
}

} // namespace learnloop
