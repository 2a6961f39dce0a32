// A private calendar feed as RFC 5545 text: the tenant's zone as a
// VTIMEZONE, each series as one VEVENT with its RRULE, EXDATEs and RDATEs
// (in the series' zone, as DTSTART is), and each changed session as a
// RECURRENCE-ID override: moved, another length, cancelled
// (STATUS:CANCELLED), or noted. A calendar program expands it to exactly
// the sessions GET /api/tutoring/occurrences lists.
//
//   auto text = write_icalendar(entries, zone, { "Brightpath Tutoring", "brightpath.learnloop.test", now, from, to });
#pragma once

#include "tutoring/sessions.hpp"
#include "tutoring/zone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// One series in a feed, with its changed sessions.
struct FeedEntry {
    SessionSeries series;
    std::string summary;                       // "Maths with Sam Student"
    std::vector<OccurrenceChange> changes;
};

struct FeedOptions {
    std::string calendar_name;                 // X-WR-CALNAME
    std::string uid_domain;                    // UIDs are "series-<id>@<uid_domain>"
    std::int64_t stamp_utc = 0;                // DTSTAMP
    std::int64_t from_utc = 0, to_utc = 0;     // the VTIMEZONE covers this window
    // A tutor's feed holds the sessions they teach: a session of theirs
    // handed to another tutor is left out (EXDATE), one handed to them from
    // another's series is written on its own.
    std::optional<std::int64_t> viewer_tutor;
};

[[nodiscard]] std::string write_icalendar(const std::vector<FeedEntry>& entries, const ZoneRules& zone,
    const FeedOptions& options);

// RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.
[[nodiscard]] std::string escape_ical_text(std::string_view text);
// A content line folded at 75 octets (never inside a UTF-8 character), with CRLF.
[[nodiscard]] std::string fold_ical_line(std::string_view line);

} // namespace learnloop
