// Tests for shared-domain/grading.*: every kind's grader, partial credit, text
// normalisation, and hostile answers that must be errors rather than wrong answers.
#include "practice/grading.hpp"
#include "practice/tasks.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using namespace learnloop;

namespace {

Task generated(const char* text, std::uint64_t seed)
{
    auto tmpl = decode_task_template(Json::parse(text));
    INFO((tmpl.ok() ? std::string() : tmpl.error().message));
    REQUIRE(tmpl.ok());
    auto task = generate_task(tmpl.value(), seed);
    REQUIRE(task.ok());
    return task.value();
}

GradeResult must_grade(const Task& task, const Json& answer)
{
    auto result = grade(task, answer);
    INFO(answer.dump());
    INFO((result.ok() ? std::string() : result.error().message));
    REQUIRE(result.ok());
    return result.value();
}

const char* const k_single_choice = R"json({
    "id": "math.mult.001", "target_id": "math.mult", "kind": "single_choice", "difficulty": 2,
    "prompt": "What is {a} × {b}?", "explanation": "{a} × {b} = {a*b}.",
    "slots": [{"name": "a", "min": 2, "max": 9}, {"name": "b", "min": 2, "max": 9}],
    "options": [
        {"text": "{a*b}", "correct": true},
        {"text": "{a+b}", "feedback": "You added instead of multiplying."},
        {"text": "{a*b+1}"},
        {"text": "{a*b-b}", "feedback": "That is one group too few."}
    ]
})json";

const char* const k_multiple_select = R"json({
    "id": "math.primes.002", "target_id": "math.primes", "kind": "multiple_select", "difficulty": 3,
    "prompt": "Which are prime?", "explanation": "A prime has exactly two factors.",
    "options": [
        {"text": "2", "correct": true, "feedback": "2 is prime: its only factors are 1 and 2."},
        {"text": "9", "feedback": "9 = 3 × 3."},
        {"text": "11", "correct": true},
        {"text": "13", "correct": true},
        {"text": "15"}
    ]
})json";

const char* const k_numeric = R"json({
    "id": "math.share.003", "target_id": "math.division", "kind": "numeric", "difficulty": 3,
    "prompt": "Share {total} kg equally among {n} bags. How much is in each bag?",
    "explanation": "{total} ÷ {n} = {total / n}.",
    "slots": [{"name": "n", "min": 3, "max": 7}, {"name": "total", "min": 10, "max": 99}],
    "answer": "total / n", "tolerance": 0.01, "unit": "kg",
    "mistakes": [{"answer": "total * n", "feedback": "You multiplied; sharing means dividing."}]
})json";

const char* const k_short_text = R"json({
    "id": "geo.capitals.004", "target_id": "geo.capitals", "kind": "short_text", "difficulty": 1,
    "prompt": "What is the capital of {country}?", "explanation": "It is {capital}.",
    "variants": [{"country": "France", "capital": "Paris"}, {"country": "Côte d’Ivoire", "capital": "Yamoussoukro"}],
    "answers": ["{capital}"],
    "mistakes": [{"answer": "Abidjan", "feedback": "Abidjan is the largest city, but not the capital."}]
})json";

const char* const k_cloze = R"json({
    "id": "eng.prepositions.005", "target_id": "eng.prepositions", "kind": "cloze", "difficulty": 1,
    "prompt": "Fill in the gaps.", "explanation": "On a surface; at night; in a box.",
    "text": "The cat sat ___ the mat, slept ___ night and hid ___ the box.",
    "gaps": [["on", "upon"], "at", "in"]
})json";

const char* const k_ordering = R"json({
    "id": "hist.order.006", "target_id": "hist.order", "kind": "ordering", "difficulty": 2,
    "prompt": "Oldest first.", "explanation": "Pyramids, Rome, printing press, moon landing.",
    "items": ["Great Pyramid", "Founding of Rome", "Printing press", "Moon landing"]
})json";

const char* const k_comparison = R"json({
    "id": "math.compare.007", "target_id": "math.compare", "kind": "quantitative_comparison", "difficulty": 4,
    "prompt": "x is a positive integer.", "explanation": "Try x = 1 and x = 3.",
    "quantity_a": "2x", "quantity_b": "x + 2", "answer": "cannot_determine",
    "feedback": {"a_greater": "True for x = 3, but not for x = 1."}
})json";

