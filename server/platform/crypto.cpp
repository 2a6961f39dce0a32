// libsodium wrappers.
#include "platform/crypto.hpp"

#include <sodium.h>

#include <memory>
#include <mutex>
#include <semaphore>
#include <stdexcept>
#include <vector>

namespace learnloop::server {

namespace {

std::string to_hex(const unsigned char* data, std::size_t size)
{
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

// Decodes exactly `size` bytes of hex; false on anything else.
bool from_hex(std::string_view hex, unsigned char* out, std::size_t size)
{
    std::size_t written = 0;
    const char* end = nullptr;
    return hex.size() == size * 2
        && sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &written, &end) == 0 && written == size
        && end == hex.data() + hex.size();
}

// A decoded secret key, wiped when it goes out of scope.
struct SecretKeyBytes {
    unsigned char bytes[crypto_sign_SECRETKEYBYTES];
    SecretKeyBytes() = default;
    ~SecretKeyBytes() { sodium_memzero(bytes, sizeof bytes); }
    SecretKeyBytes(const SecretKeyBytes&) = delete;
    SecretKeyBytes& operator=(const SecretKeyBytes&) = delete;
};

// Decodes a secret key and checks that its public half is the one its seed makes,
// so a damaged key file is refused rather than producing unverifiable signatures.
Result<void> decode_secret_key(std::string_view hex, SecretKeyBytes& key)
{
    if (!from_hex(hex, key.bytes, sizeof key.bytes))
        return make_error(ErrorCode::InvalidArgument,
            "a secret key must be " + std::to_string(crypto_sign_SECRETKEYBYTES * 2) + " hex digits");
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    SecretKeyBytes rebuilt;
    crypto_sign_seed_keypair(public_key, rebuilt.bytes, key.bytes);
    if (sodium_memcmp(rebuilt.bytes, key.bytes, sizeof key.bytes) != 0)
        return make_error(ErrorCode::InvalidArgument, "the secret key is damaged: its public half does not match its seed");
    return {};
}

std::counting_semaphore<1024>* g_hash_slots = nullptr;
std::chrono::milliseconds g_hash_wait { 5000 };

// Holds one hashing slot for its lifetime.
class HashSlot {
public:
    HashSlot()
    {
        if (g_hash_slots && !g_hash_slots->try_acquire_for(g_hash_wait))
            throw ServerBusy("every password-hashing slot is busy");
    }
    ~HashSlot()
    {
        if (g_hash_slots)
            g_hash_slots->release();
    }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;
};

} // namespace

void set_password_hashing_limit(std::size_t slots, std::chrono::milliseconds wait)
{
    static std::unique_ptr<std::counting_semaphore<1024>> semaphore;
    semaphore = std::make_unique<std::counting_semaphore<1024>>(static_cast<std::ptrdiff_t>(slots));
    g_hash_slots = semaphore.get();
    g_hash_wait = wait;
}

void init_crypto()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
}

std::string sha256_hex(std::string_view data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return to_hex(digest, sizeof digest);
}

std::string sha256_bytes(std::string_view data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

std::string hex_of(std::string_view bytes)
{
    return to_hex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

Result<std::string> bytes_of_hex(std::string_view hex)
{
    std::string bytes(hex.size() / 2, '\0');
    if (hex.size() % 2 != 0
        || !from_hex(hex, reinterpret_cast<unsigned char*>(bytes.data()), bytes.size()))
        return make_error(ErrorCode::InvalidArgument, "Not hex");
    return bytes;
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message)
{
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, digest);
    return to_hex(digest, sizeof digest);
}

bool equal_in_constant_time(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::uint64_t random_seed()
{
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    return seed >> 1;
}

std::string random_hex(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    return to_hex(buffer.data(), buffer.size());
}

std::string random_uuid()
{
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);   // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);   // the RFC 9562 variant
    const auto hex = to_hex(bytes, sizeof bytes);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-"
        + hex.substr(20);
}

SigningKeyPair generate_signing_key()
{
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    SecretKeyBytes secret;
    crypto_sign_keypair(public_key, secret.bytes);
    return { to_hex(secret.bytes, sizeof secret.bytes), to_hex(public_key, sizeof public_key) };
}

Result<std::string> signing_public_key(std::string_view secret_key)
{
    SecretKeyBytes key;
    TRY(decode_secret_key(secret_key, key));
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(public_key, key.bytes);
    return to_hex(public_key, sizeof public_key);
}

Result<std::string> sign_detached(std::string_view secret_key, std::string_view message)
{
    SecretKeyBytes key;
    TRY(decode_secret_key(secret_key, key));
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
        key.bytes);
    return to_hex(signature, sizeof signature);
}

bool verify_detached(std::string_view public_key, std::string_view message, std::string_view signature)
{
    unsigned char key[crypto_sign_PUBLICKEYBYTES];
    unsigned char bytes[crypto_sign_BYTES];
    if (!from_hex(public_key, key, sizeof key) || !from_hex(signature, bytes, sizeof bytes))
        return false;
    return crypto_sign_verify_detached(bytes, reinterpret_cast<const unsigned char*>(message.data()), message.size(), key)
        == 0;
}

void wipe_secret(std::string& secret)
{
    sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

Result<std::string> hash_password(std::string_view password)
{
    char encoded[crypto_pwhash_STRBYTES];
    HashSlot slot;
    if (crypto_pwhash_str(encoded, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return make_error(ErrorCode::Internal, "out of memory while hashing a password");
    return std::string(encoded);
}

bool verify_password(std::string_view encoded_hash, std::string_view password)
{
    std::string hash(encoded_hash); // crypto_pwhash_str_verify needs a NUL-terminated string
    HashSlot slot;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view encoded_hash)
{
    std::string hash(encoded_hash);
    return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
               crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0;
}

} // namespace learnloop::server
