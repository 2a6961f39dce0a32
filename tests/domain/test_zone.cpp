// Tests for shared-domain/tutoring/zone.*: TZif parsing of real zone files
// (embedded from Debian's tzdata), POSIX TZ footers, RFC 5545's gap and overlap
// resolution, lessons across DST changes in both hemispheres, and the compact
// JSON form ([SECTION] helpers, [SECTION] parsing, [SECTION] conversions,
// [SECTION] lessons across DST, [SECTION] compact form).
#include "calendar_samples.hpp"
#include "embedded_zones.hpp"
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace learnloop;
using learnloop::test::at;
using learnloop::test::zone;

namespace {

// [SECTION] helpers

std::int64_t utc(const char* text)
{
    auto parsed = parse_utc_timestamp(text);
    REQUIRE(parsed.ok());
    return parsed.value();
}

// A TZif file written by hand, to test the versions Debian does not ship.
struct HandTzif {
    std::vector<std::int64_t> times;
    std::vector<unsigned char> indexes;
    std::vector<LocalTimeType> types;
    std::string footer;
};

void put_be(std::string& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::string tzif_bytes(const HandTzif& file, char version)
{
    std::string chars;
    std::vector<std::size_t> designations;
    for (const auto& type : file.types) {
        designations.push_back(chars.size());
        chars += type.abbreviation;
        chars.push_back('\0');
    }
    auto block = [&](int time_size) {
        std::string out = "TZif";
        out.push_back(version);
        out.append(15, '\0');
        for (std::size_t count : { std::size_t(0), std::size_t(0), std::size_t(0), file.times.size(), file.types.size(),
                 chars.size() })
            put_be(out, count, 4);
        for (auto t : file.times)
            put_be(out, static_cast<std::uint64_t>(t), time_size);
        for (auto i : file.indexes)
            out.push_back(static_cast<char>(i));
        for (std::size_t i = 0; i < file.types.size(); ++i) {
            put_be(out, static_cast<std::uint32_t>(file.types[i].utc_offset), 4);
            out.push_back(file.types[i].is_dst ? 1 : 0);
            out.push_back(static_cast<char>(designations[i]));
        }
        return out + chars;
    };
    if (version == '\0')
        return block(4);
    return block(4) + block(8) + "\n" + file.footer + "\n";
}

} // namespace

// [SECTION] parsing

TEST_CASE("Debian's TZif files parse, with their POSIX footers")
{
    CHECK(zone("Europe/London").footer == "GMT0BST,M3.5.0/1,M10.5.0");
    CHECK(zone("America/New_York").footer == "EST5EDT,M3.2.0,M11.1.0");
    CHECK(zone("Australia/Sydney").footer == "AEST-10AEDT,M10.1.0,M4.1.0/3");
    CHECK(zone("Europe/London").transitions.size() > 200);
    // Before railway time, London kept local mean time (-0:01:15).
    CHECK(type_at(zone("Europe/London"), to_unix_seconds({ 1800, 1, 1, 0, 0, 0 })).utc_offset == -75);
    CHECK(type_at(zone("Europe/London"), to_unix_seconds({ 1800, 1, 1, 0, 0, 0 })).abbreviation == "LMT");
    // British Double Summer Time in the war, from the table, not the footer.
    auto wartime = type_at(zone("Europe/London"), utc("1941-06-01T12:00:00Z"));
    CHECK(wartime.utc_offset == 7200);
    CHECK(wartime.abbreviation == "BDST");
}

TEST_CASE("the footer takes over after the table and agrees with it")
{
    const auto& london = zone("Europe/London");
    auto changes = transitions_between(london, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].at == utc("2026-03-29T01:00:00Z"));
    CHECK(changes[0].type == LocalTimeType { 3600, true, "BST" });
    CHECK(changes[1].at == utc("2026-10-25T01:00:00Z"));
    CHECK(changes[1].type == LocalTimeType { 0, false, "GMT" });
    // 2080 is beyond any table: last Sundays of March and October 2080 are the 31st and the 27th.
    auto later = transitions_between(london, utc("2080-01-01T00:00:00Z"), utc("2081-01-01T00:00:00Z"));
    REQUIRE(later.size() == 2);
    CHECK(later[0].at == utc("2080-03-31T01:00:00Z"));
    CHECK(later[1].at == utc("2080-10-27T01:00:00Z"));
    // The same zone with its table cut off after 2000 gives the same answers from the footer alone.
    std::vector<ZoneTransition> early;
    for (const auto& t : london.transitions)
        if (t.at < utc("2000-01-01T00:00:00Z"))
            early.push_back(t);
    auto cut = ZoneRules::create("cut", london.initial, early, london.footer).value();
    for (std::int64_t t = utc("2001-01-01T00:00:00Z"); t < utc("2040-01-01T00:00:00Z"); t += 86400 * 7 + 3601)
        CHECK(type_at(cut, t) == type_at(london, t));
}

