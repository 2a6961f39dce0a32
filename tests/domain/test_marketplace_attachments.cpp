// A lesson's files: what the studio and the server both take and refuse.
#include "marketplace/attachments.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace learnloop;

namespace {

std::string field_of(const Result<CheckedAttachment>& result)
{
    return result ? std::string() : result.error().field;
}

const std::string k_pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string k_zip_start = std::string("PK\x03\x04", 4) + "rest of an archive";

} // namespace

TEST_CASE("a lesson's file: its kind from the name's extension, its first bytes agreeing", "[attachments]")
{
    auto pdf = check_attachment("Week 1 worksheet.pdf", k_pdf);
    REQUIRE(pdf);
    CHECK(pdf.value().file_name == "Week 1 worksheet.pdf");
    CHECK(pdf.value().media_type == "application/pdf");
    CHECK(pdf.value().label == "PDF");

    auto slides = check_attachment("  Слайды урока.PPTX ", k_zip_start);   // any script; extension in any case
    REQUIRE(slides);
    CHECK(slides.value().file_name == "Слайды урока.PPTX");
    CHECK(slides.value().label == "PowerPoint");

    CHECK(check_attachment("prices.csv", "course,price\nPython,49.00\n").value().media_type == "text/csv; charset=utf-8");
    CHECK(check_attachment("photo.jpeg", std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF").value().media_type == "image/jpeg");
    CHECK(check_attachment("chart.png", std::string("\x89PNG\r\n\x1a\n", 8) + "IHDR"));
    CHECK(check_attachment("notes.txt", "Read pages 4 to 9. 読む"));
}

TEST_CASE("a lesson's file: refused names, in words, on the name", "[attachments]")
{
    CHECK(field_of(check_attachment("", k_pdf)) == "name");
    CHECK(field_of(check_attachment("   ", k_pdf)) == "name");
    CHECK(field_of(check_attachment("run.exe", "MZ")) == "name");
    CHECK(field_of(check_attachment("page.html", "<script>")) == "name");
    CHECK(field_of(check_attachment("image.svg", "<svg/>")) == "name");
    CHECK(field_of(check_attachment("no extension", k_pdf)) == "name");
    CHECK(field_of(check_attachment(".pdf", k_pdf)) == "name");
    CHECK(field_of(check_attachment("../../etc/passwd.txt", "x")) == "name");
    CHECK(field_of(check_attachment("C:\\worksheet.pdf", k_pdf)) == "name");
    CHECK(field_of(check_attachment("two\nlines.pdf", k_pdf)) == "name");
    CHECK(field_of(check_attachment("bad\xC3(.pdf", k_pdf)) == "name");
    // Invisible characters that reorder or hide what a name shows: "invoice‮fdp.exe" reads "invoiceexe.pdf".
    CHECK(field_of(check_attachment("invoice\xE2\x80\xAE" "fdp.txt", "x")) == "name");   // U+202E
    CHECK(field_of(check_attachment("work\xE2\x80\x8B" "sheet.pdf", k_pdf)) == "name");   // U+200B
    CHECK(field_of(check_attachment("\xEF\xBB\xBF" "notes.txt", "x")) == "name");         // U+FEFF
    CHECK(check_attachment("\xD8\xAA\xD9\x85\xD8\xB1\xD9\x8A\xD9\x86.txt", "x"));        // Arabic letters are fine
    CHECK(field_of(check_attachment(std::string(117, 'a') + ".pdf", k_pdf)) == "name");   // 121 characters
    CHECK(check_attachment(std::string(116, 'a') + ".pdf", k_pdf));                        // 120
    const auto refused = check_attachment("run.exe", "MZ");
    CHECK(refused.error().message == "Attach a file of one of these kinds: " + std::string(attachment_kinds_for_people()));
}

TEST_CASE("a lesson's file: refused contents, in words, on the file", "[attachments]")
{
    CHECK(field_of(check_attachment("empty.pdf", "")) == "file");
    CHECK(field_of(check_attachment("program.pdf", "MZ\x90\x00")) == "file");       // renamed to .pdf
    CHECK(field_of(check_attachment("slides.pptx", k_pdf)) == "file");
    CHECK(field_of(check_attachment("photo.png", std::string("\xFF\xD8\xFF", 3))) == "file");
    CHECK(field_of(check_attachment("data.csv", std::string("a,b\0c", 5))) == "file");
    CHECK(field_of(check_attachment("notes.txt", "caf\xE9")) == "file");              // Latin-1, not UTF-8

    const std::string most = "%PDF-" + std::string(k_attachment_bytes_most - 5, 'x');
    CHECK(check_attachment("big.pdf", most));
    const auto over = check_attachment("big.pdf", most + "x");
    CHECK(field_of(over) == "file");
    CHECK(over.error().message == "Attach a file of 8 MB or less (this one is more than 8 MB)");
}

TEST_CASE("a file's size, checked before it is read; what the chooser offers", "[attachments]")
{
    CHECK(check_attachment_size(1));
    CHECK(check_attachment_size(static_cast<std::int64_t>(k_attachment_bytes_most)));
    CHECK(check_attachment_size(0).error().message == "The file is empty");
    CHECK(check_attachment_size(300LL * 1024 * 1024).error().message
        == "Attach a file of 8 MB or less (this one is 300 MB)");
    CHECK(check_attachment_size(300LL * 1024 * 1024).error().field == "file");
    CHECK(attachment_accept() == ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.txt,.csv");
}

TEST_CASE("a file's size for people", "[attachments]")
{
    CHECK(file_size_text(1) == "1 byte");
    CHECK(file_size_text(812) == "812 bytes");
    CHECK(file_size_text(1024) == "1 KB");
    CHECK(file_size_text(24 * 1024 + 300) == "24 KB");
    CHECK(file_size_text(1536 * 1024) == "1.5 MB");
    CHECK(file_size_text(8 * 1024 * 1024) == "8 MB");
}
