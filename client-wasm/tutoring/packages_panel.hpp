// Prepaid hours on the money tab (GET/POST /api/tutoring/packages). The
// office's administrators sell a student hours ahead — on a draft invoice of
// its own, issued like any other — and see every package with what is left.
// A parent sees the hours their family has prepaid and what is left of them.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <functional>

namespace learnloop::client {

struct PackagesState {
    Remote packages;
    int student = -1;              // the sale form: the student picked
    char hours[8] = "";
    char price[16] = "";
    char bought[11] = "";
    char last_day[11] = "";        // optional
    Outcome action;
};

void reload_packages(AppState& state, PackagesState& panel);
// `people`: the business's users (the office's student picker), null for a
// parent; `sold`: called with the new sale's invoice id.
void draw_packages_panel(AppState& state, PackagesState& panel, const Remote* people,
    const std::function<void(AppState&, std::int64_t)>& sold);
[[nodiscard]] Json packages_summary(const PackagesState& panel);

} // namespace learnloop::client
