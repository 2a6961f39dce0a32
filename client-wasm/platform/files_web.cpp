// Browser implementation of save_file: a Blob behind a temporary link.
#include "platform/files.hpp"

#include <emscripten/emscripten.h>

namespace learnloop::client {

namespace {

EM_JS(void, js_save_file, (const char* name, const char* data, int size, const char* type), {
    const bytes = HEAPU8.slice(data, data + size);
    const url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(type) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
});

} // namespace

void save_file(const std::string& name, const std::string& content, const std::string& type)
{
    js_save_file(name.c_str(), content.data(), static_cast<int>(content.size()), type.c_str());
}

} // namespace learnloop::client
