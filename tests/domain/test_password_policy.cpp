// Tests for shared-domain/identity/password_policy.*: the rule for a newly
// chosen password, run natively and in WASM, so the browser refuses exactly
// what the server refuses.
#include "identity/password_policy.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace learnloop;

namespace {

// The message for `password`, or "" when it is accepted.
std::string refusal(std::string_view password, PasswordOwner owner = {})
{
    auto result = check_new_password(password, owner);
    if (result.ok())
        return "";
    CHECK(result.error().code == ErrorCode::InvalidArgument);
    CHECK(result.error().field == "password");
    return result.error().message;
}

const std::string k_too_short = "Choose a longer password: at least 8 characters. A few unrelated words are easy to "
                                "remember and hard to guess";
const std::string k_control = "Remove tabs, line breaks and other invisible characters from your password";
const std::string k_runs = "Choose a password that is not mostly one repeated character or a run such as 1234 or abcd";
const std::string k_common = "This password is one of the most common ones and is tried first by attackers; choose "
                             "something less predictable, such as a few unrelated words";
const std::string k_personal = "Choose a password that does not contain your name or email address";

} // namespace

TEST_CASE("the common-password list is embedded in the build")
{
    // Openwall's list in Debian's john-data has 3,546 entries; any
    // replacement list worth using has thousands.
    CHECK(common_password_count() > 1000);
    CHECK(is_common_password("password"));
    CHECK(is_common_password("123456"));
    CHECK(is_common_password("qwerty"));
}

TEST_CASE("the weak passwords of the report are refused, each saying what to do")
{
    CHECK(refusal("Password1!") == k_common);
    CHECK(refusal("aaaaaaaaab") == k_runs);
    CHECK(refusal("1111111112") == k_runs);
    CHECK(refusal("\t\t\n\n\t\t\n\n\t\t\n\n") == k_control);
    CHECK(refusal(std::string("correct horse\0battery staple", 28)) == k_control);
    CHECK(refusal(std::string(12, '\0')) == k_control);
}

TEST_CASE("a password under 8 characters is too short, counted in characters, not bytes")
{
    CHECK(refusal("") == "Password is required");
    CHECK(refusal("kiwi-42") == k_too_short);                      // 7
    CHECK(refusal("Tr0ub4d&") == "");                              // 8
    CHECK(refusal("пароль") == k_too_short);                       // 12 bytes, 6 characters
    CHECK(refusal("学校の長いパ") == k_too_short);                 // 18 bytes, 6 characters
    CHECK(refusal(std::string(129, 'x') + "y") == "Choose a shorter password: at most 128 characters");
    CHECK(refusal("\xe2\x82") == "Password must be valid UTF-8 text");
}

TEST_CASE("control characters anywhere are refused: tab, line feed, carriage return, NUL, DEL, C1")
{
    for (std::string bad : { std::string("correct\thorse battery"), std::string("correct horse battery\n"),
             std::string("\rcorrect horse battery"), std::string("correct horse\x7f battery"),
             std::string("correct horse \xc2\x85 battery"), std::string("correct horse battery\0", 22) }) {
        INFO(bad);
        CHECK(refusal(bad) == k_control);
    }
    // Spaces are ordinary characters (NIST: allow them).
    CHECK(refusal("  correct horse battery  ") == "");
}

TEST_CASE("runs of one character and sequences are refused")
{
    for (auto bad : { "aaaaaaaaaaaaaaaa", "1234567890123", "abcdefghijklm", "zyxwvutsrqponm", "12345678abcd",
             "abababababab", "abcabcabcabc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab1234567", "!!!!!!!!!!!!!",
             "ааааааааб", "xyzxyzxyz" }) {
        INFO(bad);
        CHECK(refusal(bad) == k_runs);
    }
    // A short run inside an otherwise good password is fine.
    CHECK(refusal("winter-1234-lantern") == "");
    CHECK(refusal("hmmm, blue lantern") == "");
}

TEST_CASE("common and breached passwords are refused after normalising case, ends and look-alikes")
{
    for (auto bad : { "Password1234!", "PASSWORD2024!!", "p@ssw0rd2024!", "P4ssw0rd12345", "1234Password!!",
             "qwertyuiop123", "Iloveyou2024!", "football12345", "Monkey2024!!", "Learnloop2026!",
             "Teacher12345!", "welcome123456" }) {
        INFO(bad);
        CHECK(refusal(bad) == k_common);
    }
    CHECK(password_lookup_forms("P@ssw0rd1!") == std::vector<std::string> { "p@ssw0rd1!", "p@ssw0rd", "password" });
    CHECK(password_lookup_forms("1love you!") == std::vector<std::string> { "1love you!", "love you" });
    // A listed word inside a longer passphrase is not the listed password.
    CHECK(refusal("password manager for the school trip") == "");
    CHECK(refusal("learnloop-demo-2026") == "");
}

TEST_CASE("a password may not contain the owner's email name or name")
{
    PasswordOwner owner { "Ana.Lopez@school.org", "Ana Lopez-Garcia" };
    CHECK(refusal("my-ana.lopez-secret", owner) == k_personal);
    CHECK(refusal("LOPEZ and the river", owner) == k_personal);     // a part of the email name
    CHECK(refusal("garcia family garden", owner) == k_personal);    // a part of the name
    CHECK(refusal("my-ana-secret-word", owner) == "");              // parts under 4 characters are not checked
    CHECK(refusal("someone-2026-xyz", { "someone@example.org", "" }) == k_personal);
    CHECK(refusal("Иванов и сад вишни", { "", "Пётр Иванов" }) == k_personal);   // any script
    CHECK(refusal("anabel-and-more-words", { "anabel@school.org", "" }) == k_personal);
}

TEST_CASE("good passwords pass: passphrases, any script, symbols")
{
    for (auto good : { "correct horse battery staple", "Tr0ub4dor&3 is long now", "пароль-для-школы",
             "学校の長いパスワード", "la maison bleue de mémé", "kiwi otter lantern 42", "ŻółwieŁażąPoŁące",
             "صباح الخير يا صديقي", "🐢🐇 race to the library" }) {
        INFO(good);
        CHECK(refusal(good, { "ana@school.org", "Ana" }) == "");
    }
}
