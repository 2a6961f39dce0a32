// Fuzz target: a task template (curriculum as data, also written by
// schools through the API) is decoded, generated with a seed from the
// input, encoded for both views and graded against its own answer: any
// template that decodes must generate, round-trip and grade without a crash.
#include "core/json_reader.hpp"
#include "practice/grading.hpp"
#include "practice/tasks.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace learnloop;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto json = parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!json.ok())
        return 0;
    auto tmpl = decode_task_template(json.value());
    if (!tmpl.ok())
        return 0;
    std::uint64_t seed = size;
    for (std::size_t i = 0; i < size && i < 8; ++i)
        seed = seed * 131 + data[i];
    auto task = generate_task(tmpl.value(), seed);
    if (!task.ok())
        return 0;
    auto teacher_view = to_json(task.value(), TaskView::WithAnswers);
    auto again = decode_task(teacher_view);
    if (!again.ok())
        __builtin_trap();   // a generated task must decode from its own wire form
    (void)decode_task(to_json(task.value(), TaskView::ForStudent));
    (void)grade(task.value(), json.value());
    return 0;
}
