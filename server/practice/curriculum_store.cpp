// Curriculum loading and seeding.
#include "practice/curriculum_store.hpp"

#include "audit/audit_log.hpp"
#include "db/sql.hpp"
#include "platform/crypto.hpp"
#include "practice/knowledge_tracing.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#ifndef LEARNLOOP_SOURCE_DIR
#    define LEARNLOOP_SOURCE_DIR "."
#endif

namespace learnloop::server {

std::string default_curriculum_dir()
{
    return std::string(LEARNLOOP_SOURCE_DIR) + "/curriculum";
}

Result<std::vector<CurriculumFile>> load_curriculum_dir(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return make_error(ErrorCode::NotFound, "curriculum folder " + dir + " does not exist");
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<CurriculumFile> files;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto json = parse_json(text.str());
        auto file = json.ok() ? decode_curriculum_file(json.value()) : Result<CurriculumFile>(json.error());
        if (!file.ok())
            return make_error(ErrorCode::InvalidArgument, path.filename().string() + ": " + file.error().message,
                file.error().field);
        files.push_back(file.release_value());
    }
    TRY(check_curriculum(files));
    return files;
}

namespace {

// "added", "updated" or "unchanged", from an upsert that returns whether the row was inserted.
void count(const pqxx::result& rows, int& added, int& updated, int& unchanged)
{
    if (rows.empty())
        ++unchanged;   // the hash matched: the conditional update changed nothing
    else if (rows[0]["inserted"].as<bool>())
        ++added;
    else
        ++updated;
}

} // namespace

Result<CurriculumSeedReport> seed_curriculum(pqxx::work& txn, const std::vector<CurriculumFile>& files,
    const std::string& actor)
{
    CurriculumSeedReport report;
    std::vector<std::string> target_codes, template_codes;
    for (const auto& file : files) {
        for (const auto& target : file.targets) {
            Json body = { { "id", target.id }, { "subject", target.subject }, { "strand", target.strand },
                { "title", target.title }, { "description", target.description }, { "bkt", to_json(target.bkt) } };
            auto rows = exec_named(txn, "practice/seed_shared_target", target.id, target.subject, target.strand,
                target.title, target.description, to_json(target.bkt).dump(), sha256_hex(body.dump()));
            count(rows, report.targets_added, report.targets_updated, report.targets_unchanged);
            target_codes.push_back(target.id);
        }
        for (std::size_t i = 0; i < file.templates.size(); ++i) {
            const auto& tmpl = file.templates[i];
            auto body = file.template_json[i].dump();
            auto rows = exec_named(txn, "practice/seed_shared_template", tmpl.id, tmpl.target_id,
                std::string(task_kind_name(tmpl.kind)), tmpl.difficulty, body, sha256_hex(body));
            count(rows, report.templates_added, report.templates_updated, report.templates_unchanged);
            template_codes.push_back(tmpl.id);
        }
    }
    // Items gone from the files are retired, never deleted: answers refer to them.
    auto join = [](const std::vector<std::string>& codes) {
        std::string joined;
        for (const auto& code : codes)
            joined += (joined.empty() ? "" : "\n") + code;
        return joined;
    };
    report.templates_retired = static_cast<int>(
        exec_named(txn, "practice/retire_shared_templates", join(template_codes)).affected_rows());
    report.targets_retired = static_cast<int>(
        exec_named(txn, "practice/retire_shared_targets", join(target_codes)).affected_rows());

    append_audit(txn,
        { std::nullopt, actor, "curriculum.seed", "curriculum", "shared", nullptr,
            { { "targets", { { "added", report.targets_added }, { "updated", report.targets_updated },
                               { "unchanged", report.targets_unchanged }, { "retired", report.targets_retired } } },
                { "templates", { { "added", report.templates_added }, { "updated", report.templates_updated },
                                   { "unchanged", report.templates_unchanged }, { "retired", report.templates_retired } } } } });
    return report;
}

Result<RefitReport> refit_tenant(pqxx::work& txn, std::int64_t tenant_id, int min_answers, const std::string& actor)
{
    // Every answer of the school, each student's in time order, as a response
    // log whose skills are target ids: shared targets and the school's own
    // (whose codes may repeat a shared one's).
    auto rows = exec_named(txn, "practice/school_answer_log", tenant_id);
    std::string tsv = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";
    std::map<std::string, std::string> code_of;   // target id -> code
    for (const auto& row : rows) {
        auto target_id = row["target_id"].as<std::string>();
        tsv += row["student_id"].as<std::string>() + "\t" + row["template_code"].as<std::string>() + "\t0\t"
            + (row["correct"].as<bool>() ? "1" : "0") + "\t" + target_id + "\n";
        code_of[target_id] = row["target_code"].as<std::string>();
    }
    auto log = TRY(parse_response_log(tsv));
    std::vector<int> answers_per_skill(log.skills.size(), 0);
    for (const auto& r : log.responses)
        ++answers_per_skill[r.skill];
    auto fitted = fit_bkt(log);

    RefitReport report;
    report.answers = static_cast<int>(log.responses.size());
    Json summary = Json::object();
    for (std::size_t skill = 0; skill < log.skills.size(); ++skill) {
        if (answers_per_skill[skill] < min_answers) {
            ++report.targets_skipped;
            continue;
        }
        exec_named(txn, "practice/save_school_target_params", tenant_id, log.skills[skill],
            to_json(fitted[skill]).dump(), answers_per_skill[skill]);
        // By code; a school target sharing a shared one's code is told apart by its id.
        auto key = code_of[log.skills[skill]];
        if (summary.contains(key))
            key += " (target " + log.skills[skill] + ")";
        summary[key] = to_json(fitted[skill]);
        ++report.targets_fitted;
    }
    append_audit(txn, { tenant_id, actor, "kt.refit", "tenant_target_params", std::to_string(tenant_id), nullptr,
                          { { "answers", report.answers }, { "fitted", summary }, { "skipped", report.targets_skipped } } });
    return report;
}

} // namespace learnloop::server
