// Migrations, the operator's CLI and row-level security, against a real
// PostgreSQL 15 cluster: every test case gets its own fresh database.
#include "audit/audit_log.hpp"
#include "db/migrations.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <filesystem>
#include <set>

using namespace learnloop;
using namespace learnloop::server;
using namespace learnloop::test;
namespace fs = std::filesystem;

namespace {

// The advisory lock apply_migrations takes ("LLMIG").
constexpr long long k_migration_lock_key = 0x4c4c4d4947;

bool table_exists(const std::string& url, const std::string& table)
{
    return query(url, "SELECT to_regclass('public." + table + "') IS NOT NULL")[0][0].as<bool>();
}

// A copy of the real migrations/ folder that a test may change.
void copy_migrations_to(const TempDir& dir)
{
    for (const auto& entry : fs::directory_iterator(migrations_dir()))
        fs::copy_file(entry.path(), fs::path(dir.path()) / entry.path().filename());
}

Result<MigrationReport> migrate(const std::string& url, const std::string& dir)
{
    auto migrations = load_migrations(dir);
    REQUIRE(migrations.ok());
    pqxx::connection connection(url);
    return apply_migrations(connection, migrations.value());
}

std::string applied_file_names(const std::string& url)
{
    std::string names;
    for (const auto& row : query(url, "SELECT file_name FROM schema_migrations ORDER BY version"))
        names += (names.empty() ? "" : ",") + row[0].as<std::string>();
    return names;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The repository's own migrations, comma-joined in order ("0001_init.sql,0002_...").
// Test-made migrations use numbers from 9001 so they sort after them.
std::vector<std::string> real_migration_names()
{
    std::vector<std::string> names;
    auto files = load_migrations(migrations_dir());   // kept alive for the loop
    for (const auto& file : files.value())
        names.push_back(file.file_name);
    return names;
}

std::string real_names(const std::string& extra = {})
{
    std::string joined;
    for (const auto& name : real_migration_names())
        joined += (joined.empty() ? "" : ",") + name;
    return extra.empty() ? joined : joined + "," + extra;
}

} // namespace

TEST_CASE("migrations apply from zero on an empty database and record each file's checksum", "[migrations]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("from_zero"));

    auto files = load_migrations(migrations_dir());
    REQUIRE(files.ok());
    REQUIRE_FALSE(files.value().empty());
    CHECK(files.value().front().file_name == "0001_init.sql");
    CHECK(files.value().front().version == 1);

    pqxx::connection connection(url);
    auto report = apply_migrations(connection, files.value());
    REQUIRE(report.ok());
    CHECK(report.value().applied.size() == files.value().size());
    CHECK(report.value().applied.front() == "0001_init.sql");
    CHECK(report.value().already_applied == 0);

    auto recorded = query(url, "SELECT version, file_name, checksum FROM schema_migrations WHERE version = 1");
    REQUIRE(recorded.size() == 1);
    CHECK(recorded[0][1].as<std::string>() == "0001_init.sql");
    auto checksum = recorded[0][2].as<std::string>();
    CHECK(checksum == files.value().front().checksum);
    CHECK(checksum.size() == 64);
    CHECK(checksum.find_first_not_of("0123456789abcdef") == std::string::npos);

    for (const char* table : { "tenants", "users", "audit_log" }) {
        INFO("table " << table);
        auto owner = query(url, std::string("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = '")
                + table + "'");
        REQUIRE(owner.size() == 1);
        CHECK(owner[0][0].as<std::string>() == "learnloop_owner");
        // Row-level security is on and applies to the owner too.
        auto rls = query(url, std::string("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'public.")
                + table + "'::regclass");
        CHECK(rls[0][0].as<bool>());
        CHECK(rls[0][1].as<bool>());
    }

    // The application role may log in but neither bypasses RLS nor is a superuser.
    auto app_role = query(url, "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'learnloop_app'");
    REQUIRE(app_role.size() == 1);
    CHECK(app_role[0][0].as<bool>());
    CHECK_FALSE(app_role[0][1].as<bool>());
    CHECK_FALSE(app_role[0][2].as<bool>());
}

TEST_CASE("every table of a tenant's rows is under forced row-level security with the application role's policy",
    "[migrations][rls]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("rls_everywhere"));
    REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
    // Found by their tenant_id column, so a table a later migration adds is
    // checked without an edit here.
    auto tables = query(url, R"(
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
               EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                       AND 'learnloop_app'::regrole = ANY (p.polroles))
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind = 'r'
        ORDER BY c.relname)");
    std::set<std::string> names;
    for (const auto& row : tables) {
        auto name = row[0].as<std::string>();
        INFO("table " << name);
        names.insert(name);
        CHECK(row[1].as<bool>());
        CHECK(row[2].as<bool>());
        CHECK(row[3].as<bool>());
    }
    for (const char* table : { "users", "assignments", "mastery_states", "session_series", "session_occurrences",
             "invoices", "invoice_lines", "payments", "payment_allocations", "rates", "messages", "calendar_feeds",
             "tutoring_settings" }) {
        INFO("table " << table);
        CHECK(names.count(table) == 1);
    }
}

