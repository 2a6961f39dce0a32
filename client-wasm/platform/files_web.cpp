// Browser implementation of save_file (a Blob behind a temporary link) and
// show_printable (web/print.js).
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

EM_JS(void, js_show_printable, (const char* kind, const char* json), {
    if (window.learnloopPrint)
        window.learnloopPrint.show(UTF8ToString(kind), UTF8ToString(json));
});

} // namespace

void show_printable(const std::string& kind, const std::string& json)
{
    js_show_printable(kind.c_str(), json.c_str());
}

void save_file(const std::string& name, const std::string& content, const std::string& type)
{
    js_save_file(name.c_str(), content.data(), static_cast<int>(content.size()), type.c_str());
}

} // namespace learnloop::client
