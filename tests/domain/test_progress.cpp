// Tests for shared-domain/academy/progress.*: XP that repeating an item
// cannot farm, quiz points once per quiz, badges, and study streaks on the
// student's own calendar across a DST change, with the weekly freeze.
#include "academy/progress.hpp"

#include "calendar_samples.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;
using learnloop::test::at;
using learnloop::test::zone;

namespace {

// A UTC time from its New York wall-clock time.
std::int64_t ny(const char* local) { return to_utc(at(local), zone("America/New_York")); }

const Badge& badge(const StudyProgress& p, const std::string& key)
{
    for (const auto& b : p.badges)
        if (b.key == key)
            return b;
    FAIL("no badge " << key);
    return p.badges.front();
}

} // namespace

TEST_CASE("XP: a question's first right answer earns 10, less after hints, and never again", "[progress]")
{
    const auto& z = zone("America/New_York");
    const auto now = ny("2026-12-07T20:00:00");
    std::vector<ProgressAnswer> answers = {
        { "q1", 1.0, 0, ny("2026-12-07T10:00:00") },
        { "q1", 1.0, 0, ny("2026-12-07T10:05:00") },   // the same item again: nothing
        { "q1", 1.0, 0, ny("2026-12-07T10:06:00") },
        { "q2", 0.0, 0, ny("2026-12-07T10:10:00") },   // wrong: nothing yet
        { "q2", 1.0, 2, ny("2026-12-07T10:20:00") },   // right after two hints: half
        { "q2", 1.0, 0, ny("2026-12-07T10:30:00") },   // right without: the other half, once
        { "q3", 0.5, 0, ny("2026-12-07T10:40:00") },   // partly right
    };
    auto p = study_progress(answers, {}, 0, z, now);
    CHECK(p.xp == 10 + 10 + 5);
    CHECK(p.xp_this_week == 25);
    // Answering q1 a hundred more times changes nothing.
    for (int i = 0; i < 100; ++i)
        answers.push_back({ "q1", 1.0, 0, ny("2026-12-07T11:00:00") });
    CHECK(study_progress(answers, {}, 0, z, now).xp == 25);
}

TEST_CASE("XP for quizzes: 20 for each quiz's first hand-in, 30 more the first time it is perfect", "[progress]")
{
    const auto& z = zone("America/New_York");
    const auto now = ny("2026-12-07T20:00:00");
    std::vector<ProgressQuiz> quizzes = {
        { 1, 0.5, ny("2026-11-01T10:00:00") },   // a month ago
        { 1, 1.0, ny("2026-12-06T10:00:00") },   // perfect on the second attempt: 30, no second 20
        { 1, 1.0, ny("2026-12-07T10:00:00") },   // perfect again: nothing
        { 2, 0.8, ny("2026-12-07T11:00:00") },
    };
    auto p = study_progress({}, quizzes, 0, z, now);
    CHECK(p.xp == 20 + 30 + 20);
    CHECK(p.xp_this_week == 30 + 20);
    CHECK(badge(p, "first-quiz").earned);
    CHECK(badge(p, "first-perfect-quiz").earned);
    CHECK_FALSE(badge(p, "xp-100").earned);
    CHECK(badge(p, "xp-100").progress == "70 of 100 XP");
    CHECK(badge(p, "five-proficient").progress == "0 of 5 skills");
    CHECK(badge(study_progress({}, {}, 6, z, now), "five-proficient").earned);
    auto none = study_progress({}, {}, 0, z, now);
    CHECK(none.xp == 0);
    CHECK(none.streak == 0);
    CHECK(badge(none, "first-quiz").progress == "not yet");
    CHECK(streak_for_people(0) == "No streak yet");
    CHECK(streak_for_people(1) == "1 day");
}

TEST_CASE("a streak counts the student's own days across the autumn DST change", "[progress]")
{
    const auto& z = zone("America/New_York");
    // New York falls back on Sun 1 Nov 2026: that day has 25 hours. The
    // answers at 00:30 and 23:30 on 1 Nov are one local day (two UTC days).
    std::vector<ProgressAnswer> answers = {
        { "a", 1, 0, ny("2026-10-31T23:00:00") },
        { "b", 1, 0, ny("2026-11-01T00:30:00") },
        { "c", 1, 0, ny("2026-11-01T23:30:00") },
        { "d", 1, 0, ny("2026-11-02T23:59:00") },
    };
    auto p = study_progress(answers, {}, 0, z, ny("2026-11-02T23:59:30"));
    CHECK(p.streak == 3);
    CHECK(p.studied_today);
    CHECK(p.longest_streak == 3);
    // The next morning the streak stands (today is still open); a day later it is gone.
    CHECK(study_progress(answers, {}, 0, z, ny("2026-11-03T09:00:00")).streak == 3);
    CHECK_FALSE(study_progress(answers, {}, 0, z, ny("2026-11-03T09:00:00")).studied_today);
    // The 4th misses the 3rd: the week's freeze bridges it (Mon 2 to Sun 8 Nov).
    auto bridged = study_progress(answers, {}, 0, z, ny("2026-11-04T08:00:00"));
    CHECK(bridged.streak == 3);
    answers.push_back({ "e", 1, 0, ny("2026-11-04T07:00:00") });
    bridged = study_progress(answers, {}, 0, z, ny("2026-11-04T08:00:00"));
    CHECK(bridged.streak == 4);   // the frozen day does not count, but does not break it
    CHECK(bridged.freeze_used_this_week);
    // A second missed day in the same week ends it.
    answers.push_back({ "f", 1, 0, ny("2026-11-06T07:00:00") });
    auto broken = study_progress(answers, {}, 0, z, ny("2026-11-06T08:00:00"));
    CHECK(broken.streak == 1);
    CHECK(broken.longest_streak == 4);
    CHECK_FALSE(broken.freeze_used_this_week);   // spent by the streak that ended, not this one
}

