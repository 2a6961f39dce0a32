// Certificates' proofs (credential_proof.hpp).
#include "marketplace/certificates/credential_proof.hpp"

#include "platform/crypto.hpp"

namespace learnloop::server {

namespace {

// What eddsa-jcs-2022 signs: the two canonical texts' SHA-256, one after the other.
std::string hash_data(const SigningInput& input)
{
    return sha256_bytes(input.proof_config) + sha256_bytes(input.document);
}

} // namespace

Result<Json> sign_credential(const Json& unsigned_credential, const IssuerKey& key, std::int64_t created)
{
    const auto did = ed25519_did_key(TRY(bytes_of_hex(key.public_key)));
    auto options = proof_options(did_key_method(did), created);
    const auto input = TRY(signing_input(unsigned_credential, options));
    const auto signature = TRY(bytes_of_hex(TRY(sign_detached(key.secret_key, hash_data(input)))));
    return with_proof(unsigned_credential, std::move(options), signature);
}

CredentialCheck check_credential(std::string_view text)
{
    CredentialCheck check;
    auto json = parse_json(text);
    if (!json.ok()) {
        check.problem = "This is not a certificate: the text is not a certificate file";
        check.detail = json.error().message;
        return check;
    }
    auto read = read_credential(json.value());
    if (!read.ok()) {
        check.problem = "This is not a certificate Learnloop can check: it is not an Open Badges 3.0 certificate "
                        "signed the way Learnloop signs them";
        const auto& field = read.error().field;
        check.detail = (field.empty() ? std::string() : field + ": ") + read.error().message;
        return check;
    }
    check.readable = true;
    check.record = read.value().record;
    check.public_key = hex_of(read.value().public_key);
    check.document = read.value().signed_input.document;
    check.valid = verify_detached(check.public_key, hash_data(read.value().signed_input), hex_of(read.value().signature));
    if (!check.valid)
        check.problem = "The signature does not match: this certificate was changed after it was issued, "
                        "or was never issued by this key";
    return check;
}

} // namespace learnloop::server
