// Shared widgets (see widgets.hpp).
// Over 600 lines: every widget that records its part of the accessible tree lives here, beside
// the helpers they share (right-to-left drawing, focus, the test hook); widgets.hpp sorts them by kind.
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "core/bidi.hpp"
#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "platform/clock.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/labels.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdarg>
#include <cstring>

namespace learnloop::client::ui {

bool can(const AppState& state, learnloop::Action action)
{
    return state.session.signed_in && is_allowed(state.session.role, action, state.session.approval);
}

void remember(AppState& state, const std::string& name)
{
    auto min = ImGui::GetItemRectMin();
    auto max = ImGui::GetItemRectMax();
    float s = state.ui_scale;
    state.layout.emplace_back(name, WidgetRect { min.x / s, min.y / s, (max.x - min.x) / s, (max.y - min.y) / s });
}

namespace {

// `text` as drawn, line by line: each line is a paragraph of its own for the
// bidirectional algorithm (a Hebrew reply of two lines keeps its lines in order).
void append_drawn(std::string& out, std::string_view text)
{
    for (std::size_t start = 0;;) {
        const auto end = text.find('\n', start);
        out += display_text(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        out += '\n';
        start = end + 1;
    }
}

// A buffer that lives for the next few calls: a widget passes on a label
// and a preview at once.
std::string& next_buffer()
{
    static std::array<std::string, 16> buffers;
    static std::size_t next = 0;
    auto& out = buffers[next++ % buffers.size()];
    out.clear();
    return out;
}

} // namespace

const char* drawn(const char* text)
{
    if (!text || !has_right_to_left(text))
        return text;
    auto& out = next_buffer();
    append_drawn(out, text);
    fonts::note_text(out);   // the joined forms are glyphs of their own
    return out.c_str();
}

const char* drawn_label(const char* label)
{
    if (!label || !has_right_to_left(label))
        return label;
    auto& out = next_buffer();
    const std::string_view all(label);
    const auto id = all.find("##");
    append_drawn(out, all.substr(0, id));
    if (id != std::string_view::npos)
        out.append(all.substr(id));   // the id part stays as written
    fonts::note_text(out);
    return out.c_str();
}

bool tab(AppState& state, const char* label, const std::string& name, bool select, const std::string& badge)
{
    // The tab is known by its label alone ("###"), so a count that comes
    // and goes leaves it the same tab (selected, focused).
    // Its icon goes before the words and not into the tab's name (the icon
    // is drawn, never spoken: ui/icons.hpp).
    const std::string_view icon = tab_icon(std::string_view(name).substr(name.rfind('.') + 1));
    const std::string words = badge.empty() ? std::string(label) : std::string(label) + " (" + badge + ")";
    const std::string shown = (icon.empty() ? words : std::string(icon) + " " + words) + "###" + label;
    // A tab chosen in the page (screen reader, keyboard) is selected as if clicked.
    ImGuiID id = ImGui::GetID(shown.c_str());
    ImGuiTabItemFlags flags = semantics::take_activation(id) || select ? ImGuiTabItemFlags_SetSelected : 0;
    bool open = ImGui::BeginTabItem(shown.c_str(), nullptr, flags);
    remember(state, name);   // right after BeginTabItem, the tab is the last item
    // A strip too narrow for its tabs scrolls them under its own clip, beside
    // its arrow buttons: the tab's node is the part shown there, so a finger
    // on a sliver of tab at the edge presses that tab, not an arrow or its
    // neighbour (the node's centre is where the page's tap lands).
    std::uint16_t tab_state = open ? semantics::Selected : semantics::None;
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    if (const ImGuiTabBar* bar = GImGui->CurrentTabBar) {
        const float left = ImMax(min.x, bar->ScrollingRectMinX), right = ImMin(max.x, bar->ScrollingRectMaxX);
        if (right > left) {
            min.x = left;
            max.x = right;
        } else {
            tab_state |= semantics::Offscreen;
        }
    }
    const std::string spoken = badge.empty() ? std::string(label) : std::string(label) + ", " + badge + " new";
    semantics::add_rect(semantics::Role::Tab, spoken, min, max, ImGui::GetItemID(), tab_state);
    return open;
}

namespace {

// [SECTION] layout state ---------------------------------------------------------

struct Layout {
    bool compact = false;
    float scale = 1.0f;           // ImGui pixels per CSS pixel
    int style_vars = 0;           // pushed by begin_layout
};

Layout g_layout;

float css(float px)
{
    return px * g_layout.scale;
}

// A table drawn as cards (compact layout): one ImGui column, each row a card,
// each cell a line of the card: its column's name, then its value beside it.
struct CardTable {
    std::vector<std::string> columns;
    int column = -1;              // the current cell, -1 before a row's first
    bool visible = true;          // whether the row's one ImGui cell is in view
    float label_width = -1;       // set at the first cell
    bool value_open = false;      // the cell's value group is open
    bool fresh = false;           // nothing drawn in the cell's value yet
    bool control_first = false;   // the value starts with a control (its text sits lower)
    ImVec2 top;                   // the cell's top left corner (screen)
};

std::vector<CardTable> g_cards;   // open card tables, innermost last

CardTable* card()
{
    return g_layout.compact && !g_cards.empty() ? &g_cards.back() : nullptr;
}

// Whether the next item goes beside the one before it (after SameLine).
bool beside_previous(const ImGuiWindow* window)
{
    float line_start = std::floor(window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x);
    return window->DC.CursorPos.y == window->DC.CursorPosPrevLine.y && window->DC.CursorPos.x > line_start + 1.0f;
}

enum class Item { Text, Control };

// Compact layout: an item of `width` placed beside the one before it that
// would run past the right edge, or was placed over it (SameLine with an
// offset), goes to the next line instead, so nothing leaves the screen. So
// does a control placed beside plain text: a control is taller than a line
// of text, whose words would sit above the control's (a label goes above
// its control on a phone; a screen that wants them side by side aligns the
// text with AlignTextToFramePadding).
void flow(float width, Item item)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems || !beside_previous(window))
        return;
    bool overlaps = window->DC.CursorPos.x < window->DC.CursorPosPrevLine.x;
    bool past_edge = window->DC.CursorPos.x + width > window->WorkRect.Max.x + 0.5f;
    bool after_text = item == Item::Control && window->DC.CurrLineTextBaseOffset + 0.5f < ImGui::GetStyle().FramePadding.y;
    if (overlaps || past_edge || after_text)
        ImGui::NewLine();
}

// Before a control: at the start of a card's value it sits beside its
// label; elsewhere it flows.
void before_control(float width)
{
    if (!g_layout.compact)
        return;
    if (CardTable* c = card(); c && c->fresh) {
        c->fresh = false;
        c->control_first = true;
        return;
    }
    flow(width, Item::Control);
}

// Before a line of text: text that does not fit beside the item before it
// starts a new line.
void before_text(const char* text)
{
    if (!g_layout.compact)
        return;
    if (CardTable* c = card(); c && c->fresh) {
        c->fresh = false;
        return;
    }
    flow(ImGui::CalcTextSize(text).x, Item::Text);
}

// Text drawn by the wrappers: in the compact layout it wraps at the edge of
// its column unless the screen set a wrap position. Windows that size
// themselves to their content (popups) keep their lines: wrapping there
// would shrink the window a word at a time.
void draw_text(const char* text)
{
    text = drawn(text);
    before_text(text);
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    bool wrap = g_layout.compact && window->DC.TextWrapPos < 0.0f && !(window->Flags & ImGuiWindowFlags_AlwaysAutoResize);
    if (wrap)
        ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    if (wrap)
        ImGui::PopTextWrapPos();
}

// The width a button of `label` will take.
float button_width(const char* label, ImVec2 size)
{
    ImVec2 text = ImGui::CalcTextSize(label, nullptr, true);
    return ImGui::CalcItemSize(size, text.x + ImGui::GetStyle().FramePadding.x * 2, 0).x;
}

// Fields and combos take the full width of their column on a phone; one
// placed beside something with little room left starts a new line.
void full_width_field()
{
    if (!g_layout.compact)
        return;
    if (CardTable* c = card(); c && c->fresh) {
        c->fresh = false;
        c->control_first = true;
    } else {
        flow(ImGui::GetFontSize() * 10, Item::Control);
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
}

std::uint16_t disabled_state()
{
    return (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) ? semantics::Disabled : semantics::None;
}

// Formats like printf into a buffer reused every call (a frame draws many
// lines); it grows to fit, so a long answer or description is never cut.
const char* format(const char* fmt, va_list args)
{
    static std::string buffer(1024, '\0');
    va_list again;
    va_copy(again, args);
    int needed = std::vsnprintf(buffer.data(), buffer.size(), fmt, args);
    if (needed >= 0 && static_cast<std::size_t>(needed) >= buffer.size()) {
        buffer.resize(static_cast<std::size_t>(needed) + 1);
        std::vsnprintf(buffer.data(), buffer.size(), fmt, again);
    }
    va_end(again);
    return buffer.c_str();
}

// A field without a visible label is named by the text drawn just before it
// ("Email" above "##email"), as a <label> would; without one, by its hint.
// Section titles are headings (ui::heading), so they never name a field.
std::string field_name(const char* label, const char* hint)
{
    std::string_view visible = semantics::visible_label(label);
    if (!visible.empty())
        return std::string(visible);
    // In a table, its column's name (a user's "Role"), as on a card.
    if (semantics::inside(semantics::Role::Cell)) {
        std::string column;
        if (const CardTable* c = card())
            column = static_cast<std::size_t>(c->column) < c->columns.size() ? c->columns[c->column] : "";
        else if (const char* name = ImGui::TableGetColumnName(ImGui::TableGetColumnIndex()))
            column = name;
        if (!column.empty())
            return column;
    }
    const auto& nodes = semantics::nodes();
    if (!nodes.empty() && nodes.back().role == semantics::Role::Text && nodes.back().label.size() <= 60) {
        std::string text = nodes.back().label;
        while (!text.empty() && (text.back() == ':' || text.back() == ' '))
            text.pop_back();   // "Link code from the school:" names the field without its colon
        return text;
    }
    return hint ? hint : "";
}

// Applies text typed in the page to an ImGui field being edited: Dear ImGui
// keeps its own copy of the text while a field is active, so the new text
// goes in through the callback that may edit it.
int apply_page_text(ImGuiInputTextCallbackData* data)
{
    auto* edit = static_cast<semantics::TextEdit*>(data->UserData);
    if (!edit || edit->selection_start < 0)
        return 0;
    data->DeleteChars(0, data->BufTextLen);
    std::size_t fit = std::min<std::size_t>(edit->text.size(), static_cast<std::size_t>(data->BufSize - 1));
    while (fit > 0 && fit < edit->text.size() && (static_cast<unsigned char>(edit->text[fit]) & 0xC0) == 0x80)
        --fit;   // never cut a UTF-8 sequence in two
    data->InsertChars(0, edit->text.data(), edit->text.data() + fit);
    data->SelectionStart = std::clamp(edit->selection_start, 0, data->BufTextLen);
    data->SelectionEnd = std::clamp(edit->selection_end, 0, data->BufTextLen);
    data->CursorPos = data->SelectionEnd;
    edit->selection_start = -1;   // applied once
    return 0;
}

void copy_into(char* buffer, std::size_t size, const std::string& text)
{
    std::size_t fit = std::min(text.size(), size - 1);
    while (fit > 0 && fit < text.size() && (static_cast<unsigned char>(text[fit]) & 0xC0) == 0x80)
        --fit;
    std::memcpy(buffer, text.data(), fit);
    buffer[fit] = 0;
}

bool field(const char* label, const char* hint, char* buffer, std::size_t size, ImGuiInputTextFlags flags,
    semantics::TextOptions options)
{
    ImGuiID id = ImGui::GetID(label);
    std::string name = field_name(label, hint);
    auto edit = semantics::take_text(id);
    bool changed = false;
    if (semantics::take_focus_request(id))
        ImGui::SetKeyboardFocusHere();
    if (edit && ImGui::GetActiveID() != id) {
        copy_into(buffer, size, edit->text);
        changed = true;
        edit.reset();
    }
    flags |= ImGuiInputTextFlags_CallbackAlways;
    full_width_field();
    semantics::TextEdit* pending = edit ? &*edit : nullptr;
    // Enter pressed in the page's input reaches Dear ImGui as a key; an
    // EnterReturnsTrue field then reports it even though the page typed the text.
    bool result = hint ? ImGui::InputTextWithHint(label, hint, buffer, size, flags, apply_page_text, pending)
                       : ImGui::InputText(label, buffer, size, flags, apply_page_text, pending);
    if (flags & ImGuiInputTextFlags_EnterReturnsTrue)
        changed = result;
    else
        changed = changed || result;
    std::uint16_t state = disabled_state();
    if (flags & ImGuiInputTextFlags_Password)
        state |= semantics::Password;
    std::string extra = std::string(hint ? hint : "") + "|" + (options.autocomplete ? options.autocomplete : "");
    semantics::add(semantics::Role::TextField, name, state, buffer, extra);
    return changed;
}

} // namespace

bool button(AppState& state, const char* label, const std::string& name, ImVec2 size)
{
    const char* shown = drawn_label(label);
    before_control(button_width(shown, size));
    bool pressed = ImGui::Button(shown, size);
    remember(state, name);
    pressed |= semantics::take_activation(ImGui::GetItemID()) && !(disabled_state() & semantics::Disabled);
    semantics::add(semantics::Role::Button, label, disabled_state());
    return pressed;
}

bool link(AppState& state, const char* label, const std::string& address, const std::string& name)
{
    // A button in the look of a link (accent words, underlined when
    // hovered): the same focus ring, Enter and touch target as a button.
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, k_accent);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const char* shown = drawn_label(label);
    before_control(button_width(shown, ImVec2(0, 0)));
    bool pressed = ImGui::Button(shown);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered()) {
        ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        float y = max.y - ImGui::GetStyle().FramePadding.y;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), ImGui::GetColorU32(k_accent));
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    remember(state, name);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    // The address is the element's href (the page script writes it), so a
    // screen reader reads it as a link and "copy link" copies the screen's address.
    semantics::add(semantics::Role::Link, label, semantics::None, {}, address);
    return pressed;
}