TEST_CASE("POSIX TZ strings parse, including v3 extensions, and bad ones are refused")
{
    auto sydney = parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3").value();
    CHECK(sydney.standard == LocalTimeType { 36000, false, "AEST" });
    CHECK(sydney.daylight == LocalTimeType { 39600, true, "AEDT" });
    CHECK(sydney.end.time == 3 * 3600);
    auto bracketed = parse_posix_tz("<+0530>-5:30").value();
    CHECK(bracketed.standard.utc_offset == 5 * 3600 + 1800);
    CHECK(bracketed.standard.abbreviation == "+0530");
    CHECK_FALSE(bracketed.daylight.has_value());
    // Israel's rule: daylight time starts at 26:00 on the Thursday before the last Friday of March.
    auto israel = ZoneRules::create("Israel", { 7200, false, "IST" }, {}, "IST-2IDT,M3.4.4/26,M10.5.0").value();
    CHECK(type_at(israel, utc("2026-03-27T00:00:00Z")).is_dst);   // Friday 02:00 local came at Thursday 26:00
    CHECK_FALSE(type_at(israel, utc("2026-03-26T23:59:59Z")).is_dst);
    // Version 3's "daylight time all year": EST5EDT,0/0,J365/25.
    auto always = ZoneRules::create("always", { -18000, false, "EST" }, {}, "EST5EDT,0/0,J365/25").value();
    for (const char* t : { "2026-01-01T00:30:00Z", "2026-06-01T00:00:00Z", "2026-12-31T23:59:00Z" })
        CHECK(type_at(always, utc(t)).utc_offset == -14400);
    for (const char* bad : { "", "GMT", "G0", "GMT0BST,M13.1.0,M10.5.0", "GMT0BST,M3.6.0,M10.5.0", "GMT0BST,M3.5.7,M10.5.0",
             "GMT0BST,M3.5.0", "GMT0BST,J366,J300", "GMT25", "<+05", "GMT0BST,M3.5.0/168,M10.5.0" }) {
        INFO(bad);
        CHECK_FALSE(parse_posix_tz(bad).ok());
    }
}

TEST_CASE("hand-written TZif files of versions 1, 2 and 3 parse alike")
{
    HandTzif file { { -1000000000, 1000000000 }, { 1, 0 }, { { 0, false, "AAA" }, { 3600, true, "BBB" } }, "AAA0" };
    for (char version : { '\0', '2', '3', '4' }) {
        INFO(int(version));
        auto parsed = parse_tzif(tzif_bytes(file, version), "hand");
        REQUIRE(parsed.ok());
        const auto& z = parsed.value();
        CHECK(z.transitions.size() == 2);
        CHECK(type_at(z, -1000000001).abbreviation == "AAA");   // type 0 before the first transition
        CHECK(type_at(z, -1000000000).abbreviation == "BBB");
        CHECK(type_at(z, 999999999).utc_offset == 3600);
        CHECK(type_at(z, 1000000000).abbreviation == "AAA");
        CHECK(z.footer == (version == '\0' ? "" : "AAA0"));
    }
    // 64-bit times beyond 2038 only exist in the second block.
    HandTzif wide { { 4102444800 }, { 1 }, { { 0, false, "AAA" }, { -3600, false, "CCC" } }, "CCC1" };
    CHECK(type_at(parse_tzif(tzif_bytes(wide, '2'), "wide").value(), 4102444800).abbreviation == "CCC");
}

