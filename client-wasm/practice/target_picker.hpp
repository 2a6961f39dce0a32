// The teacher's target picker, under the grading panel: search or browse the
// curriculum and assign learning targets to the student whose work is open
// or to the assignment's whole class.
#pragma once

#include "app.hpp"

#include <string>
#include <vector>

namespace learnloop::client {

struct TargetPickerState {
    char query[64] = {};
    Remote results;
    std::vector<std::string> chosen;   // target ids ticked
    Outcome assign;
    Remote strands;                    // every target, to offer the strands to browse
    std::string strand;                // the strand being browsed, empty for all
};

// `submission`: the work being graded; `assignment`: its assignment (null if
// not in the list), whose class the whole-class button assigns to.
void draw_target_picker(AppState& state, TargetPickerState& picker, const Json& submission, const Json* assignment);

// The test hook's view: the last search's results and assignment message.
[[nodiscard]] Json target_picker_summary(const TargetPickerState& picker);

} // namespace learnloop::client
