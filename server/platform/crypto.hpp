// Hashing, random tokens and password hashing (libsodium).
#pragma once

#include "core/result.hpp"

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace learnloop::server {

// Must be called once before any other function here (idempotent).
void init_crypto();

[[nodiscard]] std::string sha256_hex(std::string_view data);
[[nodiscard]] std::string random_hex(std::size_t bytes);

// Thrown when no password-hashing slot frees up in time; the HTTP layer
// answers 503 with Retry-After.
class ServerBusy : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// At most `slots` Argon2id computations run at once (each takes 64 MiB and
// tens of milliseconds), so a flood of sign-ins cannot exhaust memory or every
// worker. Callers wait up to `wait` for a slot. Set once at start.
void set_password_hashing_limit(std::size_t slots, std::chrono::milliseconds wait);

// Argon2id at libsodium's "interactive" limits (2 passes, 64 MiB), above
// OWASP's minimum of 2 passes and 19 MiB. Returns the encoded hash string.
[[nodiscard]] Result<std::string> hash_password(std::string_view password);
[[nodiscard]] bool verify_password(std::string_view encoded_hash, std::string_view password);
// True when a stored hash uses weaker parameters than hash_password's.
[[nodiscard]] bool password_needs_rehash(std::string_view encoded_hash);

} // namespace learnloop::server
