// Tests for shared-domain/curriculum.*: curriculum files, answer keys and template checks.
#include "practice/curriculum.hpp"
#include "practice/grading.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

Json sample_file()
{
    return Json::parse(R"({
      "subject": "maths", "strand": "number",
      "targets": [{"id": "math.mult.facts", "title": "Multiplication facts", "description": "Times tables to 12 x 12."}],
      "templates": [
        {"id": "math.mult.facts.001", "target_id": "math.mult.facts", "kind": "single_choice", "difficulty": 1,
         "prompt": "What is {a} × {b}?", "explanation": "{a} × {b} = {a*b}.",
         "slots": [{"name": "a", "min": 2, "max": 9}, {"name": "b", "min": 2, "max": 9}],
         "options": [{"text": "{a*b}", "correct": true}, {"text": "{a+b}", "feedback": "That is the sum."},
                     {"text": "{a*b+b}", "feedback": "One group too many."}]},
        {"id": "math.mult.facts.002", "target_id": "math.mult.facts", "kind": "ordering", "difficulty": 2,
         "prompt": "Order from smallest to largest.", "explanation": "Compare the products.",
         "items": ["2 × 3", "3 × 4", "5 × 5", "6 × 7"]}
      ]})");
}

} // namespace

TEST_CASE("a curriculum file decodes its targets and templates")
{
    auto file = decode_curriculum_file(sample_file());
    REQUIRE(file.ok());
    CHECK(file.value().subject == "maths");
    REQUIRE(file.value().targets.size() == 1);
    CHECK(file.value().targets[0].strand == "number");
    CHECK(file.value().templates.size() == 2);
    CHECK(file.value().template_json.size() == 2);
}

TEST_CASE("curriculum files reject unknown fields, unknown targets and repeated ids")
{
    auto json = sample_file();
    json["extra"] = 1;
    CHECK(decode_curriculum_file(json).error().message == "extra is not a field of a curriculum file");

    json = sample_file();
    json["templates"][0]["target_id"] = "math.other";
    CHECK(decode_curriculum_file(json).error().message
        == "Template math.mult.facts.001: target math.other is not one of this file's targets");

    json = sample_file();
    json["templates"][1]["id"] = "math.mult.facts.001";
    CHECK(decode_curriculum_file(json).error().message == "template math.mult.facts.001 appears twice");

    json = sample_file();
    json["targets"][0]["id"] = "Bad Id";
    CHECK(decode_curriculum_file(json).error().field == "targets[0].id");

    // Ids the database's CHECK refuses are refused here too: they start with a letter or digit.
    for (const char* id : { "-math.x", "_math.x", ".math.x" }) {
        INFO(id);
        json = sample_file();
        json["targets"][0]["id"] = id;
        for (auto& tmpl : json["templates"])
            tmpl["target_id"] = id;
        auto decoded = decode_curriculum_file(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().field == "targets[0].id");
    }
    json = sample_file();
    json["targets"][0]["id"] = "9math.x";
    for (auto& tmpl : json["templates"])
        tmpl["target_id"] = "9math.x";
    CHECK(decode_curriculum_file(json).ok());

    auto a = decode_curriculum_file(sample_file()).value();
    CHECK(check_curriculum({ a, a }).error().message == "target math.mult.facts is defined in two files");
}

TEST_CASE("every template's key grades correct and its distractors incorrect, for many seeds")
{
    auto file = decode_curriculum_file(sample_file()).value();
    for (const auto& tmpl : file.templates) {
        INFO(tmpl.id);
        auto check = check_template(tmpl, 100);
        REQUIRE(check.ok());
        CHECK(check.value().seeds_checked == 100);
        // The digest is a pure function of the template: the same every time.
        CHECK(check_template(tmpl, 100).value().digest == check.value().digest);
    }
}

TEST_CASE("a template whose mistake equals its answer fails the check with the seed named")
{
    auto tmpl = decode_task_template(Json::parse(R"({
        "id": "math.bad.001", "target_id": "math.bad", "kind": "numeric", "difficulty": 1,
        "prompt": "What is {a} + 1?", "explanation": "Add one.", "answer": "a+1",
        "slots": [{"name": "a", "min": 1, "max": 5}],
        "mistakes": [{"value": "a+1", "feedback": "This is wrongly listed as a mistake."}]})"));
    if (!tmpl.ok()) {
        // The decoder may already refuse a mistake equal to the answer; either way it never reaches students.
        SUCCEED(tmpl.error().message);
        return;
    }
    auto check = check_template(tmpl.value(), 10);
    REQUIRE_FALSE(check.ok());
    CHECK(check.error().message.find("math.bad.001 (seed") != std::string::npos);
}

TEST_CASE("the template check grades every accepted alternative and both edges of a tolerance as correct")
{
    auto text = decode_task_template(Json::parse(R"({
        "id": "eng.spell.colour.001", "target_id": "eng.spell", "kind": "short_text", "difficulty": 1,
        "prompt": "Spell the word for red or blue.", "explanation": "Both spellings are accepted.",
        "answers": ["colour", "color"]})"));
    REQUIRE(text.ok());
    auto task = generate_task(text.value(), 1).value();
    auto answers = correct_answers(task);
    REQUIRE(answers.size() == 2);
    CHECK(answers[1] == Json { { "text", "color" } });
    auto cloze = decode_task_template(Json::parse(R"({
        "id": "eng.prep.001", "target_id": "eng.prep", "kind": "cloze", "difficulty": 1,
        "prompt": "Fill the gaps.", "explanation": "Time prepositions.",
        "text": "See you ___ Monday ___ noon.", "gaps": [["on"], ["at", "around"]]})"));
    REQUIRE(cloze.ok());
    auto cloze_answers = correct_answers(generate_task(cloze.value(), 1).value());
    REQUIRE(cloze_answers.size() == 2);
    CHECK(cloze_answers[1] == Json { { "gaps", { "on", "around" } } });
    auto numeric = decode_task_template(Json::parse(R"({
        "id": "math.third.001", "target_id": "math.third", "kind": "numeric", "difficulty": 1,
        "prompt": "What is 1/3 as a decimal?", "explanation": "1 ÷ 3 = 0.333...", "answer": "1/3", "tolerance": 0.005})"));
    REQUIRE(numeric.ok());
    auto numeric_task = generate_task(numeric.value(), 1).value();
    auto numeric_answers = correct_answers(numeric_task);
    REQUIRE(numeric_answers.size() == 3);
    for (const auto& answer : numeric_answers)
        CHECK(grade(numeric_task, answer).value().verdict == Verdict::Correct);
    // And all of them are part of the check.
    for (const auto* tmpl : { &text.value(), &cloze.value(), &numeric.value() })
        CHECK(check_template(*tmpl, 5).ok());
}
