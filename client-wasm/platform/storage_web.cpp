// IndexedDB and sessionStorage for the app (see storage.hpp).
#include "platform/storage.hpp"

#include "ui/fonts.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// One object store, "outbox" (its name from the first release), holding
// JSON text by key.
EM_JS(void, js_store_save, (const char* entries_json), {
    const entries = JSON.parse(UTF8ToString(entries_json));
    const open = indexedDB.open('learnloop', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onsuccess = () => {
        const tx = open.result.transaction('outbox', 'readwrite');
        const store = tx.objectStore('outbox');
        Object.keys(entries).forEach((key) => {
            if (entries[key] === null) store.delete(key); else store.put(entries[key], key);
        });
        tx.oncomplete = () => open.result.close();
        tx.onerror = () => open.result.close();
    };
});

EM_JS(void, js_store_load, (const char* key), {
    const k = UTF8ToString(key);
    const deliver = (text) => Module.ccall('learnloop_store_loaded', null, ['string', 'string'], [k, text || 'null']);
    let open;
    try {
        open = indexedDB.open('learnloop', 1);
    } catch (e) {
        deliver('null');   // no IndexedDB here (a private window of some browsers)
        return;
    }
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => deliver('null');
    open.onsuccess = () => {
        // Storage that cannot be read still answers (nothing stored), so what waits on it goes on.
        try {
            const request = open.result.transaction('outbox', 'readonly').objectStore('outbox').get(k);
            request.onsuccess = () => { deliver(request.result); open.result.close(); };
            request.onerror = () => { deliver('null'); open.result.close(); };
        } catch (e) {
            deliver('null');
            open.result.close();
        }
    };
});

EM_JS(void, js_session_remember, (const char* json), {
    try { sessionStorage.setItem('learnloop.session', UTF8ToString(json)); } catch (e) {}
});

// Returns a malloc'ed copy of the stored session, or null.
EM_JS(char*, js_session_recall, (), {
    let text = null;
    try { text = sessionStorage.getItem('learnloop.session'); } catch (e) {}
    if (!text) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const buffer = _malloc(size);
    stringToUTF8(text, buffer, size);
    return buffer;
});

EM_JS(void, js_session_forget, (), {
    try { sessionStorage.removeItem('learnloop.session'); } catch (e) {}
});

// This device's lasting values (localStorage), under "learnloop.<key>".
EM_JS(void, js_local_remember, (const char* key, const char* value), {
    try { localStorage.setItem('learnloop.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

// Returns a malloc'ed copy of the stored value, or null.
EM_JS(char*, js_local_recall, (const char* key), {
    let text = null;
    try { text = localStorage.getItem('learnloop.' + UTF8ToString(key)); } catch (e) {}
    if (!text) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const buffer = _malloc(size);
    stringToUTF8(text, buffer, size);
    return buffer;
});

} // namespace

namespace learnloop::client {

void store_save(const Json& entries)
{
    js_store_save(entries.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
}

void store_load(const std::string& key)
{
    js_store_load(key.c_str());
}

void session_remember(const std::string& json)
{
    js_session_remember(json.c_str());
}

std::string session_recall()
{
    char* text = js_session_recall();
    if (!text)
        return {};
    std::string result(text);
    std::free(text);
    ui::fonts::note_text(result);   // the signed-in person's name, drawn in the top bar
    return result;
}

void session_forget()
{
    js_session_forget();
}

static std::string local_recall(const std::string& key)
{
    char* text = js_local_recall(key.c_str());
    if (!text)
        return {};
    std::string result(text);
    std::free(text);
    return result;
}

void device_token_remember(const std::string& email, const std::string& token)
{
    js_local_remember(("device." + email).c_str(), token.c_str());
}

std::string device_token_recall(const std::string& email)
{
    return local_recall("device." + email);
}

void tenant_code_remember(const std::string& code)
{
    js_local_remember("tenant", code.c_str());
}

std::string tenant_code_recall()
{
    return local_recall("tenant");
}

} // namespace learnloop::client
