// Access in one place: who a caller may reach. Turns (caller, the permission
// matrix's scope for an action) into the parameters every scoped query takes,
// and answers "may this caller see this student / manage this class".
// Handlers ask here instead of writing their own membership queries.
//
//   auto reach = reach_for(caller, Action::MasteryRead);
//   if (!student_in_reach(txn, reach, student_id)) return make_error(ErrorCode::NotFound, "Student not found");
#pragma once

#include "http/api.hpp"

#include <optional>

namespace learnloop::server {

// A caller's reach for one action: the matrix's scope and the caller's id,
// passed to SQL as ($scope text, $user bigint) so queries filter by scope
// rather than by role names.
struct Reach {
    Scope scope = Scope::None;
    std::int64_t user_id = 0;
    [[nodiscard]] std::string scope_name() const { return std::string(learnloop::scope_name(scope)); }
};

[[nodiscard]] Reach reach_for(const Caller& caller, Action action);

// Whether `student_id` is an active student within `reach` (the tenant's,
// a class the caller teaches, a linked child, or the caller themself).
[[nodiscard]] bool student_in_reach(pqxx::transaction_base& txn, const Reach& reach, std::int64_t student_id);

// The teacher of a live class of the tenant, or nothing (another tenant's
// class reads as absent).
[[nodiscard]] std::optional<std::int64_t> class_teacher(pqxx::transaction_base& txn, std::int64_t class_id);

// A class the caller may manage for `action`: NotFound when there is no such
// class; a teacher only the classes they teach, whatever the action's scope
// (PermissionDenied "You do not teach this class").
[[nodiscard]] Result<void> require_class_in_reach(pqxx::transaction_base& txn, const Caller& caller, std::int64_t class_id);

// Whether `user_id` is an active user of the tenant holding `role`: who may
// be made a class's teacher, enrolled in a class, or linked as a parent or a
// child.
[[nodiscard]] bool has_active_role(pqxx::transaction_base& txn, std::int64_t user_id, Role role);

} // namespace learnloop::server
