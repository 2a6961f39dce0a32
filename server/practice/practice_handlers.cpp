// The mastery engine's API: browse the curriculum, assign targets, generate a
// personalised task set, take answers (re-graded here with the same code the
// browser used; idempotent by client id for offline sync), and read mastery.
// [SECTION] helpers, [SECTION] curriculum and assignment, [SECTION] practice, [SECTION] mastery
#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "platform/crypto.hpp"
#include "practice/curriculum.hpp"
#include "practice/grading.hpp"
#include "practice/heatmap.hpp"
#include "http/handlers.hpp"
#include "practice/mastery.hpp"
#include "practice/selection.hpp"
#include "practice/tasks.hpp"
#include "core/validation.hpp"

#include <map>

namespace learnloop::server {

namespace {

// [SECTION] helpers --------------------------------------------------------

constexpr std::size_t k_set_size = 20;

BktParams params_or_default(const std::string& json_text)
{
    auto json = parse_json(json_text);
    if (!json.ok())
        return {};
    return decode_bkt_params(json.value()).value_or(BktParams {});
}

// May the caller see this student's mastery? Students themselves, linked
// parents, their class teachers, administrators.
bool may_see_student(pqxx::work& txn, const Caller& caller, std::int64_t student_id)
{
    switch (permission_scope(caller.role, Action::MasteryRead)) {
    case Scope::Tenant:
        return !txn.exec_params("SELECT 1 FROM users WHERE id = $1 AND role = 'student' AND deleted_at IS NULL", student_id)
                    .empty();
    case Scope::Own: return student_id == caller.user_id;
    case Scope::Linked:
        return !txn.exec_params("SELECT 1 FROM parent_links WHERE parent_id = $1 AND student_id = $2", caller.user_id,
                       student_id)
                    .empty();
    case Scope::Class:
        return !txn.exec_params("SELECT 1 FROM class_members m JOIN classes c ON c.id = m.class_id"
                                " WHERE m.student_id = $2 AND c.teacher_id = $1 AND c.deleted_at IS NULL",
                       caller.user_id, student_id)
                    .empty();
    case Scope::None: return false;
    }
    return false;
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

// The student's assigned, live targets with their mastery and parameters.
// Columns: id, code, title, strand, params, known, attempts.
pqxx::result assigned_targets(pqxx::work& txn, std::int64_t student_id)
{
    return txn.exec_params(
        "SELECT t.id, t.code, t.title, t.strand, coalesce(p.bkt, t.bkt)::text,"
        " coalesce(m.known, (coalesce(p.bkt, t.bkt)->>'prior')::float8), coalesce(m.attempts, 0)"
        " FROM target_assignments a JOIN learning_targets t ON t.id = a.target_id AND t.retired_at IS NULL"
        " LEFT JOIN tenant_target_params p ON p.target_id = t.id"
        " LEFT JOIN mastery_states m ON m.student_id = a.student_id AND m.target_id = t.id"
        " WHERE a.student_id = $1 AND a.removed_at IS NULL ORDER BY t.strand, t.code",
        student_id);
}

std::int64_t store_seed(std::uint64_t seed)
{
    return static_cast<std::int64_t>(seed & 0x3FFFFFFFFFFFFFFFull);   // fits bigint, JSON-safe as a string
}

} // namespace

// [SECTION] curriculum and assignment -----------------------------------------

// GET /api/curriculum/targets?q=&subject=&strand=
Result<ApiResponse> handle_list_targets(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    auto param = [&](const char* name) -> std::optional<std::string> {
        if (!req.has_param(name) || req.get_param_value(name).empty())
            return std::nullopt;
        return req.get_param_value(name);
    };
    // The search text is matched literally: LIKE's wildcards are escaped.
    std::optional<std::string> pattern;
    if (auto q = param("q")) {
        std::string escaped;
        for (char c : *q) {
            if (c == '%' || c == '_' || c == '\\')
                escaped += '\\';
            escaped += c;
        }
        pattern = "%" + escaped + "%";
    }
    auto rows = txn.exec_params(
        "SELECT t.code, t.subject, t.strand, t.title, t.description,"
        " (SELECT count(*) FROM task_templates tt WHERE tt.target_id = t.id AND tt.retired_at IS NULL), count(*) OVER ()"
        " FROM learning_targets t WHERE t.retired_at IS NULL"
        " AND ($1::text IS NULL OR t.title ILIKE $1 OR t.code ILIKE $1 OR t.description ILIKE $1)"
        " AND ($2::text IS NULL OR t.subject = $2) AND ($3::text IS NULL OR t.strand = $3)"
        " ORDER BY t.subject, t.strand, t.code LIMIT $4 OFFSET $5",
        pattern, param("subject"), param("strand"), page.limit, page.offset);
    return paged_list(req, page, rows, 6, [](const pqxx::row& row) -> Json {
        return { { "target_id", row[0].as<std::string>() }, { "subject", row[1].as<std::string>() },
            { "strand", row[2].as<std::string>() }, { "title", row[3].as<std::string>() },
            { "description", row[4].as<std::string>() }, { "templates", row[5].as<std::int64_t>() } };
    }, [&] {
        return txn.exec_params1("SELECT count(*) FROM learning_targets t WHERE t.retired_at IS NULL"
                                " AND ($1::text IS NULL OR t.title ILIKE $1 OR t.code ILIKE $1 OR t.description ILIKE $1)"
                                " AND ($2::text IS NULL OR t.subject = $2) AND ($3::text IS NULL OR t.strand = $3)",
                      pattern, param("subject"), param("strand"))[0]
            .as<std::int64_t>();
    });
}

// POST /api/curriculum/targets {"id", "title", "description"?, "subject", "strand"}: the school's own target.
Result<ApiResponse> handle_create_target(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "id", "title", "description", "subject", "strand" }));
    auto subject = TRY(validate_text(TRY(json_string_field(body, "subject")), "subject", "Subject", 1, 50, TextLines::Single));
    auto strand = TRY(validate_text(TRY(json_string_field(body, "strand")), "strand", "Strand", 1, 50, TextLines::Single));
    // The same rules as a curriculum file's target.
    Json file = { { "subject", subject }, { "strand", strand }, { "templates", Json::array() },
        { "targets", Json::array({ Json::object() }) } };
    for (const char* key : { "id", "title", "description" })
        if (body.contains(key))
            file["targets"][0][key] = body[key];
    auto decoded = decode_curriculum_file(file);
    if (!decoded.ok()) {
        auto error = decoded.release_error();
        if (error.field.rfind("targets[0].", 0) == 0)
            error.field = error.field.substr(11);
        return error;
    }
    const auto& target = decoded.value().targets[0];
    if (!txn.exec_params("SELECT 1 FROM learning_targets WHERE code = $1", target.id).empty())
        return make_error(ErrorCode::AlreadyExists, "A learning target " + target.id + " already exists", "id");
    auto id = txn.exec_params1("INSERT INTO learning_targets (tenant_id, code, subject, strand, title, description, bkt, content_hash)"
                               " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, '') RETURNING id",
                     caller.tenant_id, target.id, subject, strand, target.title, target.description,
                     to_json(target.bkt).dump())[0]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "curriculum.target.create", "learning_target", std::to_string(id),
                          nullptr, { { "id", target.id }, { "title", target.title }, { "strand", strand } } });
    return json_response(201, { { "message", "Target created" }, { "target_id", target.id } });
}

