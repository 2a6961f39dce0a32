// Fuzz target: the text parsers: dates, emails, names, passwords, the
// arithmetic expressions of maths templates and the response-log importer
// (TSV). Any bytes give a value or an error.
#include "core/calendar.hpp"
#include "identity/user_fields.hpp"
#include "practice/knowledge_tracing.hpp"
#include "practice/template_text.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace learnloop;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)parse_local_datetime(text);
    (void)parse_utc_timestamp(text);
    (void)validate_email(text);
    (void)validate_display_name(text);
    (void)validate_new_password(text, "someone@example.org");
    (void)parse_response_log(text);
    detail::Values values;
    (void)detail::evaluate_source(text, values);
    (void)detail::render(text, values);
    return 0;
}
