// Booking and logging through the tutoring API, for the tutoring tests:
// each call must succeed (REQUIRE), so a test reads as its story.
#pragma once

#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

namespace learnloop::test {

// The body of POST /api/tutoring/series: `tutor` teaching `student` from
// `dtstart` (local), by `rrule` (empty: one session).
inline Json series_body(const Person& tutor, const Person& student, const std::string& dtstart,
    const std::string& rrule = {}, int minutes = 60, const std::string& subject = "Maths")
{
    Json body { { "tutor_id", tutor.id }, { "student_id", student.id }, { "subject", subject }, { "dtstart", dtstart },
        { "duration_minutes", minutes } };
    if (!rrule.empty())
        body["rrule"] = rrule;
    return body;
}

// Books a series as `as`; its id.
inline std::int64_t book_series(ApiFixture& f, const Person& as, const Json& body)
{
    auto reply = f.api().post("/api/tutoring/series", body, f.token(as));
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
    return reply.json["series_id"].get<std::int64_t>();
}

// Logs what happened at one session as `as`.
inline void log_session(ApiFixture& f, const Person& as, std::int64_t series, const std::string& recurrence_id,
    const std::string& status, const std::string& note = {})
{
    Json body { { "series_id", series }, { "recurrence_id", recurrence_id }, { "status", status } };
    if (!note.empty())
        body["note"] = note;
    auto reply = f.api().post("/api/tutoring/attendance", body, f.token(as));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
}

} // namespace learnloop::test
