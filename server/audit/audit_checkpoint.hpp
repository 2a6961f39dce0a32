// Audit checkpoints: the signed head of every audit chain, kept outside the
// database, so that deleting the newest rows, a whole chain, or rewriting a
// row and recomputing the chain after it is detected. [SECTION] the document,
// [SECTION] scanning the chains, [SECTION] comparing.
//
// Everything here is pure (no SQL, no files, no clock, no signing): the CLI
// reads the rows, signs and checks signatures (platform/crypto), and writes
// files. It lives in server/audit rather than shared-domain because only the
// operator's CLI uses it; the browser never sees an audit chain.
#pragma once

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop::server {

// [SECTION] the document ---------------------------------------------------

// The head of one chain at the checkpoint. A chain without rows has neither
// last_id nor head_hash; it is still recorded, so deleting it is visible.
struct ChainHead {
    std::optional<std::int64_t> tenant_id;   // empty: the platform operator's chain
    std::string tenant_slug;                  // empty for the platform chain
    std::int64_t count = 0;                   // rows in the chain
    std::optional<std::int64_t> last_id;
    std::optional<std::string> head_hash;     // hex of the last row's hash

    bool operator==(const ChainHead&) const = default;
};

// What is signed. Chains are kept in canonical order: the platform chain
// first, then tenants by id.
struct AuditCheckpoint {
    std::string created_at;        // UTC, "2026-05-01T12:00:00.123456Z"
    std::string public_key;        // hex of the Ed25519 key that signs it
    std::vector<ChainHead> chains;

    bool operator==(const AuditCheckpoint&) const = default;
};

struct SignedCheckpoint {
    AuditCheckpoint checkpoint;
    std::string signature;   // hex of the detached Ed25519 signature over canonical_text(checkpoint)
};

inline constexpr std::string_view k_checkpoint_format = "learnloop-audit-checkpoint/1";

// The bytes that are signed: one line per field, each value restricted to a
// character set without spaces or line breaks (parse_checkpoint refuses
// anything else), so two different checkpoints never encode alike. Example:
//   learnloop-audit-checkpoint/1
//   created_at 2026-05-01T12:00:00.123456Z
//   public_key 3b6a27bc...
//   chain platform count 2 last_id 7 head 9f86d081...
//   chain tenant 1 slug demo count 57 last_id 99 head 2c26b46b...
//   chain tenant 5 slug empty count 0 last_id - head -
[[nodiscard]] std::string canonical_text(const AuditCheckpoint& checkpoint);

// The file an operator ships: the fields above as JSON plus "format" and
// "signature". JSON is for people and tools; the signature is over
// canonical_text, rebuilt from the parsed fields when verifying.
[[nodiscard]] nlohmann::json to_json(const SignedCheckpoint& checkpoint);
// Strict: every field present, of its type and character set, no unknown
// fields, chains in canonical order without duplicates. InvalidArgument
// otherwise, naming the field.
[[nodiscard]] Result<SignedCheckpoint> parse_checkpoint(std::string_view text);

// "tenant demo (id 1)" or "the platform chain".
[[nodiscard]] std::string chain_label(const std::optional<std::int64_t>& tenant_id, const std::string& tenant_slug);

// [SECTION] scanning the chains --------------------------------------------

// One audit row as verification reads it, in id order: is it linked to the
// previous row of its chain, does its hash match its content, and its hash.
struct AuditRowCheck {
    std::optional<std::int64_t> tenant_id;
    std::int64_t id = 0;
    bool linked = true;
    bool intact = true;
    std::string hash;   // hex
};

struct TenantRef {
    std::int64_t id = 0;
    std::string slug;
};

// Folds every row of the audit log, in id order, into per-chain state: its
// length, head, first broken row, and where the rows named by `anchors` (a
// checkpoint's heads) stand in it. Memory grows with the number of chains,
// not rows.
class AuditChainScan {
public:
    struct Anchor {
        std::int64_t position = 0;   // 1-based place in its chain
        std::string hash;
    };
    struct Broken {
        std::int64_t id = 0;
        bool intact = false;   // true: its hash matches but it does not link to the row before it
    };
    struct Chain {
        std::int64_t count = 0;
        std::optional<std::int64_t> last_id;
        std::optional<std::string> head_hash;
        std::optional<Broken> first_broken;
        std::map<std::int64_t, Anchor> anchors;   // row id -> where it stands (only ids asked for)
    };
    using ChainKey = std::optional<std::int64_t>;

    AuditChainScan() = default;
    // Remember where these rows stand (a checkpoint's heads).
    explicit AuditChainScan(const AuditCheckpoint& checkpoint);

    void add(const AuditRowCheck& row);

    std::int64_t rows() const { return m_rows; }
    const std::map<ChainKey, Chain>& chains() const { return m_chains; }
    // The first broken row of the whole log, by id.
    std::optional<std::pair<ChainKey, Broken>> first_broken() const;

private:
    std::map<ChainKey, std::vector<std::int64_t>> m_wanted;   // sorted row ids per chain
    std::map<ChainKey, Chain> m_chains;
    std::int64_t m_rows = 0;
};

// The heads to sign: the platform chain, every tenant (with or without rows)
// and any chain whose tenant is gone, in canonical order.
[[nodiscard]] std::vector<ChainHead> chain_heads(const AuditChainScan& scan, const std::vector<TenantRef>& tenants);

// [SECTION] comparing ------------------------------------------------------

// One line of the verification report, per chain.
struct ChainFinding {
    std::string chain;     // chain_label(...)
    bool ok = true;
    std::string message;   // what matched, or what is wrong
};

struct CheckpointReport {
    std::vector<ChainFinding> findings;
    bool ok() const;
    std::size_t problems() const;
};

// Compares the log as scanned (with `scan` built from this checkpoint) and
// today's tenants with the checkpoint. A checkpointed chain must still hold
// its head row at the same place with the same hash, and every chain must be
// intact (linked and matching its hashes) from start to end; a tenant in the
// checkpoint must still exist. Chains that began after the checkpoint are
// reported and checked for integrity only.
[[nodiscard]] CheckpointReport compare_with_checkpoint(const AuditCheckpoint& checkpoint, const AuditChainScan& scan,
    const std::vector<TenantRef>& tenants);

} // namespace learnloop::server
