// Tests for shared-domain/academy/study.*: skill estimates from quiz answers
// (the mastery engine's knowledge tracing, hints lowering credit), weak
// spots, the exam goal's rules, the study plan and the parent's summary.
#include "academy/study.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop;

namespace {

constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_now = 1'796'601'600;   // 2026-12-07 00:00 UTC

SkillAnswer answer(std::string skill, double score, std::int64_t at, int hints = 0)
{
    return { std::move(skill), "exam-bank/quant/algebra", score, hints, at };
}

// Mei: percent change mostly wrong, linear systems mostly right, circles once.
std::vector<SkillAnswer> history()
{
    std::vector<SkillAnswer> a;
    for (int i = 0; i < 5; ++i)
        a.push_back(answer("percent-change", i == 2 ? 1.0 : 0.0, k_now - (20 - i) * k_day));
    for (int i = 0; i < 6; ++i)
        a.push_back(answer("linear-systems", i == 0 ? 0.0 : 1.0, k_now - (6 - i) * k_day));
    a.push_back(answer("circles", 1.0, k_now - 2 * k_day));
    a.push_back(answer("", 1.0, k_now - k_day));   // no skill: left out
    return a;
}

const SkillEstimate& find(const std::vector<SkillEstimate>& skills, const std::string& skill)
{
    for (const auto& s : skills)
        if (s.skill == skill)
            return s;
    FAIL("no estimate for " << skill);
    return skills.front();
}

} // namespace

TEST_CASE("a skill's estimate replays its answers through the mastery engine's updates, in time order", "[study]")
{
    BktParams p;
    auto skills = estimate_skills(history(), p, k_now - 7 * k_day);
    REQUIRE(skills.size() == 3);
    CHECK(skills[0].skill == "circles");   // by skill
    const auto& systems = find(skills, "linear-systems");
    double known = p.prior;
    known = bkt_update(p, known, false);
    for (int i = 0; i < 5; ++i)
        known = bkt_update(p, known, true);
    CHECK(systems.known == Approx(known));
    CHECK(systems.attempts == 6);
    CHECK(systems.attempts_since == 6);
    CHECK(systems.known_before == Approx(p.prior));   // first answered this week
    const auto& percent = find(skills, "percent-change");
    CHECK(percent.attempts_since == 0);
    CHECK(percent.known_before == Approx(percent.known));

    // The order given does not matter; the times do.
    auto shuffled = history();
    std::reverse(shuffled.begin(), shuffled.end());
    CHECK(find(estimate_skills(shuffled, p, 0), "linear-systems").known == Approx(known));
}

TEST_CASE("a right answer after hints counts for less, and a partly right one in between", "[study]")
{
    BktParams p;
    auto plain = estimate_skills({ answer("s", 1.0, 1) }, p, 0)[0].known;
    auto hinted = estimate_skills({ answer("s", 1.0, 1, 2) }, p, 0)[0].known;
    auto wrong = estimate_skills({ answer("s", 0.0, 1) }, p, 0)[0].known;
    CHECK(hinted < plain);
    CHECK(hinted > wrong);
    CHECK(hinted == Approx(bkt_update_credit(p, p.prior, 0.5)));
    CHECK(bkt_update_credit(p, 0.3, 1.0) == Approx(bkt_update(p, 0.3, true)));
    CHECK(bkt_update_credit(p, 0.3, 0.0) == Approx(bkt_update(p, 0.3, false)));
    CHECK(bkt_update_credit(p, 0.3, 7.0) == Approx(bkt_update(p, 0.3, true)));   // clamped
}

TEST_CASE("weak spots: answered three times or more and still below familiar, weakest first", "[study]")
{
    auto skills = estimate_skills(history(), BktParams {}, 0);
    auto weak = study_weak_spots(skills);
    REQUIRE(weak.size() == 1);
    CHECK(weak[0].skill == "percent-change");
    CHECK(skill_for_people("percent-change") == "Percent change");
    CHECK(skill_for_people("") == "");
    CHECK(topic_for_people("exam-bank/quant/algebra/linear-equations") == "Linear equations");
    CHECK(topic_for_people("geometry") == "Geometry");
    CHECK(mastery_level_for_people(find(skills, "linear-systems").level()) == "Mastered");
}

TEST_CASE("an exam goal is a real day from today to two years on, and whole minutes from 10 to 300", "[study]")
{
    auto ok = read_study_goal(Json { { "exam_day", "2027-02-20" }, { "minutes_per_day", 45 } }, "2026-12-07");
    REQUIRE(ok.ok());
    CHECK(ok.value() == StudyGoal { "2027-02-20", 45 });
    CHECK(read_study_goal(Json { { "exam_day", "2026-12-07" }, { "minutes_per_day", 10 } }, "2026-12-07").ok());
    auto field = [](const Json& json) {
        auto r = read_study_goal(json, "2026-12-07");
        return r.ok() ? std::string("ok") : r.error().field;
    };
    CHECK(field({ { "exam_day", "2026-12-06" }, { "minutes_per_day", 30 } }) == "exam_day");   // passed
    CHECK(field({ { "exam_day", "2029-01-01" }, { "minutes_per_day", 30 } }) == "exam_day");   // too far
    CHECK(field({ { "exam_day", "2027-02-30" }, { "minutes_per_day", 30 } }) == "exam_day");
    CHECK(field({ { "exam_day", "20 Feb" }, { "minutes_per_day", 30 } }) == "exam_day");
    CHECK(field({ { "exam_day", 20270220 }, { "minutes_per_day", 30 } }) == "exam_day");
    CHECK(field({ { "exam_day", "2027-02-20" }, { "minutes_per_day", 5 } }) == "minutes_per_day");
    CHECK(field({ { "exam_day", "2027-02-20" }, { "minutes_per_day", 301 } }) == "minutes_per_day");
    CHECK(field({ { "exam_day", "2027-02-20" }, { "minutes_per_day", 30.5 } }) == "minutes_per_day");
    CHECK(field({ { "exam_day", "2027-02-20" }, { "minutes_per_day", 30 }, { "colour", 1 } }) == "colour");
    CHECK(!read_study_goal(Json::array(), "2026-12-07").ok());
}

