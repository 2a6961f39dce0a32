// Right-to-left text drawn by a renderer without bidi or shaping: has_right_to_left,
// shape_arabic, visual_order and display_text. Expected glyphs come from real
// tools, not from this code: GNU FriBidi 1.0.8 (`fribidi --nopad --reordernsm
// --charset UTF-8`, Debian's libfribidi-bin; its U+FEFF filler after a lam-alef
// ligature left out), HarfBuzz 6.0 (`hb-shape` with DejaVu Sans) where FriBidi
// does not ligate, Unicode 15.0's BidiCharacterTest.txt and BidiMirroring.txt
// (Debian's unicode-data), and Python's UTF-8 decoder for malformed bytes.
#include "core/bidi.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace learnloop;

namespace {

struct TextCase {
    std::string_view logical, expected;
};

} // namespace

TEST_CASE("has_right_to_left finds Hebrew, Arabic and the other right-to-left blocks, and nothing else", "[bidi]")
{
    struct Case {
        std::string_view text;
        bool expected;
    };
    static constexpr Case k_cases[] = {
        { "", false },
        { "Zoë Student", false },
        { "Дмитро Шевченко", false },
        { "王芳 김서연 🙂", false },
        { "\xD6\x89", false },          // U+0589 ARMENIAN FULL STOP: lead byte D6, but below U+0590
        { "\xEF\xBB\xBF" "abc", false }, // U+FEFF, the byte order mark: last of Forms-B, but no letter
        { "\xD7", false },              // a lead byte cut off at the end
        { "\xD7" "a", false },          // and one not followed by a continuation byte
        { "\xD6\x90", true },           // U+0590, the first of Hebrew's block
        { "דוד כהן", true },
        { "Layla ليلى", true },
        { "ܫܠܡܐ", true },               // Syriac
        { "ߒߞߏ", true },                // NKo
        { "\xE0\xA2\xA0", true },       // U+08A0, Arabic Extended-A
        { "\xEF\xAD\x96", true },       // U+FB56, peh's isolated form
        { "\xEF\xBB\xBB", true },       // U+FEFB, lam-alef
        { "abc\xE2\x80\x8F", true },    // U+200F RIGHT-TO-LEFT MARK
        { "\xE2\x80\x8E", false },      // U+200E LEFT-TO-RIGHT MARK
        { "\xF0\x90\xA4\x80", true },   // U+10900, Phoenician
        { "\xF0\x9E\xA4\x80", true },   // U+1E900, Adlam
        { "\xF0\x9F\x98\x80", false },  // U+1F600, an emoji
    };
    for (const auto& c : k_cases) {
        INFO(c.text);
        CHECK(has_right_to_left(c.text) == c.expected);
    }
}

TEST_CASE("shape_arabic gives each letter its joined form in logical order, and leaves other text alone", "[bidi]")
{
    // FriBidi's visual output of each word, read right to left, except where said.
    static constexpr TextCase k_cases[] = {
        { "ب", "\uFE8F" },                       // alone: isolated
        { "بب", "\uFE91\uFE90" },                // initial, final
        { "ببب", "\uFE91\uFE92\uFE90" },         // initial, medial, final
        { "اب", "\uFE8D\uFE8F" },                // alef joins only to the letter before it, so beh stays isolated
        { "سلام", "\uFEB3\uFEFC\uFEE1" },        // seen initial, lam-alef final, meem isolated
        { "لا", "\uFEFB" },                      // lam-alef alone
        { "محمد علي", "\uFEE3\uFEA4\uFEE4\uFEAA \uFECB\uFEE0\uFEF2" },
        { "یوسف", "\uFBFE\uFEEE\uFEB3\uFED2" },  // farsi yeh initial
        { "پچژگک", "\uFB58\uFB7D\uFB8B\uFB94\uFB8F" },   // peh, tcheh, jeh (right-joining), gaf, keheh
        { "بػ", "\uFE91\u063B" },                // U+063B has no presentation forms, but beh still joins it
        { "ب\u200D", "\uFE91\u200D" },           // ZWJ: beh joins to it
        { "بـ", "\uFE91\u0640" },                // tatweel likewise
        { "گل\u200Cها", "\uFB94\uFEDE\u200C\uFEEB\uFE8E" },   // ZWNJ ends a joined group
        // Hamza never joins; its isolated form is U+FE80, where FriBidi leaves U+0621 (the same glyph).
        { "سماء", "\uFEB3\uFEE4\uFE8E\uFE80" },
        // Lam + fatha + alef: HarfBuzz makes the ligature across the mark (FriBidi does not); the mark follows it.
        { "لَا", "\uFEFB\u064E" },
        { "Zoë Student", "Zoë Student" },
        { "דוד כהן", "דוד כהן" },
        { "\uFEFB", "\uFEFB" },                  // already a presentation form
        { "ب\xFF" "ب", "\uFE8F\xFF\uFE8F" },     // a malformed byte is kept, and breaks the joining
    };
    for (const auto& c : k_cases) {
        INFO(c.logical);
        CHECK(shape_arabic(c.logical) == c.expected);
    }
}

