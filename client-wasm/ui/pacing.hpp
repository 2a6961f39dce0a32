// When to draw a frame. The browser asks for one 60 times a second; an
// unchanged screen drawn again costs the same as a new one (on a phone's
// battery, and in software rendering on a machine without a GPU). The pacer
// draws at full rate while something happens (input, a reply arriving, a
// finger gliding, a request in flight) and for a short while after, so Dear
// ImGui's layouts and popups settle; otherwise a few frames a second, enough
// for clocks, a blinking caret and retries that wait for a time.
// Pure logic (no browser): tested natively and in WASM by tests/client.
#pragma once

namespace learnloop::client::ui {

class FramePacer {
public:
    // Frames drawn at full rate after a wake: popups open, windows size
    // themselves and scroll requests land over two or three frames.
    static constexpr int k_settle_frames = 20;
    // The longest gap between frames on a still screen.
    static constexpr double k_idle_interval_ms = 250.0;

    // Something happened that the next frames must show.
    void wake() { settle_ = k_settle_frames; }

    // Whether to draw on this tick of the browser's clock. `busy`: the app
    // is animating or waiting (it draws every tick while it is). Counts the
    // frame as drawn when it returns true.
    [[nodiscard]] bool should_draw(double now_ms, bool busy);

    [[nodiscard]] long long drawn() const { return drawn_; }
    [[nodiscard]] long long skipped() const { return skipped_; }

private:
    int settle_ = k_settle_frames;   // the first frames draw at full rate
    double last_drawn_ms_ = 0.0;
    bool drew_once_ = false;
    long long drawn_ = 0;
    long long skipped_ = 0;
};

} // namespace learnloop::client::ui
