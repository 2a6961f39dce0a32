// Touch input in the browser (see touch.hpp): [SECTION] page listeners,
// [SECTION] scroll targets, [SECTION] gesture, [SECTION] frame.
#include "platform/touch.hpp"

#include "platform/frames.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <deque>

namespace learnloop::client {

namespace {

// Distances in CSS pixels and times in seconds, as people feel them.
constexpr float k_slop = 10.0f;               // a finger moving less than this is still tapping (Android: 8 dp)
constexpr double k_velocity_window = 0.1;     // the release speed is the speed over the last 100 ms
constexpr float k_min_glide_speed = 60.0f;    // CSS px/s: slower releases just stop
constexpr float k_max_glide_speed = 8000.0f;
constexpr float k_stop_speed = 15.0f;
constexpr float k_glide_time_constant = 0.45f;   // speed falls to 1/e in this time (iOS: 0.998 per ms is 0.5 s)

enum Phase { Start = 0, Move = 1, End = 2, Cancel = 3, Mouse = 4 };

struct Sample {
    double time;
    ImVec2 at;
};

// What a drag scrolls: a window along one axis, or a tab bar sideways.
struct Target {
    ImGuiID window = 0;
    ImGuiID tab_bar = 0;
    int axis = 1;                 // 0: x, 1: y
    float position = 0;           // the scroll position we keep (unrounded)
};

struct Touch {
    bool down = false;
    bool on_control = false;      // started on a control of the accessible tree
    bool dragging = false;
    bool caught = false;          // it stopped a glide: never a tap
    ImVec2 start, last;           // ImGui pixels
    ImVec2 anchor;                // where the finger was when the target last moved
    std::deque<Sample> samples;
    Target target;
    bool has_target = false;
};

struct Glide {
    bool active = false;
    float velocity = 0;           // ImGui px/s along the target's axis
    Target target;
};

struct State {
    Touch touch;
    Glide glide;
    std::deque<ImVec2> taps;      // taps on the canvas waiting to be clicked
    int tap_stage = 0;            // 1 hover, 2 press, 3 release, 4 lift
    bool touch_mode = false;      // the last pointer was a finger: no hover when it lifts
    TouchStatus status;
};

State g_touch;

float ratio()
{
    return static_cast<float>(emscripten_get_device_pixel_ratio());
}

// [SECTION] page listeners -----------------------------------------------------

// Listens on the window before anything else (capture): touches on the canvas
// are the app's alone (Emscripten's GLFW would turn them into a press at the
// previous mouse position, and the browser into late mouse events); touches
// on the tree's controls keep their default (click, focus) unless they drag.
EM_JS(void, js_install_touch, (), {
    var canvas = Module['canvas'];
    var overlay = document.getElementById('semantics');
    var tracked = null;   // the identifier of the finger being followed
    function control(target) {
        if (!overlay || !target || !target.closest || !overlay.contains(target)) return false;
        return !!target.closest('button, a, input, textarea');
    }
    function ours(target) { return target === canvas || (overlay && overlay.contains(target)); }
    // Times are the events' own (when the finger moved), not when a busy
    // page got round to them: the release speed is measured from them.
    function send(phase, touch, onControl, e) {
        return Module['_learnloop_touch'](phase, touch.clientX, touch.clientY, onControl ? 1 : 0, e.timeStamp);
    }
    function find(list) {
        for (var i = 0; i < list.length; i++) if (list[i].identifier === tracked) return list[i];
        return null;
    }
    function keepFromCanvas(e) {
        if (e.target === canvas) { e.preventDefault(); e.stopPropagation(); }
    }
    var options = { capture: true, passive: false };
    window.addEventListener('touchstart', function (e) {
        if (!ours(e.target)) return;
        keepFromCanvas(e);
        if (tracked !== null) {
            // A second finger: nothing here pinches, so the gesture ends where it is.
            var first = find(e.touches);
            if (first) send(3, first, false, e);
            tracked = null;
            return;
        }
        if (e.touches.length !== 1) return;
        var touch = e.changedTouches[0];
        tracked = touch.identifier;
        send(0, touch, control(e.target), e);
    }, options);
    window.addEventListener('touchmove', function (e) {
        if (!ours(e.target)) return;
        keepFromCanvas(e);
        var touch = tracked === null ? null : find(e.changedTouches);
        if (touch && send(1, touch, control(e.target), e) && e.cancelable) e.preventDefault();
    }, options);
    window.addEventListener('touchend', function (e) {
        if (!ours(e.target)) return;
        keepFromCanvas(e);
        var touch = tracked === null ? null : find(e.changedTouches);
        if (!touch) return;
        tracked = null;
        var onControl = control(e.target);
        // A drag is not a click: no click, no focus, no keyboard.
        if (send(2, touch, onControl, e)) {
            if (e.cancelable) e.preventDefault();
        } else if (!onControl) {
            // A tap on the canvas outside any field: the field being edited
            // loses focus, and a phone puts its keyboard away.
            var active = document.activeElement;
            if (active && overlay && overlay.contains(active) && active.matches('input, textarea')) active.blur();
        }
    }, options);
    window.addEventListener('touchcancel', function (e) {
        if (!ours(e.target)) return;
        keepFromCanvas(e);
        var touch = tracked === null ? null : find(e.changedTouches);
        if (!touch) return;
        tracked = null;
        send(3, touch, false, e);
    }, options);
    // A mouse again (a tablet with a trackpad): hover follows the pointer.
    window.addEventListener('pointermove', function (e) {
        if (e.pointerType === 'mouse') Module['_learnloop_touch'](4, e.clientX, e.clientY, 0, e.timeStamp);
    }, true);
});

// [SECTION] scroll targets -----------------------------------------------------

// The top window under `at` that drew last frame (what Dear ImGui would call
// hovered), or null; behind an open modal only the modal counts.
ImGuiWindow* window_at(ImVec2 at)
{
    ImGuiContext& g = *GImGui;
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        ImGuiWindow* window = g.Windows[i];
        if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs))
            continue;
        if (!window->OuterRectClipped.Contains(at))
            continue;
        if (modal && window->RootWindow != modal)
            return nullptr;
        return window;
    }
    return nullptr;
}

