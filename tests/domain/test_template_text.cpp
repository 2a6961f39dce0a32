// Tests for shared-domain/practice/template_text.hpp (expression.cpp,
// placeholders.cpp): placeholders, number formatting and expressions.
#include "task_samples.hpp"

using namespace learnloop;
using namespace learnloop::test;

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