// A multiple-select task in a known order: options 0, 2 and 3 are correct.
Task primes_in_order()
{
    Task task;
    task.template_id = "primes";
    task.target_id = "math.primes";
    task.kind = TaskKind::MultipleSelect;
    task.explanation = "A prime has exactly two factors.";
    task.options = { { "2", true, "" }, { "9", false, "9 = 3 × 3." }, { "11", true, "" }, { "13", true, "" },
        { "15", false, "" } };
    return task;
}

} // namespace

TEST_CASE("each task's own correct answer grades correct for 200 seeds, and every distractor incorrect")
{
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        INFO("seed " << seed);
        auto single = generated(k_single_choice, seed);
        for (std::size_t i = 0; i < single.options.size(); ++i) {
            auto result = must_grade(single, { { "choice", i } });
            if (single.options[i].correct) {
                CHECK(result.verdict == Verdict::Correct);
                CHECK(result.score == 1);
                CHECK(result.feedback == "Correct!");
            } else {
                CHECK(result.verdict == Verdict::Incorrect);
                CHECK(result.score == 0);
                CHECK(result.feedback == (single.options[i].feedback.empty() ? "Not quite." : single.options[i].feedback));
            }
        }

        auto multiple = generated(k_multiple_select, seed);
        Json picks = Json::array();
        for (std::size_t i = 0; i < multiple.options.size(); ++i)
            if (multiple.options[i].correct)
                picks.push_back(i);
        auto all_right = must_grade(multiple, { { "choices", picks } });
        CHECK(all_right.verdict == Verdict::Correct);
        CHECK(all_right.parts == std::vector<bool>(5, true));
        for (std::size_t i = 0; i < multiple.options.size(); ++i)
            if (!multiple.options[i].correct)
                CHECK(must_grade(multiple, { { "choices", { i } } }).verdict == Verdict::Incorrect);

        auto numeric = generated(k_numeric, seed);
        CHECK(must_grade(numeric, { { "value", numeric.answer } }).score == 1);
        CHECK(must_grade(numeric, { { "value", numeric.answer + 0.009 } }).verdict == Verdict::Correct);
        CHECK(must_grade(numeric, { { "value", numeric.answer - 0.011 } }).verdict == Verdict::Incorrect);
        auto multiplied = must_grade(numeric, { { "value", numeric.numeric_mistakes.at(0).value } });
        CHECK(multiplied.verdict == Verdict::Incorrect);
        CHECK(multiplied.feedback == "You multiplied; sharing means dividing.");

        auto text = generated(k_short_text, seed);
        CHECK(must_grade(text, { { "text", text.accepted_answers.at(0) } }).verdict == Verdict::Correct);
        CHECK(must_grade(text, { { "text", "London" } }).verdict == Verdict::Incorrect);

        auto cloze = generated(k_cloze, seed);
        Json gaps = Json::array();
        for (auto& answers : cloze.gap_answers)
            gaps.push_back(answers.back());
        CHECK(must_grade(cloze, { { "gaps", gaps } }).verdict == Verdict::Correct);

        auto ordering = generated(k_ordering, seed);
        auto ordered = must_grade(ordering, { { "order", ordering.correct_order } });
        CHECK(ordered.verdict == Verdict::Correct);
        CHECK(ordered.parts == std::vector<bool>(4, true));

        auto comparison = generated(k_comparison, seed);
        for (auto choice : { Comparison::AGreater, Comparison::BGreater, Comparison::Equal, Comparison::CannotDetermine }) {
            auto result = must_grade(comparison, { { "choice", comparison_name(choice) } });
            CHECK(result.verdict == (choice == Comparison::CannotDetermine ? Verdict::Correct : Verdict::Incorrect));
        }

        // The server re-grades the task the client rebuilt from JSON, with the same result.
        auto rebuilt = decode_task(Json::parse(to_json(numeric, TaskView::WithAnswers).dump())).value();
        CHECK(must_grade(rebuilt, { { "value", 12 } }) == must_grade(numeric, { { "value", 12 } }));
    }
}

