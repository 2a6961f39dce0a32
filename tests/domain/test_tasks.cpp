// Tests for shared-domain/tasks.*: template decoding and validation, seeded
// generation, placeholders and expressions, and the task wire codec.
#include "practice/grading.hpp"
#include "practice/tasks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <set>
#include <string>

using namespace learnloop;

namespace {

TaskTemplate must_decode(const char* text)
{
    auto decoded = decode_task_template(Json::parse(text));
    INFO((decoded.ok() ? std::string() : decoded.error().message));
    REQUIRE(decoded.ok());
    return decoded.value();
}

Task must_generate(const TaskTemplate& tmpl, std::uint64_t seed)
{
    auto task = generate_task(tmpl, seed);
    INFO((task.ok() ? std::string() : task.error().message));
    REQUIRE(task.ok());
    return task.value();
}

// One template of every kind, using every slot type between them.
const char* const k_single_choice = R"json({
    "id": "math.mult.001", "target_id": "math.mult", "kind": "single_choice", "difficulty": 2,
    "prompt": "What is {a} × {b}?",
    "explanation": "{a} × {b} means {a} groups of {b}, which is {a*b}.",
    "slots": [{"name": "a", "min": 2, "max": 9}, {"name": "b", "min": 2, "max": 9}],
    "options": [
        {"text": "{a*b}", "correct": true},
        {"text": "{a+b}", "feedback": "You added instead of multiplying."},
        {"text": "{a*b+1}", "feedback": "Close: count the groups again."},
        {"text": "{a*b-b}", "feedback": "That is one group too few."}
    ]
})json";

const char* const k_multiple_select = R"json({
    "id": "math.primes.002", "target_id": "math.primes", "kind": "multiple_select", "difficulty": 3,
    "prompt": "Which of these numbers are prime?",
    "explanation": "A prime has exactly two factors: 1 and itself.",
    "options": [
        {"text": "2", "correct": true, "feedback": "2 is prime: its only factors are 1 and 2."},
        {"text": "9", "feedback": "9 = 3 × 3, so it is not prime."},
        {"text": "11", "correct": true},
        {"text": "15", "feedback": "15 = 3 × 5."},
        {"text": "1", "feedback": "1 has only one factor, so it is not prime."}
    ]
})json";

const char* const k_numeric = R"json({
    "id": "math.area.003", "target_id": "math.area", "kind": "numeric", "difficulty": 2,
    "prompt": "A rectangle is {w} cm wide and {h} cm tall. What is its area?",
    "explanation": "Area = width × height = {w} × {h} = {w*h} cm².",
    "slots": [{"name": "w", "min": 2, "max": 20}, {"name": "h", "min": 2, "max": 20, "step": 2}],
    "answer": "w*h", "tolerance": 0, "unit": "cm²",
    "mistakes": [{"answer": "2*(w+h)", "feedback": "That is the perimeter, the distance around."}]
})json";

const char* const k_short_text = R"json({
    "id": "geo.capitals.004", "target_id": "geo.capitals", "kind": "short_text", "difficulty": 1,
    "prompt": "What is the capital of {country}?",
    "explanation": "The capital of {country} is {capital}.",
    "variants": [
        {"country": "France", "capital": "Paris"},
        {"country": "Japan", "capital": "Tokyo"},
        {"country": "Kenya", "capital": "Nairobi"}
    ],
    "answers": ["{capital}", "{capital} city"]
})json";

const char* const k_cloze = R"json({
    "id": "eng.prepositions.005", "target_id": "eng.prepositions", "kind": "cloze", "difficulty": 1,
    "prompt": "Fill in the gaps.",
    "explanation": "We sit on a surface, and we say 'at night'.",
    "slots": [{"name": "animal", "words": ["cat", "dog", "fox"]}],
    "text": "The {animal} sat ___ the mat and slept ___ night.",
    "gaps": [["on", "upon"], "at"]
})json";

const char* const k_ordering = R"json({
    "id": "math.order.006", "target_id": "math.order", "kind": "ordering", "difficulty": 2,
    "prompt": "Put these numbers in order from smallest to largest.",
    "explanation": "Compare the tens first, then the ones.",
    "slots": [{"name": "a", "min": 1, "max": 50}, {"name": "d", "min": 1, "max": 9}],
    "items": ["{a}", "{a+d}", "{a+2*d}", "{a+3*d}", "{a+4*d}"]
})json";