void heading(const char* text, int level)
{
    // The type scale: the page title and section titles stand out by size
    // (a caller that set its own size, e.g. the sign-in card's title, keeps it).
    const float before = ImGui::GetCurrentWindow()->FontWindowScale;
    if (before == 1.0f)
        ImGui::SetWindowFontScale(level <= 1 ? k_type_title : level == 2 ? k_type_heading : k_type_body);
    draw_text(text);
    ImGui::SetWindowFontScale(before);
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Heading, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0,
            semantics::None, level);
}

void text_unformatted(const char* text)
{
    draw_text(text);
    semantics::add(semantics::Role::Text, text);
}

void text(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    text_unformatted(line);
}

void text_colored(const ImVec4& colour, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text_unformatted(line);
    ImGui::PopStyleColor();
}

void text_wrapped(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    ImGui::PushTextWrapPos(0.0f);
    text_unformatted(line);
    ImGui::PopTextWrapPos();
}

bool labelled_input(AppState& state, const char* label, const char* hint, char* buffer, std::size_t size,
    const std::string& name, float width_em, ImGuiInputTextFlags flags)
{
    text_unformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
    const bool changed = input_text_with_hint(("##" + name).c_str(), hint, buffer, size, flags);
    remember(state, name);
    return changed;
}

void note(const char* text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, k_muted);
    ImGui::PushTextWrapPos(0.0f);
    text_unformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void bullet_text(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    if (g_layout.compact) {
        // A bullet, then the text wrapped beside it (BulletText never wraps).
        before_control(ImGui::GetFontSize() * 2);
        ImGui::Bullet();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(drawn(line));
        ImGui::PopTextWrapPos();
    } else {
        ImGui::BulletText("%s", drawn(line));
    }
    semantics::add(semantics::Role::Text, line);
}