TEST_CASE("a tutoring row cannot point at another tenant's people or series", "[migrations][rls]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("tutoring_tenants"));
    REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
    REQUIRE(run_cli({ "seed", "demo", "--minimal", "yes" }, url).exit_code == 0);
    REQUIRE(run_cli({ "create-tenant", "--slug", "other-tutors", "--name", "Other Tutors" }, url).exit_code == 0);
    auto demo = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'demo'"));
    auto other = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'other-tutors'"));
    auto teacher = std::to_string(query_int(url, "SELECT id FROM users WHERE email = 'teacher@demo.learnloop.test'"));
    auto student = std::to_string(query_int(url, "SELECT id FROM users WHERE email = 'student@demo.learnloop.test'"));
    auto stranger = std::to_string(query_int(url, "INSERT INTO users (tenant_id, email, name, role, password_hash) "
                                                  "VALUES (" + other + ", 'tutor@other.test', 'Other Tutor', 'teacher', 'x') RETURNING id"));
    auto series = [&](const std::string& tenant, const std::string& tutor) {
        return "INSERT INTO session_series (tenant_id, tutor_id, student_id, subject, dtstart, duration_minutes, rrule) "
               "VALUES (" + tenant + ", " + tutor + ", " + student + ", 'Maths', '2026-12-07 16:00', 60, "
               "'FREQ=WEEKLY;BYDAY=MO') RETURNING id";
    };
    auto own = std::to_string(query_int(url, series(demo, teacher)));
    // Another tenant's tutor, or the student under another tenant: refused by the keys.
    CHECK_THROWS_AS(query(url, series(demo, stranger)), pqxx::foreign_key_violation);
    CHECK_THROWS_AS(query(url, series(other, stranger)), pqxx::foreign_key_violation);
    // An occurrence of the demo's series filed under the other tenant.
    CHECK_THROWS_AS(query(url, "INSERT INTO session_occurrences (tenant_id, series_id, recurrence_id) VALUES (" + other
                              + ", " + own + ", '2026-12-14 16:00')"),
        pqxx::foreign_key_violation);
    // An invoice's total is its subtotal plus tax, and a number comes with issuing.
    CHECK_THROWS_AS(query(url, "INSERT INTO invoices (tenant_id, family_id, period_from, period_to, currency, "
                              "subtotal_minor, tax_basis_points, tax_minor, total_minor) VALUES (" + demo + ", " + student
                              + ", '2026-12-01', '2026-12-31', 'GBP', 1000, 2000, 200, 1100)"),
        pqxx::check_violation);
    CHECK(query(url, "INSERT INTO invoices (tenant_id, family_id, period_from, period_to, currency, subtotal_minor, "
                     "tax_basis_points, tax_minor, total_minor) VALUES (" + demo + ", " + student
                     + ", '2026-12-01', '2026-12-31', 'GBP', 1000, 2000, 200, 1200) RETURNING id").size() == 1);
}

TEST_CASE("re-applying migrations applies nothing and changes no record", "[migrations]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("rerun"));

    auto first = migrate(url, migrations_dir());
    REQUIRE(first.ok());
    REQUIRE_FALSE(first.value().applied.empty());
    auto applied_at = query(url, "SELECT applied_at::text FROM schema_migrations WHERE version = 1")[0][0].as<std::string>();

    auto second = migrate(url, migrations_dir());
    REQUIRE(second.ok());
    CHECK(second.value().applied.empty());
    CHECK(second.value().already_applied == first.value().applied.size());
    CHECK(query_int(url, "SELECT count(*) FROM schema_migrations") == static_cast<std::int64_t>(first.value().applied.size()));
    CHECK(query(url, "SELECT applied_at::text FROM schema_migrations WHERE version = 1")[0][0].as<std::string>() == applied_at);
}