TEST_CASE("malformed TZif bytes are errors, never crashes")
{
    std::string london(embedded_tzif("Europe/London"));
    // Every truncation of a real file (in steps, to keep the WASM run quick).
    for (std::size_t length = 0; length + 1 < london.size(); length += 7) {
        INFO(length);
        CHECK_FALSE(parse_tzif(london.substr(0, length), "cut").ok());
    }
    auto corrupt = [&](std::size_t at, char value) {
        auto copy = london;
        copy[at] = value;
        return parse_tzif(copy, "corrupt");
    };
    CHECK_FALSE(corrupt(0, 'X').ok());   // magic
    CHECK_FALSE(corrupt(4, '9').ok());   // version
    CHECK_FALSE(corrupt(london.size() - 1, 'X').ok());   // footer not terminated
    HandTzif bad_index { { 0 }, { 5 }, { { 0, false, "AAA" } }, "" };
    CHECK_FALSE(parse_tzif(tzif_bytes(bad_index, '2'), "bad").ok());
    HandTzif unordered { { 10, 5 }, { 0, 0 }, { { 0, false, "AAA" } }, "" };
    CHECK_FALSE(parse_tzif(tzif_bytes(unordered, '2'), "bad").ok());
    HandTzif bad_footer { {}, {}, { { 0, false, "AAA" } }, "not a rule" };
    CHECK_FALSE(parse_tzif(tzif_bytes(bad_footer, '3'), "bad").ok());
}

// [SECTION] conversions

TEST_CASE("wall times in a spring-forward gap move forward by the gap (RFC 5545)")
{
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST.
    const auto& london = zone("Europe/London");
    CHECK(to_utc(at("2026-03-29T00:30:00"), london) == utc("2026-03-29T00:30:00Z"));
    CHECK(to_utc(at("2026-03-29T01:30:00"), london) == utc("2026-03-29T01:30:00Z"));   // read as GMT: 02:30 BST
    CHECK(to_local(to_utc(at("2026-03-29T01:30:00"), london), london) == at("2026-03-29T02:30:00"));
    CHECK(to_utc(at("2026-03-29T02:00:00"), london) == utc("2026-03-29T01:00:00Z"));
    CHECK(to_utc(at("2026-03-29T02:30:00"), london) == utc("2026-03-29T01:30:00Z"));   // exists: 02:30 BST, not moved
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT; 02:30 is read as EST, i.e. 03:30 EDT.
    const auto& new_york = zone("America/New_York");
    CHECK(to_utc(at("2026-03-08T02:30:00"), new_york) == utc("2026-03-08T07:30:00Z"));
    CHECK(to_local(utc("2026-03-08T07:30:00Z"), new_york) == at("2026-03-08T03:30:00"));
    // Sydney, 4 October 2026: 02:00 AEST becomes 03:00 AEDT.
    const auto& sydney = zone("Australia/Sydney");
    CHECK(to_utc(at("2026-10-04T02:30:00"), sydney) == utc("2026-10-03T16:30:00Z"));
    CHECK(to_local(utc("2026-10-03T16:30:00Z"), sydney) == at("2026-10-04T03:30:00"));
}

TEST_CASE("wall times that happen twice at fall-back are the first, daylight, instance")
{
    CHECK(to_utc(at("2026-10-25T01:30:00"), zone("Europe/London")) == utc("2026-10-25T00:30:00Z"));   // BST
    CHECK(to_utc(at("2026-10-25T02:00:00"), zone("Europe/London")) == utc("2026-10-25T02:00:00Z"));   // after it
    CHECK(to_utc(at("2026-11-01T01:30:00"), zone("America/New_York")) == utc("2026-11-01T05:30:00Z"));   // EDT
    CHECK(to_utc(at("2026-04-05T02:30:00"), zone("Australia/Sydney")) == utc("2026-04-04T15:30:00Z"));   // AEDT
}

