// Tests for shared-domain/academy/gift.*: every question kind read from
// GIFT, the exam bank's conventions (ids, tags, hints), problems named by
// line with nothing read from a bad question, and a round trip through
// write_gift.
#include "academy/gift.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

const char* k_sample = R"gift($CATEGORY: exam-bank/quant/arithmetic

// [id:q-1] [tag:difficulty-2] [tag:skill-percent]
// hint 1: What is 10% of the price?
// hint 2: Take that off.
// hint 3: 20% off £50 leaves £40.
::q-1::A £80 coat is 25% off. What does it cost now?{
=£60#Right: 80 × 0.75
~£55
~%50%£62#Close
####A quarter of 80 is 20, so it costs 80 − 20 \= 60.
}

// [id:q-2] [tag:qc] [tag:difficulty-3]
::q-2::x \= 3\nQuantity A\: x²\nQuantity B\: 9{
~Quantity A is greater.
~Quantity B is greater.
=The two quantities are equal.
~The relationship cannot be determined from the information given.
}

$CATEGORY: exam-bank/quant/data

::q-3::Which are prime? Select all that apply.{
~%50%2
~%50%3
~%-100%4
}

::q-4::How deep is the water, in feet?{#5.65:0.01####1.8π ≈ 5.65}

::q-5::Pick a number from 1 to 2.{#1..2}

::q-6::Name the capital of France.{=Paris =paris}

::q-7::The sun is a star.{T}
)gift";

} // namespace

TEST_CASE("GIFT: every kind of question is read, with the bank's ids, tags, hints and explanations")
{
    auto read = parse_gift(k_sample);
    INFO(problems_for_people(read.problems));
    REQUIRE(read.problems.empty());
    REQUIRE(read.questions.size() == 7);
    const auto& coat = read.questions[0];
    CHECK(coat.id == "q-1");
    CHECK(coat.line == 7);
    CHECK(coat.category == "exam-bank/quant/arithmetic");
    CHECK(coat.tags == std::vector<std::string> { "difficulty-2", "skill-percent" });
    CHECK(question_difficulty(coat) == 2);
    CHECK(coat.hints.size() == 3);
    CHECK(coat.hints[2] == "20% off £50 leaves £40.");
    CHECK(coat.kind == BankQuestionKind::SingleChoice);
    REQUIRE(coat.choices.size() == 3);
    CHECK(coat.choices[0].weight == 100);
    CHECK(coat.choices[0].feedback == "Right: 80 × 0.75");
    CHECK(coat.choices[2].weight == 50);   // partial credit on a single choice
    CHECK(coat.explanation == "A quarter of 80 is 20, so it costs 80 − 20 = 60.");

    const auto& qc = read.questions[1];
    CHECK(qc.kind == BankQuestionKind::QuantComparison);
    CHECK(qc.text == "x = 3\nQuantity A: x²\nQuantity B: 9");
    CHECK(qc.choices[2].weight == 100);

    CHECK(read.questions[2].kind == BankQuestionKind::MultipleSelect);
    CHECK(read.questions[2].category == "exam-bank/quant/data");
    CHECK(read.questions[2].id == "q-3");   // the title when there is no [id:]
    CHECK(read.questions[3].kind == BankQuestionKind::Numeric);
    CHECK(read.questions[3].numeric == std::vector<NumericAnswer> { { 5.65, 0.01, 100 } });
    CHECK(read.questions[3].explanation == "1.8π ≈ 5.65");
    CHECK(read.questions[4].numeric == std::vector<NumericAnswer> { { 1.5, 0.5, 100 } });
    CHECK(read.questions[5].kind == BankQuestionKind::ShortText);
    CHECK(read.questions[5].choices.size() == 2);
    CHECK(read.questions[6].kind == BankQuestionKind::TrueFalse);
    CHECK(read.questions[6].truth);
}

TEST_CASE("GIFT: a question that cannot be read is a problem on its line, and the others still are read")
{
    struct Case {
        const char* what;
        const char* gift;
        const char* says;
    };
    const Case cases[] = {
        { "no right answer", "::a::Pick one.{~x ~y}", "no right answer" },
        { "two right answers", "::a::Pick one.{=x =y ~z}", "one right answer" },
        { "weights not 100", "::a::Pick all.{~%50%x ~%30%y ~%-100%z}", "weigh 100%" },
        { "a weight past 100", "::a::Pick all.{~%150%x ~%-50%y}", "weight" },
        { "not a number", "::a::How many?{#twelve}", "number answer" },
        { "a range backwards", "::a::How many?{#5..2}", "number answer" },
        { "braces not closed", "::a::How many?{#12", "not closed" },
        { "no answers", "::a::Just text.", "no answers" },
        { "an empty answer", "::a::Pick.{= ~y}", "empty" },
        { "text before an answer", "::a::Pick.{x =y ~z}", "starts with =" },
        { "a qc without its answers", "// [tag:qc]\n::a::A or B?{=A ~B}", "four fixed answers" },
        { "a hint numbered twice", "// hint 1: a\n// hint 1: b\n::a::Pick.{=x ~y}", "hints" },
        { "hints with a gap", "// hint 1: a\n// hint 3: b\n::a::Pick.{=x ~y}", "without gaps" },
        { "no title and no id", "Pick.{=x ~y}", "title" },
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const std::string text = std::string("::fine::Fine.{=yes ~no}\n\n") + c.gift + "\n\n::later::Later.{=yes ~no}\n";
        auto read = parse_gift(text);
        REQUIRE(read.problems.size() == 1);
        CHECK(read.problems[0].line >= 3);
        CHECK(read.problems[0].message.find(c.says) != std::string::npos);
        CHECK(read.questions.size() == 2);
    }
    auto twice = parse_gift("::same::One.{=a ~b}\n\n// [id:same]\n::other::Two.{=a ~b}\n");
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].line == 4);
    CHECK(problems_for_people(twice.problems) == "line 4: the id same is used twice");
}

TEST_CASE("GIFT: what write_gift writes reads back as the same questions, weights snapped to Moodle's fractions")
{
    auto read = parse_gift(k_sample);
    REQUIRE(read.problems.empty());
    auto again = parse_gift(write_gift(read.questions));
    INFO(write_gift(read.questions));
    REQUIRE(again.problems.empty());
    REQUIRE(again.questions.size() == read.questions.size());
    for (std::size_t i = 0; i < read.questions.size(); ++i) {
        auto a = read.questions[i], b = again.questions[i];
        a.line = b.line = 0;
        CHECK(a == b);
    }
    CHECK(snap_to_moodle_fraction(33.3) == 33.33333);
    CHECK(snap_to_moodle_fraction(-48) == -50);
    CHECK(snap_to_moodle_fraction(0) == 0);
}

TEST_CASE("answers may begin on the line after the brace, as Moodle reads them", "[academy][gift]")
{
    auto read = parse_gift("::n::Five tests average 152; four total 604. The fifth?{\n#156:0\n####760 - 604.\n}\n");
    REQUIRE(read.problems.empty());
    REQUIRE(read.questions.size() == 1);
    CHECK(read.questions[0].kind == BankQuestionKind::Numeric);
    CHECK(read.questions[0].numeric == std::vector<NumericAnswer> { { 156, 0, 100 } });
    CHECK(read.questions[0].explanation == "760 - 604.");
    CHECK(read.questions[0].text == "Five tests average 152; four total 604. The fifth?");
}
