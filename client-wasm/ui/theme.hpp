// The portals' colours. Status is never colour alone: every coloured line
// also carries a glyph and a word (see widgets.hpp status_label).
#pragma once

#include <imgui.h>

namespace learnloop::client::ui {

inline const ImVec4 k_ok { 0.11f, 0.50f, 0.22f, 1.0f };
inline const ImVec4 k_warning { 0.66f, 0.40f, 0.00f, 1.0f };
inline const ImVec4 k_error { 0.75f, 0.13f, 0.13f, 1.0f };
inline const ImVec4 k_info { 0.10f, 0.35f, 0.70f, 1.0f };
inline const ImVec4 k_muted { 0.35f, 0.38f, 0.42f, 1.0f };

} // namespace learnloop::client::ui