TEST_CASE("a migration changed after it was applied is refused and nothing new is applied", "[migrations]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("tampered"));
    TempDir dir("migrations");
    copy_migrations_to(dir);
    REQUIRE(migrate(url, dir.path()).ok());
    auto checksum_before = query(url, "SELECT checksum FROM schema_migrations WHERE version = 1")[0][0].as<std::string>();

    // Change the applied file's text and add a new migration beside it.
    auto init_path = dir.path() + "/0001_init.sql";
    write_file(init_path, read_file(init_path) + "\n-- an innocent-looking edit\n");
    dir.write("9001_probe.sql", "CREATE TABLE tamper_probe (id integer);\n");

    auto result = migrate(url, dir.path());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::FailedPrecondition);
    CHECK(contains(result.error().message, "0001_init.sql"));
    CHECK(contains(result.error().message, "changed"));
    CHECK(contains(result.error().message, checksum_before.substr(0, 12)));

    CHECK_FALSE(table_exists(url, "tamper_probe"));
    CHECK(applied_file_names(url) == real_names());
    CHECK(query(url, "SELECT checksum FROM schema_migrations WHERE version = 1")[0][0].as<std::string>() == checksum_before);
}

TEST_CASE("a migration recorded in the database but missing from the folder is refused", "[migrations]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("missing"));
    TempDir dir("migrations");
    copy_migrations_to(dir);
    auto extra = dir.write("9002_extra.sql", "CREATE TABLE extra_things (id integer);\n");
    auto first = migrate(url, dir.path());
    REQUIRE(first.ok());
    auto expected = real_migration_names();
    expected.push_back("9002_extra.sql");
    CHECK(first.value().applied == expected);

    fs::remove(extra);
    dir.write("9003_later.sql", "CREATE TABLE later_things (id integer);\n");
    auto result = migrate(url, dir.path());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::FailedPrecondition);
    CHECK(contains(result.error().message, "9002_extra.sql"));
    CHECK(contains(result.error().message, "not in the migrations folder"));
    CHECK_FALSE(table_exists(url, "later_things"));
    CHECK(applied_file_names(url) == real_names("9002_extra.sql"));
}

TEST_CASE("a failing migration rolls back completely, is not recorded and releases the migration lock", "[migrations]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("failing"));
    TempDir dir("migrations");
    copy_migrations_to(dir);
    dir.write("9002_broken.sql",
        "CREATE TABLE half_done (id integer);\n"
        "INSERT INTO half_done VALUES (1);\n"
        "SELECT no_such_column FROM no_such_table;\n");

    auto result = migrate(url, dir.path());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::FailedPrecondition);
    CHECK(contains(result.error().message, "9002_broken.sql"));
    CHECK(contains(result.error().message, "rolled back"));

    // The migration before it committed; nothing of the broken one survived.
    CHECK(applied_file_names(url) == real_names());
    CHECK_FALSE(table_exists(url, "half_done"));

    // Another session can take the migration lock: the failure released it.
    pqxx::connection other(url);
    pqxx::nontransaction txn(other);
    CHECK(txn.exec1("SELECT pg_try_advisory_lock(" + std::to_string(k_migration_lock_key) + ")")[0].as<bool>());
    txn.exec("SELECT pg_advisory_unlock(" + std::to_string(k_migration_lock_key) + ")");

    // Once fixed, the migration applies.
    dir.write("9002_broken.sql", "CREATE TABLE half_done (id integer);\nINSERT INTO half_done VALUES (1);\n");
    auto fixed = migrate(url, dir.path());
    REQUIRE(fixed.ok());
    CHECK(fixed.value().applied == std::vector<std::string> { "9002_broken.sql" });
    CHECK(query_int(url, "SELECT count(*) FROM half_done") == 1);
}

