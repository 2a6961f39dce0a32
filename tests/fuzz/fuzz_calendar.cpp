// Fuzz target: the tutoring calendar's parsers of untrusted text and bytes:
// RRULE text (then expanded over a bounded window), TZif files, POSIX TZ
// strings and the compact zone JSON the browser receives. Any bytes give a
// value or an error, and expansion always ends.
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace learnloop;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto rule = RecurrenceRule::create(bytes);
    if (rule.ok()) {
        // What is printed must parse back to the same rule.
        auto again = RecurrenceRule::create(rule.value().to_text());
        if (!again.ok() || !(again.value() == rule.value()))
            __builtin_trap();
        LocalDateTime dtstart { 2026, 1, 31, 16, 0, 0 };
        (void)expand(dtstart, rule.value(), dtstart, { 2028, 1, 1, 0, 0, 0 }, 500);
    }
    (void)parse_posix_tz(bytes);
    auto zone = parse_tzif(bytes, "fuzz");
    if (!zone.ok())
        zone = zone_from_json(bytes);
    if (zone.ok()) {
        for (std::int64_t t : { std::int64_t(-2208988800), std::int64_t(0), std::int64_t(1774746000), std::int64_t(4102444800) })
            (void)to_utc(to_local(t, zone.value()), zone.value());
        (void)zone_from_json(zone_to_json(zone.value(), 2026, 2027));
    }
    return 0;
}
