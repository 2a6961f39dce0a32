// PDF files of text and rules on A4 pages (libharu), for documents people
// keep or print: an invoice. Text is UTF-8 in any script the fonts cover:
// DejaVu Sans (Latin, Greek, Cyrillic, Arabic and Hebrew letters; Arabic
// joined and right-to-left text in reading order, by shared-domain
// core/bidi) and Droid Sans Fallback for Han, kana and
// Hangul, which is loaded only when a text needs it. Fonts are embedded, so
// the file reads the same on any machine.
//
// Coordinates are points (1/72 inch) from the page's top left corner.
#pragma once

#include "core/result.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace learnloop::server {

class PdfDocument {
public:
    // A document with one empty page; `title` goes into its properties.
    static Result<PdfDocument> create(const std::string& title);
    PdfDocument(PdfDocument&&) noexcept;
    PdfDocument& operator=(PdfDocument&&) noexcept;
    ~PdfDocument();

    static constexpr float k_width = 595.28f, k_height = 841.89f;   // A4

    void new_page();
    [[nodiscard]] int pages() const;
    // The width `text` takes at `size` points.
    [[nodiscard]] float width(std::string_view text, float size, bool bold = false);
    // `text` with its baseline's left end at (x, y); grey draws it muted.
    void text(float x, float y, std::string_view text, float size, bool bold = false, bool grey = false);
    // The same ending at `right` (numbers in a column).
    void text_right(float right, float y, std::string_view text, float size, bool bold = false, bool grey = false);
    // `text` cut to fit `max_width`, ending in "…" when cut (never inside a character).
    [[nodiscard]] std::string fit(std::string_view text, float max_width, float size, bool bold = false);
    // A thin grey line across, at y.
    void rule(float x0, float x1, float y);
    // The finished file.
    [[nodiscard]] Result<std::string> bytes();

private:
    struct State;
    explicit PdfDocument(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace learnloop::server
