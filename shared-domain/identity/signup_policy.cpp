// Self-registration policies and account approval (see signup_policy.hpp).
#include "identity/signup_policy.hpp"

namespace learnloop {

std::string_view signup_policy_name(SignupPolicy policy)
{
    switch (policy) {
    case SignupPolicy::Open: return "open";
    case SignupPolicy::StudentsOnly: return "students_only";
    case SignupPolicy::Nobody: return "nobody";
    }
    return "nobody";
}

Result<SignupPolicy> parse_signup_policy(std::string_view name)
{
    for (auto policy : k_all_signup_policies) {
        if (signup_policy_name(policy) == name)
            return policy;
    }
    return make_error(ErrorCode::InvalidArgument, "policy must be open, students_only or nobody", "policy");
}

std::string_view signup_policy_label(SignupPolicy policy)
{
    switch (policy) {
    case SignupPolicy::Open: return "Anyone may sign up; teachers wait for an administrator's approval";
    case SignupPolicy::StudentsOnly: return "Students may sign up; the school adds staff";
    case SignupPolicy::Nobody: return "Nobody signs up; the school adds every account";
    }
    return "";
}

std::string_view approval_name(Approval approval)
{
    switch (approval) {
    case Approval::Approved: return "approved";
    case Approval::Pending: return "pending";
    case Approval::Refused: return "refused";
    }
    return "refused";
}

Result<Approval> parse_approval(std::string_view name)
{
    for (auto approval : { Approval::Approved, Approval::Pending, Approval::Refused }) {
        if (approval_name(approval) == name)
            return approval;
    }
    return make_error(ErrorCode::InvalidArgument, "Unknown approval " + std::string(name), "approval");
}

std::string_view approval_label(Approval approval)
{
    switch (approval) {
    case Approval::Approved: return "Approved";
    case Approval::Pending: return "Waiting for approval";
    case Approval::Refused: return "Refused";
    }
    return "";
}

std::vector<Role> signup_roles(SignupPolicy policy)
{
    switch (policy) {
    case SignupPolicy::Open: return { Role::Teacher, Role::Student };
    case SignupPolicy::StudentsOnly: return { Role::Student };
    case SignupPolicy::Nobody: return {};
    }
    return {};
}

Result<Approval> signup_standing(SignupPolicy policy, Role role)
{
    if (policy == SignupPolicy::Nobody)
        return headline_error(ErrorCode::PermissionDenied, "Sign-up closed",
            "This school creates every account itself; ask the school for yours");
    if (role == Role::Student)
        return Approval::Approved;
    if (policy == SignupPolicy::StudentsOnly) {
        auto refusal = headline_error(ErrorCode::PermissionDenied, "Sign-up open to students only",
            "This school creates staff accounts itself; ask an administrator for yours");
        refusal.field = "role";
        return refusal;
    }
    // Staff who name themselves reach no student until the school says who they are.
    return Approval::Pending;
}

std::string_view signup_notice(SignupPolicy policy)
{
    switch (policy) {
    case SignupPolicy::Open:
        return "Teacher accounts wait for the school's approval before they can see students.";
    case SignupPolicy::StudentsOnly:
        return "Students may create their own account here. Teachers: the school creates your account; ask an "
               "administrator.";
    case SignupPolicy::Nobody:
        return "This school creates every account itself. Ask your school for your sign-in details.";
    }
    return "";
}

} // namespace learnloop
