// Audit checkpoints: the canonical encoding, the JSON file, folding the log's
// rows into chain heads, and comparing a checkpoint with the log.
#include "audit/audit_checkpoint.hpp"

#include "core/json_reader.hpp"

#include <algorithm>

namespace learnloop::server {

namespace {

bool is_lower_hex(std::string_view text, std::size_t length)
{
    return text.size() == length
        && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The tenants table's own rule for slugs (migrations/0001_init.sql).
bool is_slug(std::string_view text)
{
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    return text.size() >= 2 && text.size() <= 63 && text.front() != '-'
        && std::all_of(text.begin(), text.end(), allowed);
}

bool is_timestamp(std::string_view text)
{
    auto allowed = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == 'T' || c == 'Z'; };
    return !text.empty() && text.size() <= 40 && std::all_of(text.begin(), text.end(), allowed);
}

// "2c26b46b…" — enough of a hash to tell two apart in a message.
std::string short_hash(const std::string& hash)
{
    return hash.substr(0, 16) + "...";
}

std::string rows_text(std::int64_t count)
{
    return std::to_string(count) + (count == 1 ? " row" : " rows");
}

std::string canonical_optional(const std::optional<std::int64_t>& value)
{
    return value ? std::to_string(*value) : "-";
}

// Platform first (an empty key sorts first in std::optional's order), then tenants by id.
bool chain_order(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b)
{
    return a < b;
}

Result<std::optional<std::int64_t>> optional_int(const Json& value, const std::string& path)
{
    if (value.is_null())
        return std::optional<std::int64_t> {};
    return std::optional<std::int64_t> { TRY(json_int_at(value, path)) };
}

Result<ChainHead> parse_chain(const Json& json, const std::string& path)
{
    auto reader = TRY(JsonObjectReader::open(json, path));
    ChainHead chain;
    chain.tenant_id = TRY(optional_int(*TRY(reader.require("tenant_id")), reader.path("tenant_id")));
    const Json& slug = *TRY(reader.require("tenant"));
    if (!slug.is_null())
        chain.tenant_slug = TRY(json_string_at(slug, reader.path("tenant")));
    chain.count = TRY(json_int_at(*TRY(reader.require("count")), reader.path("count")));
    chain.last_id = TRY(optional_int(*TRY(reader.require("last_id")), reader.path("last_id")));
    const Json& head = *TRY(reader.require("head_hash"));
    if (!head.is_null())
        chain.head_hash = TRY(json_string_at(head, reader.path("head_hash")));
    TRY(reader.reject_unknown("a chain"));

    if (!chain.tenant_id && !chain.tenant_slug.empty())
        return json_error_at(reader.path("tenant"), "must be null for the platform chain");
    if (!chain.tenant_slug.empty() && !is_slug(chain.tenant_slug))
        return json_error_at(reader.path("tenant"), "is not a tenant slug");
    if (chain.count < 0)
        return json_error_at(reader.path("count"), "must not be negative");
    if ((chain.count == 0) != !chain.last_id || (chain.count == 0) != !chain.head_hash)
        return json_error_at(path, "must have last_id and head_hash exactly when count is above 0");
    if (chain.head_hash && !is_lower_hex(*chain.head_hash, 64))
        return json_error_at(reader.path("head_hash"), "must be 64 lower-case hex digits");
    return chain;
}

} // namespace

// [SECTION] the document ---------------------------------------------------

std::string canonical_text(const AuditCheckpoint& checkpoint)
{
    std::string text(k_checkpoint_format);
    text += "\ncreated_at " + checkpoint.created_at + "\npublic_key " + checkpoint.public_key + "\n";
    for (const auto& chain : checkpoint.chains) {
        text += chain.tenant_id
            ? "chain tenant " + std::to_string(*chain.tenant_id) + " slug "
                + (chain.tenant_slug.empty() ? std::string("-") : chain.tenant_slug)
            : std::string("chain platform");
        text += " count " + std::to_string(chain.count) + " last_id " + canonical_optional(chain.last_id) + " head "
            + chain.head_hash.value_or("-") + "\n";
    }
    return text;
}

nlohmann::json to_json(const SignedCheckpoint& signed_checkpoint)
{
    const auto& checkpoint = signed_checkpoint.checkpoint;
    Json chains = Json::array();
    for (const auto& chain : checkpoint.chains) {
        chains.push_back({ { "tenant_id", chain.tenant_id ? Json(*chain.tenant_id) : Json(nullptr) },
            { "tenant", chain.tenant_slug.empty() ? Json(nullptr) : Json(chain.tenant_slug) }, { "count", chain.count },
            { "last_id", chain.last_id ? Json(*chain.last_id) : Json(nullptr) },
            { "head_hash", chain.head_hash ? Json(*chain.head_hash) : Json(nullptr) } });
    }
    return { { "format", k_checkpoint_format }, { "created_at", checkpoint.created_at },
        { "public_key", checkpoint.public_key }, { "chains", chains }, { "signature", signed_checkpoint.signature } };
}

Result<SignedCheckpoint> parse_checkpoint(std::string_view text)
{
    auto json = TRY(parse_json(text));
    auto reader = TRY(JsonObjectReader::open(json, ""));
    if (TRY(json_string_at(*TRY(reader.require("format")), "format")) != k_checkpoint_format)
        return json_error_at("format", "must be \"" + std::string(k_checkpoint_format) + "\"");
    SignedCheckpoint result;
    auto& checkpoint = result.checkpoint;
    checkpoint.created_at = TRY(json_string_at(*TRY(reader.require("created_at")), "created_at"));
    if (!is_timestamp(checkpoint.created_at))
        return json_error_at("created_at", "is not a UTC timestamp");
    checkpoint.public_key = TRY(json_string_at(*TRY(reader.require("public_key")), "public_key"));
    if (!is_lower_hex(checkpoint.public_key, 64))
        return json_error_at("public_key", "must be 64 lower-case hex digits");
    result.signature = TRY(json_string_at(*TRY(reader.require("signature")), "signature"));
    if (!is_lower_hex(result.signature, 128))
        return json_error_at("signature", "must be 128 lower-case hex digits");
    const Json& chains = *TRY(json_array_at(*TRY(reader.require("chains")), "chains", 1, 10'000'000));
    for (std::size_t i = 0; i < chains.size(); ++i) {
        auto chain = TRY(parse_chain(chains[i], json_index_path("chains", i)));
        if (!checkpoint.chains.empty() && !chain_order(checkpoint.chains.back().tenant_id, chain.tenant_id))
            return json_error_at(json_index_path("chains", i), "is out of order or repeated");
        checkpoint.chains.push_back(std::move(chain));
    }
    TRY(reader.reject_unknown("a checkpoint"));
    return result;
}

std::string chain_label(const std::optional<std::int64_t>& tenant_id, const std::string& tenant_slug)
{
    if (!tenant_id)
        return "the platform chain";
    return "tenant " + (tenant_slug.empty() ? std::string("(unknown)") : tenant_slug) + " (id "
        + std::to_string(*tenant_id) + ")";
}

// [SECTION] scanning the chains --------------------------------------------

AuditChainScan::AuditChainScan(const AuditCheckpoint& checkpoint)
{
    for (const auto& chain : checkpoint.chains) {
        if (chain.last_id)
            m_wanted[chain.tenant_id].push_back(*chain.last_id);
    }
    for (auto& [key, ids] : m_wanted)
        std::sort(ids.begin(), ids.end());
}

void AuditChainScan::add(const AuditRowCheck& row)
{
    ++m_rows;
    auto& chain = m_chains[row.tenant_id];
    ++chain.count;
    chain.last_id = row.id;
    chain.head_hash = row.hash;
    if ((!row.linked || !row.intact) && !chain.first_broken)
        chain.first_broken = Broken { row.id, row.intact };
    auto wanted = m_wanted.find(row.tenant_id);
    if (wanted != m_wanted.end() && std::binary_search(wanted->second.begin(), wanted->second.end(), row.id))
        chain.anchors[row.id] = Anchor { chain.count, row.hash };
}

std::optional<std::pair<AuditChainScan::ChainKey, AuditChainScan::Broken>> AuditChainScan::first_broken() const
{
    std::optional<std::pair<ChainKey, Broken>> first;
    for (const auto& [key, chain] : m_chains) {
        if (chain.first_broken && (!first || chain.first_broken->id < first->second.id))
            first = std::make_pair(key, *chain.first_broken);
    }
    return first;
}

std::vector<ChainHead> chain_heads(const AuditChainScan& scan, const std::vector<TenantRef>& tenants)
{
    std::map<AuditChainScan::ChainKey, ChainHead> heads;
    heads[std::nullopt] = ChainHead {};
    for (const auto& tenant : tenants)
        heads[tenant.id] = ChainHead { tenant.id, tenant.slug, 0, std::nullopt, std::nullopt };
    for (const auto& [key, chain] : scan.chains()) {
        auto& head = heads[key];
        head.tenant_id = key;
        head.count = chain.count;
        head.last_id = chain.last_id;
        head.head_hash = chain.head_hash;
    }
    std::vector<ChainHead> result;
    for (auto& [key, head] : heads)
        result.push_back(std::move(head));
    return result;
}

// [SECTION] comparing ------------------------------------------------------

bool CheckpointReport::ok() const
{
    return problems() == 0;
}

std::size_t CheckpointReport::problems() const
{
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [](const ChainFinding& finding) { return !finding.ok; }));
}