TEST_CASE("display_text shapes and reorders right-to-left lines as FriBidi does", "[bidi]")
{
    static constexpr TextCase k_cases[] = {
        // A Hebrew name, and Arabic ones: reversed, the Arabic shaped.
        { "דוד כהן", "\u05DF\u05D4\u05DB \u05D3\u05D5\u05D3" },
        { "ليلى حداد", "\uFEA9\uFE8D\uFEAA\uFEA3 \uFEF0\uFEE0\uFEF4\uFEDF" },
        // FE80, hamza's isolated form, where FriBidi leaves U+0621: see shape_arabic's test.
        { "فاطمة الزهراء", "\uFE80\uFE8D\uFEAE\uFEEB\uFEB0\uFEDF\uFE8D \uFE94\uFEE4\uFEC3\uFE8E\uFED3" },
        // A left-to-right line with an Arabic name and a number: the number stays with the Arabic before it.
        { "Layla ليلى حداد 2026", "Layla 2026 \uFEA9\uFE8D\uFEAA\uFEA3 \uFEF0\uFEE0\uFEF4\uFEDF" },
        // Numbers in right-to-left text keep their digits' order, to the left of the words before them.
        { "الصف 10", "10 \uFED2\uFEBC\uFEDF\uFE8D" },
        { "الصف ١٠", "\u0661\u0660 \uFED2\uFEBC\uFEDF\uFE8D" },
        { "سال ۱۴۰۵", "\u06F1\u06F4\u06F0\u06F5 \uFEDD\uFE8E\uFEB3" },
        { "خصم 50%", "%50 \uFEE2\uFEBC\uFEA7" },
        { "תאריך: 12/03/2026", "12/03/2026 :\u05DA\u05D9\u05E8\u05D0\u05EA" },
        // Brackets are mirrored, so they still enclose the word.
        { "(ملاحظة)", "(\uFE94\uFEC8\uFEA3\uFEFC\uFEE3)" },
        // Lam-alef.
        { "سلام", "\uFEE1\uFEFC\uFEB3" },
        { "لا", "\uFEFB" },
        // Harakat stay after the letter they are on.
        { "مَرْحَبًا", "\uFE8E\uFE92\u064B\uFEA3\u064E\uFEAE\u0652\uFEE3\u064E" },
        // ZWNJ in Persian: "می" does not join "خواهم".
        { "می\u200Cخواهم", "\uFEE2\uFEEB\uFE8D\uFEEE\uFEA7\u200C\uFBFD\uFEE3" },
        // Lines that start right to left and hold Latin: the Latin stays readable, the punctuation goes left.
        { "مرحبا Layla!", "!Layla \uFE8E\uFE92\uFEA3\uFEAE\uFEE3" },
        { "شكراً، Sam (Year 10).", ".Sam (Year 10) \u060C\uFE8D\u064B\uFEAE\uFEDC\uFEB7" },
        { "שלום!", "!\u05DD\u05D5\u05DC\u05E9" },
        // Malformed UTF-8 (Python's decoding, then FriBidi): one U+FFFD for each maximal bad part.
        { "\u05E9\u05DC\u05D5\u05DD\xE2\x82!", "!\uFFFD\u05DD\u05D5\u05DC\u05E9" },
        { "\xC0\xAF\u05D0", "\u05D0\uFFFD\uFFFD" },
        { "\u0644\xD9", "\uFFFD\uFEDD" },
    };
    for (const auto& c : k_cases) {
        INFO(c.logical);
        CHECK(display_text(c.logical) == c.expected);
    }
}