// "**Grid** lines" -> "Grid lines": the markers are for emphasis in print;
// here the words are what matters.
static std::string without_markers(std::string_view line)
{
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
            ++i;
            continue;
        }
        out += line[i];
    }
    return out;
}

void paragraphs(std::string_view body)
{
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& raw : split(body, '\n')) {
        const auto line = trim(raw);
        if (line.empty()) {
            ui::vertical_space(ui::k_space_s);
            continue;
        }
        if (line.size() > 2 && line.substr(0, 2) == "- ")
            ui::bullet_text("%s", without_markers(line.substr(2)).c_str());
        else
            ui::text_unformatted(without_markers(line).c_str());
    }
    ImGui::PopTextWrapPos();
}


void alert_text(const ImVec4& colour, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    draw_text(line);
    ImGui::PopStyleColor();
    semantics::add(semantics::Role::Alert, line);
}

bool small_button(const char* label)
{
    // On a phone a small button is a whole touch target.
    const char* shown = drawn_label(label);
    before_control(button_width(shown, ImVec2(0, 0)));
    bool pressed = g_layout.compact ? ImGui::Button(shown) : ImGui::SmallButton(shown);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, label, disabled_state());
    return pressed;
}

bool arrow_button(const char* id, ImGuiDir dir, const char* name)
{
    before_control(ImGui::GetFrameHeight());
    bool pressed = ImGui::ArrowButton(id, dir);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, name, disabled_state());
    return pressed;
}

