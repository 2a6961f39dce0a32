// The school's people and structure: users, classes and members, parent links
// and link codes, and class gradebooks (JSON and CSV).
// [SECTION] users, [SECTION] classes, [SECTION] parents, [SECTION] gradebook
#include "audit/audit_log.hpp"
#include "platform/crypto.hpp"
#include "tracker/gradebook.hpp"
#include "http/handlers.hpp"
#include "identity/identity_store.hpp"
#include "core/validation.hpp"
#include "identity/new_user.hpp"
#include "identity/user_fields.hpp"

namespace learnloop::server {

namespace {

// Columns: id, email, name, role, deleted_at, profile.
const char* k_user_columns = "u.id, u.email, u.name, u.role, u.deleted_at, u.profile::text";

Json user_json(const pqxx::row& row)
{
    auto profile = parse_json(row[5].as<std::string>());
    return { { "id", row[0].as<std::int64_t>() }, { "email", row[1].as<std::string>() },
        { "name", row[2].as<std::string>() }, { "role", row[3].as<std::string>() },
        { "active", row[4].is_null() }, { "profile", profile.ok() ? profile.value() : Json::object() } };
}

std::optional<std::string> user_role(pqxx::work& txn, std::int64_t id)
{
    auto rows = txn.exec_params("SELECT role FROM users WHERE id = $1 AND deleted_at IS NULL", id);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::string>();
}

// A class the caller may manage: administrators any of the tenant's, a
// teacher their own. Returns the teacher's id, or nullopt when not found
// (another tenant's class reads as absent).
std::optional<std::int64_t> class_teacher(pqxx::work& txn, std::int64_t class_id)
{
    auto rows = txn.exec_params("SELECT teacher_id FROM classes WHERE id = $1 AND deleted_at IS NULL", class_id);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::int64_t>();
}

const char* k_class_not_found = "Class not found";
const char* k_user_not_found = "User not found";

Result<ApiResponse> managed_class(pqxx::work& txn, const Caller& caller, std::int64_t class_id, Action action)
{
    if (!is_allowed(caller.role, action))
        return role_refused(action);
    auto teacher = class_teacher(txn, class_id);
    if (!teacher)
        return make_error(ErrorCode::NotFound, k_class_not_found);
    // Teachers act only on the classes they teach, whatever the action's scope.
    if (caller.role == Role::Teacher && *teacher != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not teach this class");
    return json_response(200, nullptr);
}

} // namespace

// [SECTION] users ----------------------------------------------------------

Result<ApiResponse> handle_list_users(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto scope = permission_scope(caller.role, Action::UserList);
    if (scope == Scope::None)
        return role_refused(Action::UserList);
    auto page = TRY(parse_page(req));
    std::optional<std::string> role;
    if (req.has_param("role"))
        role = std::string(role_name(TRY(parse_role(req.get_param_value("role")))));
    // Teachers see the students of their classes; administrators and moderators everyone.
    auto rows = txn.exec_params(
        "SELECT " + std::string(k_user_columns) + ", count(*) OVER () FROM users u"
        " WHERE ($1::text IS NULL OR u.role = $1)"
        " AND ($2 = 'tenant' OR (u.role = 'student' AND EXISTS (SELECT 1 FROM class_members m JOIN classes c ON c.id = m.class_id"
        "      WHERE m.student_id = u.id AND c.teacher_id = $3)))"
        " AND ($2 = 'tenant' OR u.deleted_at IS NULL)"
        " ORDER BY u.name, u.id LIMIT $4 OFFSET $5",
        role, std::string(scope_name(scope)), caller.user_id, page.limit, page.offset);
    return paged_list(req, page, rows, 6, user_json, [&] {
        return txn.exec_params1(
                      "SELECT count(*) FROM users u WHERE ($1::text IS NULL OR u.role = $1)"
                      " AND ($2 = 'tenant' OR (u.role = 'student' AND EXISTS (SELECT 1 FROM class_members m JOIN classes c ON c.id = m.class_id"
                      "      WHERE m.student_id = u.id AND c.teacher_id = $3)))"
                      " AND ($2 = 'tenant' OR u.deleted_at IS NULL)",
                      role, std::string(scope_name(scope)), caller.user_id)[0]
            .as<std::int64_t>();
    });
}

Result<ApiResponse> handle_create_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "email", "name", "password", "role", "profile" }));
    NewUserInput input;
    input.email = TRY(json_string_field(body, "email"));
    input.name = TRY(json_string_field(body, "name"));
    input.password = TRY(json_string_field(body, "password"));
    input.role = TRY(json_string_field(body, "role"));
    if (body.contains("profile"))
        input.profile = body["profile"];
    auto valid = TRY(validate_new_user(input, NewUserRoles::Any));
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
    auto rows = txn.exec_params("SELECT " + std::string(k_user_columns) + " FROM users u WHERE u.id = $1 FOR UPDATE", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_user_not_found);
    auto before = user_json(rows[0]);
    std::string name = before["name"], role = before["role"];
    Json profile = before["profile"];
    TRY(json_only_fields(body, { "name", "role", "profile" }));
    if (body.contains("profile"))
        profile = TRY(apply_profile_changes(body["profile"], profile));
    if (body.contains("name"))
        name = TRY(validate_display_name(TRY(json_string_field(body, "name"))));
    if (body.contains("role"))
        role = std::string(role_name(TRY(parse_role(TRY(json_string_field(body, "role"))))));
    if (id == caller.user_id && role != "admin")
        return make_error(ErrorCode::FailedPrecondition, "You cannot remove your own administrator role", "role");
    // Class membership, teaching and parent links belong to a role; changing
    // the role underneath them would leave, say, an administrator in a class
    // list. They are removed first, each with its own audit row.
    if (role != before["role"].get<std::string>()) {
        auto ties = txn.exec_params1(
            "SELECT (SELECT count(*) FROM class_members WHERE student_id = $1)"
            " + (SELECT count(*) FROM classes WHERE teacher_id = $1 AND deleted_at IS NULL)"
            " + (SELECT count(*) FROM parent_links WHERE parent_id = $1 OR student_id = $1)",
            id)[0]
                        .as<std::int64_t>();
        if (ties > 0)
            return make_error(ErrorCode::FailedPrecondition,
                "Remove this user from their classes and parent links before changing their role", "role");
    }
    txn.exec_params("UPDATE users SET name = $2, role = $3, profile = $4::jsonb, updated_at = now() WHERE id = $1", id,
        name, role, profile.dump());
    append_audit(txn, { caller.tenant_id, caller.actor(), "user.update", "user", std::to_string(id),
                          { { "name", before["name"] }, { "role", before["role"] }, { "profile", before["profile"] } },
                          { { "name", name }, { "role", role }, { "profile", profile } } });
    return json_response(200, { { "message", "User updated" } });
}

