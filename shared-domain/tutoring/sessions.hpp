// Tutoring sessions as a business stores them: series (tutoring/recurrence's
// Series plus who, what and how long) and the changes made to single
// occurrences (moved, cancelled, another tutor, attendance, a note), turned
// into the occurrences a calendar shows ([SECTION] occurrences), and the
// edits people make to a series ([SECTION] edits): "this and following"
// splits it, holidays are skipped, and an edit of "all" says which changed
// occurrences it would leave behind; and what each student's sessions come
// to ([SECTION] students).
//
// The server answers GET /api/tutoring/occurrences with occurrences_between;
// the browser runs the same code on the week it keeps for offline viewing.
#pragma once

#include "core/calendar.hpp"
#include "core/result.hpp"
#include "tutoring/conflicts.hpp"
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// [SECTION] occurrences

// A series of sessions (a session_series row): a tutor teaching a student.
struct SessionSeries {
    std::int64_t id = 0;
    std::int64_t tutor_id = 0;
    std::int64_t student_id = 0;
    std::string subject;
    std::string room;              // empty: none
    Series schedule;               // local wall time in the tenant's zone
    int duration_minutes = 60;
};

// What was changed on one occurrence, keyed by the local start the series
// gives it (RFC 5545's RECURRENCE-ID): a session_occurrences row.
struct OccurrenceChange {
    std::int64_t id = 0;
    std::int64_t series_id = 0;
    LocalDateTime recurrence_id;
    std::optional<LocalDateTime> starts;          // moved to
    std::optional<int> duration_minutes;
    std::optional<std::int64_t> tutor_id;         // another tutor for this one
    bool cancelled = false;
    std::string attendance;                       // a status key; empty: not logged
    std::string note;
    std::optional<std::int64_t> invoice_id;       // on an invoice: locked
};

struct SessionOccurrence {
    std::int64_t series_id = 0;
    LocalDateTime recurrence_id;
    LocalDateTime start;           // local, after any move
    LocalDateTime end;             // local, at end_utc: across a clock change not start + duration
    int duration_minutes = 0;
    std::int64_t start_utc = 0, end_utc = 0;
    std::int64_t tutor_id = 0;
    std::int64_t student_id = 0;
    std::string subject;
    std::string room;
    bool moved = false;
    bool cancelled = false;
    std::string attendance;
    std::string note;
    std::optional<std::int64_t> invoice_id;
    std::optional<std::int64_t> change_id;

    // What the calendar shows: the attendance key once logged, else
    // "cancelled", "moved" or "scheduled".
    [[nodiscard]] std::string status() const;
};

// Every occurrence of `series` that starts in [from_utc, to_utc), by start,
// with `changes` applied: a moved occurrence shows where it was moved to
// (in the window or not), a cancelled one stays, marked. At most `limit`
// occurrences; more is ResourceExhausted ("ask for a shorter window").
// A change whose recurrence_id is not an occurrence of its series (left
// over from an edit) is ignored.
[[nodiscard]] Result<std::vector<SessionOccurrence>> occurrences_between(const std::vector<SessionSeries>& series,
    const std::vector<OccurrenceChange>& changes, const ZoneRules& zone, std::int64_t from_utc, std::int64_t to_utc,
    std::size_t limit);

// Whether `when` is an occurrence the series itself gives (DTSTART, the
// rule's or an RDATE, not an EXDATE).
[[nodiscard]] bool is_occurrence(const Series& schedule, const LocalDateTime& when);

// [SECTION] what may be done to a session
//
// The server refuses these (409 on an invoice, 422 before a session begins)
// and the calendar asks the same before it offers a button.

// Still only booked: neither logged nor cancelled (status() is "scheduled"
// or "moved"). The calendar offers logging and changes for these.
[[nodiscard]] bool is_booked(std::string_view status);
// A session on an invoice is locked until an administrator voids the invoice.
[[nodiscard]] Result<void> check_changeable(bool invoiced);
// Attendance is logged once the session has begun (in UTC: the fall-back
// hour's two 01:30s are told apart) and while it is on no invoice.
[[nodiscard]] Result<void> check_loggable(bool invoiced, std::int64_t start_utc, std::int64_t now_utc);

// [SECTION] students

