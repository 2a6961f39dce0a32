// Practising: personalised task sets, answers (re-graded with the browser's grader, idempotent by client id) and statistics.
#include "practice/practice_handlers.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "platform/crypto.hpp"
#include "platform/metrics.hpp"
#include "practice/grading.hpp"
#include "practice/practice_repository.hpp"
#include "practice/selection.hpp"
#include "practice/tasks.hpp"

#include <map>

namespace learnloop::server {

std::int64_t storable_seed(std::uint64_t seed)
{
    return static_cast<std::int64_t>(seed & 0x3FFFFFFFFFFFFFFFull);   // fits bigint, JSON-safe as a string
}

SelectionInput task_set_selection(const std::vector<AssignedTarget>& targets,
    const std::vector<PracticeTemplate>& templates, std::vector<std::string> recent_template_codes, std::uint64_t seed)
{
    SelectionInput input;
    for (const auto& target : targets)
        input.targets.push_back(selection_target(target.code, target.known));
    for (const auto& tmpl : templates)
        input.templates.push_back({ tmpl.code, tmpl.target_code, tmpl.difficulty });
    input.recent_template_ids = std::move(recent_template_codes);
    input.seed = seed;
    return input;
}

Json target_state_json(const std::string& code, const std::string& title, const std::string& strand, double known,
    int attempts, const BktParams& params)
{
    auto level = mastery_level(known, attempts);
    return { { "target_id", code }, { "title", title }, { "strand", strand }, { "known", known }, { "attempts", attempts },
        { "level", mastery_level_name(level) }, { "bkt", to_json(params) },
        { "answers_to_proficient", answers_to_reach(params, known, MasteryLevel::Proficient) },
        { "answers_to_mastered", answers_to_reach(params, known, MasteryLevel::Mastered) } };
}

// POST /api/task-sets: today's personalised set for the signed-in student
// (no body, or an empty object).
Result<ApiResponse> handle_create_task_set(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto targets = assigned_targets(txn, caller.user_id);
    if (targets.empty())
        return json_response(200, { { "set_id", nullptr }, { "tasks", Json::array() }, { "targets", Json::array() },
                                      { "message", "No learning targets are assigned to you yet" } });

    Json targets_json = Json::array();
    for (const auto& target : targets)
        targets_json.push_back(
            target_state_json(target.code, target.title, target.strand, target.known, target.attempts, target.params));
    auto available = assigned_templates(txn, caller.user_id);
    auto input = task_set_selection(targets, available, recent_template_codes(txn, caller.user_id),
        std::stoull(random_hex(8), nullptr, 16));
    std::map<std::string, PracticeTemplate> templates;   // by template code
    for (auto& tmpl : available)
        templates[tmpl.code] = std::move(tmpl);

    auto selected = select_tasks(input);
    auto set_id = insert_task_set(txn, caller.tenant_id, caller.user_id, storable_seed(input.seed));
    Json tasks = Json::array();
    int position = 0;
    for (const auto& pick : selected) {
        const auto& stored = templates.at(pick.template_id);
        auto seed = static_cast<std::uint64_t>(storable_seed(pick.seed));
        auto tmpl = TRY(decode_task_template(TRY(parse_json(stored.body))));
        auto task = TRY(generate_task(tmpl, seed));
        // The task keeps the template as it was, so a later curriculum edit
        // cannot change how an answer to it is graded.
        auto task_id = insert_task(txn,
            { caller.tenant_id, set_id, position++, stored.id, stored.body, static_cast<std::int64_t>(seed) });
        tasks.push_back({ { "task_id", task_id }, { "target_id", pick.target_id },
            { "reason", pick.reason == SelectionReason::Review ? "review" : "practice" },
            { "task", to_json(task, TaskView::WithAnswers) } });
    }
    append_audit(txn, { caller.tenant_id, caller.actor(), "task_set.create", "task_set", std::to_string(set_id), nullptr,
                          { { "tasks", tasks.size() } } });
    return json_response(201, { { "set_id", set_id }, { "tasks", tasks }, { "targets", targets_json } });
}

// POST /api/task-responses {"client_id", "task_id", "answer", "client_verdict"?, "answered_at"?}
Result<ApiResponse> handle_answer_task(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "client_id", "task_id", "answer", "client_verdict", "answered_at" }));
    auto client_id = TRY(json_string_field(body, "client_id"));
    static const std::string id_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    if (client_id.size() < 8 || client_id.size() > 64 || client_id.find_first_not_of(id_chars) != std::string::npos)
        return make_error(ErrorCode::InvalidArgument, "client_id must be 8-64 letters, digits, - or _", "client_id");
    auto task_id = TRY(json_int_field(body, "task_id"));
    if (!body.contains("answer") || !body["answer"].is_object())
        return make_error(ErrorCode::InvalidArgument, "answer must be an object", "answer");
    std::optional<std::string> client_verdict;
    if (body.contains("client_verdict") && !body["client_verdict"].is_null())
        client_verdict = TRY(json_string_field(body, "client_verdict"));
    std::optional<std::string> answered_at;
    if (body.contains("answered_at") && !body["answered_at"].is_null()) {
        auto text = TRY(json_string_field(body, "answered_at"));
        // To the second, as the client writes it (format_utc_timestamp).
        if (text.size() != 20 || !parse_utc_timestamp(text).ok())
            return make_error(ErrorCode::InvalidArgument, "answered_at must look like 2026-11-22T09:30:00Z", "answered_at");
        answered_at = text;
    }

    // Offline sync may send the same answer twice: the second time, the stored verdict comes back.
    if (auto stored = find_answer_by_client_id(txn, client_id)) {
        if (stored->task_id != task_id || stored->student_id != caller.user_id)
            return make_error(ErrorCode::Conflict, "client_id was already used for another task", "client_id");
        return json_response(200, { { "verdict", stored->verdict }, { "score", stored->score },
                                      { "known", stored->known_after }, { "duplicate", true } });
    }

    auto found = find_task_to_answer(txn, task_id, caller.user_id);
    if (!found)
        return make_error(ErrorCode::NotFound, "Task not found");
    const auto& shown = *found;
    if (shown.answered)
        return headline_error(ErrorCode::Conflict, "Task already answered", "Each task of a set is answered once");
    // Answers to one student's target are applied one at a time, so two
    // devices syncing at once cannot both start from the same mastery.
    lock_mastery_state(txn, caller.user_id, shown.target_id);
    auto state = find_mastery_state(txn, caller.user_id, shown.target_id);

    // The authoritative grade: the same template, seed and grader as the browser.
    auto tmpl = TRY(decode_task_template(TRY(parse_json(shown.template_body))));
    auto task = TRY(generate_task(tmpl, static_cast<std::uint64_t>(shown.seed)));
    auto result = TRY(grade(task, body["answer"]));
    auto verdict = std::string(verdict_name(result.verdict));
    bool disagreement = client_verdict && *client_verdict != verdict;
    if (disagreement) {
        metrics().count(Event::GradeDisagreement);
        // The client's verdict is the student's input: written as a JSON
        // string, so no text it holds can end the line or forge another.
        Json line = { { "level", "warning" }, { "event", "grade_disagreement" }, { "task_id", task_id },
            { "client", client_verdict->substr(0, 40) }, { "server", verdict } };
        std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, Json::error_handler_t::replace).c_str());
    }

    double known_before = state ? state->known : shown.params.prior;
    double known_after = bkt_update(shown.params, known_before, result.verdict == Verdict::Correct);
    int attempts = (state ? state->attempts : 0) + 1;
    save_mastery_state(txn, caller.tenant_id, caller.user_id, shown.target_id, { known_after, attempts });
    // A concurrent answer to the same task (another client id) loses here.
    auto response_id = insert_answer(txn,
        { caller.tenant_id, task_id, caller.user_id, client_id, body["answer"].dump(), verdict, result.score,
            client_verdict, disagreement, known_after, answered_at, shown.set_created_at });
    if (!response_id)
        return headline_error(ErrorCode::Conflict, "Task already answered", "Each task of a set is answered once");
    append_audit(txn, { caller.tenant_id, caller.actor(), "task.answer", "task_response", std::to_string(*response_id),
                          { { "known", known_before } }, { { "known", known_after }, { "verdict", verdict } } });

    auto json = to_json(result, task);
    json["target"] = target_state_json(shown.target_code, shown.title, shown.strand, known_after, attempts, shown.params);
    json["known_before"] = known_before;
    json["disagreement"] = disagreement;
    json["duplicate"] = false;
    return json_response(201, std::move(json));
}

// GET /api/practice/stats: answers received and client/server grade
// disagreements (which should stay at zero: both sides run the same grader).
Result<ApiResponse> handle_practice_stats(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    auto stats = practice_stats(txn);
    return json_response(200, { { "answers", stats.answers }, { "disagreements", stats.disagreements },
                                  { "students", stats.students } });
}

} // namespace learnloop::server