namespace {

std::string broken_text(const AuditChainScan::Broken& broken)
{
    return "row " + std::to_string(broken.id)
        + (broken.intact ? " does not link to the row before it" : " does not match its hash")
        + ": the audit log was changed after it was written";
}

// What is wrong with one checkpointed chain, empty when nothing is.
std::vector<std::string> chain_problems(const ChainHead& expected, const AuditChainScan::Chain* now, bool tenant_exists)
{
    std::vector<std::string> problems;
    if (!tenant_exists)
        problems.push_back("the tenant no longer exists");
    if (expected.last_id) {
        auto recorded = rows_text(expected.count) + " ending at row " + std::to_string(*expected.last_id);
        const AuditChainScan::Anchor* anchor = nullptr;
        if (now) {
            auto it = now->anchors.find(*expected.last_id);
            if (it != now->anchors.end())
                anchor = &it->second;
        }
        if (!now || now->count == 0) {
            problems.push_back("the whole chain is gone (the checkpoint recorded " + recorded + ")");
        } else if (!anchor) {
            problems.push_back("row " + std::to_string(*expected.last_id)
                + ", the chain's head at the checkpoint, is gone: rows were deleted (the checkpoint recorded " + recorded
                + "; the chain now has " + rows_text(now->count) + " ending at row " + std::to_string(*now->last_id) + ")");
        } else if (anchor->hash != *expected.head_hash) {
            problems.push_back("row " + std::to_string(*expected.last_id)
                + " no longer has the hash the checkpoint recorded (now " + short_hash(anchor->hash) + ", checkpoint "
                + short_hash(*expected.head_hash)
                + "): a row up to it was changed, added or removed and the chain after it recomputed");
        } else if (anchor->position != expected.count) {
            problems.push_back("row " + std::to_string(*expected.last_id) + " is now row " + std::to_string(anchor->position)
                + " of the chain, the checkpoint recorded it as row " + std::to_string(expected.count)
                + ": rows before it were added or removed");
        }
    }
    if (now && now->first_broken)
        problems.push_back(broken_text(*now->first_broken));
    return problems;
}

std::string join(const std::vector<std::string>& parts)
{
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : "; ") + part;
    return text;
}

} // namespace

