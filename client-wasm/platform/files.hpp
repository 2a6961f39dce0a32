// Files the app hands to the person: a download the browser saves (a CSV
// export). Implemented per platform (files_web.cpp for the browser).
#pragma once

#include <string>

namespace learnloop::client {

// Offers `content` as a file named `name` of MIME type `type`, as a link to
// a download does.
void save_file(const std::string& name, const std::string& content, const std::string& type);

} // namespace learnloop::client
