// The frame pacer: full rate while something happens and shortly after, a
// few frames a second on a still screen (client-wasm/ui/pacing.hpp).
#include "ui/pacing.hpp"

#include <catch2/catch.hpp>

using learnloop::client::ui::FramePacer;

namespace {

constexpr double k_tick = 1000.0 / 60.0;

// Ticks the pacer for `ms` of browser frames from `start`; returns how many it drew.
int run(FramePacer& pacer, double start, double ms, bool busy = false)
{
    int drawn = 0;
    const int ticks = static_cast<int>(ms / k_tick + 0.5);
    for (int i = 0; i < ticks; ++i)
        drawn += pacer.should_draw(start + i * k_tick, busy) ? 1 : 0;
    return drawn;
}

} // namespace

TEST_CASE("a still screen is drawn a few times a second after the first frames settle", "[pacing]")
{
    FramePacer pacer;
    CHECK(run(pacer, 0, FramePacer::k_settle_frames * k_tick) == FramePacer::k_settle_frames);
    // Ten seconds of nothing: one frame each idle interval, not 600.
    int idle = run(pacer, 1000, 10000);
    CHECK(idle >= 38);
    CHECK(idle <= 41);
    CHECK(pacer.skipped() > 500);
}

TEST_CASE("a wake draws the next frames at full rate, then the pacer idles again", "[pacing]")
{
    FramePacer pacer;
    (void)run(pacer, 0, 2000);
    pacer.wake();
    // Right after the wake every tick draws, however recent the last frame.
    CHECK(run(pacer, 2000, FramePacer::k_settle_frames * k_tick) == FramePacer::k_settle_frames);
    int after = run(pacer, 2000 + FramePacer::k_settle_frames * k_tick, 1000);
    CHECK(after <= 5);
}

TEST_CASE("a busy app is drawn on every tick", "[pacing]")
{
    FramePacer pacer;
    (void)run(pacer, 0, 2000);
    CHECK(run(pacer, 2000, 1000, true) == 60);
}

TEST_CASE("a clock that goes back draws at once", "[pacing]")
{
    FramePacer pacer;
    (void)run(pacer, 5000, 2000);
    CHECK(pacer.should_draw(100, false));
}
