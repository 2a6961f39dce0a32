// The portals' design system in one place: colours (every text colour meets
// WCAG AA, 4.5:1, on the surfaces it is drawn on; borders of fields 3:1),
// the type scale, the spacing steps, the rounded cards, and apply_theme(),
// which sets Dear ImGui's style from them. Status is never colour alone:
// every coloured status also carries a shape and a word (widgets.hpp status_chip).
#pragma once

#include <imgui.h>

namespace learnloop::client::ui {

// [SECTION] colours ----------------------------------------------------------
// Contrast ratios are measured against white (#FFFFFF) and the page (#F5F7FA).
inline const ImVec4 k_page { 0.961f, 0.969f, 0.980f, 1.0f };          // #F5F7FA, behind everything
inline const ImVec4 k_surface { 1.0f, 1.0f, 1.0f, 1.0f };            // #FFFFFF, cards, fields, tables
inline const ImVec4 k_text { 0.122f, 0.161f, 0.200f, 1.0f };          // #1F2933, 14.7:1
inline const ImVec4 k_muted { 0.322f, 0.376f, 0.427f, 1.0f };         // #52606D, 6.4:1 (5.9:1 on the page)
inline const ImVec4 k_accent { 0.114f, 0.306f, 0.847f, 1.0f };        // #1D4ED8, 6.7:1; white on it 6.7:1
inline const ImVec4 k_ok { 0.086f, 0.396f, 0.204f, 1.0f };            // #166534, 7.1:1
inline const ImVec4 k_warning { 0.573f, 0.251f, 0.055f, 1.0f };       // #92400E, 7.1:1
inline const ImVec4 k_error { 0.725f, 0.110f, 0.110f, 1.0f };         // #B91C1C, 6.5:1
inline const ImVec4 k_info { 0.114f, 0.306f, 0.847f, 1.0f };          // #1D4ED8, 6.7:1
inline const ImVec4 k_border { 0.851f, 0.871f, 0.898f, 1.0f };        // #D9DEE5, dividers only
inline const ImVec4 k_field_border { 0.482f, 0.529f, 0.580f, 1.0f };  // #7B8794, 3.6:1 (a field's edge)
// Tints behind a status chip; the chip's word keeps 4.5:1 on its tint.
inline const ImVec4 k_ok_tint { 0.863f, 0.988f, 0.906f, 1.0f };       // #DCFCE7 (green word 6.4:1)
inline const ImVec4 k_warning_tint { 0.996f, 0.953f, 0.780f, 1.0f };  // #FEF3C7 (amber word 6.3:1)
inline const ImVec4 k_error_tint { 0.996f, 0.886f, 0.886f, 1.0f };    // #FEE2E2 (red word 5.4:1)
inline const ImVec4 k_info_tint { 0.859f, 0.918f, 0.996f, 1.0f };     // #DBEAFE (blue word 5.5:1)
inline const ImVec4 k_muted_tint { 0.898f, 0.910f, 0.922f, 1.0f };    // #E5E8EB (grey word 5.3:1)

// [SECTION] type scale -------------------------------------------------------
// Multiples of the body size (the font is loaded at the body size).
inline constexpr float k_type_title = 1.5f;     // the page title, h1
inline constexpr float k_type_heading = 1.2f;   // a section, h2
inline constexpr float k_type_body = 1.0f;
inline constexpr float k_type_small = 0.88f;    // axis labels, captions

// [SECTION] spacing ----------------------------------------------------------
// Steps of 4 CSS pixels; multiply by the UI scale when drawing.
inline constexpr float k_space_xs = 4.0f;
inline constexpr float k_space_s = 8.0f;
inline constexpr float k_space_m = 12.0f;
inline constexpr float k_space_l = 16.0f;
inline constexpr float k_space_xl = 24.0f;
inline constexpr float k_radius = 6.0f;         // fields, buttons, chips
inline constexpr float k_card_radius = 10.0f;   // cards

// Sets Dear ImGui's colours, spacing and rounding from the above, at `scale`
// device pixels per CSS pixel. Called whenever the font atlas is rebuilt.
void apply_theme(float scale);

// A rounded white card with a border, as a child window of `height` (0: to
// the bottom of the space, negative: leave that much below); its contents
// are drawn between begin_card_panel() and end_card_panel().
bool begin_card_panel(const char* id, float height = 0.0f, float width = 0.0f);
void end_card_panel();

// Space of `pixels` CSS pixels below the last item.
void vertical_space(float pixels);

[[nodiscard]] ImU32 colour(const ImVec4& c, float alpha = 1.0f);

} // namespace learnloop::client::ui