TEST_CASE("multiple select gives partial credit: right picks minus wrong picks over the correct count")
{
    auto task = primes_in_order();
    auto two_of_three = must_grade(task, { { "choices", { 0, 2 } } });
    CHECK(two_of_three.verdict == Verdict::Partial);
    CHECK(two_of_three.score == Approx(2.0 / 3));
    CHECK(two_of_three.parts == std::vector<bool> { true, true, true, false, true });
    CHECK(two_of_three.feedback == "You picked 2 of 3 correct options and 0 wrong ones.");

    auto with_wrong = must_grade(task, { { "choices", { 0, 2, 3, 1 } } });
    CHECK(with_wrong.verdict == Verdict::Partial);
    CHECK(with_wrong.score == Approx(2.0 / 3));
    CHECK(with_wrong.feedback == "9 = 3 × 3.");
    CHECK(with_wrong.parts == std::vector<bool> { true, false, true, true, true });

    auto everything = must_grade(task, { { "choices", { 4, 3, 2, 1, 0 } } });
    CHECK(everything.score == Approx(1.0 / 3));

    auto one_right_two_wrong = must_grade(task, { { "choices", { 0, 1, 4 } } });
    CHECK(one_right_two_wrong.verdict == Verdict::Incorrect);
    CHECK(one_right_two_wrong.score == 0);   // floored, never negative
    CHECK(one_right_two_wrong.feedback == "9 = 3 × 3.");

    auto nothing = must_grade(task, { { "choices", Json::array() } });
    CHECK(nothing.verdict == Verdict::Incorrect);
    CHECK(nothing.feedback == "You picked 0 of 3 correct options and 0 wrong ones.");

    CHECK(must_grade(task, { { "choices", { 3, 0, 2 } } }).verdict == Verdict::Correct);
    // A missed correct option's feedback explains why it should have been picked.
    task.options[0].feedback = "2 is the only even prime.";
    CHECK(must_grade(task, { { "choices", { 2, 3 } } }).feedback == "2 is the only even prime.");
}

TEST_CASE("cloze and ordering give credit per gap and per position")
{
    auto cloze = generated(k_cloze, 1);
    auto two_of_three = must_grade(cloze, { { "gaps", { " Upon ", "in", "IN." } } });
    CHECK(two_of_three.verdict == Verdict::Partial);
    CHECK(two_of_three.score == Approx(2.0 / 3));
    CHECK(two_of_three.parts == std::vector<bool> { true, false, true });
    CHECK(two_of_three.feedback == "2 of 3 gaps are right.");
    auto none = must_grade(cloze, { { "gaps", { "", "", "" } } });
    CHECK(none.verdict == Verdict::Incorrect);
    CHECK(none.parts == std::vector<bool> { false, false, false });

    auto ordering = generated(k_ordering, 1);
    auto swapped = ordering.correct_order;
    std::swap(swapped[0], swapped[1]);
    auto half = must_grade(ordering, { { "order", swapped } });
    CHECK(half.verdict == Verdict::Partial);
    CHECK(half.score == 0.5);
    CHECK(half.parts == std::vector<bool> { false, false, true, true });
    CHECK(half.feedback == "2 of 4 items are in the right place.");
    std::vector<std::size_t> reversed(ordering.correct_order.rbegin(), ordering.correct_order.rend());
    CHECK(must_grade(ordering, { { "order", reversed } }).verdict == Verdict::Incorrect);
}

TEST_CASE("short text answers are compared after normalisation")
{
    CHECK(normalize_answer_text("  The  Cat. ") == "the cat");
    CHECK(normalize_answer_text("the cat") == "the cat");
    CHECK(normalize_answer_text("It\u2019s") == "it's");
    CHECK(normalize_answer_text("\u2018quoted\u2019 \u201Cwords\u201D") == "'quoted' \"words\"");
    CHECK(normalize_answer_text("Paris!!!") == "paris");
    CHECK(normalize_answer_text("Paris ?! ") == "paris");
    CHECK(normalize_answer_text("wait\u2026") == "wait");
    CHECK(normalize_answer_text("e.g. this") == "e.g. this");   // inner punctuation stays
    CHECK(normalize_answer_text("3.5") == "3.5");
    CHECK(normalize_answer_text("new\tyork\n\r city") == "new york city");
    CHECK(normalize_answer_text("no\u00A0break") == "no break");
    CHECK(normalize_answer_text("ÉCOLE Ÿ Ž") == "école ÿ ž");
    CHECK(normalize_answer_text("ΑΘΗΝΑ Ά МОСКВА Ё") == "αθηνα ά москва ё");
    CHECK(normalize_answer_text("\u22125 \u2013 2") == "-5 - 2");
    CHECK(normalize_answer_text("zero\u200Bwidth") == "zerowidth");
    CHECK(normalize_answer_text("...") == "");
    CHECK(normalize_answer_text("") == "");
    CHECK(normalize_answer_text("ABC\xff\xfe") == "abc\xff\xfe");   // not UTF-8: ASCII rules only

    auto task = generated(k_short_text, 0);
    Task ivory = task;
    for (std::uint64_t seed = 0; ivory.prompt.find("Ivoire") == std::string::npos; ++seed)
        ivory = generated(k_short_text, seed);
    CHECK(must_grade(ivory, { { "text", "  YAMOUSSOUKRO. " } }).verdict == Verdict::Correct);
    auto mistake = must_grade(ivory, { { "text", "abidjan" } });
    CHECK(mistake.verdict == Verdict::Incorrect);
    CHECK(mistake.feedback == "Abidjan is the largest city, but not the capital.");
    CHECK(must_grade(ivory, { { "text", "" } }).verdict == Verdict::Incorrect);
    CHECK(must_grade(ivory, { { "text", "   ...  " } }).feedback == "Not quite.");

    Task apostrophe = task;
    apostrophe.accepted_answers = { "O'Brien's" };
    CHECK(must_grade(apostrophe, { { "text", "o\u2019brien\u2019s" } }).verdict == Verdict::Correct);
    CHECK(must_grade(apostrophe, { { "text", "obriens" } }).verdict == Verdict::Incorrect);
}

