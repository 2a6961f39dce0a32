// Tests for shared-domain/tracker/work_lists.*: the work to mark and the work due, from the API's replies.
#include "tracker/work_lists.hpp"

#include "core/calendar.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

Json cell(const char* status)
{
    return { { "status", status }, { "grade", nullptr } };
}

Json gradebook()
{
    // Three assignments; two students.
    return { { "assignments", Json::array({ { { "id", 4 }, { "title", "Essay" }, { "due_date", "2026-11-20T17:00:00" } },
                                  { { "id", 5 }, { "title", "Poem" }, { "due_date", "2026-11-27T17:00:00" } },
                                  { { "id", 6 }, { "title", "Letter" }, { "due_date", "2026-12-10T17:00:00" } } }) },
        { "rows", Json::array({
                      { { "student_id", 1 }, { "student_name", "Ali" },
                          { "cells", Json::array({ cell("graded"), cell("late"), cell("upcoming") }) } },
                      { { "student_id", 2 }, { "student_name", "Ana" },
                          { "cells", Json::array({ cell("missing"), cell("submitted"), cell("submitted") }) } },
                  }) } };
}

const std::int64_t k_now = to_unix_seconds({ 2026, 12, 5, 12, 0, 0 });

Json assignment(std::int64_t id, const char* title, std::int64_t due_unix, bool submitted, bool graded)
{
    auto due = from_unix_seconds(due_unix);
    return { { "id", id }, { "title", title }, { "due_date", format_local_datetime(due) },
        { "due_at", format_utc_timestamp(due_unix) }, { "submission_id", submitted ? Json(id * 10) : Json(nullptr) },
        { "grade", graded ? Json(80) : Json(nullptr) } };
}

} // namespace

TEST_CASE("the work to mark counts handed-in, unmarked work per assignment, the most waiting first")
{
    auto work = work_to_mark(gradebook());
    REQUIRE(work.ok());
    REQUIRE(work.value().size() == 2);
    // The poem: Ali's late work and Ana's; the letter: Ana's, early.
    CHECK(work.value()[0] == WorkToMark { 5, "Poem", "2026-11-27T17:00:00", 2, 1 });
    CHECK(work.value()[1] == WorkToMark { 6, "Letter", "2026-12-10T17:00:00", 1, 0 });
}

TEST_CASE("with equal counts the work due first comes first; nothing waiting is an empty list")
{
    auto book = gradebook();
    book["rows"][0]["cells"][1] = cell("graded");   // the poem now waits for Ana only
    auto work = work_to_mark(book);
    REQUIRE(work.value().size() == 2);
    CHECK(work.value()[0].assignment_id == 5);
    CHECK(work.value()[1].assignment_id == 6);
    book["rows"][1]["cells"] = Json::array({ cell("graded"), cell("graded"), cell("upcoming") });
    CHECK(work_to_mark(book).value().empty());
    CHECK(work_to_mark({ { "assignments", Json::array() }, { "rows", Json::array() } }).value().empty());
}

TEST_CASE("a gradebook of the wrong shape is an error naming the place")
{
    CHECK_FALSE(work_to_mark(Json::array()).ok());
    auto book = gradebook();
    book["rows"][1]["cells"].erase(2);
    auto short_row = work_to_mark(book);
    REQUIRE_FALSE(short_row.ok());
    CHECK(short_row.error().field == "rows[1].cells");
    book = gradebook();
    book["rows"][0]["cells"][2] = { { "status", 3 } };
    CHECK(work_to_mark(book).error().field == "rows[0].cells[2].status");
    book = gradebook();
    book["assignments"][0].erase("title");
    CHECK_FALSE(work_to_mark(book).ok());
}

TEST_CASE("the work due: overdue first, then due within the week, soonest first; handed-in and later work left out")
{
    const std::int64_t day = 86400;
    Json list = Json::array({
        assignment(1, "Later", k_now + 9 * day, false, false),
        assignment(2, "Friday", k_now + 5 * day, false, false),
        assignment(3, "Tomorrow", k_now + day, false, false),
        assignment(4, "Last week", k_now - 7 * day, false, false),
        assignment(5, "Handed in", k_now + 2 * day, true, false),
        assignment(6, "Marked", k_now - 2 * day, true, true),
        assignment(7, "Last month", k_now - 30 * day, false, false),
    });
    auto work = due_work(list, k_now, 7);
    REQUIRE(work.ok());
    std::vector<std::int64_t> ids;
    for (const auto& w : work.value())
        ids.push_back(w.assignment_id);
    CHECK(ids == std::vector<std::int64_t> { 7, 4, 3, 2 });
    CHECK(work.value()[0].status == DueStatus::Overdue);
    CHECK(work.value()[2].status == DueStatus::DueSoon);
    CHECK(work.value()[3].status == DueStatus::Upcoming);
    CHECK(work.value()[3].due_date == format_local_datetime(from_unix_seconds(k_now + 5 * day)));
    // A longer horizon takes in the later work.
    CHECK(due_work(list, k_now, 10).value().size() == 5);
    // The status is read at the time given, not the one the list was made at.
    auto later = due_work(list, k_now + 2 * day, 7);
    REQUIRE(later.ok());
    CHECK(later.value()[2].assignment_id == 3);
    CHECK(later.value()[2].status == DueStatus::Overdue);
}

TEST_CASE("an assignment list of the wrong shape is an error naming the place")
{
    CHECK_FALSE(due_work(Json::object(), k_now, 7).ok());
    Json list = Json::array({ assignment(1, "A", k_now, false, false) });
    list[0]["due_at"] = "next Tuesday";
    auto bad = due_work(list, k_now, 7);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "assignments[0].due_at");
    list[0].erase("due_at");
    CHECK(due_work(list, k_now, 7).error().field == "assignments[0].due_at");
    CHECK(due_work(Json::array(), k_now, 7).value().empty());
}
