// A tutor's availability through the API, black box against the real server
// and PostgreSQL: tutors keep their own weekly windows and days away, the
// office any tutor's; a booking outside them is warned about; bad input,
// other people's windows and other businesses get clear errors and nothing
// is written.
#include "tutoring_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

const std::string k_path = "/api/tutoring/availability";

Reply add(ApiFixture& f, const Person& as, Json body)
{
    return f.api().post(k_path, body, f.token(as));
}

Json windows_of(ApiFixture& f, const Person& as, const std::string& query = {})
{
    auto reply = f.api().get(k_path + query, f.token(as));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json;
}

} // namespace

TEST_CASE("a tutor keeps their weekly hours and days away; a booking outside them is warned about",
    "[api][tutoring][availability]")
{
    ApiFixture f("availability", { .moderators = true });
    auto& D = f.demo;
    auto& api = f.api();

    // Mondays 16:00 to 20:00 (5 January 2026 is a Monday); away on the 12th from 16:00 to 18:00.
    auto monday = add(f, D.teacher, { { "weekday", 1 }, { "starts", "16:00" }, { "ends", "20:00" } });
    INFO(describe(monday));
    REQUIRE(monday.status == 201);
    CHECK(monday.json["message"] == "Added for " + D.teacher.name + ": Mondays, 16:00–20:00");
    REQUIRE(add(f, D.teacher, { { "on_date", "2026-01-12" }, { "starts", "16:00" }, { "ends", "18:00" }, { "available", false } })
                .status
        == 201);
    REQUIRE(add(f, D.teacher, { { "weekday", 0 }, { "starts", "09:00" }, { "ends", "24:00" } }).status == 201);

    auto own = windows_of(f, D.teacher);
    CHECK(own["tutor_id"] == D.teacher.id);
    std::vector<std::string> labels;
    for (const auto& w : own["windows"])
        labels.push_back(w["label"]);
    CHECK(labels
        == std::vector<std::string> { "Sundays, 09:00–24:00", "Mondays, 16:00–20:00", "Mon 12 Jan 2026: away 16:00–18:00" });
    CHECK(own["windows"][0]["ends"] == "24:00");
    CHECK(own["windows"][2]["on_date"] == "2026-01-12");
    CHECK(own["windows"][2]["available"] == false);

    // The office reads and keeps any tutor's, by id.
    CHECK(windows_of(f, D.moderator, "?tutor_id=" + std::to_string(D.teacher.id))["windows"].size() == 3);
    REQUIRE(add(f, D.moderator, { { "tutor_id", D.teacher.id }, { "weekday", 3 }, { "starts", "15:00" }, { "ends", "18:00" } })
                .status
        == 201);

    // Booking: inside the hours, no warning; on the 12th at 16:00 (away), and at 21:00, a warning each.
    auto inside = api.post("/api/tutoring/series", series_body(D.teacher, D.student, "2026-01-05T17:00:00"), f.token(D.admin));
    REQUIRE(inside.status == 201);
    CHECK(inside.json["warnings"].empty());
    auto away = api.post("/api/tutoring/series", series_body(D.teacher, D.student, "2026-01-12T16:00:00"), f.token(D.admin));
    REQUIRE(away.status == 201);
    REQUIRE(away.json["warnings"].size() == 1);
    CHECK(away.json["warnings"][0] == D.teacher.name + " is not available Mon 12 Jan 2026, 16:00");
    auto late = api.post("/api/tutoring/series", series_body(D.teacher, D.student, "2026-01-19T21:00:00"), f.token(D.admin));
    REQUIRE(late.status == 201);
    CHECK(late.json["warnings"].size() == 1);

    // Removed: gone from the list, audited; a second time 404.
    const auto id = monday.json["id"].get<std::int64_t>();
    auto removed = api.del(k_path + "/" + std::to_string(id), f.token(D.teacher));
    CHECK(removed.status == 200);
    CHECK(removed.json["message"] == "Removed: Mondays, 16:00–20:00");
    check_error(api.del(k_path + "/" + std::to_string(id), f.token(D.teacher)), 404, "Availability not found");
    CHECK(windows_of(f, D.teacher)["windows"].size() == 3);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'availability.create'") == 4);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'availability.delete'") == 1);
}

