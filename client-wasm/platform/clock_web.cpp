// Browser clocks over Emscripten (see clock.hpp).
#include "platform/clock.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>   // emscripten_date_now

namespace learnloop::client {

double monotonic_ms()
{
    return emscripten_get_now();
}

double wall_clock_seconds()
{
    return emscripten_date_now() / 1000.0;
}

} // namespace learnloop::client
