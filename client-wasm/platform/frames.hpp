// Asks for the next frames to be drawn at full rate (ui/pacing.hpp): called
// where the browser hands the app something new (a reply, a touch, the
// page's accessible tree). Implemented in main_web.cpp.
#pragma once

namespace learnloop::client {

void request_frames();

} // namespace learnloop::client