TEST_CASE("availability input is checked, tutors keep only their own, and strangers reach none",
    "[api][tutoring][availability][permissions]")
{
    ApiFixture f("availability_input", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto other_tutor = f.create_user("demo", "tia@demo.learnloop.test", "Tia Tutor", "teacher");
    auto theirs = add(f, D.admin, { { "tutor_id", other_tutor.id }, { "weekday", 2 }, { "starts", "10:00" }, { "ends", "12:00" } });
    REQUIRE(theirs.status == 201);
    for (const Person* who : { &D.admin, &D.moderator, &D.teacher, &D.student, &D.parent, &f.other.admin })
        (void)f.token(*who);   // signed in before counting
    const auto rows = f.sql_int("SELECT count(*) FROM tutor_availability");
    const auto audit = f.audit_count();

    Json good { { "weekday", 1 }, { "starts", "16:00" }, { "ends", "20:00" } };
    auto with = [&](Json change) {
        Json body = good;
        body.update(change);
        return add(f, D.teacher, body);
    };
    CHECK(with({ { "starts", "25:00" } }).field() == "starts");
    CHECK(with({ { "starts", "4pm" } }).field() == "starts");
    CHECK(with({ { "ends", "16:00" } }).field() == "ends");
    CHECK(with({ { "ends", "24:30" } }).field() == "ends");
    CHECK(with({ { "on_date", "2026-01-12" } }).field() == "weekday");
    CHECK(with({ { "weekday", 7 } }).field() == "weekday");
    CHECK(with({ { "weekday", 4294967297LL } }).field() == "weekday");   // not wrapped round to 1
    CHECK(with({ { "weekday", "Monday" } }).field() == "weekday");
    CHECK(with({ { "available", false } }).field() == "available");   // a weekly window is time available
    CHECK(add(f, D.teacher, { { "on_date", "2026-02-30" }, { "starts", "10:00" }, { "ends", "11:00" } }).field() == "on_date");
    CHECK(with({ { "colour", "blue" } }).status == 400);
    CHECK(add(f, D.admin, good).field() == "tutor_id");   // the office names the tutor
    CHECK(add(f, D.admin, { { "tutor_id", D.student.id }, { "weekday", 1 }, { "starts", "16:00" }, { "ends", "20:00" } }).field()
        == "tutor_id");
    CHECK(add(f, f.other.admin, { { "tutor_id", D.teacher.id }, { "weekday", 1 }, { "starts", "16:00" }, { "ends", "20:00" } })
              .field()
        == "tutor_id");

    // A tutor: only their own, to read, add and remove.
    check_error(api.get(k_path + "?tutor_id=" + std::to_string(other_tutor.id), f.token(D.teacher)), 403, "Unauthorized",
        "Tutors keep only their own availability");
    check_error(add(f, D.teacher, { { "tutor_id", other_tutor.id }, { "weekday", 1 }, { "starts", "16:00" }, { "ends", "20:00" } }),
        403, "Unauthorized");
    const auto their_id = std::to_string(theirs.json["id"].get<std::int64_t>());
    check_error(api.del(k_path + "/" + their_id, f.token(D.teacher)), 404, "Availability not found");
    check_error(api.del(k_path + "/" + their_id, f.token(f.other.admin)), 404, "Availability not found");
    check_error(api.del(k_path + "/abc", f.token(D.admin)), 404, "Not found");
    // Students and parents: none of it.
    for (const Person* who : { &D.student, &D.parent }) {
        check_error(api.get(k_path, f.token(*who)), 403, "Unauthorized");
        check_error(add(f, *who, good), 403, "Unauthorized");
    }
    CHECK(f.sql_int("SELECT count(*) FROM tutor_availability") == rows);
    CHECK(f.audit_count() == audit);
}
