// Right-to-left text for drawing: Arabic contextual shaping to the presentation
// forms, and the Unicode Bidirectional Algorithm (UAX #9) for one line.
//
// [SECTION] UTF-8 that may be malformed
// [SECTION] Bidi classes
// [SECTION] has_right_to_left
// [SECTION] Arabic shaping: joining types and presentation forms
// [SECTION] Paired brackets and mirrored characters
// [SECTION] Resolving levels: P2-P3, X9, W1-W7, N0-N2, I1-I2, L1
// [SECTION] Reordering: L2, marks after their base, L4
// [SECTION] Public functions
// Over 600 lines: the Unicode Bidirectional Algorithm's rules and Arabic shaping, followed in
// the standard's order with its tables beside them.
#include "core/bidi.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

namespace learnloop {

namespace {

// [SECTION] UTF-8 that may be malformed

// Names and messages drawn here are not checked as valid UTF-8, so each
// malformed sequence reads as one U+FFFD (core/validation decode_utf8_at).
std::vector<char32_t> decode(std::string_view text)
{
    std::vector<char32_t> code_points;
    code_points.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto decoded = decode_utf8_at(text, at);
        code_points.push_back(decoded.code_point);
        at += decoded.length;
    }
    return code_points;
}

// [SECTION] Bidi classes

// UAX #9's classes, less the explicit ones: LRE, RLE, LRO, RLO, PDF, LRI, RLI,
// FSI and PDI are one class here, Explicit, because this implementation does
// not apply embeddings, overrides or isolates (names and short messages do
// not carry them). They are removed as X9 removes BN, and dropped from the
// output, since Dear ImGui would draw them as boxes.
enum class BidiClass : std::uint8_t { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, Explicit };

struct ClassRange {
    char32_t first, last;
    BidiClass bidi_class;
};

// Everything not listed is L. The rows are DerivedBidiClass.txt of Unicode
// 15.0 (unassigned code points given their block's default, as it does),
// exact for U+0000–08FF, U+2000–2BFF, U+3000–303F, U+FB00–FFFF and
// U+1E800–1EFFF; the right-to-left blocks of plane 1 below are by block (a
// few marks and punctuation of historic scripts read as letters), emoji
// blocks are ON throughout. Not listed, so L, though not in Unicode: the marks
// (NSM) of Indic and other left-to-right scripts, which only differ from L
// next to right-to-left text, and a scatter of symbols (ON) and mathematical
// digits (EN) of planes 0 and 1.
constexpr BidiClass R = BidiClass::R, AL = BidiClass::AL, EN = BidiClass::EN, ES = BidiClass::ES, ET = BidiClass::ET,
                    AN = BidiClass::AN, CS = BidiClass::CS, NSM = BidiClass::NSM, BN = BidiClass::BN, B = BidiClass::B,
                    S = BidiClass::S, WS = BidiClass::WS, ON = BidiClass::ON, Explicit = BidiClass::Explicit;
constexpr ClassRange k_classes[] = {
    // Basic Latin
    { 0x0000, 0x0008, BN }, { 0x0009, 0x0009, S }, { 0x000A, 0x000A, B }, { 0x000B, 0x000B, S },
    { 0x000C, 0x000C, WS }, { 0x000D, 0x000D, B }, { 0x000E, 0x001B, BN }, { 0x001C, 0x001E, B },
    { 0x001F, 0x001F, S }, { 0x0020, 0x0020, WS }, { 0x0021, 0x0022, ON }, { 0x0023, 0x0025, ET },
    { 0x0026, 0x002A, ON }, { 0x002B, 0x002B, ES }, { 0x002C, 0x002C, CS }, { 0x002D, 0x002D, ES },
    { 0x002E, 0x002F, CS }, { 0x0030, 0x0039, EN }, { 0x003A, 0x003A, CS }, { 0x003B, 0x0040, ON },
    { 0x005B, 0x0060, ON }, { 0x007B, 0x007E, ON }, { 0x007F, 0x0084, BN },
    // Latin-1 Supplement
    { 0x0085, 0x0085, B }, { 0x0086, 0x009F, BN }, { 0x00A0, 0x00A0, CS }, { 0x00A1, 0x00A1, ON },
    { 0x00A2, 0x00A5, ET }, { 0x00A6, 0x00A9, ON }, { 0x00AB, 0x00AC, ON }, { 0x00AD, 0x00AD, BN },
    { 0x00AE, 0x00AF, ON }, { 0x00B0, 0x00B1, ET }, { 0x00B2, 0x00B3, EN }, { 0x00B4, 0x00B4, ON },
    { 0x00B6, 0x00B8, ON }, { 0x00B9, 0x00B9, EN }, { 0x00BB, 0x00BF, ON }, { 0x00D7, 0x00D7, ON },
    { 0x00F7, 0x00F7, ON },
    // Spacing Modifier Letters
    { 0x02B9, 0x02BA, ON }, { 0x02C2, 0x02CF, ON }, { 0x02D2, 0x02DF, ON }, { 0x02E5, 0x02ED, ON },
    { 0x02EF, 0x02FF, ON },
    // Combining Diacritical Marks
    { 0x0300, 0x036F, NSM },
    // Greek and Coptic
    { 0x0374, 0x0375, ON }, { 0x037E, 0x037E, ON }, { 0x0384, 0x0385, ON }, { 0x0387, 0x0387, ON },
    { 0x03F6, 0x03F6, ON },
    // Cyrillic
    { 0x0483, 0x0489, NSM },
    // Armenian
    { 0x058A, 0x058A, ON }, { 0x058D, 0x058E, ON }, { 0x058F, 0x058F, ET },
    // Hebrew
    { 0x0590, 0x0590, R }, { 0x0591, 0x05BD, NSM }, { 0x05BE, 0x05BE, R }, { 0x05BF, 0x05BF, NSM },
    { 0x05C0, 0x05C0, R }, { 0x05C1, 0x05C2, NSM }, { 0x05C3, 0x05C3, R }, { 0x05C4, 0x05C5, NSM },
    { 0x05C6, 0x05C6, R }, { 0x05C7, 0x05C7, NSM }, { 0x05C8, 0x05FF, R },
    // Arabic
    { 0x0600, 0x0605, AN }, { 0x0606, 0x0607, ON }, { 0x0608, 0x0608, AL }, { 0x0609, 0x060A, ET },
    { 0x060B, 0x060B, AL }, { 0x060C, 0x060C, CS }, { 0x060D, 0x060D, AL }, { 0x060E, 0x060F, ON },
    { 0x0610, 0x061A, NSM }, { 0x061B, 0x064A, AL }, { 0x064B, 0x065F, NSM }, { 0x0660, 0x0669, AN },
    { 0x066A, 0x066A, ET }, { 0x066B, 0x066C, AN }, { 0x066D, 0x066F, AL }, { 0x0670, 0x0670, NSM },
    { 0x0671, 0x06D5, AL }, { 0x06D6, 0x06DC, NSM }, { 0x06DD, 0x06DD, AN }, { 0x06DE, 0x06DE, ON },
    { 0x06DF, 0x06E4, NSM }, { 0x06E5, 0x06E6, AL }, { 0x06E7, 0x06E8, NSM }, { 0x06E9, 0x06E9, ON },
    { 0x06EA, 0x06ED, NSM }, { 0x06EE, 0x06EF, AL }, { 0x06F0, 0x06F9, EN }, { 0x06FA, 0x0710, AL },
    // Syriac
    { 0x0711, 0x0711, NSM }, { 0x0712, 0x072F, AL }, { 0x0730, 0x074A, NSM }, { 0x074B, 0x07A5, AL },
    // Thaana
    { 0x07A6, 0x07B0, NSM }, { 0x07B1, 0x07BF, AL },
    // NKo
    { 0x07C0, 0x07EA, R }, { 0x07EB, 0x07F3, NSM }, { 0x07F4, 0x07F5, R }, { 0x07F6, 0x07F9, ON },
    { 0x07FA, 0x07FC, R }, { 0x07FD, 0x07FD, NSM }, { 0x07FE, 0x0815, R },
    // Samaritan
    { 0x0816, 0x0819, NSM }, { 0x081A, 0x081A, R }, { 0x081B, 0x0823, NSM }, { 0x0824, 0x0824, R },
    { 0x0825, 0x0827, NSM }, { 0x0828, 0x0828, R }, { 0x0829, 0x082D, NSM }, { 0x082E, 0x0858, R },
    // Mandaic
    { 0x0859, 0x085B, NSM }, { 0x085C, 0x085F, R },
    // Syriac Supplement
    { 0x0860, 0x088F, AL },
    // Arabic Extended-B
    { 0x0890, 0x0891, AN }, { 0x0892, 0x0897, AL }, { 0x0898, 0x089F, NSM },
    // Arabic Extended-A
    { 0x08A0, 0x08C9, AL }, { 0x08CA, 0x08E1, NSM }, { 0x08E2, 0x08E2, AN }, { 0x08E3, 0x08FF, NSM },
    // Tibetan
    { 0x0F3A, 0x0F3D, ON },
    // Ogham
    { 0x1680, 0x1680, WS }, { 0x169B, 0x169C, ON },
    // Mongolian
    { 0x180E, 0x180E, BN },
    // Combining Diacritical Marks Extended
    { 0x1AB0, 0x1ACE, NSM },
    // Combining Diacritical Marks Supplement
    { 0x1DC0, 0x1DFF, NSM },
    // General Punctuation
    { 0x2000, 0x200A, WS }, { 0x200B, 0x200D, BN }, { 0x200F, 0x200F, R }, { 0x2010, 0x2027, ON },
    { 0x2028, 0x2028, WS }, { 0x2029, 0x2029, B }, { 0x202A, 0x202E, Explicit }, { 0x202F, 0x202F, CS },
    { 0x2030, 0x2034, ET }, { 0x2035, 0x2043, ON }, { 0x2044, 0x2044, CS }, { 0x2045, 0x205E, ON },
    { 0x205F, 0x205F, WS }, { 0x2060, 0x2065, BN }, { 0x2066, 0x2069, Explicit }, { 0x206A, 0x206F, BN },
    // Superscripts and Subscripts
    { 0x2070, 0x2070, EN }, { 0x2074, 0x2079, EN }, { 0x207A, 0x207B, ES }, { 0x207C, 0x207E, ON },
    { 0x2080, 0x2089, EN }, { 0x208A, 0x208B, ES }, { 0x208C, 0x208E, ON },
    // Currency Symbols
    { 0x20A0, 0x20CF, ET },
    // Combining Diacritical Marks for Symbols
    { 0x20D0, 0x20F0, NSM },
    // Letterlike Symbols
    { 0x2100, 0x2101, ON }, { 0x2103, 0x2106, ON }, { 0x2108, 0x2109, ON }, { 0x2114, 0x2114, ON },
    { 0x2116, 0x2118, ON }, { 0x211E, 0x2123, ON }, { 0x2125, 0x2125, ON }, { 0x2127, 0x2127, ON },
    { 0x2129, 0x2129, ON }, { 0x212E, 0x212E, ET }, { 0x213A, 0x213B, ON }, { 0x2140, 0x2144, ON },
    { 0x214A, 0x214D, ON },
    // Number Forms
    { 0x2150, 0x215F, ON }, { 0x2189, 0x218B, ON },
    // Arrows, mathematical operators, technical symbols, enclosed alphanumerics, box drawing, dingbats
    { 0x2190, 0x2211, ON }, { 0x2212, 0x2212, ES }, { 0x2213, 0x2213, ET }, { 0x2214, 0x2335, ON },
    { 0x237B, 0x2394, ON }, { 0x2396, 0x2426, ON }, { 0x2440, 0x244A, ON }, { 0x2460, 0x2487, ON },
    { 0x2488, 0x249B, EN }, { 0x24EA, 0x26AB, ON }, { 0x26AD, 0x27FF, ON }, { 0x2900, 0x2B73, ON },
    { 0x2B76, 0x2B95, ON }, { 0x2B97, 0x2BFF, ON },
    // Supplemental Punctuation
    { 0x2E00, 0x2E5D, ON },
    // CJK Symbols and Punctuation
    { 0x3000, 0x3000, WS }, { 0x3001, 0x3004, ON }, { 0x3008, 0x3020, ON }, { 0x302A, 0x302D, NSM },
    { 0x3030, 0x3030, ON }, { 0x3036, 0x3037, ON }, { 0x303D, 0x303F, ON },
    // Alphabetic Presentation Forms
    { 0xFB1D, 0xFB1D, R }, { 0xFB1E, 0xFB1E, NSM }, { 0xFB1F, 0xFB28, R }, { 0xFB29, 0xFB29, ES },
    { 0xFB2A, 0xFB4F, R },
    // Arabic Presentation Forms-A
    { 0xFB50, 0xFD3D, AL }, { 0xFD3E, 0xFD4F, ON }, { 0xFD50, 0xFDCE, AL }, { 0xFDCF, 0xFDCF, ON },
    { 0xFDD0, 0xFDEF, BN }, { 0xFDF0, 0xFDFC, AL }, { 0xFDFD, 0xFDFF, ON },
    // Variation Selectors
    { 0xFE00, 0xFE0F, NSM },
    // Vertical Forms
    { 0xFE10, 0xFE19, ON },
    // Combining Half Marks
    { 0xFE20, 0xFE2F, NSM },
    // CJK Compatibility Forms
    { 0xFE30, 0xFE4F, ON },
    // Small Form Variants
    { 0xFE50, 0xFE50, CS }, { 0xFE51, 0xFE51, ON }, { 0xFE52, 0xFE52, CS }, { 0xFE54, 0xFE54, ON },
    { 0xFE55, 0xFE55, CS }, { 0xFE56, 0xFE5E, ON }, { 0xFE5F, 0xFE5F, ET }, { 0xFE60, 0xFE61, ON },
    { 0xFE62, 0xFE63, ES }, { 0xFE64, 0xFE66, ON }, { 0xFE68, 0xFE68, ON }, { 0xFE69, 0xFE6A, ET },
    { 0xFE6B, 0xFE6B, ON },
    // Arabic Presentation Forms-B
    { 0xFE70, 0xFEFE, AL }, { 0xFEFF, 0xFEFF, BN },
    // Halfwidth and Fullwidth Forms
    { 0xFF01, 0xFF02, ON }, { 0xFF03, 0xFF05, ET }, { 0xFF06, 0xFF0A, ON }, { 0xFF0B, 0xFF0B, ES },
    { 0xFF0C, 0xFF0C, CS }, { 0xFF0D, 0xFF0D, ES }, { 0xFF0E, 0xFF0F, CS }, { 0xFF10, 0xFF19, EN },
    { 0xFF1A, 0xFF1A, CS }, { 0xFF1B, 0xFF20, ON }, { 0xFF3B, 0xFF40, ON }, { 0xFF5B, 0xFF65, ON },
    { 0xFFE0, 0xFFE1, ET }, { 0xFFE2, 0xFFE4, ON }, { 0xFFE5, 0xFFE6, ET }, { 0xFFE8, 0xFFEE, ON },
    // Specials
    { 0xFFF0, 0xFFF8, BN }, { 0xFFF9, 0xFFFD, ON }, { 0xFFFE, 0xFFFF, BN },
    // Plane 1's right-to-left scripts, by block: Cypriot to Old Hungarian (R), Hanifi Rohingya (AL), Yezidi,
    // Rumi numerals (AN), Arabic Extended-C, Sogdian (AL), Old Sogdian, Old Uyghur, Chorasmian, Elymaic (R)
    { 0x10800, 0x10CFF, R },
    { 0x10D00, 0x10D23, AL }, { 0x10D24, 0x10D27, NSM }, { 0x10D28, 0x10D2F, AL }, { 0x10D30, 0x10D39, AN },
    { 0x10D3A, 0x10D3F, AL }, { 0x10D40, 0x10E5F, R }, { 0x10E60, 0x10E7E, AN }, { 0x10E7F, 0x10EBF, R },
    { 0x10EC0, 0x10EFF, AL }, { 0x10F00, 0x10F2F, R }, { 0x10F30, 0x10F6F, AL }, { 0x10F70, 0x10FFF, R },
    // Mende Kikakui, Adlam (R), Indic and Ottoman Siyaq numbers, Arabic mathematical letters (AL)
    { 0x1E800, 0x1E8CF, R }, { 0x1E8D0, 0x1E8D6, NSM }, { 0x1E8D7, 0x1E943, R }, { 0x1E944, 0x1E94A, NSM },
    { 0x1E94B, 0x1EC6F, R }, { 0x1EC70, 0x1ECBF, AL }, { 0x1ECC0, 0x1ECFF, R }, { 0x1ED00, 0x1ED4F, AL },
    { 0x1ED50, 0x1EDFF, R }, { 0x1EE00, 0x1EEEF, AL }, { 0x1EEF0, 0x1EEF1, ON }, { 0x1EEF2, 0x1EEFF, AL },
    { 0x1EF00, 0x1EFFF, R },
    // Game symbols, enclosed alphanumerics, emoji and pictographs
    { 0x1F000, 0x1F0FF, ON },
    { 0x1F100, 0x1F10A, EN }, { 0x1F10B, 0x1F10F, ON }, { 0x1F12F, 0x1F12F, ON }, { 0x1F16A, 0x1F16F, ON },
    { 0x1F1AD, 0x1F1AD, ON }, { 0x1F260, 0x1F265, ON }, { 0x1F300, 0x1FAFF, ON },
    // Tags (emoji subdivision flags)
    { 0xE0000, 0xE00FF, BN },
    // Variation Selectors Supplement
    { 0xE0100, 0xE01EF, NSM },
};

// Sorted and not overlapping, for the binary search below.
constexpr bool rows_in_order(const auto& table)
{
    for (std::size_t i = 1; i < std::size(table); ++i)
        if (table[i].first <= table[i - 1].last || table[i].first > table[i].last)
            return false;
    return true;
}
static_assert(rows_in_order(k_classes));

// The classes of U+0000–08FF and U+FB00–FEFF (Latin, Hebrew, Arabic and the
// presentation forms that shape_arabic makes) are read straight from arrays
// built from the rows at compile time, 3 KB: with the binary search alone,
// display_text of a 30-letter Arabic line took 1.39 µs rather than 1.15.
template <char32_t First, char32_t End>
struct DirectClasses {
    std::array<BidiClass, End - First> classes {};   // L, as value-initialised

