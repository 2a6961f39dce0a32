// Catch2 entry point for the server tests. They run against real components: a
// private PostgreSQL 15 cluster (started on first use, stopped at exit) and the
// real learnloop-server and learnloop binaries as child processes.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char** argv)
{
    // A server that closes a connection mid-request must fail a check, not kill
    // the test binary.
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}
