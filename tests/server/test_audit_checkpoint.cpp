// Audit checkpoints (server/audit/audit_checkpoint.*, `learnloop audit keygen |
// checkpoint | verify --checkpoint`): the pure encoding and comparison, then
// the CLI against a real database whose audit log is tampered with in SQL the
// way an attacker with the database would: deleting the newest rows, a whole
// chain, or rewriting a row and recomputing the chain after it.
#include "api_client.hpp"
#include "audit/audit_checkpoint.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <regex>
#include <set>

using namespace learnloop::test;
using learnloop::server::AuditChainScan;
using learnloop::server::AuditCheckpoint;
using learnloop::server::AuditRowCheck;
using learnloop::server::ChainHead;
using learnloop::server::SignedCheckpoint;
using learnloop::server::TenantRef;
using learnloop::server::parse_checkpoint;

namespace {

std::string str(std::int64_t value) { return std::to_string(value); }

std::string hash_of(char digit) { return std::string(64, digit); }

// [SECTION] the document and the comparison, without a database -----------

AuditCheckpoint sample_checkpoint()
{
    AuditCheckpoint checkpoint;
    checkpoint.created_at = "2026-05-01T12:00:00.123456Z";
    checkpoint.public_key = hash_of('b');
    checkpoint.chains = { ChainHead { std::nullopt, "", 1, 1, hash_of('1') },
        ChainHead { 1, "demo", 2, 3, hash_of('3') }, ChainHead { 5, "quiet", 0, std::nullopt, std::nullopt } };
    return checkpoint;
}

// The rows of sample_checkpoint's log, in id order.
std::vector<AuditRowCheck> sample_rows()
{
    return { { std::nullopt, 1, true, true, hash_of('1') }, { 1, 2, true, true, hash_of('2') },
        { 1, 3, true, true, hash_of('3') } };
}

learnloop::server::CheckpointReport compare(const AuditCheckpoint& checkpoint, const std::vector<AuditRowCheck>& rows,
    const std::vector<TenantRef>& tenants = { { 1, "demo" }, { 5, "quiet" } })
{
    AuditChainScan scan(checkpoint);
    for (const auto& row : rows)
        scan.add(row);
    return compare_with_checkpoint(checkpoint, scan, tenants);
}

} // namespace

TEST_CASE("a checkpoint's canonical text lists every chain in order, and its JSON reads back the same", "[audit][checkpoint]")
{
    auto checkpoint = sample_checkpoint();
    CHECK(canonical_text(checkpoint)
        == "learnloop-audit-checkpoint/1\n"
           "created_at 2026-05-01T12:00:00.123456Z\n"
           "public_key " + hash_of('b') + "\n"
           "chain platform count 1 last_id 1 head " + hash_of('1') + "\n"
           "chain tenant 1 slug demo count 2 last_id 3 head " + hash_of('3') + "\n"
           "chain tenant 5 slug quiet count 0 last_id - head -\n");

    SignedCheckpoint signed_checkpoint { checkpoint, std::string(128, 'c') };
    auto parsed = parse_checkpoint(to_json(signed_checkpoint).dump(2));
    REQUIRE(parsed.ok());
    CHECK(parsed.value().checkpoint == checkpoint);
    CHECK(parsed.value().signature == signed_checkpoint.signature);

    // The heads a checkpoint is made from: the platform chain, every tenant (also without rows).
    AuditChainScan scan;
    for (const auto& row : sample_rows())
        scan.add(row);
    CHECK(chain_heads(scan, { { 1, "demo" }, { 5, "quiet" } }) == checkpoint.chains);
}

TEST_CASE("parse_checkpoint refuses a document that is not exactly a checkpoint", "[audit][checkpoint]")
{
    auto json = to_json(SignedCheckpoint { sample_checkpoint(), std::string(128, 'c') });
    auto refused = [](const Json& document, const std::string& message) {
        auto parsed = parse_checkpoint(document.dump());
        INFO(document.dump());
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message, Catch::Contains(message));
    };
    auto changed = [&](auto edit) {
        auto copy = json;
        edit(copy);
        return copy;
    };
    refused(changed([](auto& j) { j["format"] = "learnloop-audit-checkpoint/2"; }), "format");
    refused(changed([](auto& j) { j["signature"] = "zz"; }), "signature");
    refused(changed([](auto& j) { j["public_key"] = hash_of('B'); }), "public_key");
    refused(changed([](auto& j) { j["extra"] = 1; }), "extra is not a field");
    refused(changed([](auto& j) { j["chains"][1]["head_hash"] = "not hex"; }), "chains[1].head_hash");
    refused(changed([](auto& j) { j["chains"][1]["tenant"] = "demo school\nchain platform"; }), "chains[1].tenant");
    refused(changed([](auto& j) { j["chains"][2]["count"] = 3; }), "last_id and head_hash");
    refused(changed([](auto& j) { std::swap(j["chains"][1], j["chains"][2]); }), "out of order");
    refused(changed([](auto& j) { j["chains"][1].erase("count"); }), "chains[1].count is required");
    CHECK_FALSE(parse_checkpoint("{\"format\": ").ok());
}

