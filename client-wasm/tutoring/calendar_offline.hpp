// The tutoring calendar without a network: attendance logged offline waits
// in an outbox kept in the browser's storage (IndexedDB) and is sent in the
// order it was logged, each with its client id so a log sent twice (a reply
// lost on the way) counts once; and this week's calendar, with the
// business's settings, is kept so a tutor can open it offline.
#pragma once

#include "app.hpp"
#include "net/outbox.hpp"

#include <string>

namespace learnloop::client {

struct CalendarOffline {
    Outbox outbox;                 // {"series_id", "recurrence_id", "status", "client_id", "label", "what"}
    bool week_asked = false;       // the kept week was asked for
    std::string notice;            // a log the server refused for good
    Json week;                     // the kept week: {"key", "week", "settings", "saved_at"}; null when none
};

// Asks the browser's storage for the signed-in user's outbox and kept week (once).
void offline_load(AppState& state, CalendarOffline& offline);
// Takes a stored value back; false when `key` is not the calendar's.
bool offline_stored(AppState& state, CalendarOffline& offline, const std::string& key, const std::string& json);

// Queues a log (kept at once, once the stored outbox has loaded; in memory
// until then).
void offline_queue(AppState& state, CalendarOffline& offline, Json entry);
// Sends what is queued, one at a time, oldest first; `on_sent` runs after
// each log the server took. Tried again every few seconds while anything waits.
void offline_sync(AppState& state, CalendarOffline& offline, const std::function<void()>& on_sent);
// What to tell the tutor once sending has failed a few times; empty until then.
[[nodiscard]] std::string offline_trouble(const CalendarOffline& offline);
// The queued log of a session ("series@recurrence_id"), or null.
[[nodiscard]] const Json* offline_queued(const CalendarOffline& offline, const std::string& session_key);

// At sign-out: the kept week (names, rooms) leaves the device; logs still
// waiting stay, to be sent at the next sign-in.
void offline_forget_week(AppState& state);
// Keeps `week` (as the API gave it) and the settings, for `key`.
void offline_keep_week(AppState& state, CalendarOffline& offline, const std::string& key, const Json& week,
    const Json& settings);

} // namespace learnloop::client
