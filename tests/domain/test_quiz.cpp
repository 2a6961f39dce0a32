// Tests for shared-domain/academy/quiz.*: drawing an attempt's questions
// (fixed ones, draws by skill and difficulty, unseen first, the same on
// every platform for a seed), attempts allowed, the time limit and scoring.
#include "academy/question_task.hpp"
#include "academy/quiz.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace learnloop;

namespace {

// 30 questions: skills a, b, c; difficulty 1 to 5 twice each.
std::vector<BankEntry> small_bank()
{
    std::vector<BankEntry> bank;
    for (const char* skill : { "a", "b", "c" })
        for (int i = 0; i < 10; ++i)
            bank.push_back({ std::string(skill) + "-" + std::to_string(i), skill, 1 + i % 5 });
    return bank;
}

std::string error_of(const Result<std::vector<std::string>>& drawn)
{
    REQUIRE_FALSE(drawn.ok());
    CHECK(drawn.error().code == ErrorCode::InvalidArgument);
    return drawn.error().message;
}

} // namespace

TEST_CASE("an attempt asks its fixed questions and fills each draw from matching questions, none twice",
    "[academy][quiz]")
{
    const auto bank = small_bank();
    QuizPlan plan;
    plan.fixed = { "a-0", "b-3" };
    plan.draws = { { "a", 1, 5, 4 }, { "", 4, 5, 3 } };
    plan.shuffle = false;
    auto codes = draw_attempt(plan, bank, {}, 42).value();
    REQUIRE(codes.size() == 9);
    CHECK(codes[0] == "a-0");
    CHECK(codes[1] == "b-3");
    std::set<std::string> distinct(codes.begin(), codes.end());
    CHECK(distinct.size() == 9);
    for (std::size_t i = 2; i < 6; ++i)
        CHECK(codes[i].rfind("a-", 0) == 0);
    for (std::size_t i = 6; i < 9; ++i) {
        auto entry = std::find_if(bank.begin(), bank.end(), [&](auto& e) { return e.code == codes[i]; });
        CHECK(entry->difficulty >= 4);
    }
    // The same seed, the same attempt; shuffled, the same questions in another order.
    CHECK(draw_attempt(plan, bank, {}, 42).value() == codes);
    plan.shuffle = true;
    auto shuffled = draw_attempt(plan, bank, {}, 42).value();
    CHECK(std::set<std::string>(shuffled.begin(), shuffled.end()) == distinct);
    CHECK(shuffled != codes);
}

TEST_CASE("a draw takes questions the student has not seen first, and seen ones only when those run out",
    "[academy][quiz]")
{
    const auto bank = small_bank();
    QuizPlan plan;
    plan.draws = { { "b", 1, 5, 6 } };
    std::set<std::string> seen = { "b-0", "b-1", "b-2", "b-3", "b-4", "b-5" };   // 4 of b unseen
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        auto codes = draw_attempt(plan, bank, seen, seed).value();
        REQUIRE(codes.size() == 6);
        for (const char* unseen : { "b-6", "b-7", "b-8", "b-9" })
            CHECK(std::count(codes.begin(), codes.end(), unseen) == 1);
    }
    plan.draws = { { "b", 1, 5, 3 } };
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
        for (const auto& code : draw_attempt(plan, bank, seen, seed).value())
            CHECK_FALSE(seen.count(code));
}

TEST_CASE("a plan the bank cannot fill is refused naming the part", "[academy][quiz]")
{
    const auto bank = small_bank();
    auto with = [&](QuizPlan plan) { return error_of(draw_attempt(plan, bank, {}, 1)); };
    CHECK(with({}) == "questions: a quiz asks at least one question");
    CHECK(with({ { "a-0", "nope" }, {}, true }) == "fixed[1]: no question nope in the bank");
    CHECK(with({ { "a-0", "a-0" }, {}, true }) == "fixed[1]: a-0 is asked twice");
    CHECK(with({ {}, { { "a", 4, 5, 5 } }, true })
        == "draws[0]: the bank has 4 questions of skill a at difficulty 4 to 5, not 5");
    CHECK(with({ { "a-3" }, { { "a", 4, 4, 2 } }, true })
        == "draws[0]: the bank has 1 questions of skill a at difficulty 4 not already asked, not 2");
    CHECK(with({ {}, { { "", 3, 2, 1 } }, true }) == "draws[0]: difficulty runs from 1 to 5, the lower first");
    CHECK(with({ {}, { { "", 1, 5, 0 } }, true }) == "draws[0]: a draw asks 1 to 200 questions");
    CHECK(with({ {}, { { "", 1, 5, 150 }, { "", 1, 5, 60 } }, true }) == "questions: a quiz asks at most 200 questions");
}

