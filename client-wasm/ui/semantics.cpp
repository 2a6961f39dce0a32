// The semantics layer (see semantics.hpp): [SECTION] frame, [SECTION]
// recording, [SECTION] requests from the page, [SECTION] JSON for the page.
#include "ui/semantics.hpp"

#include "ui/fonts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace learnloop::client::ui::semantics {

namespace {

struct Open {
    int index;                    // the container's node
    bool auto_rect;               // its rectangle is its children's
};

struct Recorder {
    bool enabled = true;
    float scale = 1.0f;
    std::vector<Node> nodes;
    std::vector<Node> previous;
    std::vector<Open> open;
    std::vector<int> ordinals;    // per node: how many children without an id it has had
    int root_ordinal = 0;
    ImGuiID last_active_field = 0;
    ImGuiID reported_active = 0;
    // Requests from the page, applied while drawing the next frame.
    std::unordered_set<ImGuiID> activations;
    ImGuiID focus = 0;
    bool focus_visible = false;
    bool focus_moved = false;     // since the last frame
    ImGuiID focus_request = 0;
    ImGuiID scroll_to = 0;        // a node focused from the keyboard, brought into view once drawn
    // The latest text of each field the page changed since the last frame
    // (two fields filled between two frames keep both).
    std::vector<std::pair<ImGuiID, TextEdit>> texts;
};

Recorder g_recorder;

int current_parent()
{
    return g_recorder.open.empty() ? -1 : g_recorder.open.back().index;
}

// A key for a node without an ImGui id: its parent's key and its place among
// the parent's id-less children, so it stays the same while the screen does.
ImGuiID derived_key(Role role)
{
    auto& r = g_recorder;
    int parent = current_parent();
    int ordinal = parent < 0 ? r.root_ordinal++ : r.ordinals[parent]++;
    ImGuiID seed = parent < 0 ? 0x5eed : r.nodes[parent].key;
    unsigned data[2] = { static_cast<unsigned>(ordinal), static_cast<unsigned>(role) };
    return ImHashData(data, sizeof data, seed);
}

// A keyboard-focus ring the browser's own would look like: drawn over
// everything, around the focused item, only when focus came from the keyboard.
void draw_focus_ring(ImVec2 min, ImVec2 max)
{
    float s = g_recorder.scale;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(min.x - 3 * s, min.y - 3 * s), ImVec2(max.x + 3 * s, max.y + 3 * s),
        IM_COL32(20, 90, 200, 255), 4 * s, 0, 2.5f * s);
}

int push_node(Node node, ImVec2 min, ImVec2 max, bool clip)
{
    auto& r = g_recorder;
    if (clip) {
        ImRect clip_rect = ImGui::GetCurrentWindowRead()->ClipRect;
        if (max.x <= clip_rect.Min.x || min.x >= clip_rect.Max.x || max.y <= clip_rect.Min.y
            || min.y >= clip_rect.Max.y) {
            node.state |= Offscreen;
        } else {
            // Only the part in view: a row half scrolled under the tab bar
            // must not take a tap meant for a tab.
            min = ImMax(min, clip_rect.Min);
            max = ImMin(max, clip_rect.Max);
        }
    }
    float s = r.scale;
    node.x = std::round(min.x / s);
    node.y = std::round(min.y / s);
    node.width = std::round((max.x - min.x) / s);
    node.height = std::round((max.y - min.y) / s);
    node.parent = current_parent();
    // Tab moved focus to a node scrolled out of its window (a long table, a
    // page below the fold): its window scrolls to it, as a browser scrolls a
    // focused element into view; it is drawn there from the next frame.
    if (node.key == r.scroll_to && node.key != 0 && clip) {
        r.scroll_to = 0;
        ImRect clip_rect = ImGui::GetCurrentWindowRead()->ClipRect;
        if (!clip_rect.Contains(ImRect(min, max)))
            ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(min, max));
    }
    if (node.key == r.focus && r.focus_visible && node.key != 0 && !(node.state & Offscreen))
        draw_focus_ring(min, max);
    r.nodes.push_back(std::move(node));
    r.ordinals.push_back(0);
    return static_cast<int>(r.nodes.size()) - 1;
}

} // namespace

// [SECTION] frame ------------------------------------------------------------

void set_enabled(bool enabled)
{
    g_recorder.enabled = enabled;
}

bool enabled()
{
    return g_recorder.enabled;
}

