// Helpers of the calendar tests (recurrence, zones): local times from text
// and the zones embedded from tzdata, parsed once.
#pragma once

#include "core/calendar.hpp"
#include "embedded_zones.hpp"
#include "tutoring/zone.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace learnloop::test {

// "2026-12-07T16:00:00" as a LocalDateTime (the test fails on bad text).
inline LocalDateTime at(const char* text)
{
    auto parsed = parse_local_datetime(text, "test");
    REQUIRE(parsed.ok());
    return parsed.value();
}

// An embedded zone ("Europe/London"), parsed on first use.
inline const ZoneRules& zone(const char* name)
{
    static std::map<std::string, ZoneRules> zones;
    auto found = zones.find(name);
    if (found == zones.end()) {
        auto bytes = embedded_tzif(name);
        REQUIRE_FALSE(bytes.empty());
        auto parsed = parse_tzif(bytes, name);
        REQUIRE(parsed.ok());
        found = zones.emplace(name, parsed.value()).first;
    }
    return found->second;
}

} // namespace learnloop::test
