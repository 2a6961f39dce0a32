// Small widgets shared by every screen: remembered rectangles for tests,
// status labels that differ in glyph and word as well as colour, loading and
// error lines, a confirmation dialog, the centred card of the sign-in screens,
// and the layout that turns into one column on a phone (the compact layout).
#pragma once

#include "app.hpp"
#include "identity/permissions.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::client::ui {

// Whether the signed-in role may do `action`, from the shared matrix the
// server enforces (for the account's approval): the portals show only what a
// role may do.
[[nodiscard]] bool can(const AppState& state, learnloop::Action action);

// Records the last item's rectangle under `name` for the test hook.
void remember(AppState& state, const std::string& name);

// A tab of the current tab bar, remembered for tests under `name` (the tab
// itself, not its contents); `select` selects it (from the next frame, as a
// click does). When it returns true, draw the contents and call
// ImGui::EndTabItem(). A `badge` is a count after the label: "Messages (2)",
// read as "Messages, 2 new".
bool tab(AppState& state, const char* label, const std::string& name, bool select = false,
    const std::string& badge = {});

// A button that is also remembered for tests.
bool button(AppState& state, const char* label, const std::string& name, ImVec2 size = ImVec2(0, 0));
// A link to another screen of the app, named by its address ("#/teacher/
// assignments/12/submissions"). Returns true when followed; the caller opens
// the address (navigation.hpp's follow_link).
bool link(AppState& state, const char* label, const std::string& address, const std::string& name);

// [SECTION] right-to-left text
// What Dear ImGui draws for `text`, which has no shaping or right-to-left of
// its own: the same pointer for text of no right-to-left script (nearly
// all), else its letters joined and each line in the order it shows
// (shared-domain core/bidi). drawn_label does the same for a widget's label,
// leaving its "##" id part as written. The accessible tree keeps the text as
// written. The result lasts for the next few calls, long enough to pass on.
// Text that Dear ImGui wraps is reordered before it wraps: a long
// right-to-left line wraps with its end on the first line.
//   ImGui::GetWindowDrawList()->AddText(at, colour, ui::drawn(name.c_str()));
[[nodiscard]] const char* drawn(const char* text);
[[nodiscard]] const char* drawn_label(const char* label);

// [SECTION] widgets that record their semantics (ui/semantics.hpp)
// Their text is drawn through drawn(): names in Arabic or Hebrew read right.
// Each draws the Dear ImGui widget of the same name, records its role, name
// and state for the page's accessible tree, and honours requests from that
// tree (activation by a screen reader or the keyboard, focus, typed text).
// A label's "##" part is hidden from people, as in Dear ImGui.
void heading(const char* text, int level = 2);
void text(const char* fmt, ...) IM_FMTARGS(1);
void text_unformatted(const char* text);
void text_colored(const ImVec4& colour, const char* fmt, ...) IM_FMTARGS(2);
void text_wrapped(const char* fmt, ...) IM_FMTARGS(1);
// A muted paragraph that wraps to the window: what a section is for.
void note(const char* text);
void bullet_text(const char* fmt, ...) IM_FMTARGS(1);
// Text with simple formatting, wrapped to the window: a paragraph per line,
// "- " lines as bullets, a blank line as space, **emphasis** markers dropped
// (the words are what matters on a screen).
void paragraphs(std::string_view text);
// A message people must not miss (an error after an action): also announced.
void alert_text(const ImVec4& colour, const char* fmt, ...) IM_FMTARGS(2);
bool small_button(const char* label);
bool arrow_button(const char* id, ImGuiDir dir, const char* name);
// A clickable row of a list (opens or picks something).
bool selectable(const char* label, bool selected = false, ImGuiSelectableFlags flags = 0, ImVec2 size = ImVec2(0, 0));
bool checkbox(const char* label, bool* value);
bool radio_button(const char* label, bool active);
bool radio_button(const char* label, int* value, int button_value);
// Text fields: typing, input methods, paste and autofill go through a real
// browser input placed over the field. Without a visible label ("##email"),
// the field is named by the text drawn just before it.
bool input_text(const char* label, char* buffer, std::size_t size, ImGuiInputTextFlags flags = 0,
    semantics::TextOptions options = {});
bool input_text_with_hint(const char* label, const char* hint, char* buffer, std::size_t size,
    ImGuiInputTextFlags flags = 0, semantics::TextOptions options = {});
// "Label [field]" on one line: the label (which names the field for screen
// readers), a field `width_em` font sizes wide with `hint`, remembered as
// `name` for tests.
bool labelled_input(AppState& state, const char* label, const char* hint, char* buffer, std::size_t size,
    const std::string& name, float width_em, ImGuiInputTextFlags flags = 0);
// A multi-line field: while it has focus the browser's own text area edits it
// (wrapping, spelling, input methods); otherwise its text is drawn wrapped.
bool input_text_multiline(const char* label, char* buffer, std::size_t size, ImVec2 size_px);
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);
void end_combo();
// "Show [Every order ▾]": a list's filter, one of `count` words, `width_em`
// font sizes wide; true when the person picked another (the caller reloads
// from the first page).
bool list_filter(const char* id, const char* const* words, int count, int& choice, float width_em = 10.0f);
// Tables: rows and cells become the accessible table's rows and cells. In
// the compact layout a table is a list of cards: each row one card, its cells
// stacked, each beside its column's name (the accessible tree is the same).
bool begin_table(const char* id, int columns, ImGuiTableFlags flags = 0, ImVec2 outer_size = ImVec2(0, 0));
void end_table();
void table_headers_row();
void table_next_row();
bool table_next_column();
// The current cell's background (a heatmap's colour); a swatch before the
// value in the compact layout, where a card's cells share one background.
void table_cell_background(ImU32 colour);