CheckpointReport compare_with_checkpoint(const AuditCheckpoint& checkpoint, const AuditChainScan& scan,
    const std::vector<TenantRef>& tenants)
{
    std::map<std::int64_t, std::string> slugs;
    for (const auto& tenant : tenants)
        slugs[tenant.id] = tenant.slug;

    CheckpointReport report;
    std::map<AuditChainScan::ChainKey, bool> checkpointed;
    for (const auto& expected : checkpoint.chains) {
        checkpointed[expected.tenant_id] = true;
        auto found = scan.chains().find(expected.tenant_id);
        const AuditChainScan::Chain* now = found == scan.chains().end() ? nullptr : &found->second;
        bool tenant_exists = !expected.tenant_id || slugs.contains(*expected.tenant_id);
        auto problems = chain_problems(expected, now, tenant_exists);
        ChainFinding finding { chain_label(expected.tenant_id, expected.tenant_slug), problems.empty(), join(problems) };
        if (finding.ok) {
            std::int64_t since = (now ? now->count : 0) - expected.count;
            finding.message = expected.last_id
                ? "matches the checkpoint (row " + std::to_string(*expected.last_id) + " is still row "
                    + std::to_string(expected.count) + " with the same hash); " + rows_text(since) + " since, chain intact"
                : "had no rows at the checkpoint; " + rows_text(since) + " since, chain intact";
        }
        report.findings.push_back(std::move(finding));
    }
    // Chains that began after the checkpoint: checked for integrity only.
    for (const auto& [key, chain] : scan.chains()) {
        if (checkpointed.contains(key))
            continue;
        auto slug = key && slugs.contains(*key) ? slugs[*key] : std::string();
        ChainFinding finding { chain_label(key, slug), !chain.first_broken, {} };
        finding.message = chain.first_broken
            ? broken_text(*chain.first_broken)
            : "not in the checkpoint (began after it): " + rows_text(chain.count) + ", chain intact";
        report.findings.push_back(std::move(finding));
    }
    return report;
}

} // namespace learnloop::server
