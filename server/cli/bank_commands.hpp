// The exam bank's commands (learnloop bank import / export, seed bank): files
// in, files out; the bank itself is academy/bank_store's.
#pragma once

#include "core/result.hpp"

#include <pqxx/pqxx>

#include <string>

namespace learnloop::server {

struct BankCommand {
    std::string format;   // gift, aiken (import only) or moodle-xml
    std::string file;     // import: the file to read
    std::string tenant;   // an academy's slug; empty: the shared bank
    std::string out;      // export: a file to write; empty: standard output
};

// Reads a GIFT, Aiken or Moodle XML file and imports every question in one transaction,
// or none: problems are named by line. Prints the counts.
[[nodiscard]] Result<void> bank_import(pqxx::connection& connection, const BankCommand& command);
// Writes a bank's current questions as GIFT or Moodle XML.
[[nodiscard]] Result<void> bank_export(pqxx::connection& connection, const BankCommand& command);
// Imports every .gift file below `dir` (sorted by path) into the shared bank
// in one transaction: the repository's exam-bank/ by default.
[[nodiscard]] Result<void> seed_bank(pqxx::connection& connection, const std::string& dir);
[[nodiscard]] std::string default_exam_bank_dir();

} // namespace learnloop::server
