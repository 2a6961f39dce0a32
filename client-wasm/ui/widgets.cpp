// Shared widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "ui/labels.hpp"

#include <algorithm>
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

bool tab(AppState& state, const char* label, const std::string& name, bool select)
{
    // A tab chosen in the page (screen reader, keyboard) is selected as if clicked.
    ImGuiID id = ImGui::GetID(label);
    ImGuiTabItemFlags flags = semantics::take_activation(id) || select ? ImGuiTabItemFlags_SetSelected : 0;
    bool open = ImGui::BeginTabItem(label, nullptr, flags);
    remember(state, name);   // right after BeginTabItem, the tab is the last item
    semantics::add(semantics::Role::Tab, label, open ? semantics::Selected : semantics::None);
    return open;
}

namespace {

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
    bool pressed = ImGui::Button(label, size);
    remember(state, name);
    pressed |= semantics::take_activation(ImGui::GetItemID()) && !(disabled_state() & semantics::Disabled);
    semantics::add(semantics::Role::Button, label, disabled_state());
    return pressed;
}

void heading(const char* text, int level)
{
    // The type scale: the page title and section titles stand out by size
    // (a caller that set its own size, e.g. the sign-in card's title, keeps it).
    const float before = ImGui::GetCurrentWindow()->FontWindowScale;
    if (before == 1.0f)
        ImGui::SetWindowFontScale(level <= 1 ? k_type_title : level == 2 ? k_type_heading : k_type_body);
    ImGui::TextUnformatted(text);
    ImGui::SetWindowFontScale(before);
    if (semantics::enabled())
        semantics::add_rect(semantics::Role::Heading, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0,
            semantics::None, level);
}

void text_unformatted(const char* text)
{
    ImGui::TextUnformatted(text);
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

void bullet_text(const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    ImGui::BulletText("%s", line);
    semantics::add(semantics::Role::Text, line);
}

void alert_text(const ImVec4& colour, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    const char* line = format(fmt, args);
    va_end(args);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(line);
    ImGui::PopStyleColor();
    semantics::add(semantics::Role::Alert, line);
}

bool small_button(const char* label)
{
    bool pressed = ImGui::SmallButton(label);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, label, disabled_state());
    return pressed;
}

bool arrow_button(const char* id, ImGuiDir dir, const char* name)
{
    bool pressed = ImGui::ArrowButton(id, dir);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, name, disabled_state());
    return pressed;
}

bool selectable(const char* label, bool selected, ImGuiSelectableFlags flags, ImVec2 size)
{
    bool pressed = ImGui::Selectable(label, selected, flags, size);
    pressed |= semantics::take_activation(ImGui::GetItemID());
    semantics::add(semantics::Role::Button, label, disabled_state() | (selected ? semantics::Selected : 0));
    return pressed;
}

bool checkbox(const char* label, bool* value)
{
    bool pressed = ImGui::Checkbox(label, value);
    if (semantics::take_activation(ImGui::GetItemID())) {
        *value = !*value;
        pressed = true;
    }
    semantics::add(semantics::Role::Checkbox, label, disabled_state() | (*value ? semantics::Checked : 0));
    return pressed;
}

bool radio_button(const char* label, bool active)
{
    bool pressed = ImGui::RadioButton(label, active);
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
    if (semantics::take_activation(id))
        ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, id));
    // Recorded before BeginCombo, whose popup becomes the current window once open.
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 end(at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight());
    semantics::add_rect(semantics::Role::ComboBox, field_name(label, nullptr), at, end, id, disabled_state(), 0,
        preview);
    return ImGui::BeginCombo(label, preview, flags);
}

void end_combo()
{
    ImGui::EndCombo();
}

bool begin_table(const char* id, int columns, ImGuiTableFlags flags, ImVec2 outer_size)
{
    if (!ImGui::BeginTable(id, columns, flags, outer_size))
        return false;
    semantics::begin(semantics::Role::Table, "", ImGui::GetID(id));
    return true;
}

void end_table()
{
    semantics::end_through(semantics::Role::Table);
    ImGui::EndTable();
}

void table_headers_row()
{
    semantics::end_through(semantics::Role::Row);
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
    semantics::end_through(semantics::Role::Row);
    ImGui::TableNextRow();
    semantics::begin(semantics::Role::Row, "");
}

bool table_next_column()
{
    semantics::end_through(semantics::Role::Cell);
    bool visible = ImGui::TableNextColumn();
    if (semantics::inside(semantics::Role::Row))
        semantics::begin(semantics::Role::Cell, "");
    return visible;
}

void chip(const char* glyph, const char* word, const ImVec4& text, const ImVec4& tint)
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scale = style.ItemSpacing.y / k_space_s;
    const float pad_x = k_space_s * scale, pad_y = 1.0f * scale;
    std::string shown = std::string(glyph) + " " + word;
    ImVec2 size = ImGui::CalcTextSize(shown.c_str());
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 box(size.x + pad_x * 2, size.y + pad_y * 2);
    ImGui::Dummy(box);
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), colour(tint), box.y * 0.5f);
    draw->AddText(ImVec2(at.x + pad_x, at.y + pad_y), colour(text), shown.c_str());
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
        { "upcoming", "\xE2\x80\xA2", &k_info, &k_info_tint },           // •
        { "due_soon", "!", &k_warning, &k_warning_tint },
        { "overdue", "\xE2\x96\xB2", &k_error, &k_error_tint },          // ▲
        { "missing", "\xE2\x96\xB2", &k_error, &k_error_tint },          // ▲
        { "submitted", "\xE2\x86\x91", &k_info, &k_info_tint },          // ↑
        { "late", "\xE2\x86\x91", &k_warning, &k_warning_tint },         // ↑
        { "graded", "\xE2\x9C\x93", &k_ok, &k_ok_tint },                 // ✓
    };
    std::string word = status_label_text(status);
    for (const auto& look : looks) {
        if (look.status == status) {
            chip(look.glyph, word.c_str(), *look.text, *look.tint);
            return;
        }
    }
    chip("\xE2\x80\xA2", word.c_str(), k_muted, k_muted_tint);
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
    heading(title, 3);
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
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
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

float begin_card(AppState& state, float top, const char* title, float title_scale)
{
    const float scale = state.ui_scale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float card_width = std::min(420.0f * scale, display.x - 64.0f * scale);
    g_card_padding = k_space_xl * scale;
    ImGui::SetCursorPos(ImVec2((display.x - card_width) * 0.5f, std::max(32.0f * scale, display.y * top)));
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

} // namespace learnloop::client::ui
