// Tests for shared-domain/identity/signup_policy.* and the permission matrix
// for accounts waiting for approval: who may sign up under each policy, and
// what a pending teacher keeps (the assignment-tracker contract) and loses
// (every way to a student).
#include "identity/permissions.hpp"
#include "identity/signup_policy.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("signup policies round-trip by name and refuse unknown names on field policy")
{
    for (auto policy : k_all_signup_policies) {
        INFO(signup_policy_name(policy));
        CHECK(parse_signup_policy(signup_policy_name(policy)).value() == policy);
        CHECK_FALSE(signup_policy_label(policy).empty());
        CHECK_FALSE(signup_notice(policy).empty());
    }
    CHECK(signup_policy_name(SignupPolicy::StudentsOnly) == "students_only");
    auto unknown = parse_signup_policy("everyone");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::InvalidArgument);
    CHECK(unknown.error().field == "policy");
    for (auto approval : { Approval::Approved, Approval::Pending, Approval::Refused })
        CHECK(parse_approval(approval_name(approval)).value() == approval);
    CHECK(approval_label(Approval::Pending) == "Waiting for approval");
}

TEST_CASE("open: teachers sign up pending, students approved; students only refuses staff; nobody refuses all")
{
    CHECK(signup_standing(SignupPolicy::Open, Role::Teacher).value() == Approval::Pending);
    CHECK(signup_standing(SignupPolicy::Open, Role::Student).value() == Approval::Approved);
    CHECK(signup_standing(SignupPolicy::StudentsOnly, Role::Student).value() == Approval::Approved);

    auto staff = signup_standing(SignupPolicy::StudentsOnly, Role::Teacher);
    REQUIRE_FALSE(staff.ok());
    CHECK(staff.error().code == ErrorCode::PermissionDenied);
    CHECK(staff.error().headline);
    CHECK(staff.error().message == "Sign-up open to students only");
    CHECK(staff.error().field == "role");

    for (auto role : { Role::Teacher, Role::Student }) {
        auto closed = signup_standing(SignupPolicy::Nobody, role);
        REQUIRE_FALSE(closed.ok());
        CHECK(closed.error().code == ErrorCode::PermissionDenied);
        CHECK(closed.error().message == "Sign-up closed");
    }

    CHECK(signup_roles(SignupPolicy::Open) == std::vector<Role> { Role::Teacher, Role::Student });
    CHECK(signup_roles(SignupPolicy::StudentsOnly) == std::vector<Role> { Role::Student });
    CHECK(signup_roles(SignupPolicy::Nobody).empty());
}

TEST_CASE("a teacher waiting for approval keeps the contract's assignment work and reaches no student")
{
    const auto pending = Approval::Pending;
    for (auto action : { Action::AssignmentRead, Action::AssignmentCreate, Action::AssignmentUpdate,
             Action::SubmissionRead, Action::SubmissionReview, Action::SubmissionGrade }) {
        INFO(action_name(action));
        CHECK(permission_scope(Role::Teacher, action, pending) == permission_scope(Role::Teacher, action));
    }
    for (auto action : { Action::UserList, Action::ClassManage, Action::MasteryRead, Action::ClassMasteryRead,
             Action::GradebookRead, Action::TargetAssign, Action::ParentLinkManage, Action::ChildrenRead,
             Action::CurriculumManage }) {
        INFO(action_name(action));
        CHECK(permission_scope(Role::Teacher, action, pending) == Scope::None);
    }
    // Approved accounts have exactly the matrix; refused ones nothing.
    for (auto role : k_all_roles) {
        for (auto action : all_actions()) {
            CHECK(permission_scope(role, action, Approval::Approved) == permission_scope(role, action));
            CHECK(permission_scope(role, action, Approval::Refused) == Scope::None);
            // Waiting never adds anything.
            if (permission_scope(role, action) == Scope::None)
                CHECK(permission_scope(role, action, pending) == Scope::None);
        }
    }
    // Only the teacher the sign-up made keeps anything while waiting: a pending
    // account given another role (say, administrator) reads no one's work.
    CHECK(permission_scope(Role::Admin, Action::SubmissionReview, pending) == Scope::None);
    CHECK(permission_scope(Role::Admin, Action::AssignmentRead, pending) == Scope::None);
    CHECK(permission_scope(Role::Student, Action::SubmissionCreate, pending) == Scope::None);
    CHECK(pending_denial_message() == "Your account is waiting for the school's approval");
}

TEST_CASE("only administrators set the sign-up policy and approve staff")
{
    for (auto role : k_all_roles) {
        INFO(role_name(role));
        CHECK(is_allowed(role, Action::SignupPolicyManage) == (role == Role::Admin));
        CHECK(is_allowed(role, Action::StaffApprove) == (role == Role::Admin));
    }
}