// What a tutor (or the office) reads about one student from the sessions of
// a window: the subjects and tutors in it, the next session not yet begun
// and the latest begun (neither cancelled), how many begun sessions are
// logged, and those begun but still only booked (to log), oldest first.
struct StudentSessions {
    std::int64_t student_id = 0;
    std::vector<std::string> subjects;          // each once, as first met
    std::vector<std::int64_t> tutor_ids;        // each once, as first met
    std::optional<SessionOccurrence> next;
    std::optional<SessionOccurrence> last;
    int logged = 0;
    std::vector<SessionOccurrence> to_log;
};
// One per student met in `sessions`, by student id.
[[nodiscard]] std::vector<StudentSessions> sessions_by_student(const std::vector<SessionOccurrence>& sessions,
    std::int64_t now_utc);

// [SECTION] edits

// Whether a series can be stored and read back: every date in it (DTSTART,
// UNTIL, RDATEs, EXDATEs) from 1900 to 2999, as local times are read
// (an UNTIL of year 1 in UTC is 31 December of year 0 in New York).
[[nodiscard]] Result<void> check_storable(const Series& schedule);
[[nodiscard]] bool storable_time(const LocalDateTime& value);

// "This and following" from `at`, an occurrence of the rule after DTSTART:
// `before` ends just before it (UNTIL one second earlier, or the COUNT of
// occurrences before it), `after` starts at it with what is left of the
// COUNT; RDATEs and EXDATEs go to the side they fall on. Together they give
// exactly the occurrences `schedule` gave. `at` == DTSTART is an edit of
// "all"; a one-off session or `at` not an occurrence is an error.
struct SeriesSplit {
    Series before;
    Series after;
};
[[nodiscard]] Result<SeriesSplit> split_series(const Series& schedule, const LocalDateTime& at);

// The occurrences of `schedule` that fall on the business's or the tutor's
// blocked dates, added to its EXDATEs (a new series skips holidays; an
// existing one is never changed silently). Returns the dates skipped.
std::vector<LocalDateTime> skip_blocked_dates(Series& schedule, std::int64_t tutor_id,
    const std::vector<BlockedDates>& blocked);

// The changes that would no longer belong to an occurrence if the series'
// schedule became `schedule` and every change were moved by `shift_seconds`
// (an edit of "all" that moves the time of day moves their keys with it).
[[nodiscard]] std::vector<OccurrenceChange> orphaned_changes(const Series& schedule,
    const std::vector<OccurrenceChange>& changes, std::int64_t shift_seconds);

// The rule of a series whose start moves from `from` to `to` (an edit that
// moves every session by as much): UNTIL moves with it, so a later time of
// day keeps the last session, and the days a rule names move by as many days
// (BYDAY, BYMONTHDAY, BYYEARDAY), so Mondays moved to Tuesdays stay one
// weekly lesson (every other week keeps its pairs of weeks). Parts that
// cannot move by days without gaining or losing sessions (BYMONTH with days
// in it, numbered weekdays like 1SA, BYWEEKNO, BYSETPOS, a day of the month
// past the 28th, BYHOUR/BYMINUTE/BYSECOND with a new time of day) are an
// error asking for the new rule.
//   shift_rule(WEEKLY;BYDAY=MO,WE;UNTIL=20261130T160000, Mon 16:00, Tue 17:00)
//     -> WEEKLY;UNTIL=20261201T170000;BYDAY=TU,TH
[[nodiscard]] Result<RecurrenceRule> shift_rule(const RecurrenceRule& rule, const LocalDateTime& from,
    const LocalDateTime& to);

// `value` moved by whole seconds, in wall time.
[[nodiscard]] LocalDateTime add_seconds(const LocalDateTime& value, std::int64_t seconds);

// What a person asks of a series by moving one of its sessions from where
// the calendar shows it (`shown`: its own time when it was moved alone) to
// `wanted`, for "this and following" (`following`) or every session: the
// scope the API is sent ("this and following" from the series' first
// session is every session) and the start it is sent, the series' slot
// moved by as much as the person moved the session (`slot`: the session's
// recurrence id; `first`: the series' first start); none when the time did
// not change.
//   series_move(true, 09-07 16:00, 09-01 16:00, 09-07 17:00 (moved alone), 09-07 18:00) -> following, 09-07 17:00
struct SeriesMove {
    bool following = false;
    std::optional<LocalDateTime> starts;
};
[[nodiscard]] SeriesMove series_move(bool following, const LocalDateTime& slot, const LocalDateTime& first,
    const LocalDateTime& shown, const LocalDateTime& wanted);

} // namespace learnloop