// POST /api/curriculum/templates {template}: the school's own template for
// a shared or own target, checked like every curriculum template before any
// student can see it.
Result<ApiResponse> handle_create_template(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    auto tmpl = TRY(decode_task_template(body));
    TRY(check_template(tmpl, 50));
    auto target = txn.exec_params("SELECT id FROM learning_targets WHERE code = $1 AND retired_at IS NULL"
                                  " ORDER BY tenant_id NULLS LAST LIMIT 1",
        tmpl.target_id);
    if (target.empty())
        return make_error(ErrorCode::InvalidArgument, "Unknown learning target " + tmpl.target_id, "target_id");
    if (!txn.exec_params("SELECT 1 FROM task_templates WHERE code = $1", tmpl.id).empty())
        return make_error(ErrorCode::AlreadyExists, "A template " + tmpl.id + " already exists", "id");
    auto id = txn.exec_params1("INSERT INTO task_templates (tenant_id, code, target_id, kind, difficulty, body, content_hash)"
                               " VALUES ($1, $2, $3, $4, $5, $6::jsonb, '') RETURNING id",
                     caller.tenant_id, tmpl.id, target[0][0].as<std::int64_t>(), std::string(task_kind_name(tmpl.kind)),
                     tmpl.difficulty, body.dump())[0]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "curriculum.template.create", "task_template", std::to_string(id),
                          nullptr, { { "id", tmpl.id }, { "target_id", tmpl.target_id }, { "kind", task_kind_name(tmpl.kind) } } });
    return json_response(201, { { "message", "Template created" }, { "template_id", tmpl.id } });
}

