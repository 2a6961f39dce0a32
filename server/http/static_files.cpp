// Static file serving from memory. Lookups are exact map keys, so no request
// path can reach outside the web root.
#include "http/static_files.hpp"

#include "platform/crypto.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace learnloop::server {

namespace {

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

bool ends_with(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether an Accept-Encoding header lists `coding` (a whole token, not
// refused with q=0).
bool accepts_coding(const std::string& header, std::string_view coding)
{
    std::size_t start = 0;
    while (start <= header.size()) {
        auto end = header.find(',', start);
        if (end == std::string::npos)
            end = header.size();
        auto item = std::string_view(header).substr(start, end - start);
        auto semicolon = item.find(';');
        auto name = item.substr(0, semicolon);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        if (name == coding) {
            if (semicolon == std::string_view::npos)
                return true;
            auto params = item.substr(semicolon + 1);
            return params.find("q=0") == std::string_view::npos || params.find("q=0.") != std::string_view::npos;
        }
        start = end + 1;
    }
    return false;
}

} // namespace

std::string mime_type_for(const std::string& path)
{
    static const std::map<std::string, std::string> types = {
        { ".html", "text/html; charset=utf-8" },
        // cpp-httplib gzips text/* and exactly "application/javascript" bodies
        // on the fly; this spelling keeps it off our precompressed app.js.
        { ".js", "application/javascript; charset=utf-8" },
        { ".mjs", "application/javascript; charset=utf-8" },
        { ".css", "text/css; charset=utf-8" },
        { ".json", "application/json" },
        { ".webmanifest", "application/manifest+json" },
        { ".wasm", "application/wasm" },
        { ".otf", "font/otf" },
        { ".ttf", "font/ttf" },
        { ".woff2", "font/woff2" },
        { ".png", "image/png" },
        { ".svg", "image/svg+xml" },
        { ".ico", "image/x-icon" },
        { ".txt", "text/plain; charset=utf-8" },
    };
    auto extension = std::filesystem::path(path).extension().string();
    auto it = types.find(extension);
    return it == types.end() ? "application/octet-stream" : it->second;
}

void StaticFiles::load(const std::string& root)
{
    namespace fs = std::filesystem;
    m_files.clear();
    if (root.empty() || !fs::is_directory(root))
        return;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        std::string relative = "/";   // (built up in steps: GCC 12 misreports "/" + string)
        relative += fs::relative(entry.path(), root).generic_string();
        if (ends_with(relative, ".gz") || ends_with(relative, ".br"))
            continue;
        File file;
        file.content = read_file(entry.path());
        auto gz = entry.path();
        gz += ".gz";
        if (fs::is_regular_file(gz))
            file.gzip_content = read_file(gz);
        auto br = entry.path();
        br += ".br";
        if (fs::is_regular_file(br))
            file.brotli_content = read_file(br);
        file.mime_type = mime_type_for(relative);
        file.etag = '"';
        file.etag += sha256_hex(file.content).substr(0, 32);
        file.etag += '"';
        m_files.emplace(relative, std::move(file));
    }
    if (auto id = m_files.find("/build-id.txt"); id != m_files.end()) {
        m_build_id = id->second.content;
        while (!m_build_id.empty() && (m_build_id.back() == '\n' || m_build_id.back() == '\r' || m_build_id.back() == ' '))
            m_build_id.pop_back();
    }
}

bool StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const
{
    auto path = req.path == "/" ? std::string("/index.html") : req.path;
    auto it = m_files.find(path);
    if (it == m_files.end())
        return false;
    const auto& file = it->second;

    // app.js and app.wasm asked for with this bundle's build id
    // (?v=ID, see web/loader.js) never change: cached for a year. Everything
    // else is revalidated on every load; the ETag makes that a cheap 304.
    bool versioned = !m_build_id.empty() && (path == "/app.js" || path == "/app.wasm") && req.has_param("v")
        && req.get_param_value("v") == m_build_id;
    res.set_header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_header("ETag", file.etag);
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (req.get_header_value("If-None-Match") == file.etag) {
        res.status = 304;
        return true;
    }
    auto accepts = req.get_header_value("Accept-Encoding");
    res.status = 200;
    // Brotli where the browser takes it (the smaller), else gzip.
    if (!file.brotli_content.empty() && accepts_coding(accepts, "br")) {
        res.set_header("Content-Encoding", "br");
        res.set_content(file.brotli_content, file.mime_type.c_str());
    } else if (!file.gzip_content.empty() && accepts_coding(accepts, "gzip")) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(file.gzip_content, file.mime_type.c_str());
    } else {
        res.set_content(file.content, file.mime_type.c_str());
    }
    return true;
}

} // namespace learnloop::server