Result<ApiResponse> handle_deactivate_user(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_user_not_found));
    if (id == caller.user_id)
        return make_error(ErrorCode::FailedPrecondition, "You cannot deactivate yourself");
    auto rows = txn.exec_params("UPDATE users SET deleted_at = now(), updated_at = now()"
                                " WHERE id = $1 AND deleted_at IS NULL RETURNING email",
        id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_user_not_found);
    txn.exec_params("UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "user.deactivate", "user", std::to_string(id),
                          { { "active", true } }, { { "active", false } } });
    return json_response(200, { { "message", "User deactivated" } });
}

// [SECTION] classes --------------------------------------------------------

Result<ApiResponse> handle_list_classes(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto scope = permission_scope(caller.role, Action::ClassRead);
    if (scope == Scope::None)
        return role_refused(Action::ClassRead);
    auto page = TRY(parse_page(req));
    auto rows = txn.exec_params(
        "SELECT c.id, c.name, c.teacher_id, t.name,"
        " (SELECT count(*) FROM class_members m WHERE m.class_id = c.id), count(*) OVER ()"
        " FROM classes c JOIN users t ON t.id = c.teacher_id WHERE c.deleted_at IS NULL AND ("
        "   $1 IN ('admin', 'moderator')"
        "   OR ($1 = 'teacher' AND c.teacher_id = $2)"
        "   OR ($1 = 'student' AND EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = c.id AND m.student_id = $2))"
        "   OR ($1 = 'parent' AND EXISTS (SELECT 1 FROM class_members m JOIN parent_links l ON l.student_id = m.student_id"
        "        WHERE m.class_id = c.id AND l.parent_id = $2)))"
        " ORDER BY c.name, c.id LIMIT $3 OFFSET $4",
        std::string(role_name(caller.role)), caller.user_id, page.limit, page.offset);
    return paged_list(req, page, rows, 5, [](const pqxx::row& row) -> Json {
        return { { "id", row[0].as<std::int64_t>() }, { "name", row[1].as<std::string>() },
            { "teacher_id", row[2].as<std::int64_t>() }, { "teacher_name", row[3].as<std::string>() },
            { "member_count", row[4].as<std::int64_t>() } };
    }, [&] {
        return txn.exec_params1(
                      "SELECT count(*) FROM classes c WHERE c.deleted_at IS NULL AND ("
                      "   $1 IN ('admin', 'moderator')"
                      "   OR ($1 = 'teacher' AND c.teacher_id = $2)"
                      "   OR ($1 = 'student' AND EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = c.id AND m.student_id = $2))"
                      "   OR ($1 = 'parent' AND EXISTS (SELECT 1 FROM class_members m JOIN parent_links l ON l.student_id = m.student_id"
                      "        WHERE m.class_id = c.id AND l.parent_id = $2)))",
                      std::string(role_name(caller.role)), caller.user_id)[0]
            .as<std::int64_t>();
    });
}

