// Curriculum files: learning targets and their task templates, as kept in the
// repository's curriculum/ folder, and the checks every template must pass
// before students see it (it renders, its own answer grades correct, every
// distractor grades incorrect, it explains itself).
//
//   auto file = TRY(decode_curriculum_file(json));      // targets + templates
//   auto report = check_template(file.templates[0], 50); // 50 seeds
#pragma once

#include "core/json_reader.hpp"
#include "practice/mastery.hpp"
#include "core/result.hpp"
#include "practice/tasks.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

struct LearningTarget {
    std::string id;            // e.g. "en.punct.commas-lists"
    std::string subject;       // "english", "maths"
    std::string strand;        // "punctuation", "grammar", ...
    std::string title;
    std::string description;
    BktParams bkt;             // starting parameters until fitted from data

    bool operator==(const LearningTarget&) const = default;
};

// One file: {"subject", "strand", "targets": [{"id", "title", "description"[, "bkt"]}],
// "templates": [template, ...]}. Every template's target_id must be one of
// the file's targets; ids are unique within the file.
struct CurriculumFile {
    std::string subject;
    std::string strand;
    std::vector<LearningTarget> targets;
    std::vector<TaskTemplate> templates;
    std::vector<Json> template_json;   // each template as written, for storage
};

[[nodiscard]] Result<CurriculumFile> decode_curriculum_file(const Json& json);

// Checks that hold across files: target and template ids unique everywhere.
[[nodiscard]] Result<void> check_curriculum(const std::vector<CurriculumFile>& files);

// The answer that a task's own key says is right.
[[nodiscard]] Json correct_answer(const Task& task);
// Every answer that must grade correct: the key's answer, each accepted
// alternative of a short text or a cloze gap, a number at either edge of the
// tolerance.
[[nodiscard]] std::vector<Json> correct_answers(const Task& task);
// Answers that must grade incorrect (score 0): each wrong option, each
// listed mistake, a derangement of the order, the other comparisons, ...
[[nodiscard]] std::vector<Json> wrong_answers(const Task& task);

struct TemplateCheck {
    int seeds_checked = 0;
    std::uint64_t digest = 0;   // over every rendered task and grade: equal on every platform
};
// Renders `seeds` tasks and grades their correct and wrong answers; the first
// failure is an error naming the template and the seed.
[[nodiscard]] Result<TemplateCheck> check_template(const TaskTemplate& tmpl, int seeds);

} // namespace learnloop
