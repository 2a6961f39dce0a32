// Signing a certificate's credential and checking one, wherever it came from:
// the eddsa-jcs-2022 proof of shared-domain marketplace/certificates, with
// libsodium's SHA-256 and Ed25519. Used by the server (issuing, the public
// verification page) and by `learnloop certificate verify FILE`, offline.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "marketplace/certificates.hpp"

#include <string>
#include <string_view>

namespace learnloop::server {

// A tenant's signing key, as stored: hex, libsodium's 64-byte secret key.
struct IssuerKey {
    std::int64_t id = 0;
    std::string public_key;   // 64 hex digits
    std::string secret_key;   // 128 hex digits
};

// The credential with its proof, signed by `key` at `created`.
[[nodiscard]] Result<Json> sign_credential(const Json& unsigned_credential, const IssuerKey& key, std::int64_t created);

struct CredentialCheck {
    bool readable = false;      // a credential of the kind Learnloop issues, whatever its signature
    bool valid = false;         // and its signature holds over every byte it says
    std::string problem;        // for people, when not valid
    std::string detail;         // for developers: what in the file could not be read ("proof.cryptosuite: ...")
    CertificateRecord record;   // what it says, when readable
    std::string public_key;     // the key it names, 64 hex digits, when readable
    std::string document;       // what it says, canonical (JCS, without its proof), when readable
};

// Checks a credential's text (a file's bytes): JSON, readable, signed by the
// key it names. Whose key that is, and whether the certificate was revoked,
// only its issuer knows (the verification page asks the database).
[[nodiscard]] CredentialCheck check_credential(std::string_view text);

} // namespace learnloop::server
