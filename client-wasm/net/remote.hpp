// What a screen keeps of a request: the phase of a load, the data it brought,
// and the outcome of a form's action. Plain values, drawn every frame.
#pragma once

#include "core/dto.hpp"

#include <string>

namespace learnloop::client {

enum class Phase { Idle, Loading, Done, Failed };

// Data fetched from the server: its phase, the JSON once loaded, the error
// to show when loading failed.
struct Remote {
    Phase phase = Phase::Idle;
    Json data;
    std::string error;
    unsigned request = 0;     // the latest load; an older reply arriving late is dropped
};

// The outcome of a form's action: its phase and the message to show.
struct Outcome {
    Phase phase = Phase::Idle;
    std::string message;      // success or failure text
    bool failed = false;
};

} // namespace learnloop::client