bool selectable(const char* label, bool selected, ImGuiSelectableFlags flags, ImVec2 size)
{
    if (g_layout.compact) {
        // A row is a touch target: its height with the half spacing above
        // and below that Dear ImGui adds to it.
        // In a card it starts where its label's line starts.
        CardTable* c = card();
        bool first_in_card = c && c->fresh;
        before_control(0.0f);
        float spacing = ImGui::GetStyle().ItemSpacing.y;
        if (first_in_card)
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + spacing * 0.5f);
        size.y = std::max(size.y, css(k_touch_target) - spacing);
    }
    bool pressed = ImGui::Selectable(drawn_label(label), selected, flags, size);
    // Picked from the page (a screen reader, Enter on the option): the list
    // closes as it does for a click.
    const bool activated = semantics::take_activation(ImGui::GetItemID());
    if (activated && !pressed && !(flags & ImGuiSelectableFlags_DontClosePopups)
        && (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_Popup))
        ImGui::CloseCurrentPopup();
    pressed |= activated;
    // In an open combo's list, a choice (selected: the one the combo shows).
    const auto role = semantics::inside(semantics::Role::ListBox) ? semantics::Role::Option : semantics::Role::Button;
    semantics::add(role, label, disabled_state() | (selected ? semantics::Selected : 0));
    return pressed;
}

namespace {

enum class Mark { Check, Radio };

// A checkbox or radio button for the compact layout: Dear ImGui draws their
// box as tall as a control, which at a touch target's height is a giant
// circle; this one keeps the whole row the finger's target and the mark the
// size of the text. Same id as Dear ImGui's own, so the page's requests find it.
bool touch_toggle(const char* label, bool on, Mark mark)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    float box = std::round(ImGui::GetFontSize() * 1.25f);
    before_control(box + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, label_end).x);
    // A long label wraps beside its mark instead of running off the screen.
    ImVec2 at = ImGui::GetCursorScreenPos();
    float room = std::max(ImGui::GetFontSize() * 4, ImGui::GetCurrentWindow()->WorkRect.Max.x - at.x - box - style.ItemInnerSpacing.x);
    ImVec2 text = ImGui::CalcTextSize(label, label_end, false, room);
    float height = std::max(css(k_touch_target), text.y + style.FramePadding.y);
    ImGui::AlignTextToFramePadding();   // its text is a control's: text placed beside it lines up
    bool pressed = ImGui::InvisibleButton(label, ImVec2(box + style.ItemInnerSpacing.x + text.x, height));
    ImU32 fill = ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_FrameBgActive
            : ImGui::IsItemHovered()                     ? ImGuiCol_FrameBgHovered
                                                         : ImGuiCol_FrameBg);
    ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    ImU32 tick = ImGui::GetColorU32(ImGuiCol_CheckMark);
    ImVec2 min(at.x, at.y + std::round((height - box) * 0.5f));
    ImVec2 max(min.x + box, min.y + box);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (mark == Mark::Radio) {
        ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
        draw->AddCircleFilled(centre, box * 0.5f, fill, 24);
        draw->AddCircle(centre, box * 0.5f, border, 24, css(1));
        if (on)
            draw->AddCircleFilled(centre, box * 0.25f, tick, 16);
    } else {
        draw->AddRectFilled(min, max, fill, style.FrameRounding);
        draw->AddRect(min, max, border, style.FrameRounding, 0, css(1));
        if (on) {
            float pad = std::max(1.0f, std::floor(box / 6.0f));
            ImGui::RenderCheckMark(draw, ImVec2(min.x + pad, min.y + pad), tick, box - pad * 2.0f);
        }
    }
    ImGui::RenderTextWrapped(ImVec2(max.x + style.ItemInnerSpacing.x, at.y + std::round((height - text.y) * 0.5f)), label,
        label_end, room);
    return pressed;
}

} // namespace

bool checkbox(const char* label, bool* value)
{
    bool pressed = false;
    if (g_layout.compact) {
        pressed = touch_toggle(drawn_label(label), *value, Mark::Check);
        if (pressed)
            *value = !*value;
    } else {
        pressed = ImGui::Checkbox(drawn_label(label), value);
    }
    if (semantics::take_activation(ImGui::GetItemID())) {
        *value = !*value;
        pressed = true;
    }
    semantics::add(semantics::Role::Checkbox, label, disabled_state() | (*value ? semantics::Checked : 0));
    return pressed;
}

bool radio_button(const char* label, bool active)
{
    bool pressed = g_layout.compact ? touch_toggle(drawn_label(label), active, Mark::Radio) : ImGui::RadioButton(drawn_label(label), active);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Radio, label, disabled_state() | (active ? semantics::Checked : 0));
    return pressed;
}

bool radio_button(const char* label, int* value, int button_value)
{
    bool pressed = radio_button(label, *value == button_value);
    if (pressed)
        *value = button_value;
    return pressed;
}

