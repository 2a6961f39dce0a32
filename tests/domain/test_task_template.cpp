// Tests for shared-domain/practice/task_template.cpp: templates of every kind
// decode with their fields; invalid ones are rejected naming template and field.
#include "task_samples.hpp"

using namespace learnloop;
using namespace learnloop::test;

TEST_CASE("a template of every kind decodes with its fields")
{
    auto single = must_decode(k_single_choice);
    CHECK(single.id == "math.mult.001");
    CHECK(single.target_id == "math.mult");
    CHECK(single.kind == TaskKind::SingleChoice);
    CHECK(single.difficulty == 2);
    REQUIRE(single.slots.size() == 2);
    CHECK(single.slots[0].type == SlotSpec::Type::Range);
    CHECK(single.options.size() == 4);
    CHECK(single.options[1].feedback == "You added instead of multiplying.");

    auto numeric = must_decode(k_numeric);
    CHECK(std::get<std::string>(numeric.answer) == "w*h");
    CHECK(numeric.unit == "cm²");
    CHECK(numeric.mistakes.size() == 1);

    auto text = must_decode(k_short_text);
    CHECK(text.variants.size() == 3);
    CHECK(text.accepted_answers == std::vector<std::string> { "{capital}", "{capital} city" });

    auto cloze = must_decode(k_cloze);
    CHECK(cloze.gap_answers == std::vector<std::vector<std::string>> { { "on", "upon" }, { "at" } });
    CHECK(cloze.slots[0].type == SlotSpec::Type::Words);

    auto comparison = must_decode(k_comparison);
    CHECK(comparison.compare_a == "a*b");
    CHECK(comparison.comparison_feedback.at(Comparison::Equal) == "Work out {a} × {b} first.");

    for (auto kind : { TaskKind::SingleChoice, TaskKind::MultipleSelect, TaskKind::Numeric, TaskKind::ShortText,
             TaskKind::Cloze, TaskKind::Ordering, TaskKind::QuantitativeComparison })
        CHECK(parse_task_kind(task_kind_name(kind)).value() == kind);
}