TEST_CASE("the study plan raises the weakest skills first, mixes up to three a day, and reviews on the eve", "[study]")
{
    BktParams p;
    auto skills = estimate_skills(history(), p, 0);
    auto plan = plan_study(skills, "2026-12-07", StudyGoal { "2026-12-17", 30 }, p);
    REQUIRE(plan.days.size() == 10);   // the 7th to the 16th
    CHECK(plan.days.front().day == "2026-12-07");
    CHECK(plan.days.back().day == "2026-12-16");
    CHECK(plan.skills_to_raise == 2);   // percent change and circles; linear systems is proficient
    CHECK(plan.fits);
    CHECK(plan.days.front().items.front().skill == "percent-change");   // the weakest first
    for (const auto& day : plan.days) {
        int questions = 0;
        for (const auto& item : day.items)
            questions += item.questions;
        CHECK(questions <= 15);   // 30 minutes at 2 a question
        CHECK(day.items.size() <= 6);
    }
    for (const auto& item : plan.days.back().items)
        CHECK(item.review);   // the eve reviews
    CHECK(plan.summary == "10 days to the exam on Thu 17 Dec 2026, 30 minutes a day. 2 skills to bring up to "
                          "proficient, weakest first, then review.");
    // Deterministic.
    auto again = plan_study(skills, "2026-12-07", StudyGoal { "2026-12-17", 30 }, p);
    CHECK(again.days == plan.days);
    CHECK(study_day_for_people(plan.days.front()).rfind("Mon 7 Dec: Percent change (", 0) == 0);
}

TEST_CASE("a day's time is used: more skills join while three leave it unused", "[study]")
{
    BktParams p;
    std::vector<SkillAnswer> once;   // eight skills answered once, wrong: each needs a few questions
    for (std::string skill : { "a", "b", "c", "d", "e", "f", "g", "h" })
        once.push_back(answer(skill, 0.0, k_now - k_day));
    auto skills = estimate_skills(once, p, 0);
    auto plan = plan_study(skills, "2026-12-07", StudyGoal { "2026-12-10", 30 }, p);
    REQUIRE_FALSE(plan.days.empty());
    int questions = 0;
    for (const auto& item : plan.days[0].items)
        questions += item.questions;
    CHECK(plan.days[0].items.size() > 3);
    CHECK(questions == 15);   // 30 minutes, all used
}

TEST_CASE("a plan that cannot fit says so; no exam day plans two weeks; no answers asks for a quiz first", "[study]")
{
    BktParams p;
    std::vector<SkillAnswer> weak;
    for (std::string skill : { "a", "b", "c", "d", "e", "f" })
        for (int i = 0; i < 4; ++i)
            weak.push_back(answer(skill, 0.0, k_now - i * k_day));
    auto skills = estimate_skills(weak, p, 0);
    auto tight = plan_study(skills, "2026-12-07", StudyGoal { "2026-12-09", 10 }, p);
    CHECK(tight.days.size() == 2);
    CHECK_FALSE(tight.fits);
    CHECK(tight.summary.find("not all fit before the exam, so the weakest come first") != std::string::npos);

    auto open = plan_study(skills, "2026-12-07", std::nullopt, p);
    CHECK(open.days.size() == 14);
    CHECK(open.summary.rfind("The next two weeks at 30 minutes a day", 0) == 0);
    std::set<std::string> seen;
    for (const auto& day : open.days)
        for (const auto& item : day.items)
            seen.insert(item.skill);
    CHECK(seen.size() == 6);   // every weak skill gets its turn

    CHECK(plan_study({}, "2026-12-07", std::nullopt, p).summary == "Take a quiz first: the plan is made from quiz answers.");
    CHECK(plan_study(skills, "2026-12-07", StudyGoal { "2026-12-07", 30 }, p).summary == "The exam is today. Good luck!");
    CHECK(plan_study(skills, "2026-12-07", StudyGoal { "2027-12-07", 30 }, p).days.size() == k_plan_most_days);
}

TEST_CASE("the parent's summary says what was studied, what improved, what needs work and what is coming", "[study]")
{
    auto summary = summary_for_parents("Mei", history(), StudyGoal { "2026-12-17", 30 }, "2026-12-07", k_now, BktParams {});
    CHECK(summary.week == "This week Mei answered 7 quiz questions and got 6 right. Biggest step forward: Linear systems "
                          "(now mastered). Needs more practice: Percent change.");
    CHECK(summary.needs_work == std::vector<std::string> { "Percent change" });
    CHECK(summary.upcoming.rfind("Exam on Thu 17 Dec 2026, in 10 days. The study plan asks 30 minutes a day. Next: Mon 7 Dec: "
                                 "Percent change (",
              0)
        == 0);
    auto none = summary_for_parents("Mei", {}, std::nullopt, "2026-12-07", k_now, BktParams {});
    CHECK(none.week == "Mei did no practice this week.");
    CHECK(none.upcoming == "No exam day set yet.");
}