const char* const k_comparison = R"json({
    "id": "math.compare.007", "target_id": "math.compare", "kind": "quantitative_comparison", "difficulty": 4,
    "prompt": "Compare quantity A and quantity B.",
    "explanation": "{a} × {b} = {a*b}, and B is {c}.",
    "slots": [{"name": "a", "min": 2, "max": 9}, {"name": "b", "min": 2, "max": 9}, {"name": "c", "min": 4, "max": 81}],
    "quantity_a": "{a} × {b}", "quantity_b": "{c}",
    "compare": {"a": "a*b", "b": "c"},
    "feedback": {"equal": "Work out {a} × {b} first."}
})json";

const char* const k_all_kinds[] = { k_single_choice, k_multiple_select, k_numeric, k_short_text, k_cloze, k_ordering,
    k_comparison };

Json with(const char* base, const char* key, Json value)
{
    auto json = Json::parse(base);
    json[key] = std::move(value);
    return json;
}

Json without(const char* base, const char* key)
{
    auto json = Json::parse(base);
    json.erase(key);
    return json;
}

} // namespace

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

TEST_CASE("every kind renders 200 seeds into valid tasks that survive the wire")
{
    for (auto text : k_all_kinds) {
        auto tmpl = must_decode(text);
        INFO(tmpl.id);
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            INFO("seed " << seed);
            auto task = must_generate(tmpl, seed);
            CHECK(task.seed == seed);
            CHECK(task.template_id == tmpl.id);
            CHECK(task.target_id == tmpl.target_id);
            CHECK(validate_task(task).ok());
            // No placeholder is left unrendered.
            auto json = to_json(task, TaskView::WithAnswers);
            CHECK(task.prompt.find('{') == std::string::npos);
            CHECK(task.explanation.find('{') == std::string::npos);
            // What the server sends is what the client rebuilds.
            auto decoded = decode_task(Json::parse(json.dump()));
            REQUIRE(decoded.ok());
            CHECK(decoded.value() == task);
        }
    }
}

TEST_CASE("slot values stay in their ranges and answers follow from them")
{
    auto numeric = must_decode(k_numeric);
    std::set<double> answers;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        auto task = must_generate(numeric, seed);
        int w = 0, h = 0;
        REQUIRE(std::sscanf(task.prompt.c_str(), "A rectangle is %d cm wide and %d cm tall.", &w, &h) == 2);
        CHECK((w >= 2 && w <= 20));
        CHECK((h >= 2 && h <= 20 && h % 2 == 0));
        CHECK(task.answer == w * h);
        CHECK(task.numeric_mistakes.at(0).value == 2 * (w + h));
        CHECK(task.unit == "cm²");
        answers.insert(task.answer);
    }
    CHECK(answers.size() > 50);

    auto comparison = must_decode(k_comparison);
    std::set<Comparison> seen;
    for (std::uint64_t seed = 0; seed < 400; ++seed) {
        auto task = must_generate(comparison, seed);
        int a = 0, b = 0, c = 0;
        REQUIRE(std::sscanf(task.quantity_a.c_str(), "%d × %d", &a, &b) == 2);
        c = std::stoi(task.quantity_b);
        auto expected = a * b > c ? Comparison::AGreater : a * b < c ? Comparison::BGreater : Comparison::Equal;
        CHECK(task.comparison == expected);
        seen.insert(task.comparison);
        if (task.comparison == Comparison::Equal)
            CHECK(task.comparison_feedback.at(Comparison::Equal) == "Work out " + task.quantity_a + " first.");
    }
    CHECK(seen.size() == 3);

    auto text = must_decode(k_short_text);
    std::set<std::string> capitals;
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        auto task = must_generate(text, seed);
        // A variant row keeps country and capital together.
        auto capital = task.accepted_answers.at(0);
        auto country = task.prompt.substr(23, task.prompt.size() - 24);   // "What is the capital of X?"
        CHECK(task.explanation == "The capital of " + country + " is " + capital + ".");
        CHECK(task.accepted_answers.at(1) == capital + " city");
        capitals.insert(capital);
    }
    CHECK(capitals == std::set<std::string> { "Paris", "Tokyo", "Nairobi" });
}

TEST_CASE("the same seed gives the same task, byte for byte")
{
    for (auto text : k_all_kinds) {
        auto tmpl = must_decode(text);
        for (std::uint64_t seed : { 0ULL, 1ULL, 99ULL, 0xFFFFFFFFFFFFFFFFULL }) {
            auto first = to_json(must_generate(tmpl, seed), TaskView::WithAnswers).dump();
            auto again = to_json(must_generate(must_decode(text), seed), TaskView::WithAnswers).dump();
            CHECK(first == again);
        }
    }
}

