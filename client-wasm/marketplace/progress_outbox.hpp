// A marketplace learner's progress marks made without a network: kept in an
// outbox in the browser's storage (per user) and sent, oldest first, once
// the connection is back, each to its lesson's progress route. A mark sent
// twice (a reply lost on the way) changes nothing: the server keeps the most
// time it has heard. While a mark waits, later ones wait behind it, so they
// arrive in the order they were made. Shared by the lesson views of the
// Catalog and My learning.
#pragma once

#include "app.hpp"
#include "marketplace/progress.hpp"
#include "net/outbox.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace learnloop::client {

struct ProgressOutbox {
    Outbox outbox;          // {"lesson_id", "completed", "seconds_spent", "title", "client_id"}
    std::string notice;     // a mark the server refused for good, for people
};

// What happens after a mark left the outbox: the server took it
// (answer.ok()) or refused it for good.
using ProgressSent = std::function<void(AppState& state, const Json& entry, const ApiAnswer& answer)>;

// Asks the browser's storage for the signed-in learner's waiting marks (once).
void progress_outbox_load(AppState& state, ProgressOutbox& box);
// Takes a stored value back; false when `key` is not this outbox's.
bool progress_outbox_stored(AppState& state, ProgressOutbox& box, const std::string& key, const std::string& json);
// Keeps a mark of lesson `lesson_id` ("`title`", for people) to send.
void progress_outbox_queue(ProgressOutbox& box, const AppState& state, std::int64_t lesson_id,
    const std::string& title, const ProgressUpdate& update);
// Sends what waits, one at a time; tried again every few seconds.
void progress_outbox_sync(AppState& state, ProgressOutbox& box, ProgressSent on_sent);
// Marks waiting to be sent.
[[nodiscard]] std::size_t progress_outbox_waiting(const ProgressOutbox& box);
// What to tell the learner while marks wait; empty when none does.
[[nodiscard]] std::string progress_outbox_status(const ProgressOutbox& box);

} // namespace learnloop::client