TEST_CASE("every instant survives to_local then to_utc outside gaps and overlaps")
{
    for (const char* name : { "Europe/London", "America/New_York", "Australia/Sydney" }) {
        const auto& z = zone(name);
        for (std::int64_t t = utc("2024-01-01T00:00:00Z"); t < utc("2028-01-01T00:00:00Z"); t += 3 * 3600 + 17) {
            INFO(name << " " << format_utc_timestamp(t));
            auto local = to_local(t, z);
            auto back = to_utc(local, z);
            // In an overlap the earlier instant is chosen; it shows the same wall time.
            CHECK(to_local(back, z) == local);
            CHECK((back == t || back == t - 3600));
        }
    }
}

// [SECTION] lessons across DST

TEST_CASE("a weekly 16:00 lesson stays at 16:00 local and its UTC instant shifts by an hour")
{
    struct Case {
        const char* zone;
        const char* dtstart;
        const char* utc_before;   // the first two lessons
        const char* utc_after;    // the third, after the change
    };
    const Case cases[] = {
        { "Europe/London", "2026-03-19T16:00:00", "2026-03-19T16:00:00Z", "2026-04-02T15:00:00Z" },
        { "Europe/London", "2026-10-15T16:00:00", "2026-10-15T15:00:00Z", "2026-10-29T16:00:00Z" },
        { "America/New_York", "2026-02-26T16:00:00", "2026-02-26T21:00:00Z", "2026-03-12T20:00:00Z" },
        { "America/New_York", "2026-10-22T16:00:00", "2026-10-22T20:00:00Z", "2026-11-05T21:00:00Z" },
        // Southern hemisphere: daylight time ends in April and starts in October.
        { "Australia/Sydney", "2026-03-26T16:00:00", "2026-03-26T05:00:00Z", "2026-04-09T06:00:00Z" },
        { "Australia/Sydney", "2026-09-24T16:00:00", "2026-09-24T06:00:00Z", "2026-10-08T05:00:00Z" },
    };
    auto weekly = RecurrenceRule::create("FREQ=WEEKLY;COUNT=3").value();
    for (const auto& c : cases) {
        INFO(c.zone << " " << c.dtstart);
        const auto& z = zone(c.zone);
        auto lessons = expand(at(c.dtstart), weekly, at("2026-01-01T00:00:00"), at("2027-01-01T00:00:00"), 10).value();
        REQUIRE(lessons.occurrences.size() == 3);
        for (const auto& lesson : lessons.occurrences) {
            CHECK(lesson.hour == 16);
            CHECK(to_local(to_utc(lesson, z), z) == lesson);
        }
        CHECK(to_utc(lessons.occurrences[0], z) == utc(c.utc_before));
        CHECK(to_utc(lessons.occurrences[1], z) - to_utc(lessons.occurrences[0], z) == 7 * 86400);
        CHECK(to_utc(lessons.occurrences[2], z) == utc(c.utc_after));
        auto shift = to_utc(lessons.occurrences[2], z) - to_utc(lessons.occurrences[1], z) - 7 * 86400;
        CHECK((shift == 3600 || shift == -3600));
    }
}

TEST_CASE("a UTC UNTIL is compared in the series' zone")
{
    // 24 December 1997 00:00 UTC is 23 December 19:00 in New York: the 23rd's 09:00 lesson is the last.
    auto r = localize_until(RecurrenceRule::create("FREQ=DAILY;UNTIL=19971224T000000Z").value(), zone("America/New_York"));
    REQUIRE(r.until.has_value());
    CHECK(r.until->kind == UntilKind::Floating);
    CHECK(r.until->value == at("1997-12-23T19:00:00"));
    // In Sydney the same instant is already 11:00 on the 24th, so the 24th's 09:00 lesson is in.
    auto sydney = localize_until(RecurrenceRule::create("FREQ=DAILY;UNTIL=19971224T000000Z").value(), zone("Australia/Sydney"));
    auto lessons = expand(at("1997-12-20T09:00:00"), sydney, at("1997-12-01T00:00:00"), at("1998-01-01T00:00:00"), 100);
    CHECK(lessons.value().occurrences.back() == at("1997-12-24T09:00:00"));
}

