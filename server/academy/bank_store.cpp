// The exam bank in PostgreSQL (bank_store.hpp).
#include "academy/bank_store.hpp"

#include "academy/question_task.hpp"
#include "audit/audit_log.hpp"
#include "db/sql.hpp"
#include "core/validation.hpp"
#include "platform/crypto.hpp"

#include <set>

namespace learnloop::server {

namespace {

constexpr std::size_t k_longest_code = 100;   // bank_questions.code

std::string bank_name(std::optional<std::int64_t> tenant_id)
{
    return tenant_id ? "tenant " + std::to_string(*tenant_id) : std::string("shared");
}

bool valid_text(const BankQuestion& q)
{
    auto ok = [](const std::string& text) { return is_valid_utf8(text); };
    if (!ok(q.id) || !ok(q.title) || !ok(q.category) || !ok(q.text) || !ok(q.explanation))
        return false;
    for (const auto& list : { &q.tags, &q.hints })
        for (const auto& text : *list)
            if (!ok(text))
                return false;
    for (const auto& c : q.choices)
        if (!ok(c.text) || !ok(c.feedback))
            return false;
    return true;
}

// A question as the bank keeps it: with no title of its own, its id is its
// title (so a Moodle XML export, whose questions always have a name, reads
// back as the same content).
BankQuestion as_kept(BankQuestion q)
{
    if (q.title.empty())
        q.title = q.id;
    q.line = 0;
    return q;
}

// Every question storable and askable before anything is written: UTF-8
// text, an id of 1 to 100 characters used once in the import, a question a
// quiz can ask, and GIFT text that reads back as the same question (ids,
// tags and hints are comment lines: no line breaks, no "]" in ids and tags).
Result<void> check_importable(const std::vector<BankQuestion>& questions)
{
    std::vector<GiftProblem> problems;
    std::set<std::string> ids;
    for (const auto& q : questions) {
        if (!valid_text(q)) {
            problems.push_back({ q.line, "the question is not UTF-8 text: save the file as UTF-8" });
            continue;
        }
        if (q.id.empty() || utf8_length(q.id) > k_longest_code) {
            problems.push_back({ q.line, "an id must have 1 to " + std::to_string(k_longest_code) + " characters" });
            continue;
        }
        if (!ids.insert(q.id).second) {
            problems.push_back({ q.line, "the id " + q.id + " is used twice in this import" });
            continue;
        }
        if (auto task = question_task(q, 0); !task.ok()) {
            problems.push_back({ q.line, task.error().message });
            continue;
        }
        const auto kept = as_kept(q);
        auto back = parse_gift(write_gift({ kept }));
        if (!back.problems.empty() || back.questions.size() != 1 || as_kept(back.questions[0]) != kept)
            problems.push_back({ q.line, "question " + q.id + " would not be kept as written: its id, tags and "
                    "hints must each be one line, and its id and tags cannot hold \"]\"" });
    }
    if (problems.empty())
        return {};
    return make_error(ErrorCode::InvalidArgument, "nothing was imported: " + problems_for_people(problems), "file");
}

// What a search matches: the question and its answers as people read them.
std::string search_text_of(const BankQuestion& q)
{
    std::string text = q.text;
    for (const auto& c : q.choices)
        text += "\n" + c.text;
    return text;
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
    exec_named(txn, "academy/lock_bank", tenant_id);
    BankImportReport report;
    for (const auto& given : questions) {
        const auto q = as_kept(given);
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
            std::max(1, question_difficulty(q)), body, hash, actor, search_text_of(q));
    }
    append_audit(txn,
        { tenant_id, actor, "bank.import", "exam_bank", bank_name(tenant_id), nullptr,
            { { "added", report.added }, { "changed", report.changed }, { "unchanged", report.unchanged } } });
    return report;
}

Result<BankQuestion> stored_question(const pqxx::row& row)
{
    auto read = parse_gift(row["body"].as<std::string>());
    if (!read.problems.empty() || read.questions.size() != 1)
        return make_error(ErrorCode::Internal,
            "bank question " + row["code"].as<std::string>() + " version " + row["version"].as<std::string>()
                + " no longer reads: " + problems_for_people(read.problems));
    return std::move(read.questions[0]);
}

namespace {

Result<StoredBankQuestion> stored_bank_question(const pqxx::row& row)
{
    StoredBankQuestion stored;
    stored.id = row["id"].as<std::int64_t>();
    stored.shared = row["shared"].as<bool>();
    stored.version = row["version"].as<int>();
    stored.question = TRY(stored_question(row));
    return stored;
}

// "50%" in a search is the text "50%": LIKE's wildcards and escape escaped.
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

DrawPool draw_pool(pqxx::transaction_base& txn, std::int64_t tenant_id)
{
    DrawPool pool;
    for (const auto& row : exec_named(txn, "academy/draw_pool", tenant_id)) {
        auto code = row["code"].as<std::string>();
        pool.ids[code] = row["id"].as<std::int64_t>();
        pool.entries.push_back({ std::move(code), row["skill"].as<std::string>(), row["difficulty"].as<int>(),
            row["category"].as<std::string>() });
    }
    return pool;
}

} // namespace learnloop::server
