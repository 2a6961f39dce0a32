// An academy's Exam bank tab, for instructors and administrators: the
// questions their quizzes can draw on (the platform's shared bank and the
// academy's own), searched by words, kind and difficulty, a page at a time;
// one question opens beside the list with its answers marked, its hints and
// its explanation.
#pragma once

#include "app.hpp"
#include "ui/tabs.hpp"

#include <cstdint>

namespace learnloop::client {

struct BankTabState {
    Remote page;                  // GET /api/academy/bank: the page shown
    std::int64_t offset = 0;
    char words[120] = "";
    int kind = 0;                 // index into the tab's kinds (0: any)
    int difficulty = 0;           // 0: any, else 1 to 5
    std::int64_t selected = 0;    // the question open beside the list
    Remote question;              // GET /api/academy/bank/{id}
    Remote regrade;               // POST /api/academy/bank/{id}/regrade: whose answers changed
};

void draw_bank_tab(AppState& state, BankTabState& tab);
[[nodiscard]] Json bank_tab_summary(const BankTabState& tab);
[[nodiscard]] ui::TabPlace bank_tab_place(const BankTabState& tab);
bool open_bank_tab(AppState& state, BankTabState& tab, const ui::Route& route);

} // namespace learnloop::client
