// libsodium wrappers.
#include "crypto.hpp"

#include <sodium.h>

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

} // namespace

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
    if (crypto_pwhash_str(encoded, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return make_error(ErrorCode::Internal, "out of memory while hashing a password");
    return std::string(encoded);
}

bool verify_password(std::string_view encoded_hash, std::string_view password)
{
    std::string hash(encoded_hash); // crypto_pwhash_str_verify needs a NUL-terminated string
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

} // namespace learnloop::server