TEST_CASE("invalid templates are rejected with a message naming the template and field")
{
    struct Case {
        Json json;
        std::string message;
        std::string field;
    };
    const Case cases[] = {
        { without(k_single_choice, "explanation"), "Template math.mult.001: explanation is required", "explanation" },
        { with(k_single_choice, "explanation", "   "), "Template math.mult.001: explanation is required", "explanation" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "1", "correct": true}, {"text": "2", "correct": true}])json")),
            "Template math.mult.001: options must have exactly one option with \"correct\": true (found 2)", "options" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "1"}, {"text": "2"}])json")),
            "Template math.mult.001: options must have exactly one option with \"correct\": true (found 0)", "options" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "1", "correct": true}])json")),
            "Template math.mult.001: options must have 2 to 10 entries", "options" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "Paris", "correct": true}, {"text": " paris. "}])json")),
            "Template math.mult.001: options[1] repeats the text of an earlier option", "options[1]" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "1", "correct": "yes"}, {"text": "2"}])json")),
            "Template math.mult.001: options[0].correct must be true or false", "options[0].correct" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "1", "correct": true}, {"text": "2", "feedbak": "x"}])json")),
            "Template math.mult.001: options[1].feedbak is not a field of an option", "options[1].feedbak" },
        { with(k_single_choice, "options", Json::parse(R"json([{"text": "{a*2}", "correct": true}, {"text": "{a+a}"}])json")),
            "Template math.mult.001: options or items render the same text for every draw tried; make them differ "
            "for all slot values",
            "" },
        { with(k_multiple_select, "options", Json::parse(R"json([{"text": "1"}, {"text": "2"}])json")),
            "Template math.primes.002: options must have at least one option with \"correct\": true", "options" },
        { with(k_ordering, "items", Json::parse(R"json(["only one"])json")),
            "Template math.order.006: items must have 2 to 10 entries", "items" },
        { with(k_ordering, "items", Json::parse(R"json(["a", "b", "A"])json")),
            "Template math.order.006: items[2] repeats an earlier item", "items[2]" },
        { with(k_numeric, "tolerance", -0.5), "Template math.area.003: tolerance must not be negative", "tolerance" },
        { with(k_numeric, "answer", "w*"),
            "Template math.area.003: answer has a bad expression: \"w*\" ends where a number, a name or ( was expected",
            "answer" },
        { with(k_numeric, "answer", "w/(h-2)"),
            "Template math.area.003: answer has a bad expression: \"w/(h-2)\" can divide by zero; choose ranges that "
            "exclude it",
            "answer" },
        { with(k_numeric, "answer", "w*q"),
            "Template math.area.003: answer has a bad expression: \"w*q\" uses q, which is not a slot or variant value "
            "defined before it",
            "answer" },
        { with(k_numeric, "answer", "w/3"),
            "Template math.area.003: tolerance must be given: the answer can be 1.333333..., which cannot be typed "
            "exactly (a tolerance such as 0.01 accepts rounded answers)",
            "tolerance" },
        { with(k_numeric, "answer", true),
            "Template math.area.003: answer must be a number or an expression string such as \"a*b\"", "answer" },
        { with(k_numeric, "options", Json::array()), "Template math.area.003: options is not a field of numeric templates",
            "options" },
        { with(k_cloze, "gaps", Json::parse(R"json([["on"]])json")),
            "Template eng.prepositions.005: gaps has 1 entries but text has 2 gaps (a gap is ___)", "gaps" },
        { with(k_cloze, "text", "No gaps here."), "Template eng.prepositions.005: gaps has 2 entries but text has 0 gaps (a gap is ___)",
            "gaps" },
        { with(k_cloze, "gaps", Json::parse(R"json([["on"], [""]])json")), "Template eng.prepositions.005: gaps[1][0] is required",
            "gaps[1][0]" },
        { with(k_cloze, "gaps", Json::parse(R"json([["on"], ["..."]])json")),
            "Template eng.prepositions.005: gaps[1][0] is empty once punctuation and spaces are removed", "gaps[1][0]" },
        { with(k_cloze, "prompt", "Sum {animal * 2}"),
            "Template eng.prepositions.005: prompt has a bad expression: \"animal * 2\" does arithmetic with the word animal",
            "prompt" },
        { with(k_short_text, "prompt", "Capital of {contry}?"),
            "Template geo.capitals.004: prompt uses {contry}, which is not a slot or variant value", "prompt" },
        { with(k_short_text, "prompt", "Capital of {country?"),
            "Template geo.capitals.004: prompt has a { without a matching } (write {{ for a literal brace)", "prompt" },
        { with(k_short_text, "prompt", "Capital of country}?"),
            "Template geo.capitals.004: prompt has a } without a matching { (write }} for a literal brace)", "prompt" },
        { with(k_short_text, "answers", Json::array()), "Template geo.capitals.004: answers must have 1 to 50 entries",
            "answers" },
        { with(k_short_text, "variants", Json::parse(R"json([{"country": "France", "capital": "Paris"}, {"country": "Peru"}])json")),
            "Template geo.capitals.004: variants[1] must have the same names as variants[0]", "variants[1]" },
        { with(k_short_text, "variants", Json::parse(R"json([{"country": "France", "capital": "Paris"}, {"country": "Peru", "capital": 5}])json")),
            "Template geo.capitals.004: variants[1].capital must appear, with the same type, in every variant",
            "variants[1].capital" },
        { with(k_comparison, "answer", "a_greater"),
            "Template math.compare.007: compare cannot be given together with answer", "compare" },
        { without(k_comparison, "compare"),
            "Template math.compare.007: answer is required (or \"compare\" to compute it)", "answer" },
        { with(without(k_comparison, "compare").dump().c_str(), "answer", "bigger"),
            "Template math.compare.007: answer must be one of a_greater, b_greater, equal, cannot_determine", "answer" },
        { with(k_comparison, "feedback", Json::parse(R"json({"same": "x"})json")),
            "Template math.compare.007: feedback.same is not a field of feedback (use a_greater, b_greater, equal or "
            "cannot_determine)",
            "feedback.same" },
        { with(k_single_choice, "difficulty", 6), "Template math.mult.001: difficulty must be an integer from 1 to 5",
            "difficulty" },
        { with(k_single_choice, "difficulty", 2.5), "Template math.mult.001: difficulty must be an integer", "difficulty" },
        { with(k_single_choice, "kind", "essay"),
            "Template math.mult.001: kind must be one of single_choice, multiple_select, numeric, short_text, cloze, "
            "ordering, quantitative_comparison",
            "kind" },
        { with(k_single_choice, "explantion", "typo"),
            "Template math.mult.001: explantion is not a field of single_choice templates", "explantion" },
        { with(k_single_choice, "target_id", "math mult"),
            "Template math.mult.001: target_id must be 1-100 letters, digits, dots, dashes or underscores", "target_id" },
        { with(k_single_choice, "id", "bad id!"), "id must be 1-100 letters, digits, dots, dashes or underscores", "id" },
        { without(k_single_choice, "id"), "id is required", "id" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "a", "min": 5, "max": 2}])json")),
            "Template math.mult.001: slots[0].max must not be less than min", "slots[0].max" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "a", "min": 1, "max": 2, "words": ["x"]}])json")),
            "Template math.mult.001: slots[0] must have exactly one of \"words\", \"min\"/\"max\" or \"expr\"",
            "slots[0]" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "a", "min": 1, "max": 2}, {"name": "a", "min": 1, "max": 2}])json")),
            "Template math.mult.001: slots[1].name \"a\" is already defined", "slots[1].name" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "2a", "min": 1, "max": 2}])json")),
            "Template math.mult.001: slots[0].name must be a name of letters, digits and _ (not starting with a digit, "
            "at most 32 characters)",
            "slots[0].name" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "a", "min": 1, "max": 1e30}])json")),
            "Template math.mult.001: slots[0].max must be an integer", "slots[0].max" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "b", "expr": "a + 1"}, {"name": "a", "min": 1, "max": 2}])json")),
            "Template math.mult.001: slots[0].expr has a bad expression: \"a + 1\" uses a, which is not a slot or variant "
            "value defined before it",
            "slots[0].expr" },
        { with(k_single_choice, "slots", Json::parse(R"json([{"name": "a", "min": 1000000, "max": 1000000}, {"name": "b", "expr": "a*a*a"}])json")),
            "Template math.mult.001: slots[1].expr has a bad expression: \"a*a*a\" can exceed ±10^12", "slots[1].expr" },
    };
    for (auto& c : cases) {
        INFO(c.json.dump());
        auto result = decode_task_template(c.json);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(result.error().message == c.message);
        CHECK(result.error().field == c.field);
    }
    CHECK(decode_task_template(Json::array()).error().message == "A task template must be a JSON object");
    CHECK(decode_task_template(Json::parse(R"json({"id": "x", "prompt": [[[{}]]]})json")).error().message
        == "Template x: target_id is required");
}