TEST_CASE("attempts allowed and the time limit, with a grace for the network", "[academy][quiz]")
{
    CHECK(may_start_attempt(0, 1).ok());
    CHECK(may_start_attempt(5, 0).ok());
    CHECK(may_start_attempt(1, 1).error().message == "You have already taken this quiz: it allows one attempt");
    CHECK(may_start_attempt(3, 3).error().message == "You have used all 3 attempts at this quiz");
    CHECK(may_start_attempt(3, 3).error().code == ErrorCode::FailedPrecondition);

    const std::int64_t start = 1'800'000'000;
    CHECK(in_time(start, start + 20 * 60, 20));
    CHECK(in_time(start, start + 20 * 60 + k_quiz_grace_seconds, 20));
    CHECK_FALSE(in_time(start, start + 20 * 60 + k_quiz_grace_seconds + 1, 20));
    CHECK(in_time(start, start + 86400 * 7, 0));
}

TEST_CASE("a draw from a topic takes its category and those under it", "[academy][quiz]")
{
    CHECK(in_topic("exam-bank/quant/algebra", "exam-bank/quant"));
    CHECK(in_topic("exam-bank/quant", "exam-bank/quant"));
    CHECK(in_topic("anything", ""));
    CHECK_FALSE(in_topic("exam-bank/quantity", "exam-bank/quant"));
    CHECK_FALSE(in_topic("exam-bank", "exam-bank/quant"));
    CHECK(topics_of("a/b/c") == std::vector<std::string> { "a", "a/b", "a/b/c" });
    CHECK(topics_of("solo") == std::vector<std::string> { "solo" });
    CHECK(topics_of("").empty());
    for (const auto& topic : topics_of("exam-bank/quant/algebra"))
        CHECK(in_topic("exam-bank/quant/algebra", topic));

    std::vector<BankEntry> bank;
    for (int i = 0; i < 6; ++i)
        bank.push_back({ "q" + std::to_string(i), "", 3, i < 4 ? "bank/quant/algebra" : "bank/verbal" });
    QuestionDraw verbal;
    verbal.topic = "bank/verbal";
    verbal.count = 2;
    auto drawn = draw_attempt({ {}, { verbal }, false }, bank, {}, 9);
    REQUIRE(drawn.ok());
    std::sort(drawn.value().begin(), drawn.value().end());
    CHECK(drawn.value() == std::vector<std::string> { "q4", "q5" });
    verbal.count = 3;
    CHECK(error_of(draw_attempt({ {}, { verbal }, false }, bank, {}, 9))
        == "draws[0]: the bank has 2 questions in bank/verbal at difficulty 1 to 5, not 3");
}

TEST_CASE("each hint the tutor gave takes a quarter of a later answer's credit, down to a quarter", "[academy][quiz]")
{
    CHECK(hinted_credit(1.0, 0) == 1.0);
    CHECK(hinted_credit(1.0, 1) == 0.75);
    CHECK(hinted_credit(1.0, 2) == 0.5);
    CHECK(hinted_credit(1.0, 3) == 0.25);
    CHECK(hinted_credit(1.0, 9) == 0.25);
    CHECK(hinted_credit(0.5, 2) == 0.25);
    CHECK(hinted_credit(0.0, 3) == 0.0);
}

TEST_CASE("the time left in words, and a score out of the questions", "[academy][quiz]")
{
    const std::int64_t start = 1'800'000'000;
    CHECK(attempt_deadline(start, 0) == 0);
    CHECK(attempt_deadline(start, 20) == start + 1200);
    CHECK(time_left_for_people(start + 1200, start) == "20 min left");
    CHECK(time_left_for_people(start + 1200, start + 1) == "20 min left");
    CHECK(time_left_for_people(start + 1200, start + 1141) == "59 s left");
    CHECK(time_left_for_people(start + 1200, start + 1200) == "Time is up");
    CHECK(score_for_people(12.5, 20) == "12.5 of 20 (63%)");
    CHECK(score_for_people(0, 0) == "0 of 0 (0%)");
}