TEST_CASE("comparing a checkpoint with the log names each chain and what happened to it", "[audit][checkpoint]")
{
    auto checkpoint = sample_checkpoint();
    auto rows = sample_rows();
    auto intact = compare(checkpoint, rows);
    CHECK(intact.ok());
    REQUIRE(intact.findings.size() == 3);
    CHECK(intact.findings[1].chain == "tenant demo (id 1)");
    CHECK_THAT(intact.findings[1].message, Catch::Contains("row 3 is still row 2 with the same hash"));

    // Later rows, and a chain that began after the checkpoint, are fine.
    auto grown = rows;
    grown.push_back({ 1, 4, true, true, hash_of('4') });
    grown.push_back({ 7, 5, true, true, hash_of('5') });
    auto later = compare(checkpoint, grown, { { 1, "demo" }, { 5, "quiet" }, { 7, "late" } });
    CHECK(later.ok());
    CHECK_THAT(later.findings[3].chain + later.findings[3].message, Catch::Contains("tenant late (id 7)not in the checkpoint"));

    // The head row is gone.
    auto truncated = compare(checkpoint, { rows[0], rows[1] });
    CHECK(truncated.problems() == 1);
    CHECK_THAT(truncated.findings[1].message, Catch::Contains("row 3, the chain's head at the checkpoint, is gone"));
    // The whole chain is gone.
    CHECK_THAT(compare(checkpoint, { rows[0] }).findings[1].message, Catch::Contains("the whole chain is gone"));
    // The head has another hash (a row was changed and the chain recomputed).
    auto rewritten = rows;
    rewritten[2].hash = hash_of('9');
    CHECK_THAT(compare(checkpoint, rewritten).findings[1].message, Catch::Contains("no longer has the hash"));
    // A row after the head was changed without recomputing.
    auto broken = grown;
    broken[3].intact = false;
    CHECK_THAT(compare(checkpoint, broken).findings[1].message, Catch::Contains("row 4 does not match its hash"));
    // A tenant without rows at the checkpoint was deleted.
    auto gone = compare(checkpoint, rows, { { 1, "demo" } });
    CHECK(gone.problems() == 1);
    CHECK(gone.findings[2].chain == "tenant quiet (id 5)");
    CHECK_THAT(gone.findings[2].message, Catch::Contains("the tenant no longer exists"));
}

// [SECTION] the CLI ----------------------------------------------------------

namespace {

struct KeyPair {
    std::string secret_path;
    std::string public_path;
    std::string public_key;
};

KeyPair make_key(const TempDir& dir, const std::string& name)
{
    KeyPair key { dir.path() + "/" + name, dir.path() + "/" + name + ".pub", {} };
    auto made = run_cli({ "audit", "keygen", "--out", key.secret_path }, "unused");
    INFO(made.err << made.out);
    REQUIRE(made.exit_code == 0);
    key.public_key = read_file(key.public_path);
    key.public_key.erase(key.public_key.find_last_not_of('\n') + 1);
    REQUIRE(key.public_key.size() == 64);
    CHECK_THAT(made.out, Catch::Contains(key.public_key));
    return key;
}

// Takes a checkpoint into `path` with `key`.
void checkpoint(ApiFixture& f, const KeyPair& key, const std::string& path)
{
    auto taken = f.cli({ "audit", "checkpoint", "--key", key.secret_path, "--out", path });
    INFO(taken.err << taken.out);
    REQUIRE(taken.exit_code == 0);
}

ProcessResult verify(ApiFixture& f, const std::string& checkpoint_path, const std::string& trusted)
{
    return f.cli({ "audit", "verify", "--checkpoint", checkpoint_path, "--public-key", trusted });
}

// Keeps the whole audit log aside, to put it back after a tampering test.
struct SavedAuditLog {
    ApiFixture& f;
    explicit SavedAuditLog(ApiFixture& fixture) : f(fixture)
    {
        f.sql("CREATE TABLE audit_saved AS SELECT * FROM audit_log");
    }
    void restore()
    {
        f.sql("DELETE FROM audit_log");
        f.sql("INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM audit_saved");
        f.sql("DROP TABLE audit_saved");
    }
};

// Recomputes one chain's links and hashes from its first row, as someone
// with the database could after changing a row.
void recompute_chain(ApiFixture& f, std::int64_t tenant_id)
{
    f.sql(R"(DO $$
        DECLARE r record; previous bytea := NULL;
        BEGIN
            FOR r IN SELECT * FROM audit_log WHERE tenant_id = )" + str(tenant_id) + R"( ORDER BY id LOOP
                UPDATE audit_log SET prev_hash = previous,
                       hash = audit_row_digest(previous, r.tenant_id, r.actor, r.action, r.entity, r.entity_id,
                                               r.before, r.after, r.created_at)
                 WHERE id = r.id RETURNING hash INTO previous;
            END LOOP;
        END $$)");
}

// Changes one character of `text` after the first occurrence of `after`.
std::string flip_after(std::string text, const std::string& after)
{
    auto at = text.find(after);
    REQUIRE(at != std::string::npos);
    auto& c = text[at + after.size()];
    c = c == '0' ? '1' : '0';
    return text;
}

} // namespace