void begin_frame(float ui_scale)
{
    auto& r = g_recorder;
    r.scale = ui_scale;
    r.nodes.clear();
    r.open.clear();
    r.ordinals.clear();
    r.root_ordinal = 0;
    // Focus that left a text field in the page (Tab, a click on a button)
    // ends Dear ImGui's editing of it too, so its caret goes away.
    if (r.focus_moved) {
        r.focus_moved = false;
        ImGuiID active = ImGui::GetActiveID();
        if (active != 0 && active == r.reported_active && active != r.focus)
            ImGui::ClearActiveID();
    }
}

bool end_frame()
{
    auto& r = g_recorder;
    while (!r.open.empty())
        end();
    // Requests for nodes that were not drawn this frame are dropped: they
    // were meant for a screen that has gone.
    r.activations.clear();
    r.focus_request = 0;
    r.scroll_to = 0;
    r.texts.clear();
    if (!r.enabled)
        return false;
    // The field Dear ImGui is editing, so the page can give its input focus
    // (a field focused by the app, e.g. the first field of a form).
    ImGuiID active = ImGui::GetActiveID();
    bool active_is_field = std::any_of(r.nodes.begin(), r.nodes.end(),
        [active](const Node& n) { return n.key == active && n.role == Role::TextField; });
    r.last_active_field = active_is_field ? active : 0;
    bool changed = r.nodes != r.previous || r.last_active_field != r.reported_active;
    if (changed) {
        r.previous = r.nodes;
        r.reported_active = r.last_active_field;
    }
    return changed;
}

const std::vector<Node>& nodes()
{
    return g_recorder.nodes;
}

// [SECTION] recording --------------------------------------------------------

std::string_view visible_label(std::string_view label)
{
    auto hidden = label.find("##");
    return hidden == std::string_view::npos ? label : label.substr(0, hidden);
}

namespace {

// The name a node is known by: the visible label without the icons drawn in
// it (ui/icons.hpp: private-use code points, U+E000 to U+F8FF, whose UTF-8
// starts with 0xEE or 0xEF 0x80..0xA3), each with the space after it.
std::string spoken(std::string_view label)
{
    label = visible_label(label);
    std::string out;
    out.reserve(label.size());
    for (std::size_t i = 0; i < label.size();) {
        const auto lead = static_cast<unsigned char>(label[i]);
        const auto next = i + 1 < label.size() ? static_cast<unsigned char>(label[i + 1]) : 0;
        const bool icon = i + 2 < label.size() && (lead == 0xEE || (lead == 0xEF && next >= 0x80 && next <= 0xA3));
        if (!icon) {
            out.push_back(label[i++]);
            continue;
        }
        i += 3;
        if (i < label.size() && label[i] == ' ')
            ++i;
    }
    return out;
}

} // namespace

void add(Role role, std::string_view label, std::uint16_t state, std::string_view value, std::string_view hint)
{
    if (!g_recorder.enabled)
        return;
    Node node;
    node.role = role;
    node.state = state;
    node.label = spoken(label);
    node.value = std::string(value);
    node.hint = std::string(hint);
    ImGuiID id = ImGui::GetItemID();
    node.key = id != 0 ? id : derived_key(role);
    push_node(std::move(node), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), true);
}

void add_rect(Role role, std::string_view label, ImVec2 min, ImVec2 max, ImGuiID key, std::uint16_t state, int level,
    std::string_view value)
{
    if (!g_recorder.enabled)
        return;
    Node node;
    node.value = std::string(value);
    node.role = role;
    node.state = state;
    node.level = level;
    node.label = spoken(label);
    node.key = key != 0 ? key : derived_key(role);
    push_node(std::move(node), min, max, true);
}

void begin(Role role, std::string_view label, ImGuiID key, std::uint16_t state)
{
    if (!g_recorder.enabled)
        return;
    Node node;
    node.role = role;
    node.state = state;
    node.label = spoken(label);
    node.key = key != 0 ? key : derived_key(role);
    ImVec2 at = ImGui::GetCursorScreenPos();
    int index = push_node(std::move(node), at, at, false);
    g_recorder.open.push_back({ index, true });
}

