// The exam bank's commands (bank_commands.hpp).
#include "cli/bank_commands.hpp"

#include "academy/aiken.hpp"
#include "academy/bank_store.hpp"
#include "academy/gift.hpp"
#include "academy/moodle_xml.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace learnloop::server {

namespace {

Result<std::string> read_file_text(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(ErrorCode::NotFound, "cannot read " + path, "file");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Problems of one file as one error: "FILE: line 12: ...; line 40: ...".
Result<std::vector<BankQuestion>> questions_or_problems(const std::string& name, GiftParse read)
{
    if (read.problems.empty())
        return std::move(read.questions);
    return make_error(ErrorCode::InvalidArgument,
        name + ": nothing was imported: " + problems_for_people(read.problems), "file");
}

void print_report(const char* bank, std::size_t read, const BankImportReport& report)
{
    std::printf("%s bank: %zu questions read: %d added, %d changed (a new version each), %d unchanged\n", bank, read,
        report.added, report.changed, report.unchanged);
}

} // namespace

std::string default_exam_bank_dir()
{
    return std::string(LEARNLOOP_SOURCE_DIR) + "/exam-bank";
}

Result<void> bank_import(pqxx::connection& connection, const BankCommand& command)
{
    if (command.format != "gift" && command.format != "aiken" && command.format != "moodle-xml")
        return make_error(ErrorCode::InvalidArgument, "bank import needs --format gift, aiken or moodle-xml", "format");
    if (command.file.empty())
        return make_error(ErrorCode::InvalidArgument, "bank import needs the FILE to read", "file");
    const auto text = TRY(read_file_text(command.file));
    auto questions = TRY(questions_or_problems(command.file,
        command.format == "gift" ? parse_gift(text) : command.format == "aiken" ? parse_aiken(text) : parse_moodle_xml(text)));
    if (questions.empty())
        return make_error(ErrorCode::InvalidArgument, command.file + " has no questions", "file");
    pqxx::work txn(connection);
    auto tenant_id = TRY(bank_of(txn, command.tenant));
    auto report = TRY(import_bank_questions(txn, tenant_id, questions, "cli"));
    txn.commit();
    print_report(tenant_id ? "the academy's" : "the shared", questions.size(), report);
    return {};
}

Result<void> bank_export(pqxx::connection& connection, const BankCommand& command)
{
    if (command.format != "gift" && command.format != "moodle-xml")
        return make_error(ErrorCode::InvalidArgument, "bank export needs --format gift or moodle-xml", "format");
    pqxx::read_transaction txn(connection);
    auto tenant_id = TRY(bank_of(txn, command.tenant));
    const auto questions = TRY(current_bank_questions(txn, tenant_id));
    const auto text = command.format == "gift" ? write_gift(questions) : write_moodle_xml(questions);
    if (command.out.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return {};
    }
    std::ofstream out(command.out, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush())
        return make_error(ErrorCode::Internal, "cannot write " + command.out, "out");
    return {};
}

Result<void> seed_bank(pqxx::connection& connection, const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> paths;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".gift")
            paths.push_back(it->path());
    if (ec || paths.empty())
        return make_error(ErrorCode::NotFound, "no .gift files under " + dir, "dir");
    std::sort(paths.begin(), paths.end());
    std::vector<BankQuestion> all;
    for (const auto& path : paths) {
        auto questions = TRY(questions_or_problems(path.string(), parse_gift(TRY(read_file_text(path.string())))));
        all.insert(all.end(), std::make_move_iterator(questions.begin()), std::make_move_iterator(questions.end()));
    }
    pqxx::work txn(connection);
    auto report = TRY(import_bank_questions(txn, std::nullopt, all, "cli"));
    txn.commit();
    print_report("the shared", all.size(), report);
    return {};
}

} // namespace learnloop::server
