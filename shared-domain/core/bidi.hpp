// Right-to-left text for a renderer that has neither shaping nor bidi (Dear
// ImGui 1.86, the PDF writer): a logical UTF-8 line becomes the glyphs to draw,
// left to right, with Arabic letters in their joined presentation forms.
//
//     ImGui::TextUnformatted(display_text(name).c_str());   // "ليلى حداد", "דוד כהן", "Zoë"
//
// The text given to these functions is stored text (logical order); their
// results are for drawing only, never for storing, searching or sending back.
#pragma once

#include <string>
#include <string_view>

namespace learnloop {

// True when `utf8` holds a code point of a right-to-left script: Hebrew, Arabic,
// Syriac, Thaana, NKo and their neighbours (U+0590–08FF), the Hebrew and
// Arabic presentation forms (U+FB1D–FDFF, U+FE70–FEFE), the right-to-left
// blocks of plane 1 (U+10800–10FFF, U+1E800–1EFFF), or U+200F RIGHT-TO-LEFT
// MARK, a strong right-to-left character of no script. One pass over the
// bytes, no allocation:
//   has_right_to_left("Zoë Student") -> false;  has_right_to_left("Layla ليلى") -> true
[[nodiscard]] bool has_right_to_left(std::string_view utf8);

// Arabic contextual shaping to the presentation forms: each letter that has
// them (U+0621–064A, and Persian, Urdu and other letters of U+0671–06D3 such
// as peh, tcheh, jeh, keheh, gaf and farsi yeh) takes its isolated, final,
// initial or medial form by its joining type and its neighbours (harakat and
// other marks are skipped when finding them; ZWJ joins, ZWNJ breaks), and lam
// + alef becomes one ligature, U+FEF5–FEFC. Still logical order. Letters
// without presentation forms, and all other text (malformed bytes included),
// are left as they are:
//   shape_arabic("سلام") -> "\uFEB3\uFEFC\uFEE1"  (seen initial, lam-alef final, meem isolated)
[[nodiscard]] std::string shape_arabic(std::string_view utf8);

// The paragraph direction: Auto takes it from the first strong letter, and
// is left to right when there is none (UAX #9 rules P2 and P3).
enum class TextDirection { Auto, LeftToRight, RightToLeft };

// The Unicode Bidirectional Algorithm (UAX #9) for one line of one paragraph,
// without the explicit embeddings, overrides and isolates (U+202A–202E and
// U+2066–2069 are removed, as X9 removes boundary neutrals): the characters in
// the order they are drawn, left to right, paired characters such as brackets
// mirrored where they run right to left. A combining mark stays after its base.
// Malformed UTF-8 comes out as U+FFFD, one for each maximal bad subsequence.
//   visual_order("Layla ليلى 2026") -> "Layla 2026 ىليل"   (the number goes with the Arabic before it)
//   visual_order("(ملاحظة)")        -> "(ةظحالم)"   (the brackets mirrored, so they still enclose)
[[nodiscard]] std::string visual_order(std::string_view logical_utf8, TextDirection base = TextDirection::Auto);

// What the portals and the PDF draw for a stored line: the same bytes when it
// holds no right-to-left text (the common case, one pass over the bytes), else
// visual_order(shape_arabic(text), TextDirection::Auto). The Arabic
// presentation forms it yields must be in the font's atlas.
[[nodiscard]] std::string display_text(std::string_view logical_utf8);

} // namespace learnloop