bool input_text(const char* label, char* buffer, std::size_t size, ImGuiInputTextFlags flags,
    semantics::TextOptions options)
{
    return field(label, nullptr, buffer, size, flags, options);
}

bool input_text_with_hint(const char* label, const char* hint, char* buffer, std::size_t size,
    ImGuiInputTextFlags flags, semantics::TextOptions options)
{
    return field(label, hint, buffer, size, flags, options);
}

bool input_text_multiline(const char* label, char* buffer, std::size_t size, ImVec2 size_px)
{
    ImGuiID id = ImGui::GetID(label);
    std::string name = field_name(label, nullptr);
    bool changed = false;
    if (auto edit = semantics::take_text(id)) {
        copy_into(buffer, size, edit->text);
        changed = true;
    }
    // The box is drawn here with its text wrapped; the page's text area,
    // shown over it while it has focus, does the editing.
    full_width_field();
    ImVec2 box = ImGui::CalcItemSize(size_px, ImGui::CalcItemWidth(), ImGui::GetFrameHeight() * 3);
    ImGui::InvisibleButton(label, box);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const auto& style = ImGui::GetStyle();
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    if (style.FrameBorderSize > 0)
        draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
    ImVec4 clip(min.x, min.y, max.x, max.y);
    ImVec2 at(min.x + style.FramePadding.x, min.y + style.FramePadding.y);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), buffer, nullptr,
        box.x - style.FramePadding.x * 2, &clip);
    std::uint16_t state = disabled_state() | semantics::Multiline;
    semantics::add(semantics::Role::TextField, name, state, buffer, "|");
    return changed;
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags)
{
    ImGuiID id = ImGui::GetID(label);
    const ImGuiID popup = ImHashStr("##ComboPopup", 0, id);
    if (semantics::take_activation(id))
        ImGui::OpenPopupEx(popup);
    full_width_field();
    // Recorded before BeginCombo, whose popup becomes the current window once open.
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 end(at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight());
    const std::string name = field_name(label, nullptr);
    const std::uint16_t expanded = ImGui::IsPopupOpen(popup, ImGuiPopupFlags_None) ? semantics::Expanded : 0;
    semantics::add_rect(semantics::Role::ComboBox, name, at, end, id, disabled_state() | expanded, 0, preview);
    if (!ImGui::BeginCombo(label, drawn(preview), flags))
        return false;
    // The open list: its choices are options (ui::selectable), which the
    // page moves between with the arrow keys (web/semantics.js).
    semantics::begin(semantics::Role::ListBox, name, popup);
    return true;
}

void end_combo()
{
    semantics::end_through(semantics::Role::ListBox);
    ImGui::EndCombo();
}

bool list_filter(const char* id, const char* const* words, int count, int& choice, float width_em)
{
    text_unformatted("Show");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
    bool changed = false;
    if (begin_combo(id, words[choice])) {
        for (int i = 0; i < count; ++i)
            if (selectable(words[i], choice == i) && choice != i) {
                choice = i;
                changed = true;
            }
        end_combo();
    }
    return changed;
}

// [SECTION] tables ---------------------------------------------------------------

namespace {

// Ends the current card cell: draws its column's name beside the value's
// first line (a control's text sits lower than a line of text's), then moves
// below the taller of the two. The name is drawn, not recorded: the header
// row names the cell for screen readers, so it would be read twice.
void close_card_cell(CardTable& c)
{
    if (!c.value_open)
        return;
    c.value_open = false;
    c.fresh = false;
    ImGui::EndGroup();
    const std::string* name = static_cast<std::size_t>(c.column) < c.columns.size() ? &c.columns[c.column] : nullptr;
    if (!name || name->empty() || c.label_width <= 0)
        return;
    ImVec2 below = ImGui::GetCursorScreenPos();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetCursorScreenPos(ImVec2(c.top.x, c.top.y + (c.control_first ? style.FramePadding.y : 0.0f)));
    ImGui::PushTextWrapPos(c.top.x + c.label_width - style.ItemSpacing.x - window->Pos.x + window->Scroll.x);
    ImGui::PushStyleColor(ImGuiCol_Text, k_muted);
    ImGui::TextUnformatted(name->c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (ImGui::GetCursorScreenPos().y < below.y)
        ImGui::SetCursorScreenPos(below);
}

// The width of a card's label column: the longest column name, at most two
// fifths of the card so the values keep most of a phone's width.
float card_label_width(const CardTable& c)
{
    float widest = 0;
    for (const auto& name : c.columns)
        widest = std::max(widest, ImGui::CalcTextSize(name.c_str()).x);
    if (widest <= 0)
        return 0;
    return std::min(widest + ImGui::GetStyle().ItemSpacing.x * 2, ImGui::GetContentRegionAvail().x * 0.4f);
}

} // namespace

bool begin_table(const char* id, int columns, ImGuiTableFlags flags, ImVec2 outer_size)
{
    if (g_layout.compact) {
        // A card a row, as tall as its content: the page scrolls, not a box
        // inside it, and nothing needs a sideways scroll. The table keeps
        // its columns (the screen declares them as usual) but shows only the
        // first, which holds every line of the card. Its own id: the wide
        // table's settings never learn that columns were hidden.
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(css(12), css(6)));
        bool open = ImGui::BeginTable((std::string(id) + "##cards").c_str(), columns,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH
                | ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingStretchSame);
        ImGui::PopStyleVar();
        if (!open)
            return false;
        for (int column = 1; column < columns; ++column)
            ImGui::TableSetColumnEnabled(column, false);   // takes effect at this frame's first row
        g_cards.push_back({});
        semantics::begin(semantics::Role::Table, "", ImGui::GetID(id));
        return true;
    }
    if (!ImGui::BeginTable(id, columns, flags, outer_size))
        return false;
    semantics::begin(semantics::Role::Table, "", ImGui::GetID(id));
    return true;
}