// [SECTION] layout: wide screens and the compact (phone) layout
// Below k_compact_width CSS pixels every screen is one column: tables are
// cards, fields take the full width, controls are at least k_touch_target
// CSS pixels tall, text wraps at the screen's edge and a control that would
// not fit beside the one before it goes to the next line.
constexpr float k_compact_width = 600.0f;
constexpr float k_touch_target = 44.0f;
// Called by the app around each frame's window: decides the layout from the
// window's width and sets the style it needs.
void begin_layout(AppState& state);
void end_layout();
[[nodiscard]] bool compact();
// A list and the detail of what is picked in it, side by side (the list
// `list_share` of the width). The compact layout shows one at a time: the
// list, or while `picked` the detail under a "Back" button. Returns true on
// the frame that button is pressed: the caller drops its pick.
bool list_detail(AppState& state, const char* id, bool picked, float list_share, const std::function<void()>& list,
    const std::function<void()>& detail);
// For a widget drawn without a wrapper (a chart) beside the item before it:
// in the compact layout, one that would not fit goes to the next line.
// Returns the width it may take: `width`, or the rest of a shorter line.
[[nodiscard]] float place(float width);
// Flags for a tab bar: in the compact layout tabs that do not fit scroll
// sideways instead of shrinking until their names are cut.
[[nodiscard]] ImGuiTabBarFlags tab_bar_flags();

// A group of radio buttons, drawn between begin and end: one stop for Tab,
// the arrow keys move the choice within it (web/semantics.js).
void begin_radio_group(const char* name);
void end_radio_group();

// [SECTION] design-system pieces (ui/theme.hpp)
// A work status ("upcoming", "due_soon", "overdue", "missing", "submitted",
// "late", "graded") as a chip: a rounded tint, a shape and a word together,
// so it never rests on colour alone. The accessible name is the word.
void status_chip(std::string_view status);
// The same, kept under its old name for screens not yet moved over.
inline void status_label(std::string_view status) { status_chip(status); }
// A chip of any word: `glyph` (a shape), `word`, drawn in `text` on `tint`.
void chip(const char* glyph, const char* word, const ImVec4& text, const ImVec4& tint);

// The one main action of a screen: white words on the accent colour.
bool primary_button(AppState& state, const char* label, const std::string& name, ImVec2 size = ImVec2(0, 0));

// What an empty screen says: what is missing and what to do next, in a
// quiet card. With `action`, a button that does it; returns true when pressed.
bool empty_state(AppState& state, const char* title, const char* next_step, const char* action = nullptr,
    const std::string& name = {});

// Grey rounded bars where rows will be, while they load (recorded as one
// "Loading" status for screen readers).
void skeleton_rows(int rows, float width = -1.0f);

// One line per remote: skeleton rows while loading, the error with a retry
// button when failed. Returns true when the retry button was pressed.
bool remote_status(AppState& state, const Remote& remote, const std::string& name);

// An item a link named that is not there (deleted, or not this user's): says
// so in words, with a way back; returns true when that button is pressed.
bool missing_item(AppState& state, const char* text, const char* back_label, const std::string& name);

// "Newer" and "Older" under a list shown `page` rows at a time, newest first
// (none when everything fits on one page). `shown`: the rows this page got;
// a full page means there may be older ones. Moves `offset` and returns true
// when pressed: the caller loads the page again. `name` prefixes the buttons'
// names ("orders" -> "orders.newer", "orders.older").
bool pager(AppState& state, int& offset, int page, std::size_t shown, const std::string& name);

// The outcome of a form action, under the form.
void action_status(const Outcome& action);

// Every error of `errors` for `field`, in red with a cross.
void field_errors(const std::vector<Error>& errors, const char* field);

// A modal "Are you sure?" dialog. Call open_confirm() once to show it, then
// confirm_dialog() every frame; returns true on the frame the user confirms.
void open_confirm(const char* id);
bool confirm_dialog(AppState& state, const char* id, const std::string& text, const char* confirm_label);

// The centred column of the sign-in and sign-up screens: starts it with a
// large title at `top` (a share of the window height) and returns its width.
// End it with end_card().
float begin_card(AppState& state, float top, const char* title, float title_scale);
void end_card();

// A UTC time of the server's ("2026-12-05T19:39:00Z") on the school's or
// business's clock, as people read it: "Today, 14:39", "Sat 5 Dec 2026, 14:39".
[[nodiscard]] std::string time_for_people(const AppState& state, const std::string& utc);
// The same timestamp's day only: "Sun 25 Oct".
[[nodiscard]] std::string date_for_people(const AppState& state, const std::string& utc);

// Copies `text` into a fixed text buffer of an input field (cut to fit).
template <std::size_t N>
void copy_text(char (&target)[N], const std::string& text)
{
    std::snprintf(target, N, "%s", text.c_str());
}

} // namespace learnloop::client::ui
