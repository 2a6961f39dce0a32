// The rule for a newly chosen password (NIST SP 800-63B, section 5.1.1.2),
// the same in the browser's forms and in every endpoint that sets one.
// Passwords already stored are never re-checked: people keep signing in with
// the password they have until they choose a new one.
#pragma once

#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// Lengths are in code points, so "学校の長いパスワード" is 10, not 30.
//
// Why 8 and not 12: 8 is NIST's floor for a memorised secret, and length is
// not what made the reported passwords weak ("Password1!" had 10). What
// protects an account is refusing what a guesser tries first (the list, its
// normalised variants, runs, the owner's name) and limiting how often anyone
// may guess (the sign-in throttle, docs/operations.md); Argon2id makes an
// offline guess expensive. A 12-character floor would also refuse good
// passphrases in scripts whose characters are syllables or words: the
// 10-character Japanese one above carries more than 12 Latin letters. The
// forms suggest a few unrelated words, which are longer anyway.
inline constexpr std::size_t k_password_min_length = 8;
inline constexpr std::size_t k_password_max_length = 128;   // bounds the hashing work, not the choice

// Who the password is for: their email and display name, as typed (either
// may be empty). A password may not contain them.
struct PasswordOwner {
    std::string_view email;
    std::string_view name;
};

// Checks a new password and returns the first problem as an InvalidArgument
// error on field "password", with a message that says what to do instead:
//   1. required, valid UTF-8;
//   2. no control characters (tabs, line breaks, NUL, ...);
//   3. 8 to 128 characters;
//   4. not mostly one repeated character or a run such as 1234 or abcd
//      ("aaaaaaaaab", "1111111112"), and at least five different characters;
//   5. not a common or breached password, compared after normalising
//      (case folded, digits and symbols stripped from both ends, look-alike
//      digits read as letters), so "Password1!" and "P@ssw0rd2024" count as
//      "password";
//   6. not containing the owner's email name or name (parts of 4+ characters).
// Spaces and every script are welcome: "correct horse battery staple",
// "пароль-для-школы" and "学校の長いパスワード" pass.
//   check_new_password("Password1!", {}) -> error "This password is one of the most common ..."
[[nodiscard]] Result<void> check_new_password(std::string_view password, const PasswordOwner& owner);

// The forms a password is compared to the common-password list in (exposed for
// tests): lower-cased as typed, then with leading and trailing digits and
// symbols removed, then with look-alike characters read as letters
// (0->o, 1->i or l, 3->e, 4 and @->a, 5 and $->s, 7->t). Duplicates removed.
//   password_lookup_forms("P@ssw0rd1!") -> { "p@ssw0rd1!", "p@ssw0rd", "password" }
[[nodiscard]] std::vector<std::string> password_lookup_forms(std::string_view password);

// Whether any lookup form of `password` is a lookup form of an entry of the
// embedded list (Openwall's common passwords, from Debian's john-data, plus a
// few words this product's users would reach for first).
[[nodiscard]] bool is_common_password(std::string_view password);

// How many entries the embedded list has (a test checks it was embedded).
[[nodiscard]] std::size_t common_password_count();

} // namespace learnloop