void end_table()
{
    if (CardTable* c = card()) {
        close_card_cell(*c);
        semantics::end_through(semantics::Role::Table);
        ImGui::EndTable();
        g_cards.pop_back();
        return;
    }
    semantics::end_through(semantics::Role::Table);
    ImGui::EndTable();
}

void table_headers_row()
{
    semantics::end_through(semantics::Role::Row);
    if (card()) {
        // Cards show each column's name beside its value, so the header row
        // is not drawn; it stays in the accessible tree, where it names the
        // cells as a table's header does.
        semantics::begin(semantics::Role::Row, "");
        ImVec2 at = ImGui::GetCursorScreenPos();
        for (int column = 0; column < ImGui::TableGetColumnCount(); ++column)
            semantics::add_rect(semantics::Role::ColumnHeader, ImGui::TableGetColumnName(column), at, at, 0);
        semantics::end();
        return;
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    semantics::begin(semantics::Role::Row, "");
    int columns = ImGui::TableGetColumnCount();
    for (int column = 0; column < columns; ++column) {
        if (!ImGui::TableSetColumnIndex(column))
            continue;
        const char* name = ImGui::TableGetColumnName(column);
        ImGui::PushID(column);
        ImGui::TableHeader(name ? name : "");
        ImGui::PopID();
        semantics::add(semantics::Role::ColumnHeader, name ? name : "");
    }
    semantics::end();
}

void table_next_row()
{
    if (CardTable* c = card()) {
        close_card_cell(*c);
        c->column = -1;
    }
    semantics::end_through(semantics::Role::Row);
    ImGui::TableNextRow();
    semantics::begin(semantics::Role::Row, "");
}

bool table_next_column()
{
    semantics::end_through(semantics::Role::Cell);
    CardTable* c = card();
    if (!c) {
        bool visible = ImGui::TableNextColumn();
        if (semantics::inside(semantics::Role::Row))
            semantics::begin(semantics::Role::Cell, "");
        return visible;
    }
    close_card_cell(*c);
    if (++c->column == 0)
        c->visible = ImGui::TableNextColumn();   // the card's one cell holds every line
    if (c->label_width < 0) {
        for (int column = 0; column < ImGui::TableGetColumnCount(); ++column)
            c->columns.emplace_back(semantics::visible_label(ImGui::TableGetColumnName(column)));
        c->label_width = card_label_width(*c);
    }
    if (semantics::inside(semantics::Role::Row))
        semantics::begin(semantics::Role::Cell, "");
    // The value beside the column's name (drawn when the cell ends).
    c->top = ImGui::GetCursorScreenPos();
    const std::string* name = static_cast<std::size_t>(c->column) < c->columns.size() ? &c->columns[c->column] : nullptr;
    if (name && !name->empty() && c->label_width > 0)
        ImGui::SetCursorScreenPos(ImVec2(c->top.x + c->label_width, c->top.y));
    ImGui::BeginGroup();
    c->value_open = true;
    c->fresh = true;
    c->control_first = false;
    return c->visible;
}

void table_cell_background(ImU32 colour)
{
    if (!card()) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, colour);
        return;
    }
    // A swatch on the value's line, the value's text beside it.
    before_text("");
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    float side = ImGui::GetFontSize();
    ImVec2 at(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    window->DrawList->AddRectFilled(at, ImVec2(at.x + side, at.y + side), colour, css(3));
    window->DrawList->AddRect(at, ImVec2(at.x + side, at.y + side), ImGui::GetColorU32(ImGuiCol_Border), css(3));
    ImGui::Dummy(ImVec2(side, 0.0f));
    ImGui::SameLine();
}

void chip(const char* glyph, const char* word, const ImVec4& text, const ImVec4& tint)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = style.ItemSpacing.y / k_space_s;
    const float pad_x = k_space_s * scale, pad_y = 1.0f * scale;
    const std::string words = std::string(glyph) + " " + word;
    const char* shown = drawn(words.c_str());
    ImVec2 size = ImGui::CalcTextSize(shown);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 box(size.x + pad_x * 2, size.y + pad_y * 2);
    ImGui::Dummy(box);
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), colour(tint), box.y * 0.5f);
    draw->AddText(ImVec2(at.x + pad_x, at.y + pad_y), colour(text), shown);
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Text, word, at, ImVec2(at.x + box.x, at.y + box.y), 0);
}

void begin_radio_group(const char* name)
{
    // Keyed by its name, so the group stays the same element while the
    // screen around it changes (a focused radio keeps its focus).
    semantics::begin(semantics::Role::RadioGroup, name, ImGui::GetID((std::string("##radiogroup.") + name).c_str()));
}

void end_radio_group()
{
    semantics::end_through(semantics::Role::RadioGroup);
}

void status_chip(std::string_view status)
{
    struct Look {
        std::string_view status;
        const char* glyph;
        const ImVec4* text;
        const ImVec4* tint;
    };
    static const Look looks[] = {
        { "upcoming", ICON_CLOCK, &k_info, &k_info_tint },
        { "due_soon", ICON_EXCLAMATION, &k_warning, &k_warning_tint },
        { "overdue", ICON_WARNING, &k_error, &k_error_tint },
        { "missing", ICON_WARNING, &k_error, &k_error_tint },
        { "submitted", ICON_UPLOAD, &k_info, &k_info_tint },
        { "late", ICON_UPLOAD, &k_warning, &k_warning_tint },
        { "graded", ICON_CHECK, &k_ok, &k_ok_tint },
    };
    std::string word = status_label_text(status);
    for (const auto& look : looks) {
        if (look.status == status) {
            chip(look.glyph, word.c_str(), *look.text, *look.tint);
            return;
        }
    }
    chip(ICON_CIRCLE, word.c_str(), k_muted, k_muted_tint);
}