TEST_CASE("load_migrations rejects malformed file names and repeated numbers", "[migrations]")
{
    for (const char* bad : { "init.sql", "0001init.sql", "_init.sql", "abc_init.sql", "0000_zero.sql", "-1_negative.sql",
             "1a_mixed.sql", " 2_space.sql" }) {
        INFO("file name \"" << bad << "\"");
        TempDir dir("migrations");
        dir.write("0001_init.sql", "SELECT 1;\n");
        dir.write(bad, "SELECT 1;\n");
        auto result = load_migrations(dir.path());
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidArgument);
        CHECK(contains(result.error().message, bad));
    }

    TempDir repeated("migrations");
    repeated.write("0001_a.sql", "SELECT 1;\n");
    repeated.write("1_b.sql", "SELECT 2;\n");
    auto result = load_migrations(repeated.path());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::InvalidArgument);
    CHECK(contains(result.error().message, "share a number"));

    auto missing = load_migrations("/tmp/learnloop-no-such-folder-for-migrations");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("load_migrations sorts by number, ignores non-SQL files and checksums the bytes", "[migrations]")
{
    TempDir dir("migrations");
    dir.write("10_ten.sql", "SELECT 10;\n");
    dir.write("9_nine.sql", "SELECT 9;\n");
    dir.write("0001_one.sql", "SELECT 1;\n");
    dir.write("README.md", "not a migration");
    dir.write("0002_draft.sql.bak", "not a migration either");
    auto result = load_migrations(dir.path());
    REQUIRE(result.ok());
    const auto& files = result.value();
    REQUIRE(files.size() == 3);
    CHECK(files[0].version == 1);
    CHECK(files[1].version == 9);
    CHECK(files[2].version == 10);
    CHECK(files[2].file_name == "10_ten.sql");
    CHECK(files[2].sql == "SELECT 10;\n");
    CHECK(files[0].checksum != files[1].checksum);
    // SHA-256 of "SELECT 1;\n".
    CHECK(files[0].checksum == "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
}

TEST_CASE("the learnloop migrate command applies from zero and a second run applies nothing", "[migrations][cli]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("cli_migrate"));

    auto first = run_cli({ "migrate" }, url);
    INFO("stdout: " << first.out << "\nstderr: " << first.err);
    CHECK(first.exit_code == 0);
    CHECK(contains(first.out, "applied 0001_init.sql"));
    CHECK(contains(first.out, std::to_string(real_migration_names().size()) + " applied now, 0 already applied"));

    auto second = run_cli({ "migrate" }, url);
    INFO("second stdout: " << second.out << "\nsecond stderr: " << second.err);
    CHECK(second.exit_code == 0);
    CHECK(contains(second.out, "0 applied now"));
    CHECK_FALSE(contains(second.out, "applied 0001_init.sql"));
    CHECK(applied_file_names(url) == real_names());

    // A tampered folder makes the command fail with the reason on stderr.
    TempDir dir("migrations");
    copy_migrations_to(dir);
    write_file(dir.path() + "/0001_init.sql", read_file(dir.path() + "/0001_init.sql") + "-- edit\n");
    auto tampered = run_cli({ "migrate", "--migrations-dir", dir.path() }, url);
    CHECK(tampered.exit_code == 1);
    CHECK(contains(tampered.err, "0001_init.sql"));
    CHECK(contains(tampered.err, "changed"));
}

TEST_CASE("row-level security shows the application role only its transaction's tenant", "[migrations][rls]")
{
    auto& cluster = PgCluster::instance();
    auto database = cluster.create_database("rls");
    auto url = cluster.superuser_url(database);
    REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
    auto seed = run_cli({ "seed", "demo", "--minimal", "yes" }, url);   // four users, counted below
    INFO("seed stderr: " << seed.err);
    REQUIRE(seed.exit_code == 0);
    auto other = run_cli({ "create-tenant", "--slug", "other-school", "--name", "Other School" }, url);
    INFO("create-tenant stderr: " << other.err);
    REQUIRE(other.exit_code == 0);

    auto demo_id = query_int(url, "SELECT id FROM tenants WHERE slug = 'demo'");
    auto other_id = query_int(url, "SELECT id FROM tenants WHERE slug = 'other-school'");
    REQUIRE(query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + std::to_string(demo_id)) == 4);

    pqxx::connection app(cluster.app_url(database));
    {
        pqxx::nontransaction txn(app);
        CHECK(txn.exec1("SELECT current_user")[0].as<std::string>() == "learnloop_app");
    }

    {
        INFO("without app.tenant_id nothing is visible");
        pqxx::work txn(app);
        CHECK(txn.exec1("SELECT count(*) FROM users")[0].as<int>() == 0);
        CHECK(txn.exec1("SELECT count(*) FROM tenants")[0].as<int>() == 0);
        CHECK(txn.exec1("SELECT count(*) FROM audit_log")[0].as<int>() == 0);
    }

    {
        INFO("SET LOCAL app.tenant_id shows that tenant's rows, and only inside the transaction");
        {
            pqxx::work txn(app);
            txn.exec("SET LOCAL app.tenant_id = '" + std::to_string(demo_id) + "'");
            CHECK(txn.exec1("SELECT count(*) FROM users")[0].as<int>() == 4);
            auto tenants = txn.exec("SELECT slug FROM tenants");
            REQUIRE(tenants.size() == 1);
            CHECK(tenants[0][0].as<std::string>() == "demo");
            // tenant.create, four user.create and demo.seed
            CHECK(txn.exec1("SELECT count(*) FROM audit_log")[0].as<int>() == 6);
            txn.commit();
        }
        pqxx::work next(app);
        CHECK(next.exec1("SELECT count(*) FROM users")[0].as<int>() == 0);
    }

    {
        INFO("another tenant sees none of demo's users and cannot write into demo");
        pqxx::work txn(app);
        txn.exec("SET LOCAL app.tenant_id = '" + std::to_string(other_id) + "'");
        CHECK(txn.exec1("SELECT count(*) FROM users")[0].as<int>() == 0);
        CHECK(txn.exec1("SELECT count(*) FROM users WHERE tenant_id = " + std::to_string(demo_id))[0].as<int>() == 0);
        CHECK(txn.exec1("SELECT count(*) FROM users WHERE email = 'admin@demo.learnloop.test'")[0].as<int>() == 0);
        auto tenants = txn.exec("SELECT slug FROM tenants");
        REQUIRE(tenants.size() == 1);
        CHECK(tenants[0][0].as<std::string>() == "other-school");
        // UPDATE of rows it cannot see changes nothing.
        CHECK(txn.exec0("UPDATE users SET name = 'Hijacked' WHERE tenant_id = " + std::to_string(demo_id)).affected_rows() == 0);
        try {
            txn.exec("INSERT INTO users (tenant_id, email, name, role, password_hash) VALUES ("
                + std::to_string(demo_id) + ", 'intruder@example.com', 'Intruder', 'admin', 'x')");
            FAIL("inserting into another tenant succeeded");
        } catch (const pqxx::insufficient_privilege& e) {   // SQLSTATE 42501
            CHECK(contains(e.what(), "row-level security"));
        }
    }

    {
        INFO("the audit log is append-only for the application role");
        for (const char* statement : { "UPDATE audit_log SET action = 'x' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2" }) {
            INFO(statement);
            pqxx::work txn(app);
            txn.exec("SET LOCAL app.tenant_id = '" + std::to_string(demo_id) + "'");
            try {
                txn.exec(statement);
                FAIL("learnloop_app changed the audit log");
            } catch (const pqxx::insufficient_privilege& e) {   // SQLSTATE 42501
                CHECK(contains(e.what(), "permission denied for table audit_log"));
            }
        }
        CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'x'") == 0);
    }
    CHECK(query_int(url, "SELECT count(*) FROM users WHERE name = 'Hijacked' OR email = 'intruder@example.com'") == 0);
}

