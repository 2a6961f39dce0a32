// learnloop backup / restore: a round trip through pg_dump's custom format
// into a new database keeps every row and an intact audit log, and the
// server serves the restored database (issue 9, "Backups").
#include "api_client.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace learnloop::test;

TEST_CASE("backup then restore into a new database keeps every row, the audit chain and sign-in", "[cli][backup]")
{
    ApiFixture f("backup_source");
    auto assignment = f.create_assignment(f.demo.teacher, "Poems of the sea – Müller", "2027-02-01T09:00:00");
    f.submit(f.demo.student, assignment, "Дмитрий wrote 王芳's favourite line");

    TempDir dir("backup");
    auto file = dir.path() + "/school.dump";
    auto backup = f.cli({ "backup", file });
    INFO(backup.err << backup.out);
    REQUIRE(backup.exit_code == 0);
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(info.st_size > 0);
    CHECK(::access((file + ".partial").c_str(), F_OK) != 0);

    auto& cluster = PgCluster::instance();
    auto restored = cluster.create_database("backup_restored");
    auto restored_url = cluster.superuser_url(restored);
    auto restore = run_cli({ "restore", file }, restored_url);
    INFO(restore.err << restore.out);
    REQUIRE(restore.exit_code == 0);

    auto verify = run_cli({ "audit", "verify" }, restored_url);
    INFO(verify.err << verify.out);
    CHECK(verify.exit_code == 0);

    pqxx::connection source(f.superuser_url());
    pqxx::connection copy(restored_url);
    for (const char* table : { "tenants", "users", "assignments", "submissions", "audit_log", "auth_sessions" }) {
        INFO(table);
        auto count = [&](pqxx::connection& c) {
            pqxx::work txn(c);
            return txn.exec1(std::string("SELECT count(*) FROM ") + table)[0].as<long>();
        };
        CHECK(count(source) == count(copy));
    }
    {
        pqxx::work txn(copy);
        CHECK(txn.exec1("SELECT content FROM submissions ORDER BY id DESC LIMIT 1")[0].as<std::string>()
            == "Дмитрий wrote 王芳's favourite line");
    }

    // The server starts on the restored database (its migrations are already
    // applied, checksums match) and the demo users sign in with their passwords.
    ServerProcess server(restored);
    ApiClient api(server.port());
    CHECK(api.login(f.demo.teacher.email, k_demo_password).status == 200);

    // A second restore into a database that has tables is refused, and changes nothing.
    auto again = run_cli({ "restore", file }, restored_url);
    CHECK(again.exit_code != 0);
    CHECK(again.err.find("already has tables") != std::string::npos);

    // A missing file is a clear error.
    auto missing = run_cli({ "restore", dir.path() + "/nope.dump" }, cluster.superuser_url(cluster.create_database("backup_missing")));
    CHECK(missing.exit_code != 0);
    CHECK(missing.err.find("cannot read") != std::string::npos);
}
