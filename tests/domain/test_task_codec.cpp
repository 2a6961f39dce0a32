// Tests for shared-domain/practice/task_codec.cpp: the student view leaves out
// answers, and decoding refuses tasks whose invariants do not hold.
#include "task_samples.hpp"

using namespace learnloop;
using namespace learnloop::test;

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