// The window a drag along `axis` scrolls: the one under the finger, or the
// nearest parent that can scroll that way (as the mouse wheel does).
ImGuiWindow* scrollable(ImGuiWindow* window, int axis)
{
    while (window) {
        bool can = window->ScrollMax[axis] > 0.0f && !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse);
        if (can)
            return window;
        if (!(window->Flags & ImGuiWindowFlags_ChildWindow))
            return nullptr;
        window = window->ParentWindow;
    }
    return nullptr;
}

// A tab bar under `at` whose tabs do not all fit (it scrolls sideways).
ImGuiTabBar* tab_bar_at(ImVec2 at)
{
    ImGuiContext& g = *GImGui;
    for (int i = 0; i < g.TabBars.GetMapSize(); ++i) {
        ImGuiTabBar* bar = g.TabBars.TryGetMapData(i);
        if (bar && bar->CurrFrameVisible >= g.FrameCount - 1 && bar->BarRect.Contains(at)
            && bar->WidthAllTabs > bar->BarRect.GetWidth() + 1.0f)
            return bar;
    }
    return nullptr;
}

float tab_bar_scroll_max(const ImGuiTabBar* bar)
{
    return std::max(0.0f, bar->WidthAllTabs - bar->BarRect.GetWidth());
}

// What a drag that starts now scrolls (picked between frames, from what the
// last frame drew, so even a flick shorter than a frame moves something).
bool pick_target(Touch& touch)
{
    Target& target = touch.target;
    if (target.axis == 0) {
        if (ImGuiTabBar* bar = tab_bar_at(touch.start)) {
            target.tab_bar = bar->ID;
            target.position = bar->ScrollingTarget;
            return true;
        }
    }
    ImGuiWindow* window = scrollable(window_at(touch.start), target.axis);
    if (!window)
        return false;
    target.window = window->ID;
    target.position = window->Scroll[target.axis];
    return true;
}

// Moves the target to `position` (clamped); returns whether it could move.
bool scroll_to(Target& target, float position)
{
    ImGuiContext& g = *GImGui;
    if (target.tab_bar) {
        ImGuiTabBar* bar = g.TabBars.GetByKey(target.tab_bar);
        if (!bar)
            return false;
        float clamped = std::clamp(position, 0.0f, tab_bar_scroll_max(bar));
        bool moved = clamped != target.position;
        target.position = clamped;
        bar->ScrollingTarget = bar->ScrollingAnim = clamped;
        return moved;
    }
    ImGuiWindow* window = ImGui::FindWindowByID(target.window);
    if (!window)
        return false;
    float clamped = std::clamp(position, 0.0f, window->ScrollMax[target.axis]);
    bool moved = clamped != target.position;
    target.position = clamped;
    if (target.axis == 0)
        ImGui::SetScrollX(window, clamped);
    else
        ImGui::SetScrollY(window, clamped);
    return moved;
}

// [SECTION] gesture ------------------------------------------------------------

float speed_of(const Touch& touch, int axis)
{
    // From the oldest sample still inside the window to the last one; a
    // finger that rested before lifting has no samples left to glide on.
    const auto& samples = touch.samples;
    if (samples.size() < 2)
        return 0;
    const Sample& first = samples.front();
    const Sample& last = samples.back();
    double seconds = last.time - first.time;
    if (seconds < 0.005)
        return 0;
    float moved = axis == 0 ? last.at.x - first.at.x : last.at.y - first.at.y;
    return static_cast<float>(moved / seconds);
}

void drop_old_samples(Touch& touch, double now)
{
    while (touch.samples.size() > 1 && touch.samples.front().time < now - k_velocity_window)
        touch.samples.pop_front();
}

