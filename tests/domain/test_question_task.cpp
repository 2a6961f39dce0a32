// Tests for shared-domain/academy/question_task.* (a bank question asked and
// graded as a practice task) and academy/aiken.* (Moodle's Aiken format).
#include "academy/aiken.hpp"
#include "academy/question_task.hpp"
#include "practice/grading.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace learnloop;

namespace {

BankQuestion only_question(const char* gift)
{
    auto read = parse_gift(gift);
    REQUIRE(read.problems.empty());
    REQUIRE(read.questions.size() == 1);
    return read.questions[0];
}

double score(const Task& task, const Json& answer)
{
    auto result = grade(task, answer);
    REQUIRE(result.ok());
    return result.value().score;
}

std::size_t index_of(const Task& task, const std::string& text)
{
    auto at = std::find_if(task.options.begin(), task.options.end(), [&](auto& o) { return o.text == text; });
    REQUIRE(at != task.options.end());
    return static_cast<std::size_t>(at - task.options.begin());
}

} // namespace

TEST_CASE("a single-choice question is a shuffled single_choice task graded by practice's grader",
    "[academy][quiz]")
{
    const auto q = only_question(R"(// [id:q-1] [tag:difficulty-2] [tag:skill-percent]
::q-1::A £80 coat is 25% off. What does it cost now?{=£60 ~£55 ~%50%£62#Close ~£65 ~£70 ####80 × 0.75.})");
    auto task = question_task(q, 7).value();
    CHECK(task.kind == TaskKind::SingleChoice);
    CHECK(task.template_id == "q-1");
    CHECK(task.target_id == "percent");
    CHECK(task.difficulty == 2);
    CHECK(task.explanation == "80 × 0.75.");
    REQUIRE(task.options.size() == 5);
    CHECK(score(task, { { "choice", index_of(task, "£60") } }) == 1);
    // A wrong answer's GIFT weight gives no credit in a quiz; its feedback shows.
    auto partial = grade(task, { { "choice", index_of(task, "£62") } }).value();
    CHECK(partial.score == 0);
    CHECK(partial.feedback == "Close");

    // The same seed gives the same order; some other seed another one.
    CHECK(question_task(q, 7).value().options == task.options);
    bool reordered = false;
    for (std::uint64_t seed = 1; seed < 20 && !reordered; ++seed)
        reordered = question_task(q, seed).value().options != task.options;
    CHECK(reordered);
}

TEST_CASE("multiple select: partial credit by practice's rule, or nothing short of all when tagged all-or-nothing",
    "[academy][quiz]")
{
    const char* partial_gift = R"(// [id:q-2] [tag:partial-credit]
::q-2::Which are prime?{~%50%2 ~%50%3 ~%-100%4 ~%-100%9})";
    auto task = question_task(only_question(partial_gift), 3).value();
    CHECK(task.kind == TaskKind::MultipleSelect);
    CHECK_FALSE(task.all_or_nothing);
    const auto two = index_of(task, "2"), three = index_of(task, "3"), four = index_of(task, "4");
    CHECK(score(task, { { "choices", { two, three } } }) == 1);
    CHECK(score(task, { { "choices", { two } } }) == Approx(0.5));
    CHECK(score(task, { { "choices", { two, four } } }) == 0);

    const char* strict_gift = R"(// [id:q-3] [tag:all-or-nothing]
::q-3::Which are prime?{~%50%2 ~%50%3 ~%-100%4 ~%-100%9})";
    auto strict = question_task(only_question(strict_gift), 3).value();
    CHECK(strict.all_or_nothing);
    CHECK(score(strict, { { "choices", { index_of(strict, "2") } } }) == 0);
    CHECK(score(strict, { { "choices", { index_of(strict, "2"), index_of(strict, "3") } } }) == 1);

    // The flag travels with the task, in both views, and back.
    auto json = to_json(strict, TaskView::ForStudent);
    CHECK(json["all_or_nothing"] == true);
    CHECK(decode_task(to_json(strict, TaskView::WithAnswers)).value() == strict);
    auto single = to_json(question_task(only_question("::q::Pick{=a ~b}"), 1).value(), TaskView::WithAnswers);
    CHECK_FALSE(single.contains("all_or_nothing"));
    single["all_or_nothing"] = true;
    CHECK_FALSE(decode_task(single).ok());
}

