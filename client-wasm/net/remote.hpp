// What a screen keeps of a request: the phase of a load, the data it brought,
// and the outcome of a form's action. Plain values, drawn every frame.
#pragma once

#include "core/dto.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

enum class Phase { Idle, Loading, Done, Failed };

// Data fetched from the server: its phase, the JSON once loaded, the error
// to show when loading failed.
struct Remote {
    Phase phase = Phase::Idle;
    Json data;
    std::string error;
    unsigned request = 0;     // the latest load; an older reply arriving late is dropped
};

// Forgets what `remote` holds, to be loaded afresh (a screen opened from its
// address loads once it knows the item is there); a load still on its way
// is dropped when it arrives.
inline void forget(Remote& remote)
{
    remote.phase = Phase::Idle;
    remote.data = nullptr;
    remote.error.clear();
    ++remote.request;
}

// The row of a loaded list whose "id" is `id`; null when it is not there or
// the list has not loaded.
inline const Json* find_by_id(const Remote& list, std::int64_t id)
{
    if (id == 0 || !list.data.is_array())
        return nullptr;
    for (const auto& row : list.data)
        if (row.is_object() && row.value("id", std::int64_t(0)) == id)
            return &row;
    return nullptr;
}

// A field of a row the server sent, or null when it is not there: unlike
// operator[] on a const Json, safe for a missing key, and unlike value(), safe
// for a field that is null ("max_points": null).
inline const Json& field_of(const Json& row, const char* key)
{
    static const Json none;
    if (!row.is_object())
        return none;
    auto found = row.find(key);
    return found == row.end() ? none : *found;
}

// A whole-number field, or `fallback` when it is missing, null or not whole.
inline int int_field(const Json& row, const char* key, int fallback = 0)
{
    const auto& value = field_of(row, key);
    return value.is_number_integer() ? value.get<int>() : fallback;
}

// An id (or any large whole number), or `fallback`, likewise.
inline std::int64_t id_field(const Json& row, const char* key, std::int64_t fallback = 0)
{
    const auto& value = field_of(row, key);
    return value.is_number_integer() ? value.get<std::int64_t>() : fallback;
}

// A text field, or `fallback` when it is missing, null or not text.
inline std::string text_field(const Json& row, const char* key, const std::string& fallback = {})
{
    const auto& value = field_of(row, key);
    return value.is_string() ? value.get<std::string>() : fallback;
}

// A true-or-false field, or `fallback` when it is missing, null or not one.
inline bool bool_field(const Json& row, const char* key, bool fallback = false)
{
    const auto& value = field_of(row, key);
    return value.is_boolean() ? value.get<bool>() : fallback;
}

// The outcome of a form's action: its phase and the message to show.
struct Outcome {
    Phase phase = Phase::Idle;
    std::string message;      // success or failure text
    bool failed = false;
};

} // namespace learnloop::client
