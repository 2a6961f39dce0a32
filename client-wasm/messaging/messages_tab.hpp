// Messages in the portals, read as conversations: one per person written
// with, the business's notices, and (for administrators) the announcements
// they sent. The list of conversations shows each one's newest words and
// unread count; the conversation picked shows beside it (or alone, on a
// phone) with a reply box when its person may be written to. "New message"
// writes to someone not yet in the list; administrators also write to
// everyone of a role.
//
// New messages appear without a reload: every portal with messages asks
// the server every 20 seconds whether anything changed (an ETag'd poll,
// answered 304 while nothing did), and the tab's label counts the unread.
#pragma once

#include "app.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct MessagesTabState {
    Remote threads;                  // GET /api/messages/threads
    Remote talk;                     // GET /api/messages?with=: the open conversation
    std::string open;                // the open conversation's "with"; empty: none
    std::string talk_for;            // the conversation `talk` was asked for
    std::int64_t route_person = 0;   // a person the address named, opened once the list is in
    std::int64_t marked_up_to = 0;   // read receipts sent for the open conversation up to this id
    // The poll: the server's newest message id and unread count, and the
    // newest id when the list was last asked for.
    double polled_at = -1e9;         // wall clock of the last poll
    bool polling = false;
    std::int64_t latest_id = -1;     // -1: not polled yet
    std::int64_t loaded_latest = -1;
    std::int64_t unread = 0;
    // Writing.
    Remote contacts;                 // GET /api/messages/contacts
    bool writing = false;            // the "New message" form is open
    int to = -1;                     // the chosen contact
    char body[4001] = "";
    char reply[4001] = "";
    bool announcing = false;         // the "Message everyone" form is open
    int audience = 0;                // a broadcast's audience
    std::int64_t among = 0;          // among one teacher's students and their families (the teacher's id); 0: all
    char broadcast[4001] = "";
    Outcome action;
};

// Asks the server whether anything changed, at most every 20 seconds: run
// every frame by the portals that have messages, whichever tab is open.
void poll_messages(AppState& state, MessagesTabState& tab);
// "2" while two received messages are unread; empty when none.
[[nodiscard]] std::string messages_badge(const MessagesTabState& tab);

void draw_messages_tab(AppState& state, MessagesTabState& tab);
[[nodiscard]] Json messages_tab_summary(const MessagesTabState& tab);
// The conversation with a person in the address: "#/<portal>/messages/<person id>".
[[nodiscard]] ui::TabPlace messages_tab_place(const MessagesTabState& tab);
bool open_messages_tab(MessagesTabState& tab, const ui::Route& route);

} // namespace learnloop::client
