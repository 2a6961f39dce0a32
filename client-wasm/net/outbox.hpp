// Requests made without a network and sent once it is back: the practice
// answers and the calendar's attendance logs. An outbox keeps its entries
// in the browser's storage under one key (written through on every change)
// and POSTs them one at a time, oldest first, each with its "client_id", so
// the server counts one sent twice (a reply lost on the way) once.
//
// An entry leaves the outbox when the server takes it or refuses it for
// good (a 4xx other than 429); no connection, a 5xx or a 429 keep it, and
// the entries behind it wait: the order they were made in is the order the
// server applies them in.
#pragma once

#include "app.hpp"
#include "net/api.hpp"

#include <functional>
#include <string>
#include <vector>

namespace learnloop::client {

struct Outbox {
    std::vector<Json> entries;     // oldest first; each has a string "client_id"
    bool asked = false;            // the stored entries were asked for
    bool loaded = false;           // ...and arrived: nothing is sent or stored before that
    std::string sending;           // the client id on its way
    double last_try_ms = -1e9;     // monotonic, of the last send
    int failures = 0;              // sends in a row that kept their entry
    int last_status = 0;           // of the last of them: 0 is no connection
    int synced = 0;                // entries the server took, from this page
};

// What one outbox is: where it is kept and sent, and what its owner does
// with the server's replies.
struct OutboxRoute {
    std::string key;    // storage key (per signed-in user)
    std::string path;   // POSTed to
    // Where each entry goes, when that depends on the entry (set with
    // `method`: "PUT /api/marketplace/lessons/<id>/progress"); unset: `path`.
    std::function<std::string(const Json& entry)> path_of;
    std::string method = "POST";
    // What is sent for an entry; unset: the entry itself.
    std::function<Json(const Json& entry)> body;
    // After an entry left the outbox: the server took it (answer.ok()) or refused it for good.
    std::function<void(AppState& state, const Json& entry, const ApiAnswer& answer)> done;
};

// Asks the browser's storage for the stored entries (once).
void outbox_load(Outbox& box, const OutboxRoute& route);
// The stored entries arrived (`json` as stored, or "null"): they were made
// before any added since the page loaded, so they go first; both are then
// stored together.
void outbox_stored(AppState& state, Outbox& box, const OutboxRoute& route, const std::string& json);
// Adds an entry at the end and stores the outbox (once the stored entries
// are in; until then it waits in memory, so they are not written over).
void outbox_add(Outbox& box, const OutboxRoute& route, Json entry);
// The outbox's storage entry ({key: text}) for a transaction with other
// values; empty before the stored entries are in.
[[nodiscard]] Json outbox_storage(const Outbox& box, const OutboxRoute& route);
// Sends the oldest entry, unless one is on its way; after a failure not
// before `pause_ms` has passed. Each reply that frees its entry sends the next.
void outbox_sync(AppState& state, Outbox& box, const OutboxRoute& route, double pause_ms = 0);
// Whether sending has failed often enough to tell the person (three in a row).
[[nodiscard]] bool outbox_stalled(const Outbox& box);
// Whether an entry with this client id waits.
[[nodiscard]] bool outbox_holds(const Outbox& box, const std::string& client_id);

} // namespace learnloop::client