TEST_CASE("display_text returns text without right-to-left letters as it is, malformed or not", "[bidi]")
{
    static constexpr std::string_view k_texts[] = { "", "Zoë Student", "Дмитро", "王芳 🙂", "Zo\xC3", "a\xFF\xFE" "b",
        "(1 < 2)" };
    for (const auto text : k_texts) {
        INFO(text);
        CHECK(display_text(text) == text);
    }
}

TEST_CASE("visual_order takes the paragraph direction it is given, and turns malformed bytes into U+FFFD", "[bidi]")
{
    // FriBidi with --ltr and --rtl.
    CHECK(visual_order("\u05D3\u05D5\u05D3 \u05DB\u05D4\u05DF!", TextDirection::LeftToRight)
        == "\u05DF\u05D4\u05DB \u05D3\u05D5\u05D3!");
    CHECK(visual_order("Zoë Student", TextDirection::RightToLeft) == "Zoë Student");
    CHECK(visual_order("Zoë (Year 10)", TextDirection::Auto) == "Zoë (Year 10)");
    // Python's decoding of the bytes; no right-to-left text, so nothing moves.
    CHECK(visual_order("abc \xFF\xFE \xD7") == "abc \uFFFD\uFFFD \uFFFD");
    CHECK(visual_order("Zo\xC3") == "Zo\uFFFD");
    // Explicit embeddings are not applied, only removed (see bidi.hpp): RLE a b PDF.
    CHECK(visual_order("\u202Bab\u202C") == "ab");
    CHECK(visual_order("").empty());
}