TEST_CASE("learnloop audit keygen writes a 0600 secret key and its public key, and never overwrites a key",
    "[audit][checkpoint][cli]")
{
    TempDir dir("keys");
    auto key = make_key(dir, "audit.key");
    struct stat info {};
    REQUIRE(::stat(key.secret_path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(read_file(key.secret_path).size() == 128 + 1);

    auto secret_before = read_file(key.secret_path);
    auto again = run_cli({ "audit", "keygen", "--out", key.secret_path }, "unused");
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains("already exists"));
    CHECK(read_file(key.secret_path) == secret_before);
    // A public key file in the way stops it too, before any secret is written.
    write_file(dir.path() + "/other.key.pub", "in the way\n");
    CHECK(run_cli({ "audit", "keygen", "--out", dir.path() + "/other.key" }, "unused").exit_code == 1);
    CHECK_FALSE(::stat((dir.path() + "/other.key").c_str(), &info) == 0);
    CHECK(run_cli({ "audit", "keygen" }, "unused").exit_code == 2);
}

TEST_CASE("audit verify --checkpoint detects deleted newest rows, a deleted chain and a recomputed chain that audit "
          "verify alone passes",
    "[audit][checkpoint][cli]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("audit_checkpoint", options);
    auto& D = f.demo;
    f.create_assignment(D.teacher, "Before the checkpoint", "2030-06-01T09:00:00");
    // A tenant whose chain is empty: the checkpoint still records it.
    auto quiet = f.sql_int("INSERT INTO tenants (slug, name, kind) VALUES ('quiet', 'Quiet School', 'school') RETURNING id");
    REQUIRE(f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(quiet)) == 0);

    TempDir dir("checkpoint");
    auto key = make_key(dir, "audit.key");
    auto path = dir.path() + "/checkpoint-1.json";

    // Printed to standard output by default, through the environment's key.
    auto printed = f.cli({ "audit", "checkpoint" }, { { "LEARNLOOP_AUDIT_KEY_FILE", key.secret_path } });
    INFO(printed.err);
    REQUIRE(printed.exit_code == 0);
    auto document = Json::parse(printed.out);
    CHECK(document["public_key"] == key.public_key);
    std::set<std::string> slugs;
    for (const auto& chain : document["chains"])
        slugs.insert(chain["tenant"].is_null() ? "(platform)" : chain["tenant"].get<std::string>());
    // The demo's tutoring business (brightpath) and academy (summit) have their own chains too.
    CHECK(slugs == std::set<std::string> { "(platform)", "brightpath", "demo", "other", "quiet", "summit" });
    for (const auto& chain : document["chains"]) {
        if (chain["tenant"] == "quiet")
            CHECK((chain["count"] == 0 && chain["last_id"].is_null() && chain["head_hash"].is_null()));
        if (chain["tenant"] == "demo") {
            CHECK(chain["count"] == f.sql_int("SELECT count(*) FROM audit_log WHERE tenant_id = " + str(D.id)));
            CHECK(chain["head_hash"]
                == f.sql_text("SELECT encode(hash, 'hex') FROM audit_log WHERE tenant_id = " + str(D.id)
                    + " ORDER BY id DESC LIMIT 1"));
        }
    }

    checkpoint(f, key, path);
    auto untouched = verify(f, path, key.public_key);
    INFO(untouched.err << untouched.out);
    REQUIRE(untouched.exit_code == 0);
    CHECK_THAT(untouched.out, Catch::Contains("signature valid"));
    CHECK_THAT(untouched.out, Catch::Contains("ok       tenant demo (id " + str(D.id) + "): matches the checkpoint"));
    CHECK_THAT(untouched.out, Catch::Contains("tenant quiet (id " + str(quiet) + "): had no rows at the checkpoint"));
    CHECK_THAT(untouched.out, Catch::Contains("audit log intact and consistent with the checkpoint"));

    // New writes after the checkpoint, in both tenants, still verify.
    f.create_assignment(D.teacher, "After the checkpoint", "2030-06-02T09:00:00");
    f.create_assignment(f.other.teacher, "Also after", "2030-06-02T09:00:00");
    auto grown = verify(f, path, key.public_key);
    INFO(grown.err << grown.out);
    CHECK(grown.exit_code == 0);
    CHECK_THAT(grown.out, Catch::Contains("rows since, chain intact"));

    auto demo_label = "tenant demo (id " + str(D.id) + ")";
    auto other_label = "tenant other (id " + str(f.other.id) + ")";
    auto demo_chain = " FROM audit_log WHERE tenant_id = " + str(D.id);
    std::int64_t head_at_checkpoint = 0;
    auto taken = Json::parse(read_file(path));
    for (const auto& chain : taken["chains"]) {
        if (chain["tenant"] == "demo")
            head_at_checkpoint = chain["last_id"].get<std::int64_t>();
    }
    REQUIRE(head_at_checkpoint > 0);

    SECTION("(a) the newest rows of a chain deleted")
    {
        SavedAuditLog saved(f);
        f.sql("DELETE" + demo_chain + " AND id >= " + str(head_at_checkpoint));
        CHECK(f.cli({ "audit", "verify" }).exit_code == 0);   // the chain alone cannot tell
        auto result = verify(f, path, key.public_key);
        INFO(result.err << result.out);
        CHECK(result.exit_code == 1);
        CHECK_THAT(result.err, Catch::Contains(demo_label + ": row " + str(head_at_checkpoint)
                                   + ", the chain's head at the checkpoint, is gone: rows were deleted"));
        CHECK_THAT(result.out, Catch::Contains("CHANGED  " + demo_label));
        CHECK_THAT(result.err, Catch::Contains("in 1 of 6 chains"));
        saved.restore();
        CHECK(verify(f, path, key.public_key).exit_code == 0);
    }
    SECTION("(b) one tenant's whole chain deleted")
    {
        SavedAuditLog saved(f);
        f.sql("DELETE FROM audit_log WHERE tenant_id = " + str(f.other.id));
        CHECK(f.cli({ "audit", "verify" }).exit_code == 0);
        auto result = verify(f, path, key.public_key);
        INFO(result.err << result.out);
        CHECK(result.exit_code == 1);
        CHECK_THAT(result.err, Catch::Contains(other_label + ": the whole chain is gone"));
        CHECK_THAT(result.out, Catch::Contains("ok       " + demo_label));
        saved.restore();
        CHECK(verify(f, path, key.public_key).exit_code == 0);
    }
    SECTION("(c) a row changed and the rest of its chain recomputed")
    {
        SavedAuditLog saved(f);
        auto target = f.sql_int("SELECT min(id)" + demo_chain + " AND action = 'user.create'");
        f.sql("UPDATE audit_log SET after = after || '{\"role\": \"forged\"}' WHERE id = " + str(target));
        CHECK(f.cli({ "audit", "verify" }).exit_code != 0);   // changed alone: the chain sees it
        recompute_chain(f, D.id);
        CHECK(f.cli({ "audit", "verify" }).exit_code == 0);   // recomputed: only the anchor sees it
        auto result = verify(f, path, key.public_key);
        INFO(result.err << result.out);
        CHECK(result.exit_code == 1);
        CHECK_THAT(result.err, Catch::Contains(demo_label + ": row " + str(head_at_checkpoint)
                                   + " no longer has the hash the checkpoint recorded"));
        saved.restore();
        CHECK(verify(f, path, key.public_key).exit_code == 0);
    }
    SECTION("a tenant with an empty chain deleted")
    {
        f.sql("DELETE FROM tenants WHERE id = " + str(quiet));
        auto result = verify(f, path, key.public_key);
        INFO(result.err << result.out);
        CHECK(result.exit_code == 1);
        CHECK_THAT(result.err, Catch::Contains("tenant quiet (id " + str(quiet) + "): the tenant no longer exists"));
    }
    SECTION("a row written after the checkpoint changed: the chain from the head on is checked too")
    {
        auto late = f.sql_int("SELECT max(id)" + demo_chain);
        f.sql("UPDATE audit_log SET actor = 'cli' WHERE id = " + str(late));
        auto result = verify(f, path, key.public_key);
        INFO(result.err << result.out);
        CHECK(result.exit_code == 1);
        CHECK_THAT(result.err, Catch::Contains(demo_label + ": row " + str(late) + " does not match its hash"));
        // And no checkpoint is signed over a broken log.
        auto refused = f.cli({ "audit", "checkpoint", "--key", key.secret_path });
        CHECK(refused.exit_code == 1);
        CHECK_THAT(refused.err, Catch::Contains("not signing a checkpoint of a broken audit log: " + demo_label + ", row "
                                    + str(late) + " does not match its hash"));
        CHECK(refused.out.empty());
    }
}

