// The semantics layer: what each frame drew, as a tree of roles and names a
// page script mirrors into invisible DOM nodes over the canvas (web/semantics.js),
// and the requests that come back from those nodes (focus, activate, text).
//
// Screens do not call this directly: the wrappers in ui/widgets.hpp record
// themselves (ui::button, ui::text, ui::input_text, ...). A new widget
// records one node after drawing its ImGui item:
//
//     bool pressed = ImGui::Button(label) || semantics::take_activation(ImGui::GetItemID());
//     semantics::add(semantics::Role::Button, label);
//
// Containers (table, row, cell, tab list, radio group, list box, dialog) are begun and
// ended around their children; their rectangle is their children's unless given.
// See docs/ui-semantics.md.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::client::ui::semantics {

enum class Role : std::uint8_t {
    Group, Heading, Text, Button, Link, Checkbox, Radio, TextField, ComboBox,
    Table, Row, Cell, ColumnHeader, TabList, Tab, Dialog, Alert, Image, RadioGroup,
    ListBox, Option,              // an open combo's list and its choices
};

// States of a node, as bits.
enum State : std::uint16_t {
    None = 0,
    Disabled = 1 << 0,
    Checked = 1 << 1,
    Selected = 1 << 2,
    Multiline = 1 << 3,
    Password = 1 << 4,
    Invalid = 1 << 5,
    Offscreen = 1 << 6,   // scrolled out of its window: reachable, but takes no pointer
    Expanded = 1 << 7,    // a combo whose list is open
};

struct Node {
    ImGuiID key = 0;              // stable between frames: the ImGui id, or parent + ordinal
    int parent = -1;              // index in the frame's list, -1 for the root
    Role role = Role::Text;
    std::uint16_t state = None;
    int level = 0;                // heading level
    std::string label;            // the accessible name (visible label, "##" part removed)
    std::string value;            // a field's text, a combo's choice
    std::string hint;             // a field's placeholder; an input's autocomplete token after '|'
    float x = 0, y = 0, width = 0, height = 0;   // CSS pixels
    bool operator==(const Node&) const = default;
};

// Options a text field gives the browser.
struct TextOptions {
    const char* autocomplete = nullptr;   // "username", "current-password", "new-password", "email", "name"
};

// [SECTION] per frame (called by the platform's frame loop)
void begin_frame(float ui_scale);
// Ends the frame: returns true when the tree differs from the last frame's.
bool end_frame();
[[nodiscard]] const std::vector<Node>& nodes();
// The tree as JSON for the page script, plus which node has focus.
[[nodiscard]] std::string tree_json();
// Measured cost switch (docs/BENCHMARKS.md): when off, nothing is recorded.
void set_enabled(bool enabled);
[[nodiscard]] bool enabled();

// [SECTION] recording (used by ui/widgets.cpp)
// Records the last ImGui item as a node of `role`.
void add(Role role, std::string_view label, std::uint16_t state = None, std::string_view value = {},
    std::string_view hint = {});
// Records a node with an explicit rectangle (in ImGui pixels) and key.
void add_rect(Role role, std::string_view label, ImVec2 min, ImVec2 max, ImGuiID key, std::uint16_t state = None,
    int level = 0, std::string_view value = {});
void begin(Role role, std::string_view label, ImGuiID key = 0, std::uint16_t state = None);
void end();
// Closes containers down to (and including) the innermost of `role`, if open.
void end_through(Role role);
[[nodiscard]] bool inside(Role role);
// The visible part of an ImGui label ("Save##3" -> "Save", "Busy###x" -> "Busy").
[[nodiscard]] std::string_view visible_label(std::string_view label);

// [SECTION] requests from the page (focus, activation, text)
// Whether the page asked to activate `id` (a click from a screen reader,
// Enter or Space on a focused node); consumed.
[[nodiscard]] bool take_activation(ImGuiID id);
[[nodiscard]] bool peek_activation(ImGuiID id);
// Whether the page moved keyboard focus to `id` this frame; consumed.
[[nodiscard]] bool take_focus_request(ImGuiID id);
// The node with keyboard focus in the page (0 for none) and whether the
// focus ring shows (keyboard focus, not a click).
[[nodiscard]] ImGuiID focused();
// A text field's new text typed in the page, if any; consumed.
struct TextEdit {
    std::string text;
    int selection_start = 0;      // UTF-8 byte offsets
    int selection_end = 0;
};
[[nodiscard]] std::optional<TextEdit> take_text(ImGuiID id);

// Called by the platform when the page reports an event.
void on_focus(ImGuiID id, bool visible);
void on_activate(ImGuiID id);
void on_text(ImGuiID id, std::string text, int selection_start, int selection_end);

} // namespace learnloop::client::ui::semantics