void end()
{
    auto& r = g_recorder;
    if (!r.enabled || r.open.empty())
        return;
    Open open = r.open.back();
    r.open.pop_back();
    if (!open.auto_rect)
        return;
    // The container's rectangle is the union of its descendants' in view
    // (they follow it in the list): a tab strip scrolled sideways is as wide
    // as the tabs it shows. When none is in view, of them all, and it is
    // off screen too.
    auto& container = r.nodes[open.index];
    auto unite = [&](bool in_view_only) {
        bool any = false;
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        for (std::size_t i = open.index + 1; i < r.nodes.size(); ++i) {
            const auto& n = r.nodes[i];
            if ((n.width <= 0 && n.height <= 0) || (in_view_only && (n.state & Offscreen)))
                continue;
            if (!any) {
                x0 = n.x, y0 = n.y, x1 = n.x + n.width, y1 = n.y + n.height;
                any = true;
            } else {
                x0 = std::min(x0, n.x), y0 = std::min(y0, n.y);
                x1 = std::max(x1, n.x + n.width), y1 = std::max(y1, n.y + n.height);
            }
        }
        if (any)
            container.x = x0, container.y = y0, container.width = x1 - x0, container.height = y1 - y0;
        return any;
    };
    if (!unite(true) && unite(false))
        container.state |= Offscreen;
}

void end_through(Role role)
{
    if (!inside(role))
        return;
    auto& r = g_recorder;
    while (!r.open.empty()) {
        bool last = r.nodes[r.open.back().index].role == role;
        end();
        if (last)
            return;
    }
}

bool inside(Role role)
{
    const auto& r = g_recorder;
    return std::any_of(r.open.begin(), r.open.end(), [&](const Open& o) { return r.nodes[o.index].role == role; });
}

// [SECTION] requests from the page -------------------------------------------

bool take_activation(ImGuiID id)
{
    return id != 0 && g_recorder.activations.erase(id) > 0;
}

bool peek_activation(ImGuiID id)
{
    return id != 0 && g_recorder.activations.count(id) > 0;
}

bool take_focus_request(ImGuiID id)
{
    if (id == 0 || g_recorder.focus_request != id)
        return false;
    g_recorder.focus_request = 0;
    return true;
}

ImGuiID focused()
{
    return g_recorder.focus;
}

std::optional<TextEdit> take_text(ImGuiID id)
{
    auto& texts = g_recorder.texts;
    auto it = std::find_if(texts.begin(), texts.end(), [id](const auto& t) { return t.first == id; });
    if (id == 0 || it == texts.end())
        return std::nullopt;
    auto edit = std::move(it->second);
    texts.erase(it);
    return edit;
}

void on_focus(ImGuiID id, bool visible)
{
    auto& r = g_recorder;
    if (id != r.focus) {
        r.focus_request = id;
        r.scroll_to = visible ? id : 0;
    }
    r.focus = id;
    r.focus_visible = visible && id != 0;
    r.focus_moved = true;
}

void on_activate(ImGuiID id)
{
    g_recorder.activations.insert(id);
}

void on_text(ImGuiID id, std::string text, int selection_start, int selection_end)
{
    fonts::note_text(text);   // typed, pasted or picked: drawn in the field next frame
    auto& texts = g_recorder.texts;
    TextEdit edit { std::move(text), selection_start, selection_end };
    auto it = std::find_if(texts.begin(), texts.end(), [id](const auto& t) { return t.first == id; });
    if (it != texts.end())
        it->second = std::move(edit);
    else
        texts.emplace_back(id, std::move(edit));
}

// [SECTION] JSON for the page -----------------------------------------------

namespace {

// JSON string escaping for labels and values (UTF-8 passes through).
void append_string(std::string& out, const std::string& text)
{
    out += '"';
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

void append_number(std::string& out, long long value)
{
    out += std::to_string(value);
}

} // namespace

std::string tree_json()
{
    const auto& r = g_recorder;
    // One array per node, in drawing order (parents before children):
    // [key, parent index, role, state, level, label, value, hint, x, y, width, height].
    // Written by hand: a table of a few thousand cells is sent while it
    // scrolls, and building a JSON document first cost several times more.
    std::string out;
    out.reserve(64 + r.nodes.size() * 64);
    out += "{\"active\":";
    append_number(out, r.last_active_field);
    out += ",\"nodes\":[";
    bool first = true;
    for (const auto& n : r.nodes) {
        if (!first)
            out += ',';
        first = false;
        out += '[';
        append_number(out, n.key);
        out += ',';
        append_number(out, n.parent);
        out += ',';
        append_number(out, static_cast<int>(n.role));
        out += ',';
        append_number(out, n.state);
        out += ',';
        append_number(out, n.level);
        out += ',';
        append_string(out, n.label);
        out += ',';
        append_string(out, n.value);
        out += ',';
        append_string(out, n.hint);
        for (float v : { n.x, n.y, n.width, n.height }) {
            out += ',';
            append_number(out, static_cast<long long>(v));
        }
        out += ']';
    }
    out += "]}";
    return out;
}

} // namespace learnloop::client::ui::semantics
