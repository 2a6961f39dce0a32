// Touch input: a finger drags what is under it (and it keeps moving, slowing
// down, after the finger lifts), a tap clicks. Fed to Dear ImGui as the
// mouse's position and left button and as window scrolling.
//
// Touches land either on the canvas or on the accessible tree laid over it
// (web/semantics.js): a tap on one of the tree's controls is left to the
// browser (a button is clicked, a text field takes focus inside the tap, so
// a phone opens its keyboard), while a drag that starts on one scrolls the
// canvas like any other.
#pragma once

namespace learnloop::client {

// Once, after Dear ImGui and the platform backend are set up.
void install_touch();

// Every frame after the platform backend's NewFrame and before
// ImGui::NewFrame: the finger's position, a tap's press and release, and
// the scrolling of the window (or tab bar) under the finger.
void touch_new_frame();

// What the touch layer is doing, for the test hook.
struct TouchStatus {
    bool finger_down = false;
    bool dragging = false;
    bool gliding = false;         // moving on after the finger lifted
    int taps = 0;                 // taps on the canvas turned into clicks
    int drags = 0;                // drags that scrolled something
    int glides = 0;               // releases fast enough to glide on
};
[[nodiscard]] TouchStatus touch_status();

} // namespace learnloop::client