TEST_CASE("different seeds shuffle choice options, and the grader still knows the correct one")
{
    auto tmpl = must_decode(k_multiple_select);
    std::set<std::vector<std::string>> orders;
    int correct_first = 0;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        auto task = must_generate(tmpl, seed);
        std::vector<std::string> order;
        for (auto& option : task.options) {
            order.push_back(option.text);
            // Correctness and feedback travel with the option text.
            CHECK(option.correct == (option.text == "2" || option.text == "11"));
            if (option.text == "9")
                CHECK(option.feedback == "9 = 3 × 3, so it is not prime.");
        }
        correct_first += task.options[0].correct ? 1 : 0;
        orders.insert(order);
    }
    CHECK(orders.size() > 60);                              // of 120 permutations
    CHECK((correct_first > 50 && correct_first < 110));   // about 2 in 5

    auto single = must_decode(k_single_choice);
    CHECK(to_json(must_generate(single, 1), TaskView::WithAnswers)["options"]
        != to_json(must_generate(single, 2), TaskView::WithAnswers)["options"]);
}

TEST_CASE("ordering items are never presented already in order")
{
    auto tmpl = must_decode(k_ordering);
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        auto task = must_generate(tmpl, seed);
        REQUIRE(task.items.size() == 5);
        std::vector<int> in_correct_order;
        for (auto index : task.correct_order)
            in_correct_order.push_back(std::stoi(task.items.at(index)));
        CHECK(std::is_sorted(in_correct_order.begin(), in_correct_order.end()));
        std::vector<std::size_t> identity { 0, 1, 2, 3, 4 };
        CHECK(task.correct_order != identity);
    }
    // Two items can only be shown one way round.
    auto pair = must_decode(R"json({"id": "p", "target_id": "t", "kind": "ordering", "difficulty": 1,
        "prompt": "Order", "explanation": "E", "items": ["first", "second"]})json");
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        CHECK(must_generate(pair, seed).items == std::vector<std::string> { "second", "first" });
}

TEST_CASE("options that collide for a draw are redrawn deterministically")
{
    // a + b == a * b only for a = b = 2; such draws are redrawn, never shown.
    auto tmpl = must_decode(R"json({"id": "c", "target_id": "t", "kind": "single_choice", "difficulty": 1,
        "prompt": "{a} and {b}", "explanation": "E",
        "slots": [{"name": "a", "min": 2, "max": 3}, {"name": "b", "min": 2, "max": 3}],
        "options": [{"text": "{a*b}", "correct": true}, {"text": "{a+b}"}]})json");
    int redrawn = 0;
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        auto task = must_generate(tmpl, seed);
        CHECK(task.options[0].text != task.options[1].text);
        redrawn += task.prompt == "2 and 2" ? 0 : 1;
        CHECK(task.prompt != "2 and 2");
        CHECK(to_json(task, TaskView::WithAnswers) == to_json(must_generate(tmpl, seed), TaskView::WithAnswers));
    }
    CHECK(redrawn == 100);
}

TEST_CASE("placeholders format numbers, words and literal braces")
{
    auto tmpl = must_decode(R"json({"id": "fmt", "target_id": "t", "kind": "numeric", "difficulty": 1,
        "prompt": "{{set}} {n}: {1/3} {p} {-a} {(a + 2) * 3 - a / 2} {0.1 + 0.2} {big} {{ }}",
        "explanation": "{item} costs {p}.",
        "slots": [
            {"name": "a", "min": 4, "max": 4},
            {"name": "p", "expr": "a * 0.625", "decimals": 2},
            {"name": "big", "expr": "a * 250000000"},
            {"name": "item", "words": ["pen"]}
        ],
        "variants": [{"n": 7}],
        "answer": "p * 2", "tolerance": 0.005, "unit": "{item}s"})json");
    auto task = must_generate(tmpl, 5);
    CHECK(task.prompt == "{set} 7: 0.333333 2.50 -4 16 0.3 1000000000 { }");
    CHECK(task.explanation == "pen costs 2.50.");
    CHECK(task.answer == 5);
    CHECK(task.unit == "pens");

    auto rounding = must_decode(R"json({"id": "r", "target_id": "t", "kind": "numeric", "difficulty": 1,
        "prompt": "{x} {y} {z}", "explanation": "E",
        "slots": [{"name": "x", "expr": "2/3", "decimals": 0}, {"name": "y", "expr": "-5/2", "decimals": 0},
                  {"name": "z", "expr": "-1/3000000"}],
        "answer": "x + y"})json");
    auto rounded = must_generate(rounding, 1);
    CHECK(rounded.prompt == "1 -3 0");   // half away from zero; a tiny negative shows as 0
    CHECK(rounded.answer == -2);
}