TEST_CASE("a seven-day streak earns its badge; a missed week's freeze does not carry over", "[progress]")
{
    const auto& z = zone("America/New_York");
    std::vector<ProgressAnswer> answers;
    // Mon 16 Nov to Sun 22 Nov, then Tue 24 Nov after missing Mon 23 (next week's freeze).
    for (int d = 16; d <= 22; ++d)
        answers.push_back({ "q" + std::to_string(d), 1, 0, ny(("2026-11-" + std::to_string(d) + "T18:00:00").c_str()) });
    answers.push_back({ "q24", 1, 0, ny("2026-11-24T18:00:00") });
    auto p = study_progress(answers, {}, 0, z, ny("2026-11-24T20:00:00"));
    CHECK(p.streak == 8);
    CHECK(p.longest_streak == 8);
    CHECK(badge(p, "week-streak").earned);
    // Missing Wed 25 too: the week's freeze is spent, so the streak is over by Thu 26.
    CHECK(study_progress(answers, {}, 0, z, ny("2026-11-26T20:00:00")).streak == 0);
}

TEST_CASE("a course's leaderboard: XP by the same rule, equal XP share a rank, students read short names",
    "[progress][leaderboard]")
{
    const auto now = ny("2026-12-07T20:00:00");
    // The same answers as study_progress counts: repeats earn nothing.
    auto earned = earned_xp({ { "q1", 1.0, 0, ny("2026-12-07T10:00:00") }, { "q1", 1.0, 0, ny("2026-12-07T10:01:00") },
                                { "q2", 1.0, 0, ny("2026-11-20T10:00:00") } },
        { { 7, 1.0, ny("2026-12-07T10:02:00") } }, now);
    CHECK(earned.xp == 10 + 10 + 20 + 30);
    CHECK(earned.xp_this_week == 10 + 20 + 30);
    const auto& z = zone("America/New_York");
    CHECK(study_progress({ { "q1", 1.0, 0, ny("2026-12-07T10:00:00") }, { "q1", 1.0, 0, ny("2026-12-07T10:01:00") },
                             { "q2", 1.0, 0, ny("2026-11-20T10:00:00") } },
              { { 7, 1.0, ny("2026-12-07T10:02:00") } }, 0, z, now)
              .xp
        == earned.xp);

    std::vector<LeaderboardEntry> entries = {
        { 1, "Mei Chen", { 120, 30 } },
        { 2, "Juan Pablo R\xC3\xADos", { 300, 0 } },
        { 3, "Aarav Patel", { 120, 50 } },
        { 4, "\xC3\x96zge Y\xC4\xB1lmaz", { 40, 40 } },
        { 5, "Zanele Dlamini", { 0, 0 } },
    };
    auto staff = rank_leaderboard(entries, 99, true, 3);
    REQUIRE(staff.size() == 5);   // staff read every row, in full
    CHECK(staff[0].name == "Juan Pablo R\xC3\xADos");
    CHECK(staff[0].rank == 1);
    CHECK((staff[1].name == "Aarav Patel" && staff[1].rank == 2));   // equal XP: by name, the same rank
    CHECK((staff[2].name == "Mei Chen" && staff[2].rank == 2));
    CHECK(staff[3].rank == 4);
    CHECK(staff[4].rank == 5);

    auto student = rank_leaderboard(entries, 5, false, 3);   // Zanele, last: the first three and her own row
    REQUIRE(student.size() == 4);
    CHECK(student[0].name == "Juan R.");
    CHECK(student[1].name == "Aarav P.");
    CHECK(student[3].name == "Zanele D.");
    CHECK(student[3].you);
    CHECK(student[3].rank == 5);
    CHECK_FALSE(student[0].you);

    CHECK(name_on_leaderboard("\xC3\x96zge Y\xC4\xB1lmaz") == "\xC3\x96zge Y.");
    CHECK(name_on_leaderboard("\xC4\xB0pek \xC3\x87" "elik") == "\xC4\xB0pek \xC3\x87.");
    CHECK(name_on_leaderboard("Mei") == "Mei");
    CHECK(name_on_leaderboard("  Ha-eun   Park ") == "Ha-eun P.");
}
