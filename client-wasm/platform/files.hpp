// Files the app hands to the person: a download the browser saves (a CSV
// export), and a document shown as a page of its own to read and print.
// Implemented per platform (files_web.cpp for the browser).
#pragma once

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

} // namespace learnloop::client
