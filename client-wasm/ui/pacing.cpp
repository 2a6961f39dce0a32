// When to draw a frame (see pacing.hpp).
#include "ui/pacing.hpp"

namespace learnloop::client::ui {

bool FramePacer::should_draw(double now_ms, bool busy)
{
    bool draw = busy || settle_ > 0 || !drew_once_ || now_ms - last_drawn_ms_ >= k_idle_interval_ms
        || now_ms < last_drawn_ms_;   // a clock that went back: draw, and start counting from here
    if (!draw) {
        ++skipped_;
        return false;
    }
    if (settle_ > 0)
        --settle_;
    drew_once_ = true;
    last_drawn_ms_ = now_ms;
    ++drawn_;
    return true;
}

} // namespace learnloop::client::ui
