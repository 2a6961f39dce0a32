// The compact JSON form of a zone for a window of years, which the server
// sends the browser instead of the whole TZif file (a few hundred bytes a zone).
#include "core/json_reader.hpp"
#include "tutoring/zone.hpp"

#include <algorithm>

namespace learnloop {

namespace {

// Distinct types in first-seen order, so a transition names one by index.
std::size_t type_index(std::vector<LocalTimeType>& types, const LocalTimeType& type)
{
    auto found = std::find(types.begin(), types.end(), type);
    if (found != types.end())
        return static_cast<std::size_t>(found - types.begin());
    types.push_back(type);
    return types.size() - 1;
}

// A zone has a few types; a window of centuries has a few hundred changes.
constexpr std::size_t k_max_types = 256;
constexpr std::size_t k_max_transitions = 10000;

} // namespace

std::string zone_to_json(const ZoneRules& zone, int first_year, int last_year)
{
    std::int64_t from = days_from_civil(first_year, 1, 1) * 86400;
    std::int64_t to = days_from_civil(last_year + 1, 1, 1) * 86400;
    std::vector<LocalTimeType> types;
    auto initial = type_index(types, type_at(zone, from));
    Json at = Json::array(), type = Json::array();
    for (const auto& change : transitions_between(zone, from, to)) {
        at.push_back(change.at);
        type.push_back(type_index(types, change.type));
    }
    Json types_json = Json::array();
    for (const auto& t : types)
        types_json.push_back(Json::array({ t.utc_offset, t.is_dst ? 1 : 0, t.abbreviation }));
    Json out = { { "zone", zone.name }, { "years", Json::array({ first_year, last_year }) }, { "initial", initial },
        { "types", types_json }, { "at", at }, { "type", type }, { "footer", zone.footer } };
    return out.dump();
}

Result<ZoneRules> zone_from_json(std::string_view text)
{
    auto json = TRY(parse_json(text));
    auto reader = TRY(JsonObjectReader::open(json, ""));
    auto name = TRY(json_string_at(*TRY(reader.require("zone")), "zone"));
    TRY(json_array_at(*TRY(reader.require("years")), "years", 2, 2));   // informative: the window it is exact for
    auto footer = TRY(json_string_at(*TRY(reader.require("footer")), "footer"));

    const auto& types_json = *TRY(json_array_at(*TRY(reader.require("types")), "types", 1, k_max_types));
    std::vector<LocalTimeType> types;
    for (std::size_t i = 0; i < types_json.size(); ++i) {
        auto path = json_index_path("types", i);
        const auto& entry = *TRY(json_array_at(types_json[i], path, 3, 3));
        auto offset = TRY(json_int_at(entry[0], path + "[0]"));
        auto dst = TRY(json_int_at(entry[1], path + "[1]"));
        auto abbreviation = TRY(json_string_at(entry[2], path + "[2]"));
        if (offset < -89999 || offset > 93599 || (dst != 0 && dst != 1))
            return json_error_at(path, "is not a [UTC offset, 0 or 1, abbreviation] type");
        types.push_back({ static_cast<int>(offset), dst == 1, abbreviation });
    }
    auto pick_type = [&](std::int64_t index, const std::string& path) -> Result<LocalTimeType> {
        if (index < 0 || index >= static_cast<std::int64_t>(types.size()))
            return json_error_at(path, "names a type that does not exist");
        return types[static_cast<std::size_t>(index)];
    };
    auto initial = TRY(pick_type(TRY(json_int_at(*TRY(reader.require("initial")), "initial")), "initial"));

    const auto& at = *TRY(json_array_at(*TRY(reader.require("at")), "at", 0, k_max_transitions));
    const auto& type = *TRY(json_array_at(*TRY(reader.require("type")), "type", 0, k_max_transitions));
    if (at.size() != type.size())
        return json_error_at("type", "must have one entry for each entry of at");
    std::vector<ZoneTransition> transitions;
    for (std::size_t i = 0; i < at.size(); ++i) {
        auto when = TRY(json_int_at(at[i], json_index_path("at", i)));
        auto path = json_index_path("type", i);
        transitions.push_back({ when, TRY(pick_type(TRY(json_int_at(type[i], path)), path)) });
    }
    TRY(reader.reject_unknown("the zone"));
    return ZoneRules::create(std::move(name), std::move(initial), std::move(transitions), footer);
}

} // namespace learnloop