// POST /api/target-assignments {"target_ids": [...], "student_id" | "class_id", "submission_id"?}
Result<ApiResponse> handle_assign_targets(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "target_ids", "class_id", "student_id", "submission_id" }));
    if (!body.contains("target_ids") || !body["target_ids"].is_array() || body["target_ids"].empty()
        || body["target_ids"].size() > 50)
        return make_error(ErrorCode::InvalidArgument, "target_ids must be a list of 1 to 50 learning target ids", "target_ids");
    std::vector<std::int64_t> target_ids;
    for (const auto& code : body["target_ids"]) {
        if (!code.is_string())
            return make_error(ErrorCode::InvalidArgument, "target_ids must be strings", "target_ids");
        auto rows = txn.exec_params("SELECT id FROM learning_targets WHERE code = $1 AND retired_at IS NULL"
                                    " ORDER BY tenant_id NULLS LAST LIMIT 1",
            code.get<std::string>());
        if (rows.empty())
            return make_error(ErrorCode::InvalidArgument, "Unknown learning target " + code.get<std::string>(), "target_ids");
        target_ids.push_back(rows[0][0].as<std::int64_t>());
    }

    // Whom: one student (in the teacher's classes), or every member of a class the teacher teaches.
    std::vector<std::int64_t> students;
    bool is_admin = caller.role == Role::Admin;
    if (body.contains("class_id")) {
        auto class_id = TRY(json_int_field(body, "class_id"));
        auto owner = txn.exec_params("SELECT teacher_id FROM classes WHERE id = $1 AND deleted_at IS NULL", class_id);
        if (owner.empty())
            return make_error(ErrorCode::NotFound, "Class not found");
        if (!is_admin && owner[0][0].as<std::int64_t>() != caller.user_id)
            return make_error(ErrorCode::PermissionDenied, "You do not teach this class");
        for (const auto& row : txn.exec_params("SELECT m.student_id FROM class_members m JOIN users u ON u.id = m.student_id"
                                               " WHERE m.class_id = $1 AND u.deleted_at IS NULL",
                 class_id))
            students.push_back(row[0].as<std::int64_t>());
    } else {
        auto student_id = TRY(json_int_field(body, "student_id"));
        auto role = txn.exec_params("SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL", student_id);
        if (role.empty() || role[0][0].as<std::string>() != "student")
            return make_error(ErrorCode::NotFound, "Student not found");
        if (!is_admin && !may_see_student(txn, caller, student_id))
            return make_error(ErrorCode::PermissionDenied, "This student is not in one of your classes");
        students.push_back(student_id);
    }
    std::optional<std::int64_t> submission_id;
    if (body.contains("submission_id") && !body["submission_id"].is_null()) {
        // The submission that prompted it: one of these students' work, to an
        // assignment of the caller's (an administrator's: any of the school).
        submission_id = TRY(json_int_field(body, "submission_id"));
        auto owner = txn.exec_params("SELECT s.student_id, a.teacher_id FROM submissions s"
                                     " JOIN assignments a ON a.id = s.assignment_id WHERE s.id = $1 AND a.deleted_at IS NULL",
            *submission_id);
        if (owner.empty() || (!is_admin && owner[0][1].as<std::int64_t>() != caller.user_id))
            return make_error(ErrorCode::NotFound, "Submission not found");
        if (std::find(students.begin(), students.end(), owner[0][0].as<std::int64_t>()) == students.end())
            return make_error(ErrorCode::InvalidArgument, "submission_id must be work by the student the targets are for",
                "submission_id");
    }

    int added = 0;
    for (auto student : students) {
        for (auto target : target_ids) {
            auto inserted = txn.exec_params(
                "INSERT INTO target_assignments (tenant_id, student_id, target_id, assigned_by, submission_id)"
                " SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM target_assignments"
                "   WHERE student_id = $2 AND target_id = $3 AND removed_at IS NULL) RETURNING id",
                caller.tenant_id, student, target, caller.user_id, submission_id);
            added += static_cast<int>(inserted.size());
        }
    }
    append_audit(txn, { caller.tenant_id, caller.actor(), "target.assign", "target_assignment", "", nullptr,
                          { { "targets", body["target_ids"] }, { "students", students }, { "added", added },
                              { "submission_id", submission_id ? Json(*submission_id) : Json(nullptr) } } });
    return json_response(201, { { "message", "Targets assigned" }, { "assigned", added }, { "students", students.size() } });
}

