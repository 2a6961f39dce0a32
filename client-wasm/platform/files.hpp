// Files the app hands to the person: a download the browser saves (a CSV
// export), and a document shown as a page of its own to read and print; and
// a file the person hands to the app (a lesson's worksheet), from the
// browser's own file chooser.
// Implemented per platform (files_web.cpp for the browser).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace learnloop::client {

// Offers `content` as a file named `name` of MIME type `type`, as a link to
// a download does.
void save_file(const std::string& name, const std::string& content, const std::string& type);

// Shows a printable document over the app as a page of real HTML (a
// dialog with Print and Close; only the document goes to paper): `kind`
// names its layout ("invoice": shared-domain printed_invoice_json), `json`
// its words. web/print.js builds it with text nodes only.
void show_printable(const std::string& kind, const std::string& json);

// A file the person chose, read whole, or only named and measured when it
// was larger than the caller takes (then `content` is empty).
struct PickedFile {
    std::string name;
    std::int64_t size = 0;
    std::string content;
    bool read = false;       // false: too large (or unreadable), not read
};

// Opens the browser's file chooser offering `accept` (".pdf,.docx"); call it
// on a press (browsers open choosers only for one). A file chosen arrives
// later, read when at most `most_bytes`, through take_picked_file.
void pick_file(const std::string& accept, std::int64_t most_bytes);
[[nodiscard]] std::optional<PickedFile> take_picked_file();

} // namespace learnloop::client
