// Booking, logging and billing through the tutoring API, for the tutoring
// tests: each call must succeed (REQUIRE), so a test reads as its story.
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

// [SECTION] money, as the business's administrator (f.demo.admin)

// A weekly series of `student` with `tutor` from `dtstart` (January 2026,
// long past), `count` sessions of `minutes`.
inline std::int64_t book_weekly(ApiFixture& f, const Person& tutor, const Person& student, const std::string& dtstart, int count,
    int minutes = 60, const std::string& subject = "Maths")
{
    return book_series(f, f.demo.admin,
        series_body(tutor, student, dtstart, "FREQ=WEEKLY;COUNT=" + std::to_string(count), minutes, subject));
}

inline void log_session(ApiFixture& f, std::int64_t series, const std::string& recurrence_id, const std::string& status)
{
    log_session(f, f.demo.admin, series, recurrence_id, status);
}

inline void add_rate(ApiFixture& f, Json body)
{
    auto reply = f.api().post("/api/tutoring/rates", body, f.token(f.demo.admin));
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
}

inline Reply draft(ApiFixture& f, std::int64_t family, const std::string& from, const std::string& to)
{
    return f.api().post("/api/tutoring/invoices", { { "family_id", family }, { "from", from }, { "to", to } },
        f.token(f.demo.admin));
}

inline std::string invoice_path(std::int64_t id, const std::string& rest = {})
{
    return "/api/tutoring/invoices/" + std::to_string(id) + rest;
}

inline std::int64_t made_draft(ApiFixture& f, std::int64_t family, const std::string& from, const std::string& to)
{
    auto reply = draft(f, family, from, to);
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
    return reply.json["id"].get<std::int64_t>();
}

inline Json issue(ApiFixture& f, std::int64_t id)
{
    auto reply = f.api().post(invoice_path(id, "/issue"), Json::object(), f.token(f.demo.admin));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json;
}

} // namespace learnloop::test
