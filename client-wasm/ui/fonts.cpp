// The portals' fonts (see fonts.hpp): [SECTION] state, [SECTION] code points,
// [SECTION] loading, [SECTION] atlas, [SECTION] tests.
#include "ui/fonts.hpp"

#include "core/validation.hpp"
#include "platform/clock.hpp"
#include "platform/http_client.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_set>

namespace learnloop::client::ui::fonts {

// [SECTION] state -------------------------------------------------------------

namespace {

// The base slice's name is fixed so that it loads beside the manifest, not
// after it (cmake/slice_fonts.py writes it under this name).
constexpr const char* k_base_file = "base.otf";
// Drawn for a character whose slice is still loading (it is in the base slice).
constexpr ImWchar k_placeholder = 0x25A1;   // □
// The manifest's group of the icon slice (cmake/slice_fonts.py).
constexpr const char* k_icon_group = "icons";
// Font files loading at once, at most: a page of text in a new script can
// need dozens of slices, and the API's requests must not queue behind them.
constexpr int k_max_loading = 4;

enum class Load { Idle, Loading, Loaded, Failed };

const char* load_name(Load load)
{
    switch (load) {
    case Load::Idle: return "idle";
    case Load::Loading: return "loading";
    case Load::Loaded: return "loaded";
    case Load::Failed: return "failed";
    }
    return "idle";
}

// A file fetched once, tried again after a failure with a growing pause.
struct Download {
    Load load = Load::Idle;
    int failures = 0;
    double retry_at = 0;          // monotonic ms
    bool due(double now) const { return load == Load::Idle || (load == Load::Failed && now >= retry_at); }
    // Whether the first frame may go ahead: it arrived, or failed at least once.
    bool settled() const { return load == Load::Loaded || failures > 0; }
};

struct Face {
    std::string extension = ".otf";
    float height = 1.0f;          // ascent to descent, in ems (what stb_truetype sizes by)
    int oversample = 3;
};

struct Slice {
    std::string file;
    int face = 0;
    Download download;
    std::string bytes;            // the font file; the atlas points into it
    std::vector<char32_t> seen;   // code points of this slice that text has used
    std::size_t in_atlas = 0;     // how many of `seen` the atlas holds
    std::vector<ImWchar> ranges;  // the atlas's glyph ranges for it (Dear ImGui keeps the pointer)
    // The icons (ui/icons.hpp): drawn from the first frame by the app's own
    // labels, which no reply brings, so the slice is loaded whole with the
    // manifest and the first frame waits for it as for the base.
    bool required = false;
};

// Which slice holds code points first..last.
struct Span {
    char32_t first = 0;
    char32_t last = 0;
    int slice = 0;
};

struct Fonts {
    Download manifest;
    std::vector<Face> faces;
    std::vector<Slice> slices;    // [0] is the base
    std::vector<Span> spans;      // sorted by first
    std::unordered_set<char32_t> seen;     // every code point noted so far
    std::vector<char32_t> unresolved;      // noted before the manifest arrived
    std::vector<int> requested;   // slices in the order they were asked for
    float atlas_scale = 0.0f;     // the scale of the current atlas, 0 for none
    bool base_in_atlas = false;
    bool manifest_in_atlas = false;   // the base's ranges came from the manifest
};

Fonts& fonts()
{
    static Fonts f = [] {
        Fonts made;
        made.faces.push_back({});
        made.slices.push_back({});
        made.slices[0].file = k_base_file;
        return made;
    }();
    return f;
}

// [SECTION] code points ---------------------------------------------------------

int slice_of(char32_t cp)
{
    const auto& spans = fonts().spans;
    auto it = std::upper_bound(spans.begin(), spans.end(), cp,
        [](char32_t value, const Span& span) { return value < span.first; });
    if (it == spans.begin())
        return -1;
    --it;
    return cp <= it->last ? it->slice : -1;
}

void resolve(char32_t cp)
{
    int index = slice_of(cp);
    if (index > 0)   // the base is in the atlas from the start
        fonts().slices[static_cast<std::size_t>(index)].seen.push_back(cp);
}

int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hex digits of a JSON \uXXXX escape at text[at], or -1.
long escape_at(std::string_view text, std::size_t at)
{
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u')
        return -1;
    long value = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
        int digit = hex_digit(text[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// The code point of the UTF-8 sequence at text[i], advancing i past it; 0
// for a malformed sequence (skipped).
char32_t decode(std::string_view text, std::size_t& i)
{
    const auto decoded = decode_utf8_at(text, i);
    const bool malformed = decoded.code_point == k_replacement_character
        && text.compare(i, 3, "\xEF\xBF\xBD") != 0;
    i += decoded.length;
    return malformed ? 0 : decoded.code_point;
}

} // namespace

void note_code_point(char32_t cp)
{
    auto& f = fonts();
    if (cp < 0x80 || !f.seen.insert(cp).second)
        return;
    if (f.manifest.load == Load::Loaded)
        resolve(cp);
    else
        f.unresolved.push_back(cp);
}

void note_text(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            if (char32_t cp = decode(text, i))
                note_code_point(cp);
            continue;
        }
        long escaped = c == '\\' ? escape_at(text, i) : -1;
        if (escaped < 0) {
            ++i;
            continue;
        }
        i += 6;
        if (escaped >= 0xD800 && escaped <= 0xDBFF) {
            long low = escape_at(text, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                i += 6;
                note_code_point(static_cast<char32_t>(0x10000 + ((escaped - 0xD800) << 10) + (low - 0xDC00)));
            }
        } else if (escaped < 0xDC00 || escaped > 0xDFFF) {
            note_code_point(static_cast<char32_t>(escaped));
        }
    }
}

// [SECTION] loading -------------------------------------------------------------

namespace {

void failed(Download& download)
{
    download.load = Load::Failed;
    ++download.failures;
    // 2 s, 4 s, 8 s ... at most a minute: a server that is back soon is used
    // soon, one that is down is not asked every frame.
    double pause = 2000.0 * std::pow(2.0, std::min(download.failures - 1, 5));
    download.retry_at = monotonic_ms() + std::min(pause, 60000.0);
}

// A number from a JSON object, or `fallback` (the client is built without
// exceptions, so nothing here may throw on a damaged file).
double number_in(const Json& object, const char* key, double fallback)
{
    if (!object.is_object())
        return fallback;
    auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

void apply_manifest(const std::string& body)
{
    auto& f = fonts();
    Json manifest = Json::parse(body, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("faces") || !manifest["faces"].is_array()
        || !manifest.contains("slices") || !manifest["slices"].is_array() || manifest["slices"].empty()) {
        failed(f.manifest);
        return;
    }
    std::vector<Face> faces;
    for (const auto& face : manifest["faces"]) {
        Face made;
        made.height = static_cast<float>(std::clamp(number_in(face, "height", 1.0), 0.5, 3.0));
        made.oversample = static_cast<int>(std::clamp(number_in(face, "oversample", 3.0), 1.0, 4.0));
        if (face.is_object() && face.contains("extension") && face["extension"].is_string())
            made.extension = face["extension"].get<std::string>();
        faces.push_back(made);
    }
    if (faces.empty())
        faces.push_back({});
    // Each slice: [group, face, first, last, first, last, ...], the base
    // first; each code point is written as the difference from the one before
    // it, across slices. A slice's file is "group-<first in hex><extension>".
    std::vector<Span> spans;
    std::vector<Slice> parsed;    // the slices after the base
    int base_face = 0;
    const auto& slices = manifest["slices"];
    long long previous = 0;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        const auto& entry = slices[i];
        if (!entry.is_array() || entry.size() < 4 || !entry[0].is_string() || !entry[1].is_number_unsigned()
            || entry[1].get<std::size_t>() >= faces.size()) {
            failed(f.manifest);
            return;
        }
        std::vector<char32_t> bounds;
        for (std::size_t k = 2; k < entry.size(); ++k) {
            if (!entry[k].is_number_integer()) {
                failed(f.manifest);
                return;
            }
            previous += entry[k].get<long long>();
            bounds.push_back(static_cast<char32_t>(std::clamp(previous, 0LL, 0x10FFFFLL)));
        }
        auto face = static_cast<int>(entry[1].get<std::size_t>());
        if (i == 0) {
            base_face = face;
        } else {
            char first[16];
            std::snprintf(first, sizeof first, "-%x", static_cast<unsigned>(bounds[0]));
            parsed.push_back({});
            parsed.back().file = entry[0].get<std::string>() + first + faces[static_cast<std::size_t>(face)].extension;
            parsed.back().face = face;
            parsed.back().required = entry[0].get<std::string>() == k_icon_group;
        }
        for (std::size_t k = 0; k + 1 < bounds.size(); k += 2) {
            spans.push_back({ bounds[k], bounds[k + 1], static_cast<int>(i) });
            if (i > 0 && parsed.back().required)
                for (char32_t cp = bounds[k]; cp <= bounds[k + 1]; ++cp)
                    if (f.seen.insert(cp).second)
                        parsed.back().seen.push_back(cp);
        }
    }
    f.slices.resize(1);
    f.slices[0].face = base_face;
    for (auto& slice : parsed)
        f.slices.push_back(std::move(slice));
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
    f.faces = std::move(faces);
    f.spans = std::move(spans);
    f.manifest.load = Load::Loaded;
    // The base slice's own code points: its glyph ranges in the atlas.
    auto& base = f.slices[0];
    base.ranges.clear();
    for (const auto& span : f.spans) {
        if (span.slice == 0) {
            base.ranges.push_back(static_cast<ImWchar>(span.first));
            base.ranges.push_back(static_cast<ImWchar>(span.last));
        }
    }
    base.ranges.push_back(0);
    for (char32_t cp : f.unresolved)
        resolve(cp);
    f.unresolved.clear();
}

void start_manifest()
{
    auto& f = fonts();
    f.manifest.load = Load::Loading;
    HttpRequest request;
    request.url = "/fonts/manifest.json";
    request.reply = HttpRequest::Reply::Binary;   // not text to draw
    http_send(request, [](HttpResponse response) {
        if (response.status == 200)
            apply_manifest(response.body);
        else
            failed(fonts().manifest);
    });
}

void start_slice(std::size_t index)
{
    auto& f = fonts();
    auto& slice = f.slices[index];
    if (slice.download.load == Load::Idle)
        f.requested.push_back(static_cast<int>(index));
    slice.download.load = Load::Loading;
    HttpRequest request;
    request.url = "/fonts/" + slice.file;
    request.reply = HttpRequest::Reply::Binary;
    http_send(request, [index](HttpResponse response) {
        auto& loaded = fonts().slices[index];
        if (response.status == 200 && !response.body.empty()) {
            loaded.bytes = std::move(response.body);
            loaded.download.load = Load::Loaded;
        } else {
            failed(loaded.download);
        }
    });
}

void start_loads()
{
    auto& f = fonts();
    double now = monotonic_ms();
    int loading = f.manifest.load == Load::Loading ? 1 : 0;
    for (const auto& slice : f.slices)
        loading += slice.download.load == Load::Loading ? 1 : 0;
    if (f.manifest.due(now) && loading < k_max_loading) {
        start_manifest();
        ++loading;
    }
    // The base first, then the slices text has asked for, in manifest order.
    for (std::size_t i = 0; i < f.slices.size() && loading < k_max_loading; ++i) {
        const auto& slice = f.slices[i];
        if ((i == 0 || !slice.seen.empty()) && slice.download.due(now)) {
            start_slice(i);
            ++loading;
        }
    }
}

// [SECTION] atlas ---------------------------------------------------------------

// Consecutive runs of `cps` (sorted) as Dear ImGui glyph ranges.
std::vector<ImWchar> glyph_ranges(std::vector<char32_t>& cps)
{
    std::sort(cps.begin(), cps.end());
    std::vector<ImWchar> ranges;
    for (char32_t cp : cps) {
        if (!ranges.empty() && ranges.back() + 1 == cp) {
            ranges.back() = static_cast<ImWchar>(cp);
        } else {
            ranges.push_back(static_cast<ImWchar>(cp));
            ranges.push_back(static_cast<ImWchar>(cp));
        }
    }
    ranges.push_back(0);
    return ranges;
}

// Fills the atlas: the base slice whole, and of every other loaded slice only
// the code points seen. `skip` lists slices to leave out. Returns whether
// Dear ImGui could build it.
bool fill_atlas(float scale, const std::vector<std::size_t>& skip)
{
    auto& f = fonts();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float pixels = std::round(k_font_size * scale);
    auto& base = f.slices[0];
    if (base.download.load != Load::Loaded) {
        // Dear ImGui's own font (ASCII only) until the base arrives.
        ImFontConfig config;
        config.SizePixels = pixels;
        io.Fonts->AddFontDefault(&config);
        f.base_in_atlas = false;
        return io.Fonts->Build();
    }
    if (base.ranges.empty()) {
        // The manifest has not arrived: what the base slice is made for.
        base.ranges = { 0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x25A1, 0x25A1, 0x25B2, 0x25B2, 0x25CF, 0x25CF,
            0x2713, 0x2717, 0 };
    }
    const Face& base_face = f.faces[static_cast<std::size_t>(base.face)];
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;   // the slices' bytes outlive the atlas
    config.OversampleH = base_face.oversample;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(base.bytes.data(), static_cast<int>(base.bytes.size()), pixels, &config,
        base.ranges.data());
    font->FallbackChar = k_placeholder;
    for (std::size_t i = 1; i < f.slices.size(); ++i) {
        auto& slice = f.slices[i];
        if (slice.download.load != Load::Loaded || slice.seen.empty()
            || std::find(skip.begin(), skip.end(), i) != skip.end())
            continue;
        slice.ranges = glyph_ranges(slice.seen);
        const Face& face = f.faces[static_cast<std::size_t>(slice.face)];
        ImFontConfig merged;
        merged.MergeMode = true;
        merged.FontDataOwnedByAtlas = false;
        merged.OversampleH = face.oversample;
        // Sized so that every face has the base face's em: stb_truetype
        // sizes a face by its ascent-to-descent box, which differs by face
        // (Droid Sans Fallback's is 1.31 em, Inter's 1.21 em).
        float size = pixels * face.height / base_face.height;
        io.Fonts->AddFontFromMemoryTTF(slice.bytes.data(), static_cast<int>(slice.bytes.size()), size, &merged,
            slice.ranges.data());
    }
    f.base_in_atlas = true;
    return io.Fonts->Build();
}

} // namespace

Atlas update(float scale)
{
    auto& f = fonts();
    start_loads();
    if (!f.slices[0].download.settled() || !f.manifest.settled())
        return Atlas::Waiting;
    for (const auto& slice : f.slices)
        if (slice.required && !slice.download.settled())
            return Atlas::Waiting;
    bool rebuild = scale != f.atlas_scale || f.base_in_atlas != (f.slices[0].download.load == Load::Loaded)
        || f.manifest_in_atlas != (f.manifest.load == Load::Loaded);
    std::vector<std::size_t> added;
    for (std::size_t i = 1; i < f.slices.size(); ++i) {
        const auto& slice = f.slices[i];
        if (slice.download.load == Load::Loaded && slice.seen.size() > slice.in_atlas) {
            rebuild = true;
            if (slice.in_atlas == 0)
                added.push_back(i);
        }
    }
    if (!rebuild)
        return Atlas::Unchanged;
    if (!fill_atlas(scale, {})) {
        // A slice Dear ImGui cannot read (a damaged download): leave the new
        // ones out and load them again later.
        for (std::size_t i : added) {
            f.slices[i].bytes.clear();
            failed(f.slices[i].download);
        }
        if (!fill_atlas(scale, added)) {
            f.slices[0].bytes.clear();
            failed(f.slices[0].download);
            fill_atlas(scale, {});
        }
    }
    for (auto& slice : f.slices)
        slice.in_atlas = slice.download.load == Load::Loaded ? slice.seen.size() : 0;
    f.atlas_scale = scale;
    f.manifest_in_atlas = f.manifest.load == Load::Loaded;
    return Atlas::Rebuilt;
}

// [SECTION] tests ---------------------------------------------------------------

std::vector<char32_t> missing_glyphs(std::string_view text)
{
    std::vector<char32_t> missing;
    ImGuiIO& io = ImGui::GetIO();
    const ImFont* font = io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = static_cast<unsigned char>(text[i]) < 0x80 ? static_cast<char32_t>(text[i++]) : decode(text, i);
        if (cp < 0x20)
            continue;
        if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(cp)))
            missing.push_back(cp);
    }
    return missing;
}

Json status()
{
    const auto& f = fonts();
    Json requested = Json::array();
    for (int index : f.requested) {
        const auto& slice = f.slices[static_cast<std::size_t>(index)];
        requested.push_back({ { "file", slice.file }, { "state", load_name(slice.download.load) },
            { "failures", slice.download.failures }, { "glyphs", slice.in_atlas } });
    }
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return {
        { "manifest", load_name(f.manifest.load) },
        { "requested", requested },
        { "atlas",
            { { "width", atlas->TexWidth }, { "height", atlas->TexHeight },
                { "glyphs", atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size }, { "scale", f.atlas_scale } } },
    };
}

} // namespace learnloop::client::ui::fonts
