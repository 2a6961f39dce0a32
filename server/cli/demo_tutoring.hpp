// The demo tutoring business (`learnloop seed demo`, after the school):
// Brightpath Tutoring with its logins, four tutors and thirty students in
// families, three months of weekly and fortnightly lessons placed without a
// clash, attendance with cancellations and moves, monthly invoices with
// gapless numbers, payments spread over them, and messages. Everything is
// made with the domain code the app runs (recurrence, clashes, billing), so
// every tutoring view has something real to show on first start.
//
//   auto report = TRY(seed_demo_tutoring(connection, { DemoSize::Full, 2026, std::time(nullptr) }));
//   report.students   // 30
#pragma once

#include "cli/demo_school.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <span>
#include <string>

namespace learnloop::server {

struct TutoringDemoReport {
    bool history_added = false;   // false: it was there already
    int tutors = 0;
    int students = 0;
    int families = 0;
    int series = 0;
    int sessions_logged = 0;      // past sessions with their attendance
    int cancelled = 0;            // of every kind, past and planned
    int moved = 0;
    int invoices_issued = 0;
    int invoice_drafts = 0;       // the current month's, not issued yet
    int payments = 0;
    int messages = 0;
    std::string first_day, last_day;   // the sessions' span (local dates)
};

// Creates whatever of the tutoring demo is missing, in one transaction;
// running it again changes nothing. Minimal: the five logins (with the
// parent's second child), the settings, a default rate and one weekly series
// of the student with the tutor. Full: that, plus every tutor and family and,
// once, the history (audited as demo.history with its counts); users are
// audited as user.create, the rest as demo.seed.
[[nodiscard]] Result<TutoringDemoReport> seed_demo_tutoring(pqxx::connection& connection, const DemoOptions& options);

// [SECTION] the business as data (demo_tutoring_people.cpp)

// A sign-in printed by `seed demo`: the role as people read it and the email.
struct DemoLoginLine {
    const char* role;
    const char* email;
};
[[nodiscard]] std::span<const DemoLoginLine> tutoring_demo_logins();

// Ongoing: weekly from the first weeks. Fortnightly: INTERVAL=2. Course: ten
// weekly sessions (COUNT=10) from the fourth week. Split: moved to another
// slot "this and following" halfway through (a second series with
// split_from, the first ended with UNTIL).
enum class DemoLessonKind { Ongoing, Fortnightly, Course, Split };

struct DemoLesson {
    int tutor = -1;               // index in demo_tutors(); -1: no lesson
    int minutes = 0;
    DemoLessonKind kind = DemoLessonKind::Ongoing;
};

struct DemoPupil {
    const char* name = nullptr;   // nullptr: no child
    const char* login = nullptr;  // the email's local part
    DemoLesson lessons[2];
};

// How a family pays its invoices: on time, ahead (so it is in credit), part
// of the latest, or not at all (overdue).
enum class DemoPayer { Prompt, PaysAhead, PartPays, Overdue };

struct DemoHousehold {
    const char* parent_name;
    const char* parent_login;
    DemoPayer payer;
    DemoPupil children[3];
};

struct DemoTutor {
    const char* name;
    const char* login;
    const char* subject;
    const char* room;
    std::int64_t per_hour_pence;  // the tutor's own rate; 0: the business's default
};

// A tutor's weekly window: weekday 0 = Sunday (as tutor_availability), minutes of the day.
struct DemoWindow {
    int tutor;
    int weekday;
    int start_minute, end_minute;
};

[[nodiscard]] std::span<const DemoTutor> demo_tutors();
[[nodiscard]] std::span<const DemoWindow> demo_tutor_windows();
// The first household is the parent login's, with the student login first.
[[nodiscard]] std::span<const DemoHousehold> demo_households();
// What a tutor writes after a lesson, by the tutor's index.
[[nodiscard]] std::span<const char* const> demo_lesson_notes(int tutor);

} // namespace learnloop::server