bool primary_button(AppState& state, const char* label, const std::string& name, ImVec2 size)
{
    ImGui::PushStyleColor(ImGuiCol_Button, k_accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.118f, 0.251f, 0.686f, 1.0f));   // #1E40AF
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.118f, 0.227f, 0.541f, 1.0f));    // #1E3A8A
    ImGui::PushStyleColor(ImGuiCol_Text, k_surface);
    ImGui::PushStyleColor(ImGuiCol_Border, k_accent);
    bool pressed = button(state, label, name, size);
    ImGui::PopStyleColor(5);
    return pressed;
}

bool empty_state(AppState& state, const char* title, const char* next_step, const char* action, const std::string& name)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = style.ItemSpacing.y / k_space_s;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, k_space_xs * scale));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, k_space_s * scale));
    ImGui::Indent(k_space_l * scale);
    heading((ICON_INBOX " " + std::string(title)).c_str(), 3);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(200.0f * scale, ImGui::GetContentRegionAvail().x
        - k_space_l * scale));
    ImGui::PushStyleColor(ImGuiCol_Text, k_muted);
    text_unformatted(next_step);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    bool pressed = false;
    if (action) {
        ImGui::Dummy(ImVec2(0, k_space_xs * scale));
        pressed = button(state, action, name.empty() ? std::string(action) : name);
    }
    ImGui::Unindent(k_space_l * scale);
    ImGui::Dummy(ImVec2(0, k_space_s * scale));
    ImGui::EndGroup();
    ImGui::PopStyleVar();
    // A dashed-looking quiet frame around it: a rounded outline in the border colour.
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    max.x = std::max(max.x, min.x + ImGui::GetContentRegionAvail().x);
    ImGui::GetWindowDrawList()->AddRect(min, max, colour(k_border), k_card_radius * scale, 0, 1.5f * scale);
    return pressed;
}

void skeleton_rows(int rows, float width)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = style.ItemSpacing.y / k_space_s;
    const float full = width > 0 ? width * scale : ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetTextLineHeight();
    // A slow pulse, so a long wait still looks alive.
    const float pulse = 0.55f + 0.25f * std::sin(static_cast<float>(ImGui::GetTime()) * 3.0f);
    ImVec2 first = ImGui::GetCursorScreenPos();
    auto* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < rows; ++i) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        float w = full * (i % 3 == 2 ? 0.55f : i % 3 == 1 ? 0.8f : 0.95f);
        ImGui::Dummy(ImVec2(full, height));
        draw->AddRectFilled(at, ImVec2(at.x + w, at.y + height), colour(k_muted_tint, pulse + 0.2f), k_radius * scale);
    }
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Text, "Loading\xE2\x80\xA6", first,
            ImVec2(first.x + full, ImGui::GetItemRectMax().y), 0);
}

bool remote_status(AppState& state, const Remote& remote, const std::string& name)
{
    if (remote.phase == Phase::Loading) {
        // Rows of what is coming while nothing was loaded before; a reload
        // keeps the old rows on screen and says so in one quiet line.
        if (remote.data.is_null())
            skeleton_rows(3);
        else
            text_colored(k_muted, "\xE2\x80\xA6 Updating");
        return false;
    }
    if (remote.phase == Phase::Failed) {
        alert_text(k_error, "\xE2\x9C\x97 %s", remote.error.c_str());
        ImGui::SameLine();
        return button(state, ("Retry##" + name).c_str(), name + ".retry");
    }
    return false;
}

bool missing_item(AppState& state, const char* text, const char* back_label, const std::string& name)
{
    ImGui::PushTextWrapPos(0);
    alert_text(k_warning, "! %s", text);
    ImGui::PopTextWrapPos();
    return button(state, back_label, name);
}

bool pager(AppState& state, int& offset, int page, std::size_t shown, const std::string& name)
{
    const bool older = shown >= static_cast<std::size_t>(page);
    if (offset == 0 && !older)
        return false;
    bool moved = false;
    ImGui::BeginDisabled(offset == 0);
    if (button(state, "Newer", name + ".newer")) {
        offset = std::max(0, offset - page);
        moved = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!older);
    if (button(state, "Older", name + ".older")) {
        offset += page;
        moved = true;
    }
    ImGui::EndDisabled();
    return moved;
}

void action_status(const Outcome& action)
{
    if (action.phase == Phase::Loading) {
        text_colored(k_muted, "\xE2\x80\xA6 Saving");
    } else if (!action.message.empty()) {
        ImGui::PushTextWrapPos(0);
        if (action.failed)
            alert_text(k_error, "\xE2\x9C\x97 %s", action.message.c_str());
        else
            text_colored(k_ok, "\xE2\x9C\x93 %s", action.message.c_str());
        ImGui::PopTextWrapPos();
    }
}

void field_errors(const std::vector<Error>& errors, const char* field)
{
    for (const auto& error : errors) {
        if (error.field == field) {
            ImGui::PushTextWrapPos(0);
            alert_text(k_error, "\xE2\x9C\x97 %s", error.message.c_str());
            ImGui::PopTextWrapPos();
        }
    }
}

namespace {
std::string visible_label_of(const char* id)
{
    return std::string(semantics::visible_label(id));
}
} // namespace

void open_confirm(const char* id)
{
    ImGui::OpenPopup(id);
}

