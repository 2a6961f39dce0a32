// PDF files through libharu (see pdf.hpp).
#include "platform/pdf.hpp"

#include "core/bidi.hpp"

#include <hpdf.h>

#include <filesystem>
#include <vector>

namespace learnloop::server {

namespace {

constexpr const char* k_regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* k_bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr const char* k_fallback_font = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

// Han, kana, Hangul and their punctuation and full-width forms: the
// fallback font's. (libharu's UTF-8 encoder stops at the Basic Multilingual
// Plane; characters beyond it are drawn by the fallback, or left out.)
bool needs_fallback(char32_t c)
{
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x10000;
}

// The next character of UTF-8 `text` at `i` (advanced past it); an invalid
// byte reads as U+FFFD.
char32_t next_char(std::string_view text, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    return c;
}

// Where `text` changes between the main font and the fallback: runs of one font.
struct Run {
    std::string text;
    bool fallback = false;
};

std::vector<Run> runs_of(std::string_view text)
{
    std::vector<Run> runs;
    for (std::size_t i = 0; i < text.size();) {
        const auto start = i;
        const bool fallback = needs_fallback(next_char(text, i));
        if (runs.empty() || runs.back().fallback != fallback)
            runs.push_back({ {}, fallback });
        runs.back().text.append(text.substr(start, i - start));
    }
    return runs;
}

// The first error libharu reports (it calls back instead of returning one).
struct ErrorSink {
    HPDF_STATUS error = HPDF_OK, detail = HPDF_OK;
};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data)
{
    auto* sink = static_cast<ErrorSink*>(user_data);
    if (sink->error == HPDF_OK) {
        sink->error = error;
        sink->detail = detail;
    }
}

} // namespace

struct PdfDocument::State {
    HPDF_Doc pdf = nullptr;
    HPDF_Page page = nullptr;
    HPDF_Font regular = nullptr, bold = nullptr, fallback = nullptr;
    int pages = 0;
    ErrorSink errors;

    ~State()
    {
        if (pdf)
            HPDF_Free(pdf);
    }

    HPDF_Font load(const char* file)
    {
        if (!std::filesystem::exists(file))
            return nullptr;
        const char* name = HPDF_LoadTTFontFromFile(pdf, file, HPDF_TRUE);
        return name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
    }

    HPDF_Font font_for(const Run& run, bool is_bold)
    {
        if (run.fallback) {
            if (!fallback)
                fallback = load(k_fallback_font);
            if (fallback)
                return fallback;
        }
        return is_bold ? bold : regular;
    }

    float run_width(const Run& run, float size, bool is_bold)
    {
        auto* font = font_for(run, is_bold);
        const auto width = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(run.text.data()),
            static_cast<HPDF_UINT>(run.text.size()));
        return static_cast<float>(width.width) * size / 1000.0f;
    }
};

Result<PdfDocument> PdfDocument::create(const std::string& title)
{
    auto state = std::make_unique<State>();
    state->pdf = HPDF_New(on_error, &state->errors);
    if (!state->pdf)
        return make_error(ErrorCode::Internal, "The PDF library could not start");
    HPDF_SetCompressionMode(state->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(state->pdf);
    HPDF_SetCurrentEncoder(state->pdf, "UTF-8");
    HPDF_SetInfoAttr(state->pdf, HPDF_INFO_TITLE, title.c_str());
    HPDF_SetInfoAttr(state->pdf, HPDF_INFO_CREATOR, "Learnloop");
    state->regular = state->load(k_regular_font);
    state->bold = state->load(k_bold_font);
    if (!state->regular || !state->bold || state->errors.error != HPDF_OK)
        return make_error(ErrorCode::Internal, "The fonts for PDF files are not installed (fonts-dejavu-core)");
    PdfDocument document(std::move(state));
    document.new_page();
    return document;
}

PdfDocument::PdfDocument(std::unique_ptr<State> state) : m_state(std::move(state)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

void PdfDocument::new_page()
{
    m_state->page = HPDF_AddPage(m_state->pdf);
    HPDF_Page_SetSize(m_state->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    ++m_state->pages;
}

int PdfDocument::pages() const { return m_state->pages; }

float PdfDocument::width(std::string_view text, float size, bool bold)
{
    float total = 0;
    for (const auto& run : runs_of(display_text(text)))
        total += m_state->run_width(run, size, bold);
    return total;
}

void PdfDocument::text(float x, float y, std::string_view text, float size, bool bold, bool grey)
{
    auto* page = m_state->page;
    const float shade = grey ? 0.32f : 0.12f;   // the portals' muted and body text
    HPDF_Page_SetRGBFill(page, shade, shade + 0.04f, shade + 0.08f);
    HPDF_Page_BeginText(page);
    // Arabic joined and right-to-left runs in the order they are read (core/bidi).
    for (const auto& run : runs_of(display_text(text))) {
        HPDF_Page_SetFontAndSize(page, m_state->font_for(run, bold), size);
        HPDF_Page_TextOut(page, x, k_height - y, run.text.c_str());
        x += m_state->run_width(run, size, bold);
    }
    HPDF_Page_EndText(page);
}

void PdfDocument::text_right(float right, float y, std::string_view text, float size, bool bold, bool grey)
{
    this->text(right - width(text, size, bold), y, text, size, bold, grey);
}

std::string PdfDocument::fit(std::string_view text, float max_width, float size, bool bold)
{
    if (width(text, size, bold) <= max_width)
        return std::string(text);
    const std::string ellipsis = "\xE2\x80\xA6";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto start = i;
        next_char(text, i);
        auto longer = out + std::string(text.substr(start, i - start));
        if (width(longer + ellipsis, size, bold) > max_width)
            break;
        out = std::move(longer);
    }
    return out + ellipsis;
}

void PdfDocument::rule(float x0, float x1, float y)
{
    auto* page = m_state->page;
    HPDF_Page_SetRGBStroke(page, 0.85f, 0.87f, 0.9f);
    HPDF_Page_SetLineWidth(page, 0.75f);
    HPDF_Page_MoveTo(page, x0, k_height - y);
    HPDF_Page_LineTo(page, x1, k_height - y);
    HPDF_Page_Stroke(page);
}

Result<std::string> PdfDocument::bytes()
{
    const auto& errors = m_state->errors;
    if (errors.error != HPDF_OK || HPDF_SaveToStream(m_state->pdf) != HPDF_OK)
        return make_error(ErrorCode::Internal, "The PDF file could not be written (libharu error "
                + std::to_string(errors.error) + "/" + std::to_string(errors.detail) + ")");
    std::string out;
    HPDF_ResetStream(m_state->pdf);
    for (;;) {
        HPDF_BYTE buffer[16384];
        HPDF_UINT32 size = sizeof buffer;
        const auto status = HPDF_ReadFromStream(m_state->pdf, buffer, &size);
        out.append(reinterpret_cast<const char*>(buffer), size);
        if (status == HPDF_STREAM_EOF || size == 0)
            break;
        if (status != HPDF_OK)
            return make_error(ErrorCode::Internal, "The PDF file could not be read back");
    }
    return out;
}

} // namespace learnloop::server