    constexpr DirectClasses()
    {
        for (const auto& row : k_classes)
            for (char32_t cp = std::max(row.first, First); cp <= row.last && cp < End; ++cp)
                classes[cp - First] = row.bidi_class;
    }
    constexpr bool holds(char32_t cp) const { return cp >= First && cp < End; }
    constexpr BidiClass operator[](char32_t cp) const { return classes[cp - First]; }
};
constexpr DirectClasses<0x0000, 0x0900> k_direct_scripts;
constexpr DirectClasses<0xFB00, 0xFF00> k_direct_forms;

BidiClass bidi_class(char32_t cp)
{
    if (k_direct_scripts.holds(cp))
        return k_direct_scripts[cp];
    if (k_direct_forms.holds(cp))
        return k_direct_forms[cp];
    // The last row starting at or before `cp`, if it reaches that far.
    const auto after = std::upper_bound(std::begin(k_classes), std::end(k_classes), cp,
        [](char32_t value, const ClassRange& row) { return value < row.first; });
    if (after == std::begin(k_classes))
        return BidiClass::L;
    const auto& row = *std::prev(after);
    return cp <= row.last ? row.bidi_class : BidiClass::L;
}

// [SECTION] has_right_to_left

// Whether the bytes of `s` begin one of has_right_to_left's code points, read
// from the UTF-8 bytes themselves (see the header for the ranges).
bool starts_right_to_left(std::string_view s)
{
    auto at = [&](std::size_t i) -> unsigned { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    auto continuation = [&](std::size_t i) { return (at(i) & 0xC0) == 0x80; };
    const unsigned b0 = at(0), b1 = at(1), b2 = at(2);
    if (b0 >= 0xD6 && b0 <= 0xDF)   // U+0590–07FF: D6 90 .. DF BF
        return continuation(1) && (b0 > 0xD6 || b1 >= 0x90);
    if (b0 == 0xE0)   // U+0800–08FF: E0 A0 xx .. E0 A3 xx
        return b1 >= 0xA0 && b1 <= 0xA3 && continuation(2);
    if (b0 == 0xE2)   // U+200F: E2 80 8F
        return b1 == 0x80 && b2 == 0x8F;
    if (b0 == 0xEF && continuation(2))   // U+FB1D–FDFF: EF AC 9D .. EF B7 BF; U+FE70–FEFE: EF B9 B0 .. EF BB BE
        return (b1 == 0xAC && b2 >= 0x9D) || (b1 >= 0xAD && b1 <= 0xB7) || (b1 == 0xB9 && b2 >= 0xB0) || b1 == 0xBA
            || (b1 == 0xBB && b2 != 0xBF);
    if (b0 == 0xF0)   // U+10800–10FFF: F0 90 A0 xx ..; U+1E800–1EFFF: F0 9E A0 xx ..
        return (b1 == 0x90 || b1 == 0x9E) && b2 >= 0xA0 && b2 <= 0xBF && continuation(3);
    return false;
}

// [SECTION] Arabic shaping: joining types and presentation forms

// ArabicShaping.txt's joining types, less Left (no Arabic letter joins only
// to its left).
enum class Joining : std::uint8_t { NonJoining, Right, Dual, Causing, Transparent };

struct JoiningRange {
    char32_t first, last;
    Joining joining;
};

// The letters that join, of the Arabic blocks (DerivedJoiningType.txt, 15.0).
// Letters without presentation forms are here too, as their neighbours join
// to them even though they themselves stay as they are; other scripts that
// join (Syriac, NKo, Mandaic) have no presentation forms and are left alone.
constexpr Joining Dual = Joining::Dual, Right = Joining::Right, Causing = Joining::Causing;
constexpr JoiningRange k_joining[] = {
    { 0x0620, 0x0620, Dual }, { 0x0622, 0x0625, Right }, { 0x0626, 0x0626, Dual }, { 0x0627, 0x0627, Right },
    { 0x0628, 0x0628, Dual }, { 0x0629, 0x0629, Right }, { 0x062A, 0x062E, Dual }, { 0x062F, 0x0632, Right },
    { 0x0633, 0x063F, Dual }, { 0x0640, 0x0640, Causing }, { 0x0641, 0x0647, Dual }, { 0x0648, 0x0648, Right },
    { 0x0649, 0x064A, Dual }, { 0x066E, 0x066F, Dual }, { 0x0671, 0x0673, Right }, { 0x0675, 0x0677, Right },
    { 0x0678, 0x0687, Dual }, { 0x0688, 0x0699, Right }, { 0x069A, 0x06BF, Dual }, { 0x06C0, 0x06C0, Right },
    { 0x06C1, 0x06C2, Dual }, { 0x06C3, 0x06CB, Right }, { 0x06CC, 0x06CC, Dual }, { 0x06CD, 0x06CD, Right },
    { 0x06CE, 0x06CE, Dual }, { 0x06CF, 0x06CF, Right }, { 0x06D0, 0x06D1, Dual }, { 0x06D2, 0x06D3, Right },
    { 0x06D5, 0x06D5, Right }, { 0x06EE, 0x06EF, Right }, { 0x06FA, 0x06FC, Dual }, { 0x06FF, 0x06FF, Dual },
    { 0x0750, 0x0758, Dual }, { 0x0759, 0x075B, Right }, { 0x075C, 0x076A, Dual }, { 0x076B, 0x076C, Right },
    { 0x076D, 0x0770, Dual }, { 0x0771, 0x0771, Right }, { 0x0772, 0x0772, Dual }, { 0x0773, 0x0774, Right },
    { 0x0775, 0x0777, Dual }, { 0x0778, 0x0779, Right }, { 0x077A, 0x077F, Dual }, { 0x08A0, 0x08A9, Dual },
    { 0x08AA, 0x08AC, Right }, { 0x08AE, 0x08AE, Right }, { 0x08AF, 0x08B0, Dual }, { 0x08B1, 0x08B2, Right },
    { 0x08B3, 0x08B8, Dual }, { 0x08B9, 0x08B9, Right }, { 0x08BA, 0x08C8, Dual },
};

static_assert(rows_in_order(k_joining));

Joining joining_of(char32_t cp)
{
    const auto after = std::upper_bound(std::begin(k_joining), std::end(k_joining), cp,
        [](char32_t value, const JoiningRange& row) { return value < row.first; });
    if (after != std::begin(k_joining) && cp <= std::prev(after)->last)
        return std::prev(after)->joining;
    if (cp == 0x200D)   // ZERO WIDTH JOINER: the letters on both sides join to it
        return Joining::Causing;
    if (cp == 0x200C)   // ZERO WIDTH NON-JOINER: a break, as in Persian می‌خواهم
        return Joining::NonJoining;
    // Marks and format characters are looked through: harakat (U+064B–065F),
    // the superscript alef (U+0670), soft hyphens, the directional marks.
    const auto bidi = bidi_class(cp);
    if (bidi == BidiClass::NSM || bidi == BidiClass::BN || bidi == BidiClass::Explicit || cp == 0x061C
        || cp == 0x200E || cp == 0x200F)
        return Joining::Transparent;
    return Joining::NonJoining;
}

struct Forms {
    char32_t letter, isolated, final, initial, medial;   // 0: the letter has no such form and stays as it is
};

// Every letter of U+0600–06FF with presentation forms, from UnicodeData.txt's
// <isolated>, <final>, <initial> and <medial> decompositions (15.0): U+0621–
// 064A in Arabic Presentation Forms-B, the others (alef wasla, tteh, peh,
// tcheh, ddal, rreh, jeh, veh, keheh, ng, gaf, noon ghunna, heh doachashmee,
// farsi yeh, yeh barree ...) in Forms-A. Sorted by letter.
constexpr Forms k_forms[] = {
    { 0x0621, 0xFE80, 0, 0, 0 }, { 0x0622, 0xFE81, 0xFE82, 0, 0 }, { 0x0623, 0xFE83, 0xFE84, 0, 0 },
    { 0x0624, 0xFE85, 0xFE86, 0, 0 }, { 0x0625, 0xFE87, 0xFE88, 0, 0 }, { 0x0626, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C },
    { 0x0627, 0xFE8D, 0xFE8E, 0, 0 }, { 0x0628, 0xFE8F, 0xFE90, 0xFE91, 0xFE92 }, { 0x0629, 0xFE93, 0xFE94, 0, 0 },
    { 0x062A, 0xFE95, 0xFE96, 0xFE97, 0xFE98 }, { 0x062B, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C },
    { 0x062C, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0 }, { 0x062D, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4 },
    { 0x062E, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8 }, { 0x062F, 0xFEA9, 0xFEAA, 0, 0 }, { 0x0630, 0xFEAB, 0xFEAC, 0, 0 },
    { 0x0631, 0xFEAD, 0xFEAE, 0, 0 }, { 0x0632, 0xFEAF, 0xFEB0, 0, 0 }, { 0x0633, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4 },
    { 0x0634, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8 }, { 0x0635, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC },
    { 0x0636, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0 }, { 0x0637, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4 },
    { 0x0638, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8 }, { 0x0639, 0xFEC9, 0xFECA, 0xFECB, 0xFECC },
    { 0x063A, 0xFECD, 0xFECE, 0xFECF, 0xFED0 }, { 0x0641, 0xFED1, 0xFED2, 0xFED3, 0xFED4 },
    { 0x0642, 0xFED5, 0xFED6, 0xFED7, 0xFED8 }, { 0x0643, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC },
    { 0x0644, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0 }, { 0x0645, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4 },
    { 0x0646, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8 }, { 0x0647, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC },
    { 0x0648, 0xFEED, 0xFEEE, 0, 0 }, { 0x0649, 0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9 },
    { 0x064A, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4 }, { 0x0671, 0xFB50, 0xFB51, 0, 0 }, { 0x0677, 0xFBDD, 0, 0, 0 },
    { 0x0679, 0xFB66, 0xFB67, 0xFB68, 0xFB69 }, { 0x067A, 0xFB5E, 0xFB5F, 0xFB60, 0xFB61 },
    { 0x067B, 0xFB52, 0xFB53, 0xFB54, 0xFB55 }, { 0x067E, 0xFB56, 0xFB57, 0xFB58, 0xFB59 },
    { 0x067F, 0xFB62, 0xFB63, 0xFB64, 0xFB65 }, { 0x0680, 0xFB5A, 0xFB5B, 0xFB5C, 0xFB5D },
    { 0x0683, 0xFB76, 0xFB77, 0xFB78, 0xFB79 }, { 0x0684, 0xFB72, 0xFB73, 0xFB74, 0xFB75 },
    { 0x0686, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D }, { 0x0687, 0xFB7E, 0xFB7F, 0xFB80, 0xFB81 },
    { 0x0688, 0xFB88, 0xFB89, 0, 0 }, { 0x068C, 0xFB84, 0xFB85, 0, 0 }, { 0x068D, 0xFB82, 0xFB83, 0, 0 },
    { 0x068E, 0xFB86, 0xFB87, 0, 0 }, { 0x0691, 0xFB8C, 0xFB8D, 0, 0 }, { 0x0698, 0xFB8A, 0xFB8B, 0, 0 },
    { 0x06A4, 0xFB6A, 0xFB6B, 0xFB6C, 0xFB6D }, { 0x06A6, 0xFB6E, 0xFB6F, 0xFB70, 0xFB71 },
    { 0x06A9, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91 }, { 0x06AD, 0xFBD3, 0xFBD4, 0xFBD5, 0xFBD6 },
    { 0x06AF, 0xFB92, 0xFB93, 0xFB94, 0xFB95 }, { 0x06B1, 0xFB9A, 0xFB9B, 0xFB9C, 0xFB9D },
    { 0x06B3, 0xFB96, 0xFB97, 0xFB98, 0xFB99 }, { 0x06BA, 0xFB9E, 0xFB9F, 0, 0 },
    { 0x06BB, 0xFBA0, 0xFBA1, 0xFBA2, 0xFBA3 }, { 0x06BE, 0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD },
    { 0x06C0, 0xFBA4, 0xFBA5, 0, 0 }, { 0x06C1, 0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9 }, { 0x06C5, 0xFBE0, 0xFBE1, 0, 0 },
    { 0x06C6, 0xFBD9, 0xFBDA, 0, 0 }, { 0x06C7, 0xFBD7, 0xFBD8, 0, 0 }, { 0x06C8, 0xFBDB, 0xFBDC, 0, 0 },
    { 0x06C9, 0xFBE2, 0xFBE3, 0, 0 }, { 0x06CB, 0xFBDE, 0xFBDF, 0, 0 }, { 0x06CC, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF },
    { 0x06D0, 0xFBE4, 0xFBE5, 0xFBE6, 0xFBE7 }, { 0x06D2, 0xFBAE, 0xFBAF, 0, 0 }, { 0x06D3, 0xFBB0, 0xFBB1, 0, 0 },
};

static_assert([] {
    for (std::size_t i = 1; i < std::size(k_forms); ++i)
        if (k_forms[i].letter <= k_forms[i - 1].letter)
            return false;
    return true;
}());

const Forms* forms_of(char32_t cp)
{
    const auto found = std::lower_bound(std::begin(k_forms), std::end(k_forms), cp,
        [](const Forms& row, char32_t value) { return row.letter < value; });
    return found != std::end(k_forms) && found->letter == cp ? found : nullptr;
}

constexpr char32_t k_lam = 0x0644;

struct LamAlef {
    char32_t alef, isolated, final;
};

// Lam followed by an alef is always written as one ligature; it joins only
// on the lam's side, as alef does not join to what follows.
constexpr LamAlef k_lam_alef[] = {
    { 0x0622, 0xFEF5, 0xFEF6 },   // alef with madda above
    { 0x0623, 0xFEF7, 0xFEF8 },   // alef with hamza above
    { 0x0625, 0xFEF9, 0xFEFA },   // alef with hamza below
    { 0x0627, 0xFEFB, 0xFEFC },   // alef
};

const LamAlef* lam_alef_of(char32_t alef)
{
    for (const auto& row : k_lam_alef)
        if (row.alef == alef)
            return &row;
    return nullptr;
}

// [SECTION] Paired brackets and mirrored characters

struct Pair {
    char32_t open, close;
};

// BidiBrackets.txt (15.0): the pairs rule N0 resolves together. All of them
// are also mirrored (BidiMirroring.txt).
constexpr Pair k_brackets[] = {
    { 0x0028, 0x0029 }, { 0x005B, 0x005D }, { 0x007B, 0x007D }, { 0x0F3A, 0x0F3B }, { 0x0F3C, 0x0F3D },
    { 0x169B, 0x169C }, { 0x2045, 0x2046 }, { 0x207D, 0x207E }, { 0x208D, 0x208E }, { 0x2308, 0x2309 },
    { 0x230A, 0x230B }, { 0x2329, 0x232A }, { 0x2768, 0x2769 }, { 0x276A, 0x276B }, { 0x276C, 0x276D },
    { 0x276E, 0x276F }, { 0x2770, 0x2771 }, { 0x2772, 0x2773 }, { 0x2774, 0x2775 }, { 0x27C5, 0x27C6 },
    { 0x27E6, 0x27E7 }, { 0x27E8, 0x27E9 }, { 0x27EA, 0x27EB }, { 0x27EC, 0x27ED }, { 0x27EE, 0x27EF },
    { 0x2983, 0x2984 }, { 0x2985, 0x2986 }, { 0x2987, 0x2988 }, { 0x2989, 0x298A }, { 0x298B, 0x298C },
    { 0x298D, 0x2990 }, { 0x298F, 0x298E }, { 0x2991, 0x2992 }, { 0x2993, 0x2994 }, { 0x2995, 0x2996 },
    { 0x2997, 0x2998 }, { 0x29D8, 0x29D9 }, { 0x29DA, 0x29DB }, { 0x29FC, 0x29FD }, { 0x2E22, 0x2E23 },
    { 0x2E24, 0x2E25 }, { 0x2E26, 0x2E27 }, { 0x2E28, 0x2E29 }, { 0x2E55, 0x2E56 }, { 0x2E57, 0x2E58 },
    { 0x2E59, 0x2E5A }, { 0x2E5B, 0x2E5C }, { 0x3008, 0x3009 }, { 0x300A, 0x300B }, { 0x300C, 0x300D },
    { 0x300E, 0x300F }, { 0x3010, 0x3011 }, { 0x3014, 0x3015 }, { 0x3016, 0x3017 }, { 0x3018, 0x3019 },
    { 0x301A, 0x301B }, { 0xFE59, 0xFE5A }, { 0xFE5B, 0xFE5C }, { 0xFE5D, 0xFE5E }, { 0xFF08, 0xFF09 },
    { 0xFF3B, 0xFF3D }, { 0xFF5B, 0xFF5D }, { 0xFF5F, 0xFF60 }, { 0xFF62, 0xFF63 },
};

// Mirrored pairs that are not brackets, the ones a name, a message or a
// grade is likely to hold: < >, « », ‹ ›, ≤ ≥, ≪ ≫, ∈ ∋, ⊂ ⊃ and the small and
// fullwidth < >. BidiMirroring.txt names 282 more mirrored characters, most
// of them mathematical symbols, drawn unmirrored here.
constexpr Pair k_other_mirrored[] = {
    { 0x003C, 0x003E }, { 0x00AB, 0x00BB }, { 0x2039, 0x203A }, { 0x2208, 0x220B }, { 0x2264, 0x2265 },
    { 0x226A, 0x226B }, { 0x2282, 0x2283 }, { 0xFE64, 0xFE65 }, { 0xFF1C, 0xFF1E },
};

char32_t mirrored(char32_t cp)
{
    auto find_in = [&](const auto& table) -> char32_t {
        for (const auto& row : table) {
            if (row.open == cp)
                return row.close;
            if (row.close == cp)
                return row.open;
        }
        return 0;
    };
    if (const auto other = find_in(k_brackets))
        return other;
    if (const auto other = find_in(k_other_mirrored))
        return other;
    return cp;
}

// A bracket as rule N0 compares them: U+2329 and U+232A are canonically
// equivalent to U+3008 and U+3009, so U+3009 closes U+2329, and U+232A U+3008.
char32_t canonical_bracket(char32_t cp)
{
    return cp == 0x2329 ? 0x3008 : cp == 0x232A ? 0x3009 : cp;
}

// For an opening bracket, its closing one (canonical); 0 for anything else.
char32_t closing_bracket_of(char32_t cp)
{
    for (const auto& row : k_brackets)
        if (row.open == cp)
            return canonical_bracket(row.close);
    return 0;
}

bool is_closing_bracket(char32_t cp)
{
    return std::any_of(std::begin(k_brackets), std::end(k_brackets), [&](const Pair& row) { return row.close == cp; });
}

// [SECTION] Resolving levels: P2-P3, X9, W1-W7, N0-N2, I1-I2, L1

// The direction N0 to N2 see in a resolved type: numbers count as right to left.
enum class Strong : std::uint8_t { None, Left, Right };

Strong strong_of(BidiClass type)
{
    if (type == BidiClass::L)
        return Strong::Left;
    if (type == BidiClass::R || type == BidiClass::AL || type == BidiClass::EN || type == BidiClass::AN)
        return Strong::Right;
    return Strong::None;
}

BidiClass class_of(Strong direction)
{
    return direction == Strong::Left ? BidiClass::L : BidiClass::R;
}

bool is_neutral(BidiClass type)
{
    return type == BidiClass::B || type == BidiClass::S || type == BidiClass::WS || type == BidiClass::ON;
}

// The line as the W and N rules see it: the code points X9 keeps, and their
// types as the rules rewrite them. With no embeddings the whole line is one
// isolating run sequence at the paragraph's level, so sos and eos are both
// the paragraph's direction (X10), and so is the embedding direction.
struct RunSequence {
    std::vector<std::size_t> at;     // index of each kept code point in the line
    std::vector<BidiClass> types;
    Strong direction = Strong::Left;
};

// N0: the two brackets of a pair take one direction, so they face each other
// round what they enclose: the embedding direction if the text inside has
// it; else the opposite direction found inside, if the text before the pair
// has it too; pairs with no strong text inside are left to N1 and N2.
//   RTL paragraph, "(a) ב": inside is only L, before the pair is sos (R) -> R
//   LTR paragraph, "א (b)": inside has L -> L, the bracket stays left of b
void resolve_brackets(const std::vector<char32_t>& text, const std::vector<BidiClass>& classes, RunSequence& run)
{
    auto& t = run.types;
    const std::size_t m = t.size();
    // BD16: a closing bracket closes the nearest open one of its kind, and
    // closes those opened after it without pairing them. The stack holds 63
    // open brackets; past that, no more pairs are made in the line.
    struct Open {
        char32_t closing;
        std::size_t at;
    };
    std::vector<Open> open;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t k = 0; k < m; ++k) {
        if (t[k] != BidiClass::ON)
            continue;
        const char32_t cp = text[run.at[k]];
        if (const char32_t closing = closing_bracket_of(cp)) {
            if (open.size() == 63)
                break;
            open.push_back({ closing, k });
        } else if (is_closing_bracket(cp)) {
            for (std::size_t s = open.size(); s-- > 0;) {
                if (open[s].closing == canonical_bracket(cp)) {
                    pairs.emplace_back(open[s].at, k);
                    open.resize(s);
                    break;
                }
            }
        }
    }
    std::sort(pairs.begin(), pairs.end());

    for (const auto& [first, last] : pairs) {
        bool embedding_inside = false, opposite_inside = false;
        for (std::size_t k = first + 1; k < last; ++k) {
            const auto strong = strong_of(t[k]);
            embedding_inside |= strong == run.direction;
            opposite_inside |= strong != Strong::None && strong != run.direction;
        }
        if (!embedding_inside && !opposite_inside)
            continue;
        Strong direction = run.direction;
        if (!embedding_inside) {
            Strong before = run.direction;   // sos
            for (std::size_t k = first; k-- > 0;) {
                if (const auto strong = strong_of(t[k]); strong != Strong::None) {
                    before = strong;
                    break;
                }
            }
            direction = before;
        }
        // The brackets, and marks on them (ON after W1), take the direction.
        for (std::size_t k : { first, last }) {
            t[k] = class_of(direction);
            for (std::size_t j = k + 1; j < m && classes[run.at[j]] == BidiClass::NSM; ++j)
                t[j] = class_of(direction);
        }
    }
}

struct Resolution {
    std::uint8_t paragraph_level = 0;
    std::vector<BidiClass> classes;     // each code point's class, from the table
    std::vector<std::uint8_t> levels;   // each code point's resolved level, after L1
};

Resolution resolve_levels(const std::vector<char32_t>& text, TextDirection base)
{
    const std::size_t n = text.size();
    Resolution resolution;
    auto& classes = resolution.classes;
    classes.resize(n);
    std::transform(text.begin(), text.end(), classes.begin(), bidi_class);

    // P2, P3: the first strong character, when the caller has not decided.
    std::uint8_t paragraph = base == TextDirection::RightToLeft ? 1 : 0;
    if (base == TextDirection::Auto) {
        const auto first = std::find_if(classes.begin(), classes.end(), [](BidiClass c) {
            return c == BidiClass::L || c == BidiClass::R || c == BidiClass::AL;
        });
        paragraph = first != classes.end() && *first != BidiClass::L ? 1 : 0;
    }
    resolution.paragraph_level = paragraph;

    // X9: boundary neutrals (and the explicit codes, see BidiClass) sit out.
    RunSequence run;
    run.direction = paragraph == 1 ? Strong::Right : Strong::Left;
    run.at.reserve(n);
    run.types.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (classes[i] != BidiClass::BN && classes[i] != BidiClass::Explicit) {
            run.at.push_back(i);
            run.types.push_back(classes[i]);
        }
    }
    auto& t = run.types;
    const std::size_t m = t.size();
    const BidiClass sos = class_of(run.direction);