TEST_CASE("numeric, short text and true/false questions become the practice kinds", "[academy][quiz]")
{
    auto numeric = question_task(only_question("::n::What is 1/8 as a decimal?{#0.125:0.0005}"), 1).value();
    CHECK(numeric.kind == TaskKind::Numeric);
    CHECK(score(numeric, { { "value", 0.1252 } }) == 1);
    CHECK(score(numeric, { { "value", 0.13 } }) == 0);

    auto ranged = question_task(only_question("::r::A number from 1 to 2{#1..2}"), 1).value();
    CHECK(score(ranged, { { "value", 1.9 } }) == 1);
    CHECK(score(ranged, { { "value", 2.1 } }) == 0);

    auto text = question_task(only_question("::t::Capital of France?{=Paris =paris, France =%0%Lyon#That is a city in France.}"), 1)
                    .value();
    CHECK(text.kind == TaskKind::ShortText);
    CHECK(score(text, { { "text", "  PARIS. " } }) == 1);
    auto lyon = grade(text, { { "text", "lyon" } }).value();
    CHECK(lyon.score == 0);
    CHECK(lyon.feedback == "That is a city in France.");

    auto truth = question_task(only_question("::tf::The sum of two odd numbers is even.{T}"), 99).value();
    CHECK(truth.kind == TaskKind::SingleChoice);
    REQUIRE(truth.options.size() == 2);
    CHECK(truth.options[0].text == "True");   // never shuffled
    CHECK(score(truth, { { "choice", 0 } }) == 1);
    CHECK(score(truth, { { "choice", 1 } }) == 0);
}

TEST_CASE("a quantitative comparison keeps its two quantities apart and its four answers in order", "[academy][quiz]")
{
    const auto q = only_question(R"(// [id:q-qc] [tag:qc]
::q-qc::x \= 3\nQuantity A\: x²\nQuantity B\: 9{
~Quantity A is greater.
~Quantity B is greater.
=The two quantities are equal.
~The relationship cannot be determined from the information given.
})");
    auto task = question_task(q, 5).value();
    CHECK(task.kind == TaskKind::QuantitativeComparison);
    CHECK(task.prompt == "x = 3");
    CHECK(task.quantity_a == "x²");
    CHECK(task.quantity_b == "9");
    CHECK(task.comparison == Comparison::Equal);
    CHECK(score(task, { { "choice", "equal" } }) == 1);
    CHECK(score(task, { { "choice", "a_greater" } }) == 0);
    CHECK(task.target_id == "q-qc");   // no skill and no category: the id
}

TEST_CASE("a question no quiz task can ask is refused with its id", "[academy][quiz]")
{
    auto two_right = question_task(only_question("::n2::A root of x² \\= 4{#=2:0 =-2:0}"), 1);
    REQUIRE_FALSE(two_right.ok());
    CHECK(two_right.error().code == ErrorCode::FailedPrecondition);
    CHECK(two_right.error().message == "question n2: a quiz needs exactly one numeric answer worth 100%");

    std::string many = "::m::Pick{=0";
    for (int i = 1; i <= 11; ++i)
        many += " ~" + std::to_string(i);
    many += "}";
    auto too_many = question_task(only_question(many.c_str()), 1);
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().message == "question m: a quiz shows at most 10 options");
}

TEST_CASE("Aiken files read as single-choice questions with stable ids", "[academy][aiken]")
{
    const char* file = "\xEF\xBB\xBFWhat is 15% of 80?\n"
                       "A. 8\n"
                       "B) 12\n"
                       "C. 15\n"
                       "ANSWER: B\n"
                       "Which number is prime?\n"
                       "A. 21\n"
                       "B. 23\n"
                       "ANSWER: B\n";
    auto read = parse_aiken(file);
    REQUIRE(read.problems.empty());
    REQUIRE(read.questions.size() == 2);
    const auto& q = read.questions[0];
    CHECK(q.kind == BankQuestionKind::SingleChoice);
    CHECK(q.text == "What is 15% of 80?");
    CHECK(q.line == 1);
    REQUIRE(q.choices.size() == 3);
    CHECK(q.choices[1].text == "12");
    CHECK(q.choices[1].weight == 100);
    CHECK(q.choices[0].weight == 0);
    CHECK(q.id.rfind("aiken-", 0) == 0);
    CHECK(q.id.size() == 18);
    CHECK(parse_aiken(file).questions[0].id == q.id);   // the same file, the same ids
    CHECK(read.questions[1].line == 6);

    // Written as GIFT and read back, they are the same questions; as tasks they grade.
    auto again = parse_gift(write_gift(read.questions));
    REQUIRE(again.problems.empty());
    REQUIRE(again.questions.size() == 2);
    CHECK(again.questions[0].text == q.text);
    CHECK(again.questions[0].choices == q.choices);
    auto task = question_task(q, 1).value();
    CHECK(score(task, { { "choice", index_of(task, "12") } }) == 1);
}