TEST_CASE("ForStudent JSON leaves out every answer")
{
    for (auto text : k_all_kinds) {
        auto task = must_generate(must_decode(text), 11);
        auto json = to_json(task, TaskView::ForStudent);
        INFO(json.dump());
        CHECK(json["view"] == "for_student");
        for (auto key : { "explanation", "answer", "answers", "tolerance", "mistakes", "gaps", "correct_order",
                 "feedback" })
            CHECK_FALSE(json.contains(key));
        if (json.contains("options"))
            for (auto& option : json["options"])
                CHECK(option.size() == 1);
        auto decoded = decode_task(json);
        REQUIRE(decoded.ok());
        CHECK(decoded.value().view == TaskView::ForStudent);
        CHECK(decoded.value().prompt == task.prompt);
        // A task without answers cannot be turned back into one with them.
        CHECK(to_json(decoded.value(), TaskView::WithAnswers)["view"] == "for_student");
    }
}

// Pins the exact output for fixed seeds: any difference between platforms
// (PRNG, expression arithmetic, number formatting, JSON) fails here in one of
// the two builds, since both run this same test.
TEST_CASE("generated tasks are pinned byte for byte for fixed seeds")
{
    CHECK(to_json(must_generate(must_decode(k_single_choice), 42), TaskView::WithAnswers).dump()
        == R"json({"difficulty":2,"explanation":"8 × 3 means 8 groups of 3, which is 24.","kind":"single_choice","options":[{"correct":true,"text":"24"},{"correct":false,"feedback":"Close: count the groups again.","text":"25"},{"correct":false,"feedback":"You added instead of multiplying.","text":"11"},{"correct":false,"feedback":"That is one group too few.","text":"21"}],"prompt":"What is 8 × 3?","seed":"42","target_id":"math.mult","template_id":"math.mult.001","view":"with_answers"})json");
    CHECK(to_json(must_generate(must_decode(k_ordering), 7), TaskView::WithAnswers).dump()
        == R"json({"correct_order":[4,3,1,2,0],"difficulty":2,"explanation":"Compare the tens first, then the ones.","items":["21","15","18","12","9"],"kind":"ordering","prompt":"Put these numbers in order from smallest to largest.","seed":"7","target_id":"math.order","template_id":"math.order.006","view":"with_answers"})json");
    auto division = must_decode(R"json({"id": "div", "target_id": "t", "kind": "numeric", "difficulty": 3,
        "prompt": "Share {total} kg among {n} bags: {total / n}, {p}",
        "explanation": "E",
        "slots": [{"name": "n", "min": 3, "max": 7}, {"name": "total", "min": 10, "max": 99},
                  {"name": "p", "expr": "total / n * 1.1", "decimals": 3}],
        "answer": "total / n", "tolerance": 0.01, "unit": "kg"})json");
    CHECK(to_json(must_generate(division, 2024), TaskView::WithAnswers).dump()
        == R"json({"answer":15.333333333333334,"difficulty":3,"explanation":"E","kind":"numeric","mistakes":[],"prompt":"Share 92 kg among 6 bags: 15.333333, 16.867","seed":"2024","target_id":"t","template_id":"div","tolerance":0.01,"unit":"kg","view":"with_answers"})json");
}