TEST_CASE("numeric answers use the absolute tolerance plus a hair for rounding noise")
{
    Task task;
    task.template_id = "n";
    task.target_id = "t";
    task.kind = TaskKind::Numeric;
    task.answer = 0.1 + 0.2;
    CHECK(must_grade(task, { { "value", 0.3 } }).verdict == Verdict::Correct);
    CHECK(must_grade(task, { { "value", 0.3001 } }).verdict == Verdict::Incorrect);
    task.answer = 2.5;
    task.tolerance = 0.5;
    CHECK(must_grade(task, { { "value", 3 } }).verdict == Verdict::Correct);
    CHECK(must_grade(task, { { "value", 2 } }).verdict == Verdict::Correct);
    CHECK(must_grade(task, { { "value", 3.01 } }).verdict == Verdict::Incorrect);
    CHECK(must_grade(task, { { "value", -2.5 } }).verdict == Verdict::Incorrect);
    task.tolerance = 0;
    CHECK(must_grade(task, { { "value", 2.5 } }).verdict == Verdict::Correct);
    CHECK(must_grade(task, { { "value", 2.51 } }).verdict == Verdict::Incorrect);
}

TEST_CASE("quantitative comparison uses the wrong choice's feedback when there is one")
{
    auto task = generated(k_comparison, 0);
    CHECK(must_grade(task, { { "choice", "a_greater" } }).feedback == "True for x = 3, but not for x = 1.");
    CHECK(must_grade(task, { { "choice", "equal" } }).feedback == "Not quite.");
}

