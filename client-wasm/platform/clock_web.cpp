// Browser clocks over Emscripten (see clock.hpp).
#include "platform/clock.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>   // emscripten_date_now

#include <cstdlib>

namespace learnloop::client {

namespace {

// Intl.DateTimeFormat carries the IANA database the browser ships, so the
// client needs none of its own. The answer is malloc'd; the caller frees it.
EM_JS(char*, js_civil_time, (double ms, const char* zone), {
    var options = function(timeZone) {
        return { timeZone: timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
            minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    };
    var parts;
    try {
        parts = new Intl.DateTimeFormat('en-GB', options(UTF8ToString(zone) || 'UTC')).formatToParts(new Date(ms));
    } catch (e) {
        parts = new Intl.DateTimeFormat('en-GB', options('UTC')).formatToParts(new Date(ms));
    }
    var get = function(type) {
        for (var i = 0; i < parts.length; i++)
            if (parts[i].type === type)
                return parts[i].value;
        return '00';
    };
    var text = get('year') + '-' + get('month') + '-' + get('day') + 'T' + get('hour') + ':' + get('minute') + ':'
        + get('second');
    var size = lengthBytesUTF8(text) + 1;
    var out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});

// The page's time in view, kept by the page itself: hidden tabs draw no
// frames, so the app could not count it frame by frame.
EM_JS(double, js_visible_ms, (), {
    if (!window.learnloopVisible) {
        var seen = { total: 0, since: document.visibilityState === 'visible' ? performance.now() : -1 };
        document.addEventListener('visibilitychange', function() {
            if (document.visibilityState === 'visible') {
                if (seen.since < 0)
                    seen.since = performance.now();
            } else if (seen.since >= 0) {
                seen.total += performance.now() - seen.since;
                seen.since = -1;
            }
        });
        window.learnloopVisible = seen;
    }
    var v = window.learnloopVisible;
    return v.total + (v.since >= 0 ? performance.now() - v.since : 0);
});

} // namespace

double visible_ms()
{
    return js_visible_ms();
}

double monotonic_ms()
{
    return emscripten_get_now();
}

double wall_clock_seconds()
{
    return emscripten_date_now() / 1000.0;
}

} // namespace learnloop::client

namespace learnloop::client {

std::string civil_time_in_zone(double unix_seconds, const std::string& zone)
{
    char* text = js_civil_time(unix_seconds * 1000.0, zone.c_str());
    std::string civil = text ? text : "";
    std::free(text);
    return civil;
}

} // namespace learnloop::client
