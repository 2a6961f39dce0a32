// The browser's clocks, behind one header so the rest of the client never
// calls Emscripten (implemented in clock_web.cpp).
#pragma once

#include <string>

namespace learnloop::client {

// Milliseconds from a fixed start (performance.now()): for intervals, never
// goes back.
[[nodiscard]] double monotonic_ms();
// Milliseconds the page has been in view (document.visibilityState
// "visible") since it loaded: a lesson's time spent counts only these, not
// the hours its tab waits behind others.
[[nodiscard]] double visible_ms();
// Seconds since the Unix epoch (Date.now()): for timestamps and due dates.
[[nodiscard]] double wall_clock_seconds();
// The civil date and time at `unix_seconds` in the IANA zone `zone`
// ("Europe/London"), as "YYYY-MM-DDTHH:MM:SS", by the browser's own zone
// data; UTC when the zone is empty or unknown to the browser.
[[nodiscard]] std::string civil_time_in_zone(double unix_seconds, const std::string& zone);

} // namespace learnloop::client