    // W1: a mark takes the type of what it is on (sos at the start).
    for (std::size_t k = 0; k < m; ++k)
        if (t[k] == BidiClass::NSM)
            t[k] = k == 0 ? sos : t[k - 1];
    // W2, W3: European digits after an Arabic letter are Arabic numbers
    // ("الصف 10"); then Arabic letters are simply right to left.
    BidiClass last_strong = sos;
    for (auto& type : t) {
        if (type == BidiClass::L || type == BidiClass::R || type == BidiClass::AL)
            last_strong = type;
        else if (type == BidiClass::EN && last_strong == BidiClass::AL)
            type = BidiClass::AN;
        if (type == BidiClass::AL)
            type = BidiClass::R;
    }
    // W4: one separator between two numbers of one kind joins them: "1+2",
    // "1,000", "١,٢" (a plus or minus between European digits only).
    for (std::size_t k = 1; k + 1 < m; ++k) {
        const bool between_european = t[k - 1] == BidiClass::EN && t[k + 1] == BidiClass::EN;
        const bool between_arabic = t[k - 1] == BidiClass::AN && t[k + 1] == BidiClass::AN;
        if (t[k] == BidiClass::ES && between_european)
            t[k] = BidiClass::EN;
        else if (t[k] == BidiClass::CS && (between_european || between_arabic))
            t[k] = t[k - 1];
    }
    // W5: terminators next to European digits are part of the number: "$5", "50%".
    for (std::size_t k = 0; k < m;) {
        if (t[k] != BidiClass::ET) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < m && t[end] == BidiClass::ET)
            ++end;
        if ((k > 0 && t[k - 1] == BidiClass::EN) || (end < m && t[end] == BidiClass::EN))
            for (std::size_t j = k; j < end; ++j)
                t[j] = BidiClass::EN;
        k = end;
    }
    // W6: the separators and terminators left over are neutral.
    for (auto& type : t)
        if (type == BidiClass::ES || type == BidiClass::ET || type == BidiClass::CS)
            type = BidiClass::ON;
    // W7: European digits in left-to-right context are left to right.
    last_strong = sos;
    for (auto& type : t) {
        if (type == BidiClass::L || type == BidiClass::R)
            last_strong = type;
        else if (type == BidiClass::EN && last_strong == BidiClass::L)
            type = BidiClass::L;
    }

    resolve_brackets(text, classes, run);   // N0

    // N1, N2: neutrals between two of one direction take it, the others
    // the embedding direction ("abc - def" stays whole, "א - ב" too).
    for (std::size_t k = 0; k < m;) {
        if (!is_neutral(t[k])) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < m && is_neutral(t[end]))
            ++end;
        const Strong before = k == 0 ? run.direction : strong_of(t[k - 1]);
        const Strong after = end == m ? run.direction : strong_of(t[end]);
        for (std::size_t j = k; j < end; ++j)
            t[j] = class_of(before == after ? before : run.direction);
        k = end;
    }

    // I1, I2, for the kept code points; a removed one goes with the one
    // before it (the paragraph's level at the start), as FriBidi does.
    auto& levels = resolution.levels;
    levels.assign(n, paragraph);
    for (std::size_t k = 0; k < m; ++k) {
        const BidiClass type = t[k];
        if (paragraph % 2 == 0)
            levels[run.at[k]] = paragraph + (type == BidiClass::R ? 1 : type == BidiClass::L ? 0 : 2);
        else
            levels[run.at[k]] = paragraph + (type == BidiClass::R ? 0 : 1);
    }
    for (std::size_t i = 1; i < n; ++i)
        if (classes[i] == BidiClass::BN || classes[i] == BidiClass::Explicit)
            levels[i] = levels[i - 1];

    // L1: separators, and the white space before them or at the end of the
    // line, go back to the paragraph's level (by their own classes).
    bool trailing = true;
    for (std::size_t i = n; i-- > 0;) {
        const BidiClass c = classes[i];
        if (c == BidiClass::B || c == BidiClass::S) {
            levels[i] = paragraph;
            trailing = true;
        } else if (c == BidiClass::WS || c == BidiClass::BN || c == BidiClass::Explicit) {
            if (trailing)
                levels[i] = paragraph;
        } else {
            trailing = false;
        }
    }
    return resolution;
}

