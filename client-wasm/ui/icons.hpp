// Icons, drawn as text from Font Awesome 4.7 (Debian's fonts-font-awesome).
//
// Each is the UTF-8 of a private-use code point, so it joins a label as a
// string literal does:
//
//     ui::button(state, ICON_TRASH " Delete", "course.delete");
//
// The accessible tree never reads an icon: semantics drops private-use code
// points (and the space after one) from every name, so that button is
// "Delete" to a screen reader and to getByRole. An icon is never the only
// sign of anything: a chip has its word, a button its label.
//
// The build cuts exactly the code points named here ("U+F015" in each
// comment; cmake/slice_fonts.py reads this file) into one font slice that
// loads with the manifest, before the first frame. A new icon is a line here.
// Macros, as the usual icon headers for Dear ImGui are, so that an icon and a
// label make one literal (a hex escape would swallow a following letter).
#pragma once

#include <string_view>

// [SECTION] places (tabs)
#define ICON_HOME "\xEF\x80\x95"        // U+F015 home
#define ICON_CALENDAR "\xEF\x81\xB3"    // U+F073 calendar, sessions
#define ICON_USERS "\xEF\x83\x80"       // U+F0C0 classes, people, children
#define ICON_USER "\xEF\x80\x87"        // U+F007 one person, users
#define ICON_BOOK "\xEF\x80\xAD"        // U+F02D courses
#define ICON_FILE_TEXT "\xEF\x83\xB6"   // U+F0F6 assignments
#define ICON_BAR_CHART "\xEF\x82\x80"   // U+F080 mastery, progress, summaries
#define ICON_LIST "\xEF\x80\xBA"        // U+F03A gradebook, plans
#define ICON_LIGHTBULB "\xEF\x83\xAB"   // U+F0EB practice, hints
#define ICON_ENVELOPE "\xEF\x83\xA0"    // U+F0E0 messages
#define ICON_MONEY "\xEF\x83\x96"       // U+F0D6 money, invoices
#define ICON_CLOCK "\xEF\x80\x97"       // U+F017 hours, upcoming
#define ICON_COG "\xEF\x80\x93"         // U+F013 settings
#define ICON_HISTORY "\xEF\x87\x9A"     // U+F1DA audit log
#define ICON_LOCK "\xEF\x80\xA3"        // U+F023 sign-up policy, security
#define ICON_DATABASE "\xEF\x87\x80"    // U+F1C0 the exam bank
#define ICON_GRADUATION "\xEF\x86\x9D"  // U+F19D teaching

// [SECTION] states (chips)
#define ICON_CHECK "\xEF\x80\x8C"       // U+F00C marked, completed
#define ICON_CIRCLE_OPEN "\xEF\x84\x8C" // U+F10C scheduled, not yet happened
#define ICON_CIRCLE "\xEF\x84\x91"      // U+F111 a state without its own icon
#define ICON_REPEAT "\xEF\x80\x9E"      // U+F01E moved
#define ICON_EXCLAMATION "\xEF\x84\xAA" // U+F12A due soon, no-show
#define ICON_WARNING "\xEF\x81\xB1"     // U+F071 overdue, missing
#define ICON_UPLOAD "\xEF\x82\x93"      // U+F093 handed in
#define ICON_BAN "\xEF\x81\x9E"         // U+F05E cancelled, void
#define ICON_HOURGLASS "\xEF\x89\x92"   // U+F252 waiting, a draft
#define ICON_MINUS "\xEF\x81\x96"       // U+F056 deactivated, expired
#define ICON_HALF "\xEF\x81\x82"        // U+F042 partly paid
#define ICON_SENT "\xEF\x87\x98"        // U+F1D8 sent, issued

// [SECTION] actions (buttons)
#define ICON_PLUS "\xEF\x81\xA7"        // U+F067 add, new
#define ICON_TRASH "\xEF\x87\xB8"       // U+F1F8 delete
#define ICON_UNDO "\xEF\x83\xA2"        // U+F0E2 restore
#define ICON_PENCIL "\xEF\x81\x80"      // U+F040 edit, mark
#define ICON_SEARCH "\xEF\x80\x82"      // U+F002 search
#define ICON_PRINT "\xEF\x80\xAF"       // U+F02F print
#define ICON_DOWNLOAD "\xEF\x80\x99"    // U+F019 download, export
#define ICON_SIGN_OUT "\xEF\x82\x8B"    // U+F08B sign out
#define ICON_TIMES "\xEF\x80\x8D"       // U+F00D close

// [SECTION] things (progress, empty states)
#define ICON_TROPHY "\xEF\x82\x91"      // U+F091 leaderboard, badges
#define ICON_FIRE "\xEF\x81\xAD"        // U+F06D a streak
#define ICON_STAR "\xEF\x80\x85"        // U+F005 points, a review's stars
#define ICON_STAR_O "\xEF\x80\x86"      // U+F006 a review's stars not given
#define ICON_INBOX "\xEF\x80\x9C"       // U+F01C nothing here yet
#define ICON_INFO "\xEF\x81\x9A"        // U+F05A a note

namespace learnloop::client::ui {

// The icon of a portal's tab, by the last part of its name ("teacher.tab.home"
// -> "home"); empty for a tab without one.
[[nodiscard]] std::string_view tab_icon(std::string_view path);

} // namespace learnloop::client::ui
