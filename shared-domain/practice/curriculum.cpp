// Curriculum files and template checks.
#include "practice/curriculum.hpp"

#include "practice/grading.hpp"
#include "core/validation.hpp"

#include <set>

namespace learnloop {

namespace {

Error file_error(const std::string& message, const std::string& field = {})
{
    return make_error(ErrorCode::InvalidArgument, message, field);
}

Result<LearningTarget> decode_target(const Json& json, const std::string& subject, const std::string& strand,
    std::size_t index)
{
    auto where = "targets[" + std::to_string(index) + "]";
    if (!json.is_object())
        return file_error(where + " must be an object", where);
    for (const auto& [key, value] : json.items()) {
        if (key != "id" && key != "title" && key != "description" && key != "bkt")
            return file_error(where + "." + key + " is not a field of a target", where + "." + key);
    }
    LearningTarget target;
    target.subject = subject;
    target.strand = strand;
    target.id = TRY(json_string_field(json, "id"));
    // The same rule as the learning_targets.code column's CHECK, so that no id
    // this accepts is refused by the database (a 500 before this matched it).
    static const std::string allowed = "abcdefghijklmnopqrstuvwxyz0123456789._-";
    static const std::string first = "abcdefghijklmnopqrstuvwxyz0123456789";
    if (target.id.size() < 2 || target.id.size() > 100 || target.id.find_first_not_of(allowed) != std::string::npos
        || first.find(target.id.front()) == std::string::npos)
        return file_error(where + ".id must be 2-100 of a-z 0-9 . _ - and start with a letter or digit", where + ".id");
    target.title = TRY(validate_text(TRY(json_string_field(json, "title")), where + ".title", "Title", 1, 200, TextLines::Single));
    if (json.contains("description"))
        target.description = TRY(validate_text(TRY(json_string_field(json, "description")), where + ".description",
            "Description", 0, 2000, TextLines::Multiple));
    if (json.contains("bkt"))
        target.bkt = TRY(decode_bkt_params(json["bkt"]));
    return target;
}

} // namespace

Result<CurriculumFile> decode_curriculum_file(const Json& json)
{
    if (!json.is_object())
        return file_error("A curriculum file must be a JSON object");
    for (const auto& [key, value] : json.items()) {
        if (key != "subject" && key != "strand" && key != "targets" && key != "templates")
            return file_error(key + " is not a field of a curriculum file", key);
    }
    CurriculumFile file;
    file.subject = TRY(json_string_field(json, "subject"));
    file.strand = TRY(json_string_field(json, "strand"));
    if (!json.contains("targets") || !json["targets"].is_array() || json["targets"].empty())
        return file_error("targets must be a non-empty array", "targets");
    if (!json.contains("templates") || !json["templates"].is_array())
        return file_error("templates must be an array", "templates");
    std::set<std::string> target_ids;
    for (std::size_t i = 0; i < json["targets"].size(); ++i) {
        auto target = TRY(decode_target(json["targets"][i], file.subject, file.strand, i));
        if (!target_ids.insert(target.id).second)
            return file_error("target " + target.id + " appears twice", "targets");
        file.targets.push_back(std::move(target));
    }
    std::set<std::string> template_ids;
    for (const auto& entry : json["templates"]) {
        auto tmpl = TRY(decode_task_template(entry));
        if (!target_ids.count(tmpl.target_id))
            return file_error("Template " + tmpl.id + ": target " + tmpl.target_id + " is not one of this file's targets",
                "target_id");
        if (!template_ids.insert(tmpl.id).second)
            return file_error("template " + tmpl.id + " appears twice", "templates");
        file.templates.push_back(std::move(tmpl));
        file.template_json.push_back(entry);
    }
    return file;
}

Result<void> check_curriculum(const std::vector<CurriculumFile>& files)
{
    std::set<std::string> targets, templates;
    for (const auto& file : files) {
        for (const auto& t : file.targets)
            if (!targets.insert(t.id).second)
                return file_error("target " + t.id + " is defined in two files");
        for (const auto& t : file.templates)
            if (!templates.insert(t.id).second)
                return file_error("template " + t.id + " is defined in two files");
    }
    return {};
}

Json correct_answer(const Task& task)
{
    switch (task.kind) {
    case TaskKind::SingleChoice:
        for (std::size_t i = 0; i < task.options.size(); ++i)
            if (task.options[i].correct)
                return { { "choice", i } };
        return nullptr;
    case TaskKind::MultipleSelect: {
        Json choices = Json::array();
        for (std::size_t i = 0; i < task.options.size(); ++i)
            if (task.options[i].correct)
                choices.push_back(i);
        return { { "choices", choices } };
    }
    case TaskKind::Numeric: return { { "value", task.answer } };
    case TaskKind::ShortText: return { { "text", task.accepted_answers.empty() ? "" : task.accepted_answers.front() } };
    case TaskKind::Cloze: {
        Json gaps = Json::array();
        for (const auto& accepted : task.gap_answers)
            gaps.push_back(accepted.empty() ? "" : accepted.front());
        return { { "gaps", gaps } };
    }
    case TaskKind::Ordering: return { { "order", task.correct_order } };
    case TaskKind::QuantitativeComparison: return { { "choice", comparison_name(task.comparison) } };
    }
    return nullptr;
}

std::vector<Json> correct_answers(const Task& task)
{
    std::vector<Json> answers = { correct_answer(task) };
    switch (task.kind) {
    case TaskKind::ShortText:
        for (std::size_t i = 1; i < task.accepted_answers.size(); ++i)
            answers.push_back({ { "text", task.accepted_answers[i] } });
        break;
    case TaskKind::Cloze:
        // Each gap's alternatives, the other gaps at their first answer.
        for (std::size_t gap = 0; gap < task.gap_answers.size(); ++gap)
            for (std::size_t alt = 1; alt < task.gap_answers[gap].size(); ++alt) {
                Json gaps = correct_answer(task)["gaps"];
                gaps[gap] = task.gap_answers[gap][alt];
                answers.push_back({ { "gaps", gaps } });
            }
        break;
    case TaskKind::Numeric:
        if (task.tolerance > 0) {
            answers.push_back({ { "value", task.answer + task.tolerance } });
            answers.push_back({ { "value", task.answer - task.tolerance } });
        }
        break;
    default: break;
    }
    return answers;
}

std::vector<Json> wrong_answers(const Task& task)
{
    std::vector<Json> answers;
    switch (task.kind) {
    case TaskKind::SingleChoice:
        for (std::size_t i = 0; i < task.options.size(); ++i)
            if (!task.options[i].correct)
                answers.push_back({ { "choice", i } });
        break;
    case TaskKind::MultipleSelect: {
        Json wrong = Json::array();
        for (std::size_t i = 0; i < task.options.size(); ++i)
            if (!task.options[i].correct)
                wrong.push_back(i);
        answers.push_back({ { "choices", wrong } });   // every wrong pick and no right one
        for (const auto& pick : wrong)
            if (wrong.size() > 1)
                answers.push_back({ { "choices", Json::array({ pick }) } });   // each wrong pick alone
        break;
    }
    case TaskKind::Numeric:
        for (const auto& mistake : task.numeric_mistakes)
            answers.push_back({ { "value", mistake.value } });
        answers.push_back({ { "value", task.answer + 10 * task.tolerance + 1 } });
        break;
    case TaskKind::ShortText:
        for (const auto& mistake : task.text_mistakes)
            answers.push_back({ { "text", mistake.text } });
        answers.push_back({ { "text", "definitely not the answer" } });
        break;
    case TaskKind::Cloze: {
        Json gaps = Json::array();
        for (std::size_t i = 0; i < task.gap_answers.size(); ++i)
            gaps.push_back("definitely not the answer");
        answers.push_back({ { "gaps", gaps } });
        break;
    }
    case TaskKind::Ordering: {
        // A rotation by one leaves no item in its place.
        Json order = Json::array();
        auto n = task.correct_order.size();
        for (std::size_t i = 0; i < n; ++i)
            order.push_back(task.correct_order[(i + 1) % n]);
        answers.push_back({ { "order", order } });
        break;
    }
    case TaskKind::QuantitativeComparison:
        for (auto c : { Comparison::AGreater, Comparison::BGreater, Comparison::Equal, Comparison::CannotDetermine })
            if (c != task.comparison)
                answers.push_back({ { "choice", comparison_name(c) } });
        break;
    }
    return answers;
}

Result<TemplateCheck> check_template(const TaskTemplate& tmpl, int seeds)
{
    TemplateCheck check;
    std::uint64_t digest = hash_text(tmpl.id);
    for (int s = 0; s < seeds; ++s) {
        std::uint64_t seed = mix_seed(hash_text(tmpl.id), static_cast<std::uint64_t>(s));
        auto where = "Template " + tmpl.id + " (seed " + std::to_string(seed) + "): ";
        auto task = generate_task(tmpl, seed);
        if (!task.ok())
            return file_error(where + task.error().message);
        if (trim(task.value().explanation).empty())
            return file_error(where + "the explanation is empty");
        digest = mix_seed(digest, hash_text(to_json(task.value(), TaskView::WithAnswers).dump()));
        for (const auto& answer : correct_answers(task.value())) {
            auto right = grade(task.value(), answer);
            if (!right.ok() || right.value().verdict != Verdict::Correct)
                return file_error(where + "the right answer " + answer.dump() + " does not grade correct");
            digest = mix_seed(digest, hash_text(to_json(right.value(), task.value()).dump()));
        }
        for (const auto& answer : wrong_answers(task.value())) {
            auto wrong = grade(task.value(), answer);
            if (!wrong.ok())
                return file_error(where + "the wrong answer " + answer.dump() + " is rejected: " + wrong.error().message);
            if (wrong.value().verdict != Verdict::Incorrect)
                return file_error(where + "the wrong answer " + answer.dump() + " grades " + std::string(verdict_name(wrong.value().verdict)));
            digest = mix_seed(digest, hash_text(to_json(wrong.value(), task.value()).dump()));
        }
        ++check.seeds_checked;
    }
    check.digest = digest;
    return check;
}

} // namespace learnloop