TEST_CASE("visual_order matches Unicode's BidiCharacterTest.txt on lines without explicit formatting", "[bidi]")
{
    // Each row: its line in BidiCharacterTest.txt (Unicode 15.0), the
    // paragraph direction the file gives, its code points, and the file's
    // visual order of them, with BidiMirroring.txt's glyph for those at odd
    // levels (L4, which the file leaves out) and, where said, the marks kept
    // after their base (the L3 choice of bidi.cpp).
    struct Case {
        int line;
        TextDirection direction;
        std::string_view logical, visual;
    };
    static constexpr Case k_cases[] = {
        { 42, TextDirection::LeftToRight, "\u05D0\u05D1(\u05D2\u05D3[&ef].)gh", "\u05D1\u05D0(\u05D3\u05D2[&ef].)gh" },
        { 43, TextDirection::RightToLeft, "\u05D0\u05D1(\u05D2\u05D3[&ef].)gh", "gh(.[ef&]\u05D3\u05D2)\u05D1\u05D0" },
        { 44, TextDirection::LeftToRight, "abc (def \u0627\u0628\u062C) \u05D0\u05D1\u05D2",
            "abc (def \u062C\u0628\u0627) \u05D2\u05D1\u05D0" },
        { 45, TextDirection::RightToLeft, "abc (def \u0627\u0628\u062C) \u05D0\u05D1\u05D2",
            "\u05D2\u05D1\u05D0 (\u062C\u0628\u0627 def) abc" },
        { 48, TextDirection::LeftToRight, "abc (\u0627\u0628\u062C def) \u05D0\u05D1\u05D2",
            "abc (\u062C\u0628\u0627 def) \u05D2\u05D1\u05D0" },
        { 51, TextDirection::RightToLeft, "\u05D0\u05D1\u05D2 (\u0627\u0628\u062C def) abc",
            "abc (def \u062C\u0628\u0627) \u05D2\u05D1\u05D0" },
        { 52, TextDirection::LeftToRight, "\u0627\u0628\u062C book(s)", "\u062C\u0628\u0627 book(s)" },
        { 53, TextDirection::RightToLeft, "\u0627\u0628\u062C book(s)", "book(s) \u062C\u0628\u0627" },
        { 85, TextDirection::LeftToRight, "\u05D0(\u05D1)\u0331", "(\u0331\u05D1)\u05D0" },   // marks after their base
        { 87, TextDirection::LeftToRight, "\u0661(\u0662)\u0331", "(\u0331\u0662)\u0661" },   // marks after their base
        { 128, TextDirection::Auto, "\u062A1/2", "1/2\u062A" },
        { 129, TextDirection::LeftToRight, "\u062A1/2", "1/2\u062A" },
        { 140, TextDirection::LeftToRight, "\u0661-1", "\u0661-1" },
        { 141, TextDirection::RightToLeft, "a 1 2-3", "a 1 2-3" },
        { 142, TextDirection::LeftToRight, "\u05D0 1-2", "1-2 \u05D0" },
        { 144, TextDirection::LeftToRight, "\u061C \u06F1 \u06F2-\u06F3", "\u06F3-\u06F2 \u06F1 \u061C" },
        { 179, TextDirection::LeftToRight, "a(\u05D0[\u05D1]!)b", "a([\u05D1]\u05D0!)b" },
        { 180, TextDirection::RightToLeft, "a(\u05D0[\u05D1]!)b", "b(![\u05D1]\u05D0)a" },
        { 182, TextDirection::RightToLeft, "\u05D0(a[b]!)\u05D1", "\u05D1(!a[b])\u05D0" },
        { 184, TextDirection::RightToLeft, "a(({b\u2680[])}[c[]]\u05D0)", "(\u05D0[[]c]{([]\u2680b}))a" },
        { 186, TextDirection::RightToLeft, "\u05D0(({\u05D1\u2680[])}[\u05D2[]]a)",
            "(a[[]\u05D2]{([]\u2680\u05D1}))\u05D0" },
        { 196, TextDirection::RightToLeft, "a(\u0661)", "(\u0661)a" },
        { 198, TextDirection::RightToLeft, "1(a)", "(a)1" },
        { 246, TextDirection::LeftToRight, "(\u0627) 1.2", "(\u0627) 1.2" },
        { 247, TextDirection::LeftToRight, "(\u0627) 1*2", "(\u0627) 2*1" },
        { 250, TextDirection::RightToLeft, "(\u0627\u05D0) 1-2", "1-2 (\u05D0\u0627)" },
        { 251, TextDirection::LeftToRight, "1\u0661(\u0627)", "1(\u0627)\u0661" },
        { 254, TextDirection::Auto, "\u0661\t(\u0662)", "\u0661\t(\u0662)" },
        { 255, TextDirection::Auto, "\u0661 (\u0662)", "(\u0662) \u0661" },
        { 257, TextDirection::LeftToRight, "\u05D0)(\u03011)", "(1)\u0301(\u05D0" },   // marks after their base
        { 259, TextDirection::LeftToRight, "\u0627(\u0661? )]", "( ?\u0661)\u0627]" },
        { 279, TextDirection::RightToLeft, "a(b[c\u05D0d]e)f", "f(e[d\u05D0c]b)a" },
        { 283, TextDirection::RightToLeft, "\u05D0(\u05D1[\u05D2a\u05D3]\u05D4)\u05D5",
            "\u05D5(\u05D4[\u05D3a\u05D2]\u05D1)\u05D0" },
        { 314, TextDirection::LeftToRight, "\u05D0 \u2329\u05D1.1\u232A", "\u23291.\u05D1\u232A \u05D0" },
        { 316, TextDirection::LeftToRight, "\u05D0 \u2329\u05D1.1\u3009", "\u30081.\u05D1\u232A \u05D0" },
        { 431, TextDirection::RightToLeft, "\u05D0(a)", "(a)\u05D0" },
        { 433, TextDirection::RightToLeft, "\u05D0()a", "a()\u05D0" },
    };
    for (const auto& c : k_cases) {
        INFO("BidiCharacterTest.txt line " << c.line << ": " << c.logical);
        CHECK(visual_order(c.logical, c.direction) == c.visual);
    }
}
