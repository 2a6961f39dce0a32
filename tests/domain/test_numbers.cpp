// Tests for shared-domain/core/numbers.*: numbers for people and for files.
#include "core/numbers.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace learnloop;

TEST_CASE("numbers for people: thousands grouped, no trailing zeros, at most the places asked", "[numbers]")
{
    CHECK(format_number(11480) == "11,480");
    CHECK(format_number(1234567.891) == "1,234,567.89");
    CHECK(format_number(-1234.5) == "-1,234.5");
    CHECK(format_number(0.87654) == "0.88");
    CHECK(format_number(2.0) == "2");
    CHECK(format_number(999) == "999");
    CHECK(format_number(1000, 0) == "1,000");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "\xE2\x80\x93");
}

TEST_CASE("numbers for files: the shortest text that reads back", "[numbers]")
{
    CHECK(number_text(2.5) == "2.5");
    CHECK(number_text(0.1) == "0.1");
    CHECK(number_text(33.33333, 7) == "33.33333");
    CHECK(number_text(1e-7) == "1e-07");
    CHECK(number_text(-12) == "-12");
}

TEST_CASE("a whole number a person typed: digits only, small enough for an int", "[numbers]")
{
    CHECK(whole_number("42") == 42);
    CHECK(whole_number("007") == 7);
    CHECK(whole_number("999999999") == 999999999);
    CHECK_FALSE(whole_number(""));
    CHECK_FALSE(whole_number("4.2"));
    CHECK_FALSE(whole_number("-3"));
    CHECK_FALSE(whole_number(" 3"));
    CHECK_FALSE(whole_number("1e3"));
    CHECK_FALSE(whole_number("\xD9\xA3")); // an Arabic-Indic three
    CHECK_FALSE(whole_number("1000000000")); // ten digits
}