TEST_CASE("hostile answers are errors, not wrong answers")
{
    auto single = generated(k_single_choice, 3);
    auto multiple = primes_in_order();
    auto numeric = generated(k_numeric, 3);
    auto text = generated(k_short_text, 3);
    auto cloze = generated(k_cloze, 3);
    auto ordering = generated(k_ordering, 3);
    auto comparison = generated(k_comparison, 3);

    std::string ten_kb(10 * 1024, 'a');
    Json deep = Json::array();
    for (int i = 0; i < 50; ++i)
        deep = Json::array({ deep, Json::object({ { "x", deep.size() } }) });

    struct Case {
        const Task* task;
        Json answer;
        std::string message;
    };
    const Case cases[] = {
        { &single, Json::array(), "Answer must be a JSON object like {\"choice\": 0}" },
        { &single, "1", "Answer must be a JSON object like {\"choice\": 0}" },
        { &single, nullptr, "Answer must be a JSON object like {\"choice\": 0}" },
        { &single, Json::object(), "Answer must be a JSON object like {\"choice\": 0}" },
        { &single, { { "choices", 1 } }, "Answer must be a JSON object like {\"choice\": 0}" },
        { &single, { { "choice", 1 }, { "extra", 2 } }, "Answer has an unexpected field \"extra\"" },
        { &single, { { "choice", "1" } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", 1.0 } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", 1.5 } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", true } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", nullptr } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", { 1 } } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", deep } }, "choice must hold whole-number option indices" },
        { &single, { { "choice", -1 } }, "choice must not hold negative indices" },
        { &single, { { "choice", std::numeric_limits<std::int64_t>::min() } }, "choice must not hold negative indices" },
        { &single, { { "choice", 4 } }, "choice holds 4, but there are only 4 options (numbered from 0)" },
        { &single, { { "choice", std::numeric_limits<std::uint64_t>::max() } },
            "choice holds 18446744073709551615, but there are only 4 options (numbered from 0)" },
        { &multiple, { { "choices", { 0, 0 } } }, "choices repeats index 0" },
        { &multiple, { { "choices", { 0, 1, 2, 3, 4, 0 } } }, "choices has more entries than the 5 options" },
        { &multiple, { { "choices", { 0, 5 } } }, "choices holds 5, but there are only 5 options (numbered from 0)" },
        { &multiple, { { "choices", { 0, -2 } } }, "choices must not hold negative indices" },
        { &multiple, { { "choices", 0 } }, "choices must be an array of option indices" },
        { &multiple, { { "choices", { { { "x", 1 } } } } }, "choices must hold whole-number option indices" },
        { &numeric, { { "value", "12" } }, "value must be a number, not string" },
        { &numeric, { { "value", true } }, "value must be a number, not boolean" },
        { &numeric, { { "value", nullptr } }, "value must be a number, not null" },
        { &numeric, { { "value", { 12 } } }, "value must be a number, not array" },
        { &numeric, { { "value", std::nan("") } }, "value must be a finite number" },
        { &numeric, { { "value", std::numeric_limits<double>::infinity() } }, "value must be a finite number" },
        { &numeric, { { "value", -std::numeric_limits<double>::infinity() } }, "value must be a finite number" },
        { &text, { { "text", ten_kb } }, "text must be at most 1000 characters" },
        { &text, { { "text", std::string(1001, 'x') } }, "text must be at most 1000 characters" },
        { &text, { { "text", "caf\xc3" } }, "text must be valid UTF-8 text" },
        { &text, { { "text", 42 } }, "text must be text" },
        { &text, { { "text", { { "a", deep } } } }, "text must be text" },
        { &cloze, { { "gaps", { "on", "at" } } }, "gaps must be an array of 3 strings, one per gap" },
        { &cloze, { { "gaps", { "on", "at", "in", "on" } } }, "gaps must be an array of 3 strings, one per gap" },
        { &cloze, { { "gaps", "on at in" } }, "gaps must be an array of 3 strings, one per gap" },
        { &cloze, { { "gaps", { "on", 1, "in" } } }, "gaps must be text" },
        { &cloze, { { "gaps", { "on", ten_kb, "in" } } }, "gaps must be at most 1000 characters" },
        { &ordering, { { "order", { 0, 1, 2 } } }, "order must list each of the 4 items exactly once" },
        { &ordering, { { "order", { 0, 1, 2, 2 } } }, "order repeats index 2" },
        { &ordering, { { "order", { 0, 1, 2, 4 } } }, "order holds 4, but there are only 4 items (numbered from 0)" },
        { &ordering, { { "order", { 0, 1, 2, 3, 0 } } }, "order must list each of the 4 items exactly once" },
        { &ordering, { { "order", "0123" } }, "order must be an array of item indices" },
        { &comparison, { { "choice", "A" } }, "choice must be a_greater, b_greater, equal or cannot_determine" },
        { &comparison, { { "choice", 0 } }, "choice must be a_greater, b_greater, equal or cannot_determine" },
        { &comparison, { { "choice", ten_kb } }, "choice must be a_greater, b_greater, equal or cannot_determine" },
    };
    for (auto& c : cases) {
        INFO(c.answer.dump(-1, ' ', false, Json::error_handler_t::replace).substr(0, 200));
        auto result = grade(*c.task, c.answer);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(result.error().message == c.message);
        CHECK_FALSE(result.error().field.empty());
    }
}

TEST_CASE("tasks without answers or with broken invariants are not graded")
{
    auto single = generated(k_single_choice, 3);
    auto for_student = decode_task(to_json(single, TaskView::ForStudent)).value();
    auto result = grade(for_student, { { "choice", 0 } });
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::FailedPrecondition);

    auto ordering = generated(k_ordering, 3);
    ordering.correct_order = { 0, 1, 2, 7 };
    CHECK(grade(ordering, { { "order", { 0, 1, 2, 3 } } }).error().message
        == "Task correct_order must be a permutation of the item indices");

    auto cloze = generated(k_cloze, 3);
    cloze.gap_answers.pop_back();
    CHECK_FALSE(grade(cloze, { { "gaps", { "a", "b" } } }).ok());

    Task empty;
    CHECK_FALSE(grade(empty, { { "choice", 0 } }).ok());
}