bool confirm_dialog(AppState& state, const char* id, const std::string& text, const char* confirm_label)
{
    bool confirmed = false;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize;
    if (g_layout.compact) {
        // As wide as the phone allows, as tall as its wrapped text.
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x - css(32), 0.0f));
        flags = 0;
    }
    if (ImGui::BeginPopupModal(id, nullptr, flags)) {
        semantics::begin(semantics::Role::Dialog, visible_label_of(id));
        text_unformatted(text.c_str());
        ImGui::Separator();
        if (button(state, confirm_label, "confirm.yes")) {
            confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(state, "Cancel", "confirm.no") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        semantics::end_through(semantics::Role::Dialog);
        ImGui::EndPopup();
    }
    return confirmed;
}

namespace {
// The sign-in card's contents are drawn first (on a front channel) and its
// white rounded background after, behind them, once its size is known.
ImDrawListSplitter g_card_splitter;
float g_card_padding = 0;
} // namespace

// [SECTION] layout ---------------------------------------------------------------

void begin_layout(AppState& state)
{
    auto& layout = g_layout;
    layout.scale = state.ui_scale > 0 ? state.ui_scale : 1.0f;
    layout.compact = ImGui::GetIO().DisplaySize.x / layout.scale < k_compact_width;
    state.compact = layout.compact;
    g_cards.clear();
    layout.style_vars = 0;
    if (!layout.compact)
        return;
    // Every control at least a touch target tall, its text in the middle.
    const ImGuiStyle& style = ImGui::GetStyle();
    float padding_y = std::max(style.FramePadding.y, (css(k_touch_target) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, padding_y));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    // A phone's scroll bar shows where you are; the finger does the scrolling.
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, css(6));
    layout.style_vars = 3;
}

void end_layout()
{
    ImGui::PopStyleVar(g_layout.style_vars);
    g_layout.style_vars = 0;
}

bool compact()
{
    return g_layout.compact;
}

bool list_detail(AppState& state, const char* id, bool picked, float list_share, const std::function<void()>& list,
    const std::function<void()>& detail)
{
    ImGui::PushID(id);
    bool back = false;
    if (!g_layout.compact) {
        ImGui::BeginChild("list", ImVec2(ImGui::GetContentRegionAvail().x * list_share, 0), false);
        list();
        ImGui::EndChild();
        ImGui::SameLine();
        begin_card_panel("detail");
        detail();
        end_card_panel();
        ImGui::PopID();
        return false;
    }
    // One pane at a time, in the page's own scroll; the other pane starts at
    // its top, as a new page would.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    ImGuiID shown = ImGui::GetID("detail_shown");
    if (storage->GetBool(shown, false) != picked) {
        storage->SetBool(shown, picked);
        ImGui::SetScrollY(0.0f);
    }
    if (picked) {
        // The arrow is drawn, not read: the button's name is "Back to the list".
        bool pressed = ImGui::Button("\xE2\x86\x90 Back");   // ←
        remember(state, std::string(id) + ".back");
        back = pressed || semantics::take_activation(ImGui::GetItemID());
        semantics::add(semantics::Role::Button, "Back to the list");
        ImGui::Separator();
        detail();
    } else {
        list();
    }
    ImGui::PopID();
    return back;
}

float place(float width)
{
    if (!g_layout.compact)
        return width;
    if (CardTable* c = card(); c && c->fresh)
        c->fresh = false;
    else
        flow(width, Item::Text);
    return std::min(width, ImGui::GetContentRegionAvail().x);
}

ImGuiTabBarFlags tab_bar_flags()
{
    return g_layout.compact ? ImGuiTabBarFlags_FittingPolicyScroll : ImGuiTabBarFlags_None;
}

float begin_card(AppState& state, float top, const char* title, float title_scale)
{
    const float scale = state.ui_scale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Centred in the space the window gives it, with a margin each side on a phone.
    const float room = ImGui::GetContentRegionAvail().x;
    const float card_width = std::min(420.0f * scale, room - 64.0f * scale);
    g_card_padding = k_space_xl * scale;
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (room - card_width) * 0.5f, std::max(32.0f * scale, display.y * top)));
    g_card_splitter.Split(ImGui::GetWindowDrawList(), 2);
    g_card_splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(card_width);
    ImGui::SetWindowFontScale(title_scale);
    heading(title, 1);
    ImGui::SetWindowFontScale(1.0f);
    return card_width;
}

void end_card()
{
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    auto* draw = ImGui::GetWindowDrawList();
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    min = ImVec2(min.x - g_card_padding, min.y - g_card_padding);
    max = ImVec2(max.x + g_card_padding, max.y + g_card_padding);
    g_card_splitter.SetCurrentChannel(draw, 0);
    draw->AddRectFilled(min, max, colour(k_surface), k_card_radius * g_card_padding / k_space_xl);
    draw->AddRect(min, max, colour(k_border), k_card_radius * g_card_padding / k_space_xl);
    g_card_splitter.Merge(draw);
}

namespace {

// A UTC timestamp as "YYYY-MM-DDTHH:MM:SS" on the tenant's clock; empty when it does not parse.
std::string local_text(const AppState& state, const std::string& utc)
{
    auto seconds = parse_utc_timestamp(utc);
    if (!seconds.ok())
        return {};
    auto local = read_local_datetime(civil_time_in_zone(static_cast<double>(seconds.value()), state.time_zone));
    return local ? format_local_datetime(*local) : std::string();
}

} // namespace

std::string time_for_people(const AppState& state, const std::string& utc)
{
    auto local = local_text(state, utc);
    return local.empty() ? utc : when_for_people(local, state.local_now);
}

std::string date_for_people(const AppState& state, const std::string& utc)
{
    auto local = local_text(state, utc);
    return local.empty() ? utc : short_date(local);
}

} // namespace learnloop::client::ui
