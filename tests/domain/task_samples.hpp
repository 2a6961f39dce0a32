// Sample templates of every kind and helpers shared by the task tests
// (test_task_template, test_task_generation, test_task_codec, test_template_text, test_tasks).
#pragma once

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

namespace learnloop::test {

inline TaskTemplate must_decode(const char* text)
{
    auto decoded = decode_task_template(Json::parse(text));
    INFO((decoded.ok() ? std::string() : decoded.error().message));
    REQUIRE(decoded.ok());
    return decoded.value();
}

inline Task must_generate(const TaskTemplate& tmpl, std::uint64_t seed)
{
    auto task = generate_task(tmpl, seed);
    INFO((task.ok() ? std::string() : task.error().message));
    REQUIRE(task.ok());
    return task.value();
}

// One template of every kind, using every slot type between them.
inline constexpr const char* k_single_choice = R"json({
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

inline constexpr const char* k_multiple_select = R"json({
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

inline constexpr const char* k_numeric = R"json({
    "id": "math.area.003", "target_id": "math.area", "kind": "numeric", "difficulty": 2,
    "prompt": "A rectangle is {w} cm wide and {h} cm tall. What is its area?",
    "explanation": "Area = width × height = {w} × {h} = {w*h} cm².",
    "slots": [{"name": "w", "min": 2, "max": 20}, {"name": "h", "min": 2, "max": 20, "step": 2}],
    "answer": "w*h", "tolerance": 0, "unit": "cm²",
    "mistakes": [{"answer": "2*(w+h)", "feedback": "That is the perimeter, the distance around."}]
})json";

inline constexpr const char* k_short_text = R"json({
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

inline constexpr const char* k_cloze = R"json({
    "id": "eng.prepositions.005", "target_id": "eng.prepositions", "kind": "cloze", "difficulty": 1,
    "prompt": "Fill in the gaps.",
    "explanation": "We sit on a surface, and we say 'at night'.",
    "slots": [{"name": "animal", "words": ["cat", "dog", "fox"]}],
    "text": "The {animal} sat ___ the mat and slept ___ night.",
    "gaps": [["on", "upon"], "at"]
})json";

inline constexpr const char* k_ordering = R"json({
    "id": "math.order.006", "target_id": "math.order", "kind": "ordering", "difficulty": 2,
    "prompt": "Put these numbers in order from smallest to largest.",
    "explanation": "Compare the tens first, then the ones.",
    "slots": [{"name": "a", "min": 1, "max": 50}, {"name": "d", "min": 1, "max": 9}],
    "items": ["{a}", "{a+d}", "{a+2*d}", "{a+3*d}", "{a+4*d}"]
})json";

inline constexpr const char* k_comparison = R"json({
    "id": "math.compare.007", "target_id": "math.compare", "kind": "quantitative_comparison", "difficulty": 4,
    "prompt": "Compare quantity A and quantity B.",
    "explanation": "{a} × {b} = {a*b}, and B is {c}.",
    "slots": [{"name": "a", "min": 2, "max": 9}, {"name": "b", "min": 2, "max": 9}, {"name": "c", "min": 4, "max": 81}],
    "quantity_a": "{a} × {b}", "quantity_b": "{c}",
    "compare": {"a": "a*b", "b": "c"},
    "feedback": {"equal": "Work out {a} × {b} first."}
})json";

inline constexpr const char* k_all_kinds[] = { k_single_choice, k_multiple_select, k_numeric, k_short_text, k_cloze, k_ordering,
    k_comparison };

inline Json with(const char* base, const char* key, Json value)
{
    auto json = Json::parse(base);
    json[key] = std::move(value);
    return json;
}

inline Json without(const char* base, const char* key)
{
    auto json = Json::parse(base);
    json.erase(key);
    return json;
}

} // namespace learnloop::test