TEST_CASE("grade results have a JSON form")
{
    auto task = primes_in_order();
    auto result = must_grade(task, { { "choices", { 0, 2 } } });
    auto json = to_json(result, task);
    CHECK(json["verdict"] == "partial");
    CHECK(json["score"].get<double>() == Approx(2.0 / 3));
    CHECK(json["feedback"] == "You picked 2 of 3 correct options and 0 wrong ones.");
    CHECK(json["explanation"] == "A prime has exactly two factors.");
    CHECK(json["parts"] == Json::parse("[true, true, true, false, true]"));
    CHECK(verdict_name(Verdict::Correct) == "correct");
    CHECK(verdict_name(Verdict::Incorrect) == "incorrect");
}

TEST_CASE("answers round-trip through encode_answer and decode_answer for every kind")
{
    auto single = generated(k_single_choice, 3);
    auto multiple = generated(k_multiple_select, 3);
    auto numeric = generated(k_numeric, 3);
    auto short_text = generated(k_short_text, 3);
    auto cloze = generated(k_cloze, 3);
    auto ordering = generated(k_ordering, 3);
    auto comparison = generated(k_comparison, 3);
    struct Case {
        const Task* task;
        Answer answer;
        Json json;
    };
    Case cases[] = {
        { &single, { .kind = TaskKind::SingleChoice, .choice = 1 }, { { "choice", 1 } } },
        { &multiple, { .kind = TaskKind::MultipleSelect, .choices = { 2, 0 } }, { { "choices", { 2, 0 } } } },
        { &numeric, { .kind = TaskKind::Numeric, .value = 12.5 }, { { "value", 12.5 } } },
        { &short_text, { .kind = TaskKind::ShortText, .text = "Paris" }, { { "text", "Paris" } } },
        { &cloze, { .kind = TaskKind::Cloze, .gaps = { "on", "at", "in" } }, { { "gaps", { "on", "at", "in" } } } },
        { &ordering, { .kind = TaskKind::Ordering, .order = { 3, 1, 0, 2 } }, { { "order", { 3, 1, 0, 2 } } } },
        { &comparison, { .kind = TaskKind::QuantitativeComparison, .comparison = Comparison::Equal },
            { { "choice", "equal" } } },
    };
    for (auto& c : cases) {
        INFO(c.json.dump());
        CHECK(encode_answer(c.answer) == c.json);
        auto decoded = decode_answer(*c.task, encode_answer(c.answer));
        REQUIRE(decoded.ok());
        CHECK(decoded.value() == c.answer);
        // The student's view of a task reads the same answers.
        CHECK(decode_answer(decode_task(to_json(*c.task, TaskView::ForStudent)).value(), c.json).value() == c.answer);
        CHECK(grade(*c.task, encode_answer(c.answer)).ok());
    }
}

TEST_CASE("incomplete answers encode to values the grader refuses with a reason")
{
    auto numeric = generated(k_numeric, 3);
    auto not_a_number = encode_answer({ .kind = TaskKind::Numeric });
    CHECK(not_a_number == Json { { "value", "not a number" } });
    CHECK(grade(numeric, not_a_number).error().message == "value must be a number, not string");

    auto single = generated(k_single_choice, 3);
    CHECK(grade(single, encode_answer({ .kind = TaskKind::SingleChoice })).error().message
        == "choice must not hold negative indices");

    auto comparison = generated(k_comparison, 3);
    CHECK(encode_answer({ .kind = TaskKind::QuantitativeComparison }) == Json { { "choice", "" } });
    CHECK(grade(comparison, encode_answer({ .kind = TaskKind::QuantitativeComparison })).error().message
        == "choice must be a_greater, b_greater, equal or cannot_determine");
}

TEST_CASE("a verdict a browser reports is read back, or refused naming the field", "[grading]")
{
    for (auto verdict : { Verdict::Correct, Verdict::Partial, Verdict::Incorrect })
        CHECK(parse_verdict(verdict_name(verdict)).value() == verdict);
    auto wrong = parse_verdict("great");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message == "client_verdict must be correct, partial or incorrect");
    CHECK(wrong.error().field == "client_verdict");
}