// [SECTION] practice ---------------------------------------------------------

// POST /api/task-sets: today's personalised set for the signed-in student
// (no body, or an empty object).
Result<ApiResponse> handle_create_task_set(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    if (!req.body.empty())
        TRY(json_only_fields(TRY(parse_json_body(req)), {}));
    auto targets = assigned_targets(txn, caller.user_id);
    if (targets.empty())
        return json_response(200, { { "set_id", nullptr }, { "tasks", Json::array() }, { "targets", Json::array() },
                                      { "message", "No learning targets are assigned to you yet" } });

    SelectionInput input;
    Json targets_json = Json::array();
    std::map<std::string, std::int64_t> target_db_ids;
    for (const auto& row : targets) {
        auto code = row[1].as<std::string>();
        double known = row[5].as<double>();
        input.targets.push_back({ code, known, known >= level_threshold(MasteryLevel::Mastered) });
        target_db_ids[code] = row[0].as<std::int64_t>();
        targets_json.push_back(target_state_json(code, row[2].as<std::string>(), row[3].as<std::string>(), known,
            row[6].as<int>(), params_or_default(row[4].as<std::string>())));
    }
    std::map<std::string, std::pair<std::int64_t, std::string>> bodies;   // template code -> (db id, body)
    for (const auto& row : txn.exec_params(
             "SELECT tt.id, tt.code, t.code, tt.difficulty, tt.body::text FROM task_templates tt"
             " JOIN learning_targets t ON t.id = tt.target_id"
             " JOIN target_assignments a ON a.target_id = t.id AND a.student_id = $1 AND a.removed_at IS NULL"
             " WHERE tt.retired_at IS NULL",
             caller.user_id)) {
        input.templates.push_back({ row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<int>() });
        bodies[row[1].as<std::string>()] = { row[0].as<std::int64_t>(), row[4].as<std::string>() };
    }
    for (const auto& row : txn.exec_params(
             "SELECT tt.code FROM task_responses r JOIN tasks k ON k.id = r.task_id"
             " JOIN task_templates tt ON tt.id = k.template_id WHERE r.student_id = $1"
             " ORDER BY r.answered_at DESC LIMIT 30",
             caller.user_id))
        input.recent_template_ids.push_back(row[0].as<std::string>());
    input.set_size = k_set_size;
    auto seed_hex = random_hex(8);
    input.seed = std::stoull(seed_hex, nullptr, 16);

    auto selected = select_tasks(input);
    auto set_id = txn.exec_params1("INSERT INTO task_sets (tenant_id, student_id, seed) VALUES ($1, $2, $3) RETURNING id",
                         caller.tenant_id, caller.user_id, store_seed(input.seed))[0]
                      .as<std::int64_t>();
    Json tasks = Json::array();
    int position = 0;
    for (const auto& pick : selected) {
        const auto& [template_db_id, body] = bodies.at(pick.template_id);
        auto seed = static_cast<std::uint64_t>(store_seed(pick.seed));
        auto tmpl = TRY(decode_task_template(TRY(parse_json(body))));
        auto task = TRY(generate_task(tmpl, seed));
        // The task keeps the template as it was, so a later curriculum edit
        // cannot change how an answer to it is graded.
        auto task_id = txn.exec_params1("INSERT INTO tasks (tenant_id, set_id, position, template_id, template_body, seed)"
                                        " VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id",
                             caller.tenant_id, set_id, position++, template_db_id, body, static_cast<std::int64_t>(seed))[0]
                          .as<std::int64_t>();
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
    auto stored = txn.exec_params("SELECT r.verdict, r.score, r.known_after, r.task_id, r.student_id FROM task_responses r"
                                  " WHERE r.client_id = $1",
        client_id);
    if (!stored.empty()) {
        if (stored[0][3].as<std::int64_t>() != task_id || stored[0][4].as<std::int64_t>() != caller.user_id)
            return make_error(ErrorCode::Conflict, "client_id was already used for another task", "client_id");
        return json_response(200, { { "verdict", stored[0][0].as<std::string>() }, { "score", stored[0][1].as<double>() },
                                      { "known", stored[0][2].as<double>() }, { "duplicate", true } });
    }

    auto rows = txn.exec_params(
        "SELECT k.seed, k.template_body::text, t.id, t.code, t.title, t.strand, coalesce(p.bkt, t.bkt)::text,"
        " EXISTS (SELECT 1 FROM task_responses r WHERE r.task_id = k.id), s.created_at::text"
        " FROM tasks k JOIN task_sets s ON s.id = k.set_id JOIN task_templates tt ON tt.id = k.template_id"
        " JOIN learning_targets t ON t.id = tt.target_id LEFT JOIN tenant_target_params p ON p.target_id = t.id"
        " WHERE k.id = $1 AND s.student_id = $2",
        task_id, caller.user_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, "Task not found");
    const auto& row = rows[0];
    if (row[7].as<bool>())
        return headline_error(ErrorCode::Conflict, "Task already answered", "Each task of a set is answered once");
    auto target_db_id = row[2].as<std::int64_t>();
    // Answers to one student's target are applied one at a time, so two
    // devices syncing at once cannot both start from the same mastery.
    txn.exec_params("SELECT pg_advisory_xact_lock(hashtextextended('learnloop.mastery.' || $1 || '.' || $2, 0))",
        caller.user_id, target_db_id);
    auto state = txn.exec_params("SELECT known, attempts FROM mastery_states WHERE student_id = $1 AND target_id = $2",
        caller.user_id, target_db_id);

    // The authoritative grade: the same template, seed and grader as the browser.
    auto tmpl = TRY(decode_task_template(TRY(parse_json(row[1].as<std::string>()))));
    auto task = TRY(generate_task(tmpl, static_cast<std::uint64_t>(row[0].as<std::int64_t>())));
    auto result = TRY(grade(task, body["answer"]));
    auto verdict = std::string(verdict_name(result.verdict));
    bool disagreement = client_verdict && *client_verdict != verdict;
    if (disagreement)
        std::fprintf(stderr, "{\"level\":\"warning\",\"event\":\"grade_disagreement\",\"task_id\":%lld,\"client\":\"%s\",\"server\":\"%s\"}\n",
            static_cast<long long>(task_id), client_verdict->substr(0, 20).c_str(), verdict.c_str());

    auto params = params_or_default(row[6].as<std::string>());
    double known_before = state.empty() ? params.prior : state[0][0].as<double>();
    double known_after = bkt_update(params, known_before, result.verdict == Verdict::Correct);
    int attempts = (state.empty() ? 0 : state[0][1].as<int>()) + 1;
    txn.exec_params("INSERT INTO mastery_states (tenant_id, student_id, target_id, known, attempts) VALUES ($1, $2, $3, $4, $5)"
                    " ON CONFLICT (student_id, target_id) DO UPDATE SET known = EXCLUDED.known, attempts = EXCLUDED.attempts,"
                    " updated_at = now()",
        caller.tenant_id, caller.user_id, target_db_id, known_after, attempts);
    // A concurrent answer to the same task (another client id) loses here.
    auto inserted = txn.exec_params(
        "INSERT INTO task_responses (tenant_id, task_id, student_id, client_id, answer, verdict, score,"
        " client_verdict, disagreement, known_after, answered_at)"
        " VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10,"
        // When the device says it was answered, but not before the task
        // existed ($12, the set's creation) nor after now (a device's clock can be wrong).
        "  least(greatest(coalesce($11::timestamptz, now()), $12::timestamptz), now()))"
        " ON CONFLICT DO NOTHING RETURNING id",
        caller.tenant_id, task_id, caller.user_id, client_id, body["answer"].dump(), verdict, result.score,
        client_verdict, disagreement, known_after, answered_at, row[8].as<std::string>());
    if (inserted.empty())
        return headline_error(ErrorCode::Conflict, "Task already answered", "Each task of a set is answered once");
    auto response_id = inserted[0][0].as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "task.answer", "task_response", std::to_string(response_id),
                          { { "known", known_before } }, { { "known", known_after }, { "verdict", verdict } } });

    auto json = to_json(result, task);
    json["target"] = target_state_json(row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>(),
        known_after, attempts, params);
    json["known_before"] = known_before;
    json["disagreement"] = disagreement;
    json["duplicate"] = false;
    return json_response(201, std::move(json));
}