TEST_CASE("templates built in code without decoding fail generation cleanly")
{
    TaskTemplate tmpl;
    tmpl.id = "hand";
    tmpl.target_id = "t";
    tmpl.prompt = "P";
    tmpl.explanation = "E";
    CHECK(generate_task(tmpl, 1).error().message == "Task must have 2 to 10 options");
    tmpl.kind = TaskKind::Ordering;
    CHECK(generate_task(tmpl, 1).error().message == "Task must have 2 to 10 items");
    tmpl.items = { "only" };
    CHECK(generate_task(tmpl, 1).error().message == "Task must have 2 to 10 items");
    tmpl.kind = TaskKind::Numeric;
    tmpl.answer = std::string("a +");
    CHECK_FALSE(generate_task(tmpl, 1).ok());
    tmpl.answer = std::string("missing * 2");
    CHECK(generate_task(tmpl, 1).error().code == ErrorCode::Internal);
    tmpl.answer = 1.0;
    tmpl.slots = { SlotSpec { "x", SlotSpec::Type::Computed, {}, 0, 0, 1, "1/3", 12 } };
    CHECK(generate_task(tmpl, 1).error().message == "Slot x has decimals outside 0-6");
    tmpl.slots = { SlotSpec { "w", SlotSpec::Type::Words, {}, 0, 0, 1, "", -1 } };
    CHECK(generate_task(tmpl, 1).error().message == "Slot w has no words");
    tmpl.slots = { SlotSpec { "r", SlotSpec::Type::Range, {}, 5, 1, 0, "", -1 } };
    CHECK(generate_task(tmpl, 1).error().message == "Slot r has an empty range");
    tmpl.slots.clear();
    tmpl.kind = TaskKind::Cloze;
    tmpl.cloze_text = "A ___ B ___";
    tmpl.gap_answers = { { "x" } };
    CHECK(generate_task(tmpl, 1).error().message == "Task needs accepted answers for each gap");
}

// The same across every kind and 200 seeds, as one digest.
TEST_CASE("200 seeds of every kind hash to a pinned digest")
{
    std::uint64_t digest = 0;
    for (auto text : k_all_kinds) {
        auto tmpl = must_decode(text);
        for (std::uint64_t seed = 0; seed < 200; ++seed)
            digest = mix_seed(digest, hash_text(to_json(must_generate(tmpl, seed), TaskView::WithAnswers).dump()));
    }
    CHECK(digest == 0x605fe69ef03443c8ULL);
}

TEST_CASE("decode_task rejects tasks whose invariants do not hold")
{
    auto ordering = to_json(must_generate(must_decode(k_ordering), 3), TaskView::WithAnswers);
    auto broken = ordering;
    broken["correct_order"] = { 0, 0, 1, 2, 3 };
    CHECK(decode_task(broken).error().message == "Task correct_order must be a permutation of the item indices");
    broken["correct_order"] = { 0, 1, 2, 3, 9 };
    CHECK(decode_task(broken).error().message == "Task correct_order must hold item indices");
    broken["correct_order"] = { 0, 1, 2, 3, -1 };
    CHECK_FALSE(decode_task(broken).ok());

    auto single = to_json(must_generate(must_decode(k_single_choice), 3), TaskView::WithAnswers);
    broken = single;
    for (auto& option : broken["options"])
        option["correct"] = true;
    CHECK(decode_task(broken).error().message == "Task must have exactly one correct option");
    broken = single;
    broken["seed"] = 3;
    CHECK(decode_task(broken).error().field == "seed");
    broken["seed"] = "99999999999999999999";
    CHECK(decode_task(broken).error().message == "Task seed is out of range");
    broken = single;
    broken["kind"] = "essay";
    CHECK(decode_task(broken).error().field == "kind");
    broken = single;
    broken.erase("explanation");
    CHECK(decode_task(broken).error().field == "explanation");
    CHECK_FALSE(decode_task(Json::array()).ok());
    CHECK_FALSE(decode_task(Json::parse(R"json({"kind": [[[[]]]]})json")).ok());

    auto seed_max = single;
    seed_max["seed"] = "18446744073709551615";
    REQUIRE(decode_task(seed_max).ok());
    CHECK(decode_task(seed_max).value().seed == 0xFFFFFFFFFFFFFFFFULL);

    auto cloze = to_json(must_generate(must_decode(k_cloze), 3), TaskView::WithAnswers);
    cloze["gaps"] = { { "on" } };
    CHECK(decode_task(cloze).error().message == "Task needs accepted answers for each gap");

    auto numeric = to_json(must_generate(must_decode(k_numeric), 3), TaskView::WithAnswers);
    numeric["tolerance"] = -1;
    CHECK(decode_task(numeric).error().message == "Task needs a finite answer and a non-negative tolerance");
    numeric["tolerance"] = "0.5";
    CHECK(decode_task(numeric).error().field == "tolerance");

    // Fields a newer server adds are ignored by an older client.
    auto extended = single;
    extended["hint"] = "think of groups";
    CHECK(decode_task(extended).ok());
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

TEST_CASE("expressions follow the usual precedence and reject what they cannot read")
{
    auto value_of = [](const char* expression) {
        Json json = Json::parse(R"json({"id": "e", "target_id": "t", "kind": "numeric", "difficulty": 1,
            "prompt": "P", "explanation": "E", "slots": [{"name": "a", "min": 6, "max": 6}]})json");
        json["answer"] = expression;
        return must_generate(must_decode(json.dump().c_str()), 0).answer;
    };
    CHECK(value_of("2 + 3 * 4") == 14);
    CHECK(value_of("(2 + 3) * 4") == 20);
    CHECK(value_of("a - 2 - 1") == 3);
    CHECK(value_of("a / 4 / 3") == 0.5);
    CHECK(value_of("-a * -2") == 12);
    CHECK(value_of("--a") == 6);
    CHECK(value_of("0.1 + 0.2") == 0.1 + 0.2);
    CHECK(value_of("  a*a  ") == 36);

    for (auto bad : { "", "a +", "(a", "a)", "2..5", "3.", "a ^ 2", "a % 2", "sqrt(a)", "1e5", "1234567890123456",
             "((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))" }) {
        Json json = Json::parse(R"json({"id": "e", "target_id": "t", "kind": "numeric", "difficulty": 1,
            "prompt": "P", "explanation": "E", "slots": [{"name": "a", "min": 6, "max": 6}]})json");
        json["answer"] = bad;
        INFO(bad);
        auto result = decode_task_template(json);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().field == "answer");
    }
}

