// The demo tutoring business: [SECTION] time, [SECTION] people and settings,
// [SECTION] placing the series, [SECTION] what happened to each session,
// [SECTION] invoices and payments, [SECTION] messages, [SECTION] writing the
// history, [SECTION] seed_demo_tutoring.
// Over 600 lines: the demo business is one story (people, weeks of sessions, what became of
// each, invoices, messages), kept in one file so that it reads in order.
#include "cli/demo_tutoring.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "core/json_reader.hpp"
#include "core/random.hpp"
#include "db/sql.hpp"
#include "finance/billing.hpp"
#include "finance/money.hpp"
#include "identity/identity_store.hpp"
#include "platform/time_zones.hpp"
#include "tutoring/tutoring_requests.hpp"
#include "tutoring/conflicts.hpp"
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace learnloop::server {

namespace {

constexpr const char* k_slug = "brightpath";
constexpr const char* k_domain = "@brightpath.learnloop.test";
constexpr const char* k_time_zone = "Europe/London";
constexpr const char* k_currency = "GBP";
constexpr const char* k_invoice_prefix = "BPT";
constexpr const char* k_minimal_subject = "Maths";
constexpr std::int64_t k_default_rate = 4000;          // pence per hour
constexpr const char* k_rates_since = "2024-09-01";    // fixed, so the minimal and full seeds make the same rows
constexpr std::int64_t k_day = 86400;
// The sessions run from the Monday ten weeks before this week to the end of
// the third week after it: about three months, most of it history.
constexpr int k_weeks_before = 10;
constexpr int k_weeks_after = 4;
constexpr int k_course_week = 3;      // the ten-session course starts then
constexpr int k_half_term_week = 5;   // the business is closed that week
constexpr int k_split_week = 6;       // the split series moves to its new slot then
constexpr int k_festival_week = 8;    // the piano tutor is away on its Friday and Saturday

// [SECTION] time ------------------------------------------------------------

LocalDateTime add_days(const LocalDateTime& value, int days)
{
    return from_unix_seconds(to_unix_seconds(value) + days * k_day);
}

LocalDateTime at_minute(const LocalDateTime& day, int minute)
{
    return { day.year, day.month, day.day, minute / 60, minute % 60, 0 };
}

std::string date_text(const LocalDateTime& value)
{
    return format_local_datetime(value).substr(0, 10);
}

// "Mon 3 Nov 2026": format_for_people without the time.
std::string day_for_people(const LocalDateTime& value)
{
    auto text = format_for_people(value);
    return text.substr(0, text.find(','));
}

std::string weekday_name(const LocalDateTime& value)
{
    static constexpr const char* k_names[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday" };
    return k_names[static_cast<int>(weekday_of(value))];
}

std::string month_name(const LocalDateTime& value)
{
    static constexpr const char* k_names[] = { "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December" };
    return std::string(k_names[value.month - 1]) + " " + std::to_string(value.year);
}

LocalDateTime first_of_month(const LocalDateTime& value)
{
    return { value.year, value.month, 1, 0, 0, 0 };
}

LocalDateTime next_month(const LocalDateTime& value)
{
    return value.month == 12 ? LocalDateTime { value.year + 1, 1, 1 } : LocalDateTime { value.year, value.month + 1, 1 };
}

// The business's calendar for this run: the window of sessions and where the
// history ends (the day before the seed runs, in the business's zone).
struct Clock {
    const ZoneRules* zone = nullptr;
    LocalDateTime today;          // local midnight of the day the seed runs
    std::int64_t today_utc = 0;   // that instant; nothing in the history is at or after it
    LocalDateTime first_monday;   // the window's first day
    LocalDateTime window_end;     // the day after its last

    std::int64_t utc(const LocalDateTime& local) const { return to_utc(local, *zone); }
    LocalDateTime local(std::int64_t unix_seconds) const { return to_local(unix_seconds, *zone); }
    std::string stamp(std::int64_t unix_seconds) const { return format_utc_timestamp(unix_seconds); }
    // `days` before today at the local `minute` of that day, as a UTC timestamp.
    std::int64_t days_ago(int days, int minute) const { return utc(at_minute(add_days(today, -days), minute)); }
    LocalDateTime week_day(int week, int day_from_monday) const { return add_days(first_monday, 7 * week + day_from_monday); }
};

Clock make_clock(const ZoneRules& zone, std::int64_t now_unix)
{
    Clock clock;
    clock.zone = &zone;
    clock.today = at_minute(to_local(now_unix, zone), 0);
    clock.today_utc = to_utc(clock.today, zone);
    auto this_monday = add_days(clock.today, -static_cast<int>(weekday_of(clock.today)));
    clock.first_monday = add_days(this_monday, -7 * k_weeks_before);
    clock.window_end = add_days(this_monday, 7 * k_weeks_after);
    return clock;
}

// [SECTION] people and settings ---------------------------------------------

struct People {
    std::int64_t admin = 0, moderator = 0;
    std::vector<std::int64_t> tutors;                 // by demo_tutors() index
    std::vector<std::int64_t> parents;                // by household
    std::vector<std::vector<std::int64_t>> children;  // by household, then child
    int students = 0;
    int parents_linked = 0;           // by this run
};

// A child's id by their login.
std::int64_t student_id(const People& people, std::string_view login)
{
    auto households = demo_households();
    for (std::size_t h = 0; h < people.children.size(); ++h)
        for (std::size_t c = 0; c < people.children[h].size(); ++c)
            if (households[h].children[c].login == login)
                return people.children[h][c];
    return 0;
}

struct Business {
    pqxx::work& txn;
    std::int64_t tenant_id = 0;
    std::string password_hash;   // the demo password's, hashed once (ensure_demo_user)

    Result<std::int64_t> user(const std::string& login, const std::string& name, Role role)
    {
        return ensure_demo_user(txn, tenant_id, login + k_domain, name, role, password_hash);
    }

    void audit(const std::string& action, const Json& after)
    {
        append_audit(txn, { tenant_id, "cli", action, "tenant", std::to_string(tenant_id), nullptr, after });
    }
};

// The staff, the tutors and the first `households` families (the minimal
// demo has only the first), made when missing, each parent linked to their
// children.
Result<People> ensure_people(Business& b, const Clock& clock, std::size_t households, std::size_t tutors)
{
    People people;
    people.admin = TRY(b.user("admin", "Bea Admin", Role::Admin));
    people.moderator = TRY(b.user("moderator", "Morgan Moderator", Role::Moderator));
    for (std::size_t t = 0; t < tutors; ++t)
        people.tutors.push_back(TRY(b.user(demo_tutors()[t].login, demo_tutors()[t].name, Role::Teacher)));
    Json links = Json::array();
    for (std::size_t h = 0; h < households; ++h) {
        const auto& household = demo_households()[h];
        people.parents.push_back(TRY(b.user(household.parent_login, household.parent_name, Role::Parent)));
        people.children.emplace_back();
        for (const auto& child : household.children) {
            if (!child.name)
                continue;
            auto id = TRY(b.user(child.login, child.name, Role::Student));
            people.children.back().push_back(id);
            links.push_back({ { "parent_id", people.parents.back() }, { "student_id", id } });
            ++people.students;
        }
    }
    people.parents_linked = exec_named(b.txn, "cli/demo_link_parents", b.tenant_id, links.dump(),
        clock.stamp(clock.utc(add_days(clock.first_monday, -7))))[0]["added"].as<int>();
    return people;
}

// The minimal demo's series: the student's weekly Maths with the tutor, on
// Thursdays at 16:00 from the window's first week, open-ended.
Json minimal_series(const People& people, const Clock& clock)
{
    auto dtstart = at_minute(clock.week_day(0, 3), 16 * 60);
    return { { "tutor_id", people.tutors[0] }, { "student_id", people.children[0][0] },
        { "subject", k_minimal_subject }, { "room", demo_tutors()[0].room }, { "dtstart", format_local_datetime(dtstart) },
        { "duration_minutes", 60 }, { "rrule", "FREQ=WEEKLY;BYDAY=TH" }, { "exdates", Json::array() },
        { "split_from", nullptr }, { "created_by", people.admin },
        { "created_at", clock.stamp(clock.utc(add_days(clock.first_monday, -4))) } };
}

// The settings row, the default rate and the minimal series, each made when
// missing, audited together with the parents just linked.
void ensure_basics(Business& b, const People& people, const Clock& clock)
{
    auto& txn = b.txn;
    bool settings_made = exec_named(txn, "cli/demo_tutoring_settings", b.tenant_id, std::string(k_currency), 0,
        std::string(k_invoice_prefix))[0]["made"].as<bool>();
    Json rate = Json::array({ { { "student_id", nullptr }, { "tutor_id", nullptr }, { "effective_from", k_rates_since },
        { "per_hour_minor", k_default_rate }, { "currency", k_currency } } });
    auto rates_added = exec_named(txn, "tutoring/insert_rates", b.tenant_id, rate.dump())[0]["added"].as<int>();
    Json series_id = nullptr;
    if (exec_named(txn, "cli/demo_tutoring_find_series", b.tenant_id, people.tutors[0], people.children[0][0],
            std::string(k_minimal_subject)).empty())
        series_id = exec_named(txn, "cli/demo_tutoring_insert_series", b.tenant_id,
            minimal_series(people, clock).dump())[0]["id"].as<std::int64_t>();
    if (settings_made || rates_added > 0 || !series_id.is_null() || people.parents_linked > 0)
        b.audit("demo.seed", { { "settings_made", settings_made }, { "rates_added", rates_added },
                                  { "series_id", series_id }, { "parents_linked", people.parents_linked } });
}

// [SECTION] placing the series ------------------------------------------------

// One series as the demo places it.
struct Booking {
    std::string key;              // "khoa.nguyen/Chemistry", "/2" for a split's second part
    int household = 0, tutor = 0;
    std::int64_t tutor_id = 0, student_id = 0;
    std::string student_name, subject, room;
    LocalDateTime dtstart;
    int minutes = 60;
    std::string rrule;            // canonical text
    std::vector<LocalDateTime> exdates;
    int split_from = -1;          // the booking this one continues
    std::int64_t id = 0;          // once stored
    std::vector<LocalDateTime> starts;   // its sessions from dtstart to the window's end
};

struct Slot {
    int day_from_monday = 0;
    int minute = 0;
    bool operator==(const Slot&) const = default;
};

// What placing needs to know, and every session placed so far (UTC) for the
// clash checks, by key ("<series key>@<recurrence id>").
struct Placer {
    const Clock& clock;
    std::vector<BlockedDates> blocked;
    std::vector<std::vector<AvailabilityWindow>> windows;   // by tutor
    std::vector<BookedSession> booked;
    std::map<std::string, std::size_t> booked_index;
    ConflictPolicy policy;   // the schema's default: tutor clashes block, student and room clashes warn
    LocalDateTime horizon;   // EXDATEs are written up to here: the window or the last blocked day, if later
};

std::string session_key(const Booking& booking, const LocalDateTime& recurrence)
{
    return booking.key + "@" + format_local_datetime(recurrence);
}

BookedSession booked_session(const Placer& placer, const Booking& booking, const LocalDateTime& recurrence,
    const LocalDateTime& start)
{
    auto from = placer.clock.utc(start);
    return { session_key(booking, recurrence), booking.tutor_id, booking.student_id, booking.room, from,
        from + booking.minutes * 60, booking.subject + " with " + booking.student_name + ", " + format_for_people(start) };
}

Result<std::vector<LocalDateTime>> expand_booking(const Booking& booking, const LocalDateTime& to, bool with_exdates)
{
    Series series { booking.dtstart, TRY(RecurrenceRule::create(booking.rrule)), {},
        with_exdates ? booking.exdates : std::vector<LocalDateTime> {} };
    auto expansion = TRY(expand_series(series, booking.dtstart, to, 2000));
    return std::move(expansion.occurrences);
}

// Recurring sessions skip blocked dates: an EXDATE for each session that
// falls on the business's or the tutor's own, then the sessions that are left.
Result<void> skip_blocked(const Placer& placer, Booking& booking)
{
    booking.exdates.clear();
    for (const auto& start : TRY(expand_booking(booking, placer.horizon, false)))
        if (blocked_on(placer.blocked, date_text(start), booking.tutor_id))
            booking.exdates.push_back(start);
    booking.starts = TRY(expand_booking(booking, placer.clock.window_end, true));
    return {};
}

// Whether a session fits: in the tutor's time, on no blocked day, and
// clashing with nothing (not even what the policy only warns about).
bool session_fits(const Placer& placer, const Booking& booking, const LocalDateTime& recurrence,
    const LocalDateTime& start)
{
    if (!within_availability(placer.windows[static_cast<std::size_t>(booking.tutor)], start, booking.minutes))
        return false;
    if (blocked_on(placer.blocked, date_text(start), booking.tutor_id))
        return false;
    return find_conflicts(booked_session(placer, booking, recurrence, start), placer.booked, placer.policy)
        .conflicts.empty();
}

void book(Placer& placer, const Booking& booking)
{
    for (const auto& start : booking.starts) {
        placer.booked_index[session_key(booking, start)] = placer.booked.size();
        placer.booked.push_back(booked_session(placer, booking, start, start));
    }
}

// Every start on the half-hour in the tutor's weekly windows with room for the lesson.
std::vector<Slot> candidate_slots(const Placer& placer, int tutor, int minutes)
{
    std::vector<Slot> slots;
    for (const auto& window : placer.windows[static_cast<std::size_t>(tutor)])
        if (window.weekday)
            for (int minute = window.start_minute; minute + minutes <= window.end_minute; minute += 30)
                slots.push_back({ (*window.weekday + 6) % 7, minute });
    return slots;
}

// Places a booking in the first free slot of a seeded shuffle, from `first_week`
// with the rule's extra parts `rule_tail` (";INTERVAL=2", ";COUNT=10", ";UNTIL=...").
Result<Slot> place(Placer& placer, Booking& booking, int first_week, const std::string& rule_tail,
    SeededRandom& rng, std::optional<Slot> not_slot = {})
{
    auto slots = candidate_slots(placer, booking.tutor, booking.minutes);
    rng.shuffle(slots);
    for (const auto& slot : slots) {
        if (not_slot && slot == *not_slot)
            continue;
        booking.dtstart = at_minute(placer.clock.week_day(first_week, slot.day_from_monday), slot.minute);
        booking.rrule = TRY(RecurrenceRule::create(
            "FREQ=WEEKLY;BYDAY=" + std::string(weekday_code(weekday_of(booking.dtstart))) + rule_tail)).to_text();
        TRY(skip_blocked(placer, booking));
        bool fits = std::all_of(booking.starts.begin(), booking.starts.end(),
            [&](const LocalDateTime& start) { return session_fits(placer, booking, start, start); });
        if (fits) {
            book(placer, booking);
            return slot;
        }
    }
    return make_error(ErrorCode::Internal, "the demo found no free slot for " + booking.key);
}

Booking booking_for(const People& people, int household, int child, const DemoLesson& lesson)
{
    const auto& tutor = demo_tutors()[static_cast<std::size_t>(lesson.tutor)];
    const auto& pupil = demo_households()[static_cast<std::size_t>(household)].children[child];
    Booking booking;
    booking.key = std::string(pupil.login) + "/" + tutor.subject;
    booking.household = household;
    booking.tutor = lesson.tutor;
    booking.tutor_id = people.tutors[static_cast<std::size_t>(lesson.tutor)];
    booking.student_id = people.children[static_cast<std::size_t>(household)][static_cast<std::size_t>(child)];
    booking.student_name = pupil.name;
    booking.subject = tutor.subject;
    booking.room = tutor.room;
    booking.minutes = lesson.minutes;
    return booking;
}

// One lesson of the data as one series, or two for a split: the first ends
// (UNTIL) the day before the split week, the second continues in another slot.
Result<void> place_lesson(Placer& placer, std::vector<Booking>& bookings, Booking booking, DemoLessonKind kind,
    bool joins_late, SeededRandom& rng)
{
    switch (kind) {
    case DemoLessonKind::Ongoing:
        TRY(place(placer, booking, joins_late ? 1 + static_cast<int>(rng.below(3)) : 0, "", rng));
        break;
    case DemoLessonKind::Fortnightly:
        TRY(place(placer, booking, static_cast<int>(rng.below(2)), ";INTERVAL=2", rng));
        break;
    case DemoLessonKind::Course:
        TRY(place(placer, booking, k_course_week, ";COUNT=10", rng));
        break;
    case DemoLessonKind::Split: {
        auto last_day = add_days(placer.clock.week_day(k_split_week, 0), -1);
        char until[32];
        std::snprintf(until, sizeof until, ";UNTIL=%04d%02d%02dT235959", last_day.year, last_day.month, last_day.day);
        auto first_slot = TRY(place(placer, booking, 0, until, rng));
        Booking second = booking;
        second.key += "/2";
        second.split_from = static_cast<int>(bookings.size());
        bookings.push_back(std::move(booking));
        TRY(place(placer, second, k_split_week, "", rng, first_slot));
        bookings.push_back(std::move(second));
        return {};
    }
    }
    bookings.push_back(std::move(booking));
    return {};
}

// The minimal demo's series as it is stored (whenever it was made), with the
// blocked dates it must now skip.
Result<Booking> minimal_booking(Business& b, Placer& placer, const People& people)
{
    auto booking = booking_for(people, 0, 0, demo_households()[0].children[0].lessons[0]);
    auto row = exec_named(b.txn, "cli/demo_tutoring_find_series", b.tenant_id, booking.tutor_id, booking.student_id,
        std::string(k_minimal_subject));
    if (row.empty())
        return make_error(ErrorCode::Internal, "the minimal demo's series is missing");
    booking.id = row[0]["id"].as<std::int64_t>();
    booking.dtstart = TRY(parse_local_datetime(row[0]["dtstart"].as<std::string>(), "dtstart"));
    booking.minutes = row[0]["duration_minutes"].as<int>();
    booking.rrule = row[0]["rrule"].as<std::string>();
    TRY(skip_blocked(placer, booking));
    Json exdates = Json::array();
    for (const auto& exdate : booking.exdates)
        exdates.push_back(format_local_datetime(exdate));
    exec_named(b.txn, "cli/demo_tutoring_set_exdates", b.tenant_id, booking.id, exdates.dump());
    book(placer, booking);
    return booking;
}

// Every series: the minimal one first (its slot is fixed), then each lesson
// of the data in order, in seeded slots.
Result<std::vector<Booking>> place_all(Business& b, Placer& placer, const People& people, std::uint64_t seed)
{
    SeededRandom rng(mix_seed(seed, hash_text("tutoring slots")));
    std::vector<Booking> bookings;
    bookings.push_back(TRY(minimal_booking(b, placer, people)));
    auto households = demo_households();
    for (std::size_t h = 0; h < households.size(); ++h) {
        for (int c = 0; c < 3; ++c) {
            const auto& child = households[h].children[c];
            if (!child.name)
                continue;
            for (int l = 0; l < 2; ++l) {
                const auto& lesson = child.lessons[l];
                if (lesson.tutor < 0 || (h == 0 && c == 0 && l == 0))
                    continue;
                // A few children of families that pay on time joined after the window began.
                bool joins_late = households[h].payer == DemoPayer::Prompt && h > 0 && rng.below(100) < 15;
                TRY(place_lesson(placer, bookings, booking_for(people, static_cast<int>(h), c, lesson), lesson.kind,
                    joins_late, rng));
            }
        }
    }
    return bookings;
}

// [SECTION] what happened to each session ----------------------------------------

// A session with a row in session_occurrences: every past one (its
// attendance) and the future ones already changed.
struct Session {
    std::size_t booking = 0;
    LocalDateTime recurrence;     // where the series puts it
    LocalDateTime starts;         // where it happens
    bool moved = false;
    bool cancelled = false;
    std::string attendance;       // empty: not logged
    std::string note;
    std::int64_t logged_by = 0;
    std::int64_t logged_at = 0;   // unix seconds
    std::int64_t id = 0;          // once stored
};

struct Changes {
    std::vector<Session> sessions;
    Json notices = Json::array();   // system messages about moves and cancellations
};

// Another time for a session: the same day earlier or later, or the day
// before or after at the same time, where the tutor is free; on the same
// side of today as the original.
std::optional<LocalDateTime> find_move(Placer& placer, const Booking& booking, const LocalDateTime& recurrence,
    SeededRandom& rng)
{
    bool past = recurrence < placer.clock.today;
    std::vector<LocalDateTime> options;
    for (int shift : { -90, -60, 60, 90, 120 })
        options.push_back(from_unix_seconds(to_unix_seconds(recurrence) + shift * 60));
    options.push_back(add_days(recurrence, 1));
    options.push_back(add_days(recurrence, -1));
    rng.shuffle(options);
    for (const auto& start : options) {
        bool same_side = past ? start < placer.clock.today && start >= placer.clock.first_monday
                              : start >= add_days(placer.clock.today, 1);
        if (!same_side || date_text(start).substr(0, 7) != date_text(recurrence).substr(0, 7))
            continue;
        if (!session_fits(placer, booking, recurrence, start))
            continue;
        auto& entry = placer.booked[placer.booked_index.at(session_key(booking, recurrence))];
        entry = booked_session(placer, booking, recurrence, start);
        return start;
    }
    return std::nullopt;
}

// "Thursday's Piano lesson with Søren Madsen was moved to Friday 17:00 (Fri 13 Nov 2026)."
std::string move_notice(const Booking& booking, const LocalDateTime& from, const LocalDateTime& to)
{
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", to.hour, to.minute);
    auto when = date_text(from) == date_text(to) ? std::string(time) + " the same day"
                                                 : weekday_name(to) + " " + time;
    return weekday_name(from) + "'s " + booking.subject + " lesson with "
        + demo_tutors()[static_cast<std::size_t>(booking.tutor)].name + " was moved to " + when + " ("
        + day_for_people(to) + ").";
}

void notify(Changes& changes, const Clock& clock, const People& people, const Booking& booking, std::string body,
    std::int64_t at)
{
    Json read_at = at < clock.today_utc - 2 * k_day ? Json(clock.stamp(at + 3 * 3600)) : Json(nullptr);
    for (auto recipient : { people.parents[static_cast<std::size_t>(booking.household)], booking.student_id })
        changes.notices.push_back({ { "kind", "system" }, { "sender_id", nullptr }, { "recipient_id", recipient },
            { "body", body }, { "created_at", clock.stamp(at) }, { "read_at", read_at } });
}

// A past session's attendance, as the tutor (or the office, for a
// cancellation) logged it: mostly completed; about 4% cancelled in time, 3%
// late, 2% no-shows, 1% cancelled by the tutor, 2% moved.
void log_past(Placer& placer, Changes& changes, const People& people, const Booking& booking, Session& session,
    SeededRandom& rng)
{
    const auto& clock = placer.clock;
    auto start = clock.utc(session.starts);
    auto end = start + booking.minutes * 60;
    auto after = std::min(end + (10 + static_cast<std::int64_t>(rng.below(110))) * 60, clock.today_utc - 60);
    auto roll = rng.below(1000);
    session.logged_by = booking.tutor_id;
    session.logged_at = after;
    if (roll < 40) {
        session.attendance = "cancelled";
        session.cancelled = true;
        session.note = rng.below(2) ? "Family away that week." : "School trip.";
        session.logged_by = people.moderator;
        session.logged_at = start - (1 + static_cast<std::int64_t>(rng.below(4))) * k_day;
    } else if (roll < 70) {
        session.attendance = "late_cancel";
        session.cancelled = true;
        session.note = "Cancelled on the day: unwell.";
        session.logged_by = people.moderator;
        session.logged_at = start - (2 + static_cast<std::int64_t>(rng.below(8))) * 3600;
    } else if (roll < 90) {
        session.attendance = "no_show";
        session.note = "Waited 20 minutes; the family did not reply.";
    } else if (roll < 100) {
        session.attendance = "tutor_cancel";
        session.cancelled = true;
        session.note = "Tutor unwell; the family was told the day before.";
        session.logged_at = start - k_day;
        notify(changes, clock, people, booking,
            weekday_name(session.starts) + "'s " + booking.subject + " lesson (" + day_for_people(session.starts)
                + ") is cancelled: the tutor is unwell. It will not be charged.",
            start - k_day);
    } else {
        session.attendance = "completed";
        if (roll < 120) {
            if (auto moved = find_move(placer, booking, session.recurrence, rng)) {
                session.starts = *moved;
                session.moved = true;
                session.note = "Moved at the family's request.";
                auto moved_start = clock.utc(*moved);
                session.logged_at = std::min(moved_start + (booking.minutes + 15) * 60, clock.today_utc - 60);
                notify(changes, clock, people, booking, move_notice(booking, session.recurrence, *moved),
                    std::max(std::min(start, moved_start) - 2 * k_day, clock.utc(clock.first_monday)));
            }
        }
        if (!session.moved && rng.below(100) < 20) {
            auto notes = demo_lesson_notes(booking.tutor);
            session.note = notes[rng.below(notes.size())];
        }
    }
}

// Changes already planned for the next two weeks: the student login's
// lesson moved, another lesson moved, one cancelled by a family and one by
// a tutor, each told to the family.
void plan_future(Placer& placer, Changes& changes, const People& people, std::vector<Booking>& bookings,
    std::vector<Session>& future, SeededRandom& rng)
{
    const auto& clock = placer.clock;
    auto soon = add_days(clock.today, 14);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < future.size(); ++i)
        if (future[i].recurrence >= add_days(clock.today, 2) && future[i].recurrence < soon)
            order.push_back(i);
    rng.shuffle(order);
    // The student login's sessions first, so their portal shows a move; the
    // second move is another child's.
    auto students_own = [&](std::size_t i) { return bookings[future[i].booking].student_id == people.children[0][0]; };
    std::stable_partition(order.begin(), order.end(), students_own);
    int moved = 0, cancelled = 0;
    for (auto i : order) {
        auto& session = future[i];
        const auto& booking = bookings[session.booking];
        auto told = clock.days_ago(1 + static_cast<int>(rng.below(3)), 10 * 60 + static_cast<int>(rng.below(480)));
        if (moved < 2) {
            if (moved == 1 && students_own(i))
                continue;
            if (auto to = find_move(placer, booking, session.recurrence, rng)) {
                session.starts = *to;
                session.moved = true;
                session.note = "Moved at the family's request.";
                session.logged_by = people.moderator;
                session.logged_at = told;
                notify(changes, clock, people, booking, move_notice(booking, session.recurrence, *to), told);
                changes.sessions.push_back(session);
                ++moved;
            }
            continue;
        }
        if (students_own(i))
            continue;
        bool by_tutor = cancelled == 1;
        session.cancelled = true;
        session.attendance = by_tutor ? "tutor_cancel" : "cancelled";
        session.note = by_tutor ? "The tutor is examining that day." : "Family holiday.";
        session.logged_by = by_tutor ? booking.tutor_id : people.moderator;
        session.logged_at = told;
        notify(changes, clock, people, booking,
            weekday_name(session.recurrence) + "'s " + booking.subject + " lesson (" + day_for_people(session.recurrence)
                + ") is cancelled" + (by_tutor ? " by the tutor" : " as you asked") + ". It will not be charged.",
            told);
        changes.sessions.push_back(session);
        if (++cancelled == 2)
            break;
    }
}

// Every session in order of time: the past ones logged, the next weeks' few
// changes planned.
Changes decide_sessions(Placer& placer, std::vector<Booking>& bookings, const People& people, std::uint64_t seed)
{
    SeededRandom rng(mix_seed(seed, hash_text("tutoring sessions")));
    std::vector<Session> all;
    for (std::size_t b = 0; b < bookings.size(); ++b)
        for (const auto& start : bookings[b].starts)
            all.push_back({ b, start, start });
    std::stable_sort(all.begin(), all.end(),
        [](const Session& x, const Session& y) { return x.recurrence < y.recurrence; });
    Changes changes;
    std::vector<Session> future;
    for (auto& session : all) {
        if (session.recurrence < placer.clock.today) {
            log_past(placer, changes, people, bookings[session.booking], session, rng);
            changes.sessions.push_back(session);
        } else {
            future.push_back(session);
        }
    }
    plan_future(placer, changes, people, bookings, future, rng);
    return changes;
}

// [SECTION] invoices and payments ------------------------------------------------

struct Invoice {
    std::size_t household = 0;
    LocalDateTime month;
    InvoiceDraft draft;
    std::optional<LocalDateTime> sold_on;   // a package's sale: issued that day
    bool issued = false;
    std::string number;
    std::int64_t issued_at = 0;
    std::int64_t id = 0;
};

struct Ledger {
    std::vector<Invoice> invoices;
    int payments = 0;
    Json notices = Json::array();   // invoice notices, reminders and thanks
};

// The family's billable sessions of one month (logged, before today), as billing reads them.
std::vector<BilledSession> billed_sessions(const std::vector<Session>& sessions, const std::vector<Booking>& bookings,
    std::size_t household, const LocalDateTime& month, const Clock& clock)
{
    std::vector<BilledSession> billed;
    for (const auto& session : sessions) {
        const auto& booking = bookings[session.booking];
        if (static_cast<std::size_t>(booking.household) != household || session.attendance.empty()
            || session.starts >= clock.today || first_of_month(session.starts) != month)
            continue;
        billed.push_back({ session.id, booking.student_id, booking.tutor_id, date_text(session.starts), booking.minutes,
            session.attendance,
            booking.subject + " with " + demo_tutors()[static_cast<std::size_t>(booking.tutor)].name });
    }
    return billed;
}

// Prepaid hours two families bought early in the history (`day`s after its
// first Monday), for their first child, a little under the default rate.
struct DemoPackageSale {
    std::size_t household;
    int minutes;
    std::int64_t price_pence;
    int day;
};
constexpr DemoPackageSale k_package_sales[] = { { 0, 600, 36000, 10 }, { 3, 1200, 68000, 17 } };

struct SoldPackage {
    HourPackage package;
    std::size_t household = 0;
    std::string student_name;
};

// Stores the packages (their sale invoices come with the others).
Result<std::vector<SoldPackage>> sell_packages(Business& b, const std::vector<Booking>& bookings, const People& people,
    const Clock& clock)
{
    std::vector<SoldPackage> sold;
    for (const auto& sale : k_package_sales) {
        if (sale.household >= people.children.size() || people.children[sale.household].empty())
            continue;
        SoldPackage p;
        p.household = sale.household;
        p.package.student_id = people.children[sale.household][0];
        for (const auto& booking : bookings)
            if (booking.student_id == p.package.student_id)
                p.student_name = booking.student_name;
        p.package.purchased_on = date_text(add_days(clock.first_monday, sale.day));
        p.package.minutes = p.package.minutes_left = sale.minutes;
        p.package.price = { sale.price_pence, k_currency };
        TRY(check_package(p.package));
        Json row { { "student_id", p.package.student_id }, { "family_id", people.parents[sale.household] },
            { "minutes", sale.minutes }, { "price_minor", sale.price_pence }, { "currency", k_currency },
            { "purchased_on", p.package.purchased_on }, { "expires_on", nullptr }, { "created_by", people.admin } };
        p.package.id = exec_named(b.txn, "tutoring/insert_package", b.tenant_id, row.dump())[0]["id"].as<std::int64_t>();
        sold.push_back(std::move(p));
    }
    return sold;
}

// Each package's sale, issued the day it was bought; then each family's
// invoice for each month with sessions (drawing on its packages): issued
// with the next number on the first of the following month, or a draft for
// this month.
Result<std::vector<Invoice>> draft_invoices(const std::vector<Session>& sessions, const std::vector<Booking>& bookings,
    const std::vector<Rate>& rates, const std::vector<SoldPackage>& sold, const Clock& clock)
{
    auto statuses = default_attendance_statuses();   // the settings row keeps the schema's default, which is this
    auto currency = TRY(find_currency(k_currency));
    std::vector<Invoice> invoices;
    std::vector<HourPackage> packages;
    for (const auto& p : sold) {
        auto day = TRY(parse_local_datetime(p.package.purchased_on + "T00:00:00", "purchased_on"));
        Invoice sale { p.household, first_of_month(day), TRY(package_sale(p.package, p.student_name, currency, 0)), day };
        sale.issued = true;
        invoices.push_back(std::move(sale));
        packages.push_back(p.package);
    }
    LocalDateTime first = clock.today;
    for (const auto& session : sessions)
        first = std::min(first, session.starts);
    for (auto month = first_of_month(first); month <= clock.today; month = next_month(month)) {
        for (std::size_t h = 0; h < demo_households().size(); ++h) {
            auto billed = billed_sessions(sessions, bookings, h, month, clock);
            if (billed.empty())
                continue;
            Invoice invoice { h, month, TRY(draft_invoice(billed, rates, statuses, currency, 0, packages)) };
            if (invoice.draft.lines.empty())
                continue;
            invoice.issued = next_month(month) <= clock.today;
            invoices.push_back(std::move(invoice));
        }
    }
    return invoices;
}

Json invoice_json(const Invoice& invoice, const People& people, const Clock& clock)
{
    const auto first = invoice.sold_on ? *invoice.sold_on : invoice.month;
    const auto last = invoice.sold_on ? *invoice.sold_on : add_days(next_month(invoice.month), -1);
    auto record = invoice_record(invoice.draft, people.parents[invoice.household], date_text(first), date_text(last));
    const bool nothing_owed = invoice.draft.total.minor == 0;   // every session prepaid: paid as issued
    record["number"] = invoice.issued ? Json(invoice.number) : Json(nullptr);
    record["state"] = !invoice.issued ? "draft" : nothing_owed ? "paid" : "issued";
    record["created_at"] = clock.stamp(invoice.issued ? invoice.issued_at - 1800 : clock.today_utc - 2 * 3600);
    record["issued_at"] = invoice.issued ? Json(clock.stamp(invoice.issued_at)) : Json(nullptr);
    record["paid_at"] = invoice.issued && nothing_owed ? Json(clock.stamp(invoice.issued_at)) : Json(nullptr);
    return record;
}

// Issues and stores the invoices: numbers from the settings' counter in the
// order of issue, without gaps, and the counter moved on past the last.
Result<void> store_invoices(Business& b, std::vector<Invoice>& invoices, const People& people, const Clock& clock,
    Ledger& ledger)
{
    auto settings = exec_named(b.txn, "tutoring/lock_invoice_counter", b.tenant_id);
    if (settings.empty())
        return make_error(ErrorCode::Internal, "the demo's tutoring settings are missing");
    auto prefix = settings[0]["invoice_prefix"].as<std::string>();
    auto next = settings[0]["next_invoice_number"].as<std::int64_t>();
    for (auto& invoice : invoices)
        if (invoice.issued)
            invoice.issued_at = invoice.sold_on ? clock.utc(at_minute(*invoice.sold_on, 10 * 60))
                                                : std::min(clock.utc(at_minute(next_month(invoice.month), 9 * 60)),
                                                      clock.today_utc - 3 * 3600);
    // Numbered in the order they were issued; drafts last.
    std::stable_sort(invoices.begin(), invoices.end(), [](const Invoice& a, const Invoice& b) {
        return a.issued != b.issued ? a.issued : a.issued && a.issued_at < b.issued_at;
    });
    for (auto& invoice : invoices) {
        if (invoice.issued)
            invoice.number = invoice_number(prefix, clock.local(invoice.issued_at).year, next++);
        invoice.id = exec_named(b.txn, "tutoring/insert_invoice", b.tenant_id,
            invoice_json(invoice, people, clock).dump())[0]["id"].as<std::int64_t>();
    }
    exec_named(b.txn, "tutoring/set_next_invoice_number", b.tenant_id, next);
    ledger.invoices = invoices;
    return {};
}

struct OpenItem {
    const Invoice* invoice = nullptr;
    Money paid;
};

std::string money_text(const Money& money)
{
    return format_money(money, find_currency(money.currency).value_or(Currency { money.currency, 2 }));
}

// One payment spread over the family's open invoices, oldest first (billing's
// allocate_payment), written with its allocations; settled invoices become paid.
Result<Money> record_payment(Business& b, const People& people, std::size_t household, std::vector<OpenItem>& open,
    const Money& amount, std::int64_t at, const std::string& note, SeededRandom& rng, const Clock& clock)
{
    std::vector<OpenInvoice> owed;
    for (const auto& item : open)
        owed.push_back({ item.invoice->id, item.invoice->draft.total, item.paid });
    auto plan = TRY(allocate_payment(amount, owed));
    Json allocations = Json::array(), settled = Json::array();
    for (const auto& allocation : plan.allocations) {
        allocations.push_back({ { "invoice_id", allocation.invoice_id }, { "amount_minor", allocation.amount.minor } });
        if (allocation.settles)
            settled.push_back({ { "invoice_id", allocation.invoice_id }, { "paid_at", clock.stamp(at) } });
        for (auto& item : open)
            if (item.invoice->id == allocation.invoice_id)
                item.paid = TRY(add(item.paid, allocation.amount));
    }
    static constexpr const char* k_methods[] = { "bank_transfer", "bank_transfer", "bank_transfer", "card", "card", "cash" };
    Json payment = { { "family_id", people.parents[household] }, { "amount_minor", amount.minor },
        { "currency", amount.currency }, { "received_on", date_text(clock.local(at)) },
        { "method", k_methods[rng.below(std::size(k_methods))] },
        { "note", note.empty() ? Json(nullptr) : Json(note) }, { "created_by", people.moderator },
        { "created_at", clock.stamp(at) }, { "allocations", allocations }, { "settled", settled } };
    exec_named(b.txn, "tutoring/insert_payment", b.tenant_id, payment.dump());
    return plan.credit;
}

Json direct(std::int64_t from, std::int64_t to, const std::string& body, std::int64_t at, const Clock& clock)
{
    return { { "kind", "direct" }, { "sender_id", from }, { "recipient_id", to }, { "body", body },
        { "created_at", clock.stamp(std::min(at, clock.today_utc - 60)) }, { "read_at", nullptr } };
}

// What the office and the family say about a part payment or one paid ahead.
void payment_messages(Ledger& ledger, const People& people, std::size_t household, const Invoice& invoice,
    const Money& amount, const Money& left, std::int64_t at, const Clock& clock)
{
    auto parent = people.parents[household];
    if (demo_households()[household].payer == DemoPayer::PartPays) {
        ledger.notices.push_back(direct(people.moderator, parent,
            "Thank you for your payment of " + money_text(amount) + ". " + money_text(left) + " remains on invoice "
                + invoice.number + ".",
            at + 2 * 3600, clock));
        return;
    }
    ledger.notices.push_back(direct(parent, people.moderator,
        "We've paid invoice " + invoice.number + " and sent an extra £100 towards next month's lessons.", at + 1800, clock));
    ledger.notices.push_back(direct(people.moderator, parent,
        "Thank you! The extra £100 shows as credit on your account and will go towards the next invoice.",
        at + 5 * 3600, clock));
}

// A family's payments as its kind of payer makes them: each invoice some days
// after it was issued (none yet when that day is still to come); the
// part-payer pays half of its latest, the family that pays ahead adds £100
// to its latest, and the overdue family pays nothing.
Result<void> pay_invoices(Business& b, const People& people, std::size_t household, Ledger& ledger,
    const Clock& clock, SeededRandom& rng)
{
    auto payer = demo_households()[household].payer;
    if (payer == DemoPayer::Overdue)
        return {};
    std::vector<OpenItem> open;
    for (const auto& invoice : ledger.invoices)
        if (invoice.household == household && invoice.issued)
            open.push_back({ &invoice, { 0, k_currency } });
    for (std::size_t i = 0; i < open.size(); ++i) {
        bool latest = i + 1 == open.size();
        const auto& invoice = *open[i].invoice;
        auto at = invoice.issued_at + (3 + static_cast<std::int64_t>(rng.below(10))) * k_day
            + static_cast<std::int64_t>(rng.below(8 * 3600));
        if (at >= clock.today_utc) {
            if (!latest || payer == DemoPayer::Prompt)
                continue;
            at = std::max(invoice.issued_at + 3600, clock.days_ago(1, 14 * 60));
        }
        auto owed = TRY(subtract(invoice.draft.total, open[i].paid));
        Money amount = owed;
        std::string note;
        if (latest && payer == DemoPayer::PartPays) {
            amount.minor = std::max<std::int64_t>(owed.minor / 2 / 500 * 500, std::min<std::int64_t>(owed.minor, 500));
            note = "Part payment; the rest to follow.";
        } else if (latest && payer == DemoPayer::PaysAhead) {
            amount.minor += 10000;
            note = "Includes £100 paid ahead.";
        }
        if (amount.minor <= 0)
            continue;
        std::vector<OpenItem> to_pay(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        TRY(record_payment(b, people, household, to_pay, amount, at, note, rng, clock));
        std::copy(to_pay.begin(), to_pay.end(), open.begin());
        ++ledger.payments;
        if (latest && payer != DemoPayer::Prompt)
            payment_messages(ledger, people, household, invoice, amount, TRY(subtract(invoice.draft.total, open[i].paid)),
                at, clock);
    }
    return {};
}

// The latest issued invoices' notices, and the office's reminder to the
// family whose oldest invoice is unpaid.
void invoice_notices(Ledger& ledger, const People& people, const Clock& clock)
{
    LocalDateTime latest;
    for (const auto& invoice : ledger.invoices)
        if (invoice.issued && !invoice.sold_on)
            latest = std::max(latest, invoice.month);
    std::set<std::size_t> reminded;
    for (const auto& invoice : ledger.invoices) {
        if (!invoice.issued)
            continue;
        auto parent = people.parents[invoice.household];
        if (invoice.month == latest && !invoice.sold_on) {
            // Some families have not opened theirs yet (the parent login's among them).
            bool read = invoice.issued_at < clock.today_utc - 3 * k_day && invoice.household % 3 != 0;
            Json read_at = read ? Json(clock.stamp(invoice.issued_at + 7200)) : Json(nullptr);
            ledger.notices.push_back({ { "kind", "system" }, { "sender_id", nullptr }, { "recipient_id", parent },
                { "body", "Invoice " + invoice.number + " for " + month_name(invoice.month)
                        + (invoice.draft.total.minor == 0
                                ? " is ready: its sessions were paid from your prepaid hours, so there is nothing to pay."
                                : " (" + money_text(invoice.draft.total) + ") is ready.") },
                { "created_at", clock.stamp(invoice.issued_at) }, { "read_at", read_at } });
        }
        if (demo_households()[invoice.household].payer == DemoPayer::Overdue && reminded.insert(invoice.household).second)
            ledger.notices.push_back({ { "kind", "direct" }, { "sender_id", people.moderator }, { "recipient_id", parent },
                { "body", "Hello, invoice " + invoice.number + " (" + money_text(invoice.draft.total) + "), issued on "
                        + day_for_people(clock.local(invoice.issued_at))
                        + ", is still unpaid. Could you let us know when you expect to pay? Thank you." },
                { "created_at", clock.stamp(clock.days_ago(3, 11 * 60)) }, { "read_at", nullptr } });
    }
}

// [SECTION] messages --------------------------------------------------------------

// Who a conversation's line is from or to.
enum class Party { Admin, Moderator, Tutor0, Tutor1, Tutor2, Tutor3, Parent0 };

struct DemoMessage {
    Party from, to;
    int days_ago;
    int minute;                   // of that day, local
    const char* body;
};

constexpr DemoMessage k_conversations[] = {
    { Party::Tutor1, Party::Admin, 25, 18 * 60 + 10,
        "I'm playing at a festival for two days; I've blocked the dates in the calendar so my lessons skip them." },
    { Party::Admin, Party::Tutor1, 25, 19 * 60 + 2, "Thanks Søren, the families have been told." },
    { Party::Admin, Party::Tutor0, 20, 17 * 60 + 5,
        "Hi Tomás, Priya asked whether Zoë could stay on Thursdays next term. Does that still suit you?" },
    { Party::Tutor0, Party::Admin, 20, 19 * 60 + 40, "Yes, Thursdays at four work for me all next term." },
    { Party::Admin, Party::Tutor3, 16, 9 * 60 + 30,
        "Kacper's exam course has ten sessions; could you add a short note after each one so his mum can follow along?" },
    { Party::Tutor3, Party::Admin, 16, 20 * 60 + 15, "Of course. We started on moles this week and he is keen." },
    { Party::Moderator, Party::Parent0, 6, 11 * 60,
        "Hello Priya, Noah's English homework is on the portal now. Ahmed says his essay plans are much stronger." },
    { Party::Parent0, Party::Moderator, 5, 7 * 60 + 50,
        "Thank you! Could we move one of Zoë's piano lessons next month? She has a school concert." },
    { Party::Moderator, Party::Parent0, 5, 9 * 60 + 15,
        "Of course: tell us the date and we will find another slot with Søren." },
    { Party::Tutor2, Party::Moderator, 4, 20 * 60 + 30,
        "Funmi has made great progress with her essay structure; worth telling her mum." },
    { Party::Admin, Party::Moderator, 3, 8 * 60 + 40, "Could you chase the overdue invoice this week, please?" },
    { Party::Moderator, Party::Admin, 3, 12 * 60 + 5, "Done: I've written to the family today." },
    { Party::Tutor0, Party::Admin, 1, 19 * 60 + 55, "All of today's attendance is logged." },
};

std::int64_t party_id(Party party, const People& people)
{
    switch (party) {
    case Party::Admin: return people.admin;
    case Party::Moderator: return people.moderator;
    case Party::Tutor0: return people.tutors[0];
    case Party::Tutor1: return people.tutors[1];
    case Party::Tutor2: return people.tutors[2];
    case Party::Tutor3: return people.tutors[3];
    case Party::Parent0: return people.parents[0];
    }
    return people.admin;
}

// The conversations and one broadcast to every tutor before half-term.
// Messages older than two days have been read; the newer ones wait.
Json office_messages(const People& people, const Clock& clock)
{
    Json messages = Json::array();
    auto read_at = [&](std::int64_t at) {
        return at < clock.today_utc - 2 * k_day ? Json(clock.stamp(at + 2 * 3600)) : Json(nullptr);
    };
    for (const auto& m : k_conversations) {
        auto at = clock.days_ago(m.days_ago, m.minute);
        messages.push_back({ { "kind", "direct" }, { "sender_id", party_id(m.from, people) },
            { "recipient_id", party_id(m.to, people) }, { "body", m.body }, { "created_at", clock.stamp(at) },
            { "read_at", read_at(at) } });
    }
    auto half_term = clock.week_day(k_half_term_week, 0);
    auto at = clock.utc(at_minute(add_days(half_term, -10), 18 * 60));
    for (std::size_t t = 0; t < people.tutors.size(); ++t)
        messages.push_back({ { "kind", "broadcast" }, { "sender_id", people.admin }, { "recipient_id", people.tutors[t] },
            { "body", "Reminder: Brightpath is closed for half-term from " + day_for_people(half_term)
                    + ". Recurring sessions skip the week automatically; please log attendance on the day as usual." },
            { "created_at", clock.stamp(at) }, { "read_at", t == 3 ? Json(nullptr) : Json(clock.stamp(at + 3600 * (t + 1))) } });
    return messages;
}

// [SECTION] writing the history --------------------------------------------------

// Holidays of the business (half-term, Christmas, New Year) and the piano
// tutor's festival days.
std::vector<BlockedDates> blocked_dates(const Clock& clock, const People& people)
{
    auto half_term = clock.week_day(k_half_term_week, 0);
    std::vector<BlockedDates> blocked = { { date_text(half_term), date_text(add_days(half_term, 6)), std::nullopt,
        "Half-term break" } };
    std::set<int> years = { clock.first_monday.year, clock.window_end.year };
    for (int year : years) {
        blocked.push_back({ date_text({ year, 12, 24 }), date_text({ year, 12, 26 }), std::nullopt, "Christmas" });
        blocked.push_back({ date_text({ year + 1, 1, 1 }), date_text({ year + 1, 1, 1 }), std::nullopt, "New Year's Day" });
    }
    auto festival = clock.week_day(k_festival_week, 4);
    blocked.push_back({ date_text(festival), date_text(add_days(festival, 1)), people.tutors[1], "Music festival" });
    return blocked;
}

// The tutors' weekly windows (and one added Sunday morning next week), the
// blocked dates and the rates beyond the default: the tutors' own, a
// bursary, a pair's, the piano tutor's rise last month and the default's
// rise next month.
Result<Placer> write_calendar(Business& b, const People& people, const Clock& clock)
{
    Placer placer { clock };
    placer.blocked = blocked_dates(clock, people);
    placer.windows.resize(people.tutors.size());
    Json windows = Json::array(), blocked = Json::array();
    for (const auto& window : demo_tutor_windows()) {
        placer.windows[static_cast<std::size_t>(window.tutor)].push_back(
            { window.weekday, "", window.start_minute, window.end_minute, true });
        windows.push_back({ { "tutor_id", people.tutors[static_cast<std::size_t>(window.tutor)] },
            { "weekday", window.weekday }, { "on_date", nullptr }, { "starts", clock_text(window.start_minute) },
            { "ends", clock_text(window.end_minute) }, { "available", true } });
    }
    auto extra_sunday = date_text(add_days(clock.today, 13 - static_cast<int>(weekday_of(clock.today))));
    placer.windows[3].push_back({ std::nullopt, extra_sunday, 600, 720, true });
    windows.push_back({ { "tutor_id", people.tutors[3] }, { "weekday", nullptr }, { "on_date", extra_sunday },
        { "starts", "10:00" }, { "ends", "12:00" }, { "available", true } });
    placer.horizon = clock.window_end;
    for (const auto& day : placer.blocked) {
        blocked.push_back({ { "tutor_id", day.tutor_id ? Json(*day.tutor_id) : Json(nullptr) },
            { "first_day", day.first_day }, { "last_day", day.last_day }, { "label", day.label } });
        placer.horizon = std::max(placer.horizon, add_days(TRY(parse_local_datetime(day.last_day + "T00:00:00", "day")), 1));
    }
    exec_named(b.txn, "cli/demo_tutoring_availability", b.tenant_id, windows.dump());
    exec_named(b.txn, "cli/demo_tutoring_blocked_dates", b.tenant_id, blocked.dump());

    auto rate = [](Json student, Json tutor, const std::string& from, std::int64_t pence) {
        return Json { { "student_id", student }, { "tutor_id", tutor }, { "effective_from", from },
            { "per_hour_minor", pence }, { "currency", k_currency } };
    };
    Json rates = Json::array();
    for (std::size_t t = 0; t < people.tutors.size(); ++t)
        if (demo_tutors()[t].per_hour_pence > 0)
            rates.push_back(rate(nullptr, people.tutors[t], k_rates_since, demo_tutors()[t].per_hour_pence));
    auto last_month = first_of_month(add_days(first_of_month(clock.today), -1));
    rates.push_back(rate(nullptr, people.tutors[1], date_text(last_month), demo_tutors()[1].per_hour_pence + 200));
    rates.push_back(rate(nullptr, nullptr, date_text(next_month(clock.today)), k_default_rate + 200));
    rates.push_back(rate(student_id(people, "tobi.adeyemi"), nullptr, k_rates_since, 3000));   // a bursary
    rates.push_back(rate(student_id(people, "reem.haddad"), nullptr, k_rates_since, 3500));
    rates.push_back(rate(student_id(people, "khoa.nguyen"), people.tutors[3], k_rates_since, 4000));   // the pair's
    exec_named(b.txn, "tutoring/insert_rates", b.tenant_id, rates.dump());
    return placer;
}

Result<std::vector<Rate>> load_rates(Business& b)
{
    std::vector<Rate> rates;
    for (const auto& row : exec_named(b.txn, "tutoring/rates_for_billing", b.tenant_id)) {
        Rate rate;
        if (!row["student_id"].is_null())
            rate.student_id = row["student_id"].as<std::int64_t>();
        if (!row["tutor_id"].is_null())
            rate.tutor_id = row["tutor_id"].as<std::int64_t>();
        rate.effective_from = row["effective_from"].as<std::string>();
        rate.per_hour = { row["per_hour_minor"].as<std::int64_t>(), row["currency"].as<std::string>() };
        rates.push_back(std::move(rate));
    }
    return rates;
}

// The new series (the minimal one is stored already), a split's second part
// after its first so it can point at it.
void store_series(Business& b, std::vector<Booking>& bookings, const People& people, const Clock& clock)
{
    for (auto& booking : bookings) {
        if (booking.id)
            continue;
        Json exdates = Json::array();
        for (const auto& exdate : booking.exdates)
            exdates.push_back(format_local_datetime(exdate));
        Json split_from = booking.split_from >= 0 ? Json(bookings[static_cast<std::size_t>(booking.split_from)].id)
                                                  : Json(nullptr);
        auto made = booking.split_from >= 0 ? clock.utc(add_days(booking.dtstart, -9))
                                            : clock.utc(add_days(booking.dtstart, -4));
        Json row = { { "tutor_id", booking.tutor_id }, { "student_id", booking.student_id },
            { "subject", booking.subject }, { "room", booking.room }, { "dtstart", format_local_datetime(booking.dtstart) },
            { "duration_minutes", booking.minutes }, { "rrule", booking.rrule }, { "exdates", exdates },
            { "split_from", split_from }, { "created_by", people.admin }, { "created_at", clock.stamp(made) } };
        booking.id = exec_named(b.txn, "cli/demo_tutoring_insert_series", b.tenant_id, row.dump())[0]["id"]
                         .as<std::int64_t>();
    }
}

void store_sessions(Business& b, std::vector<Session>& sessions, const std::vector<Booking>& bookings, const Clock& clock)
{
    Json rows = Json::array();
    for (const auto& session : sessions) {
        const auto& booking = bookings[session.booking];
        rows.push_back({ { "series_id", booking.id }, { "recurrence_id", format_local_datetime(session.recurrence) },
            { "starts", session.moved ? Json(format_local_datetime(session.starts)) : Json(nullptr) },
            { "cancelled", session.cancelled },
            { "attendance", session.attendance.empty() ? Json(nullptr) : Json(session.attendance) },
            { "note", session.note.empty() ? Json(nullptr) : Json(session.note) },
            { "logged_by", session.logged_by ? Json(session.logged_by) : Json(nullptr) },
            { "logged_at", session.logged_at ? Json(clock.stamp(session.logged_at)) : Json(nullptr) } });
    }
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> ids;
    for (const auto& row : exec_named(b.txn, "cli/demo_tutoring_insert_occurrences", b.tenant_id, rows.dump()))
        ids[{ row["series_id"].as<std::int64_t>(), row["recurrence_id"].as<std::string>() }] = row["id"].as<std::int64_t>();
    for (auto& session : sessions)
        session.id = ids.at({ bookings[session.booking].id, format_local_datetime(session.recurrence) });
}

void store_messages(Business& b, const Json& messages)
{
    exec_named(b.txn, "cli/demo_tutoring_insert_messages", b.tenant_id, messages.dump());
    exec_named(b.txn, "cli/demo_tutoring_group_broadcasts", b.tenant_id);
}

TutoringDemoReport summarise(const std::vector<Booking>& bookings, const Changes& changes, const Ledger& ledger,
    std::size_t messages)
{
    TutoringDemoReport report;
    report.history_added = true;
    report.series = static_cast<int>(bookings.size());
    LocalDateTime first { 9999, 12, 31 }, last;
    for (const auto& booking : bookings)
        for (const auto& start : booking.starts) {
            first = std::min(first, start);
            last = std::max(last, start);
        }
    report.first_day = date_text(first);
    report.last_day = date_text(last);
    for (const auto& session : changes.sessions) {
        report.sessions_logged += session.attendance.empty() ? 0 : 1;
        report.cancelled += session.cancelled ? 1 : 0;
        report.moved += session.moved ? 1 : 0;
    }
    for (const auto& invoice : ledger.invoices)
        (invoice.issued ? report.invoices_issued : report.invoice_drafts) += 1;
    report.payments = ledger.payments;
    report.messages = static_cast<int>(messages);
    return report;
}

// The whole history, once: calendar, series, sessions, invoices, payments, messages.
Result<TutoringDemoReport> write_history(Business& b, const People& people, const Clock& clock, std::uint64_t seed)
{
    auto placer = TRY(write_calendar(b, people, clock));
    auto bookings = TRY(place_all(b, placer, people, seed));
    store_series(b, bookings, people, clock);
    auto changes = decide_sessions(placer, bookings, people, seed);
    store_sessions(b, changes.sessions, bookings, clock);

    auto rates = TRY(load_rates(b));
    auto sold = TRY(sell_packages(b, bookings, people, clock));
    auto invoices = TRY(draft_invoices(changes.sessions, bookings, rates, sold, clock));
    Ledger ledger;
    TRY(store_invoices(b, invoices, people, clock, ledger));
    SeededRandom rng(mix_seed(seed, hash_text("tutoring payments")));
    for (std::size_t h = 0; h < demo_households().size(); ++h)
        TRY(pay_invoices(b, people, h, ledger, clock, rng));
    invoice_notices(ledger, people, clock);

    Json messages = office_messages(people, clock);
    for (const auto* more : { &changes.notices, &ledger.notices })
        for (const auto& message : *more)
            messages.push_back(message);
    store_messages(b, messages);

    auto report = summarise(bookings, changes, ledger, messages.size());
    b.audit("demo.history", { { "seed", std::to_string(seed) }, { "from", report.first_day }, { "to", report.last_day },
                                { "series", report.series }, { "sessions_logged", report.sessions_logged },
                                { "cancelled", report.cancelled }, { "moved", report.moved },
                                { "invoices_issued", report.invoices_issued },
                                { "invoice_drafts", report.invoice_drafts }, { "payments", report.payments },
                                { "messages", report.messages } });
    return report;
}

} // namespace

// [SECTION] seed_demo_tutoring --------------------------------------------------

Result<TutoringDemoReport> seed_demo_tutoring(pqxx::connection& connection, const DemoOptions& options)
{
    auto zone = TRY(system_zone(k_time_zone));
    auto clock = make_clock(*zone, options.now_unix);
    pqxx::work txn(connection);
    Business b { txn };
    auto tenant_id = find_tenant_id(txn, k_slug);
    if (!tenant_id)
        tenant_id = TRY(create_tenant(txn, { k_slug, "Brightpath Tutoring", TenantKind::Tutoring, k_time_zone }, "cli"));
    b.tenant_id = *tenant_id;

    const bool full = options.size == DemoSize::Full;
    auto people = TRY(ensure_people(b, clock, full ? demo_households().size() : 1, full ? demo_tutors().size() : 1));
    ensure_basics(b, people, clock);
    TutoringDemoReport report;
    if (full && !exec_named(txn, "cli/demo_has_history", b.tenant_id)[0]["seeded"].as<bool>())
        report = TRY(write_history(b, people, clock, options.seed));
    report.tutors = static_cast<int>(people.tutors.size());
    report.students = people.students;
    report.families = static_cast<int>(people.parents.size());
    txn.commit();
    return report;
}

} // namespace learnloop::server