Result<ApiResponse> handle_create_class(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "name", "teacher_id" }));
    auto name = TRY(validate_text(TRY(json_string_field(body, "name")), "name", "Name", 1, 100, TextLines::Single));
    std::int64_t teacher_id = caller.user_id;
    if (caller.role == Role::Admin) {
        teacher_id = TRY(json_int_field(body, "teacher_id"));
        if (user_role(txn, teacher_id) != "teacher")
            return make_error(ErrorCode::InvalidArgument, "teacher_id must be an active teacher", "teacher_id");
    }
    auto id = txn.exec_params1("INSERT INTO classes (tenant_id, name, teacher_id) VALUES ($1, $2, $3) RETURNING id",
                     caller.tenant_id, name, teacher_id)[0]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "class.create", "class", std::to_string(id), nullptr,
                          { { "name", name }, { "teacher_id", teacher_id } } });
    return json_response(201, { { "message", "Class created" }, { "class_id", id } });
}

Result<ApiResponse> handle_list_members(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    auto allowed = TRY(managed_class(txn, caller, class_id, Action::UserList));
    if (allowed.status != 200)
        return allowed;
    auto page = TRY(parse_page(req));
    auto rows = txn.exec_params("SELECT " + std::string(k_user_columns) + ", count(*) OVER () FROM class_members m"
                                " JOIN users u ON u.id = m.student_id WHERE m.class_id = $1 AND u.deleted_at IS NULL"
                                " ORDER BY u.name, u.id LIMIT $2 OFFSET $3",
        class_id, page.limit, page.offset);
    return paged_list(req, page, rows, 6, user_json, [&] {
        return txn.exec_params1("SELECT count(*) FROM class_members m JOIN users u ON u.id = m.student_id"
                                " WHERE m.class_id = $1 AND u.deleted_at IS NULL",
                      class_id)[0]
            .as<std::int64_t>();
    });
}

