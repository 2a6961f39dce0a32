// The student's "Today's tasks" tab: a personalised set answered one task at
// a time, graded here in the browser by the shared graders, then sent to the
// server (which re-grades it; its grade wins).
#pragma once

#include "app.hpp"
#include "net/outbox.hpp"
#include "practice/answer_input.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

struct PracticeTabState {
    double last_sync_ms = -1e9;       // when queued answers were last sent (monotonic)
    Phase phase = Phase::Idle;        // loading the set
    std::string error;
    Json tasks = Json::array();       // [{task_id, target_id, reason, task}]
    Json targets = Json::array();     // [{target_id, title, known, attempts, level, bkt}]
    std::string message;              // e.g. no targets assigned yet
    std::size_t index = 0;
    AnswerInput input;                // the current answer
    bool checked = false;
    std::string verdict;              // "correct", "partial", "incorrect"
    std::string feedback, explanation, invalid;
    double known_before = 0, known_after = 0;
    std::vector<std::pair<std::string, double>> start_known;   // level at the start of the set
    std::vector<std::pair<std::string, double>> known;         // current local estimate per target
    // The server's estimate per target after each synced answer; applied to
    // `known` once nothing is left to send (the server's grade wins).
    std::vector<std::pair<std::string, double>> server_known;
    // Answers waiting for the server (kept until it confirms).
    Outbox outbox;
    bool outbox_requested = false;    // loading the stored outbox and set has started
    bool resumed = false;             // the set came back from storage after a reload
    bool replacing = false;           // a new set was asked for; the current one stays meanwhile
    std::string replace_error;
    std::string sync_notice;          // e.g. an answer the server already had from elsewhere
    int requests_during_check = 0;    // network requests made while grading (should stay 0)
    bool finished = false;
};

void draw_practice_tab(AppState& state, PracticeTabState& p);

// The test hook's view, under "practice".
[[nodiscard]] Json practice_summary(const PracticeTabState& p);

} // namespace learnloop::client
