// Tests for shared-domain/practice/tasks.*: whatever the input, decoding
// templates and tasks and grading answers never throw.
#include "task_samples.hpp"

using namespace learnloop;
using namespace learnloop::test;

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

TEST_CASE("a task's right answer in words, for a review", "[tasks]")
{
    Task choice;
    choice.kind = TaskKind::MultipleSelect;
    choice.options = { { "(0, 0)", true, "" }, { "(8, 8)", false, "" }, { "(6, 0)", true, "" } };
    CHECK(answer_key_for_people(choice) == "(0, 0); (6, 0)");
    Task number;
    number.kind = TaskKind::Numeric;
    number.answer = 2.65;
    number.tolerance = 0.01;
    number.unit = "cm";
    CHECK(answer_key_for_people(number) == "2.65 (\xC2\xB1 0.01) cm");
    Task text;
    text.kind = TaskKind::ShortText;
    text.accepted_answers = { "Paris", "paris" };
    CHECK(answer_key_for_people(text) == "Paris (also: paris)");
    Task order;
    order.kind = TaskKind::Ordering;
    order.items = { "b", "a", "c" };
    order.correct_order = { 1, 0, 2 };
    CHECK(answer_key_for_people(order) == "a \xE2\x86\x92 b \xE2\x86\x92 c");
    Task compare;
    compare.kind = TaskKind::QuantitativeComparison;
    compare.comparison = Comparison::CannotDetermine;
    CHECK(answer_key_for_people(compare) == "It cannot be determined");
    for (auto c : k_comparisons)
        CHECK_FALSE(comparison_for_people(c).empty());
}
