// CSV records as spreadsheets open them: RFC 4180 quoting and no formulas.
#include "core/csv.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("a CSV record quotes what needs quoting, keeps formulas as text and ends with CRLF")
{
    CHECK(csv_row({ "Zoë Student", "Maths, GCSE", "say \"hi\"" }) == "Zoë Student,\"Maths, GCSE\",\"say \"\"hi\"\"\"\r\n");
    CHECK(csv_row({ "=SUM(A1:A9)", "-5", "@home", "+44 20" }) == "'=SUM(A1:A9),'-5,'@home,'+44 20\r\n");
    CHECK(csv_row({ "two\nlines", "" }) == "\"two\nlines\",\r\n");
    CHECK(csv_row({ "كريم", "김서연", "陈伟" }) == "كريم,김서연,陈伟\r\n");
    CHECK(k_csv_utf8_mark == "\xEF\xBB\xBF");
}
