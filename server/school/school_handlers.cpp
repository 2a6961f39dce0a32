// The school's people and structure: users, classes and members, parent links
// and link codes, and class gradebooks (JSON and CSV).
// [SECTION] users, [SECTION] classes, [SECTION] parents, [SECTION] gradebook
#include "school/school_handlers.hpp"

#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "identity/identity_store.hpp"
#include "identity/new_user.hpp"
#include "identity/user_fields.hpp"
#include "platform/crypto.hpp"
#include "school/school_repository.hpp"

namespace learnloop::server {

namespace {

const char* k_class_not_found = "Class not found";
const char* k_user_not_found = "User not found";

// The 400 for an id in a body that does not name an active (and approved) user of the role.
Result<void> require_active_role(pqxx::work& txn, std::int64_t user_id, Role role, const char* field)
{
    if (has_active_role(txn, user_id, role))
        return {};
    return make_error(ErrorCode::InvalidArgument,
        std::string(field) + " must be an active " + std::string(role_name(role)), field);
}

// The 400 for a body's student_id that names no active student within the
// caller's reach for `action` (for the school's staff, the whole school): a
// missing id and one out of reach answer alike.
Result<void> require_student_in_reach(pqxx::work& txn, const Caller& caller, Action action, std::int64_t student_id)
{
    if (student_in_reach(txn, reach_for(caller, action), student_id))
        return {};
    return make_error(ErrorCode::InvalidArgument, "student_id must be an active student", "student_id");
}

} // namespace

// [SECTION] users ----------------------------------------------------------

Result<ApiResponse> handle_list_users(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    std::optional<std::string> role;
    if (req.has_param("role"))
        role = std::string(role_name(TRY(parse_role(req.get_param_value("role")))));
    // Teachers see the students of their classes; administrators and moderators everyone.
    auto reach = reach_for(caller, Action::UserList);
    return paged_response(req, page, list_users(txn, page, role, reach.scope_name(), reach.user_id));
}

Result<ApiResponse> handle_create_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "email", "name", "password", "role", "profile" }));
    auto valid = TRY(validate_new_user(TRY(read_new_user_input(body)), NewUserRoles::Any));
    // Finer than the matrix: moderators may add users, but students only.
    if (!may_create_role(caller.role, valid.role))
        return role_refused("Moderators can add students only");
    NewUser user { caller.tenant_id, std::move(valid.email), std::move(valid.name), valid.role,
        std::move(valid.password), std::move(valid.profile) };
    auto id = create_user(txn, user, caller.actor());
    if (!id.ok() && id.error().code == ErrorCode::AlreadyExists)
        return headline_error(ErrorCode::AlreadyExists, "Email already registered");
    return json_response(201, { { "message", "User created" }, { "user_id", TRY(std::move(id)) } });
}

Result<ApiResponse> handle_update_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_user_not_found));
    auto body = TRY(parse_json_body(req));
    auto before = lock_user(txn, id);
    if (!before)
        return make_error(ErrorCode::NotFound, k_user_not_found);
    std::string name = before->name, role = before->role;
    Json profile = before->profile;
    TRY(json_only_fields(body, { "name", "role", "profile" }));
    if (body.contains("profile"))
        profile = TRY(apply_profile_changes(body["profile"], profile));
    if (body.contains("name"))
        name = TRY(validate_display_name(TRY(json_string_field(body, "name"))));
    if (body.contains("role"))
        role = std::string(role_name(TRY(parse_role(TRY(json_string_field(body, "role"))))));
    if (id == caller.user_id && role != role_name(Role::Admin))
        return make_error(ErrorCode::FailedPrecondition, "You cannot remove your own administrator role", "role");
    // Class membership, teaching and parent links belong to a role; changing
    // the role underneath them would leave, say, an administrator in a class
    // list. They are removed first, each with its own audit row.
    if (role != before->role && count_role_ties(txn, id) > 0)
        return make_error(ErrorCode::FailedPrecondition,
            "Remove this user from their classes and parent links before changing their role", "role");
    update_user(txn, id, name, role, profile);
    append_audit(txn, { caller.tenant_id, caller.actor(), "user.update", "user", std::to_string(id),
                          { { "name", before->name }, { "role", before->role }, { "profile", before->profile } },
                          { { "name", name }, { "role", role }, { "profile", profile } } });
    return json_response(200, { { "message", "User updated" } });
}

Result<ApiResponse> handle_deactivate_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_user_not_found));
    if (id == caller.user_id)
        return make_error(ErrorCode::FailedPrecondition, "You cannot deactivate yourself");
    if (!deactivate_user(txn, id))
        return make_error(ErrorCode::NotFound, k_user_not_found);
    revoke_user_sessions(txn, id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "user.deactivate", "user", std::to_string(id),
                          { { "active", true } }, { { "active", false } } });
    return json_response(200, { { "message", "User deactivated" } });
}

// [SECTION] classes --------------------------------------------------------

Result<ApiResponse> handle_list_classes(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    auto reach = reach_for(caller, Action::ClassRead);
    return paged_response(req, page, list_classes(txn, page, reach.scope_name(), reach.user_id));
}

