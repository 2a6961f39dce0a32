// Who may create their own account in a school, and where a new account
// stands: the sign-up endpoint, the sign-up screen and the administrators'
// settings read the same rules here.
//
//   auto standing = signup_standing(SignupPolicy::Open, Role::Teacher);   // Approval::Pending
//   signup_standing(SignupPolicy::StudentsOnly, Role::Teacher);           // PermissionDenied, field "role"
#pragma once

#include "core/result.hpp"
#include "identity/roles.hpp"

#include <string_view>
#include <vector>

namespace learnloop {

// A school's self-registration policy (tenants.signup_policy).
//   Open          anyone signs up as a teacher or a student; teachers wait for approval
//   StudentsOnly  students sign themselves up; staff accounts are made by the school
//   Nobody        the school makes every account
enum class SignupPolicy { Open, StudentsOnly, Nobody };
inline constexpr SignupPolicy k_all_signup_policies[] = { SignupPolicy::Open, SignupPolicy::StudentsOnly,
    SignupPolicy::Nobody };

[[nodiscard]] std::string_view signup_policy_name(SignupPolicy policy);          // "open", "students_only", "nobody"
[[nodiscard]] Result<SignupPolicy> parse_signup_policy(std::string_view name);   // error on field "policy"
// What the policy means, in words for a settings screen.
[[nodiscard]] std::string_view signup_policy_label(SignupPolicy policy);

// Where an account stands with its school (users.approval). Accounts made by
// the school, and students, are approved; staff who sign themselves up are
// pending until an administrator approves them, and refused ones are
// deactivated.
enum class Approval { Approved, Pending, Refused };
[[nodiscard]] std::string_view approval_name(Approval approval);        // "approved", "pending", "refused"
[[nodiscard]] Result<Approval> parse_approval(std::string_view name);
// In words for a list of people: "Waiting for approval".
[[nodiscard]] std::string_view approval_label(Approval approval);

// The roles the sign-up screen offers under `policy`, in the order shown
// (empty: sign-up is closed).
[[nodiscard]] std::vector<Role> signup_roles(SignupPolicy policy);

// Whether someone may sign themselves up as `role` under `policy`, and if so
// where their account stands: a PermissionDenied headline error (field
// "role") saying why not, Approval::Pending for staff, Approval::Approved for
// students. Roles no one may give themselves (may_sign_up_as) are the
// caller's to refuse first.
[[nodiscard]] Result<Approval> signup_standing(SignupPolicy policy, Role role);

// The screen's explanation of the policy, for visitors (never empty).
[[nodiscard]] std::string_view signup_notice(SignupPolicy policy);

} // namespace learnloop