// [SECTION] Reordering: L2, marks after their base, L4

// L2: from the highest level down to the lowest odd one, every run at that
// level or higher is reversed. `with_previous[i]` makes code point i move
// with the one before it, in its logical place after it (see visual_order).
std::vector<std::size_t> visual_indices(const std::vector<std::uint8_t>& levels, const std::vector<bool>& with_previous)
{
    std::vector<std::size_t> starts;   // of the units that move as one
    starts.reserve(levels.size());
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (i == 0 || !with_previous[i])
            starts.push_back(i);
    std::vector<std::size_t> units(starts.size());
    for (std::size_t u = 0; u < units.size(); ++u)
        units[u] = u;
    std::uint8_t highest = 0, lowest_odd = 255;
    for (auto level : levels) {
        highest = std::max(highest, level);
        if (level % 2 == 1)
            lowest_odd = std::min(lowest_odd, level);
    }
    for (int level = highest; level >= lowest_odd; --level) {
        for (std::size_t u = 0; u < units.size();) {
            if (levels[starts[units[u]]] < level) {
                ++u;
                continue;
            }
            std::size_t end = u;
            while (end < units.size() && levels[starts[units[end]]] >= level)
                ++end;
            std::reverse(units.begin() + u, units.begin() + end);
            u = end;
        }
    }
    std::vector<std::size_t> order;
    order.reserve(levels.size());
    for (auto u : units) {
        const std::size_t end = u + 1 < starts.size() ? starts[u + 1] : levels.size();
        for (std::size_t i = starts[u]; i < end; ++i)
            order.push_back(i);
    }
    return order;
}

} // namespace

