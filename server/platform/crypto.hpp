// Hashing, random tokens, password hashing and signatures (libsodium).
#pragma once

#include "core/result.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace learnloop::server {

// Must be called once before any other function here (idempotent).
void init_crypto();

[[nodiscard]] std::string sha256_hex(std::string_view data);
// The 32 bytes of SHA-256 themselves (what a credential's proof signs).
[[nodiscard]] std::string sha256_bytes(std::string_view data);
// Bytes as lower-case hex, and back (InvalidArgument for text that is not
// an even number of hex digits).
[[nodiscard]] std::string hex_of(std::string_view bytes);
[[nodiscard]] Result<std::string> bytes_of_hex(std::string_view hex);
[[nodiscard]] std::string random_hex(std::size_t bytes);
// A random (version 4) UUID in its lower-case text form: a certificate's id.
[[nodiscard]] std::string random_uuid();
// HMAC-SHA256 of `message` under `key`, as 64 lower-case hex digits (a
// payment provider's event signature).
[[nodiscard]] std::string hmac_sha256_hex(std::string_view key, std::string_view message);
// Whether two strings are equal, in a time that does not depend on where
// they first differ (comparing a signature an attacker sent).
[[nodiscard]] bool equal_in_constant_time(std::string_view a, std::string_view b);
// A random seed (a quiz attempt's), below 2^63 so PostgreSQL's bigint holds it.
[[nodiscard]] std::uint64_t random_seed();

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

// Ed25519 signatures (audit checkpoints). Keys and signatures are lower-case
// hex: a secret key is libsodium's 64 bytes (seed, then public key), a public
// key 32 bytes, a signature 64 bytes.
struct SigningKeyPair {
    std::string secret_key;
    std::string public_key;
};
[[nodiscard]] SigningKeyPair generate_signing_key();
// The public key of a secret key; InvalidArgument when it is not a
// well-formed, self-consistent Ed25519 secret key.
[[nodiscard]] Result<std::string> signing_public_key(std::string_view secret_key);
[[nodiscard]] Result<std::string> sign_detached(std::string_view secret_key, std::string_view message);
// False for a malformed key or signature too.
[[nodiscard]] bool verify_detached(std::string_view public_key, std::string_view message, std::string_view signature);
// Overwrites a secret held in a string (a key read from its file) before it is freed.
void wipe_secret(std::string& secret);

} // namespace learnloop::server
