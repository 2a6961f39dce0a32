// Tests for shared-domain/academy/join_code.*: a course's join code as typed,
// shown and made.
#include "academy/join_code.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop;

TEST_CASE("a join code is read as people type it: any case, spaces and dashes", "[join_code]")
{
    CHECK(read_join_code("KQ7MX2PA").value() == "KQ7MX2PA");
    CHECK(read_join_code(" kq7m-x2pa ").value() == "KQ7MX2PA");
    CHECK(read_join_code("kq7m x2pa").value() == "KQ7MX2PA");
    for (const char* wrong : { "", "KQ7M", "KQ7MX2PAB", "KQ7MX2P0", "KQ7MX2PO", "KQ7MX2P1", "KQ7MX2PI", "KQ7MX2PL",
             "KQ7M_X2PA", "KQ7MX2P\xC3\x84" }) {
        INFO(wrong);
        auto read = read_join_code(wrong);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().field == "code");
        CHECK(read.error().message == "A join code is 8 letters and digits, like KQ7M-X2PA: check it with your instructor");
    }
}

TEST_CASE("a join code is shown in two halves and made from the alphabet only", "[join_code]")
{
    CHECK(join_code_for_people("KQ7MX2PA") == "KQ7M-X2PA");
    CHECK(join_code_for_people("short") == "short");
    std::set<std::string> made;
    std::uint64_t bits = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 1000; ++i) {
        bits = bits * 6364136223846793005ull + 1442695040888963407ull;
        auto code = make_join_code(bits);
        REQUIRE(read_join_code(code).value() == code);   // every code made reads back as itself
        made.insert(code);
    }
    CHECK(made.size() == 1000);
    CHECK(make_join_code(0) == "22222222");
}
