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

std::string random_hex(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    return to_hex(buffer.data(), buffer.size());
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
