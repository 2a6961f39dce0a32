// Shared widgets (see widgets.hpp).
#include "ui/widgets.hpp"

#include <algorithm>

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

bool tab(AppState& state, const char* label, const std::string& name)
{
    bool open = ImGui::BeginTabItem(label);
    remember(state, name);   // right after BeginTabItem, the tab is the last item
    return open;
}

bool button(AppState& state, const char* label, const std::string& name, ImVec2 size)
{
    bool pressed = ImGui::Button(label, size);
    remember(state, name);
    return pressed;
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
            ImGui::TextColored(look.colour, "%s", look.text);
            return;
        }
    }
    ImGui::TextUnformatted(std::string(status).c_str());
}

bool remote_status(AppState& state, const Remote& remote, const std::string& name)
{
    if (remote.phase == Phase::Loading) {
        ImGui::TextColored(k_muted, "\xE2\x80\xA6 Loading");
        return false;
    }
    if (remote.phase == Phase::Failed) {
        ImGui::TextColored(k_error, "\xE2\x9C\x97 %s", remote.error.c_str());
        ImGui::SameLine();
        return button(state, ("Retry##" + name).c_str(), name + ".retry");
    }
    return false;
}

void action_status(const Outcome& action)
{
    if (action.phase == Phase::Loading) {
        ImGui::TextColored(k_muted, "\xE2\x80\xA6 Saving");
    } else if (!action.message.empty()) {
        ImGui::PushTextWrapPos(0);
        if (action.failed)
            ImGui::TextColored(k_error, "\xE2\x9C\x97 %s", action.message.c_str());
        else
            ImGui::TextColored(k_ok, "\xE2\x9C\x93 %s", action.message.c_str());
        ImGui::PopTextWrapPos();
    }
}

void field_errors(const std::vector<Error>& errors, const char* field)
{
    for (const auto& error : errors) {
        if (error.field == field) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(k_error, "\xE2\x9C\x97 %s", error.message.c_str());
            ImGui::PopTextWrapPos();
        }
    }
}

void open_confirm(const char* id)
{
    ImGui::OpenPopup(id);
}

bool confirm_dialog(AppState& state, const char* id, const std::string& text, const char* confirm_label)
{
    bool confirmed = false;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(text.c_str());
        ImGui::Separator();
        if (button(state, confirm_label, "confirm.yes")) {
            confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(state, "Cancel", "confirm.no") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
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
    ImGui::TextUnformatted(title);
    ImGui::SetWindowFontScale(1.0f);
    return card_width;
}

void end_card()
{
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

} // namespace learnloop::client::ui
