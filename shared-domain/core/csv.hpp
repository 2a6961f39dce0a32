// CSV as RFC 4180 writes it, safe to open in a spreadsheet: fields quoted
// when they hold a comma, quote or line break, and a leading apostrophe on a
// field a spreadsheet would run as a formula (=, +, -, @, tab, carriage
// return), so "=HYPERLINK(...)" in a name stays text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

//   csv_field("a,b") -> "\"a,b\"";  csv_field("=1+1") -> "'=1+1"
[[nodiscard]] std::string csv_field(std::string_view text);
// One record: its fields quoted as csv_field does, joined by commas, ended by CRLF.
[[nodiscard]] std::string csv_row(const std::vector<std::string>& fields);
// The byte order mark that tells spreadsheet programs a file is UTF-8, so
// names in any script open as written.
inline constexpr std::string_view k_csv_utf8_mark = "\xEF\xBB\xBF";

} // namespace learnloop
