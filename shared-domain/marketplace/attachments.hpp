// Files a lesson offers its learners to download: a worksheet, slides, a
// data set. The studio in the browser checks a file here before it sends
// it, and the server checks it again before it keeps it. What a file is
// comes from its name's extension, never from what the browser claims, and
// its first bytes must agree (a .pdf starts "%PDF-"), so a program renamed
// to .pdf is refused; the server sends each file back with the type found
// here, as a download, never to be shown in the page.
//   check_attachment("Week 1 worksheet.pdf", bytes)
//     -> {file_name "Week 1 worksheet.pdf", media_type "application/pdf", label "PDF"}
//   check_attachment("run.exe", bytes)   -> InvalidArgument on "name", in words
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace learnloop {

inline constexpr std::size_t k_attachment_bytes_most = 8 * 1024 * 1024;
inline constexpr std::size_t k_attachment_name_most = 120;    // characters
inline constexpr std::size_t k_lesson_attachments_most = 10;

struct CheckedAttachment {
    std::string file_name;    // as given, trimmed
    std::string media_type;   // "application/pdf"
    std::string label;        // "PDF", for people
};

// Whether `content` may be kept under `file_name`: a name of 1 to 120
// characters with no path, no control characters and a known extension;
// 1 byte to 8 MiB of content that starts as that kind of file does (text
// and CSV: valid UTF-8 without NUL). Errors name "name" or "file".
[[nodiscard]] Result<CheckedAttachment> check_attachment(std::string_view file_name, std::string_view content);

// Whether a file of `bytes` may be attached (1 byte to 8 MiB): the browser
// asks before it reads a file the person chose.
[[nodiscard]] Result<void> check_attachment_size(std::int64_t bytes);

// What the browser's file chooser offers: ".pdf,.docx,...".
[[nodiscard]] std::string attachment_accept();

// The kinds of file a lesson takes, for the studio's note:
// "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV".
[[nodiscard]] const char* attachment_kinds_for_people();

// A file's size for people: "812 bytes", "24 KB", "1.5 MB" (1 KB = 1,024 bytes).
[[nodiscard]] std::string file_size_text(std::int64_t bytes);

} // namespace learnloop