Result<ApiResponse> handle_create_class(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "name", "teacher_id" }));
    auto name = TRY(validate_text(TRY(json_string_field(body, "name")), "name", "Name", 1, 100, TextLines::Single));
    // Whoever manages the whole school's classes names the teacher; a teacher
    // (whose reach is their own classes) teaches the class they create.
    std::int64_t teacher_id = caller.user_id;
    if (reach_for(caller, Action::ClassManage).scope == Scope::Tenant) {
        teacher_id = TRY(json_int_field(body, "teacher_id"));
        TRY(require_active_role(txn, teacher_id, Role::Teacher, "teacher_id"));
    }
    auto id = create_class(txn, caller.tenant_id, name, teacher_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "class.create", "class", std::to_string(id), nullptr,
                          { { "name", name }, { "teacher_id", teacher_id } } });
    return json_response(201, { { "message", "Class created" }, { "class_id", id } });
}

Result<ApiResponse> handle_list_members(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    TRY(require_class_in_reach(txn, caller, class_id));
    auto page = TRY(parse_page(req));
    return paged_response(req, page, list_members(txn, page, class_id));
}

Result<ApiResponse> handle_add_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    TRY(require_class_in_reach(txn, caller, class_id));
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id" }));
    auto student_id = TRY(json_int_field(body, "student_id"));
    // Only students the school already put within the caller's reach; any
    // other id (another school's, out of reach, missing) answers alike.
    if (!student_enrolable(txn, caller, student_id))
        return make_error(ErrorCode::NotFound, "Student not found", "student_id");
    if (!add_member(txn, caller.tenant_id, class_id, student_id))
        return headline_error(ErrorCode::AlreadyExists, "Already a member", "The student is already in this class");
    append_audit(txn, { caller.tenant_id, caller.actor(), "class.add_member", "class", std::to_string(class_id),
                          nullptr, { { "student_id", student_id } } });
    return json_response(201, { { "message", "Student added" } });
}

Result<ApiResponse> handle_remove_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    auto student_id = TRY(parse_id(req.matches[2], "Member not found"));
    TRY(require_class_in_reach(txn, caller, class_id));
    if (!remove_member(txn, class_id, student_id))
        return make_error(ErrorCode::NotFound, "Member not found");
    append_audit(txn, { caller.tenant_id, caller.actor(), "class.remove_member", "class", std::to_string(class_id),
                          { { "student_id", student_id } }, nullptr });
    return json_response(200, { { "message", "Student removed" } });
}

// [SECTION] parents --------------------------------------------------------

Result<ApiResponse> handle_create_parent_link(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "parent_id", "student_id" }));
    auto parent_id = TRY(json_int_field(body, "parent_id"));
    auto student_id = TRY(json_int_field(body, "student_id"));
    TRY(require_active_role(txn, parent_id, Role::Parent, "parent_id"));
    TRY(require_student_in_reach(txn, caller, Action::ParentLinkManage, student_id));
    if (!create_parent_link(txn, caller.tenant_id, parent_id, student_id))
        return headline_error(ErrorCode::AlreadyExists, "Already linked", "This parent is already linked to this student");
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link.create", "parent_link",
                          std::to_string(parent_id) + ":" + std::to_string(student_id), nullptr,
                          { { "parent_id", parent_id }, { "student_id", student_id } } });
    return json_response(201, { { "message", "Parent linked" } });
}

Result<ApiResponse> handle_list_parent_links(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    return paged_response(req, page, list_parent_links(txn, page));
}

// A one-time code (valid 7 days) a parent redeems to link themselves to a student.
Result<ApiResponse> handle_create_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id" }));
    auto student_id = TRY(json_int_field(body, "student_id"));
    TRY(require_student_in_reach(txn, caller, Action::ParentLinkManage, student_id));
    auto code = random_hex(8);   // 64 bits, short enough to read out, single use, expiring
    auto issued = create_link_code(txn, caller.tenant_id, student_id, sha256_hex(code));
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link_code.create", "parent_link_code", issued.id,
                          nullptr, { { "student_id", student_id } } });
    return json_response(201, { { "code", code }, { "expires_at", issued.expires_at } });
}

Result<ApiResponse> handle_redeem_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "code" }));
    auto code = std::string(trim(TRY(json_string_field(body, "code"))));
    auto redeemed = redeem_link_code(txn, sha256_hex(code), caller.user_id);
    if (!redeemed)
        return headline_error(ErrorCode::NotFound, "Code not found", "The code is wrong, expired or already used");
    // Linked already (by an administrator) is as good as linked now.
    (void)create_parent_link(txn, caller.tenant_id, caller.user_id, redeemed->student_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link.redeem", "parent_link",
                          std::to_string(caller.user_id) + ":" + std::to_string(redeemed->student_id), nullptr,
                          { { "student_id", redeemed->student_id }, { "code_id", redeemed->id } } });
    return json_response(200, { { "message", "Linked" }, { "student_id", redeemed->student_id } });
}

Result<ApiResponse> handle_children(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    return paged_response(req, page, list_children(txn, page, caller.user_id));
}

// [SECTION] gradebook ------------------------------------------------------

Result<ApiResponse> handle_gradebook(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    TRY(require_class_in_reach(txn, caller, class_id));
    auto rows = load_gradebook_rows(txn, class_id, caller.time_zone);
    auto book = build_gradebook(std::move(rows.students), std::move(rows.assignments), rows.submissions, rows.now_unix);
    if (req.path.ends_with(".csv")) {
        ApiResponse response;
        response.raw = std::make_pair(gradebook_csv(book), std::string("text/csv; charset=utf-8"));
        response.headers.emplace_back("Content-Disposition",
            "attachment; filename=\"gradebook-class-" + std::to_string(class_id) + ".csv\"");
        return response;
    }
    auto json = to_json(book);
    json["class_id"] = class_id;
    return json_response(200, std::move(json));
}

} // namespace learnloop::server
