// Messages in the portals: each person's messages, newest first (notices
// from the business among them), writing to someone they may write to,
// and for administrators a message to everyone of a role. New messages
// appear without a reload: the tab asks the server every 20 seconds whether
// anything changed (an ETag'd poll, answered 304 while nothing did).
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct MessagesTabState {
    Remote list;                  // GET /api/messages
    Remote contacts;              // GET /api/messages/contacts
    std::int64_t newest_seen = 0; // the newest id the list holds
    std::int64_t marked_up_to = 0;   // read receipts sent up to this id
    double polled_at = -1e9;      // wall clock of the last poll
    bool polling = false;
    std::int64_t unread = 0;
    int to = -1;                  // the chosen contact
    char body[4001] = "";
    int audience = 0;             // a broadcast's audience
    char broadcast[4001] = "";
    Outcome action;
};

void draw_messages_tab(AppState& state, MessagesTabState& tab);
[[nodiscard]] Json messages_tab_summary(const MessagesTabState& tab);

} // namespace learnloop::client