// [SECTION] Public functions

bool has_right_to_left(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        // Continuation bytes (80–BF) and the lead bytes of everything below
        // U+0580 are under D6, so Latin, Greek and Cyrillic text stays here.
        if (static_cast<unsigned char>(utf8[i]) >= 0xD6 && starts_right_to_left(utf8.substr(i)))
            return true;
    }
    return false;
}

std::string shape_arabic(std::string_view utf8)
{
    // Every letter with presentation forms is in U+0621–06D3, whose UTF-8 lead
    // bytes are D8–DB: text without those bytes has nothing to shape.
    if (std::none_of(utf8.begin(), utf8.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte >= 0xD8 && byte <= 0xDB;
        }))
        return std::string(utf8);

    struct Char {
        char32_t code_point;
        std::size_t at, length;   // its bytes, copied as they were when it does not change
        Joining joining;
    };
    std::vector<Char> text;
    text.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        const auto decoded = decode_utf8_at(utf8, at);
        text.push_back({ decoded.code_point, at, decoded.length, joining_of(decoded.code_point) });
        at += decoded.length;
    }
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    // The nearest character before or after `i` that marks do not hide.
    auto before = [&](std::size_t i) {
        for (std::size_t k = i; k-- > 0;)
            if (text[k].joining != Joining::Transparent)
                return k;
        return none;
    };
    auto after = [&](std::size_t i) {
        for (std::size_t k = i + 1; k < text.size(); ++k)
            if (text[k].joining != Joining::Transparent)
                return k;
        return none;
    };
    // Whether a character connects to the one after it (to its left on
    // screen), and to the one before it.
    auto reaches_forward = [](Joining j) { return j == Joining::Dual || j == Joining::Causing; };
    auto reaches_back = [](Joining j) { return j == Joining::Dual || j == Joining::Right || j == Joining::Causing; };
    auto joins_before = [&](std::size_t i) {
        const auto k = before(i);
        return reaches_back(text[i].joining) && k != none && reaches_forward(text[k].joining);
    };
    auto joins_after = [&](std::size_t i) {
        const auto k = after(i);
        return reaches_forward(text[i].joining) && k != none && reaches_back(text[k].joining);
    };

    std::string out;
    out.reserve(utf8.size());
    std::size_t ligated_alef = none;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const Char& c = text[i];
        if (i == ligated_alef)
            continue;   // drawn by the lam-alef before it
        char32_t shaped = 0;
        if (c.code_point == k_lam) {
            // A ligature across harakat too ("لَا"), the marks after it, as HarfBuzz does.
            const auto next = after(i);
            if (const LamAlef* ligature = next == none ? nullptr : lam_alef_of(text[next].code_point)) {
                shaped = joins_before(i) ? ligature->final : ligature->isolated;
                ligated_alef = next;
            }
        }
        if (shaped == 0) {
            if (const Forms* forms = forms_of(c.code_point)) {
                const bool joined_before = joins_before(i), joined_after = joins_after(i);
                shaped = joined_before && joined_after ? forms->medial
                    : joined_before                    ? forms->final
                    : joined_after                     ? forms->initial
                                                       : forms->isolated;
            }
        }
        if (shaped != 0)
            append_utf8(out, shaped);
        else
            out.append(utf8.substr(c.at, c.length));
    }
    return out;
}

