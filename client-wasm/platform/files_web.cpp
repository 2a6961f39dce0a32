// Browser implementation of save_file (a Blob behind a temporary link),
// show_printable (web/print.js) and pick_file (a hidden file input, whose
// choice is read in the page and handed to learnloop_file_picked).
#include "platform/files.hpp"

#include "platform/frames.hpp"

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

EM_JS(void, js_pick_file, (const char* accept, double most), {
    // One chooser at a time: an earlier one given up without a "cancel" event goes.
    const earlier = document.getElementById('learnloop-file-picker');
    if (earlier)
        earlier.remove();
    const input = document.createElement('input');
    input.id = 'learnloop-file-picker';
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.addEventListener('cancel', () => input.remove());
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file)
            return;
        const deliver = (bytes) => {
            const nameSize = lengthBytesUTF8(file.name) + 1;
            const name = _malloc(nameSize);
            stringToUTF8(file.name, name, nameSize);
            const data = bytes ? _malloc(Math.max(1, bytes.length)) : 0;
            if (bytes)
                HEAPU8.set(bytes, data);
            Module.ccall('learnloop_file_picked', null, ['number', 'number', 'number', 'number'],
                [name, file.size, data, bytes ? bytes.length : -1]);
            _free(name);
            if (data)
                _free(data);
        };
        if (file.size > most)
            deliver(null);
        else
            file.arrayBuffer().then((buffer) => deliver(new Uint8Array(buffer)), () => deliver(null));
    });
    document.body.appendChild(input);
    input.click();
});

std::optional<PickedFile> g_picked;

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void learnloop_file_picked(const char* name, double size, const char* data,
    int length)
{
    PickedFile file;
    file.name = name;
    file.size = static_cast<std::int64_t>(size);
    file.read = length >= 0;
    if (length > 0)
        file.content.assign(data, static_cast<std::size_t>(length));
    g_picked = std::move(file);
    request_frames();
}

void pick_file(const std::string& accept, std::int64_t most_bytes)
{
    g_picked.reset();   // a file from an earlier chooser is not this one's
    js_pick_file(accept.c_str(), static_cast<double>(most_bytes));
}

std::optional<PickedFile> take_picked_file()
{
    auto picked = std::move(g_picked);
    g_picked.reset();
    return picked;
}

void show_printable(const std::string& kind, const std::string& json)
{
    js_show_printable(kind.c_str(), json.c_str());
}

void save_file(const std::string& name, const std::string& content, const std::string& type)
{
    js_save_file(name.c_str(), content.data(), static_cast<int>(content.size()), type.c_str());
}

} // namespace learnloop::client