// Returns 1 when the page should cancel the event's default (a drag, or a
// touch that only stopped a glide): it must not click or focus anything.
int on_touch(int phase, ImVec2 at, bool on_control, double now)
{
    auto& s = g_touch;
    auto& touch = s.touch;
    switch (phase) {
    case Start:
        s.touch_mode = true;
        touch = Touch {};
        touch.down = true;
        touch.on_control = on_control;
        touch.start = touch.last = at;
        touch.samples.push_back({ now, at });
        if (s.glide.active) {
            // A finger on moving content stops it, as on any phone; that
            // touch is not a tap on whatever slid under it.
            s.glide.active = false;
            touch.caught = true;
        }
        return 0;
    case Move: {
        if (!touch.down)
            return 0;
        touch.last = at;
        touch.samples.push_back({ now, at });
        drop_old_samples(touch, now);
        if (!touch.dragging) {
            ImVec2 moved(at.x - touch.start.x, at.y - touch.start.y);
            float slop = k_slop * ratio();
            if (moved.x * moved.x + moved.y * moved.y > slop * slop) {
                touch.dragging = true;
                touch.target.axis = std::fabs(moved.y) >= std::fabs(moved.x) ? 1 : 0;
                touch.has_target = pick_target(touch);
                touch.anchor = touch.start;
                if (touch.has_target)
                    ++s.status.drags;
            }
        }
        return touch.dragging ? 1 : 0;
    }
    case End: {
        if (!touch.down)
            return 0;
        touch.down = false;
        touch.last = at;
        touch.samples.push_back({ now, at });
        drop_old_samples(touch, now);
        if (touch.dragging) {
            // The last movement, not yet drawn, is where the glide starts from.
            if (touch.has_target) {
                Target& target = touch.target;
                float finger = target.axis == 0 ? touch.last.x - touch.anchor.x : touch.last.y - touch.anchor.y;
                scroll_to(target, target.position - finger);
                touch.anchor = touch.last;
            }
            float speed = touch.has_target ? speed_of(touch, touch.target.axis) : 0;
            float scale = ratio();
            speed = std::clamp(speed, -k_max_glide_speed * scale, k_max_glide_speed * scale);
            if (std::fabs(speed) >= k_min_glide_speed * scale) {
                s.glide.active = true;
                s.glide.velocity = speed;
                s.glide.target = touch.target;
                ++s.status.glides;
            }
            touch.dragging = false;
            return 1;
        }
        if (touch.caught)
            return 1;
        if (!touch.on_control)
            s.taps.push_back(at);   // a control of the tree is clicked by the browser itself
        return 0;
    }
    case Cancel:
        touch.down = false;
        touch.dragging = false;
        return 0;
    case Mouse:
        s.touch_mode = false;
        return 0;
    }
    return 0;
}

} // namespace

} // namespace learnloop::client

// Called by the page's touch listeners (js_install_touch); x and y are CSS pixels.
extern "C" EMSCRIPTEN_KEEPALIVE int learnloop_touch(int phase, double x, double y, int on_control, double time_ms)
{
    learnloop::client::request_frames();
    float scale = learnloop::client::ratio();
    return learnloop::client::on_touch(phase, ImVec2(static_cast<float>(x) * scale, static_cast<float>(y) * scale),
        on_control != 0, time_ms / 1000.0);
}

namespace learnloop::client {

namespace {

// [SECTION] frame --------------------------------------------------------------

void feed_tap(ImGuiIO& io)
{
    auto& s = g_touch;
    ImVec2 at = s.taps.front();
    // Hover, press and release on separate frames: Dear ImGui 1.86 samples
    // the button once a frame, and some widgets (tabs) take a press only on
    // an item that was already hovered.
    ++s.tap_stage;
    io.MousePos = at;
    io.MouseDown[0] = s.tap_stage == 2;
    if (s.tap_stage == 4) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        s.taps.pop_front();
        s.tap_stage = 0;
        ++s.status.taps;
    }
}

} // namespace

void install_touch()
{
    js_install_touch();
}

void touch_new_frame()
{
    auto& s = g_touch;
    auto& touch = s.touch;
    ImGuiIO& io = ImGui::GetIO();

    if (touch.dragging) {
        // The content under the finger stays under it.
        if (touch.has_target) {
            Target& target = touch.target;
            float finger = target.axis == 0 ? touch.last.x - touch.anchor.x : touch.last.y - touch.anchor.y;
            float start = target.position;
            scroll_to(target, start - finger);
            touch.anchor = touch.last;
        }
    } else if (s.glide.active) {
        // After the finger lifts the content glides on, slowing down.
        float dt = std::max(io.DeltaTime, 0.0f);
        Target& target = s.glide.target;
        bool moved = scroll_to(target, target.position - s.glide.velocity * dt);
        s.glide.velocity *= std::exp(-dt / k_glide_time_constant);
        if (!moved || std::fabs(s.glide.velocity) < k_stop_speed * ratio())
            s.glide.active = false;
    }

    if (!s.taps.empty())
        feed_tap(io);
    else if (touch.down && !touch.dragging)
        io.MousePos = touch.last;   // hover under a resting finger
    else if (s.touch_mode)
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);   // no hover once the finger is gone, or while it scrolls

    s.status.finger_down = touch.down;
    s.status.dragging = touch.dragging;
    s.status.gliding = s.glide.active;
}

TouchStatus touch_status()
{
    return g_touch.status;
}

} // namespace learnloop::client