TEST_CASE("a malformed Aiken file names each problem's line", "[academy][aiken]")
{
    auto problems = [](const char* text) {
        std::vector<std::string> out;
        for (const auto& p : parse_aiken(text).problems)
            out.push_back("line " + std::to_string(p.line) + ": " + p.message);
        return out;
    };
    CHECK(problems("Q?\nA. x\nB. y\n") == std::vector<std::string> {
        "line 1: the question has no \"ANSWER: X\" line after its options" });
    CHECK(problems("Q?\nA. x\nB. y\nANSWER: C\n") == std::vector<std::string> {
        "line 4: ANSWER must name one of the options, A to B" });
    CHECK(problems("Q?\nA. x\nC. y\nANSWER: A\nNext?\nA. 1\nB. 2\nANSWER: A\n") == std::vector<std::string> {
        "line 3: option C is out of order: expected B" });
    CHECK(problems("Q?\nA. x\nANSWER: A\n") == std::vector<std::string> {
        "line 1: a question needs at least two options (A. and B.)" });
    CHECK(problems("ANSWER: A\n") == std::vector<std::string> { "line 1: an ANSWER line with no question before it" });
    CHECK(problems("Q?\nmore text\nA. x\nB. y\nANSWER: A\n") == std::vector<std::string> {
        "line 2: a question is one line, followed by its options A., B., ..." });
    CHECK(problems("Q \xC3?\nA. x\nB. y\nANSWER: A\n") == std::vector<std::string> {
        "line 1: the line is not UTF-8 text: save the file as UTF-8" });
    CHECK(problems("Q?\nA. x\nB. y\nANSWER: A\nQ?\nA. x\nB. y\nANSWER: B\n") == std::vector<std::string> {
        "line 5: the same question appears twice" });
    // A good question after a bad one is still read; the caller imports nothing.
    auto mixed = parse_aiken("Bad?\nA. x\nANSWER: A\n\nGood?\nA. 1\nB. 2\nANSWER: A\n");
    CHECK(mixed.problems.size() == 1);
    CHECK(mixed.questions.size() == 1);
}

TEST_CASE("a regrade carries an answer to the fixed version by the options' text", "[academy][question_task]")
{
    auto one = [](const char* gift) {
        auto read = parse_gift(gift);
        REQUIRE(read.problems.empty());
        return read.questions.at(0);
    };
    const auto wrong_key = one("::q1::What is 2 + 2?{=5 ~4 ~3 ~22}");
    const auto fixed_key = one("::q1::What is 2 + 2?{~5 =4 ~3 ~22}");
    for (std::uint64_t seed : { 1u, 7u, 99u }) {
        auto asked = attempt_question_task(wrong_key, seed, 3).value();
        auto fixed = attempt_question_task(fixed_key, seed, 3).value();
        std::int64_t four = -1;
        for (std::size_t i = 0; i < asked.options.size(); ++i)
            if (asked.options[i].text == "4")
                four = static_cast<std::int64_t>(i);
        const Json answer { { "choice", four } };
        CHECK(grade(asked, answer).value().verdict == Verdict::Incorrect);
        auto carried = carry_answer(asked, fixed, answer);
        REQUIRE(carried.ok());
        REQUIRE(carried.value().has_value());
        CHECK(fixed.options[carried.value()->at("choice").get<std::size_t>()].text == "4");
        CHECK(grade(fixed, *carried.value()).value().verdict == Verdict::Correct);
    }
    // An option that is gone cannot be re-scored fairly; nor can a change of kind.
    const auto shorter = one("::q1::What is 2 + 2?{~5 =4 ~3}");
    auto asked = attempt_question_task(wrong_key, 1, 0).value();
    std::int64_t gone = -1;
    for (std::size_t i = 0; i < asked.options.size(); ++i)
        if (asked.options[i].text == "22")
            gone = static_cast<std::int64_t>(i);
    auto dropped = carry_answer(asked, attempt_question_task(shorter, 1, 0).value(), { { "choice", gone } });
    REQUIRE(dropped.ok());
    CHECK_FALSE(dropped.value().has_value());
    auto numeric = attempt_question_task(one("::q1::What is 2 + 2?{#4}"), 1, 0).value();
    CHECK(carry_answer(asked, numeric, { { "choice", 0 } }).error().code == ErrorCode::FailedPrecondition);
    // Numbers carry as given.
    auto v1 = attempt_question_task(one("::n::Half of 9?{#4.4}"), 1, 0).value();
    auto v2 = attempt_question_task(one("::n::Half of 9?{#4.5}"), 1, 0).value();
    auto number = carry_answer(v1, v2, { { "value", 4.5 } });
    REQUIRE(number.value().has_value());
    CHECK(grade(v2, *number.value()).value().verdict == Verdict::Correct);
}