Result<ApiResponse> handle_add_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    auto allowed = TRY(managed_class(txn, caller, class_id, Action::ClassManage));
    if (allowed.status != 200)
        return allowed;
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id" }));
    auto student_id = TRY(json_int_field(body, "student_id"));
    if (user_role(txn, student_id) != "student")
        return make_error(ErrorCode::InvalidArgument, "student_id must be an active student", "student_id");
    auto inserted = txn.exec_params("INSERT INTO class_members (tenant_id, class_id, student_id) VALUES ($1, $2, $3)"
                                    " ON CONFLICT DO NOTHING RETURNING student_id",
        caller.tenant_id, class_id, student_id);
    if (inserted.empty())
        return headline_error(ErrorCode::AlreadyExists, "Already a member", "The student is already in this class");
    append_audit(txn, { caller.tenant_id, caller.actor(), "class.add_member", "class", std::to_string(class_id),
                          nullptr, { { "student_id", student_id } } });
    return json_response(201, { { "message", "Student added" } });
}

Result<ApiResponse> handle_remove_member(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    auto student_id = TRY(parse_id(req.matches[2], "Member not found"));
    auto allowed = TRY(managed_class(txn, caller, class_id, Action::ClassManage));
    if (allowed.status != 200)
        return allowed;
    auto removed = txn.exec_params("DELETE FROM class_members WHERE class_id = $1 AND student_id = $2 RETURNING student_id",
        class_id, student_id);
    if (removed.empty())
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
    if (user_role(txn, parent_id) != "parent")
        return make_error(ErrorCode::InvalidArgument, "parent_id must be an active parent", "parent_id");
    if (user_role(txn, student_id) != "student")
        return make_error(ErrorCode::InvalidArgument, "student_id must be an active student", "student_id");
    auto inserted = txn.exec_params("INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES ($1, $2, $3)"
                                    " ON CONFLICT DO NOTHING RETURNING parent_id",
        caller.tenant_id, parent_id, student_id);
    if (inserted.empty())
        return headline_error(ErrorCode::AlreadyExists, "Already linked", "This parent is already linked to this student");
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link.create", "parent_link",
                          std::to_string(parent_id) + ":" + std::to_string(student_id), nullptr,
                          { { "parent_id", parent_id }, { "student_id", student_id } } });
    return json_response(201, { { "message", "Parent linked" } });
}

Result<ApiResponse> handle_list_parent_links(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    auto rows = txn.exec_params("SELECT l.parent_id, p.name, l.student_id, s.name, count(*) OVER () FROM parent_links l"
                                " JOIN users p ON p.id = l.parent_id JOIN users s ON s.id = l.student_id"
                                " ORDER BY p.name, s.name LIMIT $1 OFFSET $2",
        page.limit, page.offset);
    return paged_list(req, page, rows, 4, [](const pqxx::row& row) -> Json {
        return { { "parent_id", row[0].as<std::int64_t>() }, { "parent_name", row[1].as<std::string>() },
            { "student_id", row[2].as<std::int64_t>() }, { "student_name", row[3].as<std::string>() } };
    }, [&] { return txn.exec1("SELECT count(*) FROM parent_links")[0].as<std::int64_t>(); });
}

// A one-time code (valid 7 days) a parent redeems to link themselves to a student.
Result<ApiResponse> handle_create_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "student_id" }));
    auto student_id = TRY(json_int_field(body, "student_id"));
    if (user_role(txn, student_id) != "student")
        return make_error(ErrorCode::InvalidArgument, "student_id must be an active student", "student_id");
    auto code = random_hex(8);   // 64 bits, short enough to read out, single use, expiring
    auto row = txn.exec_params1("INSERT INTO parent_link_codes (tenant_id, student_id, code_hash, expires_at)"
                                " VALUES ($1, $2, decode($3, 'hex'), now() + interval '7 days')"
                                " RETURNING id, to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
        caller.tenant_id, student_id, sha256_hex(code));
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link_code.create", "parent_link_code",
                          row[0].as<std::string>(), nullptr, { { "student_id", student_id } } });
    return json_response(201, { { "code", code }, { "expires_at", row[1].as<std::string>() } });
}

