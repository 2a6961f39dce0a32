// The exam bank in PostgreSQL (bank_store.hpp).
#include "academy/bank_store.hpp"

#include "academy/question_task.hpp"
#include "audit/audit_log.hpp"
#include "db/sql.hpp"
#include "platform/crypto.hpp"

namespace learnloop::server {

namespace {

constexpr std::size_t k_longest_code = 100;   // bank_questions.code

std::string bank_name(std::optional<std::int64_t> tenant_id)
{
    return tenant_id ? "tenant " + std::to_string(*tenant_id) : std::string("shared");
}

// Every question askable before anything is written.
Result<void> check_importable(const std::vector<BankQuestion>& questions)
{
    std::vector<GiftProblem> problems;
    for (const auto& q : questions) {
        if (q.id.empty() || q.id.size() > k_longest_code)
            problems.push_back({ q.line, "an id must have 1 to " + std::to_string(k_longest_code) + " characters" });
        else if (auto task = question_task(q, 0); !task.ok())
            problems.push_back({ q.line, task.error().message });
    }
    if (problems.empty())
        return {};
    return make_error(ErrorCode::InvalidArgument, "nothing was imported: " + problems_for_people(problems), "file");
}

} // namespace

Result<std::optional<std::int64_t>> bank_of(pqxx::transaction_base& txn, const std::string& slug)
{
    if (slug.empty())
        return std::optional<std::int64_t> {};
    auto rows = exec_named(txn, "academy/tenant_kind", slug);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, "no tenant with slug \"" + slug + "\"", "tenant");
    if (rows[0]["kind"].as<std::string>() != "academy")
        return make_error(ErrorCode::InvalidArgument,
            "\"" + slug + "\" is a " + rows[0]["kind"].as<std::string>() + ": only academies have an exam bank",
            "tenant");
    return std::optional<std::int64_t>(rows[0]["id"].as<std::int64_t>());
}

Result<BankImportReport> import_bank_questions(pqxx::transaction_base& txn, std::optional<std::int64_t> tenant_id,
    const std::vector<BankQuestion>& questions, const std::string& actor)
{
    TRY(check_importable(questions));
    BankImportReport report;
    for (const auto& q : questions) {
        const auto body = write_gift({ q });
        const auto hash = sha256_hex(body);
        auto current = exec_named(txn, "academy/current_bank_question", tenant_id, q.id);
        int version = 1;
        if (!current.empty()) {
            if (current[0]["content_hash"].as<std::string>() == hash) {
                ++report.unchanged;
                continue;
            }
            version = current[0]["version"].as<int>() + 1;
            exec_named(txn, "academy/supersede_bank_question", tenant_id, q.id);
            ++report.changed;
        } else {
            ++report.added;
        }
        exec_named(txn, "academy/insert_bank_question", tenant_id, q.id, version,
            std::string(bank_question_kind_name(q.kind)), q.category, question_skill(q),
            std::max(1, question_difficulty(q)), body, hash, actor);
    }
    append_audit(txn,
        { tenant_id, actor, "bank.import", "exam_bank", bank_name(tenant_id), nullptr,
            { { "added", report.added }, { "changed", report.changed }, { "unchanged", report.unchanged } } });
    return report;
}

namespace {

// A stored body read back; a body that no longer reads is the server's fault.
Result<BankQuestion> stored_question(const pqxx::row& row)
{
    auto read = parse_gift(row["body"].as<std::string>());
    if (!read.problems.empty() || read.questions.size() != 1)
        return make_error(ErrorCode::Internal,
            "bank question " + row["code"].as<std::string>() + " version " + row["version"].as<std::string>()
                + " no longer reads: " + problems_for_people(read.problems));
    return std::move(read.questions[0]);
}

Result<StoredBankQuestion> stored_bank_question(const pqxx::row& row)
{
    StoredBankQuestion stored;
    stored.id = row["id"].as<std::int64_t>();
    stored.shared = row["shared"].as<bool>();
    stored.version = row["version"].as<int>();
    stored.question = TRY(stored_question(row));
    return stored;
}

// "50%" in a search is the text "50%": LIKE's wildcards escaped.
std::string like_literal(const std::string& words)
{
    std::string out;
    for (char c : words) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

Result<PageOf<StoredBankQuestion>> search_bank(pqxx::transaction_base& txn, const BankSearch& search, const Page& page)
{
    std::optional<std::string> words;
    if (search.words)
        words = like_literal(*search.words);
    auto rows = exec_page(txn, "academy/search_bank", page, search.skill, search.difficulty, search.kind, words);
    PageOf<StoredBankQuestion> result { {}, rows.total };
    for (const auto& row : rows.rows)
        result.items.push_back(TRY(stored_bank_question(row)));
    return result;
}

Result<std::optional<StoredBankQuestion>> find_bank_question(pqxx::transaction_base& txn, std::int64_t id)
{
    auto rows = exec_named(txn, "academy/bank_question", id);
    if (rows.empty())
        return std::optional<StoredBankQuestion> {};
    auto stored = TRY(stored_bank_question(rows[0]));
    stored.current = rows[0]["current"].as<bool>();
    stored.versions = rows[0]["versions"].as<std::int64_t>();
    return std::optional<StoredBankQuestion>(std::move(stored));
}

Result<std::vector<BankQuestion>> current_bank_questions(pqxx::transaction_base& txn,
    std::optional<std::int64_t> tenant_id)
{
    std::vector<BankQuestion> questions;
    for (const auto& row : exec_named(txn, "academy/current_bank", tenant_id))
        questions.push_back(TRY(stored_question(row)));
    return questions;
}

} // namespace learnloop::server
