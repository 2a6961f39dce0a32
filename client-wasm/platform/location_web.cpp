// The page's address and history in the browser (see location.hpp): the
// History API, so a screen change adds an entry without reloading or
// scrolling, and its popstate/hashchange events for Back, Forward and links.
#include "platform/location.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// Both events: Back and Forward fire popstate (and hashchange when the
// fragment differs); a fragment typed into the address bar fires both. The
// app reads the fragment itself, so one flag is enough for either.
EM_JS(int, js_location_take_change, (), {
    if (!Module.learnloopLocation) {
        Module.learnloopLocation = { changed: true };
        const mark = () => { Module.learnloopLocation.changed = true; };
        window.addEventListener('popstate', mark);
        window.addEventListener('hashchange', mark);
    }
    const changed = Module.learnloopLocation.changed;
    Module.learnloopLocation.changed = false;
    return changed ? 1 : 0;
});

// Returns a malloc'ed copy of location.hash.
EM_JS(char*, js_location_fragment, (), {
    const text = window.location.hash || "";
    const size = lengthBytesUTF8(text) + 1;
    const buffer = _malloc(size);
    stringToUTF8(text, buffer, size);
    return buffer;
});

// pushState and replaceState fire no event, so the app never hears back
// about its own changes.
EM_JS(void, js_location_set, (const char* fragment, int push), {
    const url = UTF8ToString(fragment);
    if (url === window.location.hash) return;
    try {
        if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (e) {
        // Browsers limit how often the history may change (Chromium: 200 times
        // in 10 s); the screen still changes, only its address lags behind.
    }
});

EM_JS(void, js_set_title, (const char* title), {
    const text = UTF8ToString(title);
    if (document.title !== text) document.title = text;
});

// Only https addresses and this site's own paths, in a new tab that cannot
// reach back into this one. A path whose second character is a slash (47) or
// a backslash (92) would name another site, so it is no path of this one.
EM_JS(void, js_open_in_new_tab, (const char* address), {
    const url = UTF8ToString(address);
    const own = url.startsWith("/") && url.codePointAt(1) !== 47 && url.codePointAt(1) !== 92;
    if (!url.startsWith("https://") && !own) return;
    window.open(url, "_blank", "noopener,noreferrer");
});

// Only a path of this site ("/sandbox-pay/…"), never another origin (as above).
EM_JS(void, js_leave_for, (const char* path), {
    const target = UTF8ToString(path);
    if (!target.startsWith("/") || target.codePointAt(1) === 47 || target.codePointAt(1) === 92) return;
    window.location.assign(target);
});

} // namespace

namespace learnloop::client {

void open_in_new_tab(const std::string& address)
{
    js_open_in_new_tab(address.c_str());
}

void leave_for(const std::string& path)
{
    js_leave_for(path.c_str());
}


std::string location_fragment()
{
    char* text = js_location_fragment();
    std::string result(text ? text : "");
    std::free(text);
    return result;
}

bool location_take_change()
{
    return js_location_take_change() != 0;
}

void location_push(const std::string& fragment)
{
    js_location_set(fragment.c_str(), 1);
}

void location_replace(const std::string& fragment)
{
    js_location_set(fragment.c_str(), 0);
}

void set_page_title(const std::string& title)
{
    js_set_title(title.c_str());
}

} // namespace learnloop::client
