// The practice set behind "Today's tasks": asking for a set, grading an
// answer here, the outbox of answers waiting for the server and its sync, and
// keeping the set and the outbox in the browser's storage across reloads.
#pragma once

#include "practice/mastery.hpp"
#include "practice/practice_tab.hpp"
#include "practice/tasks.hpp"

#include <string>
#include <vector>

namespace learnloop::client {

// How a target moved over the set: estimate and level (with its attempts:
// a target never answered before starts "not started").
struct LevelChange {
    std::string target, title;
    double before = 0, after = 0;
    MasteryLevel from = MasteryLevel::NotStarted, to = MasteryLevel::NotStarted;
};
[[nodiscard]] std::vector<LevelChange> level_changes(const PracticeTabState& p);

// A target's knowledge-tracing parameters, and its title, from the set.
[[nodiscard]] BktParams params_of(const PracticeTabState& p, const std::string& target);
[[nodiscard]] std::string title_of(const PracticeTabState& p, const std::string& target);

// Starts loading the stored outbox and set of the signed-in student.
void load_stored(AppState& state, PracticeTabState& p);

// Asks the server for a new set. A set in progress stays on screen (and
// usable, also offline) until the new one has arrived.
void start_set(AppState& state, PracticeTabState& p);

// The answers' outbox: where it is kept and sent, and what a reply does.
[[nodiscard]] OutboxRoute answers_route(const AppState& state, PracticeTabState& p);
// Sends the queued answers, one at a time, oldest first.
void sync(AppState& state, PracticeTabState& p);
// What to tell the student once sending has failed a few times; empty until then.
[[nodiscard]] std::string sync_trouble(const PracticeTabState& p);

// Clears the answer widgets for `task`.
void reset_answer(PracticeTabState& p, const Task& task);

// Grades the current answer locally (no network), moves the mastery preview
// and queues the answer for the server.
void check(AppState& state, PracticeTabState& p, const Task& task);

// A value loaded from the browser's storage: the stored outbox (merged into
// the current one) or the set in progress (resumed if no set was started yet).
void practice_store_loaded(AppState& state, PracticeTabState& p, const std::string& key, const std::string& json);

// Deletes the stored set in progress of the signed-in student (at sign-out).
void practice_sign_out(AppState& state);

} // namespace learnloop::client
