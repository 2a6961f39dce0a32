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

// A caller's reach for one action: the matrix's scope for the caller's role
// and approval (an account waiting for approval reaches no student) and the
// caller's id, passed to SQL as ($scope text, $user bigint) so queries filter
// by scope rather than by role names.
struct Reach {
    Scope scope = Scope::None;
    std::int64_t user_id = 0;
    [[nodiscard]] std::string scope_name() const { return std::string(learnloop::scope_name(scope)); }
};

[[nodiscard]] Reach reach_for(const Caller& caller, Action action);

// The scope the marketplace's named queries take for `action` ("tenant",
// "teach" or "own"; "" for none): shared-domain's marketplace_reach for the
// caller, which the SQL function marketplace_in_reach applies.
[[nodiscard]] std::string marketplace_scope(const Caller& caller, Action action);

// Whether `student_id` is an active student within `reach` (the tenant's,
// a class the caller teaches, a linked child, or the caller themself).
[[nodiscard]] bool student_in_reach(pqxx::transaction_base& txn, const Reach& reach, std::int64_t student_id);

// The student a request names (?student_id=; a student may leave it out to
// mean themself) within the caller's reach for `action`: 400 "student_id is
// required" when someone else leaves it out, 404 "Student not found" when the
// student is out of reach (the same answer as one who does not exist).
[[nodiscard]] Result<std::int64_t> requested_student(const httplib::Request& req, pqxx::transaction_base& txn,
    const Caller& caller, Action action);

// Whether the caller may place `student_id` in a class: the students the
// school has already put within their reach. An administrator (the tenant's
// reach) any active student of the school; a teacher only students already in
// one of the classes they teach (placed there by an administrator), never an
// arbitrary id; an account waiting for approval nobody. The reach is the
// caller's user.list reach: whom they may place is whom they may see.
[[nodiscard]] bool student_enrolable(pqxx::transaction_base& txn, const Caller& caller, std::int64_t student_id);

// The teacher of a live class of the tenant, or nothing (another tenant's
// class reads as absent).
[[nodiscard]] std::optional<std::int64_t> class_teacher(pqxx::transaction_base& txn, std::int64_t class_id);

// A class the caller may manage for `action`: NotFound when there is no such
// class; a teacher only the classes they teach, whatever the action's scope
// (PermissionDenied "You do not teach this class").
[[nodiscard]] Result<void> require_class_in_reach(pqxx::transaction_base& txn, const Caller& caller, std::int64_t class_id);

// Whether `user_id` is an active, approved user of the tenant holding
// `role`: who may be made a class's teacher or linked as a parent (a teacher
// still waiting for approval may not be given a class).
[[nodiscard]] bool has_active_role(pqxx::transaction_base& txn, std::int64_t user_id, Role role);

} // namespace learnloop::server
