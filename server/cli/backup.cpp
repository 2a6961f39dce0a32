// learnloop backup / restore through Debian's pg_dump and pg_restore (the
// postgresql-client package), run directly (no shell), so file names and
// connection strings are passed as they are.
#include "cli/backup.hpp"

#include "db/sql.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace learnloop::server {

namespace {

// Runs `argv` and waits; its standard error goes to ours.
Result<void> run(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0)
        return make_error(ErrorCode::Internal, std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
    if (pid == 0) {
        execvp(args[0], args.data());
        std::fprintf(stderr, "learnloop: cannot run %s: %s (install postgresql-client)\n", args[0], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return make_error(ErrorCode::FailedPrecondition, argv[0] + " failed (exit " +
            std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "); see its message above");
    return {};
}

} // namespace

Result<void> backup_database(const std::string& url, const std::string& file)
{
    if (file.empty())
        return make_error(ErrorCode::InvalidArgument, "usage: learnloop backup FILE");
    auto partial = file + ".partial";
    // Created 0600 first: a backup holds every school's data.
    int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return make_error(ErrorCode::FailedPrecondition, "cannot write " + partial + ": " + std::strerror(errno));
    ::close(fd);
    auto dumped = run({ "pg_dump", "--format=custom", "--compress=6", "--file=" + partial, "--dbname=" + url });
    if (!dumped.ok()) {
        ::unlink(partial.c_str());
        return dumped;
    }
    if (::rename(partial.c_str(), file.c_str()) != 0)
        return make_error(ErrorCode::FailedPrecondition, "cannot rename " + partial + ": " + std::strerror(errno));
    return {};
}

Result<void> restore_database(pqxx::connection& connection, const std::string& url, const std::string& file)
{
    if (file.empty())
        return make_error(ErrorCode::InvalidArgument, "usage: learnloop restore FILE");
    if (::access(file.c_str(), R_OK) != 0)
        return make_error(ErrorCode::NotFound, "cannot read " + file + ": " + std::strerror(errno));
    {
        pqxx::work txn(connection);
        if (exec_named(txn, "cli/database_table_count")[0]["tables"].as<long>() > 0)
            return make_error(ErrorCode::FailedPrecondition,
                "the database already has tables; restore into a new, empty database (createdb NAME)");
        txn.exec(expand_sql("cli/_ensure_roles"));
        txn.commit();
    }
    return run({ "pg_restore", "--exit-on-error", "--single-transaction", "--dbname=" + url, file });
}

} // namespace learnloop::server