TEST_CASE("a changed checkpoint or one signed by an untrusted key is refused; checkpoints over time each verify",
    "[audit][checkpoint][cli]")
{
    ApiFixture f("audit_checkpoint_keys", {});
    auto& D = f.demo;
    TempDir dir("checkpoint");
    auto key = make_key(dir, "audit.key");
    auto stranger = make_key(dir, "stranger.key");
    auto path = dir.path() + "/checkpoint.json";
    checkpoint(f, key, path);
    auto original = read_file(path);
    REQUIRE(verify(f, path, key.public_key).exit_code == 0);

    auto refused = [&](const std::string& text, const std::string& message) {
        auto changed = dir.write("changed.json", text);
        auto result = verify(f, changed, key.public_key);
        INFO(text << "\n" << result.err << result.out);
        CHECK(result.exit_code == 3);
        CHECK_THAT(result.err, Catch::Contains("checkpoint refused"));
        CHECK_THAT(result.err, Catch::Contains(message));
    };
    auto changed_content = "does not match its content";
    refused(flip_after(original, "\"head_hash\": \""), changed_content);
    refused(flip_after(original, "\"signature\": \""), changed_content);
    refused(flip_after(original, "\"created_at\": \"20"), changed_content);
    std::smatch count;   // a chain with rows: one row more
    REQUIRE(std::regex_search(original, count, std::regex("\"count\": [1-9]")));
    auto more_rows = original;
    more_rows.insert(static_cast<std::size_t>(count.position(0) + count.length(0)), "1");
    refused(more_rows, changed_content);
    auto broken = original;
    broken[0] = '[';
    refused(broken, "not a well-formed checkpoint");

    // Signed by another key: refused, also when it claims the trusted key.
    auto foreign = dir.path() + "/foreign.json";
    checkpoint(f, stranger, foreign);
    auto foreign_text = read_file(foreign);
    refused(foreign_text, "signed by key " + stranger.public_key + ", which is not a trusted key");
    auto claimed = foreign_text;
    claimed.replace(claimed.find(stranger.public_key), 64, key.public_key);
    refused(claimed, changed_content);

    // Trusted keys from a file (both, as after a key rotation) or the environment.
    auto keys = dir.write("trusted.pub", "# old key, retired\n" + stranger.public_key + "\n" + key.public_key + "  current\n");
    CHECK(verify(f, foreign, keys).exit_code == 0);
    CHECK(verify(f, path, keys).exit_code == 0);
    CHECK(f.cli({ "audit", "verify", "--checkpoint", path }, { { "LEARNLOOP_AUDIT_PUBLIC_KEY", key.public_key } }).exit_code
        == 0);
    // Without a trusted key, or without a signing key, it is a usage error.
    CHECK(f.cli({ "audit", "verify", "--checkpoint", path }).exit_code == 2);
    CHECK(f.cli({ "audit", "checkpoint" }).exit_code == 2);
    CHECK(f.cli({ "audit", "checkpoint", "--key", key.public_path }).exit_code == 2);

    // Checkpoints over time: each verifies; rows deleted after the first are seen by the later one only.
    f.create_assignment(D.teacher, "Between checkpoints", "2030-07-01T09:00:00");
    auto later = dir.path() + "/checkpoint-later.json";
    checkpoint(f, key, later);
    CHECK(verify(f, path, key.public_key).exit_code == 0);
    CHECK(verify(f, later, key.public_key).exit_code == 0);
    auto newest = f.sql_int("SELECT max(id) FROM audit_log WHERE tenant_id = " + str(D.id));
    f.sql("DELETE FROM audit_log WHERE id = " + str(newest));
    CHECK(verify(f, path, key.public_key).exit_code == 0);
    auto result = verify(f, later, key.public_key);
    INFO(result.err << result.out);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.err, Catch::Contains("row " + str(newest) + ", the chain's head at the checkpoint, is gone"));
}