// GET /api/practice/stats: answers received and client/server grade
// disagreements (which should stay at zero: both sides run the same grader).
Result<ApiResponse> handle_practice_stats(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    auto row = txn.exec1("SELECT count(*), count(*) FILTER (WHERE disagreement),"
                         " count(DISTINCT student_id) FROM task_responses");
    return json_response(200, { { "answers", row[0].as<std::int64_t>() }, { "disagreements", row[1].as<std::int64_t>() },
                                  { "students", row[2].as<std::int64_t>() } });
}

// [SECTION] mastery ----------------------------------------------------------

// GET /api/mastery?student_id= (students may omit it)
Result<ApiResponse> handle_student_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    std::int64_t student_id = caller.user_id;
    if (req.has_param("student_id"))
        student_id = TRY(parse_id(req.get_param_value("student_id"), "Student not found"));
    else if (caller.role != Role::Student)
        return make_error(ErrorCode::InvalidArgument, "student_id is required", "student_id");
    if (!may_see_student(txn, caller, student_id))
        return make_error(ErrorCode::NotFound, "Student not found");

    Json targets = Json::array();
    std::vector<TargetMastery> states;
    for (const auto& row : assigned_targets(txn, student_id)) {
        auto code = row[1].as<std::string>();
        targets.push_back(target_state_json(code, row[2].as<std::string>(), row[3].as<std::string>(), row[5].as<double>(),
            row[6].as<int>(), params_or_default(row[4].as<std::string>())));
        states.push_back({ code, row[5].as<double>(), row[6].as<int>() });
    }
    Json weak = Json::array();
    for (const auto& spot : weak_spots(states))
        weak.push_back(spot.target_id);
    // The history, newest first, paged with ?history_limit= (default and
    // most 500) and ?history_offset=; "history_total" counts every answer.
    auto history_limit = TRY(parse_number_param(req, "history_limit", 1, 500, 500));
    auto history_offset = TRY(parse_number_param(req, "history_offset", 0, 1'000'000'000, 0));
    Json history = Json::array();
    std::int64_t history_total = 0;
    for (const auto& row : txn.exec_params(
             "SELECT t.code, r.known_after, r.verdict, to_char(r.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
             " to_char(r.answered_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI'), count(*) OVER ()"
             " FROM task_responses r JOIN tasks k ON k.id = r.task_id JOIN task_templates tt ON tt.id = k.template_id"
             " JOIN learning_targets t ON t.id = tt.target_id WHERE r.student_id = $1"
             " ORDER BY r.answered_at DESC, r.id DESC LIMIT $3 OFFSET $4",
             student_id, caller.time_zone, history_limit, history_offset)) {
        history.push_back({ { "target_id", row[0].as<std::string>() }, { "known", row[1].as<double>() },
            { "verdict", row[2].as<std::string>() }, { "answered_at", row[3].as<std::string>() },
            { "answered_local", row[4].as<std::string>() } });
        history_total = row[5].as<std::int64_t>();
    }
    if (history.empty() && history_offset > 0)
        history_total = txn.exec_params1("SELECT count(*) FROM task_responses WHERE student_id = $1", student_id)[0]
                            .as<std::int64_t>();
    return json_response(200, { { "student_id", student_id }, { "targets", targets }, { "weak_spots", weak },
                                  { "history", history }, { "history_total", history_total } });
}

// GET /api/classes/<id>/mastery: the heatmap, students × the class's assigned targets.
Result<ApiResponse> handle_class_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], "Class not found"));
    auto owner = txn.exec_params("SELECT teacher_id FROM classes WHERE id = $1 AND deleted_at IS NULL", class_id);
    if (owner.empty())
        return make_error(ErrorCode::NotFound, "Class not found");
    if (permission_scope(caller.role, Action::ClassMasteryRead) == Scope::Class
        && owner[0][0].as<std::int64_t>() != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not teach this class");

    auto rows = txn.exec_params(
        "SELECT u.id, u.name, t.code, t.title, coalesce(m.known, (coalesce(p.bkt, t.bkt)->>'prior')::float8),"
        " coalesce(m.attempts, 0)"
        " FROM class_members cm JOIN users u ON u.id = cm.student_id AND u.deleted_at IS NULL"
        " JOIN target_assignments a ON a.student_id = u.id AND a.removed_at IS NULL"
        " JOIN learning_targets t ON t.id = a.target_id AND t.retired_at IS NULL"
        " LEFT JOIN tenant_target_params p ON p.target_id = t.id"
        " LEFT JOIN mastery_states m ON m.student_id = u.id AND m.target_id = t.id"
        " WHERE cm.class_id = $1 ORDER BY u.name, u.id, t.code",
        class_id);
    std::vector<HeatmapRow> heatmap_rows;
    heatmap_rows.reserve(rows.size());
    for (const auto& row : rows)
        heatmap_rows.push_back({ row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
            row[3].as<std::string>(), row[4].as<double>(), row[5].as<int>() });
    // Students are paged (?limit=, ?offset=); "needs_help" covers the whole class.
    auto page = TRY(parse_page(req));
    return json_response(200, to_json(build_class_heatmap(class_id, heatmap_rows, page.offset, page.limit)));
}

} // namespace learnloop::server
