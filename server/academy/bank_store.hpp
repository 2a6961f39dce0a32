// The exam bank in PostgreSQL (migrations/0011): importing questions read
// from GIFT or Aiken files as new versions of the bank's questions, and
// reading a bank's current questions back (for export and quizzes). The
// shared bank has no tenant; each academy's is its own.
#pragma once

#include "academy/gift.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

struct BankImportReport {
    int added = 0;       // codes new to the bank
    int changed = 0;     // a new version of a code whose content differs
    int unchanged = 0;   // the same content as the current version
};

// The bank a CLI --tenant names: none (the shared bank) when `slug` is
// empty; NotFound for no such tenant; InvalidArgument for a tenant that is
// not an academy (only academies have a bank).
[[nodiscard]] Result<std::optional<std::int64_t>> bank_of(pqxx::transaction_base& txn, const std::string& slug);

// Adds `questions` to the bank of `tenant_id` (none: the shared bank): a
// code new to it as version 1; a code whose content (its GIFT text) differs
// from its current version as the next version, the old one superseded and
// kept; the same content is left alone. Every question must be askable in
// a quiz (academy/question_task), else InvalidArgument naming it and its
// line, and nothing is written. One audit row records the counts, on the
// academy's chain or the platform's. The caller commits.
[[nodiscard]] Result<BankImportReport> import_bank_questions(pqxx::transaction_base& txn,
    std::optional<std::int64_t> tenant_id, const std::vector<BankQuestion>& questions, const std::string& actor);

// The current version of every question in a bank, in category and code order.
[[nodiscard]] Result<std::vector<BankQuestion>> current_bank_questions(pqxx::transaction_base& txn,
    std::optional<std::int64_t> tenant_id);

} // namespace learnloop::server
