// The exam bank in PostgreSQL (migrations/0011): importing questions read
// from GIFT or Aiken files as new versions of the bank's questions, and
// reading a bank's current questions back (for export and quizzes). The
// shared bank has no tenant; each academy's is its own.
#pragma once

#include "academy/gift.hpp"
#include "academy/quiz.hpp"
#include "core/result.hpp"
#include "db/sql.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
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
// kept; the same content is left alone. A question with no title takes its
// id as title. Every question must be UTF-8, have an id of 1 to 100
// characters used once in the import, be askable in a quiz
// (academy/question_task) and read back from its GIFT text as written, else
// InvalidArgument naming each problem's line, and nothing is written. Imports
// of one bank take turns (an advisory lock). One audit row records the
// counts, on the academy's chain or the platform's. The caller commits.
[[nodiscard]] Result<BankImportReport> import_bank_questions(pqxx::transaction_base& txn,
    std::optional<std::int64_t> tenant_id, const std::vector<BankQuestion>& questions, const std::string& actor);

// A stored question as a bank screen lists it.
struct StoredBankQuestion {
    std::int64_t id = 0;
    bool shared = false;       // the platform's shared bank, else the academy's own
    int version = 1;
    bool current = true;       // not superseded by a later version
    std::int64_t versions = 1; // how many versions its code has (bank_question only)
    BankQuestion question;     // read back from its GIFT text
};

struct BankSearch {
    std::optional<std::string> skill, kind, words;
    std::optional<int> difficulty;
};

// One page of the current questions the caller's tenant can draw on (the
// shared bank and its own, by row-level security), filtered.
[[nodiscard]] Result<PageOf<StoredBankQuestion>> search_bank(pqxx::transaction_base& txn, const BankSearch& search,
    const Page& page);
// One question by id, any version, if the caller's tenant can see it.
[[nodiscard]] Result<std::optional<StoredBankQuestion>> find_bank_question(pqxx::transaction_base& txn, std::int64_t id);

// The current questions an academy draws its quizzes from, one per code
// (its own question hides a shared one of the same code), with the row id
// of each code's current version.
struct DrawPool {
    std::vector<BankEntry> entries;
    std::map<std::string, std::int64_t> ids;
};
[[nodiscard]] DrawPool draw_pool(pqxx::transaction_base& txn, std::int64_t tenant_id);

// The question stored in a row's "body" (its GIFT text; "code" and
// "version" name it in the error): a body that no longer reads is the
// server's fault (Internal).
[[nodiscard]] Result<BankQuestion> stored_question(const pqxx::row& row);

// The current version of every question in a bank, in category and code order.
[[nodiscard]] Result<std::vector<BankQuestion>> current_bank_questions(pqxx::transaction_base& txn,
    std::optional<std::int64_t> tenant_id);

} // namespace learnloop::server
