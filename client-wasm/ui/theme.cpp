// The design system applied to Dear ImGui (see theme.hpp).
#include "ui/theme.hpp"

namespace learnloop::client::ui {

namespace {

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t)
{
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

} // namespace

ImU32 colour(const ImVec4& c, float alpha)
{
    return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha));
}

void apply_theme(float scale)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    auto& c = style.Colors;
    c[ImGuiCol_Text] = k_text;
    c[ImGuiCol_TextDisabled] = k_muted;
    c[ImGuiCol_WindowBg] = k_page;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = k_surface;
    c[ImGuiCol_Border] = k_field_border;   // fields and buttons; cards push the lighter k_border
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = k_surface;
    c[ImGuiCol_FrameBgHovered] = mix(k_surface, k_accent, 0.06f);
    c[ImGuiCol_FrameBgActive] = mix(k_surface, k_accent, 0.10f);
    // Buttons are quiet (a tint of the accent with dark words, 12:1); the one
    // main action of a screen is a primary button (widgets.hpp).
    c[ImGuiCol_Button] = mix(k_surface, k_accent, 0.10f);
    c[ImGuiCol_ButtonHovered] = mix(k_surface, k_accent, 0.20f);
    c[ImGuiCol_ButtonActive] = mix(k_surface, k_accent, 0.30f);
    c[ImGuiCol_Header] = mix(k_surface, k_accent, 0.12f);         // a selected row
    c[ImGuiCol_HeaderHovered] = mix(k_surface, k_accent, 0.08f);
    c[ImGuiCol_HeaderActive] = mix(k_surface, k_accent, 0.18f);
    c[ImGuiCol_CheckMark] = k_accent;
    c[ImGuiCol_SliderGrab] = k_accent;
    c[ImGuiCol_SliderGrabActive] = k_accent;
    c[ImGuiCol_Separator] = k_border;
    c[ImGuiCol_SeparatorHovered] = k_field_border;
    c[ImGuiCol_SeparatorActive] = k_accent;
    c[ImGuiCol_Tab] = k_page;
    c[ImGuiCol_TabHovered] = mix(k_surface, k_accent, 0.12f);
    c[ImGuiCol_TabActive] = k_surface;
    c[ImGuiCol_TabUnfocused] = k_page;
    c[ImGuiCol_TabUnfocusedActive] = k_surface;
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.933f, 0.945f, 0.961f, 1.0f);   // #EEF1F5 (text 13:1)
    c[ImGuiCol_TableBorderStrong] = k_border;
    c[ImGuiCol_TableBorderLight] = mix(k_surface, k_border, 0.7f);
    c[ImGuiCol_TableRowBg] = k_surface;
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.976f, 0.980f, 0.984f, 1.0f);   // #F9FAFB
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = mix(k_surface, k_field_border, 0.45f);
    c[ImGuiCol_ScrollbarGrabHovered] = mix(k_surface, k_field_border, 0.7f);
    c[ImGuiCol_ScrollbarGrabActive] = k_field_border;
    c[ImGuiCol_PlotLines] = k_accent;
    c[ImGuiCol_PlotHistogram] = k_accent;
    c[ImGuiCol_TextSelectedBg] = mix(k_surface, k_accent, 0.25f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.12f, 0.16f, 0.20f, 0.45f);
    c[ImGuiCol_NavHighlight] = k_accent;

    style.WindowPadding = ImVec2(k_space_l, k_space_m);
    style.FramePadding = ImVec2(k_space_m - 2, k_space_s - 2);
    style.CellPadding = ImVec2(k_space_s, k_space_xs + 1);
    style.ItemSpacing = ImVec2(k_space_s, k_space_s);
    style.ItemInnerSpacing = ImVec2(k_space_s - 2, k_space_xs);
    style.IndentSpacing = k_space_xl - 4;
    style.ScrollbarSize = k_space_m + 2;
    style.GrabMinSize = k_space_m;
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 1.0f;
    style.PopupBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;   // fields keep a visible edge on white cards
    style.TabBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.ChildRounding = k_card_radius;
    style.PopupRounding = k_card_radius;
    style.FrameRounding = k_radius;
    style.GrabRounding = k_radius;
    style.TabRounding = k_radius;
    style.ScrollbarRounding = k_radius;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

bool begin_card_panel(const char* id, float height, float width)
{
    ImGui::PushStyleColor(ImGuiCol_ChildBg, k_surface);
    ImGui::PushStyleColor(ImGuiCol_Border, k_border);
    bool open = ImGui::BeginChild(id, ImVec2(width, height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor(2);
    return open;
}

void end_card_panel()
{
    ImGui::EndChild();
}

void vertical_space(float pixels)
{
    // The style was scaled by apply_theme: its item spacing tells the scale.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float scale = spacing / k_space_s;
    if (pixels * scale > spacing)
        ImGui::Dummy(ImVec2(0, pixels * scale - spacing));
}

} // namespace learnloop::client::ui