Result<ApiResponse> handle_redeem_link_code(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "code" }));
    auto code = std::string(trim(TRY(json_string_field(body, "code"))));
    auto rows = txn.exec_params("UPDATE parent_link_codes SET redeemed_at = now(), redeemed_by = $2"
                                " WHERE code_hash = decode($1, 'hex') AND redeemed_at IS NULL AND expires_at > now()"
                                " RETURNING id, student_id",
        sha256_hex(code), caller.user_id);
    if (rows.empty())
        return headline_error(ErrorCode::NotFound, "Code not found", "The code is wrong, expired or already used");
    auto student_id = rows[0][1].as<std::int64_t>();
    txn.exec_params("INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        caller.tenant_id, caller.user_id, student_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "parent_link.redeem", "parent_link",
                          std::to_string(caller.user_id) + ":" + std::to_string(student_id), nullptr,
                          { { "student_id", student_id }, { "code_id", rows[0][0].as<std::int64_t>() } } });
    return json_response(200, { { "message", "Linked" }, { "student_id", student_id } });
}

Result<ApiResponse> handle_children(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    auto rows = txn.exec_params("SELECT " + std::string(k_user_columns) + ", count(*) OVER () FROM parent_links l"
                                " JOIN users u ON u.id = l.student_id WHERE l.parent_id = $1 AND u.deleted_at IS NULL"
                                " ORDER BY u.name, u.id LIMIT $2 OFFSET $3",
        caller.user_id, page.limit, page.offset);
    return paged_list(req, page, rows, 6, user_json, [&] {
        return txn.exec_params1("SELECT count(*) FROM parent_links l JOIN users u ON u.id = l.student_id"
                                " WHERE l.parent_id = $1 AND u.deleted_at IS NULL",
                      caller.user_id)[0]
            .as<std::int64_t>();
    });
}

// [SECTION] gradebook ------------------------------------------------------

namespace {

Result<Gradebook> load_gradebook(pqxx::work& txn, const Caller& caller, std::int64_t class_id)
{
    std::vector<GradebookStudent> students;
    for (const auto& row : txn.exec_params("SELECT u.id, u.name FROM class_members m JOIN users u ON u.id = m.student_id"
                                           " WHERE m.class_id = $1 AND u.deleted_at IS NULL",
             class_id))
        students.push_back({ row[0].as<std::int64_t>(), row[1].as<std::string>() });
    std::vector<GradebookAssignment> assignments;
    for (const auto& row : txn.exec_params("SELECT id, title, to_char(due_at AT TIME ZONE $2, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
                                           " FROM assignments WHERE class_id = $1 AND deleted_at IS NULL",
             class_id, caller.time_zone))
        assignments.push_back({ row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>() });
    std::vector<GradebookSubmission> submissions;
    for (const auto& row : txn.exec_params("SELECT s.student_id, s.assignment_id, s.grade, s.late FROM submissions s"
                                           " JOIN assignments a ON a.id = s.assignment_id"
                                           " WHERE a.class_id = $1 AND a.deleted_at IS NULL",
             class_id)) {
        GradebookSubmission s { row[0].as<std::int64_t>(), row[1].as<std::int64_t>(), std::nullopt, row[3].as<bool>() };
        if (!row[2].is_null())
            s.grade = row[2].as<double>();
        submissions.push_back(s);
    }
    return build_gradebook(std::move(students), std::move(assignments), submissions);
}

} // namespace

Result<ApiResponse> handle_gradebook(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], k_class_not_found));
    auto allowed = TRY(managed_class(txn, caller, class_id, Action::GradebookRead));
    if (allowed.status != 200)
        return allowed;
    auto book = TRY(load_gradebook(txn, caller, class_id));
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
