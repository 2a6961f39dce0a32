// Tests for shared-domain/practice/mastery.*: BKT updates against hand-computed
// values, levels, what-if previews, weak spots and the weekly summary.
#include "practice/mastery.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace learnloop;

TEST_CASE("BKT forward updates match hand-computed values")
{
    BktParams p { 0.2, 0.15, 0.2, 0.1 };
    // P(correct) = 0.2*0.9 + 0.8*0.2 = 0.34
    CHECK(bkt_predict(p, 0.2) == Approx(0.34));
    // After a correct answer: posterior 0.18/0.34 = 0.529412; then + (1-0.529412)*0.15 = 0.6
    CHECK(bkt_update(p, 0.2, true) == Approx(0.6));
    // After a wrong answer: posterior 0.02/(0.02+0.64) = 0.030303; then + 0.969697*0.15 = 0.175758
    CHECK(bkt_update(p, 0.2, false) == Approx(0.1757576).epsilon(1e-6));
    // Two right answers in a row: 0.54/0.62 = 0.870968, then + 0.129032*0.15 = 0.890323.
    CHECK(bkt_update(p, bkt_update(p, 0.2, true), true) == Approx(0.8903226).epsilon(1e-6));
}

TEST_CASE("mastery levels follow the documented thresholds")
{
    CHECK(mastery_level(0.99, 0) == MasteryLevel::NotStarted);
    CHECK(mastery_level(0.2, 1) == MasteryLevel::Attempted);
    CHECK(mastery_level(0.5, 3) == MasteryLevel::Familiar);
    CHECK(mastery_level(0.8, 3) == MasteryLevel::Proficient);
    CHECK(mastery_level(0.95, 3) == MasteryLevel::Mastered);
    CHECK(mastery_level_name(MasteryLevel::Proficient) == "proficient");
}

TEST_CASE("what-if previews count the correct answers needed to reach a level")
{
    BktParams p { 0.2, 0.15, 0.2, 0.1 };
    CHECK(answers_to_reach(p, 0.2, MasteryLevel::Familiar) == 1);     // 0.2 -> 0.6
    CHECK(answers_to_reach(p, 0.2, MasteryLevel::Proficient) == 2);   // -> 0.890
    CHECK(answers_to_reach(p, 0.97, MasteryLevel::Mastered) == 0);
    BktParams hopeless { 0.01, 0.0001, 0.49, 0.49 };
    CHECK(answers_to_reach(hopeless, 0.01, MasteryLevel::Mastered) == -1);
}

TEST_CASE("weak spots are attempted targets below familiar, weakest first")
{
    auto spots = weak_spots({ { "commas", 0.3, 5 }, { "apostrophes", 0.1, 4 }, { "new", 0.05, 1 }, { "strong", 0.9, 9 } });
    REQUIRE(spots.size() == 2);
    CHECK(spots[0].target_id == "apostrophes");
    CHECK(spots[1].target_id == "commas");
    // One target at a time, at the edges: three attempts, and Familiar's threshold.
    CHECK(is_weak_spot({ "t", 0.49, 3 }));
    CHECK_FALSE(is_weak_spot({ "t", 0.49, 2 }));
    CHECK_FALSE(is_weak_spot({ "t", level_threshold(MasteryLevel::Familiar), 9 }));
    CHECK(is_weak_spot({ "t", 0.49, 2 }, 2));
}

TEST_CASE("BKT parameters round-trip through JSON and reject out-of-range values")
{
    BktParams p { 0.2, 0.15, 0.2, 0.1 };
    CHECK(decode_bkt_params(to_json(p)).value() == p);
    CHECK(decode_bkt_params(Json { { "prior", 1.5 }, { "learn", 0.1 }, { "guess", 0.1 }, { "slip", 0.1 } }).error().field == "prior");
    CHECK(decode_bkt_params(Json::array()).error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("the weekly summary counts this week's practice and names progress and weak spots")
{
    const std::int64_t now = 1'000'000'000;
    const std::int64_t day = 86400;
    std::vector<PracticeAnswer> answers = {
        { "Commas in lists", false, 0.18, now - 10 * day },      // before the week
        { "Apostrophes", true, 0.6, now - 3 * day },
        { "Apostrophes", true, 0.89, now - 2 * day },
        { "Commas in lists", false, 0.15, now - day },
        { "Commas in lists", true, 0.3, now - 3600 },
    };
    CHECK(weekly_summary("Sam", answers, {}, { "Commas in lists" }, now)
        == "This week Sam answered 4 practice tasks and got 3 right. Biggest step forward: Apostrophes (now proficient). "
           "Needs more practice: Commas in lists.");
    CHECK(weekly_summary("Sam", { answers[0] }, {}, {}, now) == "Sam did no practice this week.");
    CHECK(weekly_summary("Ana", { { "Plurals", true, 0.58, now - day } }, {}, {}, now)
        == "This week Ana answered 1 practice task and got 1 right. Biggest step forward: Plurals (now familiar).");
}

TEST_CASE("answers given in the same second count in the order given in the weekly summary")
{
    const std::int64_t now = 1'000'000'000;
    // Four answers made in one second: the last one given holds the estimate.
    std::vector<PracticeAnswer> answers = {
        { "Plurals", true, 0.58, now - 60 },
        { "Plurals", false, 0.23, now - 60 },
        { "Plurals", true, 0.62, now - 60 },
        { "Plurals", true, 0.89, now - 60 },
    };
    CHECK(weekly_summary("Sam", answers, {}, {}, now)
        == "This week Sam answered 4 practice tasks and got 3 right. Biggest step forward: Plurals (now proficient).");
}

TEST_CASE("the weekly summary names the level a target has now, whatever order answers were synced in")
{
    const std::int64_t now = 1'000'000'000;
    // The answer made last (on a phone, at 10:05) reached the server first and
    // was applied first; one made earlier (offline on a laptop, at 10:00) was
    // applied after it, so the estimate now is the laptop answer's.
    std::vector<PracticeAnswer> answers = {
        { "Plurals", true, 0.58, now - 3600 },
        { "Plurals", true, 0.96, now - 600 },   // laptop, applied last
        { "Plurals", true, 0.85, now - 300 },   // phone, applied before it
    };
    CHECK(weekly_summary("Sam", answers, { { "Plurals", 0.96 } }, {}, now)
        == "This week Sam answered 3 practice tasks and got 3 right. Biggest step forward: Plurals (now mastered).");
    // Without the estimates the latest answer by time names the level.
    CHECK(weekly_summary("Sam", answers, {}, {}, now)
        == "This week Sam answered 3 practice tasks and got 3 right. Biggest step forward: Plurals (now proficient).");
    // A target answered only before this week is no step forward this week,
    // whatever its estimate now.
    auto with_older = answers;
    with_older.insert(with_older.begin(), { "Commas", true, 0.3, now - 9 * 86400 });
    CHECK(weekly_summary("Sam", with_older, { { "Plurals", 0.96 }, { "Commas", 0.99 } }, {}, now)
        == weekly_summary("Sam", answers, { { "Plurals", 0.96 } }, {}, now));
    // A step measured to the estimate now: back below the week's start is no step forward.
    CHECK(weekly_summary("Sam", { { "Plurals", true, 0.6, now - 10 * 86400 }, { "Plurals", true, 0.8, now - 60 } },
              { { "Plurals", 0.5 } }, {}, now)
        == "This week Sam answered 1 practice task and got 1 right.");
}
