// Tests for shared-domain/core/validation.*: UTF-8, free text and grade rules.
#include "core/validation.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace learnloop;

TEST_CASE("UTF-8 helpers")
{
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("Ωmega 😀"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("abc\xe2"));            // truncated
    CHECK(utf8_length("Ωmega 😀") == 7);
    CHECK(trim("  x y \t") == "x y");
}

TEST_CASE("text splits at every separator, empty parts included")
{
    using Parts = std::vector<std::string_view>;
    CHECK(split("a,,b", ',') == Parts { "a", "", "b" });
    CHECK(split("", ',') == Parts { "" });
    CHECK(split("/teacher/classes/3", '/') == Parts { "", "teacher", "classes", "3" });
    CHECK(split("FREQ=WEEKLY;", ';') == Parts { "FREQ=WEEKLY", "" });
}

TEST_CASE("free text is trimmed, bounded and free of control characters")
{
    CHECK(validate_text("  Essay 1 ", "title", "Title", 1, 200, TextLines::Single).value() == "Essay 1");
    CHECK(validate_text("", "title", "Title", 1, 200, TextLines::Single).error().message == "Title is required");
    CHECK(validate_text("a\nb", "title", "Title", 1, 200, TextLines::Single).error().message
        == "Title must not contain control characters");
    CHECK(validate_text("line 1\nline 2\ttab", "description", "Description", 0, 20000, TextLines::Multiple).ok());
    CHECK(validate_text("", "description", "Description", 0, 20000, TextLines::Multiple).value().empty());
    CHECK(validate_text(std::string(201, 'x'), "title", "Title", 1, 200, TextLines::Single).error().message
        == "Title must be at most 200 characters");
    CHECK(validate_text("bad \xff", "content", "Content", 0, 10, TextLines::Multiple).error().field == "content");
    CHECK(validate_text("<script>alert(1)</script>", "title", "Title", 1, 200, TextLines::Single).ok());
    CHECK(validate_text("ab", "x", "X", 3, 10, TextLines::Single).error().message == "X must be at least 3 characters");
}

TEST_CASE("grades are finite, in range and have at most two decimals")
{
    CHECK(validate_grade(87.5).value() == 87.5);
    CHECK(validate_grade(0).ok());
    CHECK(validate_grade(1000).ok());
    CHECK(validate_grade(99.99).value() == Approx(99.99));
    CHECK(validate_grade(-1).error().message == "Grade must be a number from 0 to 1000");
    CHECK(validate_grade(1000.01).error().field == "grade");
    CHECK(validate_grade(std::numeric_limits<double>::infinity()).error().field == "grade");
    CHECK(validate_grade(std::numeric_limits<double>::quiet_NaN()).error().field == "grade");
    CHECK(validate_grade(1.234).error().message == "Grade must have at most two decimal places");
}

TEST_CASE("a list reads in words, with 'and' before the last")
{
    CHECK(list_for_people({}) == "");
    CHECK(list_for_people({ "BPT-2026-0004" }) == "BPT-2026-0004");
    CHECK(list_for_people({ "a", "b" }) == "a and b");
    CHECK(list_for_people({ "a", "b", "c" }) == "a, b and c");
}