TEST_CASE("a quiz as its instructor sends it is read and checked, naming the field", "[academy][quiz]")
{
    auto quiz = decode_quiz_settings(Json::parse(R"({"title": "  Percent drill ", "mode": "exam",
        "fixed": ["q-1"], "draws": [{"topic": "exam-bank/quant", "skill": "percent", "min_difficulty": 2,
        "max_difficulty": 4, "count": 5}],
        "shuffle": false, "time_limit_minutes": 20, "attempts_allowed": 2})"));
    REQUIRE(quiz.ok());
    CHECK(quiz.value().title == "Percent drill");
    CHECK(quiz.value().mode == QuizMode::Exam);
    CHECK(quiz.value().plan == QuizPlan { { "q-1" }, { { "percent", 2, 4, 5, "exam-bank/quant" } }, false });
    CHECK(quiz.value().time_limit_minutes == 20);
    CHECK(quiz.value().attempts_allowed == 2);
    CHECK(plan_question_count(quiz.value().plan) == 6);
    CHECK(decode_quiz_plan(quiz_plan_to_json(quiz.value().plan)).value() == quiz.value().plan);

    auto minimal = decode_quiz_settings(Json::parse(R"({"title": "Any", "mode": "practice", "draws": [{"count": 3}]})"));
    REQUIRE(minimal.ok());
    CHECK(minimal.value().plan == QuizPlan { {}, { { "", 1, 5, 3 } }, true });
    CHECK(minimal.value().time_limit_minutes == 0);

    auto refused = [](const char* text) {
        auto read = decode_quiz_settings(Json::parse(text));
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == ErrorCode::InvalidArgument);
        return read.error().message;
    };
    CHECK(refused(R"({"mode": "exam", "draws": [{"count": 1}]})") == "title is required");
    CHECK(refused(R"({"title": "A", "mode": "quiz", "draws": [{"count": 1}]})") == "mode must be practice or exam");
    CHECK(refused(R"({"title": "A", "mode": "exam"})") == "questions: a quiz asks at least one question");
    CHECK(refused(R"({"title": "A", "mode": "exam", "draws": [{"count": 2.5}]})") == "draws[0].count must be an integer");
    CHECK(refused(R"({"title": "A", "mode": "exam", "draws": [{"count": -1}]})")
        == "draws[0].count must be a whole number from 1 to 200");
    CHECK(refused(R"({"title": "A", "mode": "exam", "draws": [{"count": 1, "min_difficulty": 6}]})")
        == "draws[0].min_difficulty must be a whole number from 1 to 5");
    CHECK(refused(R"({"title": "A", "mode": "exam", "draws": [{"count": 1, "colour": 6}]})")
        == "draws[0].colour is not a field of draws[0]");
    CHECK(refused(R"({"title": "A", "mode": "exam", "fixed": ["x", "x"]})") == "fixed[1]: x is asked twice");
    CHECK(refused(R"({"title": "A", "mode": "exam", "fixed": ["x"], "time_limit_minutes": 601})")
        == "time_limit_minutes must be a whole number from 0 to 600");
    CHECK(refused(R"({"title": "A", "mode": "exam", "fixed": ["x"], "shuffle": "yes"})")
        == "shuffle must be true or false");
    CHECK(refused(R"({"title": "A", "mode": "exam", "fixed": ["x"], "colour": 1})") == "colour is not a field of a quiz");
    CHECK(refused(R"([1])") == "Expected a JSON object");
    CHECK(refused(R"({"title": "A", "mode": "exam", "fixed": ["x"], "tutor": true})")
        == "tutor: the tutor helps in practice quizzes, not exams");
    CHECK(decode_quiz_settings(Json::parse(R"({"title": "A", "mode": "practice", "fixed": ["x"], "tutor": true})"))
              .value()
              .tutor);
}

