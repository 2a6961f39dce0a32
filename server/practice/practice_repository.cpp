// The mastery engine's named queries (server/practice/queries/), read by column name.
// [SECTION] helpers, [SECTION] the curriculum, [SECTION] assigning targets, [SECTION] practice, [SECTION] mastery
#include "practice/practice_repository.hpp"

namespace learnloop::server {

namespace {

// [SECTION] helpers ------------------------------------------------------------

// A BKT column (JSON text the server or the curriculum wrote); the defaults
// when it cannot be read, so one bad row cannot stop practice.
BktParams bkt_column(const pqxx::field& field)
{
    auto json = parse_json(field.as<std::string>());
    if (!json.ok())
        return {};
    return decode_bkt_params(json.value()).value_or(BktParams {});
}

// The search text as a LIKE pattern that matches it literally anywhere.
std::optional<std::string> like_pattern(const std::optional<std::string>& text)
{
    if (!text)
        return std::nullopt;
    std::string escaped;
    for (char c : *text) {
        if (c == '%' || c == '_' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return "%" + escaped + "%";
}

} // namespace

// [SECTION] the curriculum -----------------------------------------------------

TargetPage list_targets(pqxx::transaction_base& txn, const TargetFilter& filter, const Page& page)
{
    auto rows = exec_page(txn, "practice/list_targets", page, like_pattern(filter.search), filter.subject, filter.strand);
    TargetPage result;
    result.total = rows.total;
    result.targets.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
        result.targets.push_back({ row["code"].as<std::string>(), row["subject"].as<std::string>(),
            row["strand"].as<std::string>(), row["title"].as<std::string>(), row["description"].as<std::string>(),
            row["templates"].as<std::int64_t>() });
    }
    return result;
}

std::optional<std::int64_t> find_live_target(pqxx::transaction_base& txn, const std::string& code)
{
    auto rows = exec_named(txn, "practice/find_live_target", code);
    if (rows.empty())
        return std::nullopt;
    return rows[0]["id"].as<std::int64_t>();
}

bool target_code_taken(pqxx::transaction_base& txn, const std::string& code)
{
    return exec_named(txn, "practice/target_code_taken", code)[0]["taken"].as<bool>();
}

bool template_code_taken(pqxx::transaction_base& txn, const std::string& code)
{
    return exec_named(txn, "practice/template_code_taken", code)[0]["taken"].as<bool>();
}

std::int64_t insert_target(pqxx::transaction_base& txn, std::int64_t tenant_id, const LearningTarget& target)
{
    return exec_named(txn, "practice/insert_target", tenant_id, target.id, target.subject, target.strand, target.title,
            target.description, to_json(target.bkt).dump())[0]["id"]
        .as<std::int64_t>();
}

std::int64_t insert_template(pqxx::transaction_base& txn, std::int64_t tenant_id, const TaskTemplate& tmpl,
    std::int64_t target_id, const std::string& body)
{
    return exec_named(txn, "practice/insert_template", tenant_id, tmpl.id, target_id, std::string(task_kind_name(tmpl.kind)),
            tmpl.difficulty, body)[0]["id"]
        .as<std::int64_t>();
}

// [SECTION] assigning targets ----------------------------------------------------

std::vector<std::int64_t> class_student_ids(pqxx::transaction_base& txn, std::int64_t class_id)
{
    std::vector<std::int64_t> ids;
    for (const auto& row : exec_named(txn, "practice/class_student_ids", class_id))
        ids.push_back(row["student_id"].as<std::int64_t>());
    return ids;
}

std::optional<SubmissionOwner> find_submission_owner(pqxx::transaction_base& txn, std::int64_t submission_id)
{
    auto rows = exec_named(txn, "practice/find_submission_owner", submission_id);
    if (rows.empty())
        return std::nullopt;
    return SubmissionOwner { rows[0]["student_id"].as<std::int64_t>(), rows[0]["teacher_id"].as<std::int64_t>() };
}

bool assign_target(pqxx::transaction_base& txn, const TargetAssignment& assignment)
{
    return !exec_named(txn, "practice/assign_target", assignment.tenant_id, assignment.student_id,
                   assignment.target_id, assignment.assigned_by, assignment.submission_id)
                .empty();
}

// [SECTION] practice ---------------------------------------------------------------

std::vector<AssignedTarget> assigned_targets(pqxx::transaction_base& txn, std::int64_t student_id)
{
    std::vector<AssignedTarget> targets;
    for (const auto& row : exec_named(txn, "practice/assigned_targets", student_id)) {
        targets.push_back({ row["id"].as<std::int64_t>(), row["code"].as<std::string>(), row["title"].as<std::string>(),
            row["strand"].as<std::string>(), bkt_column(row["bkt"]), row["known"].as<double>(),
            row["attempts"].as<int>() });
    }
    return targets;
}

std::vector<PracticeTemplate> assigned_templates(pqxx::transaction_base& txn, std::int64_t student_id)
{
    std::vector<PracticeTemplate> templates;
    for (const auto& row : exec_named(txn, "practice/assigned_templates", student_id)) {
        templates.push_back({ row["id"].as<std::int64_t>(), row["code"].as<std::string>(),
            row["target_code"].as<std::string>(), row["difficulty"].as<int>(), row["body"].as<std::string>() });
    }
    return templates;
}

std::vector<std::string> recent_template_codes(pqxx::transaction_base& txn, std::int64_t student_id)
{
    std::vector<std::string> codes;
    for (const auto& row : exec_named(txn, "practice/recent_template_codes", student_id))
        codes.push_back(row["code"].as<std::string>());
    return codes;
}

std::int64_t insert_task_set(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t student_id,
    std::int64_t seed)
{
    return exec_named(txn, "practice/insert_task_set", tenant_id, student_id, seed)[0]["id"].as<std::int64_t>();
}

std::int64_t insert_task(pqxx::transaction_base& txn, const NewTask& task)
{
    return exec_named(txn, "practice/insert_task", task.tenant_id, task.set_id, task.position, task.template_id,
            task.template_body, task.seed)[0]["id"]
        .as<std::int64_t>();
}

std::optional<StoredAnswer> find_answer_by_client_id(pqxx::transaction_base& txn, const std::string& client_id)
{
    auto rows = exec_named(txn, "practice/find_response_by_client_id", client_id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return StoredAnswer { row["verdict"].as<std::string>(), row["score"].as<double>(), row["known_after"].as<double>(),
        row["task_id"].as<std::int64_t>(), row["student_id"].as<std::int64_t>() };
}

std::optional<TaskToAnswer> find_task_to_answer(pqxx::transaction_base& txn, std::int64_t task_id,
    std::int64_t student_id)
{
    auto rows = exec_named(txn, "practice/find_task_to_answer", task_id, student_id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return TaskToAnswer { row["seed"].as<std::int64_t>(), row["template_body"].as<std::string>(),
        row["target_id"].as<std::int64_t>(), row["target_code"].as<std::string>(), row["title"].as<std::string>(),
        row["strand"].as<std::string>(), bkt_column(row["bkt"]), row["answered"].as<bool>(),
        row["set_created_at"].as<std::string>() };
}

void lock_mastery_state(pqxx::transaction_base& txn, std::int64_t student_id, std::int64_t target_id)
{
    exec_named(txn, "practice/lock_mastery_state", student_id, target_id);
}

std::optional<MasteryState> find_mastery_state(pqxx::transaction_base& txn, std::int64_t student_id,
    std::int64_t target_id)
{
    auto rows = exec_named(txn, "practice/find_mastery_state", student_id, target_id);
    if (rows.empty())
        return std::nullopt;
    return MasteryState { rows[0]["known"].as<double>(), rows[0]["attempts"].as<int>() };
}

void save_mastery_state(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t student_id,
    std::int64_t target_id, const MasteryState& state)
{
    exec_named(txn, "practice/save_mastery_state", tenant_id, student_id, target_id, state.known, state.attempts);
}

std::optional<std::int64_t> insert_answer(pqxx::transaction_base& txn, const NewAnswer& answer)
{
    auto rows = exec_named(txn, "practice/insert_task_response", answer.tenant_id, answer.task_id,
        answer.student_id, answer.client_id, answer.answer, answer.verdict, answer.score, answer.client_verdict,
        answer.disagreement, answer.known_after, answer.answered_at, answer.set_created_at);
    if (rows.empty())
        return std::nullopt;
    return rows[0]["id"].as<std::int64_t>();
}

PracticeStats practice_stats(pqxx::transaction_base& txn)
{
    auto rows = exec_named(txn, "practice/practice_stats");
    const auto& row = rows[0];
    return { row["answers"].as<std::int64_t>(), row["disagreements"].as<std::int64_t>(),
        row["students"].as<std::int64_t>() };
}

// [SECTION] mastery ------------------------------------------------------------------

HistoryPage mastery_history(pqxx::transaction_base& txn, std::int64_t student_id, const std::string& time_zone,
    const Page& page)
{
    auto rows = exec_page(txn, "practice/mastery_history", page, student_id, time_zone);
    HistoryPage result;
    result.total = rows.total;
    result.entries.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
        result.entries.push_back({ row["target_code"].as<std::string>(), row["known_after"].as<double>(),
            row["verdict"].as<std::string>(), row["answered_at"].as<std::string>(),
            row["answered_local"].as<std::string>() });
    }
    return result;
}

std::vector<HeatmapRow> class_mastery(pqxx::transaction_base& txn, std::int64_t class_id)
{
    std::vector<HeatmapRow> cells;
    auto rows = exec_named(txn, "practice/class_mastery", class_id);
    cells.reserve(rows.size());
    for (const auto& row : rows) {
        cells.push_back({ row["student_id"].as<std::int64_t>(), row["student_name"].as<std::string>(),
            row["target_code"].as<std::string>(), row["target_title"].as<std::string>(), row["known"].as<double>(),
            row["attempts"].as<int>() });
    }
    return cells;
}

} // namespace learnloop::server
