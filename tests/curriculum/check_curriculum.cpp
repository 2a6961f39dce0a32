// Checks every curriculum file: each decodes, ids are unique, and every
// template renders for many seeds with its own answer grading correct and
// every distractor incorrect. Built natively and to WebAssembly; both print
// the same digest of every rendered task and grade, which ctest compares.
//   check_curriculum DIR [SEEDS]
#include "practice/curriculum.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace learnloop;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_curriculum DIR [SEEDS]\n");
        return 2;
    }
    int seeds = argc >= 3 ? std::atoi(argv[2]) : 50;
    std::error_code ec;
    if (!std::filesystem::is_directory(argv[1], ec)) {
        std::fprintf(stderr, "%s is not a folder\n", argv[1]);
        return 2;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1]))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());

    std::vector<CurriculumFile> files;
    int failures = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto json = parse_json(text.str());
        auto file = json.ok() ? decode_curriculum_file(json.value()) : Result<CurriculumFile>(json.error());
        if (!file.ok()) {
            std::printf("FAIL %s: %s%s%s\n", path.filename().string().c_str(), file.error().message.c_str(),
                file.error().field.empty() ? "" : " at ", file.error().field.c_str());
            ++failures;
            continue;
        }
        files.push_back(file.release_value());
    }
    if (auto cross = check_curriculum(files); !cross.ok()) {
        std::printf("FAIL %s\n", cross.error().message.c_str());
        ++failures;
    }

    std::uint64_t digest = 0;
    int passed = 0;
    std::map<std::string, int> targets_by_subject, templates_by_subject, templates_by_kind;
    for (const auto& file : files) {
        targets_by_subject[file.subject] += static_cast<int>(file.targets.size());
        std::map<std::string, int> per_target;
        for (const auto& tmpl : file.templates) {
            per_target[tmpl.target_id]++;
            templates_by_subject[file.subject]++;
            templates_by_kind[std::string(task_kind_name(tmpl.kind))]++;
            auto check = check_template(tmpl, seeds);
            if (!check.ok()) {
                std::printf("FAIL %s\n", check.error().message.c_str());
                ++failures;
                continue;
            }
            digest = mix_seed(digest, check.value().digest);
            ++passed;
        }
        for (const auto& target : file.targets)
            if (!per_target.count(target.id)) {
                std::printf("FAIL target %s has no templates\n", target.id.c_str());
                ++failures;
            }
    }
    for (const auto& [subject, count] : targets_by_subject)
        std::printf("%s: %d targets, %d templates\n", subject.c_str(), count, templates_by_subject[subject]);
    for (const auto& [kind, count] : templates_by_kind)
        std::printf("  %s: %d\n", kind.c_str(), count);
    std::printf("digest %016llx over %d seeds per template\n", static_cast<unsigned long long>(digest), seeds);
    std::printf("%d passed, %d failed\n", passed, failures);
    return failures == 0 ? 0 : 1;
}
