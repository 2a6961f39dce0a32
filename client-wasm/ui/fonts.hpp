// The portals' fonts: a small base slice at start, and the glyphs of any other
// script loaded by Unicode range once text that needs them arrives.
//
// The build cuts the faces into slices and writes fonts/manifest.json
// (cmake/slice_fonts.py, docs/fonts.md). Everything that brings text the
// screens may draw calls note_text(): HTTP replies (http_client_web.cpp),
// text typed into the page's fields (semantics.cpp), values read from the
// browser's storage. A code point outside the atlas makes its slice load
// (once; a failed load is tried again later, with a growing pause), and the
// platform's frame loop calls update() between frames, which rebuilds the
// Dear ImGui atlas with merge mode holding the base slice and only the code
// points seen, not whole slices, at the current scale. Until a slice has
// arrived its characters draw as □.
//
//     fonts::note_text(reply.body);                      // "Дмитро", "王芳" ...
//     if (fonts::update(scale) == fonts::Atlas::Rebuilt)
//         upload the font texture again;
#pragma once

#include "core/dto.hpp"

#include <string_view>
#include <vector>

namespace learnloop::client::ui::fonts {

// [SECTION] text that arrives
// Notes the code points of `text`: UTF-8, and JSON's \uXXXX escapes (with
// surrogate pairs) as well, so an HTTP body can be passed as it came. Cheap
// for code points already seen; invalid bytes are skipped.
void note_text(std::string_view text);
void note_code_point(char32_t code_point);

// [SECTION] per frame (the platform's frame loop, between frames)
enum class Atlas {
    Waiting,      // the base slice has not arrived (nor failed): do not draw yet
    Unchanged,
    Rebuilt,      // the atlas changed: upload its texture again
};
// Starts the loads that are due and rebuilds the atlas when glyphs arrived or
// the scale changed. When the base slice cannot be loaded, Dear ImGui's own
// font stands in until a later try succeeds.
[[nodiscard]] Atlas update(float scale);
// The pixel height of a line of text at scale 1.
inline constexpr float k_font_size = 17.0f;

// [SECTION] tests
// The code points of `text` (UTF-8) the atlas cannot draw, in order.
[[nodiscard]] std::vector<char32_t> missing_glyphs(std::string_view text);
// Which slices were asked for, in order, whether each arrived, and the atlas's size.
[[nodiscard]] Json status();

} // namespace learnloop::client::ui::fonts
