// Shared widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
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
    ImGui::TextUnformatted(text);
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

void status_label(std::string_view status)
{
    struct Look {
        std::string_view status;
        const char* text;
        ImVec4 colour;
    };
    static const Look looks[] = {
        { "upcoming", "\xE2\x80\xA2 Upcoming", k_muted },         // •
        { "due_soon", "! Due soon", k_warning },
        { "overdue", "\xE2\x96\xB2 Overdue", k_error },           // ▲
        { "submitted", "\xE2\x86\x91 Submitted", k_info },         // ↑
        { "late", "\xE2\x86\x91 Late", k_warning },
        { "graded", "\xE2\x9C\x93 Graded", k_ok },                 // ✓
        { "missing", "\xE2\x80\x93 Missing", k_muted },            // –
    };
    for (const auto& look : looks) {
        if (look.status == status) {
            text_colored(look.colour, "%s", look.text);
            return;
        }
    }
    text_unformatted(std::string(status).c_str());
}

bool remote_status(AppState& state, const Remote& remote, const std::string& name)
{
    if (remote.phase == Phase::Loading) {
        text_colored(k_muted, "\xE2\x80\xA6 Loading");
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

float begin_card(AppState& state, float top, const char* title, float title_scale)
{
    const float scale = state.ui_scale;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float card_width = std::min(420.0f * scale, display.x - 32.0f * scale);
    ImGui::SetCursorPos(ImVec2((display.x - card_width) * 0.5f, std::max(24.0f * scale, display.y * top)));
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
}

} // namespace learnloop::client::ui