TEST_CASE("an attempt is graded by practice's graders, unanswered questions scoring nothing", "[academy][quiz]")
{
    auto ask = [](const char* gift) {
        auto read = parse_gift(gift);
        REQUIRE(read.problems.empty());
        return question_task(read.questions.at(0), 9).value();
    };
    std::vector<Task> tasks { ask("::t1::Is 7 prime?{T}"), ask("::n1::2 + 2 \\= ?{#4}"),
        ask("::m1::Which are prime?{~%50%2 ~%50%3 ~%-100%4}"), ask("::s1::Capital of France?{=Paris}") };
    auto index_of = [](const Task& task, const char* text) {
        return static_cast<std::size_t>(
            std::find_if(task.options.begin(), task.options.end(), [&](auto& o) { return o.text == text; })
            - task.options.begin());
    };
    std::vector<Json> answers { { { "choice", 0 } }, { { "value", 5 } }, { { "choices", { index_of(tasks[2], "2") } } } };
    auto result = grade_attempt(tasks, answers).value();
    CHECK(result.answered == 3);
    CHECK(result.correct == 1);
    CHECK(result.score == Approx(1.5));
    CHECK_FALSE(result.questions[3].has_value());
    CHECK(result.questions[2]->verdict == Verdict::Partial);
    CHECK(attempt_score_for_people(result) == "1.5 of 4 (38%)");

    answers.push_back(Json(nullptr));
    answers[1] = { { "value", 4 } };
    CHECK(attempt_score_for_people(grade_attempt(tasks, answers).value()) == "2.5 of 4 (63%)");

    auto malformed = grade_attempt(tasks, { { { "choice", 7 } } });
    REQUIRE_FALSE(malformed.ok());
    CHECK(malformed.error().field == "questions[0]");
    CHECK(malformed.error().message.rfind("questions[0]: ", 0) == 0);
    CHECK_FALSE(grade_attempt(tasks, std::vector<Json>(5, Json(nullptr))).ok());
}

TEST_CASE("the same plan, bank, seen questions and seed give this attempt natively and in WebAssembly", "[academy][quiz]")
{
    QuizPlan plan;
    plan.fixed = { "a-0", "b-3" };
    plan.draws = { { "a", 1, 5, 4 }, { "", 4, 5, 3 } };
    // Worked out once natively; the WASM build of this test must agree.
    CHECK(draw_attempt(plan, small_bank(), { "a-1", "c-3" }, 42).value()
        == std::vector<std::string> { "a-0", "c-8", "c-9", "a-8", "a-3", "a-5", "b-3", "b-8", "a-6" });
}

TEST_CASE("item analysis: each question's average and how it follows the rest of the attempt", "[academy][quiz]")
{
    // Six attempts at three questions: "good" follows ability, "backwards"
    // goes against it (a wrong key), "easy" everyone gets.
    std::vector<AttemptItems> attempts;
    const double ability[] = { 0, 0, 1, 1, 1, 0 };
    const double other[] = { 0, 1, 1, 1, 1, 0 };
    for (int i = 0; i < 6; ++i)
        attempts.push_back({ { "good", ability[i] }, { "backwards", 1 - ability[i] }, { "easy", 1 },
            { "other", other[i] }, { "more", ability[i] } });
    auto stats = item_analysis(attempts);
    REQUIRE(stats.size() == 5);
    CHECK(stats[0].item == "good");
    CHECK(stats[0].asked == 6);
    CHECK(stats[0].mean == Approx(0.5));
    REQUIRE(stats[0].discrimination);
    CHECK(*stats[0].discrimination > 0.5);
    REQUIRE(stats[1].discrimination);
    CHECK(*stats[1].discrimination < -0.5);
    CHECK_FALSE(stats[2].discrimination);   // everyone alike
    CHECK(item_flag_for_people(stats[0]).empty());
    CHECK(item_flag_for_people(stats[1]) == "Weaker students do better on it than stronger ones: check its key");
    CHECK(item_flag_for_people(stats[2]).empty());
    // Too few attempts: no verdict.
    auto few = item_analysis({ attempts.begin(), attempts.begin() + 3 });
    CHECK_FALSE(few[0].discrimination);
    CHECK(item_flag_for_people(few[0]).empty());
    CHECK(item_analysis({}).empty());
    ItemStats hard { "hard", 10, 0.1, 0.3 };
    CHECK(item_flag_for_people(hard) == "Most students miss it: check its key");
}
