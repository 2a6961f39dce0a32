// Fuzz target: every JSON decoder a request body or a stored document
// reaches. Any input must give a value or an error, never a crash, a hang
// or undefined behaviour (run under AddressSanitizer and UBSan).
#include "core/dto.hpp"
#include "core/json_reader.hpp"
#include "identity/new_user.hpp"
#include "practice/curriculum.hpp"
#include "practice/grading.hpp"
#include "practice/heatmap.hpp"
#include "practice/mastery.hpp"
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
    const Json& body = json.value();
    (void)read_new_user_input(body);
    (void)apply_profile_changes(body, Json::object());
    (void)decode_health_response(body);
    (void)decode_error_body(body);
    (void)decode_curriculum_file(body);
    (void)decode_task_template(body);
    (void)decode_bkt_params(body);
    (void)decode_class_heatmap(body);
    // A task from the wire, then the same document as an answer to it.
    if (auto task = decode_task(body); task.ok()) {
        (void)decode_answer(task.value(), body);
        (void)grade(task.value(), body);
        (void)to_json(task.value(), TaskView::ForStudent);
    }
    return 0;
}
