// The web bundle (index.html, app.js, app.wasm, fonts), held in memory and
// served with correct types, ETags and precompressed gzip variants. Only give
// .gz variants to types cpp-httplib does not compress itself (it compresses
// text/* on the fly): JavaScript, WebAssembly and fonts.
#pragma once

#include <httplib.h>

#include <map>
#include <string>

namespace learnloop::server {

class StaticFiles {
public:
    // Loads every file below `root`; a file `x.gz` beside `x` is its gzip variant.
    // An empty root serves nothing.
    void load(const std::string& root);

    // Serves the file for `req.path` ("/" means "/index.html"). Returns false
    // when there is no such file.
    bool serve(const httplib::Request& req, httplib::Response& res) const;

    std::size_t size() const { return m_files.size(); }
    // The bundle's build id (build-id.txt, stamped by the build); empty if none.
    const std::string& build_id() const { return m_build_id; }

private:
    struct File {
        std::string content;
        std::string gzip_content;     // empty when there is no .gz variant
        std::string brotli_content;   // empty when there is no .br variant
        std::string mime_type;
        std::string etag;
    };
    std::map<std::string, File> m_files;
    std::string m_build_id;
};

[[nodiscard]] std::string mime_type_for(const std::string& path);

} // namespace learnloop::server
