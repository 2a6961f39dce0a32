// The business's rates on the money tab (GET/POST /api/tutoring/rates),
// for administrators: a price per hour from a date on — everyone's default,
// a student's, a tutor's, or a student's with one tutor. A session is
// charged the most specific in effect on its day.
#pragma once

#include "app.hpp"

namespace learnloop::client {

struct RatesState {
    Remote rates;
    int student = -1;              // -1: any student
    int tutor = -1;                // -1: any tutor
    char starting[11] = "";
    char per_hour[16] = "";
    Outcome action;
};

void draw_rates_panel(AppState& state, RatesState& panel, const Remote& people);
[[nodiscard]] Json rates_summary(const RatesState& panel);

} // namespace learnloop::client
