// The curriculum's API: browse the learning targets, add a school's own targets and templates, assign targets.
#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "practice/curriculum.hpp"
#include "practice/practice_handlers.hpp"
#include "practice/practice_repository.hpp"

#include <algorithm>

namespace learnloop::server {

// GET /api/curriculum/targets?q=&subject=&strand=&limit=&offset=
Result<ApiResponse> handle_list_targets(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    auto param = [&](const char* name) -> std::optional<std::string> {
        if (!req.has_param(name) || req.get_param_value(name).empty())
            return std::nullopt;
        return req.get_param_value(name);
    };
    auto list = list_targets(txn, { param("q"), param("subject"), param("strand") }, page);
    Json items = Json::array();
    for (const auto& target : list.targets) {
        items.push_back({ { "target_id", target.code }, { "subject", target.subject }, { "strand", target.strand },
            { "title", target.title }, { "description", target.description }, { "templates", target.templates } });
    }
    auto response = json_response(200, std::move(items));
    add_page_headers(response, req, page, list.total);
    return response;
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
    if (target_code_taken(txn, target.id))
        return make_error(ErrorCode::AlreadyExists, "A learning target " + target.id + " already exists", "id");
    auto id = insert_target(txn, caller.tenant_id, target);
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
    auto target_id = find_live_target(txn, tmpl.target_id);
    if (!target_id)
        return make_error(ErrorCode::InvalidArgument, "Unknown learning target " + tmpl.target_id, "target_id");
    if (template_code_taken(txn, tmpl.id))
        return make_error(ErrorCode::AlreadyExists, "A template " + tmpl.id + " already exists", "id");
    auto id = insert_template(txn, caller.tenant_id, tmpl, *target_id, body.dump());
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
        auto target_id = find_live_target(txn, code.get<std::string>());
        if (!target_id)
            return make_error(ErrorCode::InvalidArgument, "Unknown learning target " + code.get<std::string>(), "target_ids");
        target_ids.push_back(*target_id);
    }

    // Whom: one student (in the teacher's classes), or every member of a class the teacher teaches.
    auto reach = reach_for(caller, Action::TargetAssign);
    std::vector<std::int64_t> students;
    if (body.contains("class_id")) {
        auto class_id = TRY(json_int_field(body, "class_id"));
        TRY(require_class_in_reach(txn, caller, class_id));
        students = class_student_ids(txn, class_id);
    } else {
        auto student_id = TRY(json_int_field(body, "student_id"));
        // A student out of the caller's reach answers like one who does not
        // exist, so an id reveals nothing about who is in the school.
        if (!student_in_reach(txn, reach, student_id))
            return make_error(ErrorCode::NotFound, "Student not found");
        students.push_back(student_id);
    }
    std::optional<std::int64_t> submission_id;
    if (body.contains("submission_id") && !body["submission_id"].is_null()) {
        // The submission that prompted it: one of these students' work, to an
        // assignment of the caller's (for the school's reach: any of the school).
        submission_id = TRY(json_int_field(body, "submission_id"));
        auto owner = find_submission_owner(txn, *submission_id);
        if (!owner || (reach.scope != Scope::Tenant && owner->teacher_id != caller.user_id))
            return make_error(ErrorCode::NotFound, "Submission not found");
        if (std::find(students.begin(), students.end(), owner->student_id) == students.end())
            return make_error(ErrorCode::InvalidArgument, "submission_id must be work by the student the targets are for",
                "submission_id");
    }

    int added = 0;
    for (auto student : students) {
        for (auto target : target_ids)
            added += assign_target(txn, { caller.tenant_id, student, target, caller.user_id, submission_id }) ? 1 : 0;
    }
    append_audit(txn, { caller.tenant_id, caller.actor(), "target.assign", "target_assignment", "", nullptr,
                          { { "targets", body["target_ids"] }, { "students", students }, { "added", added },
                              { "submission_id", submission_id ? Json(*submission_id) : Json(nullptr) } } });
    return json_response(201, { { "message", "Targets assigned" }, { "assigned", added }, { "students", students.size() } });
}

} // namespace learnloop::server
