// IndexedDB storage for the practice outbox.
#include "storage.hpp"

#include <emscripten.h>

namespace {

EM_JS(void, js_outbox_save, (const char* key, const char* json), {
    const k = UTF8ToString(key), value = UTF8ToString(json);
    const open = indexedDB.open('learnloop', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite');
        tx.objectStore('outbox').put(value, k);
        tx.oncomplete = () => open.result.close();
    };
});

EM_JS(void, js_outbox_load, (const char* key), {
    const k = UTF8ToString(key);
    const deliver = (text) => Module.ccall('learnloop_outbox_loaded', null, ['string', 'string'], [k, text || '[]']);
    const open = indexedDB.open('learnloop', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => deliver('[]');
    open.onsuccess = () => {
        const request = open.result.transaction('outbox', 'readonly').objectStore('outbox').get(k);
        request.onsuccess = () => { deliver(request.result); open.result.close(); };
        request.onerror = () => { deliver('[]'); open.result.close(); };
    };
});

} // namespace

namespace learnloop::client {

void outbox_save(const std::string& user_key, const std::string& json)
{
    js_outbox_save(user_key.c_str(), json.c_str());
}

void outbox_load(const std::string& user_key)
{
    js_outbox_load(user_key.c_str());
}

} // namespace learnloop::client
