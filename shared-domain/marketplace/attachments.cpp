// Files a lesson offers (attachments.hpp).
#include "marketplace/attachments.hpp"

#include "core/numbers.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace learnloop {

namespace {

struct FileKind {
    std::string_view extension;     // lower case, without the dot
    std::string_view media_type;
    std::string_view label;
    std::string_view starts_with;   // the first bytes every such file has; empty: text
};

constexpr std::string_view k_zip = std::string_view("PK\x03\x04", 4);
constexpr std::string_view k_png = std::string_view("\x89PNG\r\n\x1a\n", 8);
constexpr std::string_view k_jpeg = std::string_view("\xFF\xD8\xFF", 3);

// Office documents are zip archives with a known first entry; their first
// four bytes are what can be checked without unpacking them.
constexpr std::array k_kinds {
    FileKind { "pdf", "application/pdf", "PDF", "%PDF-" },
    FileKind { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", k_zip },
    FileKind { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", k_zip },
    FileKind { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint",
        k_zip },
    FileKind { "odt", "application/vnd.oasis.opendocument.text", "OpenDocument text", k_zip },
    FileKind { "ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", k_zip },
    FileKind { "odp", "application/vnd.oasis.opendocument.presentation", "OpenDocument slides", k_zip },
    FileKind { "png", "image/png", "PNG image", k_png },
    FileKind { "jpg", "image/jpeg", "JPEG image", k_jpeg },
    FileKind { "jpeg", "image/jpeg", "JPEG image", k_jpeg },
    FileKind { "txt", "text/plain; charset=utf-8", "Text", "" },
    FileKind { "csv", "text/csv; charset=utf-8", "CSV", "" },
};

std::string lower_ascii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Invisible characters that change how the text around them shows (Unicode
// format characters: right-to-left overrides, zero-width spaces): in a file
// name they can make "exe.pdf" look like "fdp.exe".
bool is_format_character(char32_t c)
{
    return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C || c == 0x06DD || c == 0x070F || c == 0x180E
        || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

Error name_error(std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), "name");
}

Error file_error(std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), "file");
}

} // namespace

Result<CheckedAttachment> check_attachment(std::string_view file_name, std::string_view content)
{
    if (!is_valid_utf8(file_name))
        return name_error("The file's name is not valid text");
    while (!file_name.empty() && (file_name.front() == ' ' || file_name.front() == '\t'))
        file_name.remove_prefix(1);
    while (!file_name.empty() && (file_name.back() == ' ' || file_name.back() == '\t'))
        file_name.remove_suffix(1);
    if (file_name.empty())
        return name_error("Give the file a name");
    if (utf8_length(file_name) > k_attachment_name_most)
        return name_error("Shorten the file's name to 120 characters or fewer");
    for (unsigned char c : file_name) {
        if (c < 0x20 || c == 0x7F)
            return name_error("The file's name has a character a file name cannot have");
        if (c == '/' || c == '\\')
            return name_error("Give the file's name without a folder");
    }
    for (std::size_t at = 0; at < file_name.size();) {
        const auto c = decode_utf8_at(file_name, at);
        if (is_format_character(c.code_point))
            return name_error("The file's name has an invisible character: type the name again");
        at += c.length;
    }
    if (file_name.front() == '.')
        return name_error("The file's name needs more than an extension");
    const auto dot = file_name.rfind('.');
    const auto extension = dot == std::string_view::npos ? std::string() : lower_ascii(file_name.substr(dot + 1));
    const auto kind = std::find_if(k_kinds.begin(), k_kinds.end(),
        [&](const FileKind& k) { return k.extension == extension; });
    if (kind == k_kinds.end())
        return name_error(std::string("Attach a file of one of these kinds: ") + attachment_kinds_for_people());
    TRY(check_attachment_size(static_cast<std::int64_t>(content.size())));
    if (kind->starts_with.empty()) {
        if (!is_valid_utf8(content) || content.find('\0') != std::string_view::npos)
            return file_error("The file is not text: save it as UTF-8 text, or attach it as a PDF");
    } else if (content.substr(0, kind->starts_with.size()) != kind->starts_with) {
        return file_error("The file is not a " + std::string(kind->label) + " file, although its name says so");
    }
    return CheckedAttachment { std::string(file_name), std::string(kind->media_type), std::string(kind->label) };
}

Result<void> check_attachment_size(std::int64_t bytes)
{
    if (bytes <= 0)
        return file_error("The file is empty");
    if (bytes > static_cast<std::int64_t>(k_attachment_bytes_most)) {
        // Just over the limit reads as "8 MB" when rounded: say "more than" then.
        const auto size = file_size_text(bytes);
        return file_error("Attach a file of 8 MB or less (this one is "
            + (size == file_size_text(static_cast<std::int64_t>(k_attachment_bytes_most)) ? "more than " + size : size)
            + ")");
    }
    return {};
}

std::string attachment_accept()
{
    std::string accept;
    for (const auto& kind : k_kinds)
        accept += (accept.empty() ? "." : ",.") + std::string(kind.extension);
    return accept;
}

const char* attachment_kinds_for_people()
{
    return "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, text or CSV";
}

std::string file_size_text(std::int64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes < 1024 * 1024)
        return format_number(static_cast<double>(bytes) / 1024.0, 0) + " KB";
    return format_number(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + " MB";
}

} // namespace learnloop
