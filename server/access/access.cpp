// Access checks over the named queries in server/access/queries/.
#include "access/access.hpp"

#include "marketplace/reach.hpp"

namespace learnloop::server {

Reach reach_for(const Caller& caller, Action action)
{
    return { permission_scope(caller.role, action, caller.approval), caller.user_id };
}

std::string marketplace_scope(const Caller& caller, Action action)
{
    return marketplace_reach_name(marketplace_reach(caller.role, caller.approval, action));
}

Result<std::int64_t> requested_student(const httplib::Request& req, pqxx::transaction_base& txn,
    const Caller& caller, Action action)
{
    const auto reach = reach_for(caller, action);
    std::int64_t id = caller.user_id;
    if (req.has_param("student_id"))
        id = TRY(parse_id(req.get_param_value("student_id"), "Student not found"));
    else if (reach.scope != Scope::Own)   // only a student has one student of their own to mean
        return make_error(ErrorCode::InvalidArgument, "student_id is required", "student_id");
    if (!student_in_reach(txn, reach, id))
        return make_error(ErrorCode::NotFound, "Student not found");
    return id;
}

bool student_in_reach(pqxx::transaction_base& txn, const Reach& reach, std::int64_t student_id)
{
    if (reach.scope == Scope::None)
        return false;
    return exec_named(txn, "access/student_in_reach", reach.scope_name(), reach.user_id, student_id)[0]["in_reach"]
        .as<bool>();
}

bool student_enrolable(pqxx::transaction_base& txn, const Caller& caller, std::int64_t student_id)
{
    return student_in_reach(txn, reach_for(caller, Action::UserList), student_id);
}

std::optional<std::int64_t> class_teacher(pqxx::transaction_base& txn, std::int64_t class_id)
{
    auto rows = exec_named(txn, "access/class_teacher", class_id);
    if (rows.empty())
        return std::nullopt;
    return rows[0]["teacher_id"].as<std::int64_t>();
}

Result<void> require_class_in_reach(pqxx::transaction_base& txn, const Caller& caller, std::int64_t class_id)
{
    auto teacher = class_teacher(txn, class_id);
    if (!teacher)
        return make_error(ErrorCode::NotFound, "Class not found");
    if (caller.role == Role::Teacher && *teacher != caller.user_id)
        return make_error(ErrorCode::PermissionDenied, "You do not teach this class");
    return {};
}

bool has_active_role(pqxx::transaction_base& txn, std::int64_t user_id, Role role)
{
    return exec_named(txn, "access/has_active_role", user_id, std::string(role_name(role)))[0]["has_role"].as<bool>();
}

} // namespace learnloop::server
