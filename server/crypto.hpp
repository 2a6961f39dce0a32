// Hashing, random tokens and password hashing (libsodium).
#pragma once

#include "result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace learnloop::server {

// Must be called once before any other function here (idempotent).
void init_crypto();

[[nodiscard]] std::string sha256_hex(std::string_view data);
[[nodiscard]] std::string random_hex(std::size_t bytes);

// Argon2id at libsodium's "interactive" limits (2 passes, 64 MiB), above
// OWASP's minimum of 2 passes and 19 MiB. Returns the encoded hash string.
[[nodiscard]] Result<std::string> hash_password(std::string_view password);
[[nodiscard]] bool verify_password(std::string_view encoded_hash, std::string_view password);

} // namespace learnloop::server
