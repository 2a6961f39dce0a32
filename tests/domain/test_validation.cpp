// Tests for shared-domain/validation.*: email, display name and password rules.
#include "core/validation.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace learnloop;

TEST_CASE("valid emails are trimmed and lower-cased")
{
    CHECK(validate_email("ana@school.org").value() == "ana@school.org");
    CHECK(validate_email("  Ana.Lopez+maths@Sub.School.ORG \n").value() == "ana.lopez+maths@sub.school.org");
    CHECK(validate_email("o'brien@example.co.uk").ok());
    CHECK(validate_email("josé@école.fr").ok());
}

TEST_CASE("malformed emails get the shape message on field email")
{
    const char* bad[] = { "ana", "ana@", "@school.org", "ana@school", "ana@@school.org", "a@b@school.org",
        "ana@school..org", "ana@-school.org", "ana@school-.org", ".ana@school.org", "ana.@school.org",
        "an..a@school.org", "ana lopez@school.org", "ana@school.org.", "ana@127.0.0.1", "<script>@x.org",
        "ana@sch ool.org", "ana;drop@school.org\"" };
    for (auto email : bad) {
        INFO(email);
        auto result = validate_email(email);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(result.error().field == "email");
        CHECK(result.error().message == "Email must look like name@example.com");
    }
}

TEST_CASE("empty, overlong and non-UTF-8 emails have their own messages")
{
    CHECK(validate_email("").error().message == "Email is required");
    CHECK(validate_email("   ").error().message == "Email is required");
    auto long_email = std::string(250, 'a') + "@x.org";
    CHECK(validate_email(long_email).error().message == "Email must be at most 254 characters");
    CHECK(validate_email("ana\xff@school.org").error().message == "Email must be valid UTF-8 text");
}

TEST_CASE("display names are trimmed and bounded in code points")
{
    CHECK(validate_display_name("  Ana López ").value() == "Ana López");
    CHECK(validate_display_name("").error().message == "Name is required");
    CHECK(validate_display_name(" \t ").error().message == "Name is required");
    CHECK(validate_display_name("Ana\nLopez").error().message == "Name must not contain control characters");
    CHECK(validate_display_name("Ana\x7f").error().message == "Name must not contain control characters");
    CHECK(validate_display_name("\xc3\x28").error().message == "Name must be valid UTF-8 text");

    std::string hundred_accented;
    for (int i = 0; i < 100; ++i)
        hundred_accented += "é";
    CHECK(validate_display_name(hundred_accented).ok()); // 200 bytes, 100 code points
    CHECK(validate_display_name(hundred_accented + "e").error().message == "Name must be at most 100 characters");
    CHECK(validate_display_name("Robert'); DROP TABLE users;--").ok()); // stored as text, never as SQL
}

TEST_CASE("new passwords follow the strength rules")
{
    CHECK(validate_new_password("correct horse battery").ok());
    CHECK(validate_new_password("").error().message == "Password is required");
    CHECK(validate_new_password("short1!").error().message == "Password must be at least 10 characters");
    CHECK(validate_new_password(std::string(129, 'x') + "y").error().message == "Password must be at most 128 characters");
    CHECK(validate_new_password("aaaaaaaaaaaa").error().message == "Password must not be one character repeated");
    CHECK(validate_new_password("Password123").error().message
        == "Password is too common; choose a longer or less predictable one");
    CHECK(validate_new_password("my-ana.lopez-secret", "Ana.Lopez@school.org").error().message
        == "Password must not contain your email name");
    CHECK(validate_new_password("my-ana-secret-1", "ana@school.org").ok()); // local parts under 4 chars are not checked
    CHECK(validate_new_password("\xe2\x82", "").error().message == "Password must be valid UTF-8 text");
    CHECK(validate_new_password("ééééééééé1").ok()); // 10 code points
    CHECK(validate_new_password("correct horse battery").ok());
    CHECK(validate_new_password("x", "").error().field == "password");
}

TEST_CASE("the sign-in form reports every problem in field order")
{
    CHECK(validate_sign_in("ana@school.org", "anything").empty());
    auto errors = validate_sign_in("not-an-email", "");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "email");
    CHECK(errors[1].field == "password");
    CHECK(errors[1].message == "Password is required");
}

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