std::string visual_order(std::string_view logical_utf8, TextDirection base)
{
    const auto text = decode(logical_utf8);
    const auto resolution = resolve_levels(text, base);
    const auto& classes = resolution.classes;
    const auto& levels = resolution.levels;
    // L3 is ours to choose: a base and the combining marks after it stay in
    // that order, reversed or not, since Dear ImGui (like the PDF writer)
    // draws a mark over the glyph drawn just before it. Reversed one by one,
    // "مَ" would put its fatha on the letter to its left.
    // Boundary neutrals amid the marks (a ZWJ) go with them too, as in FriBidi.
    std::vector<bool> with_previous(text.size());
    bool mark_follows = false;
    for (std::size_t i = text.size(); i-- > 1;) {
        if (classes[i] == BidiClass::NSM)
            mark_follows = true;
        else if (classes[i] != BidiClass::BN)
            mark_follows = false;
        with_previous[i] = mark_follows && levels[i] == levels[i - 1];
    }
    std::string out;
    out.reserve(logical_utf8.size() + 8);
    for (const auto i : visual_indices(levels, with_previous)) {
        if (classes[i] == BidiClass::Explicit)
            continue;
        // L4: brackets and other paired characters face the other way when
        // drawn right to left; all of them are ON.
        const bool mirror = levels[i] % 2 == 1 && classes[i] == BidiClass::ON;
        append_utf8(out, mirror ? mirrored(text[i]) : text[i]);
    }
    return out;
}

std::string display_text(std::string_view logical_utf8)
{
    if (!has_right_to_left(logical_utf8))
        return std::string(logical_utf8);
    return visual_order(shape_arabic(logical_utf8), TextDirection::Auto);
}

} // namespace learnloop
