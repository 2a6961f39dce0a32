// Shared widgets.
#include "ui/ui.hpp"

namespace learnloop::client::ui {

bool can(const AppState& state, learnloop::Action action)
{
    auto role = parse_role(state.session.role);
    return role.ok() && is_allowed(role.value(), action);
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

std::string target_title(const Json& targets, const std::string& target_id)
{
    if (targets.is_array())
        for (const auto& t : targets)
            if (t.is_object() && t.value("target_id", "") == target_id)
                return t.value("title", target_id);
    return target_id;
}

void recent_answers(const Json& mastery, std::size_t limit)
{
    if (!mastery.is_object() || !mastery.contains("history") || !mastery["history"].is_array())
        return;
    const Json no_targets = Json::array();
    const Json& targets = mastery.contains("targets") ? mastery["targets"] : no_targets;
    std::size_t shown = 0;
    for (const auto& h : mastery["history"]) {
        if (++shown > limit || !h.is_object())
            break;
        ImGui::BulletText("%s \xC2\xB7 %s \xC2\xB7 %s \xE2\x86\x92 %.0f%%", h.value("answered_local", "").c_str(),
            target_title(targets, h.value("target_id", "")).c_str(), h.value("verdict", "").c_str(), h.value("known", 0.0) * 100);
    }
    if (mastery["history"].empty())
        ImGui::TextColored(k_muted, "No practice answers yet.");
}

} // namespace learnloop::client::ui