// [SECTION] compact form

TEST_CASE("the compact JSON form round-trips and converts like the zone it came from")
{
    for (const char* name : { "Europe/London", "America/New_York", "Australia/Sydney" }) {
        INFO(name);
        const auto& z = zone(name);
        auto json = zone_to_json(z, 2024, 2030);
        CHECK(json.size() < 1500);   // fits the browser's budget for a zone
        auto parsed = zone_from_json(json);
        REQUIRE(parsed.ok());
        CHECK(parsed.value().name == name);
        CHECK(parsed.value().transitions.size() == 14);   // two changes a year for seven years
        CHECK(zone_to_json(parsed.value(), 2024, 2030) == json);
        // Exact in the window, and after it by the footer.
        for (std::int64_t t = utc("2024-01-01T00:00:00Z"); t < utc("2045-01-01T00:00:00Z"); t += 5 * 3600 + 7)
            CHECK(type_at(parsed.value(), t) == type_at(z, t));
        for (auto local : { at("2026-03-29T02:30:00"), at("2026-10-25T01:30:00"), at("2026-11-01T01:30:00"),
                 at("2026-04-05T02:30:00"), at("2026-10-04T02:30:00"), at("2029-07-01T16:00:00") })
            CHECK(to_utc(local, parsed.value()) == to_utc(local, z));
    }
}

TEST_CASE("malformed compact zones are refused with the field named")
{
    auto good = nlohmann::json::parse(zone_to_json(zone("Europe/London"), 2026, 2026));
    auto broken = [&](const char* pointer, nlohmann::json value) {
        auto copy = good;
        copy[nlohmann::json::json_pointer(pointer)] = std::move(value);
        return zone_from_json(copy.dump());
    };
    CHECK(zone_from_json(good.dump()).ok());
    CHECK_FALSE(zone_from_json("").ok());
    CHECK_FALSE(zone_from_json("[]").ok());
    CHECK_FALSE(broken("/initial", 9).ok());
    CHECK_FALSE(broken("/type/0", 7).ok());
    CHECK_FALSE(broken("/at/1", good["at"][0]).ok());   // not increasing
    CHECK_FALSE(broken("/types/0/0", 200000).ok());
    CHECK_FALSE(broken("/types/0/1", 2).ok());
    CHECK_FALSE(broken("/footer", "nonsense").ok());
    CHECK_FALSE(broken("/colour", "red").ok());
    auto short_type = good;
    short_type["type"].erase(0);
    auto result = zone_from_json(short_type.dump());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().field == "type");
}

TEST_CASE("a zone window converts every wall time exactly as to_utc does, across the changes of three zones")
{
    for (const char* name : { "Europe/London", "America/New_York", "Australia/Sydney" }) {
        CAPTURE(name);
        const auto& rules = learnloop::test::zone(name);
        const auto from = to_unix_seconds({ 2026, 1, 1, 0, 0, 0 }), to = to_unix_seconds({ 2027, 6, 1, 0, 0, 0 });
        const ZoneWindow window(rules, from, to);
        // Every quarter hour of the window and a week beyond either side
        // (those take the careful path).
        int compared = 0;
        std::string first_difference;
        for (auto wall = from - 7 * 86400; wall < to + 7 * 86400; wall += 900, ++compared) {
            auto local = from_unix_seconds(wall);
            if (first_difference.empty() && window.to_utc(local) != to_utc(local, rules))
                first_difference = format_local_datetime(local);
        }
        CHECK(first_difference.empty());
        CHECK(compared > 50000);
    }
}