TEST_CASE("learnloop audit verify accepts an intact chain and names the first tampered row", "[migrations][cli][audit]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("audit"));
    REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
    REQUIRE(run_cli({ "seed", "demo", "--minimal", "yes" }, url).exit_code == 0);
    // Seeding is idempotent: a second run adds no users and no audit rows.
    // The school's tenant.create, four user.create and demo.seed, the
    // tutoring business's tenant.create, six user.create and demo.seed, and
    // the academy's tenant.create, five user.create and bank.import.
    REQUIRE(run_cli({ "seed", "demo", "--minimal", "yes" }, url).exit_code == 0);
    CHECK(query_int(url, "SELECT count(*) FROM audit_log") == 21);

    auto intact = run_cli({ "audit", "verify" }, url);
    INFO("stdout: " << intact.out << "\nstderr: " << intact.err);
    CHECK(intact.exit_code == 0);
    CHECK(contains(intact.out, "21 rows checked"));

    // The audit rows record who was created, never a password hash.
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE after::text LIKE '%argon2%'") == 0);

    query(url, "UPDATE audit_log SET action = 'x' WHERE id = 2");
    auto tampered = run_cli({ "audit", "verify" }, url);
    INFO("tampered stdout: " << tampered.out << "\ntampered stderr: " << tampered.err);
    CHECK(tampered.exit_code != 0);
    CHECK(contains(tampered.err, "audit row 2"));
    CHECK_FALSE(contains(tampered.out, "intact"));
}
