// The browser's clocks, behind one header so the rest of the client never
// calls Emscripten (implemented in clock_web.cpp).
#pragma once

namespace learnloop::client {

// Milliseconds from a fixed start (performance.now()): for intervals, never
// goes back.
[[nodiscard]] double monotonic_ms();
// Seconds since the Unix epoch (Date.now()): for timestamps and due dates.
[[nodiscard]] double wall_clock_seconds();

} // namespace learnloop::client