namespace {

// Deterministic junk: every JSON type, hostile numbers, invalid UTF-8, long
// strings, nesting, and keys the decoders look for.
Json junk(SeededRandom& rng, int depth)
{
    static const char* const keys[] = { "choice", "choices", "value", "text", "gaps", "order", "correct", "feedback",
        "name", "min", "max", "expr", "words", "a", "b", "answer" };
    switch (rng.below(depth > 3 ? 7 : 9)) {
    case 0:
        return nullptr;
    case 1:
        return rng.below(2) == 1;
    case 2:
        return static_cast<std::int64_t>(rng.next());
    case 3:
        return rng.below(2) ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(rng.below(12));
    case 4: {
        const double values[] = { std::nan(""), std::numeric_limits<double>::infinity(), -1e308, 0.5, -0.0, 1e-300 };
        return values[rng.below(6)];
    }
    case 5: {
        std::string text;
        auto length = rng.below(4) == 0 ? 5000 : rng.below(12);
        for (std::uint64_t i = 0; i < length; ++i)
            text += static_cast<char>(rng.below(4) == 0 ? rng.below(256) : 'a' + rng.below(26));
        if (rng.below(3) == 0)
            text += "{a*b}{";
        return text;
    }
    case 6:
        return static_cast<std::int64_t>(rng.below(6)) - 1;
    case 7: {
        Json array = Json::array();
        for (std::uint64_t i = rng.below(6); i > 0; --i)
            array.push_back(junk(rng, depth + 1));
        return array;
    }
    default: {
        Json object = Json::object();
        for (std::uint64_t i = rng.below(4); i > 0; --i)
            object[keys[rng.below(std::size(keys))]] = junk(rng, depth + 1);
        return object;
    }
    }
}

// Replaces one randomly chosen value, at any depth, with junk.
void mutate(Json& json, SeededRandom& rng)
{
    Json* node = &json;
    while ((node->is_object() || node->is_array()) && !node->empty() && rng.below(3) != 0) {
        auto index = rng.below(node->size());
        auto it = node->begin();
        std::advance(it, static_cast<std::ptrdiff_t>(index));
        node = &*it;
    }
    *node = junk(rng, 2);
}

} // namespace

TEST_CASE("random junk never throws from decode_task_template, decode_task or grade")
{
    SeededRandom rng(2024);
    int templates_accepted = 0;
    for (auto text : k_all_kinds) {
        auto valid = Json::parse(text);
        auto task_json = to_json(must_generate(must_decode(text), 5), TaskView::WithAnswers);
        for (int round = 0; round < 300; ++round) {
            auto broken = valid;
            mutate(broken, rng);
            auto tmpl = decode_task_template(broken);
            if (tmpl.ok()) {
                ++templates_accepted;
                CHECK(generate_task(tmpl.value(), rng.next()).ok());
            } else {
                CHECK(tmpl.error().code == ErrorCode::InvalidArgument);
            }

            auto broken_task = task_json;
            mutate(broken_task, rng);
            auto task = decode_task(broken_task);
            auto graded = grade(task.ok() ? task.value() : decode_task(task_json).value(), junk(rng, 0));
            if (!graded.ok())
                CHECK(graded.error().code == ErrorCode::InvalidArgument);
        }
    }
    CHECK(templates_accepted > 0);   // some mutations are harmless (e.g. another valid difficulty)
}
